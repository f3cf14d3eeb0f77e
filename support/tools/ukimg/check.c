/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * `ukimg check`: will the image boot where it is sent? Every problem is
 * one line "IMAGE: problem"; silence means fine.
 */
#include <string.h>
#include "ukimg.h"

/* Xen notes whose descriptor loaders read: strings or numbers. */
static void xen_notes_check(struct img *img)
{
	const struct note *n;
	const char *name;
	uint64_t v;
	size_t i;

	for (i = 0; i < img->nnotes; i++) {
		n = &img->notes[i];
		name = xen_note_name(n->type);
		if (strcmp(n->owner, "Xen") || !name ||
		    n->type == XEN_ELFNOTE_L1_MFN_VALID)
			continue;
		if (xen_note_is_string(n->type)) {
			if (!n->descsz || n->desc[n->descsz - 1])
				img_defect(img, "Xen note %s at file offset"
					   " 0x%llx: string not NUL-terminated",
					   name, (unsigned long long)n->off);
		} else if (note_value(n, &v)) {
			img_defect(img, "Xen note %s at file offset 0x%llx:"
				   " descriptor is %zu bytes, expected 4 or 8",
				   name, (unsigned long long)n->off, n->descsz);
		}
	}
}

/* QEMU's own reading of the note must agree with the standard one. */
static void pvh_qemu_check(struct img *img, uint64_t entry)
{
	uint64_t q;
	int r = qemu_pvh_entry(img, &q);

	if (r < 0)
		img_defect(img, "a PT_NOTE segment has p_align 0: QEMU's PVH"
			   " loader divides by it");
	else if (r > 0)
		img_defect(img, "QEMU will not find the PVH note (it pads notes"
			   " to the PT_NOTE segment's p_align: use 4)");
	else if (q != (uint32_t)entry)
		img_defect(img, "QEMU reads PVH entry 0x%llx, not 0x%llx (it"
			   " pads notes to the PT_NOTE segment's p_align: use"
			   " 4)", (unsigned long long)q,
			   (unsigned long long)entry);
}

/* Returns 1 when a usable PVH note exists. */
static int pvh_check(struct img *img, int for_qemu)
{
	const struct note *n = note_find(img, "Xen", XEN_ELFNOTE_PHYS32_ENTRY);
	uint64_t v;

	if (!n)
		return 0;
	if (n->seg < 0) {
		img_defect(img, "PVH note (file offset 0x%llx) is in no PT_NOTE"
			   " segment: loaders will not see it",
			   (unsigned long long)n->off);
		return 0;
	}
	if (note_value(n, &v))
		return 0;	/* reported by xen_notes_check() */
	if (v > UINT32_MAX)
		img_defect(img, "PVH entry 0x%llx is above 4 GiB",
			   (unsigned long long)v);
	else if (!seg_exec_has(img, v, 1))
		img_defect(img, "PVH entry 0x%llx is not in an executable"
			   " segment", (unsigned long long)v);
	if (for_qemu)
		pvh_qemu_check(img, v);
	return 1;
}

static void x86_check(struct img *img, const char *plat, char *found)
{
	int kvm = !plat || !strcmp(plat, "kvm");
	int pvh, mb = img->mb.found;

	xen_notes_check(img);
	pvh = img->elf && pvh_check(img, kvm);
	mb_check(img);
	if (pvh)
		strcat(found, " pvh");
	if (mb)
		strcat(found, " multiboot");
	if (kvm && !pvh && !mb)
		img_defect(img, "no boot protocol for %s: no PVH note (owner"
			   " Xen, type 18) in a PT_NOTE segment and no"
			   " multiboot header in the first 8 KiB",
			   plat ? plat : "x86");
	if (kvm)
		return;
	if (!pvh)
		img_defect(img, "no boot protocol for xen: no PVH note (owner"
			   " Xen, type 18) in a PT_NOTE segment");
	if (!note_find(img, "Xen", XEN_ELFNOTE_GUEST_OS))
		img_defect(img, "no Xen guest notes for xen: no"
			   " XEN_ELFNOTE_GUEST_OS note");
	else
		strcat(found, " xen-notes");
}

static void arm64_check(struct img *img, const char *plat, char *found)
{
	a64_check(img);
	if (img->a64.found)
		strcat(found, " arm64-image");
	else
		img_defect(img, "no boot protocol for %s: no arm64 Linux Image"
			   " header (\"ARM\\x64\" at offset 56 of the image)",
			   plat ? plat : "arm64");
}

/*
 * Problems go to err, the -v verdict to out. Returns 1 when there are
 * problems. The image is left as it was.
 */
int check_run(struct img *img, const char *plat, int verbose, FILE *out,
	      FILE *err)
{
	size_t n, n0 = img->ndefects;
	char found[64] = "";

	if (img->elf)
		seg_check(img);
	if (img->arch == ARCH_X86)
		x86_check(img, plat, found);
	else if (img->arch == ARCH_ARM64)
		arm64_check(img, plat, found);
	img_defects_print(img, img->name, err);
	n = img->ndefects;
	if (!n && verbose)
		fprintf(out, "%s: ok (%s)\n", img->name,
			found[0] ? found + 1 : "no boot protocol");
	img_defects_drop(img, n0);
	return n != 0;
}
