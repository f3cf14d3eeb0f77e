/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Reading an image: the whole file into one buffer (input.c), then the
 * ELF header, program and section header tables validated against the
 * file size. libelf quietly shrinks tables that run past the end of the
 * file, so the sizes are checked here first, from the header's own
 * numbers.
 */
#define _GNU_SOURCE	/* vasprintf */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "ukimg.h"

uint32_t le32(const unsigned char *p)
{
	return p[0] | p[1] << 8 | p[2] << 16 | (uint32_t)p[3] << 24;
}

uint64_t le64(const unsigned char *p)
{
	return le32(p) | (uint64_t)le32(p + 4) << 32;
}

int img_range_ok(const struct img *img, uint64_t off, uint64_t len)
{
	return off <= img->size && len <= img->size - off;
}

void img_defect(struct img *img, const char *fmt, ...)
{
	va_list ap;
	char *s;

	if (img->ndefects++ >= IMG_MAX_DEFECTS)
		return;
	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) < 0)
		s = NULL;
	va_end(ap);
	img->defects[img->ndefects - 1] = s;
}

static int fail(struct img *img, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static int fail(struct img *img, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(img->err, sizeof(img->err), fmt, ap);
	va_end(ap);
	return -1;
}

const char *img_secname(struct img *img, const GElf_Shdr *sh)
{
	size_t strndx;
	const char *s;

	if (!img->nsh || elf_getshdrstrndx(img->elf, &strndx))
		return "?";
	s = elf_strptr(img->elf, strndx, sh->sh_name);
	return s ? s : "?";
}

static int phdrs_read(struct img *img)
{
	GElf_Ehdr *eh = &img->eh;
	size_t n, i, entsz = gelf_fsize(img->elf, ELF_T_PHDR, 1, EV_CURRENT);

	/* PN_XNUM: the count is in section 0, which libelf reads. */
	n = eh->e_phnum;
	if (n == PN_XNUM && elf_getphdrnum(img->elf, &n))
		return fail(img, "bad program header count: %s",
			    elf_errmsg(-1));
	if (!n)
		return 0;
	if (eh->e_phentsize != entsz)
		return fail(img, "program header entry size %u, expected %zu",
			    eh->e_phentsize, entsz);
	if (!img_range_ok(img, eh->e_phoff, (uint64_t)n * entsz))
		return fail(img, "program headers (offset 0x%llx, %zu entries)"
			    " run past the end of the file (%zu bytes):"
			    " truncated file?",
			    (unsigned long long)eh->e_phoff, n, img->size);
	img->ph = calloc(n, sizeof(*img->ph));
	if (!img->ph)
		return fail(img, "out of memory");
	for (i = 0; i < n; i++)
		if (!gelf_getphdr(img->elf, i, &img->ph[i]))
			return fail(img, "program header %zu: %s", i,
				    elf_errmsg(-1));
	img->nph = n;
	return 0;
}

/* Sections only serve names and `size`: a broken table is a defect. */
static void shdrs_read(struct img *img)
{
	GElf_Ehdr *eh = &img->eh;
	size_t n, entsz = gelf_fsize(img->elf, ELF_T_SHDR, 1, EV_CURRENT);

	if (!eh->e_shoff)
		return;
	if (eh->e_shentsize != entsz) {
		img_defect(img, "section header entry size %u, expected %zu",
			   eh->e_shentsize, entsz);
		return;
	}
	/* With e_shnum 0 the count is in section 0: it must be readable. */
	n = eh->e_shnum ? eh->e_shnum : 1;
	if (img_range_ok(img, eh->e_shoff, (uint64_t)n * entsz) &&
	    !elf_getshdrnum(img->elf, &n) &&
	    img_range_ok(img, eh->e_shoff, (uint64_t)n * entsz)) {
		img->nsh = n;
		return;
	}
	img_defect(img, "section headers (offset 0x%llx) run past the end"
		   " of the file (%zu bytes): truncated file?",
		   (unsigned long long)eh->e_shoff, img->size);
}

static enum arch arch_of(unsigned int machine)
{
	switch (machine) {
	case EM_X86_64:
	case EM_386:
		return ARCH_X86;
	case EM_AARCH64:
		return ARCH_ARM64;
	}
	return ARCH_UNKNOWN;
}

static int elf_open(struct img *img)
{
	unsigned char cls = img->size > EI_CLASS ? img->buf[EI_CLASS] : 0;
	size_t hsz = cls == ELFCLASS64 ? sizeof(Elf64_Ehdr) :
		     sizeof(Elf32_Ehdr);

	if (cls != ELFCLASS32 && cls != ELFCLASS64)
		return fail(img, "bad ELF class %u", cls);
	if (img->size < hsz)
		return fail(img, "truncated ELF header (%zu of %zu bytes)",
			    img->size, hsz);
	if (img->buf[EI_DATA] != ELFDATA2LSB &&
	    img->buf[EI_DATA] != ELFDATA2MSB)
		return fail(img, "bad ELF data encoding %u",
			    img->buf[EI_DATA]);
	img->elf = elf_memory((char *)img->buf, img->size);
	if (!img->elf || elf_kind(img->elf) != ELF_K_ELF)
		return fail(img, "libelf cannot read it: %s", elf_errmsg(-1));
	if (!gelf_getehdr(img->elf, &img->eh))
		return fail(img, "bad ELF header: %s", elf_errmsg(-1));
	img->arch = arch_of(img->eh.e_machine);
	if (phdrs_read(img))
		return -1;
	shdrs_read(img);
	notes_read(img);
	mb_find(img);
	a64_find(img);
	return 0;
}

/* Not an ELF: an arm64 Image or a flat multiboot kernel. */
static int raw_open(struct img *img)
{
	a64_find(img);
	mb_find(img);
	if (img->a64.found)
		img->arch = ARCH_ARM64;
	else if (img->mb.found)
		img->arch = ARCH_X86;
	else
		return fail(img, "not an ELF file (nor an arm64 Image or a"
			    " multiboot kernel)");
	return 0;
}

/* Takes ownership of buf (malloc'ed). */
static int img_parse(struct img *img, const char *name, unsigned char *buf,
		     size_t size)
{
	memset(img, 0, sizeof(*img));
	img->name = name;
	img->buf = buf;
	img->size = size;
	if (elf_version(EV_CURRENT) == EV_NONE)
		return fail(img, "libelf is too old");
	if (!size)
		return fail(img, "empty file");
	if (size >= SELFMAG && !memcmp(buf, ELFMAG, SELFMAG))
		return elf_open(img);
	return raw_open(img);
}

int img_open_mem(struct img *img, const char *name, const void *data,
		 size_t size)
{
	unsigned char *buf = malloc(size ? size : 1);

	if (!buf) {
		memset(img, 0, sizeof(*img));
		return fail(img, "out of memory");
	}
	memcpy(buf, data, size);
	return img_parse(img, name, buf, size);
}

int img_load_file(struct img *img, const char *path)
{
	unsigned char *buf;
	size_t size;

	memset(img, 0, sizeof(*img));
	img->name = path;
	if (input_read(path, IMG_MAX_SIZE, &buf, &size, img->err))
		return -1;
	return img_parse(img, path, buf, size);
}

/* Forgets the defects from index from on (0: all of them). */
void img_defects_drop(struct img *img, size_t from)
{
	size_t i;

	for (i = from; i < img->ndefects && i < IMG_MAX_DEFECTS; i++)
		free(img->defects[i]);
	img->ndefects = from;
}

/* One "prefix: problem" line each; a NULL text is a failed vasprintf. */
void img_defects_print(const struct img *img, const char *prefix, FILE *out)
{
	size_t i;

	for (i = 0; i < img->ndefects && i < IMG_MAX_DEFECTS; i++)
		fprintf(out, "%s: %s\n", prefix,
			img->defects[i] ? img->defects[i] : "out of memory");
	if (img->ndefects > IMG_MAX_DEFECTS)
		fprintf(out, "%s: ... and %zu more problems\n", prefix,
			img->ndefects - IMG_MAX_DEFECTS);
}

void img_free(struct img *img)
{
	img_defects_drop(img, 0);
	if (img->elf)
		elf_end(img->elf);
	free(img->notes);
	free(img->ph);
	free(img->buf);
	memset(img, 0, sizeof(*img));
}
