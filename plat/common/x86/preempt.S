/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Preempting the interrupted thread (irq_stub.h jumps here when
 * plat_preempt_wanted() said so). The stub's frame is on the IST stack,
 * which the next interrupt reuses: it moves to the thread's own stack,
 * below the red zone the interrupted code may be using, with the vector
 * registers under it, and plat_preempt_run() switches threads from
 * there. When this thread runs again, the frame is popped and iretq
 * returns to where it was interrupted, on its own stack.
 * Only registers the stub saved are used: the others are the thread's.
 */
#include <uk/plat/common/x86/irq_stub.h>

	.section .text.x86_irq_preempt, "ax"
	.code64
	.globl	x86_irq_preempt
x86_irq_preempt:
	movq	X86_IRQ_FRAME_RSP(%rsp), %rdi
	subq	$128, %rdi			/* the red zone */
	andq	$-16, %rdi
	subq	$X86_IRQ_FRAME, %rdi
	movq	%rsp, %rsi
	movq	%rdi, %rax
	movl	$X86_IRQ_FRAME / 8, %ecx
	rep movsq
	movq	%rax, %rsp
	subq	$512, %rsp
	andq	$-64, %rsp
	pushq	%rax
	pushq	%rax
	fxsave64 16(%rsp)
	call	plat_preempt_run
	fxrstor64 16(%rsp)
	movq	(%rsp), %rsp
	x86_irq_pop
	iretq
