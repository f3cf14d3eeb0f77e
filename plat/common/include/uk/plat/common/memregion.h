/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Building the free RAM list at boot: the boot protocol code adds the RAM
 * the loader reports, the platform reserves what it uses, and early page
 * tables are carved from what is left.
 */
#ifndef __UK_PLAT_COMMON_MEMREGION_H__
#define __UK_PLAT_COMMON_MEMREGION_H__

#include <stdint.h>
#include <uk/plat/memory.h>

/* Most free ranges the list holds: more RAM ranges than this are lost. */
#define PLAT_MEM_MAX	32

/*
 * [0, PLAT_NULL_GUARD) is never mapped nor handed out, so that an access
 * through a NULL pointer faults even at a large offset (a field deep in
 * a struct, an array index): Linux's default mmap_min_addr.
 */
#define PLAT_NULL_GUARD	0x10000UL

/* RAM [base, base + len), shrunk to whole pages. */
void plat_mem_add(uint64_t base, uint64_t len);
/*
 * No longer free: [base, base + len), grown to whole pages; an end
 * past 2^64 stands for the end of the address space.
 */
void plat_mem_reserve(uint64_t base, uint64_t len);
/*
 * Unless the RAM added so far holds [base, end), ends the boot with
 * "Boot failed: not enough memory: N KiB of RAM, at least M KiB needed",
 * both counted from the lowest RAM address. For the image, once the
 * loader's map is read and before anything is reserved.
 */
void plat_mem_need(uint64_t base, uint64_t end);
/* A zeroed page from the lowest free RAM in [min, max), or 0 when none. */
uint64_t plat_mem_alloc_page(uint64_t min, uint64_t max);
/*
 * Copies the free list to ram[PLAT_MEM_MAX] and returns how many ranges
 * it holds: for page table setup, which maps the free RAM while taking
 * pages from it.
 */
int plat_mem_copy(struct ukplat_memregion ram[PLAT_MEM_MAX]);
/*
 * Whether va lies in RAM that ukplat_page_guard() may change: the free
 * list as boot left it (the heap's RAM) or the image's writable data.
 * The caller still checks how the page is mapped.
 */
int plat_mem_guardable(uint64_t va);

#endif /* __UK_PLAT_COMMON_MEMREGION_H__ */
