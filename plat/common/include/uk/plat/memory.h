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

#endif /* __UK_PLAT_MEMORY_H__ */
