/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The syscall instruction's entry (LSTAR). Kiln runs everything in ring
 * 0, so syscall arrives here on the caller's own stack, with RCX = the
 * return address, R11 = RFLAGS and IF/DF/TF/AC cleared (SFMASK). Linux
 * keeps every register but RAX, RCX and R11, the vector registers
 * included: the handlers are ordinary C that may use SSE, so the FPU
 * state is saved around them. Every general register is saved in one
 * frame (struct in clone.c) that clone() copies for the new thread,
 * which leaves through uk_syscall_return too. The return is a jump:
 * sysret would drop to ring 3.
 */
	.section .text.uk_syscall_entry, "ax"
	.globl uk_syscall_entry
	.type uk_syscall_entry, @function
uk_syscall_entry:
	leaq	-128(%rsp), %rsp	/* the caller's red zone */
	pushq	%rcx			/* where to return */
	pushq	%r11			/* the caller's RFLAGS */
	pushq	%rax
	pushq	%rdi
	pushq	%rsi
	pushq	%rdx
	pushq	%r10
	pushq	%r8
	pushq	%r9
	pushq	%rbp
	pushq	%rbx
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	movq	%rsp, %rbx		/* the frame, kept across the call */
	leaq	-512(%rsp), %rsp
	andq	$-64, %rsp
	fxsave64 (%rsp)

	/* uk_syscall_frame(nr, a1..a6, frame): Linux passes a4 in R10, C in
	 * RCX; a6 and the frame go on the stack.
	 */
	subq	$16, %rsp
	movq	%r9, (%rsp)
	movq	%rbx, 8(%rsp)
	movq	%r8, %r9
	movq	%r10, %r8
	movq	%rdx, %rcx
	movq	%rsi, %rdx
	movq	%rdi, %rsi
	movq	%rax, %rdi
	call	uk_syscall_frame

	/* RAX: the result; RBX: the frame; RSP: 16 bytes below the FPU
	 * state, at ALIGN_DOWN(frame - 512, 64).
	 */
	.globl	uk_syscall_return
uk_syscall_return:
	fxrstor64 16(%rsp)
	movq	%rbx, %rsp
	popq	%r15
	popq	%r14
	popq	%r13
	popq	%r12
	popq	%rbx
	popq	%rbp
	popq	%r9
	popq	%r8
	popq	%r10
	popq	%rdx
	popq	%rsi
	popq	%rdi
	leaq	8(%rsp), %rsp		/* the number */
	popfq
	popq	%rcx
	leaq	128(%rsp), %rsp
	jmp	*%rcx
	.size uk_syscall_entry, . - uk_syscall_entry

	/* A clone()d thread's first instructions: RDI = its copy of the
	 * frame, the FPU state copied below it, as the entry left them.
	 */
	.globl	uk_syscall_child
	.type	uk_syscall_child, @function
uk_syscall_child:
	movq	%rdi, %rbx
	leaq	-512(%rdi), %rsp
	andq	$-64, %rsp
	subq	$16, %rsp
	xorl	%eax, %eax
	jmp	uk_syscall_return
	.size	uk_syscall_child, . - uk_syscall_child
