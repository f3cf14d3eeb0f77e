/* SPDX-License-Identifier: BSD-3-Clause */
/* Reads the PVH start info: RAM map, command line, ACPI RSDP. */
#include <uk/plat/common/cmdline.h>
#include <uk/plat/common/memregion.h>
#include <uk/plat/common/x86/boot.h>
#include <uk/plat/common/x86/pvh.h>

void x86_pvh_parse(uint32_t info);

/* KVM has nothing to add; Xen overrides this. */
__weak void x86_pvh_plat_parse(uint32_t info)
{
}

void x86_pvh_parse(uint32_t info)
{
	const struct hvm_start_info *si = (void *)(uintptr_t)info;
	const struct hvm_memmap_table_entry *e;
	uint32_t i;

	if (!si || si->magic != PVH_START_MAGIC)
		ukplat_boot_panic("PVH start info has a bad magic number");

	x86_rsdp = si->rsdp_paddr;
	if (si->cmdline_paddr)
		plat_cmdline_set((const char *)(uintptr_t)si->cmdline_paddr,
				 0);
	if (si->version >= 1 && si->memmap_paddr) {
		e = (const void *)(uintptr_t)si->memmap_paddr;
		for (i = 0; i < si->memmap_entries; i++)
			if (e[i].type == PVH_MEMMAP_RAM)
				plat_mem_add(e[i].addr, e[i].size);
	}
	x86_pvh_plat_parse(info);
}
