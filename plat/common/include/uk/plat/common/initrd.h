/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Keeping the initial RAM disk: the boot protocol code says where the
 * loader put it (plat_initrd_set), the common boot path checks it against
 * the free RAM once RAM is known and the image is reserved, and takes it
 * out of the free list for good (plat_initrd_keep); the page tables then
 * map it (plat_initrd_range). ukplat_initrd() (uk/plat/bootinfo.h) hands
 * it to the unikernel.
 */
#ifndef __UK_PLAT_COMMON_INITRD_H__
#define __UK_PLAT_COMMON_INITRD_H__

#include <stdint.h>

/* What the loader said: [base, base + len), unchecked; the last call wins. */
void plat_initrd_set(uint64_t base, uint64_t len);

/*
 * Once the loader's RAM is added and the NULL guard and the image are
 * reserved, before any page is taken from the free list: keeps the
 * initrd when every page of it is free RAM below `limit` (what the page
 * tables can map) and reserves those pages; otherwise (no length, a range
 * that wraps, outside RAM, over the image) forgets it, after one line on
 * the console: "kiln: initrd ignored (at 0x..., 0x... bytes): why".
 * Nothing given: nothing done.
 */
void plat_initrd_keep(uint64_t limit);

/* The kept initrd's first byte, its length in *len; 0 (and 0) if none. */
uint64_t plat_initrd_range(uint64_t *len);

#endif /* __UK_PLAT_COMMON_INITRD_H__ */
