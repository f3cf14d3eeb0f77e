/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A test app for the boot tests: "exit N" returns N from main, "null"
 * dereferences NULL, "ud2" runs an invalid opcode, "args" prints argv
 * with delimiters so quoting can be checked. Ends (ending()): "exitcall
 * N" calls exit(N), "abort", "assert" and "crash" (UK_CRASH) crash,
 * "nonl N" prints text without a newline and calls exit(N),
 * "triplefault" (x86) resets the CPU without a word. "argstat"
 * prints argc and the arguments' total length. "peek/poke HEXADDR" read
 * or write a word there. "say TEXT [command...]" prints the line TEXT
 * and goes on with the command after it ("part TEXT ..." the same
 * without the newline); "hang" spins for ever; "halt"
 * stops the CPU with interrupts masked (x86 cli; hlt, arm64 wfi).
 * "portexit N" (x86) writes N to isa-debug-exit's port, without a
 * status line: QEMU exits with N * 2 + 1. "realtime" prints
 * CLOCK_REALTIME's and time()'s seconds.
 * "tls" prints thread-local variables: initialised ones, and a zeroed
 * 64-byte-aligned array after them (whose padding PT_TLS must count).
 * "syscall" runs the system-call instruction (x86 syscall, arm64 svc
 * #0): without a system-call library (LIBUKSYSCALL), a reported crash.
 * "guard [HEXADDR]" makes a page a guard page (ukplat_page_guard) and
 * writes to it: a page fault; "guard-off [HEXADDR]" guards it, maps it
 * back and writes to it (guard_page() has the details).
 */
#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <time.h>
#include <uk/alloc.h>
#include <uk/assert.h>
#include <uk/plat/memory.h>

extern char **environ;	/* POSIX's; nolibc's stdlib.h, musl's unistd.h */

/* Not static, so that gcc keeps them in TLS rather than folding them. */
__thread int probe_tls_counter = 41;
__thread char probe_tls_small = 3;
__thread long probe_tls_zeroed[12] __attribute__((aligned(64)));

/*
 * Heap blocks allocated after the TLS block are filled first: a TLS
 * block allocated too small lets the variables overlap them.
 */
static int tls(void)
{
	unsigned char *blocks[16];
	int i, j, dirty = 0, clobbered = 0;

	for (i = 0; i < 16; i++) {
		blocks[i] = malloc(64);
		memset(blocks[i], 0x5a, 64);
	}
	probe_tls_counter++;
	for (i = 0; i < 12; i++) {
		dirty |= probe_tls_zeroed[i] != 0;
		probe_tls_zeroed[i] = -1;
	}
	for (i = 0; i < 16; i++)
		for (j = 0; j < 64; j++)
			clobbered |= blocks[i][j] != 0x5a;
	printf("tls: counter=%d small=%d zeroed=%s aligned=%s heap=%s\n",
	       probe_tls_counter, probe_tls_small, dirty ? "no" : "yes",
	       (uintptr_t)probe_tls_zeroed % 64 ? "no" : "yes",
	       clobbered ? "clobbered" : "intact");
	return 0;
}

static int deep_null(volatile int *p, int depth)
{
	if (depth > 0)
		return deep_null(p, depth - 1) + 1;
	return *p;
}

/* The ways to end: returns only when argv[1] is none of them. */
static void ending(int argc, char *argv[])
{
	if (strcmp(argv[1], "exitcall") == 0 && argc > 2)
		exit(atoi(argv[2]));
	if (strcmp(argv[1], "abort") == 0)
		abort();
	if (strcmp(argv[1], "assert") == 0)
		assert(argc == 0);
	if (strcmp(argv[1], "crash") == 0)
		UK_CRASH("probe: UK_CRASH\n");
	if (strcmp(argv[1], "nonl") == 0 && argc > 2) {
		printf("probe: no newline");
		fflush(stdout);
		exit(atoi(argv[2]));
	}
	if (strcmp(argv[1], "syscall") == 0) {
#ifdef __x86_64__
		__asm__ __volatile__("syscall" : : "a"(39L)
				     : "rcx", "r11", "memory");
#else
		register long nr __asm__("x8") = 172;

		__asm__ __volatile__("svc #0" : : "r"(nr) : "x0", "memory");
#endif
		printf("probe: the system call returned\n");
	}
#ifdef __x86_64__
	if (strcmp(argv[1], "triplefault") == 0) {
		/* No IDT: the breakpoint cannot be delivered, nor the
		 * double fault: the CPU resets, without a status line.
		 */
		static const struct __attribute__((packed)) {
			unsigned short limit;
			unsigned long base;
		} no_idt;

		printf("probe: triple fault\n");
		__asm__ __volatile__("lidt %0; int3" : : "m"(no_idt));
	}
#endif
}

/* "hang": never ends, never sleeps. */
static void hang(void)
{
	for (;;)
		__asm__ __volatile__("" : : : "memory");
}

/* "halt": the CPU stops with interrupts masked, without a word. */
static void halt(void)
{
	for (;;) {
#if defined(__x86_64__)
		__asm__ __volatile__("cli; hlt");
#elif defined(__aarch64__)
		__asm__ __volatile__("msr daifset, #0xf; wfi");
#endif
	}
}

/* "portexit N": QEMU's isa-debug-exit (port 0xf4), bypassing the status line. */
static void portexit(const char *n)
{
#ifdef __x86_64__
	unsigned int v = (unsigned int)atoi(n);

	__asm__ __volatile__("outl %0, %1" : : "a"(v), "Nd"((unsigned short)0xf4));
#else
	(void)n;
#endif
	printf("probe: portexit: no isa-debug-exit here\n");
}

/* "argstat": argc and the bytes of argv[1..], for the limit tests. */
static int argstat(int argc, char *argv[])
{
	size_t bytes = 0;
	int i;

	for (i = 1; i < argc; i++)
		bytes += strlen(argv[i]);
	printf("probe: argc=%d bytes=%zu\n", argc, bytes);
	return 0;
}

/*
 * "peek ADDR" / "poke ADDR" (hex): one 8-byte read or write there, for
 * the NULL guard tests. The address is printed first.
 */
static int peekpoke(const char *cmd, const char *addr)
{
	volatile unsigned long *p;

	p = (volatile unsigned long *)strtoul(addr, NULL, 16);
	printf("probe: %s 0x%lx\n", cmd, (unsigned long)p);
	if (cmd[1] == 'e')
		printf("probe: read 0x%lx\n", *p);
	else
		*p = 0x6b696c6eUL;
	printf("probe: %s done\n", cmd);
	return 0;
}

/* "realtime": the wall clock, both ways a C program reads it. */
static int realtime(void)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_REALTIME, &ts))
		return 1;
	printf("probe: realtime %lld.%09ld time %lld\n", (long long)ts.tv_sec,
	       ts.tv_nsec, (long long)time(NULL));
	return 0;
}

