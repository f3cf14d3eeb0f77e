/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The free RAM list: a small sorted array, because loaders report a
 * handful of ranges and boot has to stay quick.
 */
#include <uk/essentials.h>
#include <uk/plat/lifecycle.h>
#include <uk/plat/memory.h>
#include <uk/plat/common/crash.h>
#include <uk/plat/common/memregion.h>
#include <uk/plat/common/sections.h>

#define MEM_PAGE	4096UL

static struct ukplat_memregion mem[PLAT_MEM_MAX];
static int mem_nr;
/* The span of the RAM added, for the "not enough memory" line. */
static uint64_t ram_lo = -1, ram_hi;

int ukplat_memregion_count(void)
{
	return mem_nr;
}

const struct ukplat_memregion *ukplat_memregion_get(int i)
{
	return (i >= 0 && i < mem_nr) ? &mem[i] : NULL;
}

/* A full table drops the range: RAM is lost, nothing is corrupted. */
static void mem_insert(int i, uint64_t base, uint64_t end)
{
	int j;

	if (mem_nr == PLAT_MEM_MAX)
		return;
	for (j = mem_nr; j > i; j--)
		mem[j] = mem[j - 1];
	mem[i].base = base;
	mem[i].len = end - base;
	mem_nr++;
}

static void mem_remove(int i)
{
	for (mem_nr--; i < mem_nr; i++)
		mem[i] = mem[i + 1];
}

void plat_mem_add(uint64_t base, uint64_t len)
{
	uint64_t end = ALIGN_DOWN(base + len, MEM_PAGE);
	int i;

	base = ALIGN_UP(base, MEM_PAGE);
	if (end <= base)
		return;
	ram_lo = MIN(ram_lo, base);
	ram_hi = MAX(ram_hi, end);
	for (i = 0; i < mem_nr && mem[i].base < base; i++)
		;
	mem_insert(i, base, end);
}

void plat_mem_reserve(uint64_t base, uint64_t len)
{
	uint64_t end = base + len;
	int i;

	/*
	 * An end past the last page boundary, wrapped past 2^64 or not,
	 * would wrap when rounded up: it stops at that boundary instead.
	 * No free range goes further, as plat_mem_add drops wrapping ones.
	 */
	if (end < base || end > -MEM_PAGE)
		end = -MEM_PAGE;
	else
		end = ALIGN_UP(end, MEM_PAGE);
	base = ALIGN_DOWN(base, MEM_PAGE);
	for (i = 0; i < mem_nr; i++) {
		uint64_t rb = mem[i].base, re = rb + mem[i].len;

		if (re <= base || rb >= end)
			continue;
		if (rb < base) {
			mem[i].len = base - rb;
			if (re > end)
				mem_insert(++i, end, re);
		} else if (re > end) {
			mem[i].base = end;
			mem[i].len = re - end;
		} else {
			mem_remove(i--);
		}
	}
}

void plat_mem_need(uint64_t base, uint64_t end)
{
	uint64_t lo = MIN(ram_lo, base), p = base;
	int i;

	/* Sorted by base: one pass follows adjacent and overlapping ranges. */
	for (i = 0; i < mem_nr && p < end; i++)
		if (mem[i].base <= p && p < mem[i].base + mem[i].len)
			p = mem[i].base + mem[i].len;
	if (p >= end)
		return;
	crash_put("Boot failed: not enough memory: ");
	crash_put_dec(ram_hi > lo ? (ram_hi - lo) >> 10 : 0);
	crash_put(" KiB of RAM, at least ");
	crash_put_dec((end - lo + 1023) >> 10);
	crash_put(" KiB needed\n");
	ukplat_terminate(UKPLAT_CRASH_STATUS);
}

uint64_t plat_mem_alloc_page(uint64_t min, uint64_t max)
{
	int i;

	for (i = 0; i < mem_nr; i++) {
		uint64_t p = MAX(mem[i].base, min);

		if (p + MEM_PAGE <= MIN(mem[i].base + mem[i].len, max)) {
			plat_mem_reserve(p, MEM_PAGE);
			__builtin_memset((void *)p, 0, MEM_PAGE);
			return p;
		}
	}
	return 0;
}

int plat_mem_copy(struct ukplat_memregion ram[PLAT_MEM_MAX])
{
	int i;

	for (i = 0; i < mem_nr; i++)
		ram[i] = mem[i];
	return mem_nr;
}

int plat_mem_guardable(uint64_t va)
{
	int i;

	if (va >= (uintptr_t)_data && va < (uintptr_t)_end)
		return 1;
	for (i = 0; i < mem_nr; i++)
		if (va - mem[i].base < mem[i].len)
			return 1;
	return 0;
}
