/* SPDX-License-Identifier: BSD-3-Clause */
/* Free RAM left to the unikernel after the platform booted. */
#ifndef __UK_PLAT_MEMORY_H__
#define __UK_PLAT_MEMORY_H__

#include <stddef.h>
#include <stdint.h>

struct ukplat_memregion {
	uintptr_t base;
	size_t len;
};

/* Free, mapped, page-aligned RAM ranges, sorted by address. They exclude
 * the image, its stacks, the page tables and anything the boot loader
 * handed over.
 */
int ukplat_memregion_count(void);
/* NULL when i is out of range. */
const struct ukplat_memregion *ukplat_memregion_get(int i);

/*
 * ukplat_page_guard(va, guard, table_alloc): makes the 4 KiB page at va
 * (page-aligned, inside RAM the platform mapped at boot) inaccessible
 * (guard != 0: any access faults, reported like other page faults) or
 * read-write, non-executable again (guard == 0). A larger page (2 MiB /
 * 1 GiB) holding va is split into 4 KiB entries first; the new table
 * pages come from table_alloc() (returns a zeroed-or-not 4 KiB, 4 KiB-
 * aligned page of mapped RAM, or NULL) and are kept for good. Returns 0,
 * or -1 when va is not page-aligned, not mapped RAM, or table_alloc
 * returned NULL (nothing changed then). Called with interrupts masked.
 *
 * Mapped RAM here is the free RAM above (the heap's) and the image's
 * writable data, where the page is mapped read-write or was guarded by
 * this function: never code, read-only data, device pages or pages the
 * platform left unmapped (the NULL guard, the boot stacks' guards). The
 * caller owns the page: the platform's own pages in the image (its page
 * tables, say) are not told apart. When table_alloc fails on the second
 * of the two tables a 1 GiB page needs, that page stays split into
 * 2 MiB ones: the same memory with the same rights (nothing an access
 * can tell), and the first table is in use rather than lost.
 */
int ukplat_page_guard(uintptr_t va, int guard, void *(*table_alloc)(void));

#endif /* __UK_PLAT_MEMORY_H__ */
