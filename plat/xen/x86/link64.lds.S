/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Xen x86_64 PVH image. The hypercall page ends the text segment: Xen
 * fills it, so it takes memory but no room in the file.
 */
#define X86_TEXT_HEAD
#define X86_TEXT_TAIL							\
	.xen_hypercall_page ALIGN(4096) (NOLOAD) : {			\
		KEEP(*(.xen_hypercall_page))				\
	} :text
#include <uk/plat/common/x86/link64.lds.h>
