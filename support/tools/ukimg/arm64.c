/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * arm64 Linux Image header: the first 64 bytes of a raw image, or of the
 * lowest loaded segment of an ELF (what objcopy -O binary would keep).
 * QEMU's -kernel and Xen both read it; with it the DTB arrives in x0.
 */
#include "ukimg.h"

/*
 * File offset of the lowest loaded segment (UINT64_MAX when it has no
 * file bytes) and in span the memory from it to the highest end.
 * Segments that wrap are malformed (seg_check reports them): skipped.
 */
static uint64_t elf_first_load(const struct img *img, uint64_t *span)
{
	uint64_t off = UINT64_MAX, lo = UINT64_MAX, hi = 0;
	size_t i;

	for (i = 0; i < img->nph; i++) {
		const GElf_Phdr *ph = &img->ph[i];

		if (ph->p_type != PT_LOAD || !ph->p_memsz || seg_wraps(ph))
			continue;
		if (ph->p_paddr < lo) {
			lo = ph->p_paddr;
			off = ph->p_filesz ? ph->p_offset : UINT64_MAX;
		}
		if (ph->p_paddr + ph->p_memsz > hi)
			hi = ph->p_paddr + ph->p_memsz;
	}
	*span = hi > lo ? hi - lo : 0;
	return off;
}

void a64_find(struct img *img)
{
	struct a64hdr *h = &img->a64;
	uint64_t span = img->size, off = 0;
	const unsigned char *p;

	if (img->elf)
		off = elf_first_load(img, &span);
	if (!img_range_ok(img, off, A64_HDR_SIZE))
		return;
	p = img->buf + off;
	if (le32(p + 56) != A64_MAGIC)
		return;
	h->found = 1;
	h->off = off;
	h->text_offset = le64(p + 8);
	h->image_size = le64(p + 16);
	h->flags = le64(p + 24);
	h->span = span;
}

void a64_check(struct img *img)
{
	const struct a64hdr *h = &img->a64;

	if (!h->found)
		return;
	if (h->flags & 1)
		img_defect(img, "arm64 Image header says big-endian (flags"
			   " 0x%llx)", (unsigned long long)h->flags);
	/* image_size 0 means a pre-3.17 kernel: loaders then guess. */
	if (h->image_size && h->image_size < h->span)
		img_defect(img, "arm64 Image header image_size 0x%llx is"
			   " smaller than the image (0x%llx bytes)",
			   (unsigned long long)h->image_size,
			   (unsigned long long)h->span);
}
