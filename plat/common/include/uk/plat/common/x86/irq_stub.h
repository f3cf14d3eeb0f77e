/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * An interrupt stub in assembly: "x86_irq_stub name, handler" defines
 * name, which saves the registers C may clobber, calls handler() and
 * returns with iretq. Every gate runs on an IST stack, 16-byte aligned
 * before the CPU's five words: nine pushes align it again for the call.
 */
#ifndef __UK_PLAT_COMMON_X86_IRQ_STUB_H__
#define __UK_PLAT_COMMON_X86_IRQ_STUB_H__

	.macro	x86_irq_stub name, handler
	.globl	\name
\name:
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
	call	\handler
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
	.endm

#endif /* __UK_PLAT_COMMON_X86_IRQ_STUB_H__ */
