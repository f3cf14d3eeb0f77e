/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * x86_crash_exit32: x86_crash_exit() (shutdown.c) for the 32-bit boot
 * code that has no stack nor RAM it may use (x86_boot_nomem32): the
 * crash line on isa-debugcon, then isa-debug-exit, else halt.
 */
#include <uk/plat/common/status.h>
#include "kvm.h"

	.section .text.boot32, "ax"
	.code32
	.globl x86_crash_exit32
x86_crash_exit32:
	movl	$crash_line, %esi
	movw	$KVM_DEBUGCON_PORT, %dx
1:	movb	(%esi), %al
	testb	%al, %al
	jz	2f
	outb	%al, %dx
	incl	%esi
	jmp	1b
2:	movw	$KVM_DEBUG_EXIT_PORT, %dx
	movl	$KVM_DEBUG_EXIT_CRASH, %eax
	outl	%eax, %dx
3:	cli
	hlt
	jmp	3b

crash_line:
	.asciz	PLAT_STATUS_CRASH_LINE
