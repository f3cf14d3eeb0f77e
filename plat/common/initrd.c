/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The initial RAM disk: where the loader put it, checked against the free
 * RAM once, then reserved for good. A range that makes no sense is never
 * a crash: it is ignored, with one line saying why.
 */
#include <uk/essentials.h>
#include <uk/plat/bootinfo.h>
#include <uk/plat/memory.h>
#include <uk/plat/common/crash.h>
#include <uk/plat/common/initrd.h>
#include <uk/plat/common/memregion.h>

#define INITRD_PAGE	4096UL

static uint64_t given_base, given_len;
static int given;
static uint64_t initrd_base, initrd_len;

void plat_initrd_set(uint64_t base, uint64_t len)
{
	given_base = base;
	given_len = len;
	given = 1;
}

/* Whether the free list holds every page of [base, end). */
static int free_ram_holds(uint64_t base, uint64_t end)
{
	const struct ukplat_memregion *r;
	uint64_t p = ALIGN_DOWN(base, INITRD_PAGE);
	int i;

	end = ALIGN_UP(end, INITRD_PAGE);
	/* Sorted by base: one pass follows adjacent ranges. */
	for (i = 0; p < end && (r = ukplat_memregion_get(i)); i++)
		if (r->base <= p && p - r->base < r->len)
			p = r->base + r->len;
	return p >= end;
}

/* "kiln: initrd ignored (at 0x..., 0x... bytes): why" */
static void ignore(const char *why)
{
	crash_put("kiln: initrd ignored (at ");
	crash_put_hex(given_base);
	crash_put(", ");
	crash_put_hex(given_len);
	crash_put(" bytes): ");
	crash_put(why);
	crash_put("\n");
}

void plat_initrd_keep(uint64_t limit)
{
	uint64_t end = given_base + given_len;

	if (!given)
		return;
	given = 0;
	if (!given_len)
		ignore("it is empty");
	else if (end < given_base)
		ignore("its end wraps around the address space");
	else if (end > limit)
		ignore("it ends beyond the addresses Kiln maps");
	else if (!free_ram_holds(given_base, end))
		ignore("not all of it is free RAM (outside RAM or over the image)");
	else {
		plat_mem_reserve(given_base, given_len);
		initrd_base = given_base;
		initrd_len = given_len;
	}
}

uint64_t plat_initrd_range(uint64_t *len)
{
	*len = initrd_len;
	return initrd_base;
}

const void *ukplat_initrd(size_t *len)
{
	if (len)
		*len = initrd_len;
	return initrd_len ? (const void *)(uintptr_t)initrd_base : NULL;
}
