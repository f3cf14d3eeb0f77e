/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * setjmp/longjmp for x86_64 (System V ABI). jmp_buf holds what a call must
 * preserve: rbx, rbp, r12-r15, the stack pointer as it is after setjmp
 * returns, and the return address. Layout shared with <setjmp.h>.
 */

	.section .text.setjmp, "ax", @progbits
	.globl setjmp
	.globl _setjmp
	.type setjmp, @function
	.type _setjmp, @function
setjmp:
_setjmp:
	movq	%rbx, 0(%rdi)
	movq	%rbp, 8(%rdi)
	movq	%r12, 16(%rdi)
	movq	%r13, 24(%rdi)
	movq	%r14, 32(%rdi)
	movq	%r15, 40(%rdi)
	leaq	8(%rsp), %rdx		/* rsp once we have returned */
	movq	%rdx, 48(%rdi)
	movq	(%rsp), %rdx		/* where we return to */
	movq	%rdx, 56(%rdi)
	xorl	%eax, %eax
	ret
	.size setjmp, . - setjmp
	.size _setjmp, . - _setjmp

	.section .text.longjmp, "ax", @progbits
	.globl longjmp
	.globl _longjmp
	.type longjmp, @function
	.type _longjmp, @function
longjmp:
_longjmp:
	/* setjmp must appear to return val, or 1 when val is 0 */
	movl	%esi, %eax
	testl	%eax, %eax
	jnz	1f
	incl	%eax
1:	movq	0(%rdi), %rbx
	movq	8(%rdi), %rbp
	movq	16(%rdi), %r12
	movq	24(%rdi), %r13
	movq	32(%rdi), %r14
	movq	40(%rdi), %r15
	movq	48(%rdi), %rsp
	jmpq	*56(%rdi)
	.size longjmp, . - longjmp
	.size _longjmp, . - _longjmp

	.section .note.GNU-stack, "", @progbits
