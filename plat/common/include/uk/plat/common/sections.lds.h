/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Linker script fragments every platform's script uses, so the tables that
 * libraries build with section attributes survive --gc-sections and have
 * the start/end symbols their users walk. They live in the writable data
 * segment: nothing guarantees their users never write to an entry.
 */
#ifndef __UK_PLAT_COMMON_SECTIONS_LDS_H__
#define __UK_PLAT_COMMON_SECTIONS_LDS_H__

/* Constructors (gcc's .init_array, with priorities first). */
#define UK_SECTION_INIT_ARRAY						\
	.init_array : ALIGN(8) {					\
		__init_array_start = .;					\
		KEEP(*(SORT_BY_INIT_PRIORITY(.init_array.*)))		\
		KEEP(*(.init_array))					\
		__init_array_end = .;					\
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

#define UK_SECTIONS_TABLES						\
	UK_SECTION_INIT_ARRAY						\
	UK_SECTION_INITTAB						\
	UK_SECTION_TESTTAB

#endif /* __UK_PLAT_COMMON_SECTIONS_LDS_H__ */