#define PROBE_PAGE	4096UL
#define PROBE_2M	0x200000UL

static char *guard_next;

/* The tables ukplat_page_guard() asks for, three ways. */
static void *table_heap(void)
{
	return uk_memalign(uk_alloc_get_default(), PROBE_PAGE, PROBE_PAGE);
}

static void *table_next(void)
{
	char *p = guard_next;

	guard_next += PROBE_PAGE;
	return p;
}

static void *table_none(void)
{
	return NULL;
}

/* Whether the word at p can be written and read back (then restored). */
static int touch(char *p)
{
	volatile unsigned long *w = (volatile unsigned long *)p;
	unsigned long v = *w;
	int ok;

	*w = 0x6b696c6eUL;
	ok = *w == 0x6b696c6eUL;
	*w = v;
	return ok;
}

/*
 * "guard" / "guard-off" [HEXADDR]. Without HEXADDR the page lies 12 KiB
 * into a 2 MiB-aligned heap block, which the platform mapped as one
 * 2 MiB page (RAM allowing), and the tables come from the heap. With
 * it, the page is at HEXADDR, free heap RAM the test knows to lie in a
 * 1 GiB page, and the tables are the pages from HEXADDR + 8 KiB on: so
 * they lie inside the very blocks they split (the hard case for arm64).
 * Those pages are taken behind the allocator's back: test use only.
 * "guard" checks that the pages around stay read-write (4 KiB away, and
 * 2 MiB with HEXADDR), then writes the page: a fault. "guard-off" first
 * checks what is refused (-1: an unaligned address, code, the NULL
 * guard, a big page without a table to split it, which must leave the
 * page writable), then guards, maps back and writes, twice (the second
 * time on the 4 KiB entry the first made).
 */
