/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The page tables the unikernel runs on: an identity map of the RAM the
 * device tree reported (read/write, never executable), of the image with
 * per-section rights (text read-only and executable, the rest never
 * executable), of the initrd (read-only, never executable) and of the
 * device registers (Device-nGnRE). The image gets 4 KiB pages, the rest
 * the biggest blocks that fit. The NULL guard (at
 * least [0, PLAT_NULL_GUARD)) and the pages under the stacks stay
 * unmapped to catch NULL and overflows.
 *
 * Built with the MMU off, when every access goes straight to memory:
 * before caching is turned on, the lines of what was written are
 * invalidated, so no stale cache line can hide it. Later,
 * ukplat_page_guard() unmaps single pages of RAM (and maps them back),
 * splitting blocks as it goes.
 */
#include <uk/essentials.h>
#include <uk/asm/cpu.h>
#include <uk/asm/paging.h>
#include <uk/plat/device.h>
#include <uk/plat/memory.h>
#include <uk/plat/common/crash.h>
#include <uk/plat/common/initrd.h>
#include <uk/plat/common/memregion.h>
#include <uk/plat/common/sections.h>
#include <uk/plat/common/arm64/boot.h>

#define PTE_COMMON	(ARM64_PTE_AF | ARM64_PTE_SH_INNER | \
			 ARM64_PTE_ATTR(ARM64_MT_NORMAL))
#define PTE_RX		(PTE_COMMON | ARM64_PTE_RO | ARM64_PTE_UXN)
#define PTE_RO		(PTE_COMMON | ARM64_PTE_RO | ARM64_PTE_PXN | \
			 ARM64_PTE_UXN)
#define PTE_RW		(PTE_COMMON | ARM64_PTE_PXN | ARM64_PTE_UXN)
#define PTE_DEV		(ARM64_PTE_AF | ARM64_PTE_PXN | ARM64_PTE_UXN | \
			 ARM64_PTE_ATTR(ARM64_MT_DEVICE))

/* TCR_EL1: 39-bit space in TTBR0, 4 KiB granule, write-back walks of
 * inner shareable tables, no TTBR1 walks; IPS set from the CPU.
 */
#define TCR_T0SZ	(64 - ARM64_VA_BITS)
#define TCR_WALK	((1UL << 8) | (1UL << 10) | (3UL << 12))
#define TCR_EPD1	(1UL << 23)
#define TCR_IPS_SHIFT	32
#define IPS_MAX		5	/* 48 bits: 52 needs LPA */

#define MMIO_MAX	8
/* L1, L2 and L3 of the image and of a device or two */
#define POOL		8

extern char arm64_stack_guard[], arm64_exc_stack_guard[];

/* .bss is cleared by entry.S: the pool needs no zeroing. */
static uint64_t pool[POOL][512] __aligned(PAGE_SIZE);
static int pool_used;
static uint64_t *l1;
static struct {
	uint64_t base, end;
} mmio[MMIO_MAX];
static int mmio_nr;

void arm64_mmio_map(uint64_t base, uint64_t len)
{
	if (!len)
		return;
	/* A NULL pointer must never reach a device. */
	if (base < PLAT_NULL_GUARD)
		ukplat_boot_panic("device registers inside the NULL guard");
	/* Unmapped, the device would fault later, far from the cause. */
	if (mmio_nr == MMIO_MAX)
		ukplat_boot_panic("too many device register ranges to map");
	mmio[mmio_nr].base = base;
	mmio[mmio_nr].end = base + len;
	mmio_nr++;
}

/* Invalidates the data cache lines of [va, end). */
static void dcache_inval(uint64_t va, uint64_t end)
{
	uint64_t line = 4UL << ((ukarch_read_sysreg(ctr_el0) >> 16) & 15);

	for (va = ALIGN_DOWN(va, line); va < end; va += line)
		__asm__ __volatile__("dc ivac, %0" : : "r"(va) : "memory");
	ukarch_dsb(sy);
}

static uint64_t pt_alloc(void)
{
	uint64_t t;

	if (pool_used < POOL)
		return (uintptr_t)pool[pool_used++];
	t = plat_mem_alloc_page(0, 1UL << ARM64_VA_BITS);
	if (!t)
		ukplat_boot_panic("not enough memory for page tables");
	dcache_inval(t, t + PAGE_SIZE);
	return t;
}

/* Next level table under entry e, allocated if absent; NULL when e
 * already maps a block.
 */
