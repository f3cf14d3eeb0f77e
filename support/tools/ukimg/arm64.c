/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * arm64 Linux Image header: the first 64 bytes of a raw image, or of the
 * lowest loaded segment of an ELF (what objcopy -O binary would keep).
 * QEMU's -kernel and Xen both read it; with it the DTB arrives in x0.
 */
#include "ukimg.h"

/*
 * File offset of the lowest loaded segment (UINT64_MAX when it has no
 * file bytes), in span the memory from it to the highest end and in
 * fspan to the highest end of file bytes (what objcopy -O binary keeps).
 * Segments that wrap are malformed (seg_check reports them): skipped.
 */
static uint64_t elf_first_load(const struct img *img, uint64_t *span,
			       uint64_t *fspan)
{
	uint64_t off = UINT64_MAX, lo = UINT64_MAX, hi = 0, fhi = 0;
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
		if (ph->p_filesz && ph->p_paddr + ph->p_filesz > fhi)
			fhi = ph->p_paddr + ph->p_filesz;
	}
	*span = hi > lo ? hi - lo : 0;
	*fspan = fhi > lo ? fhi - lo : 0;
	return off;
}

void a64_find(struct img *img)
{
	struct a64hdr *h = &img->a64;
	uint64_t span = img->size, fspan = img->size, off = 0;
	const unsigned char *p;

	if (img->elf)
		off = elf_first_load(img, &span, &fspan);
	if (!img_range_ok(img, off, A64_HDR_SIZE))
		return;
	p = img->buf + off;
	if (le32(p + 56) != A64_MAGIC)
		return;
	h->found = 1;
	h->off = off;
	h->code0 = le32(p);
	h->text_offset = le64(p + 8);
	h->image_size = le64(p + 16);
	h->flags = le64(p + 24);
	h->file_size = le64(p + 32);
	h->span = span;
	h->file_span = fspan;
}

/*
 * A raw Image is the file bytes from the header on: when code0 is a
 * branch (B), its target is code the file must hold. This is all a
 * Linux header says of the file's length (image_size includes .bss);
 * Kiln's images also record it (res2, below).
 */
static void a64_entry_check(struct img *img)
{
	const struct a64hdr *h = &img->a64;
	int64_t imm, target;

	if (img->elf || (h->code0 & 0xfc000000u) != 0x14000000u)
		return;
	imm = h->code0 & 0x03ffffffu;
	if (imm & 0x02000000)
		imm -= 0x04000000;
	target = (int64_t)h->off + imm * 4;
	if (target < 0 || !img_range_ok(img, (uint64_t)target, 4))
		img_defect(img, "arm64 Image entry (code0 branches to file"
			   " offset %s0x%llx) is outside the file (%zu bytes):"
			   " truncated file?", target < 0 ? "-" : "",
			   (unsigned long long)(target < 0 ? -target : target),
			   img->size);
}

/* Kiln's Images record their raw length in res2 (0 in others'). */
static void a64_length_check(struct img *img)
{
	const struct a64hdr *h = &img->a64;

	if (h->file_size && h->file_size != h->file_span)
		img_defect(img, "arm64 Image is %llu bytes long, its header"
			   " says %llu: %s", (unsigned long long)h->file_span,
			   (unsigned long long)h->file_size,
			   h->file_span < h->file_size ? "truncated file?" :
			   "not the file the header was linked for");
}

void a64_check(struct img *img)
{
	const struct a64hdr *h = &img->a64;

	if (!h->found)
		return;
	a64_entry_check(img);
	a64_length_check(img);
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