static int guard_page(const char *cmd, const char *addr)
{
	void *(*alloc)(void) = table_heap;
	uintptr_t code = (uintptr_t)guard_page & ~(PROBE_PAGE - 1);
	char *page;
	int i, rc[4];

	if (addr) {
		page = (char *)strtoul(addr, NULL, 16);
		guard_next = page + 2 * PROBE_PAGE;
		alloc = table_next;
	} else {
		page = uk_memalign(uk_alloc_get_default(), PROBE_2M, PROBE_2M);
		if (!page) {
			printf("probe: %s: no memory\n", cmd);
			return 1;
		}
		page += 3 * PROBE_PAGE;
	}
	printf("probe: %s 0x%lx\n", cmd, (unsigned long)page);

	if (!strcmp(cmd, "guard-off")) {
		rc[0] = ukplat_page_guard((uintptr_t)page + 8, 1, alloc);
		rc[1] = ukplat_page_guard(code, 1, alloc);
		rc[2] = ukplat_page_guard(0x1000, 1, alloc);
		rc[3] = ukplat_page_guard((uintptr_t)page, 1, table_none);
		printf("probe: refused: unaligned %d code %d null %d no-table %d; page %s\n",
		       rc[0], rc[1], rc[2], rc[3],
		       touch(page) ? "writable" : "lost");
		for (i = 0; i < 2; i++) {
			rc[0] = ukplat_page_guard((uintptr_t)page, 1, alloc);
			rc[1] = ukplat_page_guard((uintptr_t)page, 0, alloc);
			printf("probe: guard %d, unguard %d, write %s\n", rc[0],
			       rc[1], touch(page) ? "ok" : "failed");
		}
		return 0;
	}

	if (ukplat_page_guard((uintptr_t)page, 1, alloc)) {
		printf("probe: guard: refused\n");
		return 1;
	}
	if (!touch(page - PROBE_PAGE) || !touch(page + PROBE_PAGE) ||
	    (addr && !touch(page + PROBE_2M))) {
		printf("probe: guard: a page around lost\n");
		return 1;
	}
	printf("probe: guard: pages around writable; writing the page\n");
	fflush(stdout);
	*(volatile unsigned long *)page = 1;
	printf("probe: guard: the write did not fault\n");
	return 1;
}

int main(int argc, char *argv[])
{
	int i;

	if (argc < 2)
		return 0;
	/* "say TEXT ...": the line, then the rest as a command line. */
	if ((!strcmp(argv[1], "say") || !strcmp(argv[1], "part")) && argc > 2) {
		printf("%s%s", argv[2], argv[1][0] == 's' ? "\n" : "");
		fflush(stdout);
		argv[2] = argv[0];
		return main(argc - 2, argv + 2);
	}
	if (strcmp(argv[1], "hang") == 0)
		hang();
	if (strcmp(argv[1], "halt") == 0)
		halt();
	if (strcmp(argv[1], "portexit") == 0 && argc > 2) {
		portexit(argv[2]);
		return 2;
	}
	ending(argc, argv);
	if (strcmp(argv[1], "realtime") == 0)
		return realtime();
	if (strcmp(argv[1], "tls") == 0)
		return tls();
	if (!strcmp(argv[1], "guard") || !strcmp(argv[1], "guard-off"))
		return guard_page(argv[1], argc > 2 ? argv[2] : NULL);
	if (strcmp(argv[1], "argstat") == 0)
		return argstat(argc, argv);
	if ((!strcmp(argv[1], "peek") || !strcmp(argv[1], "poke")) && argc > 2)
		return peekpoke(argv[1], argv[2]);
	if (strcmp(argv[1], "exit") == 0 && argc > 2)
		return atoi(argv[2]);
	if (strcmp(argv[1], "null") == 0) {
		printf("probe: dereferencing NULL\n");
		return deep_null((volatile int *)0, 3);
	}
	if (strcmp(argv[1], "ud2") == 0) {
		printf("probe: invalid opcode\n");
		__builtin_trap();
	}
	if (strcmp(argv[1], "args") == 0) {
		for (i = 0; i < argc; i++)
			printf("arg%d=<%s>\n", i, argv[i]);
		for (i = 0; environ[i]; i++)
			printf("env%d=<%s>\n", i, environ[i]);
		return 0;
	}
	printf("probe: unknown command %s\n", argv[1]);
	return 2;
}
