/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Calls on names: mkdir, unlink, rmdir, rename, links, the working
 * directory, access, umask, times, modes and owners. The process is
 * root: permission bits are kept and reported, never enforced.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <uk/alloc.h>
#include <uk/syscall.h>
#include "vfs_impl.h"

/* Linux's renameat2 flags (musl 1.2.3 has no <linux/fs.h> names). */
#ifndef RENAME_NOREPLACE
#define RENAME_NOREPLACE	1
#define RENAME_EXCHANGE		2
#endif

static long sys_mkdirat(int dirfd, const char *path, mode_t mode)
{
	struct vfs_path p;
	int rc = vfs_walk(dirfd, path, 0, &p);

	if (rc)
		return rc;
	rc = p.vn ? -EEXIST
		  : p.dir->ops->create(p.dir, p.name, p.len,
				       S_IFDIR | (mode & 07777 & ~vfs_umask),
				       0, NULL, NULL);
	vfs_path_put(&p);
	return rc;
}

static long sys_mknodat(int dirfd, const char *path, mode_t mode, dev_t dev)
{
	struct vfs_path p;
	int rc;

	switch (mode & S_IFMT) {
	case 0:
	case S_IFREG:
		mode |= S_IFREG;
		break;
	case S_IFCHR:
		break;
	case S_IFIFO:
	case S_IFSOCK:
	case S_IFBLK:
		return -EPERM;		/* named pipes, sockets: not yet */
	default:
		return -EINVAL;
	}
	rc = vfs_walk(dirfd, path, 0, &p);
	if (rc)
		return rc;
	rc = p.vn ? -EEXIST
		  : p.dir->ops->create(p.dir, p.name, p.len,
				       (mode & S_IFMT) |
				       (mode & 07777 & ~vfs_umask), dev, NULL,
				       NULL);
	vfs_path_put(&p);
	return rc;
}

static int dir_is_empty_emit(void *ctx, const char *name, size_t len,
			     ino_t ino, unsigned char type, uint64_t next)
{
	int *empty = ctx;

	if ((len == 1 && name[0] == '.') ||
	    (len == 2 && name[0] == '.' && name[1] == '.'))
		return 0;
	*empty = 0;
	return 1;
}

static int dir_is_empty(struct uk_vnode *dir)
{
	int empty = 1;

	dir->ops->readdir(dir, 0, dir_is_empty_emit, &empty);
	return empty;
}

/* What may go away as p: rmdir (dir) or unlink. */
static int removable(struct vfs_path *p, int dir)
{
	if (!p->vn)
		return -ENOENT;
	if (p->dot)
		return p->len == 1 && p->name[0] == '.' && dir ? -EINVAL
		       : dir ? -ENOTEMPTY : -EISDIR;
	if (p->vn == vfs_root || p->vn->covers || p->vn->mounted)
		return -EBUSY;
	if (!dir)
		return S_ISDIR(p->vn->st.st_mode) ? -EISDIR : 0;
	if (!S_ISDIR(p->vn->st.st_mode))
		return -ENOTDIR;
	return dir_is_empty(p->vn) ? 0 : -ENOTEMPTY;
}

static long sys_unlinkat(int dirfd, const char *path, int flags)
{
	struct vfs_path p;
	int rc, dir = flags & AT_REMOVEDIR;

	if (flags & ~AT_REMOVEDIR)
		return -EINVAL;
	rc = vfs_walk(dirfd, path, 0, &p);
	if (rc)
		return rc;
	if (p.slash && !dir && p.vn && !S_ISDIR(p.vn->st.st_mode))
		rc = -ENOTDIR;
	else
		rc = removable(&p, dir);
	if (!rc)
		rc = p.dir->ops->unlink(p.dir, p.name, p.len);
	vfs_path_put(&p);
	return rc;
}

/* 1 when dir is vn or below it (a directory moved into itself). */
static int is_within(struct uk_vnode *dir, struct uk_vnode *vn)
{
	struct uk_vnode *cur = dir, *up;
	int within = 0;

	uk_vnode_get(cur);
	for (;;) {
		if (cur == vn) {
			within = 1;
			break;
		}
		if (cur == vfs_root || cur->covers ||
		    vfs_parent(cur, &up))
			break;
		if (up == cur) {
			uk_vnode_put(up);
			break;
		}
		uk_vnode_put(cur);
		cur = up;
	}
	uk_vnode_put(cur);
	return within;
}

