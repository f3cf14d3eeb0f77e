/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Exception and interrupt entry: one 16-byte stub per exception vector
 * (the IDT points at x86_exc_stubs + 16 * vector) and one shared stub for
 * all others. Stubs make the frame of struct __regs and call x86_trap(),
 * which does not return: every trap is fatal for now.
 */
#include <uk/plat/common/x86/desc.h>

/* Vectors for which the CPU pushes an error code. */
#define ERRCODE_MASK	((1 << 8) | (1 << 10) | (1 << 11) | (1 << 12) | \
			 (1 << 13) | (1 << 14) | (1 << 17) | (1 << 21) | \
			 (1 << 29) | (1 << 30))

	.section .text.x86_traps, "ax"
	.code64
	.balign 16
	.globl x86_exc_stubs
x86_exc_stubs:
	.set	vec, 0
	.rept	32
	.balign 16
	.if	!(ERRCODE_MASK & (1 << vec))
	pushq	$0
	.endif
	pushq	$vec
	jmp	x86_trap_common
	.set	vec, vec + 1
	.endr

	.globl x86_irq_stub
x86_irq_stub:			/* the vector is unknown here */
	pushq	$0
	pushq	$-1
	jmp	x86_trap_common

x86_trap_common:
	pushq	%rax
	pushq	%rbx
	pushq	%rcx
	pushq	%rdx
	pushq	%rsi
	pushq	%rdi
	pushq	%rbp
	pushq	%r8
	pushq	%r9
	pushq	%r10
	pushq	%r11
	pushq	%r12
	pushq	%r13
	pushq	%r14
	pushq	%r15
	cld
	movq	%rsp, %rdi	/* 16-byte aligned, as the IST switch */
	call	x86_trap
	ud2
