/* SPDX-License-Identifier: BSD-3-Clause */
/* x86_64 4-level paging: page sizes and page table entry bits. */
#ifndef __UK_ASM_PAGING_H__
#define __UK_ASM_PAGING_H__

#ifdef __ASSEMBLY__
#define _X86_UL(x)		x
#else
#define _X86_UL(x)		x##UL
#endif

#ifndef PAGE_SHIFT
#define PAGE_SHIFT		12
#endif
#ifndef PAGE_SIZE
#define PAGE_SIZE		(_X86_UL(1) << PAGE_SHIFT)
#endif
#define X86_PAGE_2M		(_X86_UL(1) << 21)
#define X86_PAGE_1G		(_X86_UL(1) << 30)

#define X86_PTE_P		_X86_UL(0x001)	/* present */
#define X86_PTE_W		_X86_UL(0x002)	/* writable */
#define X86_PTE_A		_X86_UL(0x020)	/* accessed */
#define X86_PTE_D		_X86_UL(0x040)	/* dirty */
#define X86_PTE_PS		_X86_UL(0x080)	/* 2M/1G leaf */
#define X86_PTE_PAT		_X86_UL(0x080)	/* memory type, 4K leaf */
#define X86_PTE_PAT_BIG		_X86_UL(0x1000)	/* memory type, 2M/1G leaf */
#define X86_PTE_NX		(_X86_UL(1) << 63) /* no execute */
#define X86_PTE_ADDR		_X86_UL(0x000ffffffffff000)

/* Index of an address in the table of the given level (3 = PML4). */
#define X86_PT_INDEX(va, lvl)	(((va) >> (12 + 9 * (lvl))) & 511)

#endif /* __UK_ASM_PAGING_H__ */
