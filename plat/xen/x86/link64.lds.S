/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Xen x86_64 PVH image: loaded at 1 MiB, physical = virtual. Text,
 * read-only data and data are page-aligned in separate segments so the
 * page tables can give each its rights (no segment is both W and X).
 * The hypercall page ends the text segment: Xen fills it, so it takes
 * memory but no room in the file.
 */
#include <uk/plat/common/sections.lds.h>

OUTPUT_FORMAT("elf64-x86-64")
ENTRY(x86_pvh_entry)

PHDRS
{
	text PT_LOAD FLAGS(5);		/* R X */
	rodata PT_LOAD FLAGS(4);	/* R */
	data PT_LOAD FLAGS(6);		/* R W */
	note PT_NOTE FLAGS(4);
}

SECTIONS
{
	. = 0x100000;
	_text = .;
	.text : {
		*(.text.boot32)
		*(.text .text.*)
	} :text
	.xen_hypercall_page ALIGN(4096) (NOLOAD) : {
		KEEP(*(.xen_hypercall_page))
	} :text
	_etext = .;

	. = ALIGN(4096);
	_rodata = .;
	.rodata : {
		*(.rodata .rodata.*)
		*(.data.rel.ro .data.rel.ro.*)
	} :rodata
	.note.Xen : {
		KEEP(*(.note.Xen))
	} :rodata :note
	_erodata = .;

	. = ALIGN(4096);
	_data = .;
	.data : {
		*(.data .data.*)
		*(.got .got.plt)
	} :data
	UK_SECTIONS_TABLES
	_edata = .;

	.bss : ALIGN(16) {
		__bss_start = .;
		*(.bss .bss.*)
		*(COMMON)
		. = ALIGN(16);
		_ebss = .;
	}
	/* Not zeroed by us, but inside the segment so that loaders do
	 * not put their boot info there. */
	.stack : {
		*(.stack)
	}
	_end = .;

	/DISCARD/ : {
		*(.eh_frame .eh_frame_hdr)
		*(.note.gnu.property .note.GNU-stack .note.gnu.build-id)
		*(.comment)
	}
}
