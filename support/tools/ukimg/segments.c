/* SPDX-License-Identifier: BSD-3-Clause */
/* Program headers: what every loader relies on, whatever the protocol. */
#include <stdlib.h>
#include "ukimg.h"

/* Is addr in the file-backed part of an executable PT_LOAD? */
int seg_exec_has(const struct img *img, uint64_t addr, int phys)
{
	const GElf_Phdr *ph;
	uint64_t start;
	size_t i;

	for (i = 0; i < img->nph; i++) {
		ph = &img->ph[i];
		start = phys ? ph->p_paddr : ph->p_vaddr;
		if (ph->p_type == PT_LOAD && (ph->p_flags & PF_X) &&
		    addr >= start && addr - start < ph->p_filesz)
			return 1;
	}
	return 0;
}

/* A segment whose end wraps in either address space is malformed. */
int seg_wraps(const GElf_Phdr *ph)
{
	return ph->p_vaddr + ph->p_memsz < ph->p_vaddr ||
	       ph->p_paddr + ph->p_memsz < ph->p_paddr;
}

struct span {
	uint64_t start, end;
	size_t idx;
};

static int span_cmp(const void *a, const void *b)
{
	const struct span *x = a, *y = b;

	return x->start < y->start ? -1 : x->start > y->start;
}

/* Sorted by start, each span only needs comparing with the furthest end. */
static void overlaps(struct img *img, struct span *s, size_t n,
		     const char *space)
{
	size_t i, far = 0;

	qsort(s, n, sizeof(*s), span_cmp);
	for (i = 1; i < n; i++) {
		if (s[i].start < s[far].end)
			img_defect(img, "segments %zu and %zu overlap in %s"
				   " memory (at 0x%llx)",
				   s[far].idx < s[i].idx ? s[far].idx : s[i].idx,
				   s[far].idx < s[i].idx ? s[i].idx : s[far].idx,
				   space, (unsigned long long)s[i].start);
		if (s[i].end > s[far].end)
			far = i;
	}
}

static void seg_one(struct img *img, size_t i)
{
	const GElf_Phdr *ph = &img->ph[i];
	unsigned long long v = ph->p_vaddr;

	if (ph->p_filesz > ph->p_memsz)
		img_defect(img, "segment %zu: file size 0x%llx exceeds memory"
			   " size 0x%llx", i, (unsigned long long)ph->p_filesz,
			   (unsigned long long)ph->p_memsz);
	if (!img_range_ok(img, ph->p_offset, ph->p_filesz))
		img_defect(img, "segment %zu (file offset 0x%llx+0x%llx) runs"
			   " past the end of the file (0x%zx bytes): truncated"
			   " file?", i, (unsigned long long)ph->p_offset,
			   (unsigned long long)ph->p_filesz, img->size);
	if ((ph->p_flags & (PF_W | PF_X)) == (PF_W | PF_X))
		img_defect(img, "segment %zu (vaddr 0x%llx-0x%llx) is both"
			   " writable and executable", i, v,
			   v + (unsigned long long)ph->p_memsz);
	if (seg_wraps(ph))
		img_defect(img, "segment %zu wraps around the address space",
			   i);
}

void seg_check(struct img *img)
{
	struct span *virt, *phys;
	size_t i, n = 0;

	if (img->eh.e_type != ET_EXEC)
		img_defect(img, "ELF type %u is not an executable (ET_EXEC)",
			   img->eh.e_type);
	if (img->arch == ARCH_UNKNOWN)
		img_defect(img, "unsupported machine %u (want x86_64 or"
			   " aarch64)", img->eh.e_machine);
	virt = calloc(img->nph + 1, sizeof(*virt));
	phys = calloc(img->nph + 1, sizeof(*phys));
	for (i = 0; virt && phys && i < img->nph; i++) {
		const GElf_Phdr *ph = &img->ph[i];

		if (ph->p_type != PT_LOAD)
			continue;
		seg_one(img, i);
		if (!ph->p_memsz || seg_wraps(ph))
			continue;
		virt[n] = (struct span){ ph->p_vaddr, ph->p_vaddr + ph->p_memsz,
					 i };
		phys[n++] = (struct span){ ph->p_paddr,
					   ph->p_paddr + ph->p_memsz, i };
	}
	if (!virt || !phys) {
		img_defect(img, "out of memory");
	} else if (!n) {
		img_defect(img, "no loadable (PT_LOAD) segment");
	} else {
		overlaps(img, virt, n, "virtual");
		overlaps(img, phys, n, "physical");
	}
	free(virt);
	free(phys);
	if (n && !seg_exec_has(img, img->eh.e_entry, 0))
		img_defect(img, "entry point 0x%llx is not in an executable"
			   " segment", (unsigned long long)img->eh.e_entry);
}
