/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * ukimg: inspects and checks Kiln images. An image is read whole into
 * memory once; every parser below works on that buffer with explicit
 * bounds checks, so a malformed file can only produce messages.
 */
#ifndef UKIMG_H
#define UKIMG_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <gelf.h>
#include "input.h"

/* Larger inputs are refused rather than read: no image is near this. */
#define IMG_MAX_SIZE		(1024UL * 1024 * 1024)
/* Beyond this many problem lines, only a count is kept. */
#define IMG_MAX_DEFECTS		64

enum arch { ARCH_UNKNOWN, ARCH_X86, ARCH_ARM64 };

/*
 * Xen ELF note types, as in Xen's public/elfnote.h. Not included from
 * libxen-dev: every build runs ukimg, only Xen targets need that package.
 */
#define XEN_ELFNOTE_INFO		0
#define XEN_ELFNOTE_ENTRY		1
#define XEN_ELFNOTE_HYPERCALL_PAGE	2
#define XEN_ELFNOTE_VIRT_BASE		3
#define XEN_ELFNOTE_PADDR_OFFSET	4
#define XEN_ELFNOTE_XEN_VERSION		5
#define XEN_ELFNOTE_GUEST_OS		6
#define XEN_ELFNOTE_GUEST_VERSION	7
#define XEN_ELFNOTE_LOADER		8
#define XEN_ELFNOTE_PAE_MODE		9
#define XEN_ELFNOTE_FEATURES		10
#define XEN_ELFNOTE_BSD_SYMTAB		11
#define XEN_ELFNOTE_HV_START_LOW	12
/* L1_MFN_VALID is a list: neither a string nor a number. */
#define XEN_ELFNOTE_L1_MFN_VALID	13
#define XEN_ELFNOTE_SUSPEND_CANCEL	14
#define XEN_ELFNOTE_INIT_P2M		15
#define XEN_ELFNOTE_MOD_START_PFN	16
#define XEN_ELFNOTE_SUPPORTED_FEATURES	17
#define XEN_ELFNOTE_PHYS32_ENTRY	18

struct note {
	const char *owner;		/* NUL-terminated, inside the note */
	uint32_t type;
	const unsigned char *desc;
	size_t descsz;
	uint64_t off;			/* file offset of the note header */
	int seg;			/* PT_NOTE index, -1: section only */
};

/* Multiboot 1 header (the first valid one loaders would use). */
#define MB_MAGIC		0x1BADB002u
#define MB_SEARCH		8192	/* the spec's window */
#define MB_QEMU_SEARCH		(8192 - 48)	/* QEMU stops earlier */
#define MB_FLAG_ADDR		(1u << 16)

struct mbhdr {
	int found;
	uint64_t off;
	uint32_t flags;
	int has_addr;			/* flag 16 and the fields fit */
	uint32_t header_addr, load_addr, load_end_addr;
	uint32_t bss_end_addr, entry_addr;
};

/* arm64 Linux Image header (Documentation/arm64/booting.rst). */
#define A64_MAGIC		0x644d5241u	/* "ARM\x64" */
#define A64_HDR_SIZE		64

struct a64hdr {
	int found;
	uint64_t off;			/* file offset of the header */
	uint32_t code0;			/* the first instruction */
	uint64_t text_offset, image_size, flags;
	uint64_t file_size;		/* Kiln's res2: the raw file's length */
	uint64_t span;			/* bytes it spans in memory */
	uint64_t file_span;		/* file bytes it spans from the header */
};

struct img {
	const char *name;
	unsigned char *buf;
	size_t size;
	char err[INPUT_ERR_MAX];	/* why img_open failed */

	Elf *elf;			/* NULL for raw images */
	GElf_Ehdr eh;
	enum arch arch;
	size_t nph;
	GElf_Phdr *ph;
	size_t nsh;			/* 0 when the table is unusable */

	struct note *notes;
	size_t nnotes;
	struct mbhdr mb;
	struct a64hdr a64;

	char *defects[IMG_MAX_DEFECTS];
	size_t ndefects;		/* may exceed IMG_MAX_DEFECTS */
};

/* image.c */
int img_load_file(struct img *img, const char *path);
int img_open_mem(struct img *img, const char *name, const void *data,
		 size_t size);
void img_free(struct img *img);
void img_defect(struct img *img, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void img_defects_print(const struct img *img, const char *prefix, FILE *out);
void img_defects_drop(struct img *img, size_t from);
int img_range_ok(const struct img *img, uint64_t off, uint64_t len);
uint32_t le32(const unsigned char *p);
uint64_t le64(const unsigned char *p);
const char *img_secname(struct img *img, const GElf_Shdr *sh);

/* notes.c */
void notes_read(struct img *img);
const struct note *note_find(const struct img *img, const char *owner,
			     uint32_t type);
int note_value(const struct note *n, uint64_t *val);
const char *xen_note_name(uint32_t type);
int xen_note_is_string(uint32_t type);
int qemu_pvh_entry(const struct img *img, uint64_t *entry);

/* multiboot.c */
void mb_find(struct img *img);
void mb_check(struct img *img);

/* arm64.c */
void a64_find(struct img *img);
void a64_check(struct img *img);

/* segments.c */
int seg_exec_has(const struct img *img, uint64_t addr, int phys);
int seg_wraps(const GElf_Phdr *ph);
void seg_check(struct img *img);

/* info.c, check.c, size.c: the commands */
void info_print(struct img *img, FILE *out);
int check_run(struct img *img, const char *plat, int verbose, FILE *out,
	      FILE *err);
int size_run(const char *path, const char *map, int csv, FILE *out);

#endif /* UKIMG_H */
