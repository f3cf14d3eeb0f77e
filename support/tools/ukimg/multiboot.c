/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Multiboot 1 header: where it is and whether its address fields (flag
 * 16) describe this file. With them QEMU ignores the ELF headers and
 * copies file bytes load_addr..load_end_addr flat, so those bytes must be
 * what the segments say. QEMU mirrors the spec except that it stops
 * searching 48 bytes before 8 KiB.
 */
#include <string.h>
#include "ukimg.h"

enum { MB_PAST, MB_QEMU_PAST, MB_MISALIGNED, MB_BADSUM, MB_NKINDS };

static void mb_take(struct img *img, uint64_t off, uint32_t flags)
{
	const unsigned char *p = img->buf + off;
	struct mbhdr *m = &img->mb;

	m->found = 1;
	m->off = off;
	m->flags = flags;
	if (!(flags & MB_FLAG_ADDR))
		return;
	if (!img_range_ok(img, off, 32)) {
		img_defect(img, "multiboot header at file offset 0x%llx: its"
			   " address fields run past the end of the file",
			   (unsigned long long)off);
		return;
	}
	m->has_addr = 1;
	m->header_addr = le32(p + 12);
	m->load_addr = le32(p + 16);
	m->load_end_addr = le32(p + 20);
	m->bss_end_addr = le32(p + 24);
	m->entry_addr = le32(p + 28);
}

static void mb_misplaced(struct img *img, int kind, uint64_t off,
			 uint32_t sum)
{
	unsigned long long o = off;

	switch (kind) {
	case MB_PAST:
		img_defect(img, "multiboot header at file offset 0x%llx is"
			   " past the first 8 KiB: loaders will not find it",
			   o);
		break;
	case MB_QEMU_PAST:
		img_defect(img, "multiboot header at file offset 0x%llx: QEMU"
			   " only searches below 0x%x (8 KiB - 48)", o,
			   MB_QEMU_SEARCH);
		break;
	case MB_MISALIGNED:
		img_defect(img, "multiboot header at file offset 0x%llx is"
			   " not 4-byte aligned: loaders will not find it", o);
		break;
	case MB_BADSUM:
		img_defect(img, "multiboot header at file offset 0x%llx has a"
			   " bad checksum (magic + flags + checksum = 0x%08x,"
			   " must be 0)", o, sum);
		break;
	}
}

/*
 * The whole file is scanned so that a header which loaders would miss is
 * reported; those are only reported when no usable one exists.
 */
void mb_find(struct img *img)
{
	uint64_t bad[MB_NKINDS];
	uint32_t sums[MB_NKINDS];
	uint32_t flags, sum;
	size_t off;
	int k;

	for (k = 0; k < MB_NKINDS; k++)
		bad[k] = UINT64_MAX;
	for (off = 0; img->size >= 12 && off <= img->size - 12; off++) {
		if (le32(img->buf + off) != MB_MAGIC)
			continue;
		flags = le32(img->buf + off + 4);
		sum = MB_MAGIC + flags + le32(img->buf + off + 8);
		if (off & 3)
			k = sum ? -1 : MB_MISALIGNED;
		else if (off >= MB_SEARCH)
			k = sum ? -1 : MB_PAST;
		else if (sum)
			k = MB_BADSUM;
		else if (off >= MB_QEMU_SEARCH)
			k = MB_QEMU_PAST;
		else {
			mb_take(img, off, flags);
			return;
		}
		if (k >= 0 && bad[k] == UINT64_MAX) {
			bad[k] = off;
			sums[k] = sum;
		}
	}
	for (k = 0; k < MB_NKINDS; k++)
		if (bad[k] != UINT64_MAX)
			mb_misplaced(img, k, bad[k], sums[k]);
}

/*
 * What the file bytes multiboot copies to paddr [s, e), zero-filled in
 * segment ph, would overwrite: an allocated section there (from the
 * section headers), else any non-zero byte. Padding after the data
 * (empty aligned sections before _edata) harms nothing.
 */
static const char *zeroed_user(struct img *img, const GElf_Phdr *ph,
			       uint64_t s, uint64_t e, uint64_t foff)
{
	uint64_t a, b;
	GElf_Shdr sh;
	Elf_Scn *scn;
	size_t i;

	for (i = 1; i < img->nsh; i++) {
		scn = elf_getscn(img->elf, i);
		if (!scn || !gelf_getshdr(scn, &sh) ||
		    !(sh.sh_flags & SHF_ALLOC) || !sh.sh_size ||
		    sh.sh_addr < ph->p_vaddr ||
		    sh.sh_addr - ph->p_vaddr >= ph->p_memsz)
			continue;
		a = sh.sh_addr - ph->p_vaddr + ph->p_paddr;
		b = a + sh.sh_size;
		if (a < e && b > s)
			return img_secname(img, &sh);
	}
	if (img->nsh)
		return NULL;
	for (a = 0; a < e - s; a++)
		if (img->buf[foff + a])
			return "non-zero bytes";
	return NULL;
}

