/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The system-call entry under hostile callers (musl). Modes, by argv[1]:
 *   regs NAME     every register set to a known value around one system
 *                 call (getpid, write, kill: a signal handler that makes
 *                 a call itself and clobbers every vector register, or
 *                 a number: 100000, -1, ...); prints what changed.
 *   lowstack N    write() with the stack pointer N bytes above the
 *                 unmapped page under the boot stack.
 *   stackuse      the stack bytes each of a few calls uses.
 *   rand          getrandom() twice, and whether the CPU has RDRAND/RNDR.
 *   libc          the values /tmp/mh-style apps print (equal on every
 *                 arch).
 * Exit status: 0, or 1 when some check printed "FAIL".
 */
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include "trap.h"

struct tr_regs tr_before, tr_after;

#ifdef __x86_64__
#define NR_REG(r)	((r).gpr[0])
#define ARG_REG(r, i)	((r).gpr[(int[]){ 7, 6, 2 }[i]])	/* rdi rsi rdx */
#define NVEC		16
#define FLAGS_SET	0x4d5UL	/* CF PF AF ZF SF DF, set before the call */
#define FPC_SET		(0x3f80UL | 0x077fUL << 32)	/* round down */
extern char x86_stack_guard[];
#define STACK_BOTTOM	(x86_stack_guard + 4096)
static const char *const gpr_names[16] = {
	"rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi",
	"r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15"
};

/* Linux's syscall changes rax, rcx and r11 only. */
static int gpr_kept(int i)
{
	return i < 16 && i != 0 && i != 1 && i != 11;
}
#else
#define NR_REG(r)	((r).gpr[8])
#define ARG_REG(r, i)	((r).gpr[i])
#define NVEC		32
#define FLAGS_SET	0xa0000000UL	/* N and C */
#define FPC_SET		(1UL << 24 | 1UL << 22)	/* flush to zero, round up */
#define FPS_SET		0x11UL	/* IXC, IOC */
extern char arm64_stack_guard[];
#define STACK_BOTTOM	(arm64_stack_guard + 4096)

/* Linux's svc changes x0 only. */
static int gpr_kept(int i)
{
	return i >= 1 && i <= 30;
}
#endif

static int failed;

static void handler(int sig)
{
	char line[] = "handler: signal 00\n";

	line[16] += sig / 10;
	line[17] += sig % 10;
	write(1, line, sizeof(line) - 1);	/* a call within a call */
	tr_clobber_fp();
}

static void regs(const char *name)
{
	static const char msg[] = "regs: written\n";
	char changed[512] = "";
	int i;

	for (i = 0; i < 32; i++) {
		tr_before.gpr[i] = 0x5a00000000000000UL + i * 0x0001000100010001UL;
		tr_before.vec[i][0] = 0xc0de000000000000UL | i << 8;
		tr_before.vec[i][1] = 0xfeed000000000000UL | i << 8 | 1;
	}
	for (i = 0; i < 16; i++)
		tr_before.red[i] = 0x8ed2000000000000UL | i;
	tr_before.flags = FLAGS_SET;
	tr_before.fpc = FPC_SET;
#ifdef FPS_SET
	tr_before.fps = FPS_SET;
#endif
	if (!strcmp(name, "getpid")) {
		NR_REG(tr_before) = SYS_getpid;
	} else if (!strcmp(name, "write")) {
		NR_REG(tr_before) = SYS_write;
		ARG_REG(tr_before, 0) = 1;
		ARG_REG(tr_before, 1) = (unsigned long)msg;
		ARG_REG(tr_before, 2) = sizeof(msg) - 1;
	} else if (!strcmp(name, "kill")) {
		signal(SIGUSR1, handler);
		NR_REG(tr_before) = SYS_kill;
		ARG_REG(tr_before, 0) = getpid();
		ARG_REG(tr_before, 1) = SIGUSR1;
	} else {
		NR_REG(tr_before) = strtol(name, NULL, 0);
	}
	memset(&tr_after, 0, sizeof(tr_after));
	tr_syscall();

	for (i = 0; i < 32; i++)
		if (gpr_kept(i) && tr_after.gpr[i] != tr_before.gpr[i]) {
#ifdef __x86_64__
			strcat(changed, " ");
			strcat(changed, gpr_names[i]);
#else
			sprintf(changed + strlen(changed), " x%d", i);
#endif
		}
	for (i = 0; i < NVEC; i++)
		if (tr_after.vec[i][0] != tr_before.vec[i][0] ||
		    tr_after.vec[i][1] != tr_before.vec[i][1])
			sprintf(changed + strlen(changed), " %s%d",
				NVEC == 16 ? "xmm" : "q", i);
	if ((tr_after.flags & FLAGS_SET) != FLAGS_SET)
		sprintf(changed + strlen(changed), " flags(%#lx)",
			(unsigned long)tr_after.flags);
	if (tr_after.fpc != tr_before.fpc)
		sprintf(changed + strlen(changed), " fpcontrol(%#lx)",
			(unsigned long)tr_after.fpc);
	if (tr_after.fps != tr_before.fps)
		sprintf(changed + strlen(changed), " fpstatus(%#lx)",
			(unsigned long)tr_after.fps);
	/* x86 only: AAPCS64 keeps nothing below sp. */
	for (i = 0; i < 16 && NVEC == 16; i++)
		if (tr_after.red[i] != tr_before.red[i]) {
			sprintf(changed + strlen(changed), " redzone[-%d]",
				8 * (i + 1));
			break;
		}
	if (changed[0]) {
		failed = 1;
		printf("regs %s: result %ld, FAIL changed:%s\n", name,
		       (long)tr_after.gpr[0], changed);
	} else {
		printf("regs %s: result %ld, all kept\n", name,
		       (long)tr_after.gpr[0]);
	}
}

