/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The common arm64 boot path, from entry.S (MMU off) to ukplat_entry():
 * one walk over the device tree for RAM, command line and devices, then
 * page tables and MMU, then the interrupt controller.
 */
#include <uk/essentials.h>
#include <uk/asm/paging.h>
#include <uk/plat/bootstrap.h>
#include <uk/plat/console.h>
#include <uk/plat/lifecycle.h>
#include <uk/plat/memory.h>
#include <uk/plat/common/cmdline.h>
#include <uk/plat/common/memregion.h>
#include <uk/plat/common/sections.h>
#include <uk/plat/common/arm64/boot.h>

static void probe(const struct fdt_node *n, void *arg __maybe_unused)
{
	uint64_t base, size;
	int i;

	if (n->depth != 1)
		return;	/* everything Kiln drives sits at the top */
	if (fdt_name_is(n, "chosen")) {
		plat_cmdline_set(fdt_prop_str(n, "bootargs"), 0);
		return;
	}
	if (!fdt_enabled(n))
		return;
	/* The specification names memory nodes "memory": only those are
	 * asked for their device_type.
	 */
	if (fdt_name_is(n, "memory") &&
	    fdt_prop_has(n, "device_type", "memory")) {
		for (i = 0; !fdt_reg(n, i, &base, &size); i++)
			plat_mem_add(base, size);
		return;
	}
	if (!n->compat)
		return;		/* no device Kiln drives */
	arm64_gic_probe(n);
	arm64_timer_probe(n);
	arm64_psci_probe(n);
	arm64_plat_probe(n);
}

void arm64_boot(const void *dtb)
{
	uint64_t base, size;
	int i;

	if (fdt_check(dtb))
		ukplat_boot_panic("no device tree in x0");
	fdt_walk(dtb, probe, NULL);
	/* Said now, while the console needs no mapping: a tree this broken
	 * would otherwise fail later, and silently.
	 */
	if (!ukplat_memregion_count())
		ukplat_boot_panic("no RAM in the device tree");
	plat_mem_need((uintptr_t)_text, (uintptr_t)_end);
	for (i = 0; !fdt_memreserve(dtb, i, &base, &size); i++)
		plat_mem_reserve(base, size);
	/* The tree itself is not kept: all it said was copied above.
	 * The NULL guard is never handed out (RAM may start at 0 on other
	 * machines than QEMU's virt), so no allocation reads as NULL.
	 */
	plat_mem_reserve(0, PLAT_NULL_GUARD);
	plat_mem_reserve((uintptr_t)_text, _end - _text);
	arm64_mmu_init();
	arm64_gic_init();
	ukplat_entry();
}
