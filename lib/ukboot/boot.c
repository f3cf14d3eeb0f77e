/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The platform hands over here once the CPU, console and memory map are
 * set up: heap, init levels, arguments, then the libc's start-up (or,
 * with nolibc, the thread pointer), constructors and main().
 */
#include <stdio.h>
#include <stdlib.h>
#include <uk/config.h>
#include <uk/assert.h>
#include <uk/essentials.h>
#include <uk/boot.h>
#include <uk/init.h>
#include <uk/plat/bootstrap.h>
#include <uk/plat/lifecycle.h>
#include <uk/plat/time.h>
#include "boot.h"

extern const uk_init_func_t uk_inittab_start[], uk_inittab_end[];
extern void (*const uk_init_array_start[])(int, char **, char **);
extern void (*const uk_init_array_end[])(int, char **, char **);

int main(int argc, char *argv[]);

int ukboot_argc;
char **ukboot_argv;
#ifndef CONFIG_HAVE_LIBC
extern char **environ;	/* nolibc's */
#endif

static void run_initcalls(void)
{
	const uk_init_func_t *fn;
	int rc;

	for (fn = uk_inittab_start; fn < uk_inittab_end; fn++) {
		rc = (*fn)();
		if (rc != 0)
			UK_CRASH("init function %p failed (%d)\n",
				 (void *)*fn, rc);
	}
}

void ukboot_main(int argc, char **argv, char **envp)
{
	void (*const *ctor)(int, char **, char **);

	for (ctor = uk_init_array_start; ctor < uk_init_array_end; ctor++)
		(*ctor)(argc, argv, envp);
#ifdef CONFIG_LIBUKBOOT_SHOW_BOOTTIME
	printf("ukboot: %llu ns from the first instruction to main()\n",
	       (unsigned long long)ukplat_monotonic_ns());
#endif
	exit(main(argc, argv));
}

void ukplat_entry(void)
{
	char **argv, **envp;
	int argc;

	ukboot_heap_init();
	/* Before anything may touch a thread-local variable (errno). */
#ifndef CONFIG_HAVE_LIBC
	ukboot_tls_init();
#else
	ukboot_tls_scratch();
#endif
	/* Sections are sorted by level, so one walk keeps the order. */
	run_initcalls();
	argc = ukboot_args(&argv, &envp);
	ukboot_argc = argc;
	ukboot_argv = argv;
#ifdef CONFIG_HAVE_LIBC
	ukboot_libc_start(argc, argv, envp);
#else
	environ = envp;
	ukboot_main(argc, argv, envp);
#endif
}