static int rename_checks(struct vfs_path *o, struct vfs_path *n,
			 unsigned int flags)
{
	int odir, ndir;

	if (!o->vn)
		return -ENOENT;
	if (o->dot || n->dot)
		return -EBUSY;
	if (o->vn == vfs_root || o->vn->mounted || o->vn->covers ||
	    (n->vn && (n->vn->mounted || n->vn->covers)))
		return -EBUSY;
	if (o->dir->mnt != n->dir->mnt)
		return -EXDEV;
	if (flags & RENAME_EXCHANGE && !n->vn)
		return -ENOENT;
	if (flags & RENAME_NOREPLACE && n->vn)
		return -EEXIST;
	odir = S_ISDIR(o->vn->st.st_mode);
	if (odir && is_within(n->dir, o->vn))
		return -EINVAL;
	if (flags & RENAME_EXCHANGE) {
		if (S_ISDIR(n->vn->st.st_mode) && is_within(o->dir, n->vn))
			return -EINVAL;
		return 0;
	}
	if (!odir && (o->slash || n->slash))
		return -ENOTDIR;
	if (!n->vn || n->vn == o->vn)
		return 0;
	ndir = S_ISDIR(n->vn->st.st_mode);
	if (odir && !ndir)
		return -ENOTDIR;
	if (!odir && ndir)
		return -EISDIR;
	if (ndir && !dir_is_empty(n->vn))
		return -ENOTEMPTY;
	return 0;
}

static long sys_renameat2(int odirfd, const char *opath, int ndirfd,
			  const char *npath, unsigned int flags)
{
	struct vfs_path o, n;
	int rc;

	if (flags & ~(RENAME_NOREPLACE | RENAME_EXCHANGE) ||
	    (flags & RENAME_NOREPLACE && flags & RENAME_EXCHANGE))
		return -EINVAL;
	rc = vfs_walk(odirfd, opath, 0, &o);
	if (rc)
		return rc;
	rc = vfs_walk(ndirfd, npath, 0, &n);
	if (rc) {
		vfs_path_put(&o);
		return rc;
	}
	rc = rename_checks(&o, &n, flags);
	if (!rc)
		rc = o.dir->ops->rename(o.dir, o.name, o.len, n.dir, n.name,
					n.len, flags & RENAME_EXCHANGE);
	vfs_path_put(&n);
	vfs_path_put(&o);
	return rc;
}

static long sys_renameat(int odirfd, const char *opath, int ndirfd,
			 const char *npath)
{
	return sys_renameat2(odirfd, opath, ndirfd, npath, 0);
}

static long sys_symlinkat(const char *target, int dirfd, const char *path)
{
	struct vfs_path p;
	int rc;

	if (!target[0])
		return -ENOENT;
	if (strnlen(target, PATH_MAX) == PATH_MAX)
		return -ENAMETOOLONG;
	rc = vfs_walk(dirfd, path, 0, &p);
	if (rc)
		return rc;
	rc = p.vn ? -EEXIST
		  : p.dir->ops->create(p.dir, p.name, p.len, S_IFLNK | 0777,
				       0, target, NULL);
	vfs_path_put(&p);
	return rc;
}

static long sys_readlinkat(int dirfd, const char *path, char *buf,
			   size_t size)
{
	struct vfs_path p;
	long rc;

	if ((ssize_t)size <= 0)
		return -EINVAL;
	rc = vfs_walk_existing(dirfd, path, WALK_EMPTY, &p);
	if (rc)
		return rc;
	rc = S_ISLNK(p.vn->st.st_mode)
	     ? p.vn->ops->readlink(p.vn, buf, size) : -EINVAL;
	vfs_path_put(&p);
	return rc;
}

