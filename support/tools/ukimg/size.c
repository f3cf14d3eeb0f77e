/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * `ukimg size`: loaded bytes per library. The link map says which object
 * each input section came from; the image's section flags say what kind
 * of bytes they are. What the map attributes to no object (linker-made
 * data, padding, headers inside a segment) is one more row, so the rows
 * add up to the image's loaded size: the sum of PT_LOAD p_memsz.
 */
#define _GNU_SOURCE	/* asprintf, strndup */
#include <stdlib.h>
#include <string.h>
#include "map.h"
#include "ukimg.h"

/*
 * Link maps larger than this are refused unread: a Kiln image's map is
 * tens of KiB to a few MiB, and one is read whole, then line by line (a
 * map of one 64 MiB line costs about twice that in memory).
 */
#define MAP_MAX_SIZE	(64UL * 1024 * 1024)

enum { TEXT, RODATA, DATA, BSS, NCAT };
static const char *const cat_names[NCAT] = { "text", "rodata", "data", "bss" };

struct sec {
	const char *name;
	uint64_t addr, size;
	int cat;
};

struct row {
	char *name;
	uint64_t v[NCAT], total;
};

struct size_ctx {
	struct img *img;
	struct sec *secs;
	size_t nsecs;
	struct row *rows;
	size_t nrows;
	const char *mismatch;	/* first output section that disagrees */
	int nomem;
	/*
	 * Bytes below this address (in the current output section) are
	 * attributed already. ld's map gives merged string sections their
	 * size before merging, so neighbours can overlap: the first claims.
	 */
	uint64_t claimed;
};

static int sec_cat(const GElf_Shdr *sh)
{
	if (sh->sh_flags & SHF_EXECINSTR)
		return TEXT;
	if (sh->sh_type == SHT_NOBITS)
		return BSS;
	return sh->sh_flags & SHF_WRITE ? DATA : RODATA;
}

static int secs_read(struct size_ctx *c)
{
	struct img *img = c->img;
	GElf_Shdr sh;
	Elf_Scn *scn;
	size_t i;

	c->secs = calloc(img->nsh, sizeof(*c->secs));
	if (!c->secs)
		return -1;
	for (i = 1; i < img->nsh; i++) {
		scn = elf_getscn(img->elf, i);
		if (!scn || !gelf_getshdr(scn, &sh) ||
		    !(sh.sh_flags & SHF_ALLOC) || !sh.sh_size ||
		    sh.sh_addr + sh.sh_size < sh.sh_addr)
			continue;
		/* .tbss takes no room in its segment. */
		if ((sh.sh_flags & SHF_TLS) && sh.sh_type == SHT_NOBITS)
			continue;
		c->secs[c->nsecs++] = (struct sec){ img_secname(img, &sh),
						   sh.sh_addr, sh.sh_size,
						   sec_cat(&sh) };
	}
	return 0;
}

/* Bytes of [a, b) that some PT_LOAD occupies in memory. */
static uint64_t loaded(const struct img *img, uint64_t a, uint64_t b)
{
	uint64_t s, e, n = 0;
	size_t i;

	for (i = 0; i < img->nph; i++) {
		if (img->ph[i].p_type != PT_LOAD || seg_wraps(&img->ph[i]))
			continue;
		s = img->ph[i].p_vaddr;
		e = s + img->ph[i].p_memsz;
		s = s > a ? s : a;
		e = e < b ? e : b;
		if (e > s)
			n += e - s;
	}
	return n;
}

static int sec_cmp(const void *a, const void *b)
{
	const struct sec *x = a, *y = b;

	return x->addr < y->addr ? -1 : x->addr > y->addr;
}

/* Segment bytes no section claims: classified by the segment's flags. */
static void gap_add(uint64_t *tot, const GElf_Phdr *ph, uint64_t s,
		    uint64_t e)
{
	uint64_t fend = ph->p_vaddr + ph->p_filesz;

	if (e <= s)
		return;
	if (ph->p_flags & PF_X) {
		tot[TEXT] += e - s;
	} else if (!(ph->p_flags & PF_W)) {
		tot[RODATA] += e - s;
	} else {
		tot[DATA] += (e < fend ? e : fend) - (s < fend ? s : fend);
		tot[BSS] += (e > fend ? e : fend) - (s > fend ? s : fend);
	}
}

