/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Interrupts that are not traps: the APIC timer's stub acknowledges it
 * and returns (the wakeup is the point: ukplat_idle() goes on after its
 * hlt); spurious vectors return without acknowledging, as the APIC and
 * the 8259 want. Only the caller-saved registers are kept: C restores
 * the rest. 5 words from the CPU and 9 here keep the call 16-aligned.
 */
	.section .text.x86_traps, "ax"
	.code64
	.globl x86_lapic_timer_stub
x86_lapic_timer_stub:
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
	call	x86_lapic_eoi
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

	.globl x86_irq_ignore
x86_irq_ignore:
	iretq
