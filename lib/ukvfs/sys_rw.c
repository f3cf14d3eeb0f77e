/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Reading and writing through descriptors: read, write, the positioned
 * and vectored forms, lseek, and copies between descriptors (sendfile,
 * copy_file_range) done in the guest with a bounce buffer.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <unistd.h>
#include <uk/alloc.h>
#include <uk/essentials.h>
#include <uk/syscall.h>
#include "vfs_impl.h"

static ssize_t rw(int fd, void *buf, size_t len, const off_t *at, int write)
{
	struct uk_file *f = uk_fd_get(fd);
	ssize_t n;

	if (!f)
		return -EBADF;
	if (at && *at < 0)
		n = -EINVAL;
	else if (write)
		n = vfs_file_write(f, buf, len, at);
	else
		n = vfs_file_read(f, buf, len, at);
	uk_file_put(f);
	return n;
}

static long sys_read(int fd, void *buf, size_t len)
{
	return rw(fd, buf, len, NULL, 0);
}

static long sys_write(int fd, const void *buf, size_t len)
{
	return rw(fd, (void *)buf, len, NULL, 1);
}

static long sys_pread64(int fd, void *buf, size_t len, off_t off)
{
	return rw(fd, buf, len, &off, 0);
}

static long sys_pwrite64(int fd, const void *buf, size_t len, off_t off)
{
	return rw(fd, (void *)buf, len, &off, 1);
}

/* Buffer by buffer; a short transfer ends it, as a blocking one would. */
static ssize_t rwv(int fd, const struct iovec *iov, int n, const off_t *at,
		   int write)
{
	struct uk_file *f;
	size_t total = 0;
	off_t pos;
	ssize_t r = 0;
	int i;

	/* The descriptor first, as Linux: with bad buffers too. */
	f = uk_fd_get(fd);
	if (!f)
		return -EBADF;
	if (n < 0 || n > IOV_MAX || (at && *at < 0))
		r = -EINVAL;
	for (i = 0; !r && i < n; i++) {
		if (iov[i].iov_len > SSIZE_MAX - total)
			r = -EINVAL;
		total += iov[i].iov_len;
	}
	if (r) {
		uk_file_put(f);
		return r;
	}
	if (f->ops->rwv && !at) {
		r = f->ops->rwv(f, iov, n, write);
		uk_file_put(f);
		return r;
	}
	pos = at ? *at : 0;
	total = 0;
	for (i = 0; i < n; i++) {
		if (!iov[i].iov_len && i)
			continue;
		r = write ? vfs_file_write(f, iov[i].iov_base, iov[i].iov_len,
					   at ? &pos : NULL)
			  : vfs_file_read(f, iov[i].iov_base, iov[i].iov_len,
					  at ? &pos : NULL);
		if (r < 0)
			break;
		total += r;
		pos += r;
		if ((size_t)r < iov[i].iov_len)
			break;
	}
	uk_file_put(f);
	return total || r >= 0 ? (ssize_t)total : r;
}

static long sys_readv(int fd, const struct iovec *iov, int n)
{
	return rwv(fd, iov, n, NULL, 0);
}

static long sys_writev(int fd, const struct iovec *iov, int n)
{
	return rwv(fd, iov, n, NULL, 1);
}

static long sys_preadv(int fd, const struct iovec *iov, int n, off_t off)
{
	return rwv(fd, iov, n, &off, 0);
}

static long sys_pwritev(int fd, const struct iovec *iov, int n, off_t off)
{
	return rwv(fd, iov, n, &off, 1);
}

static long sys_lseek(int fd, off_t off, int whence)
{
	struct uk_file *f = uk_fd_get(fd);
	off_t base, size;
	long rc;

	if (!f)
		return -EBADF;
	size = f->vn ? f->vn->st.st_size : 0;
	switch (whence) {
	case SEEK_SET:
		base = 0;
		break;
	case SEEK_CUR:
		base = f->pos;
		break;
	case SEEK_END:
	case SEEK_DATA:
	case SEEK_HOLE:
		base = size;
		break;
	default:
		base = -1;
	}
	if (!f->ops->seekable)
		rc = -ESPIPE;
	else if (base < 0)
		rc = -EINVAL;
	else if (whence == SEEK_DATA || whence == SEEK_HOLE)
		/* No holes: data up to the end, the one hole after it. */
		rc = off < 0 ? -EINVAL : off >= size ? -ENXIO
		     : whence == SEEK_DATA ? off : size;
	else if ((off > 0 && base > INT64_MAX - off) || base + off < 0)
		rc = -EINVAL;
	else
		rc = base + off;
	if (rc >= 0)
		f->pos = rc;	/* a directory's: a readdir cookie */
	uk_file_put(f);
	return rc;
}

/* Up to len bytes from in to out, through the guest, at most 64 KiB a
 * round; offsets as sendfile/copy_file_range take them.
 */
static ssize_t copy(int in, off_t *in_off, int out, off_t *out_off,
		    size_t len)
{
	struct uk_alloc *a = uk_alloc_get_default();
	struct uk_file *fi = uk_fd_get(in), *fo = uk_fd_get(out);
	size_t chunk = 65536, done = 0;
	ssize_t r = 0, w;
	char *buf = NULL;

	if (!fi || !fo)
		r = -EBADF;
	else if ((in_off && *in_off < 0) || (out_off && *out_off < 0))
		r = -EINVAL;
	else if (!(buf = uk_malloc(a, chunk)))
		r = -ENOMEM;
	while (r >= 0 && done < len) {
		r = vfs_file_read(fi, buf, MIN(chunk, len - done), in_off);
		if (r <= 0)
			break;
		w = vfs_file_write(fo, buf, r, out_off);
		if (w < 0) {
			r = w;
			break;
		}
		if (in_off)
			*in_off += r;
		if (out_off)
			*out_off += w;
		done += w;
		if (w < r)
			break;
	}
	uk_free(a, buf);
	if (fi)
		uk_file_put(fi);
	if (fo)
		uk_file_put(fo);
	return done || r >= 0 ? (ssize_t)done : r;
}

static long sys_sendfile(int out, int in, off_t *off, size_t len)
{
	return copy(in, off, out, NULL, len);
}

static long sys_copy_file_range(int in, off_t *in_off, int out,
				off_t *out_off, size_t len, unsigned int flags)
{
	return flags ? -EINVAL : copy(in, in_off, out, out_off, len);
}

UK_SYSCALL(read, sys_read);
UK_SYSCALL(write, sys_write);
UK_SYSCALL(pread64, sys_pread64);
UK_SYSCALL(pwrite64, sys_pwrite64);
UK_SYSCALL(readv, sys_readv);
UK_SYSCALL(writev, sys_writev);
UK_SYSCALL(preadv, sys_preadv);
UK_SYSCALL(pwritev, sys_pwritev);
UK_SYSCALL(lseek, sys_lseek);
UK_SYSCALL(sendfile, sys_sendfile);
UK_SYSCALL(copy_file_range, sys_copy_file_range);