static uint64_t *pt_next(uint64_t *e)
{
	if (!*e)
		*e = pt_alloc() | ARM64_PTE_TABLE;
	if ((*e & ARM64_PTE_TYPE_MASK) != ARM64_PTE_TABLE)
		return NULL;
	return (uint64_t *)(*e & ARM64_PTE_ADDR);
}

/* Whether a block of size sz can map va on the way to end. */
static inline int fits(uint64_t va, uint64_t end, uint64_t sz)
{
	return IS_ALIGNED(va, sz) && end - va >= sz;
}

/* Runs of entries are filled in tight loops: boot time is mostly here. */
static void map(uint64_t va, uint64_t end, uint64_t fl)
{
	uint64_t *t, *e, *last, pte;

	va = ALIGN_DOWN(va, PAGE_SIZE);
	end = MIN(ALIGN_UP(end, PAGE_SIZE), 1UL << ARM64_VA_BITS);
	while (va < end) {
		e = &l1[ARM64_PT_INDEX(va, 1)];
		if (fits(va, end, ARM64_PAGE_1G) && !*e) {
			*e = va | fl | ARM64_PTE_BLOCK;
			va += ARM64_PAGE_1G;
			continue;
		}
		t = pt_next(e);
		if (!t) {
			va = ALIGN_DOWN(va, ARM64_PAGE_1G) + ARM64_PAGE_1G;
			continue;
		}
		e = &t[ARM64_PT_INDEX(va, 2)];
		if (fits(va, end, ARM64_PAGE_2M) && !*e) {
			do {
				*e++ = va | fl | ARM64_PTE_BLOCK;
				va += ARM64_PAGE_2M;
			} while (fits(va, end, ARM64_PAGE_2M) && !*e &&
				 !IS_ALIGNED(va, ARM64_PAGE_1G));
			continue;
		}
		t = pt_next(e);
		if (!t) {
			va = ALIGN_DOWN(va, ARM64_PAGE_2M) + ARM64_PAGE_2M;
			continue;
		}
		e = &t[ARM64_PT_INDEX(va, 3)];
		pte = va | fl | ARM64_PTE_PAGE;
		va = MIN(end, ALIGN_DOWN(va, ARM64_PAGE_2M) + ARM64_PAGE_2M);
		for (last = &t[ARM64_PT_INDEX(va - 1, 3)]; e <= last; e++) {
			*e = pte;
			pte += PAGE_SIZE;
		}
	}
}

static int overlaps(uint64_t b1, uint64_t e1, uint64_t b2, uint64_t e2)
{
	return b1 < e2 && b2 < e1;
}

/*
 * Device registers get whole 2 MiB blocks (no level 3 table for them)
 * unless such a block would reach into RAM, the initrd or the NULL guard.
 */
static void map_mmio(const struct ukplat_memregion *ram, int n)
{
	uint64_t b, e, initrd, initrd_len;
	int i, j;

	initrd = plat_initrd_range(&initrd_len);

	for (i = 0; i < mmio_nr; i++) {
		b = ALIGN_DOWN(mmio[i].base, ARM64_PAGE_2M);
		e = ALIGN_UP(mmio[i].end, ARM64_PAGE_2M);
		for (j = 0; j < n; j++)
			if (overlaps(b, e, ram[j].base,
				     ram[j].base + ram[j].len))
				break;
		if (j < n || overlaps(b, e, (uintptr_t)_text, (uintptr_t)_end) ||
		    overlaps(b, e, initrd, initrd + initrd_len) ||
		    b < PLAT_NULL_GUARD)
			map(mmio[i].base, mmio[i].end, PTE_DEV);
		else
			map(b, e, PTE_DEV);
	}
}

static void mmu_enable(void)
{
	uint64_t ips = ukarch_read_sysreg(id_aa64mmfr0_el1) & 15;

	ukarch_write_sysreg(mair_el1, ARM64_MAIR_INIT);
	ukarch_write_sysreg(tcr_el1, TCR_T0SZ | TCR_WALK | TCR_EPD1 |
			    MIN(ips, IPS_MAX) << TCR_IPS_SHIFT);
	ukarch_write_sysreg(ttbr0_el1, (uintptr_t)l1);
	ukarch_isb();
	__asm__ __volatile__("tlbi vmalle1\n\tic iallu" : : : "memory");
	ukarch_dsb(nsh);
	ukarch_isb();
	ukarch_write_sysreg(sctlr_el1, ARM64_SCTLR_RES1 | ARM64_SCTLR_M |
			    ARM64_SCTLR_C | ARM64_SCTLR_SA | ARM64_SCTLR_I |
			    ARM64_SCTLR_WXN);
	ukarch_isb();
}