static void lowstack(long room)
{
	static const char msg[] = "lowstack: written\n";
	char *sp = (char *)((unsigned long)(STACK_BOTTOM + room) & ~15UL);
	long r;

	printf("lowstack %ld: calling\n", room);
	fflush(stdout);
	r = tr_on_stack(SYS_write, 1, (long)msg, sizeof(msg) - 1, sp);
	printf("lowstack %ld: result %ld\n", room, r);
}

/* The bytes below sp a call touched, on a stack of known contents. */
static long stack_used(long nr, long a1, long a2, long a3)
{
	static char area[32768] __attribute__((aligned(16)));
	size_t i;

	memset(area, 0xa5, sizeof(area));
	tr_on_stack(nr, a1, a2, a3, area + sizeof(area));
	for (i = 0; i < sizeof(area) && area[i] == (char)0xa5; i++)
		;
	return sizeof(area) - i;
}

static void stackuse(void)
{
	static const char msg[] = "stackuse: written\n";
	struct timespec ts;

	printf("stackuse getpid: %ld bytes\n", stack_used(SYS_getpid, 0, 0, 0));
	printf("stackuse write: %ld bytes\n",
	       stack_used(SYS_write, 1, (long)msg, sizeof(msg) - 1));
	printf("stackuse clock_gettime: %ld bytes\n",
	       stack_used(SYS_clock_gettime, CLOCK_MONOTONIC, (long)&ts, 0));
	printf("stackuse 100000: %ld bytes\n", stack_used(100000, 0, 0, 0));
}

static void rand_check(void)
{
	unsigned char a[16], b[16];
	long na = getrandom(a, sizeof(a), 0), nb = getrandom(b, sizeof(b), 0);
	int hw;

#ifdef __x86_64__
	unsigned int ecx;

	__asm__("cpuid" : "=c"(ecx) : "a"(1), "c"(0) : "ebx", "edx");
	hw = ecx >> 30 & 1;
#else
	unsigned long isar0, v = 0, nzcv = 1UL << 30;

	__asm__("mrs %0, id_aa64isar0_el1" : "=r"(isar0));
	hw = (isar0 >> 60 & 0xf) >= 1;
	if (hw)	/* RNDR at EL1: Z clear when a number came */
		__asm__ __volatile__("mrs %0, s3_3_c2_c4_0; mrs %1, nzcv"
				     : "=r"(v), "=r"(nzcv));
	printf("rand rndr: %s\n", !hw ? "none" :
	       nzcv & 1UL << 30 ? "FAIL no number" : v ? "a number" : "zero");
#endif
	printf("rand: %ld %ld %s, hardware %s\n", na, nb,
	       memcmp(a, b, sizeof(a)) ? "differ" : "FAIL equal",
	       hw ? "yes" : "no");
	if (na != 16 || nb != 16 || !memcmp(a, b, sizeof(a)))
		failed = 1;
}

static __thread int tls = 5;

static void libc(int argc)
{
	struct timespec ts;
	char *p = malloc(100000);

	clock_gettime(CLOCK_MONOTONIC, &ts);
	strcpy(p, "big");
	printf("libc: argc=%d sqrt2=%.6f pid=%d tls=%d %a %.10Lf %s %s\n",
	       argc, sqrt(2.0), getpid(), tls, 1.0, 1.0L / 3, p,
	       ts.tv_sec >= 0 ? "clock" : "FAIL clock");
	free(p);
}

int main(int argc, char *argv[])
{
	if (argc > 2 && !strcmp(argv[1], "regs"))
		regs(argv[2]);
	else if (argc > 2 && !strcmp(argv[1], "lowstack"))
		lowstack(atol(argv[2]));
	else if (argc > 1 && !strcmp(argv[1], "stackuse"))
		stackuse();
	else if (argc > 1 && !strcmp(argv[1], "rand"))
		rand_check();
	else if (argc > 1 && !strcmp(argv[1], "libc"))
		libc(argc);
	else
		printf("usage: regs NAME | lowstack N | stackuse | rand | libc\n");
	return failed;
}
