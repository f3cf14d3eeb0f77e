/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Open files: references, and the ops of files that live in a file
 * system (regular files, directories, and device nodes, whose ops are
 * their device's).
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <uk/alloc.h>
#include <uk/essentials.h>
#include "vfs_impl.h"

static unsigned long serials;

struct uk_file *uk_file_new(const struct uk_file_ops *ops, int flags,
			    void *priv)
{
	struct uk_file *f = uk_calloc(uk_alloc_get_default(), 1, sizeof(*f));

	if (!f)
		return NULL;
	f->ops = ops;
	f->flags = flags;
	f->priv = priv;
	f->refs = 1;
	f->serial = ++serials;
	return f;
}

void uk_file_get(struct uk_file *f)
{
	f->refs++;
}

void uk_file_put(struct uk_file *f)
{
	if (--f->refs)
		return;
	if (f->ops->release)
		f->ops->release(f);
	if (f->vn)
		uk_vnode_put(f->vn);
	uk_free(uk_alloc_get_default(), f);
}

static ssize_t reg_read(struct uk_file *f, void *buf, size_t len, off_t off)
{
	return f->vn->ops->read(f->vn, buf, len, off);
}

static ssize_t reg_write(struct uk_file *f, const void *buf, size_t len,
			 off_t off)
{
	return f->vn->ops->write(f->vn, buf, len, off);
}

static const struct uk_file_ops regular_ops = {
	.read = reg_read,
	.write = reg_write,
	.seekable = 1,
};

static ssize_t dir_read(struct uk_file *f, void *buf, size_t len, off_t off)
{
	return -EISDIR;
}

/* Offsets are readdir cookies (getdents64 moves them). */
static const struct uk_file_ops dir_ops = {
	.read = dir_read,
	.write = NULL,
	.seekable = 1,
};

/* O_PATH: a place in the tree, for *at calls and fstat; no I/O. */
static const struct uk_file_ops path_ops;

int vfs_open_vnode(struct uk_vnode *vn, int flags, struct uk_file **out)
{
	const struct uk_file_ops *ops;
	const struct uk_device *dev;
	struct uk_file *f;

	switch (flags & O_PATH ? 0 : vn->st.st_mode & S_IFMT) {
	case 0:
		ops = &path_ops;
		break;
	case S_IFREG:
		ops = &regular_ops;
		break;
	case S_IFDIR:
		ops = &dir_ops;
		break;
	case S_IFCHR:
		dev = vfs_device(vn->st.st_rdev);
		if (!dev)
			return -ENXIO;	/* Linux: no driver for the number */
		ops = dev->ops;
		break;
	default:
		return -ENXIO;		/* fifos, sockets, block devices */
	}
	f = uk_file_new(ops, flags & ~(O_CREAT | O_EXCL | O_TRUNC | O_NOCTTY |
				       O_CLOEXEC), NULL);
	if (!f)
		return -ENOMEM;
	uk_vnode_get(vn);
	f->vn = vn;
	*out = f;
	return 0;
}

int vfs_file_stat(struct uk_file *f, struct stat *st)
{
	if (f->vn) {
		*st = f->vn->st;
		return 0;
	}
	if (f->ops->stat)
		return f->ops->stat(f, st);
	return -EINVAL;
}

static int can(struct uk_file *f, int mode)
{
	int acc = f->flags & O_ACCMODE;

	if (f->flags & O_PATH)
		return 0;
	return mode == O_RDONLY ? acc != O_WRONLY : acc != O_RDONLY;
}

/* What reads (mode O_RDONLY) and writes refuse alike; len is clamped. */
static int rw_check(struct uk_file *f, int mode, const void *op,
		    const off_t *at, size_t *len)
{
	if (!can(f, mode))
		return -EBADF;
	if (!op)
		return -EINVAL;
	if (at && !f->ops->seekable)
		return -ESPIPE;
	if ((ssize_t)*len < 0)
		return -EINVAL;
	*len = MIN(*len, VFS_RW_MAX);
	return 0;
}

ssize_t vfs_file_read(struct uk_file *f, void *buf, size_t len,
		      const off_t *at)
{
	ssize_t n = rw_check(f, O_RDONLY, f->ops->read, at, &len);

	if (n)
		return n;
	n = f->ops->read(f, buf, len, at ? *at : f->pos);
	if (n > 0 && !at && f->ops->seekable)
		f->pos += n;
	return n;
}

ssize_t vfs_file_write(struct uk_file *f, const void *buf, size_t len,
		       const off_t *at)
{
	ssize_t n = rw_check(f, O_WRONLY, f->ops->write, at, &len);
	off_t off;

	if (n)
		return n;
	if (!f->ops->seekable)
		return f->ops->write(f, buf, len, 0);
	/* O_APPEND: at the end, even for pwrite (as Linux does). */
	off = f->flags & O_APPEND && f->vn ? f->vn->st.st_size
					   : at ? *at : f->pos;
	n = f->ops->write(f, buf, len, off);
	if (n > 0 && !at)
		f->pos = off + n;
	return n;
}

short vfs_file_poll(struct uk_file *f)
{
	return f->ops->poll ? f->ops->poll(f)
			    : POLLIN | POLLRDNORM | POLLOUT | POLLWRNORM;
}