void arm64_mmu_init(void)
{
	struct ukplat_memregion ram[PLAT_MEM_MAX];
	uint64_t guard = (uintptr_t)arm64_stack_guard;
	uint64_t exc_guard = (uintptr_t)arm64_exc_stack_guard;
	uint64_t initrd, initrd_len;
	int i, n;

	/*
	 * RAM beyond the 39-bit space cannot be mapped: out of the free
	 * list with it, before anything is allocated.
	 */
	plat_mem_reserve(1UL << ARM64_VA_BITS, -(1UL << ARM64_VA_BITS));

	/*
	 * The free list is the RAM less the image (reserved by the
	 * caller): exactly what to map with plain rights. It shrinks as
	 * tables are taken from it, so work on a copy.
	 */
	n = plat_mem_copy(ram);

	l1 = (uint64_t *)pt_alloc();
	map((uintptr_t)_text, (uintptr_t)_etext, PTE_RX);
	map((uintptr_t)_rodata, (uintptr_t)_erodata, PTE_RO);
	map((uintptr_t)_data, guard, PTE_RW);
	map(guard + PAGE_SIZE, exc_guard, PTE_RW);
	map(exc_guard + PAGE_SIZE, (uintptr_t)_end, PTE_RW);
	for (i = 0; i < n; i++)
		map(ram[i].base, ram[i].base + ram[i].len, PTE_RW);
	/* Out of the free list (plat_initrd_keep), so not mapped above. */
	initrd = plat_initrd_range(&initrd_len);
	if (initrd_len)
		map(initrd, initrd + initrd_len, PTE_RO);
	map_mmio(ram, n);

	dcache_inval((uintptr_t)_data, (uintptr_t)_end);
	mmu_enable();
}

int arm64_readable(uint64_t va)
{
	uint64_t par;

	/* Before the MMU is on, only the image is known to be memory. */
	if (!(ukarch_read_sysreg(sctlr_el1) & ARM64_SCTLR_M))
		return va >= (uintptr_t)_text && va + 8 <= (uintptr_t)_end;
	__asm__ __volatile__("at s1e1r, %1\n\tisb\n\tmrs %0, par_el1"
			     : "=r"(par) : "r"(va));
	return !(par & 1);
}

/* Never set at boot; a split must not claim a run the guard breaks. */
#define PTE_CONT	(1UL << 52)

/*
 * Fills t with the 512 entries mapping what the block blk at level lvl
 * (1: 1 GiB, 2: 2 MiB) mapped, with its attributes: 2 MiB blocks or
 * 4 KiB pages (type bits 0b11).
 */
static void split_fill(uint64_t *t, uint64_t blk, int lvl)
{
	uint64_t sz = lvl == 1 ? ARM64_PAGE_2M : PAGE_SIZE;
	uint64_t pa = blk & ARM64_PTE_ADDR & ~(sz * 512 - 1);
	uint64_t fl = blk & ~ARM64_PTE_ADDR & ~ARM64_PTE_TYPE_MASK & ~PTE_CONT;
	int i;

	fl |= lvl == 1 ? ARM64_PTE_BLOCK : ARM64_PTE_PAGE;
	for (i = 0; i < 512; i++)
		t[i] = (pa + i * sz) | fl;
}

/*
 * Replaces the live block descriptor *e with the table descriptor d,
 * whose table maps the same memory with the same attributes.
 *
 * Break-before-make (invalid entry, TLB invalidation, new entry) would
 * leave the whole block unmapped in between, and the table holding *e
 * may lie inside that block (a table taken from the heap by an earlier
 * split), as may the stack: the second store would fault. Writing d
 * over the block directly skips the break, which the architecture
 * forbids when the block size changes (TLB conflicts; QEMU's TCG would
 * not notice, hardware may). Instead the MMU is off for the change:
 * then nothing is translated and no TLB entry is used, and as the map
 * is the identity the code goes on at the same addresses. Between the
 * two writes to SCTLR_EL1 nothing but *e is accessed and no exception
 * is taken (all masked).
 *
 * With the MMU off the store bypasses the cache, as at boot: *e's line
 * is cleaned and invalidated first (a dirty copy cannot overwrite the
 * store later) and invalidated after it (a copy the table walker
 * fetched just before the MMU went off cannot hide it). The old block
 * is dropped from every TLB before the MMU is back on.
 */
