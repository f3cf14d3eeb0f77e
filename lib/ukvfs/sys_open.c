/* SPDX-License-Identifier: BSD-3-Clause */
/* open, openat, creat: walking, creating, truncating, a descriptor. */
#include <errno.h>
#include <fcntl.h>
#include <sys/syscall.h>
#include <uk/syscall.h>
#include "vfs_impl.h"

/* Flags Linux takes (others are ignored, as Linux ignores them). */
static int open_checks(int flags, struct vfs_path *p)
{
	struct uk_vnode *vn = p->vn;
	int acc = flags & O_ACCMODE;

	if (!vn)
		return p->slash ? -EISDIR : -ENOENT;
	if (flags & O_CREAT && flags & O_EXCL)
		return -EEXIST;
	if (S_ISLNK(vn->st.st_mode))
		return flags & O_PATH ? 0 : -ELOOP;	/* O_NOFOLLOW */
	if (flags & O_DIRECTORY && !S_ISDIR(vn->st.st_mode))
		return -ENOTDIR;
	if (flags & O_PATH)
		return 0;
	if (S_ISDIR(vn->st.st_mode) &&
	    (acc != O_RDONLY || flags & O_CREAT || flags & O_TRUNC))
		return -EISDIR;
	if (acc == 3)
		return -EINVAL;
	return 0;
}

long vfs_openat(int dirfd, const char *path, int flags, mode_t mode)
{
	struct uk_file *f;
	struct vfs_path p;
	int rc, follow;

	if (flags & O_PATH)
		flags &= O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC;
	/* O_TMPFILE holds O_DIRECTORY: an unnamed file, not supported. */
	if ((flags & O_TMPFILE) == O_TMPFILE)
		return -EOPNOTSUPP;
	follow = !(flags & O_NOFOLLOW) &&
		 !(flags & O_CREAT && flags & O_EXCL);
	rc = vfs_walk(dirfd, path, follow ? WALK_FOLLOW : 0, &p);
	if (rc)
		return rc;
	if (!p.vn && flags & O_CREAT && !p.slash) {
		rc = p.dir->ops->create(p.dir, p.name, p.len,
					S_IFREG | (mode & 07777 & ~vfs_umask),
					0, NULL, &p.vn);
		flags &= ~O_TRUNC;
	} else {
		rc = open_checks(flags, &p);
	}
	if (!rc && flags & O_TRUNC && S_ISREG(p.vn->st.st_mode) &&
	    (flags & O_ACCMODE) != O_RDONLY)
		rc = p.vn->ops->truncate(p.vn, 0);
	if (!rc)
		rc = vfs_open_vnode(p.vn, flags, &f);
	vfs_path_put(&p);
	if (rc)
		return rc;
	rc = uk_fd_install(f, flags & O_CLOEXEC);
	if (rc < 0)
		uk_file_put(f);
	return rc;
}

#ifdef SYS_open
static long sys_open(const char *path, int flags, mode_t mode)
{
	return vfs_openat(AT_FDCWD, path, flags, mode);
}

static long sys_creat(const char *path, mode_t mode)
{
	return vfs_openat(AT_FDCWD, path, O_CREAT | O_WRONLY | O_TRUNC, mode);
}

UK_SYSCALL(open, sys_open);
UK_SYSCALL(creat, sys_creat);
#endif
UK_SYSCALL(openat, vfs_openat);
