/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * An interrupt stub in assembly: "x86_irq_stub name, handler [, arg]"
 * defines name, which saves the registers C may clobber, calls
 * handler() (handler(arg) when given: device vectors share a handler)
 * (platform code: no vector registers), asks whether to preempt the
 * interrupted thread (x86_irq_preempt, then) and returns with iretq.
 * Every gate runs on an IST stack (4 KiB), 16-byte aligned before the
 * CPU's five words: nine pushes align it again for the call.
 */
#ifndef __UK_PLAT_COMMON_X86_IRQ_STUB_H__
#define __UK_PLAT_COMMON_X86_IRQ_STUB_H__

/* Bytes the stub pushes: nine registers, then the CPU's five words. */
#define X86_IRQ_FRAME		(14 * 8)
#define X86_IRQ_FRAME_RSP	(12 * 8)

	.macro	x86_irq_pop
	popq	%r11
	popq	%r10
	popq	%r9
	popq	%r8
	popq	%rdi
	popq	%rsi
	popq	%rdx
	popq	%rcx
	popq	%rax
	.endm

	.macro	x86_irq_stub name, handler, arg
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
	.ifnb	\arg
	movl	$\arg, %edi
	.endif
	call	\handler
	/* The scheduler's want() is ordinary C, free to use SSE: the
	 * interrupted code's vector registers are saved around it.
	 */
	movq	%rsp, %rax
	subq	$512, %rsp
	andq	$-64, %rsp
	pushq	%rax
	pushq	%rax
	fxsave64 16(%rsp)
	call	plat_preempt_wanted
	fxrstor64 16(%rsp)
	movq	(%rsp), %rsp
	testl	%eax, %eax
	jnz	x86_irq_preempt
	x86_irq_pop
	iretq
	.endm

#endif /* __UK_PLAT_COMMON_X86_IRQ_STUB_H__ */
