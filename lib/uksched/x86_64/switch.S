/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Thread switch, x86_64 (System V ABI): the callee-saved registers,
 * MXCSR and the x87 control word go on the stack, which is all a C
 * caller expects to survive a call. Vector registers are caller-saved:
 * the system-call entry and preemption path save them where needed.
 */
	.section .text.uksched_arch_switch, "ax"
	.globl	uksched_arch_switch
	.type	uksched_arch_switch, @function
/* void uksched_arch_switch(uintptr_t *prev_sp, uintptr_t next_sp) */
uksched_arch_switch:
	pushq	%rbp
	pushq	%rbx
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	subq	$8, %rsp
	stmxcsr	(%rsp)
	fnstcw	4(%rsp)
	movq	%rsp, (%rdi)
	movq	%rsi, %rsp
	ldmxcsr	(%rsp)
	fldcw	4(%rsp)
	addq	$8, %rsp
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbx
	popq	%rbp
	ret
	.size	uksched_arch_switch, . - uksched_arch_switch

/* A new thread's first return lands here: r13 = entry, r12 = arg. */
	.globl	uksched_arch_start
	.type	uksched_arch_start, @function
uksched_arch_start:
	call	uksched_thread_started
	movq	%r12, %rdi
	call	*%r13
	ud2
	.size	uksched_arch_start, . - uksched_arch_start
