/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Finding Xen: its CPUID leaves give the MSR that installs the hypercall
 * page; then the shared info page (for the clock) is mapped over a page
 * of the image, and a domU's console ring is looked up. Runs from the
 * common PVH parser, before the final page tables are built.
 */
#include <uk/essentials.h>
#include <uk/asm/cpu.h>
#include <uk/asm/paging.h>
#include <uk/plat/memory.h>
#include <uk/plat/common/cmdline.h>
#include <uk/plat/common/memregion.h>
#include <uk/plat/common/x86/boot.h>
#include <xen/xen.h>
#include <xen/memory.h>
#include <xen/arch-x86/cpuid.h>
#include <xen/arch-x86/hvm/start_info.h>
#include "hypervisor.h"

/* Xen's leaves sit at 0x40000000 or, behind Viridian's, 0x100 apart. */
#define XEN_CPUID_LAST_BASE	(XEN_CPUID_FIRST_LEAF + 0xff00)
#define E820_MAX		32
/*
 * Xen copies dom0's command line into a buffer of 1024 bytes (its
 * MAX_GUEST_CMDLINE) and cuts silently what does not fit, its own
 * additions (" noapic", " acpi=...", what follows " -- " on its command
 * line) included: a command line of 1023 bytes may have been cut.
 */
#define XEN_DOM0_CMDLINE_MAX	1022

/* XENMEM_memory_map's entry: the BIOS E820 format, which Xen's public
 * headers name but do not define.
 */
struct e820_entry {
	uint64_t addr;
	uint64_t size;
	uint32_t type;
} __packed;

int xen_ready;
int xen_dom0;
struct shared_info *xen_shared;

/* Replaced by Xen's shared info page: never used as memory. */
static char shared_page[PAGE_SIZE] __aligned(PAGE_SIZE);

static uint32_t xen_cpuid_base(void)
{
	struct ukarch_cpuid r;
	uint32_t base;

	for (base = XEN_CPUID_FIRST_LEAF; base <= XEN_CPUID_LAST_BASE;
	     base += 0x100) {
		r = ukarch_cpuid(base, 0);
		if (r.b == XEN_CPUID_SIGNATURE_EBX &&
		    r.c == XEN_CPUID_SIGNATURE_ECX &&
		    r.d == XEN_CPUID_SIGNATURE_EDX && r.a >= base + 2)
			return base;
	}
	return 0;
}

/* Leaf base + 2: EAX = number of hypercall pages, EBX = the MSR. */
static void hypercall_page_init(void)
{
	uint32_t base = xen_cpuid_base();

	if (!base)
		return;
	ukarch_wrmsr(ukarch_cpuid(base + 2, 0).b,
		     (uintptr_t)xen_hypercall_page);
	xen_ready = 1;
}

static void shared_info_map(void)
{
	struct xen_add_to_physmap xatp = {
		.domid = DOMID_SELF,
		.space = XENMAPSPACE_shared_info,
		.idx = 0,
		.gpfn = (uintptr_t)shared_page >> PAGE_SHIFT,
	};

	if (xen_hypercall2(__HYPERVISOR_memory_op, XENMEM_add_to_physmap,
			   &xatp))
		return;
	xen_shared = (struct shared_info *)shared_page;
	xen_clock_init();
}

/*
 * The start info has no memory map before version 1, and Xen 4.17 gives
 * dom0 version 0: when it gave no RAM, ask Xen for the map.
 */
static void memory_map_from_xen(void)
{
	struct e820_entry e[E820_MAX];
	struct xen_memory_map map = { .nr_entries = E820_MAX };
	unsigned int i;

	set_xen_guest_handle(map.buffer, e);
	if (xen_hypercall2(__HYPERVISOR_memory_op, XENMEM_memory_map, &map))
		ukplat_boot_panic("Xen gave no memory map");
	for (i = 0; i < map.nr_entries && i < E820_MAX; i++)
		if (e[i].type == XEN_HVM_MEMMAP_TYPE_RAM)
			plat_mem_add(e[i].addr, e[i].size);
}

void x86_pvh_plat_parse(const struct hvm_start_info *si)
{
	hypercall_page_init();
	if (!xen_ready)
		ukplat_boot_panic("not running on Xen (no Xen CPUID leaves)");
	xen_dom0 = !!(si->flags & SIF_INITDOMAIN);
	if (xen_dom0)
		plat_cmdline_limit(XEN_DOM0_CMDLINE_MAX, "Xen's dom0");
	if (!ukplat_memregion_count())
		memory_map_from_xen();
	shared_info_map();
	if (!xen_dom0)
		xen_console_init();
}
