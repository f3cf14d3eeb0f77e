/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Stacks live in .stack, after .bss: they need no zeroing. The page under
 * the boot stack stays unmapped, so an overflow faults instead of silently
 * corrupting .bss.
 */
#include <uk/asm/paging.h>
#include <uk/plat/common/x86/desc.h>

	.section .stack, "aw", @nobits
	.balign PAGE_SIZE
	.globl x86_stack_guard
x86_stack_guard:
	.skip	PAGE_SIZE
	.skip	X86_STACK_SIZE
	.globl x86_stack_top
x86_stack_top:
	.globl x86_ist_stacks
x86_ist_stacks:		/* IST n tops at x86_ist_stacks + n * size */
	.skip	X86_IST_COUNT * X86_IST_SIZE
