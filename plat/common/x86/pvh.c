/* SPDX-License-Identifier: BSD-3-Clause */
/* Reads the PVH start info: RAM map, command line, ACPI RSDP, initrd. */
#include <uk/essentials.h>
#include <uk/plat/common/cmdline.h>
#include <uk/plat/common/initrd.h>
#include <uk/plat/common/memregion.h>
#include <uk/plat/common/x86/boot.h>
#include <uk/plat/common/x86/pvh.h>

/* Bounds what a corrupt entry count makes us read; loaders give few. */
#define PVH_MEMMAP_MAX 128

void x86_pvh_parse(uint32_t info);

/* KVM has nothing to add; Xen overrides this. */
__weak void x86_pvh_plat_parse(const struct hvm_start_info *si)
{
}

void x86_pvh_parse(uint32_t info)
{
	const struct hvm_start_info *si = (void *)(uintptr_t)info;
	const struct hvm_memmap_table_entry *e;
	uint32_t i, n;

	if (!si || si->magic != PVH_START_MAGIC)
		ukplat_boot_panic("PVH start info has a bad magic number");

	x86_rsdp = si->rsdp_paddr;
	if (si->cmdline_paddr)
		plat_cmdline_set((const char *)(uintptr_t)si->cmdline_paddr,
				 0);
	if (si->version >= 1 && si->memmap_paddr) {
		e = (const void *)(uintptr_t)si->memmap_paddr;
		n = MIN(si->memmap_entries, PVH_MEMMAP_MAX);
		for (i = 0; i < n; i++)
			if (e[i].type == PVH_MEMMAP_RAM)
				plat_mem_add(e[i].addr, e[i].size);
	}
	/*
	 * The initrd is module 0 (QEMU's -initrd, Xen's ramdisk); a list
	 * the boot page tables do not map is no list.
	 */
	if (si->nr_modules && si->modlist_paddr &&
	    x86_paging_readable(si->modlist_paddr) &&
	    x86_paging_readable(si->modlist_paddr +
				sizeof(struct hvm_modlist_entry) - 8)) {
		const struct hvm_modlist_entry *m =
			(const void *)(uintptr_t)si->modlist_paddr;

		plat_initrd_set(m->paddr, m->size);
	}
	x86_pvh_plat_parse(si);
}
