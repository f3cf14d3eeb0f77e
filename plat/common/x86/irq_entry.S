/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * One stub per device vector (X86_DEV_VECTOR on, irq.c hands them
 * out): each calls x86_dev_irq(its index), which runs the handler and
 * ends the interrupt at the APIC.
 */
#include <uk/plat/common/x86/irq_stub.h>

	.section .text.x86_traps, "ax"
	.code64
	.irp	n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
	x86_irq_stub x86_dev_irq_stub\n, x86_dev_irq, \n
	.endr

	.section .rodata
	.balign	8
	.globl	x86_dev_irq_stubs
x86_dev_irq_stubs:
	.irp	n, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
	.quad	x86_dev_irq_stub\n
	.endr
