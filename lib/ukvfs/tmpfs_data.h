/* SPDX-License-Identifier: BSD-3-Clause */
/* A tmpfs file's bytes (tmpfs_data.c); its size is the vnode's. */
#ifndef __UKVFS_TMPFS_DATA_H__
#define __UKVFS_TMPFS_DATA_H__

#include <stddef.h>
#include <stdint.h>

/* The largest file: five levels of 512 entries over 4 KiB pages. */
#define TMPFS_DATA_MAX	(1ULL << 57)

struct tmpfs_data {
	void *root;		/* a leaf (height 0) or a table */
	unsigned int height;
	size_t leaf_len;	/* bytes of a height-0 leaf */
	const char *borrowed;	/* bytes read in place, not ours */
	uint64_t borrowed_len;
};

/* Bytes written (all of them, or up to a full heap: *err -ENOSPC;
 * -EFBIG past TMPFS_DATA_MAX, nothing written).
 */
size_t tmpfs_data_write(struct tmpfs_data *d, const void *buf, size_t len,
			uint64_t off, int *err);
/* len bytes at off (the caller keeps within the file's size). */
void tmpfs_data_read(const struct tmpfs_data *d, void *buf, size_t len,
		     uint64_t off);
/* Pages past size go; bytes past it read as zeros if it grows again. */
void tmpfs_data_truncate(struct tmpfs_data *d, uint64_t size);
void tmpfs_data_free(struct tmpfs_data *d);

#endif /* __UKVFS_TMPFS_DATA_H__ */
