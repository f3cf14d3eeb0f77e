/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The hypercall page: Xen writes a 32-byte stub per hypercall here when
 * told its address (setup.c). It ends the text segment without taking
 * room in the file (see link64.lds.S).
 */
	.section .xen_hypercall_page, "ax", @nobits
	.balign	4096
	.globl	xen_hypercall_page
xen_hypercall_page:
	.skip	4096
