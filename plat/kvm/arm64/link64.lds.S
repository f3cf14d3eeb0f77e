/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * KVM arm64 image: a Linux arm64 Image, linked where QEMU's virt machine
 * loads it (RAM base 0x40000000 + text_offset), physical = virtual. The
 * header comes first; text, read-only data and data are page-aligned in
 * separate segments so the page tables can give each its rights (and no
 * segment is both W and X). The raw Image is the file from _text to
 * _edata; .bss and the stacks follow, covered by the header's image_size.
 */
#include <uk/plat/common/sections.lds.h>
#include <uk/plat/common/arm64/boot.h>

OUTPUT_FORMAT("elf64-littleaarch64")
ENTRY(_start)

PHDRS
{
	text PT_LOAD FLAGS(5);		/* R X */
	rodata PT_LOAD FLAGS(4);	/* R */
	data PT_LOAD FLAGS(6);		/* R W */
}

SECTIONS
{
	. = 0x40000000 + ARM64_TEXT_OFFSET;
	_text = .;
	.text : {
		KEEP(*(.text.head))
		*(.text .text.*)
	} :text
	_etext = .;

	. = ALIGN(4096);
	_rodata = .;
	.rodata : {
		*(.rodata .rodata.*)
		*(.data.rel.ro .data.rel.ro.*)
	} :rodata
	_erodata = .;

	. = ALIGN(4096);
	_data = .;
	.data : {
		*(.data .data.*)
		*(.got .got.plt)
	} :data
	UK_SECTIONS_TABLES
	_edata = .;

	/* 16-byte aligned both ends: entry.S clears it 16 bytes a time. */
	.bss : ALIGN(16) {
		__bss_start = .;
		*(.bss .bss.*)
		*(COMMON)
		. = ALIGN(16);
		_ebss = .;
	}
	.stack : {
		*(.stack)
	}
	_end = .;
	_kiln_image_size = _end - _text;

	/DISCARD/ : {
		*(.eh_frame .eh_frame_hdr)
		*(.note.gnu.property .note.GNU-stack .note.gnu.build-id)
		*(.comment)
	}
}
