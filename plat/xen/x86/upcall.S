/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Xen's upcall vector (evtchn.c installs it): xen_upcall() runs, then
 * iretq. Xen's callback vector needs no APIC EOI.
 */
#include <uk/plat/common/x86/irq_stub.h>

	.section .text.xen_upcall_entry, "ax"
	.code64
	x86_irq_stub xen_upcall_entry, xen_upcall
