/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * arm64 stage 1 translation with the 4 KiB granule and a 39-bit address
 * space: three levels (1 GiB blocks, 2 MiB blocks, 4 KiB pages).
 */
#ifndef __UK_ASM_PAGING_H__
#define __UK_ASM_PAGING_H__

#ifdef __ASSEMBLY__
#define _ARM64_PUL(x)		x
#else
#define _ARM64_PUL(x)		x##UL
#endif

#ifndef PAGE_SHIFT
#define PAGE_SHIFT		12
#endif
#ifndef PAGE_SIZE
#define PAGE_SIZE		(_ARM64_PUL(1) << PAGE_SHIFT)
#endif
#define ARM64_PAGE_2M		(_ARM64_PUL(1) << 21)
#define ARM64_PAGE_1G		(_ARM64_PUL(1) << 30)
#define ARM64_VA_BITS		39

/* Descriptor types, bits 1:0: block or table at levels 1 and 2, page
 * at level 3
 */
#define ARM64_PTE_BLOCK		_ARM64_PUL(0x1)
#define ARM64_PTE_TABLE		_ARM64_PUL(0x3)
#define ARM64_PTE_PAGE		_ARM64_PUL(0x3)
#define ARM64_PTE_TYPE_MASK	_ARM64_PUL(0x3)

#define ARM64_PTE_ATTR(i)	((i) << 2)	/* index into MAIR_EL1 */
#define ARM64_PTE_RO		_ARM64_PUL(0x080)	/* AP[2] */
#define ARM64_PTE_SH_INNER	_ARM64_PUL(0x300)
#define ARM64_PTE_AF		_ARM64_PUL(0x400)	/* access flag */
#define ARM64_PTE_PXN		(_ARM64_PUL(1) << 53)
#define ARM64_PTE_UXN		(_ARM64_PUL(1) << 54)
#define ARM64_PTE_ADDR		_ARM64_PUL(0x0000fffffffff000)

/* MAIR_EL1 attribute indices Kiln uses: Device-nGnRE, and normal
 * write-back read/write-allocate memory
 */
#define ARM64_MT_DEVICE		0
#define ARM64_MT_NORMAL		1
#define ARM64_MAIR_INIT		_ARM64_PUL(0xff04)

/* Index of an address in the table of the given level (1 = top). */
#define ARM64_PT_INDEX(va, lvl)	(((va) >> (12 + 9 * (3 - (lvl)))) & 511)

#endif /* __UK_ASM_PAGING_H__ */
