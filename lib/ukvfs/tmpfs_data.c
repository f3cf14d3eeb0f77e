/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A tmpfs file's bytes: 4 KiB pages in a radix tree that grows a level
 * at a time (a file of up to 4 KiB is one leaf of the size it needs, up
 * to 2 MiB one table, ... up to 128 PiB five). Pages never written are
 * holes: they read as zeros, or, below borrowed_len, as the bytes the
 * file was unpacked from (the initrd's), which a first write to a page
 * copies into it. Growing never copies the file; a full heap is ENOSPC
 * with nothing changed.
 */
#include <errno.h>
#include <string.h>
#include <uk/alloc.h>
#include <uk/essentials.h>
#include "tmpfs_data.h"

#define PAGE		4096ULL
#define FAN		512ULL		/* entries of a table */
#define LEVEL_BITS	9

static void *zalloc(size_t len)
{
	return uk_calloc(uk_alloc_get_default(), 1, len);
}

/* Pages one subtree of height h covers. */
static uint64_t span(unsigned int h)
{
	return 1ULL << (LEVEL_BITS * h);
}

/* The bytes at file position pos that a new page or leaf starts with. */
static void fill(const struct tmpfs_data *d, char *dst, uint64_t pos,
		 size_t len)
{
	size_t from = 0;

	if (pos < d->borrowed_len) {
		from = MIN(len, d->borrowed_len - pos);
		memcpy(dst, d->borrowed + pos, from);
	}
	memset(dst + from, 0, len - from);
}

/* The slot of page idx (the tree is tall enough), tables made if make. */
static void **slot(struct tmpfs_data *d, uint64_t idx, int make)
{
	void **p = &d->root, **table;
	unsigned int h;

	for (h = d->height; h > 0; h--) {
		table = *p;
		if (!table) {
			if (!make || !(table = zalloc(FAN * sizeof(void *))))
				return NULL;
			*p = table;
		}
		p = &table[(idx >> (LEVEL_BITS * (h - 1))) & (FAN - 1)];
	}
	return p;
}

/* Tall enough for end bytes; -EFBIG past 512 GiB, -ENOSPC. */
static int grow(struct tmpfs_data *d, uint64_t end)
{
	void **table;
	char *leaf;

	if (end > TMPFS_DATA_MAX)
		return -EFBIG;
	if (d->height == 0 && end <= PAGE)
		return 0;
	if (d->height == 0 && d->root && d->leaf_len < PAGE) {
		/* The leaf becomes page 0: a whole page from now on. */
		leaf = uk_realloc(uk_alloc_get_default(), d->root, PAGE);
		if (!leaf)
			return -ENOSPC;
		fill(d, leaf + d->leaf_len, d->leaf_len, PAGE - d->leaf_len);
		d->root = leaf;
		d->leaf_len = PAGE;
	}
	while (end > span(d->height) * PAGE) {
		if (!d->root) {		/* nothing to keep below a new top */
			d->height++;
			continue;
		}
		table = zalloc(FAN * sizeof(void *));
		if (!table)
			return -ENOSPC;
		table[0] = d->root;
		d->root = table;
		d->height++;
	}
	return 0;
}

/* Page idx to write into, made (and filled) if missing; NULL: ENOSPC. */
static char *page_for_write(struct tmpfs_data *d, uint64_t idx,
			    size_t need)
{
	void **s;
	char *pg;
	size_t len;

	if (d->height == 0) {
		/* The small leaf: as long as the write needs, in 64s. */
		if (d->root && d->leaf_len >= need)
			return d->root;
		len = MIN(ALIGN_UP(MAX(need, d->leaf_len * 2), 64), PAGE);
		pg = uk_realloc(uk_alloc_get_default(), d->root, len);
		if (!pg)
			return NULL;
		fill(d, pg + d->leaf_len, d->leaf_len, len - d->leaf_len);
		d->root = pg;
		d->leaf_len = len;
		return pg;
	}
	s = slot(d, idx, 1);
	if (!s)
		return NULL;
	if (!*s) {
		pg = uk_malloc(uk_alloc_get_default(), PAGE);
		if (!pg)
			return NULL;
		fill(d, pg, idx * PAGE, PAGE);
		*s = pg;
	}
	return *s;
}

size_t tmpfs_data_write(struct tmpfs_data *d, const void *buf, size_t len,
			uint64_t off, int *err)
{
	size_t done = 0, in, n;
	char *pg;

	*err = len > TMPFS_DATA_MAX || off > TMPFS_DATA_MAX - len
	       ? -EFBIG : grow(d, off + len);
	if (*err)
		return 0;
	while (done < len) {
		in = (off + done) % PAGE;
		n = MIN(len - done, PAGE - in);
		pg = page_for_write(d, (off + done) / PAGE, in + n);
		if (!pg) {
			*err = -ENOSPC;
			break;
		}
		memcpy(pg + in, (const char *)buf + done, n);
		done += n;
	}
	return done;
}

void tmpfs_data_read(const struct tmpfs_data *d, void *buf, size_t len,
		     uint64_t off)
{
	size_t done = 0, in, n, valid;
	const char *pg;
	void **s;

	while (done < len) {
		in = (off + done) % PAGE;
		n = MIN(len - done, PAGE - in);
		if (d->height == 0) {
			pg = (off + done) / PAGE ? NULL : d->root;
			valid = d->leaf_len;
		} else {
			s = slot((struct tmpfs_data *)d, (off + done) / PAGE, 0);
			pg = s ? *s : NULL;
			valid = PAGE;
		}
		/* A small leaf may hold only the start of what is asked. */
		valid = pg && valid > in ? MIN(n, valid - in) : 0;
		memcpy((char *)buf + done, pg + in, valid);
		fill(d, (char *)buf + done + valid, off + done + valid,
		     n - valid);
		done += n;
	}
}

/* Frees the pages from index from on in the subtree *p of height h
 * whose first page is base.
 */
static void drop(void **p, unsigned int h, uint64_t base, uint64_t from)
{
	void **table = *p;
	uint64_t i;

	if (!table)
		return;
	if (base >= from) {
		for (i = 0; h > 0 && i < FAN; i++)
			drop(&table[i], h - 1, base + i * span(h - 1), from);
		uk_free(uk_alloc_get_default(), table);
		*p = NULL;
		return;
	}
	if (h == 0 || base + span(h) <= from)
		return;
	for (i = 0; i < FAN; i++)
		drop(&table[i], h - 1, base + i * span(h - 1), from);
}

void tmpfs_data_truncate(struct tmpfs_data *d, uint64_t size)
{
	uint64_t keep = (size + PAGE - 1) / PAGE;
	void **s;
	char *pg;
	size_t in = size % PAGE;

	d->borrowed_len = MIN(d->borrowed_len, size);
	if (d->height == 0) {
		if (d->root && size < d->leaf_len)
			memset((char *)d->root + size, 0, d->leaf_len - size);
		return;
	}
	drop(&d->root, d->height, 0, keep);
	/* What was past the end in the last page reads as zeros again. */
	if (in && (s = slot(d, size / PAGE, 0)) && (pg = *s))
		memset(pg + in, 0, PAGE - in);
}

void tmpfs_data_free(struct tmpfs_data *d)
{
	if (d->height == 0)
		uk_free(uk_alloc_get_default(), d->root);
	else
		drop(&d->root, d->height, 0, 0);
	d->root = NULL;
	d->height = 0;
	d->leaf_len = 0;
}