/* What the image holds per kind: sections, then gaps, per segment. */
static void totals(struct size_ctx *c, uint64_t *tot)
{
	const GElf_Phdr *ph;
	uint64_t cur, end, s, e;
	size_t i, k;

	qsort(c->secs, c->nsecs, sizeof(*c->secs), sec_cmp);
	for (i = 0; i < c->img->nph; i++) {
		ph = &c->img->ph[i];
		if (ph->p_type != PT_LOAD || seg_wraps(ph))
			continue;
		cur = ph->p_vaddr;
		end = cur + ph->p_memsz;
		for (k = 0; k < c->nsecs; k++) {
			s = c->secs[k].addr > cur ? c->secs[k].addr : cur;
			e = c->secs[k].addr + c->secs[k].size;
			e = e < end ? e : end;
			if (e <= s)
				continue;
			gap_add(tot, ph, cur, s);
			tot[c->secs[k].cat] += e - s;
			cur = e;
		}
		gap_add(tot, ph, cur, end);
	}
}

static struct row *row_get(struct size_ctx *c, const char *name, size_t len)
{
	struct row *r;
	char *dup;
	size_t i;

	for (i = 0; i < c->nrows; i++)
		if (strlen(c->rows[i].name) == len &&
		    !memcmp(c->rows[i].name, name, len))
			return &c->rows[i];
	r = realloc(c->rows, (c->nrows + 1) * sizeof(*r));
	if (r)
		c->rows = r;
	dup = r ? strndup(name, len) : NULL;
	if (!dup) {
		c->nomem = 1;
		return NULL;
	}
	r = &c->rows[c->nrows++];
	memset(r, 0, sizeof(*r));
	r->name = dup;
	return r;
}

/*
 * "dir/libfoo.o" is libfoo; "dir/libbar.a(member.o)" is libbar.a, one
 * row for the whole archive.
 */
static struct row *row_of(struct size_ctx *c, const char *file)
{
	const char *end = strchr(file, '('), *base;
	size_t len;

	if (!end)
		end = file + strlen(file);
	for (base = end; base > file && base[-1] != '/'; base--)
		;
	len = end - base;
	if (!*end && len > 2 && !strcmp(end - 2, ".o"))
		len -= 2;
	if (!len || !strcmp(file, "linker stubs"))
		return NULL;
	return row_get(c, base, len);
}

static const struct sec *sec_find(const struct size_ctx *c, const char *name,
				  uint64_t addr)
{
	size_t i;

	for (i = 0; i < c->nsecs; i++)
		if (!strcmp(c->secs[i].name, name) &&
		    addr >= c->secs[i].addr &&
		    addr - c->secs[i].addr < c->secs[i].size)
			return &c->secs[i];
	return NULL;
}

static void on_out(void *ctx, const char *name, uint64_t addr, uint64_t size)
{
	struct size_ctx *c = ctx;
	size_t i;

	c->claimed = 0;
	for (i = 0; i < c->nsecs && !c->mismatch; i++)
		if (!strcmp(c->secs[i].name, name) &&
		    (c->secs[i].addr != addr || c->secs[i].size != size))
			c->mismatch = c->secs[i].name;
}

static void on_in(void *ctx, const char *out, uint64_t addr, uint64_t size,
		  const char *file)
{
	struct size_ctx *c = ctx;
	const struct sec *s = sec_find(c, out, addr);
	uint64_t end = addr + size, n;
	struct row *r;

	if (!s || !size)
		return;
	if (end < addr || end > s->addr + s->size)
		end = s->addr + s->size;
	if (addr < c->claimed)
		addr = c->claimed;
	if (end <= addr)
		return;
	c->claimed = end;
	n = loaded(c->img, addr, end);
	if (!n)
		return;
	r = row_of(c, file);
	if (r)
		r->v[s->cat] += n;
}

static int row_cmp(const void *a, const void *b)
{
	const struct row *x = a, *y = b;

	if (x->total != y->total)
		return x->total < y->total ? 1 : -1;
	return strcmp(x->name, y->name);
}

#define BAR_WIDTH 30

/* A row; in the text table, with a bar proportional to total/whole. */
static void row_print(const char *name, const uint64_t *v, uint64_t total,
		      uint64_t whole, int w, int csv, FILE *out)
{
	int k, bar;

	if (csv)
		fputs(name, out);
	else
		fprintf(out, "%-*s", w, name);
	for (k = 0; k < NCAT; k++)
		fprintf(out, csv ? ",%llu" : " %9llu",
			(unsigned long long)v[k]);
	fprintf(out, csv ? ",%llu" : " %9llu", (unsigned long long)total);
	if (!csv && whole) {
		bar = (int)((total * BAR_WIDTH + whole / 2) / whole);
		fputc(' ', out);
		while (bar-- > 0)
			fputc('#', out);
	}
	fputc('\n', out);
}

