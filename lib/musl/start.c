/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * What a Linux kernel gives a static musl program before its first
 * instruction: a stack holding argc, argv, envp and the auxiliary vector.
 * musl's __libc_start_main reads the vector (page size, where the TLS
 * template is, 16 random bytes for the stack protector), sets up its
 * thread pointer and stdio through system calls, and calls back here to
 * run the constructors and main().
 */
#include <elf.h>
#include <stdint.h>
#include <sys/auxv.h>
#include <sys/random.h>
#include <sys/syscall.h>
#include <uk/config.h>
#include <uk/boot.h>
#include <uk/asm/paging.h>
#include <uk/syscall.h>
#include <uk/plat/common/sections.h>

int __libc_start_main(int (*main)(int, char **, char **), int argc,
		      char **argv, void (*init)(void), void (*fini)(void),
		      void (*ldso)(void));

/* The one program header musl looks for: the TLS template. */
static Elf64_Phdr tls_phdr = { .p_type = PT_TLS, .p_flags = PF_R };
static unsigned char at_random[16];
static int kiln_main(int argc, char **argv, char **envp)
{
	ukboot_main(argc, argv, envp);
}

void ukboot_libc_start(int argc, char **argv, char **envp)
{
	/* argv and its NULL, envp and its NULL, the pairs. */
	static char *stack[2 * CONFIG_LIBUKBOOT_MAXARGS + 3 + 2 * 8];
	size_t *aux;
	int i, e;

	tls_phdr.p_vaddr = tls_phdr.p_paddr = (uintptr_t)__tls_start;
	tls_phdr.p_filesz = __tdata_end - __tls_start;
	tls_phdr.p_memsz = __tls_end - __tls_start;
	tls_phdr.p_align = (uintptr_t)__tls_align;
	/*
	 * musl is not set up yet: the system call's code, called directly.
	 * Linux fills AT_RANDOM from its pool whatever the CPU: no warning
	 * about the CPU's lack of a random number instruction here.
	 */
	uk_syscall(SYS_getrandom, (long)at_random, sizeof(at_random),
		   GRND_INSECURE, 0, 0, 0);

	for (i = 0; i <= argc; i++)
		stack[i] = argv[i];
	for (e = 0; envp[e]; e++)
		stack[i++] = envp[e];
	stack[i] = NULL;
	aux = (size_t *)&stack[i + 1];
	*aux++ = AT_PAGESZ;	*aux++ = PAGE_SIZE;
	*aux++ = AT_PHDR;	*aux++ = (uintptr_t)&tls_phdr;
	*aux++ = AT_PHENT;	*aux++ = sizeof(tls_phdr);
	*aux++ = AT_PHNUM;	*aux++ = 1;
	*aux++ = AT_RANDOM;	*aux++ = (uintptr_t)at_random;
	*aux++ = AT_EXECFN;	*aux++ = (uintptr_t)argv[0];
	*aux++ = AT_NULL;	*aux++ = 0;
	__libc_start_main(kiln_main, argc, stack, NULL, NULL, NULL);
	__builtin_unreachable();
}
