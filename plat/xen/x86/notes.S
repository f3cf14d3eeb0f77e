/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Xen's ELF notes, next to the PVH entry note of plat/common/x86/pvh.S.
 * PVH loaders only need that one; these name the guest for Xen's log
 * and tools ("OS: Kiln ... loader: generic") and declare that the image
 * may run as dom0 (XENFEAT_dom0, which Xen demands of PV dom0 kernels).
 */
#include <xen/elfnote.h>
#include <xen/features.h>

	.macro	xen_note type
	.section .note.Xen, "a", @note
	.balign	4
	.long	4			/* name size: "Xen\0" */
	.long	2f - 1f			/* descriptor size */
	.long	\type
	.asciz	"Xen"
1:
	.endm

	.macro	xen_note_end
2:	.balign	4
	.endm

	xen_note XEN_ELFNOTE_GUEST_OS
	.asciz	"Kiln"
	xen_note_end
	xen_note XEN_ELFNOTE_LOADER
	.asciz	"generic"
	xen_note_end
	xen_note XEN_ELFNOTE_XEN_VERSION
	.asciz	"xen-3.0"
	xen_note_end
	xen_note XEN_ELFNOTE_SUPPORTED_FEATURES
	.long	1 << XENFEAT_dom0
	xen_note_end
