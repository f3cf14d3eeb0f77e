/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * PVH boot ABI (Xen's public arch-x86/hvm/start_info.h, version 1): the
 * loader enters XEN_ELFNOTE_PHYS32_ENTRY in 32-bit protected mode with
 * %ebx pointing at struct hvm_start_info.
 */
#ifndef __UK_PLAT_COMMON_X86_PVH_H__
#define __UK_PLAT_COMMON_X86_PVH_H__

#define PVH_ELFNOTE_PHYS32_ENTRY	18
#define PVH_START_MAGIC			0x336ec578

#ifndef __ASSEMBLY__
#include <stdint.h>

struct hvm_start_info {
	uint32_t magic;
	uint32_t version;
	uint32_t flags;
	uint32_t nr_modules;
	uint64_t modlist_paddr;
	uint64_t cmdline_paddr;
	uint64_t rsdp_paddr;
	uint64_t memmap_paddr;		/* version >= 1 */
	uint32_t memmap_entries;	/* version >= 1 */
	uint32_t reserved;
};

struct hvm_memmap_table_entry {
	uint64_t addr;
	uint64_t size;
	uint32_t type;			/* E820 types: 1 is RAM */
	uint32_t reserved;
};

#define PVH_MEMMAP_RAM 1

/* nr_modules entries at modlist_paddr; QEMU's -initrd and Xen's ramdisk
 * are module 0.
 */
struct hvm_modlist_entry {
	uint64_t paddr;
	uint64_t size;
	uint64_t cmdline_paddr;
	uint64_t reserved;
};
#endif /* !__ASSEMBLY__ */

#endif /* __UK_PLAT_COMMON_X86_PVH_H__ */
