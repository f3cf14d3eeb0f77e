/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Xen's upcall vector (evtchn.c installs it): the registers C may
 * clobber are saved around xen_upcall(), then iretq. The gate runs on
 * the trap IST stack, 16-byte aligned before the CPU's five words: nine
 * pushes align it again for the call.
 */
	.section .text.xen_upcall_entry, "ax"
	.code64
	.globl	xen_upcall_entry
xen_upcall_entry:
	pushq	%rax
	pushq	%rcx
	pushq	%rdx
	pushq	%rsi
	pushq	%rdi
	pushq	%r8
	pushq	%r9
	pushq	%r10
	pushq	%r11
	cld
	call	xen_upcall
	popq	%r11
	popq	%r10
	popq	%r9
	popq	%r8
	popq	%rdi
	popq	%rsi
	popq	%rdx
	popq	%rcx
	popq	%rax
	iretq
