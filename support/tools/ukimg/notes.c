/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * ELF notes: read from the PT_NOTE segments (what loaders look at) and
 * from SHT_NOTE sections outside them (reported, but loaders miss them).
 */
#include <stdlib.h>
#include <string.h>
#include "ukimg.h"

#define XEN_NAME(t)	[XEN_ELFNOTE_##t] = #t

static const char *const xen_names[] = {
	XEN_NAME(INFO), XEN_NAME(ENTRY), XEN_NAME(HYPERCALL_PAGE),
	XEN_NAME(VIRT_BASE), XEN_NAME(PADDR_OFFSET), XEN_NAME(XEN_VERSION),
	XEN_NAME(GUEST_OS), XEN_NAME(GUEST_VERSION), XEN_NAME(LOADER),
	XEN_NAME(PAE_MODE), XEN_NAME(FEATURES), XEN_NAME(BSD_SYMTAB),
	XEN_NAME(HV_START_LOW), XEN_NAME(L1_MFN_VALID),
	XEN_NAME(SUSPEND_CANCEL), XEN_NAME(INIT_P2M), XEN_NAME(MOD_START_PFN),
	XEN_NAME(SUPPORTED_FEATURES), XEN_NAME(PHYS32_ENTRY),
};

const char *xen_note_name(uint32_t type)
{
	if (type < sizeof(xen_names) / sizeof(xen_names[0]))
		return xen_names[type];
	return NULL;
}

int xen_note_is_string(uint32_t type)
{
	switch (type) {
	case XEN_ELFNOTE_INFO:
	case XEN_ELFNOTE_XEN_VERSION:
	case XEN_ELFNOTE_GUEST_OS:
	case XEN_ELFNOTE_GUEST_VERSION:
	case XEN_ELFNOTE_LOADER:
	case XEN_ELFNOTE_PAE_MODE:
	case XEN_ELFNOTE_FEATURES:
	case XEN_ELFNOTE_BSD_SYMTAB:
		return 1;
	}
	return 0;
}

static void note_add(struct img *img, const struct note *n)
{
	struct note *v;

	/* Grow by doubling: the count is bounded by the file size / 12. */
	if (!(img->nnotes & (img->nnotes - 1))) {
		v = realloc(img->notes, (img->nnotes ? 2 * img->nnotes : 1) *
			    sizeof(*v));
		if (!v)
			return;
		img->notes = v;
	}
	img->notes[img->nnotes++] = *n;
}

static void notes_walk(struct img *img, uint64_t off, uint64_t len,
		       uint64_t align, int seg, const char *where)
{
	size_t pos = 0, next, noff, doff;
	struct note n;
	GElf_Nhdr nh;
	Elf_Data *d;

	if (!len)
		return;
	if (!img_range_ok(img, off, len)) {
		img_defect(img, "%s: notes at 0x%llx+0x%llx run past the end"
			   " of the file (%zu bytes): truncated file?", where,
			   (unsigned long long)off, (unsigned long long)len,
			   img->size);
		return;
	}
	d = elf_getdata_rawchunk(img->elf, off, len,
				 align == 8 ? ELF_T_NHDR8 : ELF_T_NHDR);
	if (!d) {
		img_defect(img, "%s: cannot read notes: %s", where,
			   elf_errmsg(-1));
		return;
	}
	while (pos < d->d_size) {
		next = gelf_getnote(d, pos, &nh, &noff, &doff);
		if (!next) {
			img_defect(img, "%s: bad note at file offset 0x%llx:"
				   " its sizes run past the end of the notes",
				   where, (unsigned long long)(off + pos));
			return;
		}
		n.owner = (const char *)d->d_buf + noff;
		if (!nh.n_namesz) {
			n.owner = "";
		} else if (n.owner[nh.n_namesz - 1]) {
			img_defect(img, "%s: bad note at file offset 0x%llx:"
				   " owner name not NUL-terminated", where,
				   (unsigned long long)(off + pos));
			pos = next;
			continue;
		}
		n.type = nh.n_type;
		n.desc = (const unsigned char *)d->d_buf + doff;
		n.descsz = nh.n_descsz;
		n.off = off + pos;
		n.seg = seg;
		note_add(img, &n);
		pos = next;
	}
}

