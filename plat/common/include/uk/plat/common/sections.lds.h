/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Linker script fragments every platform's script uses, so the tables that
 * libraries build with section attributes survive --gc-sections and have
 * the start/end symbols their users walk. They live in the writable data
 * segment: nothing guarantees their users never write to an entry.
 */
#ifndef __UK_PLAT_COMMON_SECTIONS_LDS_H__
#define __UK_PLAT_COMMON_SECTIONS_LDS_H__

#include <uk/bits/config.h>

/*
 * Call frame information: kept only for Rust panics that unwind
 * (LIBUKRUST_UNWIND), between __eh_frame_start and a zero terminator, as
 * libgcc's __register_frame_info() wants it (lib/ukrust/unwind.c); the
 * output section must be named .eh_frame, or ld pads between inputs with
 * zeros that read as the terminator. Discarded otherwise.
 */
#if CONFIG_LIBUKRUST_UNWIND
#define UK_SECTION_EH_FRAME						\
	.eh_frame : {							\
		__eh_frame_start = .;					\
		KEEP(*(.eh_frame))					\
		LONG(0)							\
	} :rodata
#define UK_DISCARD_EH_FRAME
#else
#define UK_SECTION_EH_FRAME
#define UK_DISCARD_EH_FRAME *(.eh_frame)
#endif

/*
 * Constructors (gcc's .init_array, with priorities first). ukboot calls
 * them with (argc, argv, envp), as glibc does; the names are not the
 * usual __init_array_start/end, so that a libc's own start-up (musl
 * calls them without arguments) finds none to run.
 */
#define UK_SECTION_INIT_ARRAY						\
	.init_array : ALIGN(8) {					\
		uk_init_array_start = .;					\
		KEEP(*(SORT_BY_INIT_PRIORITY(.init_array.*)))		\
		KEEP(*(.init_array))					\
		uk_init_array_end = .;					\
	}

/*
 * Destructors (gcc's .fini_array), run by exit() in reverse order: the
 * usual names, which musl's exit() and nolibc's both walk.
 */
#define UK_SECTION_FINI_ARRAY						\
	.fini_array : ALIGN(8) {					\
		__fini_array_start = .;					\
		KEEP(*(SORT_BY_INIT_PRIORITY(.fini_array.*)))		\
		KEEP(*(.fini_array))					\
		__fini_array_end = .;					\
	}

/* ukboot's init levels .uk_inittab_1 .. _4, in level order. */
#define UK_SECTION_INITTAB						\
	.uk_inittab : ALIGN(8) {					\
		uk_inittab_start = .;					\
		KEEP(*(SORT_BY_NAME(.uk_inittab_*)))			\
		uk_inittab_end = .;					\
	}

/* uktest's table of test cases. */
#define UK_SECTION_TESTTAB						\
	.uk_testtab : ALIGN(8) {					\
		uk_testtab_start = .;					\
		KEEP(*(.uk_testtab))					\
		uk_testtab_end = .;					\
	}

/* System calls other libraries bring (uk/syscall.h's UK_SYSCALL). */
#define UK_SECTION_SYSCALLS						\
	.uk_syscalls : ALIGN(8) {					\
		uk_syscalls_start = .;					\
		KEEP(*(.uk_syscalls))					\
		uk_syscalls_end = .;					\
	}

#define UK_SECTIONS_TABLES						\
	UK_SECTION_INIT_ARRAY						\
	UK_SECTION_FINI_ARRAY						\
	UK_SECTION_INITTAB						\
	UK_SECTION_TESTTAB						\
	UK_SECTION_SYSCALLS

/*
 * Thread-local storage: the initialised part (.tdata, copied for each
 * thread) and the zeroed part (.tbss, which takes no room in the image).
 * Both sections always exist, so that their alignment can be read; the
 * start-up code builds the PT_TLS description it hands to the libc from
 * these symbols (loaders do not map the ELF program headers).
 */
#define UK_SECTIONS_TLS							\
	.tdata : ALIGN(8) {						\
		__tls_start = .;					\
		*(.tdata .tdata.*)					\
		__tdata_end = .;					\
	} :data :tls							\
	.tbss : {							\
		*(.tbss .tbss.*)					\
		*(.tcommon)						\
	} :data :tls							\
	__tls_end = ADDR(.tbss) + SIZEOF(.tbss);	/* after its padding */			\
	__tls_align = MAX(ALIGNOF(.tdata), ALIGNOF(.tbss));

/*
 * The layout every image shares after its text: read-only data, data (with
 * the tables above), .bss and the stacks, each of the first two starting
 * on a page so the page tables can give it its own rights. RODATA_EXTRA
 * goes at the end of the read-only segment (e.g. x86's .note.Xen).
 */
#define UK_SECTIONS_AFTER_TEXT(RODATA_EXTRA)				\
	. = ALIGN(4096);						\
	_rodata = .;							\
	.rodata : {							\
		*(.rodata .rodata.*)					\
		*(.data.rel.ro .data.rel.ro.*)				\
	} :rodata							\
	.gcc_except_table : {						\
		*(.gcc_except_table .gcc_except_table.*)		\
	} :rodata							\
	UK_SECTION_EH_FRAME						\
	RODATA_EXTRA							\
	_erodata = .;							\
									\
	. = ALIGN(4096);						\
	_data = .;							\
	.data : {							\
		*(.data .data.*)					\
		*(.got .got.plt)					\
	} :data								\
	UK_SECTIONS_TABLES						\
	UK_SECTIONS_TLS							\
	/* Not ".": .tbss's alignment may have moved it past the file. */ \
	_edata = __tdata_end;						\
									\
	/* 16-byte aligned both ends: boot code may clear it 16 bytes	\
	 * at a time. */						\
	.bss : ALIGN(16) {						\
		__bss_start = .;					\
		*(.bss .bss.*)						\
		*(COMMON)						\
		. = ALIGN(16);						\
		_ebss = .;						\
	} :data								\
	/* Inside the loaded segment, so that loaders do not put their	\
	 * boot info there. */						\
	.stack : {							\
		*(.stack)						\
	}								\
	_end = .;							\
									\
	/DISCARD/ : {							\
		*(.eh_frame_hdr)					\
		UK_DISCARD_EH_FRAME					\
		*(.note.gnu.property .note.GNU-stack .note.gnu.build-id) \
		*(.comment)						\
	}

/* Segments of an image: no segment is both writable and executable. */
#define UK_PHDRS_LOAD							\
	text PT_LOAD FLAGS(5);		/* R X */			\
	rodata PT_LOAD FLAGS(4);	/* R */				\
	data PT_LOAD FLAGS(6);		/* R W */			\
	tls PT_TLS;

#endif /* __UK_PLAT_COMMON_SECTIONS_LDS_H__ */