static void table_print(struct size_ctx *c, const uint64_t *tot, int csv,
			FILE *out)
{
	uint64_t sum = 0;
	size_t i, w = 16;
	int k;

	for (i = 0; i < c->nrows; i++)
		if (strlen(c->rows[i].name) > w)
			w = strlen(c->rows[i].name);
	qsort(c->rows, c->nrows, sizeof(*c->rows), row_cmp);
	if (csv)
		fputs("library", out);
	else
		fprintf(out, "%-*s", (int)w, "library");
	for (k = 0; k < NCAT; k++)
		fprintf(out, csv ? ",%s" : " %9s", cat_names[k]);
	fputs(csv ? ",total\n" : "     total\n", out);
	for (k = 0; k < NCAT; k++)
		sum += tot[k];
	for (i = 0; i < c->nrows; i++)
		row_print(c->rows[i].name, c->rows[i].v, c->rows[i].total,
			  sum, w, csv, out);
	if (!csv)
		row_print("total", tot, sum, 0, w, csv, out);
}

/* Whatever the objects do not account for, kind by kind. */
static int rest_row(struct size_ctx *c, const uint64_t *tot)
{
	uint64_t got[NCAT] = { 0 };
	struct row *r;
	size_t i;
	int k, over = 0;

	for (i = 0; i < c->nrows; i++) {
		for (k = 0; k < NCAT; k++) {
			got[k] += c->rows[i].v[k];
			c->rows[i].total += c->rows[i].v[k];
		}
	}
	r = row_get(c, "(unattributed)", strlen("(unattributed)"));
	if (!r)
		return -1;
	for (k = 0; k < NCAT; k++) {
		if (got[k] > tot[k])
			over = 1;
		else
			r->v[k] = tot[k] - got[k];
		r->total += r->v[k];
	}
	if (!r->total && r == &c->rows[c->nrows - 1]) {
		free(r->name);	/* nothing to show */
		c->nrows--;
	}
	return over;
}

/* Parses the map read whole (bounded, input.c); -1: not a map. */
static int map_parse_buf(unsigned char *buf, size_t size,
			 const struct map_cb *cb)
{
	FILE *f;
	int r;

	if (!size)
		return -1;
	f = fmemopen(buf, size, "r");
	if (!f)
		return -2;
	r = map_parse(f, cb);
	fclose(f);
	return r;
}

static int size_map(struct size_ctx *c, const char *path, const char *map,
		    const uint64_t *tot)
{
	struct map_cb cb = { on_out, on_in, c };
	char err[INPUT_ERR_MAX];
	unsigned char *buf;
	size_t size;
	int r;

	r = input_read(map, MAP_MAX_SIZE, &buf, &size, err);
	if (r == INPUT_NOFILE) {
		fprintf(stderr, "%s: cannot open the link map %s: %s (pass"
			" --map FILE)\n", path, map, err);
		return -1;
	}
	if (r) {
		fprintf(stderr, "%s: %s\n", map, err);
		return -1;
	}
	r = map_parse_buf(buf, size, &cb);
	free(buf);
	if (r == -2) {
		fprintf(stderr, "%s: out of memory\n", map);
		return -1;
	}
	if (r) {
		fprintf(stderr, "%s: not a GNU ld map (no \"Linker script and"
			" memory map\")\n", map);
		return -1;
	}
	if (c->mismatch) {
		fprintf(stderr, "%s: does not match %s (section %s differs):"
			" stale map?\n", map, path, c->mismatch);
		return -1;
	}
	r = rest_row(c, tot);
	if (r < 0 || c->nomem) {
		fprintf(stderr, "%s: out of memory\n", path);
		return -1;
	}
	if (r)
		fprintf(stderr, "%s: the map attributes more bytes than %s"
			" holds: rows do not add up\n", map, path);
	return 0;
}

int size_run(const char *path, const char *map, int csv, FILE *out)
{
	struct size_ctx c = { 0 };
	uint64_t tot[NCAT] = { 0 };
	char *defmap = NULL;
	struct img img;
	int ret = 1;
	size_t i;

	if (img_load_file(&img, path)) {
		fprintf(stderr, "%s: %s\n", path, img.err);
		goto out;
	}
	if (!img.elf || !img.nsh) {
		fprintf(stderr, "%s: no ELF section headers: give the .dbg"
			" image\n", path);
		goto out;
	}
	c.img = &img;
	if (secs_read(&c) || (!map && asprintf(&defmap, "%s.map", path) < 0)) {
		fprintf(stderr, "%s: out of memory\n", path);
		goto out;
	}
	totals(&c, tot);
	if (!size_map(&c, path, map ? map : defmap, tot)) {
		table_print(&c, tot, csv, out);
		ret = 0;
	}
out:
	for (i = 0; i < c.nrows; i++)
		free(c.rows[i].name);
	free(c.rows);
	free(c.secs);
	free(defmap);
	img_free(&img);
	return ret;
}