/* Do the bytes multiboot copies to each segment's place match it? */
static void mb_check_seg(struct img *img, size_t i, uint64_t loff,
			 uint64_t lsize)
{
	const struct mbhdr *m = &img->mb;
	const GElf_Phdr *ph = &img->ph[i];
	uint64_t lend = (uint64_t)m->load_addr + lsize, pa = ph->p_paddr;
	uint64_t fs = ph->p_filesz, zend, at, s, e;
	const unsigned char *want, *got;
	const char *what;

	if (fs && (pa < m->load_addr || pa > lend || fs > lend - pa)) {
		img_defect(img, "segment %zu (paddr 0x%llx-0x%llx) is not"
			   " inside the multiboot load range 0x%x-0x%llx", i,
			   (unsigned long long)pa,
			   (unsigned long long)(pa + fs), m->load_addr,
			   (unsigned long long)lend);
		return;
	}
	if (fs && img_range_ok(img, ph->p_offset, fs)) {
		want = img->buf + ph->p_offset;
		got = img->buf + loff + (pa - m->load_addr);
		if (memcmp(want, got, fs)) {
			for (at = 0; want[at] == got[at]; at++)
				;
			img_defect(img, "segment %zu: multiboot loads file"
				   " offset 0x%llx to paddr 0x%llx, but the"
				   " segment has file offset 0x%llx there", i,
				   (unsigned long long)(got - img->buf + at),
				   (unsigned long long)(pa + at),
				   (unsigned long long)(ph->p_offset + at));
		}
	}
	/* The zero-filled part must not receive file bytes. */
	zend = pa + ph->p_memsz;
	s = pa + fs > m->load_addr ? pa + fs : m->load_addr;
	e = zend < lend ? zend : lend;
	if (e > s && (what = zeroed_user(img, ph, s, e,
					 loff + (s - m->load_addr))))
		img_defect(img, "multiboot load_end_addr 0x%llx loads file"
			   " bytes over %s in the zero-filled part of segment"
			   " %zu (paddr 0x%llx-0x%llx)",
			   (unsigned long long)lend, what, i,
			   (unsigned long long)s, (unsigned long long)e);
	if (m->bss_end_addr && ph->p_memsz > fs && zend > m->bss_end_addr)
		img_defect(img, "segment %zu ends at paddr 0x%llx, past"
			   " multiboot bss_end_addr 0x%x", i,
			   (unsigned long long)zend, m->bss_end_addr);
}

static void mb_check_addr(struct img *img)
{
	const struct mbhdr *m = &img->mb;
	uint64_t loff, lsize, i;

	if (m->header_addr < m->load_addr) {
		img_defect(img, "multiboot header_addr 0x%x is below load_addr"
			   " 0x%x", m->header_addr, m->load_addr);
		return;
	}
	if (m->header_addr - m->load_addr > m->off) {
		img_defect(img, "multiboot load_addr 0x%x lies before the start"
			   " of the file (header_addr 0x%x is at file offset"
			   " 0x%llx)", m->load_addr, m->header_addr,
			   (unsigned long long)m->off);
		return;
	}
	loff = m->off - (m->header_addr - m->load_addr);
	if (!m->load_end_addr) {
		lsize = img->size - loff;
	} else if (m->load_end_addr < m->load_addr) {
		img_defect(img, "multiboot load_end_addr 0x%x is below"
			   " load_addr 0x%x", m->load_end_addr, m->load_addr);
		return;
	} else {
		lsize = m->load_end_addr - m->load_addr;
	}
	if (!img_range_ok(img, loff, lsize)) {
		img_defect(img, "multiboot load_end_addr 0x%x lies past the end"
			   " of the file (it would load file bytes"
			   " 0x%llx-0x%llx of 0x%zx)", m->load_end_addr,
			   (unsigned long long)loff,
			   (unsigned long long)(loff + lsize), img->size);
		return;
	}
	if (m->bss_end_addr && m->bss_end_addr < m->load_addr + lsize)
		img_defect(img, "multiboot bss_end_addr 0x%x is below the end"
			   " of the loaded bytes 0x%llx", m->bss_end_addr,
			   (unsigned long long)(m->load_addr + lsize));
	if (!img->elf) {
		if (m->entry_addr < m->load_addr ||
		    m->entry_addr - m->load_addr >= lsize)
			img_defect(img, "multiboot entry_addr 0x%x is outside"
				   " the loaded bytes", m->entry_addr);
		return;
	}
	if (!seg_exec_has(img, m->entry_addr, 1))
		img_defect(img, "multiboot entry_addr 0x%x is not in an"
			   " executable segment", m->entry_addr);
	for (i = 0; i < img->nph; i++)
		if (img->ph[i].p_type == PT_LOAD && img->ph[i].p_memsz)
			mb_check_seg(img, i, loff, lsize);
}

void mb_check(struct img *img)
{
	const struct mbhdr *m = &img->mb;

	if (!m->found)
		return;
	/* Bits 0-15 are demands: a loader must refuse unknown ones. */
	if (m->flags & 0xfff8)
		img_defect(img, "multiboot header demands unknown features"
			   " (flags 0x%08x)", m->flags);
	if (m->has_addr) {
		mb_check_addr(img);
	} else if (!(m->flags & MB_FLAG_ADDR) && (!img->elf ||
		   img->eh.e_ident[EI_CLASS] == ELFCLASS64)) {
		img_defect(img, "multiboot header has no address fields (flag"
			   " 16): QEMU refuses %s through multiboot without"
			   " them", img->elf ? "ELF64 images" : "flat images");
	}
}
