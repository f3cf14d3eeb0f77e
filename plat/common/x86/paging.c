/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The page tables the unikernel runs on: an identity map of the RAM the
 * loader reported, non-executable, and of the image with per-section
 * rights. The image gets 4 KiB pages, the rest the biggest pages that fit,
 * so a large machine costs few entries. The NULL guard [0,
 * PLAT_NULL_GUARD) and the page under the boot stack stay unmapped to
 * catch NULL pointers (at any offset below the guard's end) and stack
 * overflows.
 */
#include <uk/asm/cpu.h>
#include <uk/asm/paging.h>
#include <uk/plat/memory.h>
#include <uk/plat/common/memregion.h>
#include <uk/plat/common/sections.h>
#include <uk/plat/common/x86/boot.h>

#define PTE_RX	(X86_PTE_P | X86_PTE_A)
#define PTE_RW	(X86_PTE_P | X86_PTE_W | X86_PTE_A | X86_PTE_D)
/* Tables beyond the pool come from RAM above low memory and inside
 * what the boot tables map (1 GiB at least).
 */
#define PT_MIN	0x100000UL
#define PT_MAX	0x40000000UL
/* PML4, PDPT, PD, PT of the image, PT of an unaligned end of RAM */
#define POOL	5
#define EXTRA_MAX 2			/* x86_paging_add() ranges */

extern char x86_stack_guard[];

/* Tables in .bss come zeroed by the loader: no clearing at boot. */
static uint64_t pool[POOL][512] __aligned(PAGE_SIZE);
static int pool_used;
static uint64_t *pml4;
static uint64_t pte_nx;
static int pages_1g;
static struct ukplat_memregion extra[EXTRA_MAX];
static int extra_nr;

static uint64_t pt_alloc(void)
{
	uint64_t t;

	if (pool_used < POOL)
		return (uintptr_t)pool[pool_used++];
	t = plat_mem_alloc_page(PT_MIN, PT_MAX);
	if (!t)
		ukplat_boot_panic("not enough memory for page tables");
	return t;
}

/* Next level table under entry e, allocated if absent; NULL when e
 * already maps a big page.
 */
static uint64_t *pt_next(uint64_t *e)
{
	if (!(*e & X86_PTE_P))
		*e = pt_alloc() | X86_PTE_P | X86_PTE_W | X86_PTE_A;
	if (*e & X86_PTE_PS)
		return NULL;
	return (uint64_t *)(*e & X86_PTE_ADDR);
}

/* Whether a page of size sz can map va on the way to end. */
static inline int fits(uint64_t va, uint64_t end, uint64_t sz)
{
	return IS_ALIGNED(va, sz) && end - va >= sz;
}

/* Runs of entries are filled in tight loops: boot time is mostly here. */
static void map(uint64_t va, uint64_t end, uint64_t fl)
{
	uint64_t *t, *e, *last, pte;

	va = ALIGN_DOWN(va, PAGE_SIZE);
	end = ALIGN_UP(end, PAGE_SIZE);
	while (va < end) {
		e = &pt_next(&pml4[X86_PT_INDEX(va, 3)])[X86_PT_INDEX(va, 2)];
		if (pages_1g && fits(va, end, X86_PAGE_1G) && !*e) {
			*e = va | fl | X86_PTE_PS;
			va += X86_PAGE_1G;
			continue;
		}
		t = pt_next(e);
		if (!t) {
			va = ALIGN_DOWN(va, X86_PAGE_1G) + X86_PAGE_1G;
			continue;
		}
		e = &t[X86_PT_INDEX(va, 1)];
		if (fits(va, end, X86_PAGE_2M) && !*e) {
			do {
				*e++ = va | fl | X86_PTE_PS;
				va += X86_PAGE_2M;
			} while (fits(va, end, X86_PAGE_2M) && !*e &&
				 !IS_ALIGNED(va, X86_PAGE_1G));
			continue;
		}
		t = pt_next(e);
		if (!t) {
			va = ALIGN_DOWN(va, X86_PAGE_2M) + X86_PAGE_2M;
			continue;
		}
		e = &t[X86_PT_INDEX(va, 0)];
		pte = va | fl;
		va = MIN(end, ALIGN_DOWN(va, X86_PAGE_2M) + X86_PAGE_2M);
		for (last = &t[X86_PT_INDEX(va - 1, 0)]; e <= last; e++) {
			*e = pte;
			pte += PAGE_SIZE;
		}
	}
}

void x86_paging_add(uint64_t base, uint64_t len)
{
	if (extra_nr == EXTRA_MAX)
		ukplat_boot_panic("too many ranges to map outside RAM");
	if (base < PLAT_NULL_GUARD)
		ukplat_boot_panic("a range to map lies in the NULL guard");
	extra[extra_nr].base = base;
	extra[extra_nr++].len = len;
	plat_mem_reserve(base, len);
}

void x86_paging_init(void)
{
	struct ukplat_memregion ram[PLAT_MEM_MAX];
	uint64_t guard = (uintptr_t)x86_stack_guard;
	int i, n;

	/*
	 * The free list is the loader's RAM less the NULL guard and the
	 * image (reserved by the caller): exactly what to map with plain
	 * rights.
	 * It shrinks as tables are taken from it, so work on a copy.
	 */
	n = plat_mem_copy(ram);

	/* Same tests as x86_start32, which enabled NX if present. */
	pte_nx = (x86_cpuid81_edx & X86_CPUID81_NX) ? X86_PTE_NX : 0;
	pages_1g = !!(x86_cpuid81_edx & X86_CPUID81_PAGE1GB);
	pml4 = (uint64_t *)pt_alloc();

	map((uintptr_t)_text, (uintptr_t)_etext, PTE_RX);
	map((uintptr_t)_rodata, (uintptr_t)_erodata, PTE_RX | pte_nx);
	map((uintptr_t)_data, guard, PTE_RW | pte_nx);
	map(guard + PAGE_SIZE, (uintptr_t)_end, PTE_RW | pte_nx);
	for (i = 0; i < n; i++)
		map(ram[i].base, ram[i].base + ram[i].len, PTE_RW | pte_nx);
	for (i = 0; i < extra_nr; i++)
		map(extra[i].base, extra[i].base + extra[i].len,
		    PTE_RW | pte_nx);
	ukarch_write_cr3((uintptr_t)pml4);
}

int x86_paging_readable(uint64_t va)
{
	uint64_t *t = (uint64_t *)(ukarch_read_cr3() & X86_PTE_ADDR);
	uint64_t e;
	int lvl;

	if (va >> 47)
		return 0;
	for (lvl = 3; ; lvl--) {
		e = t[X86_PT_INDEX(va, lvl)];
		if (!(e & X86_PTE_P))
			return 0;
		if (!lvl || (e & X86_PTE_PS))
			return 1;
		t = (uint64_t *)(e & X86_PTE_ADDR);
	}
}

void x86_paging_boot_tables(void)
{
	const uint64_t fl = X86_PTE_P | X86_PTE_W | X86_PTE_A | X86_PTE_D;
	uint64_t i;

	/* Before x86_paging_init pages_1g is 0: this fill is then only
	 * redundant, as the 2 MiB pages map the same.
	 */
	if (!pages_1g) {
		for (i = 512; i < 2048; i++)
			x86_boot_pd[i] = i * X86_PAGE_2M | fl | X86_PTE_PS;
		for (i = 1; i < 4; i++)
			x86_boot_pdpt[i] = (uintptr_t)&x86_boot_pd[i * 512] |
					   fl;
	}
	ukarch_write_cr3((uintptr_t)x86_boot_pml4);
}
