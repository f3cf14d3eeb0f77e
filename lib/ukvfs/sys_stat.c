/* SPDX-License-Identifier: BSD-3-Clause */
/* stat in its forms, statx, statfs, and reading directories. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/statfs.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <uk/alloc.h>
#include <uk/essentials.h>
#include <uk/syscall.h>
#include "vfs_impl.h"

static long sys_fstat(int fd, struct stat *st)
{
	struct uk_file *f = uk_fd_get(fd);
	long rc;

	if (!f)
		return -EBADF;
	rc = vfs_file_stat(f, st);
	uk_file_put(f);
	return rc;
}

static long sys_newfstatat(int dirfd, const char *path, struct stat *st,
			   int flags)
{
	struct vfs_path p;
	int rc;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH | AT_NO_AUTOMOUNT))
		return -EINVAL;
	/* fstat of any descriptor, a pipe's too. */
	if (flags & AT_EMPTY_PATH && !path[0] && dirfd != AT_FDCWD)
		return sys_fstat(dirfd, st);
	rc = vfs_walk_existing(dirfd, path,
			       (flags & AT_SYMLINK_NOFOLLOW ? 0 : WALK_FOLLOW) |
			       (flags & AT_EMPTY_PATH ? WALK_EMPTY : 0), &p);
	if (rc)
		return rc;
	*st = p.vn->st;
	vfs_path_put(&p);
	return 0;
}

#ifdef SYS_stat
static long sys_stat(const char *path, struct stat *st)
{
	return sys_newfstatat(AT_FDCWD, path, st, 0);
}

static long sys_lstat(const char *path, struct stat *st)
{
	return sys_newfstatat(AT_FDCWD, path, st, AT_SYMLINK_NOFOLLOW);
}

UK_SYSCALL(stat, sys_stat);
UK_SYSCALL(lstat, sys_lstat);
#endif

/* Linux's struct statx (musl 1.2.3 does not declare it). */
struct kiln_statx_ts {
	int64_t tv_sec;
	uint32_t tv_nsec;
	int32_t reserved;
};

struct kiln_statx {
	uint32_t mask, blksize;
	uint64_t attributes;
	uint32_t nlink, uid, gid;
	uint16_t mode, pad1;
	uint64_t ino, size, blocks, attributes_mask;
	struct kiln_statx_ts atime, btime, ctime, mtime;
	uint32_t rdev_major, rdev_minor, dev_major, dev_minor;
	uint64_t spare[14];
};

#define STATX_BASIC_STATS	0x7ffU

static struct kiln_statx_ts statx_ts(struct timespec t)
{
	return (struct kiln_statx_ts){ t.tv_sec, t.tv_nsec, 0 };
}

static long sys_statx(int dirfd, const char *path, int flags,
		      unsigned int mask, struct kiln_statx *sx)
{
	struct stat st;
	long rc;

	if (mask & 0x80000000U)
		return -EINVAL;		/* STATX__RESERVED */
	rc = sys_newfstatat(dirfd, path, &st,
			    flags & (AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH));
	if (rc)
		return rc;
	memset(sx, 0, sizeof(*sx));
	sx->mask = STATX_BASIC_STATS;
	sx->blksize = st.st_blksize;
	sx->nlink = st.st_nlink;
	sx->uid = st.st_uid;
	sx->gid = st.st_gid;
	sx->mode = st.st_mode;
	sx->ino = st.st_ino;
	sx->size = st.st_size;
	sx->blocks = st.st_blocks;
	sx->atime = statx_ts(st.st_atim);
	sx->mtime = statx_ts(st.st_mtim);
	sx->ctime = statx_ts(st.st_ctim);
	sx->rdev_major = major(st.st_rdev);
	sx->rdev_minor = minor(st.st_rdev);
	sx->dev_major = major(st.st_dev);
	sx->dev_minor = minor(st.st_dev);
	return 0;
}

/* getdents64 fills buf with struct dirent (musl's is Linux's dirent64). */
struct dents {
	char *buf;
	size_t size, used;
	uint64_t next;		/* the cookie after the last one given */
	int full;
};

static int dent_emit(void *ctx, const char *name, size_t len, ino_t ino,
		     unsigned char type, uint64_t next)
{
	struct dents *d = ctx;
	size_t reclen = ALIGN_UP(offsetof(struct dirent, d_name) + len + 1, 8);
	struct dirent *e;

	if (d->used + reclen > d->size) {
		d->full = 1;
		return 1;
	}
	e = (struct dirent *)(d->buf + d->used);
	e->d_ino = ino;
	e->d_off = next;
	e->d_reclen = reclen;
	e->d_type = type;
	memcpy(e->d_name, name, len);
	memset(e->d_name + len, 0, reclen - offsetof(struct dirent, d_name) -
				   len);
	d->used += reclen;
	d->next = next;
	return 0;
}

static long sys_getdents64(int fd, void *buf, size_t size)
{
	struct uk_file *f = uk_fd_get(fd);
	struct dents d = { buf, size, 0, 0, 0 };
	long rc;

	if (!f)
		return -EBADF;
	if (f->flags & O_PATH || !f->vn || !S_ISDIR(f->vn->st.st_mode)) {
		rc = f->flags & O_PATH ? -EBADF : -ENOTDIR;
		uk_file_put(f);
		return rc;
	}
	rc = f->vn->ops->readdir(f->vn, f->pos, dent_emit, &d);
	if (!rc && d.used)
		f->pos = d.next;
	if (!rc)
		rc = d.full && !d.used ? -EINVAL : (long)d.used;
	vfs_accessed(f->vn);
	uk_file_put(f);
	return rc;
}

/* statfs: the file system's answer, or tmpfs's (the heap is its disk). */
#define TMPFS_MAGIC	0x01021994

static int fill_statfs(struct uk_vnode *vn, struct statfs *sf)
{
	memset(sf, 0, sizeof(*sf));
	if (vn->ops->statfs)
		return vn->ops->statfs(vn, sf);
	sf->f_type = TMPFS_MAGIC;
	sf->f_bsize = sf->f_frsize = 4096;
	sf->f_namelen = NAME_MAX;
	/* What the heap has left is what files may still take. */
	sf->f_bfree = sf->f_bavail =
		uk_alloc_availmem(uk_alloc_get_default()) / 4096;
	sf->f_blocks = sf->f_bfree;
	sf->f_fsid.__val[0] = vn->st.st_dev;
	return 0;
}

static long sys_statfs(const char *path, struct statfs *sf)
{
	struct vfs_path p;
	int rc = vfs_walk_existing(AT_FDCWD, path, WALK_FOLLOW, &p);

	if (rc)
		return rc;
	rc = fill_statfs(p.vn, sf);
	vfs_path_put(&p);
	return rc;
}

static long sys_fstatfs(int fd, struct statfs *sf)
{
	struct uk_file *f = uk_fd_get(fd);
	int rc = 0;

	if (!f)
		return -EBADF;
	if (f->vn)
		rc = fill_statfs(f->vn, sf);
	else
		memset(sf, 0, sizeof(*sf));
	uk_file_put(f);
	return rc;
}

UK_SYSCALL(fstat, sys_fstat);
UK_SYSCALL(newfstatat, sys_newfstatat);
UK_SYSCALL(statx, sys_statx);
UK_SYSCALL(getdents64, sys_getdents64);
UK_SYSCALL(statfs, sys_statfs);
UK_SYSCALL(fstatfs, sys_fstatfs);
