/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Interrupts that are not traps: the APIC timer's stub acknowledges it
 * and returns (the wakeup is the point: ukplat_idle() goes on after its
 * hlt); spurious vectors return without acknowledging, as the APIC and
 * the 8259 want.
 */
#include <uk/plat/common/x86/irq_stub.h>

	.section .text.x86_traps, "ax"
	.code64
	x86_irq_stub x86_lapic_timer_stub, x86_lapic_eoi

	.globl x86_irq_ignore
x86_irq_ignore:
	iretq
