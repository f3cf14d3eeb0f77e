/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * PVH entry: the ELF note tells QEMU and Xen where to start us, in 32-bit
 * protected mode with paging off and %ebx = struct hvm_start_info.
 */
#include <uk/plat/common/x86/pvh.h>

	.section .note.Xen, "a", @note
	.balign 4
	.long	4			/* name size: "Xen\0" */
	.long	8			/* descriptor size */
	.long	PVH_ELFNOTE_PHYS32_ENTRY
	.asciz	"Xen"
	.balign 4
	.quad	x86_pvh_entry		/* QEMU reads 8 bytes */

	.section .text.boot32, "ax"
	.code32
	.globl x86_pvh_entry
x86_pvh_entry:
	rdtsc			/* time 0 of ukplat_monotonic_ns() */
	movl	%eax, x86_boot_tsc
	movl	%edx, x86_boot_tsc + 4
	movl	%ebx, %edi
	movl	$x86_pvh_parse, %esi
	jmp	x86_start32