static int in_note_seg(const struct img *img, uint64_t off)
{
	const GElf_Phdr *ph;
	size_t i;

	for (i = 0; i < img->nph; i++) {
		ph = &img->ph[i];
		if (ph->p_type == PT_NOTE && off >= ph->p_offset &&
		    off - ph->p_offset < ph->p_filesz)
			return 1;
	}
	return 0;
}

void notes_read(struct img *img)
{
	char where[64];
	GElf_Shdr sh;
	Elf_Scn *scn;
	size_t i;

	for (i = 0; i < img->nph; i++) {
		if (img->ph[i].p_type != PT_NOTE)
			continue;
		snprintf(where, sizeof(where), "segment %zu (PT_NOTE)", i);
		notes_walk(img, img->ph[i].p_offset, img->ph[i].p_filesz,
			   img->ph[i].p_align, i, where);
	}
	for (i = 1; i < img->nsh; i++) {
		scn = elf_getscn(img->elf, i);
		if (!scn || !gelf_getshdr(scn, &sh) ||
		    sh.sh_type != SHT_NOTE || in_note_seg(img, sh.sh_offset))
			continue;
		snprintf(where, sizeof(where), "section %zu (%.32s)", i,
			 img_secname(img, &sh));
		notes_walk(img, sh.sh_offset, sh.sh_size, sh.sh_addralign, -1,
			   where);
	}
}

/* The first matching note, preferring those in PT_NOTE segments. */
const struct note *note_find(const struct img *img, const char *owner,
			     uint32_t type)
{
	const struct note *best = NULL;
	size_t i;

	for (i = 0; i < img->nnotes; i++) {
		if (img->notes[i].type != type ||
		    strcmp(img->notes[i].owner, owner))
			continue;
		if (img->notes[i].seg >= 0)
			return &img->notes[i];
		if (!best)
			best = &img->notes[i];
	}
	return best;
}

int note_value(const struct note *n, uint64_t *val)
{
	if (n->descsz == 4)
		*val = le32(n->desc);
	else if (n->descsz == 8)
		*val = le64(n->desc);
	else
		return -1;
	return 0;
}

static int align_up(uint64_t x, uint64_t a, uint64_t *r)
{
	uint64_t m = x % a;

	return __builtin_add_overflow(x, m ? a - m : 0, r);
}

/*
 * QEMU's PVH loader walks PT_NOTE segments its own way: it matches the
 * type only and pads names and descriptors to the segment's p_align, not
 * to 4, and it divides by p_align. Returns 0 with the entry it would use,
 * 1 when it finds none, -1 when p_align 0 would make QEMU divide by zero.
 */
int qemu_pvh_entry(const struct img *img, uint64_t *entry)
{
	const GElf_Phdr *ph;
	const unsigned char *p;
	uint64_t pos, a, nsz, dsz, step;
	size_t i;

	for (i = 0; i < img->nph; i++) {
		ph = &img->ph[i];
		if (ph->p_type != PT_NOTE ||
		    !img_range_ok(img, ph->p_offset, ph->p_filesz))
			continue;
		a = ph->p_align;
		if (!a)
			return -1;
		p = img->buf + ph->p_offset;
		for (pos = 0; ph->p_filesz - pos >= 12; pos += step) {
			if (align_up(le32(p + pos), a, &nsz) ||
			    align_up(le32(p + pos + 4), a, &dsz))
				break;
			if (le32(p + pos + 8) == XEN_ELFNOTE_PHYS32_ENTRY) {
				if (nsz > ph->p_filesz - pos - 12 ||
				    ph->p_filesz - pos - 12 - nsz < 4)
					return 1;
				/* QEMU keeps the low 32 bits. */
				*entry = le32(p + pos + 12 + nsz);
				return 0;
			}
			if (__builtin_add_overflow(nsz, dsz, &step) ||
			    __builtin_add_overflow(step, 12, &step) ||
			    step > ph->p_filesz - pos)
				break;
		}
	}
	return 1;
}
