/* SPDX-License-Identifier: BSD-3-Clause */
/* What ukboot gives main() and the libc that starts it. */
#ifndef __UK_BOOT_H__
#define __UK_BOOT_H__

#include <stdint.h>
#include <uk/essentials.h>

/* main()'s arguments, for code that is not main (e.g. Rust's uk::args). */
extern int ukboot_argc;
extern char **ukboot_argv;

/*
 * A libc that sets HAVE_LIBC defines ukboot_libc_start(): it sets itself
 * up (thread pointer, stdio, environ, ...) and then calls ukboot_main().
 * envp holds the NAME=VALUE words before "--" on the command line.
 */
void ukboot_libc_start(int argc, char **argv, char **envp) __noreturn;

/* Constructors with (argc, argv, envp), then exit(main(argc, argv)). */
void ukboot_main(int argc, char **argv, char **envp) __noreturn;

/*
 * A new block of the image's thread-local variables (a copy of .tdata,
 * a zeroed .tbss) laid out for the arch's thread pointer, which goes to
 * *tp. *area is the allocation to uk_free() from the default allocator
 * later; both are 0 when the image has no thread-local variables.
 * Returns 0, or -1 when memory is short.
 */
int ukboot_tls_alloc(void **area, uintptr_t *tp);

#endif /* __UK_BOOT_H__ */