static long sys_linkat(int odirfd, const char *opath, int ndirfd,
		       const char *npath, int flags)
{
	struct vfs_path o, n;
	int rc;

	if (flags & ~(AT_SYMLINK_FOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	rc = vfs_walk_existing(odirfd, opath,
			       (flags & AT_SYMLINK_FOLLOW ? WALK_FOLLOW : 0) |
			       (flags & AT_EMPTY_PATH ? WALK_EMPTY : 0), &o);
	if (rc)
		return rc;
	rc = vfs_walk(ndirfd, npath, 0, &n);
	if (rc) {
		vfs_path_put(&o);
		return rc;
	}
	if (S_ISDIR(o.vn->st.st_mode))
		rc = -EPERM;
	else if (n.vn)
		rc = -EEXIST;
	else if (o.vn->mnt != n.dir->mnt)
		rc = -EXDEV;
	else if (!n.dir->ops->link)
		rc = -EPERM;
	else
		rc = n.dir->ops->link(n.dir, n.name, n.len, o.vn);
	vfs_path_put(&n);
	vfs_path_put(&o);
	return rc;
}

static long sys_faccessat2(int dirfd, const char *path, int mode, int flags)
{
	struct vfs_path p;
	int rc;

	if (mode & ~(F_OK | R_OK | W_OK | X_OK) ||
	    flags & ~(AT_SYMLINK_NOFOLLOW | AT_EACCESS | AT_EMPTY_PATH))
		return -EINVAL;
	rc = vfs_walk_existing(dirfd, path,
			       (flags & AT_SYMLINK_NOFOLLOW ? 0 : WALK_FOLLOW) |
			       (flags & AT_EMPTY_PATH ? WALK_EMPTY : 0), &p);
	if (rc)
		return rc;
	/* Root may read and write anything; execute needs some x bit. */
	if (mode & X_OK && !S_ISDIR(p.vn->st.st_mode) &&
	    !(p.vn->st.st_mode & 0111))
		rc = -EACCES;
	vfs_path_put(&p);
	return rc;
}

static long sys_faccessat(int dirfd, const char *path, int mode)
{
	return sys_faccessat2(dirfd, path, mode, 0);
}

/* Names of dir's entries, looking for the one that is vn. */
struct name_search {
	ino_t ino;
	char *name;
	size_t len;
};

static int name_emit(void *ctx, const char *name, size_t len, ino_t ino,
		     unsigned char type, uint64_t next)
{
	struct name_search *s = ctx;

	if (ino != s->ino || (len == 1 && name[0] == '.') ||
	    (len == 2 && name[0] == '.' && name[1] == '.'))
		return 0;
	memcpy(s->name, name, len);
	s->len = len;
	return 1;
}

/*
 * The working directory's path, built from the end of buf backwards by
 * finding each directory's name in its parent.
 */
static long sys_getcwd(char *buf, size_t size)
{
	char name[NAME_MAX + 1], *end, *start;
	struct uk_vnode *cur = vfs_cwd, *up, *at;
	struct name_search s;
	size_t used;
	long rc = 0;

	if (size == 0)
		return -EINVAL;
	if (vfs_cwd->st.st_nlink == 0)
		return -ENOENT;		/* removed */
	start = end = buf + size;
	uk_vnode_get(cur);
	while (cur != vfs_root) {
		at = cur;
		while (at != vfs_root && at->covers)
			at = at->covers;	/* named in the covered tree */
		rc = vfs_parent(cur, &up);
		if (rc)
			break;
		s = (struct name_search){ at->st.st_ino, name, 0 };
		up->ops->readdir(up, 0, name_emit, &s);
		uk_vnode_put(cur);
		cur = up;
		if (!s.len) {
			rc = -ENOENT;
			break;
		}
		if ((size_t)(start - buf) < s.len + 1) {
			rc = -ERANGE;
			break;
		}
		start -= s.len;
		memcpy(start, name, s.len);
		*--start = '/';
	}
	uk_vnode_put(cur);
	if (rc)
		return rc;
	if (start == end) {
		if (size < 2)
			return -ERANGE;
		*--start = '/';
	}
	used = end - start;
	if (used + 1 > size)
		return -ERANGE;
	memmove(buf, start, used);
	buf[used] = '\0';
	return used + 1;	/* with its NUL, as Linux's system call */
}

static int set_cwd(struct uk_vnode *vn)
{
	if (!S_ISDIR(vn->st.st_mode))
		return -ENOTDIR;
	uk_vnode_get(vn);
	uk_vnode_put(vfs_cwd);
	vfs_cwd = vn;
	return 0;
}

static long sys_chdir(const char *path)
{
	struct vfs_path p;
	int rc = vfs_walk_existing(AT_FDCWD, path, WALK_FOLLOW, &p);

	if (rc)
		return rc;
	rc = set_cwd(p.vn);
	vfs_path_put(&p);
	return rc;
}

static long sys_fchdir(int fd)
{
	struct uk_file *f = uk_fd_get(fd);
	int rc;

	if (!f)
		return -EBADF;
	rc = f->vn ? set_cwd(f->vn) : -ENOTDIR;
	uk_file_put(f);
	return rc;
}

static long sys_umask(mode_t mask)
{
	mode_t old = vfs_umask;

	vfs_umask = mask & 0777;
	return old;
}

/* The vnode a *at call with flags names (AT_EMPTY_PATH, NOFOLLOW). */
static int walk_at(int dirfd, const char *path, int flags,
		   struct vfs_path *p)
{
	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	return vfs_walk_existing(dirfd, path ? path : "",
				 (flags & AT_SYMLINK_NOFOLLOW ? 0 : WALK_FOLLOW) |
				 (flags & AT_EMPTY_PATH || !path ? WALK_EMPTY : 0),
				 p);
}

static int set_time(struct timespec *t, const struct timespec *to,
		    struct timespec now)
{
	if (!to || to->tv_nsec == UTIME_NOW) {
		*t = now;
		return 1;
	}
	if (to->tv_nsec == UTIME_OMIT)
		return 0;
	if (to->tv_nsec < 0 || to->tv_nsec >= 1000000000)
		return -EINVAL;
	*t = *to;
	return 1;
}

static long sys_utimensat(int dirfd, const char *path,
			  const struct timespec times[2], int flags)
{
	struct timespec now = uk_vfs_now(), a, m;
	struct vfs_path p;
	int rc, ra, rm;

	ra = set_time(&a, times ? &times[0] : NULL, now);
	rm = set_time(&m, times ? &times[1] : NULL, now);
	if (ra < 0 || rm < 0)
		return -EINVAL;
	/* NULL path: dirfd itself (futimens, as glibc and musl call it). */
	rc = walk_at(dirfd, path, flags, &p);
	if (rc)
		return rc;
	if (ra)
		p.vn->st.st_atim = a;
	if (rm)
		p.vn->st.st_mtim = m;
	if (ra || rm) {
		p.vn->st.st_ctim = now;
		rc = p.vn->ops->setattr ? p.vn->ops->setattr(p.vn) : 0;
	}
	vfs_path_put(&p);
	return rc;
}

static long sys_fchmodat(int dirfd, const char *path, mode_t mode)
{
	struct vfs_path p;
	int rc = walk_at(dirfd, path, 0, &p);

	if (rc)
		return rc;
	p.vn->st.st_mode = (p.vn->st.st_mode & S_IFMT) | (mode & 07777);
	p.vn->st.st_ctim = uk_vfs_now();
	rc = p.vn->ops->setattr ? p.vn->ops->setattr(p.vn) : 0;
	vfs_path_put(&p);
	return rc;
}

static long sys_fchmod(int fd, mode_t mode)
{
	return sys_fchmodat(fd, NULL, mode);
}

static long sys_fchownat(int dirfd, const char *path, uid_t uid, gid_t gid,
			 int flags)
{
	struct vfs_path p;
	int rc = walk_at(dirfd, path, flags, &p);

	if (rc)
		return rc;
	if (uid != (uid_t)-1)
		p.vn->st.st_uid = uid;
	if (gid != (gid_t)-1)
		p.vn->st.st_gid = gid;
	p.vn->st.st_ctim = uk_vfs_now();
	rc = p.vn->ops->setattr ? p.vn->ops->setattr(p.vn) : 0;
	vfs_path_put(&p);
	return rc;
}

static long sys_fchown(int fd, uid_t uid, gid_t gid)
{
	return sys_fchownat(fd, NULL, uid, gid, 0);
}

static long sys_truncate(const char *path, off_t len)
{
	struct vfs_path p;
	int rc = vfs_walk_existing(AT_FDCWD, path, WALK_FOLLOW, &p);

	if (rc)
		return rc;
	if (S_ISDIR(p.vn->st.st_mode))
		rc = -EISDIR;
	else if (!S_ISREG(p.vn->st.st_mode) || len < 0)
		rc = -EINVAL;
	else
		rc = p.vn->ops->truncate(p.vn, len);
	vfs_path_put(&p);
	return rc;
}

UK_SYSCALL(mkdirat, sys_mkdirat);
UK_SYSCALL(mknodat, sys_mknodat);
UK_SYSCALL(unlinkat, sys_unlinkat);
UK_SYSCALL(renameat2, sys_renameat2);
#ifdef SYS_renameat
UK_SYSCALL(renameat, sys_renameat);
#endif
UK_SYSCALL(symlinkat, sys_symlinkat);
UK_SYSCALL(readlinkat, sys_readlinkat);
UK_SYSCALL(linkat, sys_linkat);
UK_SYSCALL(faccessat, sys_faccessat);
UK_SYSCALL(faccessat2, sys_faccessat2);
UK_SYSCALL(getcwd, sys_getcwd);
UK_SYSCALL(chdir, sys_chdir);
UK_SYSCALL(fchdir, sys_fchdir);
UK_SYSCALL(umask, sys_umask);
UK_SYSCALL(utimensat, sys_utimensat);
UK_SYSCALL(fchmodat, sys_fchmodat);
UK_SYSCALL(fchmod, sys_fchmod);
UK_SYSCALL(fchownat, sys_fchownat);
UK_SYSCALL(fchown, sys_fchown);
UK_SYSCALL(truncate, sys_truncate);

/* x86_64's calls without *at; arm64 has only those. */
#ifdef SYS_mkdir
static long sys_mkdir(const char *path, mode_t mode)
{
	return sys_mkdirat(AT_FDCWD, path, mode);
}

static long sys_rmdir(const char *path)
{
	return sys_unlinkat(AT_FDCWD, path, AT_REMOVEDIR);
}

static long sys_unlink(const char *path)
{
	return sys_unlinkat(AT_FDCWD, path, 0);
}

static long sys_rename(const char *o, const char *n)
{
	return sys_renameat2(AT_FDCWD, o, AT_FDCWD, n, 0);
}

static long sys_symlink(const char *target, const char *path)
{
	return sys_symlinkat(target, AT_FDCWD, path);
}

static long sys_readlink(const char *path, char *buf, size_t size)
{
	return sys_readlinkat(AT_FDCWD, path, buf, size);
}

static long sys_link(const char *o, const char *n)
{
	return sys_linkat(AT_FDCWD, o, AT_FDCWD, n, 0);
}

static long sys_access(const char *path, int mode)
{
	return sys_faccessat2(AT_FDCWD, path, mode, 0);
}

static long sys_chmod(const char *path, mode_t mode)
{
	return sys_fchmodat(AT_FDCWD, path, mode);
}

static long sys_chown(const char *path, uid_t uid, gid_t gid)
{
	return sys_fchownat(AT_FDCWD, path, uid, gid, 0);
}

static long sys_lchown(const char *path, uid_t uid, gid_t gid)
{
	return sys_fchownat(AT_FDCWD, path, uid, gid, AT_SYMLINK_NOFOLLOW);
}

static long sys_mknod(const char *path, mode_t mode, dev_t dev)
{
	return sys_mknodat(AT_FDCWD, path, mode, dev);
}

UK_SYSCALL(mkdir, sys_mkdir);
UK_SYSCALL(rmdir, sys_rmdir);
UK_SYSCALL(unlink, sys_unlink);
UK_SYSCALL(rename, sys_rename);
UK_SYSCALL(symlink, sys_symlink);
UK_SYSCALL(readlink, sys_readlink);
UK_SYSCALL(link, sys_link);
UK_SYSCALL(access, sys_access);
UK_SYSCALL(chmod, sys_chmod);
UK_SYSCALL(chown, sys_chown);
UK_SYSCALL(lchown, sys_lchown);
UK_SYSCALL(mknod, sys_mknod);
#endif
