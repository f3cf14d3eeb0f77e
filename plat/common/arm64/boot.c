/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The common arm64 boot path, from entry.S (MMU off) to ukplat_entry():
 * one walk over the device tree for RAM, command line, initrd and
 * devices, then page tables and MMU, then the interrupt controller.
 */
#include <uk/essentials.h>
#include <uk/asm/paging.h>
#include <uk/plat/bootstrap.h>
#include <uk/plat/console.h>
#include <uk/plat/lifecycle.h>
#include <uk/plat/memory.h>
#include <uk/plat/common/cmdline.h>
#include <uk/plat/common/initrd.h>
#include <uk/plat/common/memregion.h>
#include <uk/plat/common/sections.h>
#include <uk/plat/common/arm64/boot.h>

/*
 * A linux,initrd-* property: one or two cells, as Linux reads them (QEMU
 * 7.2 writes one, other loaders the root's #address-cells, two on virt).
 * -1 when absent or neither.
 */
static int initrd_cell(const struct fdt_node *n, const char *name,
		       uint64_t *v)
{
	uint32_t len;
	const void *p = fdt_prop(n, name, &len);

	if (!p || (len != 4 && len != 8))
		return -1;
	*v = fdt_cells(p, len / 4);
	return 0;
}

/* /chosen's linux,initrd-start and -end (the end excluded), which QEMU
 * writes for an image it boots as Linux (Kiln's arm64 Image is one).
 */
static void chosen_initrd(const struct fdt_node *n)
{
	uint64_t start, end;

	if (!initrd_cell(n, "linux,initrd-start", &start) &&
	    !initrd_cell(n, "linux,initrd-end", &end))
		plat_initrd_set(start, end - start);
}

static void probe(const struct fdt_node *n, void *arg __maybe_unused)
{
	uint64_t base, size;
	int i;

	if (n->depth != 1)
		return;	/* everything Kiln drives sits at the top */
	if (fdt_name_is(n, "chosen")) {
		plat_cmdline_set(fdt_prop_str(n, "bootargs"), 0);
		chosen_initrd(n);
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
	arm64_virtio_probe(n);
	arm64_plat_probe(n);
}

void arm64_boot(const void *dtb)
{
	uint64_t base, size;
	int i;

	if (fdt_check(dtb))
		ukplat_boot_panic("no device tree in x0");
	fdt_walk(dtb, probe, NULL);
	arm64_virtio_map();
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
	/* Before any page is taken for tables; arm64_mmu_init maps it. */
	plat_initrd_keep(1UL << ARM64_VA_BITS);
	arm64_mmu_init();
	arm64_gic_init();
	ukplat_entry();
}
