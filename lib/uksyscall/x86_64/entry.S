/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The syscall instruction's entry (LSTAR). Kiln runs everything in ring
 * 0, so syscall arrives here on the caller's own stack, with RCX = the
 * return address, R11 = RFLAGS and IF/DF/TF/AC cleared (SFMASK). Linux
 * keeps every register but RAX, RCX and R11, the vector registers
 * included: the handlers are ordinary C that may use SSE, so the FPU
 * state is saved around them. The return is a jump: sysret would drop
 * to ring 3.
 */
	.section .text.uk_syscall_entry, "ax"
	.globl uk_syscall_entry
	.type uk_syscall_entry, @function
uk_syscall_entry:
	leaq	-128(%rsp), %rsp	/* the caller's red zone */
	pushq	%rcx			/* where to return */
	pushq	%r11			/* the caller's RFLAGS */
	pushq	%rbp
	movq	%rsp, %rbp
	pushq	%rdi
	pushq	%rsi
	pushq	%rdx
	pushq	%r10
	pushq	%r8
	pushq	%r9
	subq	$512, %rsp
	andq	$-64, %rsp
	fxsave64 (%rsp)

	/* uk_syscall(nr, a1..a6): Linux passes a4 in R10, C in RCX. */
	subq	$16, %rsp
	movq	%r9, (%rsp)
	movq	%r8, %r9
	movq	%r10, %r8
	movq	%rdx, %rcx
	movq	%rsi, %rdx
	movq	%rdi, %rsi
	movq	%rax, %rdi
	call	uk_syscall

	fxrstor64 16(%rsp)
	leaq	-48(%rbp), %rsp
	popq	%r9
	popq	%r8
	popq	%r10
	popq	%rdx
	popq	%rsi
	popq	%rdi
	popq	%rbp
	popfq
	popq	%rcx
	leaq	128(%rsp), %rsp
	jmp	*%rcx
	.size uk_syscall_entry, . - uk_syscall_entry
