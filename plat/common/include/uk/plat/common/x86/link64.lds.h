/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The x86_64 PVH image layout kvm and xen share: loaded at 1 MiB,
 * physical = virtual, entered at the PVH entry; the .note.Xen notes end
 * the read-only segment and have their own PT_NOTE. A platform's script
 * defines X86_TEXT_HEAD (first in the file, e.g. a multiboot header) and
 * X86_TEXT_TAIL (e.g. Xen's hypercall page), then includes this.
 */
#include <uk/plat/common/sections.lds.h>

OUTPUT_FORMAT("elf64-x86-64")
ENTRY(x86_pvh_entry)

PHDRS
{
	UK_PHDRS_LOAD
	note PT_NOTE FLAGS(4);
}

SECTIONS
{
	. = 0x100000;
	_text = .;
	.text : {
		X86_TEXT_HEAD
		*(.text.boot32)
		*(.text .text.*)
	} :text
	X86_TEXT_TAIL
	_etext = .;

	UK_SECTIONS_AFTER_TEXT(.note.Xen : { KEEP(*(.note.Xen)) } :rodata :note)
}
