/* SPDX-License-Identifier: BSD-3-Clause */
/* Reads the multiboot info: RAM map, command line and initrd. */
#include <uk/essentials.h>
#include <uk/plat/common/cmdline.h>
#include <uk/plat/common/initrd.h>
#include <uk/plat/common/memregion.h>
#include <uk/plat/common/x86/boot.h>

#define MB_INFO_MEM	(1 << 0)
#define MB_INFO_CMDLINE	(1 << 2)
#define MB_INFO_MODS	(1 << 3)
#define MB_INFO_MMAP	(1 << 6)
#define MB_MMAP_RAM	1

struct mb_info {
	uint32_t flags;
	uint32_t mem_lower;		/* KiB at 0 */
	uint32_t mem_upper;		/* KiB at 1 MiB */
	uint32_t boot_device;
	uint32_t cmdline;
	uint32_t mods_count;
	uint32_t mods_addr;
	uint32_t syms[4];
	uint32_t mmap_length;
	uint32_t mmap_addr;
} __packed;

/* A boot module: [mod_start, mod_end), the end excluded (QEMU, GRUB). */
struct mb_mod {
	uint32_t mod_start;
	uint32_t mod_end;
	uint32_t string;
	uint32_t reserved;
} __packed;

struct mb_mmap {
	uint32_t size;			/* of the rest of this entry */
	uint64_t addr;
	uint64_t len;
	uint32_t type;
} __packed;

void kvm_multiboot_parse(uint32_t info);

/*
 * QEMU puts the command line right after the image: on a machine that
 * ends there it is not RAM and would read as empty, silently. Past RAM,
 * the walk stops at a 0 (what QEMU reads there) or at the limit: past
 * RAM either way, which plat_mem_need() then reports.
 */
static void cmdline_need(uintptr_t p)
{
	uintptr_t e = p;

	while (e - p <= PLAT_CMDLINE_MAX && *(const char *)e)
		e++;
	plat_mem_need(p, e + 1);
}

void kvm_multiboot_parse(uint32_t info)
{
	const struct mb_info *mi = (const void *)(uintptr_t)info;
	uintptr_t p, end;

	if (!mi)
		ukplat_boot_panic("not started by a multiboot loader");

	if (mi->flags & MB_INFO_MMAP) {
		/* In 64 bits: the 32-bit fields may sum past 4 GiB. */
		p = mi->mmap_addr;
		end = (uintptr_t)mi->mmap_addr + mi->mmap_length;
		while (end - p >= sizeof(struct mb_mmap)) {
			const struct mb_mmap *e = (const void *)p;
			uintptr_t next = p + sizeof(e->size) + e->size;

			/* A short or overlong entry: the rest is garbage. */
			if (e->size < sizeof(*e) - sizeof(e->size) ||
			    next > end)
				break;
			if (e->type == MB_MMAP_RAM)
				plat_mem_add(e->addr, e->len);
			p = next;
		}
	} else if (mi->flags & MB_INFO_MEM) {
		plat_mem_add(0, mi->mem_lower * 1024ULL);
		plat_mem_add(0x100000, mi->mem_upper * 1024ULL);
	}

	/* Loaders put the image's name first: drop it, as PVH has none. */
	if (mi->flags & MB_INFO_CMDLINE) {
		cmdline_need(mi->cmdline);
		plat_cmdline_set((const char *)(uintptr_t)mi->cmdline, 1);
	}

	/*
	 * QEMU makes each file of -initrd a,b a module: the initrd is the
	 * first. An end before the start is a range that wraps; a list
	 * the boot page tables do not map is no list.
	 */
	if ((mi->flags & MB_INFO_MODS) && mi->mods_count && mi->mods_addr &&
	    x86_paging_readable(mi->mods_addr) &&
	    x86_paging_readable(mi->mods_addr + sizeof(struct mb_mod) - 8)) {
		const struct mb_mod *m = (const void *)(uintptr_t)mi->mods_addr;

		plat_initrd_set(m->mod_start,
				(uint64_t)m->mod_end - m->mod_start);
	}
}
