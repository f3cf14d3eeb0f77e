/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The page tables the unikernel runs on: an identity map of the RAM the
 * loader reported, non-executable, of the image with per-section rights
 * and of the initrd, read-only. The image gets 4 KiB pages, the rest the
 * biggest pages that fit, so a large machine costs few entries. The NULL guard [0,
 * PLAT_NULL_GUARD) and the page under the boot stack stay unmapped to
 * catch NULL pointers (at any offset below the guard's end) and stack
 * overflows. Later, ukplat_page_guard() unmaps single pages of RAM (and
 * maps them back), splitting big pages as it goes, and
 * ukplat_map_device() maps device registers found after boot (PCI BARs).
 */
#include <uk/asm/cpu.h>
#include <uk/asm/paging.h>
#include <uk/plat/device.h>
#include <uk/plat/memory.h>
#include <uk/plat/common/initrd.h>
#include <uk/plat/common/memregion.h>
#include <uk/plat/common/sections.h>
#include <uk/plat/common/x86/boot.h>

#define PTE_RX	(X86_PTE_P | X86_PTE_A)
#define PTE_RW	(X86_PTE_P | X86_PTE_W | X86_PTE_A | X86_PTE_D)
#define X86_PTE_PWT	0x008UL	/* write-through */
#define X86_PTE_PCD	0x010UL	/* cache disable */
/* Tables beyond the pool come from RAM above low memory and inside
 * what the boot tables map (1 GiB at least).
 */
#define PT_MIN	0x100000UL
#define PT_MAX	0x40000000UL
/*
 * PML4, PDPT, PD, PT of the image, PT of an unaligned end of RAM, PD
 * and PT of the xAPIC page (at 0xfee00000): when RAM ends with the
 * image, no table can come from elsewhere.
 */
#define POOL	7
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
	uint64_t initrd, initrd_len;
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
	/* Out of the free list (plat_initrd_keep), so not mapped above. */
	initrd = plat_initrd_range(&initrd_len);
	if (initrd_len)
		map(initrd, initrd + initrd_len, PTE_RX | pte_nx);
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

static inline void invlpg(uint64_t va)
{
	__asm__ __volatile__("invlpg (%0)" : : "r"(va) : "memory");
}

/*
 * Fills t with the 512 entries (2 MiB pages or 4 KiB ones) mapping what
 * the big page entry big at level lvl (2: 1 GiB, 1: 2 MiB) mapped, with
 * its rights and memory type. The PAT bit is bit 12 in a big page but
 * bit 7 (PS's place) in a 4 KiB entry: Kiln never sets it, but a split
 * must not change the type.
 */
static void split_fill(uint64_t *t, uint64_t big, int lvl)
{
	uint64_t sz = lvl == 2 ? X86_PAGE_2M : PAGE_SIZE;
	uint64_t pa = big & X86_PTE_ADDR & ~(sz * 512 - 1);
	uint64_t fl = big & ~X86_PTE_ADDR & ~X86_PTE_PS;
	int i;

	if (big & X86_PTE_PAT_BIG)
		fl |= lvl == 2 ? X86_PTE_PAT_BIG : X86_PTE_PAT;
	if (lvl == 2)
		fl |= X86_PTE_PS;
	for (i = 0; i < 512; i++)
		t[i] = (pa + i * sz) | fl;
}

/*
 * A guarded page keeps its entry with P clear, so a non-zero entry that
 * is not present is one of ours; the pages never mapped (NULL and stack
 * guards) have zero entries and are refused.
 */
int ukplat_page_guard(uintptr_t va, int guard, void *(*table_alloc)(void))
{
	uint64_t *e, *t, pte;
	int lvl = 3;

	if (!IS_ALIGNED(va, PAGE_SIZE) || !pml4 || !plat_mem_guardable(va))
		return -1;
	/* The entry that maps va: a 4 KiB one or a big page. */
	e = &pml4[X86_PT_INDEX(va, 3)];
	while (lvl && (*e & X86_PTE_P) && !(*e & X86_PTE_PS)) {
		t = (uint64_t *)(*e & X86_PTE_ADDR);
		e = &t[X86_PT_INDEX(va, --lvl)];
	}
	pte = *e;
	if (lvl == 3 || (lvl ? !(pte & X86_PTE_P) : !pte))
		return -1;
	/* Plain RAM only: never code, read-only data or a device page. */
	if ((pte & (X86_PTE_W | X86_PTE_NX)) != (X86_PTE_W | pte_nx))
		return -1;

	/*
	 * x86 needs no break-before-make: the table maps the same memory
	 * with the same rights, so until the flush either translation is
	 * right. The flush then drops the big page's TLB entry and the
	 * walk caches (Kiln maps nothing global).
	 */
	while (lvl) {
		t = table_alloc();
		if (!t || !IS_ALIGNED((uintptr_t)t, PAGE_SIZE))
			return -1;
		split_fill(t, pte, lvl);
		__asm__ __volatile__("" : : : "memory");
		*e = (uintptr_t)t | X86_PTE_P | X86_PTE_W | X86_PTE_A;
		ukarch_write_cr3(ukarch_read_cr3());
		e = &t[X86_PT_INDEX(va, --lvl)];
		pte = *e;
	}

	if (guard)
		*e = pte & ~X86_PTE_P;
	else
		*e = (pte & X86_PTE_ADDR) | PTE_RW | pte_nx;
	invlpg(va);
	return 0;
}

/*
 * Device registers found after boot (PCI BARs): 4 KiB pages, uncached
 * (PCD|PWT: UC under the default PAT, which Kiln never changes). A page
 * already mapped (the xAPIC's, a big page, an earlier call) is left as
 * it is. Tables come from the caller, cleared here.
 */
int ukplat_map_device(uint64_t paddr, size_t len, void *(*table_alloc)(void))
{
	const uint64_t fl = X86_PTE_P | X86_PTE_W | X86_PTE_A | X86_PTE_D |
			    X86_PTE_PCD | X86_PTE_PWT | pte_nx;
	uint64_t va, end, *e, *t;
	int lvl, i;

	if (!pml4 || !len || paddr < PLAT_NULL_GUARD ||
	    paddr + len < paddr || paddr + len > (1ULL << 47))
		return -1;
	va = ALIGN_DOWN(paddr, PAGE_SIZE);
	end = ALIGN_UP(paddr + len, PAGE_SIZE);
	if (va < (uintptr_t)_end && (uintptr_t)_text < end)
		return -1;
	for (; va < end; va += PAGE_SIZE) {
		if (plat_mem_guardable(va))
			return -1;	/* RAM is no device */
		e = &pml4[X86_PT_INDEX(va, 3)];
		for (lvl = 3; lvl; lvl--) {
			if (*e & X86_PTE_PS)
				break;
			if (!(*e & X86_PTE_P)) {
				t = table_alloc();
				if (!t || !IS_ALIGNED((uintptr_t)t, PAGE_SIZE))
					return -1;
				for (i = 0; i < 512; i++)
					t[i] = 0;
				__asm__ __volatile__("" : : : "memory");
				*e = (uintptr_t)t | X86_PTE_P | X86_PTE_W |
				     X86_PTE_A;
			}
			t = (uint64_t *)(*e & X86_PTE_ADDR);
			e = &t[X86_PT_INDEX(va, lvl - 1)];
		}
		if (lvl == 0 && !(*e & X86_PTE_P))
			*e = va | fl;
		/* Nothing was mapped there: no stale TLB entry to drop. */
	}
	return 0;
}

/* No virtio-mmio transport known; kvm's ACPI code (microvm's DSDT)
 * replaces this.
 */
__weak int ukplat_virtio_mmio(int i __maybe_unused, uint64_t *base __maybe_unused,
		       uint64_t *size __maybe_unused,
		       unsigned int *irq __maybe_unused)
{
	return -1;
}
