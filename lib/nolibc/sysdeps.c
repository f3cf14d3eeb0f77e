/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * What prebuilt toolchain objects expect from a Linux libc. The aarch64
 * atomics helpers in Rust's compiler_builtins (and libgcc) ask
 * getauxval(AT_HWCAP) whether the CPU has LSE atomics, in a function
 * built with the stack protector: no auxiliary vector here, so the
 * answer is 0 (their load/store-exclusive fallback), and a smashed
 * stack is a crash.
 */
#include <errno.h>
#include <stdint.h>
#include <uk/assert.h>

unsigned long getauxval(unsigned long type)
{
	errno = ENOENT;
	return 0;
}

uintptr_t __stack_chk_guard = 0x2f6b696c6e2f0aUL;

void __stack_chk_fail(void)
{
	UK_CRASH("stack smashing detected\n");
}
