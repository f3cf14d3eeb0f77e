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
	UK_PHDRS_LOAD
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

	UK_SECTIONS_AFTER_TEXT()
	_kiln_image_size = _end - _text;
	_kiln_file_size = _edata - _text;	/* the raw Image's bytes */
}
