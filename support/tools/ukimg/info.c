/* SPDX-License-Identifier: BSD-3-Clause */
/* `ukimg info`: what the image is and how it can be booted. */
#include <ctype.h>
#include <string.h>
#include "ukimg.h"

static const char *machine_name(unsigned int m)
{
	switch (m) {
	case EM_X86_64:
		return "x86_64";
	case EM_386:
		return "i386";
	case EM_AARCH64:
		return "aarch64";
	}
	return "unknown machine";
}

static const char *type_name(unsigned int t)
{
	switch (t) {
	case ET_EXEC:
		return "executable";
	case ET_DYN:
		return "shared object";
	case ET_REL:
		return "relocatable object";
	}
	return "unknown type";
}

static const char *phdr_type(uint32_t t)
{
	switch (t) {
	case PT_LOAD:
		return "LOAD";
	case PT_NOTE:
		return "NOTE";
	case PT_GNU_STACK:
		return "STACK";
	case PT_TLS:
		return "TLS";
	case PT_PHDR:
		return "PHDR";
	}
	return "OTHER";
}

/* "0x..." right-aligned in w columns (%#x would print 0 bare). */
static void hex_print(uint64_t v, int w, FILE *out)
{
	char b[24];

	snprintf(b, sizeof(b), "0x%llx", (unsigned long long)v);
	fprintf(out, " %*s", w, b);
}

static void segments_print(const struct img *img, FILE *out)
{
	const GElf_Phdr *ph;
	size_t i;

	fprintf(out, "segments:\n  %-3s %-5s %-3s %10s %18s %18s %10s %10s\n",
		"#", "type", "rwx", "offset", "vaddr", "paddr", "filesz",
		"memsz");
	for (i = 0; i < img->nph; i++) {
		ph = &img->ph[i];
		fprintf(out, "  %-3zu %-5s %c%c%c", i, phdr_type(ph->p_type),
			ph->p_flags & PF_R ? 'r' : '-',
			ph->p_flags & PF_W ? 'w' : '-',
			ph->p_flags & PF_X ? 'x' : '-');
		hex_print(ph->p_offset, 10, out);
		hex_print(ph->p_vaddr, 18, out);
		hex_print(ph->p_paddr, 18, out);
		hex_print(ph->p_filesz, 10, out);
		hex_print(ph->p_memsz, 10, out);
		fputc('\n', out);
	}
}

/* A note string, printable characters only, shortened. */
static void string_print(const unsigned char *s, size_t n, FILE *out)
{
	size_t i;

	fputc('"', out);
	for (i = 0; i < n && i < 64 && s[i]; i++)
		fputc(isprint(s[i]) ? s[i] : '?', out);
	fputs(i < n && s[i] ? "...\"" : "\"", out);
}

static void note_print(const struct note *n, FILE *out)
{
	const char *name = strcmp(n->owner, "Xen") ? NULL :
			   xen_note_name(n->type);
	uint64_t v;

	if (name)
		fprintf(out, "  Xen %-18s ", name);
	else
		fprintf(out, "  %.16s type %u ", n->owner, n->type);
	if (name && xen_note_is_string(n->type))
		string_print(n->desc, n->descsz, out);
	else if (name && !note_value(n, &v))
		fprintf(out, "0x%llx", (unsigned long long)v);
	else
		fprintf(out, "(%zu bytes)", n->descsz);
	fputs(n->seg < 0 ? "  [section only]\n" : "\n", out);
}

static void protocols_print(const struct img *img, FILE *out)
{
	const struct note *pvh = note_find(img, "Xen",
					   XEN_ELFNOTE_PHYS32_ENTRY);
	const struct mbhdr *m = &img->mb;
	const struct a64hdr *a = &img->a64;
	uint64_t v;

	fputs("boot protocols:\n", out);
	if (pvh && !note_value(pvh, &v))
		fprintf(out, "  pvh        entry 0x%llx%s\n",
			(unsigned long long)v,
			pvh->seg < 0 ? " (section only: not seen by loaders)" :
			"");
	if (m->found)
		fprintf(out, "  multiboot  file offset 0x%llx, flags 0x%08x\n",
			(unsigned long long)m->off, m->flags);
	if (m->has_addr)
		fprintf(out, "             header_addr 0x%x load_addr 0x%x"
			" load_end_addr 0x%x bss_end_addr 0x%x"
			" entry_addr 0x%x\n",
			m->header_addr, m->load_addr, m->load_end_addr,
			m->bss_end_addr, m->entry_addr);
	if (a->found)
		fprintf(out, "  arm64      Image header at file offset 0x%llx,"
			" text_offset 0x%llx image_size 0x%llx flags 0x%llx\n",
			(unsigned long long)a->off,
			(unsigned long long)a->text_offset,
			(unsigned long long)a->image_size,
			(unsigned long long)a->flags);
	if (!(pvh || m->found || a->found))
		fputs("  none\n", out);
}

void info_print(struct img *img, FILE *out)
{
	size_t i;

	if (img->elf) {
		fprintf(out, "%s: ELF%d %s %s, %zu bytes\n", img->name,
			img->eh.e_ident[EI_CLASS] == ELFCLASS64 ? 64 : 32,
			machine_name(img->eh.e_machine),
			type_name(img->eh.e_type), img->size);
		fprintf(out, "entry: 0x%llx\n",
			(unsigned long long)img->eh.e_entry);
		segments_print(img, out);
	} else {
		fprintf(out, "%s: raw %s image, %zu bytes\n", img->name,
			img->arch == ARCH_ARM64 ? "arm64" : "x86", img->size);
	}
	protocols_print(img, out);
	if (img->nnotes)
		fputs("notes:\n", out);
	for (i = 0; i < img->nnotes; i++)
		note_print(&img->notes[i], out);
	img_defects_print(img, "warning", out);
}