static void block_replace(uint64_t *e, uint64_t d)
{
	uint64_t sctlr = ukarch_read_sysreg(sctlr_el1);
	uint64_t daif = ukarch_read_sysreg(daif);

	__asm__ __volatile__("msr daifset, #0xf\n\t"
			     "dc civac, %[e]\n\t"
			     "dsb sy\n\t"
			     "msr sctlr_el1, %[off]\n\t"
			     "isb\n\t"
			     "str %[d], [%[e]]\n\t"
			     "dsb sy\n\t"
			     "dc ivac, %[e]\n\t"
			     "tlbi vmalle1is\n\t"
			     "dsb sy\n\t"
			     "msr sctlr_el1, %[on]\n\t"
			     "isb"
			     : : [e] "r"(e), [d] "r"(d),
			       [off] "r"(sctlr & ~ARM64_SCTLR_M), [on] "r"(sctlr)
			     : "memory");
	ukarch_write_sysreg(daif, daif);
}

/* A level 3 entry: valid to invalid needs no break, only the flush. */
static void page_set(uint64_t *e, uint64_t d, uint64_t va)
{
	*(volatile uint64_t *)e = d;
	__asm__ __volatile__("dsb ishst\n\t"
			     "tlbi vaale1is, %0\n\t"
			     "dsb ish\n\t"
			     "isb"
			     : : "r"(va >> PAGE_SHIFT) : "memory");
}

/*
 * A guarded page keeps its descriptor with the type bits cleared, so a
 * non-zero invalid level 3 entry is one of ours; the pages never mapped
 * (NULL and stack guards) have zero entries and are refused.
 *
 * The new tables are written through the data cache, where the table
 * walker reads them (TCR_EL1: write-back walks): unlike boot's tables,
 * written with the MMU off, they need no invalidation (it would discard
 * them), only the barrier before they are linked in.
 */
int ukplat_page_guard(uintptr_t va, int guard, void *(*table_alloc)(void))
{
	uint64_t *e, *t, d, type;
	int lvl = 1;

	if (!IS_ALIGNED(va, PAGE_SIZE) || !l1 || !plat_mem_guardable(va))
		return -1;
	/* The entry that maps va: a page or a block. */
	e = &l1[ARM64_PT_INDEX(va, 1)];
	while (lvl < 3 && (*e & ARM64_PTE_TYPE_MASK) == ARM64_PTE_TABLE) {
		t = (uint64_t *)(*e & ARM64_PTE_ADDR);
		e = &t[ARM64_PT_INDEX(va, ++lvl)];
	}
	d = *e;
	type = d & ARM64_PTE_TYPE_MASK;
	if (lvl < 3 ? type != ARM64_PTE_BLOCK :
		      type != ARM64_PTE_PAGE && (type || !d))
		return -1;
	/* Plain RAM only: never code, read-only data or device registers. */
	if ((d & ~ARM64_PTE_ADDR & ~ARM64_PTE_TYPE_MASK) != PTE_RW)
		return -1;

	while (lvl < 3) {
		t = table_alloc();
		if (!t || !IS_ALIGNED((uintptr_t)t, PAGE_SIZE))
			return -1;
		split_fill(t, d, lvl);
		block_replace(e, (uintptr_t)t | ARM64_PTE_TABLE);
		e = &t[ARM64_PT_INDEX(va, ++lvl)];
		d = *e;
	}

	if (guard)
		page_set(e, d & ~ARM64_PTE_TYPE_MASK, va);
	else
		page_set(e, (d & ARM64_PTE_ADDR) | PTE_RW | ARM64_PTE_PAGE, va);
	return 0;
}

/*
 * Device registers are all mapped at boot (the device tree names them):
 * a range counts when every page of it translates; nothing is added.
 */
int ukplat_map_device(uint64_t paddr, size_t len,
		      void *(*table_alloc)(void) __maybe_unused)
{
	uint64_t va;

	if (!len || paddr < PLAT_NULL_GUARD || paddr + len < paddr)
		return -1;
	for (va = ALIGN_DOWN(paddr, PAGE_SIZE); va < paddr + len;
	     va += PAGE_SIZE)
		if (plat_mem_guardable(va) || !arm64_readable(va))
			return -1;	/* RAM, or not mapped */
	return 0;
}
