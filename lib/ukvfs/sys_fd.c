/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Descriptor calls: close, dup, fcntl, ioctl, pipe, and the calls that
 * act on an open file's contents as a whole (ftruncate, fsync).
 */
#include <errno.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <uk/syscall.h>
#include "vfs_impl.h"

static long sys_close(int fd)
{
	return vfs_fd_close(fd);
}

static long dup_to(int fd, int to, int flags)
{
	struct uk_file *f = uk_fd_get(fd);
	long rc;

	if (!f)
		return -EBADF;
	rc = vfs_fd_install_at(f, to, flags & O_CLOEXEC);
	if (rc < 0)
		uk_file_put(f);
	return rc;
}

static long sys_dup(int fd)
{
	struct uk_file *f = uk_fd_get(fd);
	long rc;

	if (!f)
		return -EBADF;
	rc = uk_fd_install(f, 0);
	if (rc < 0)
		uk_file_put(f);
	return rc;
}

static long sys_dup3(int fd, int to, int flags)
{
	if (flags & ~O_CLOEXEC)
		return -EINVAL;
	if (fd == to)
		return -EINVAL;
	return dup_to(fd, to, flags);
}

#ifdef SYS_dup2
static long sys_dup2(int fd, int to)
{
	struct uk_file *f;

	if (fd != to)
		return dup_to(fd, to, 0);
	f = uk_fd_get(fd);
	if (!f)
		return -EBADF;
	uk_file_put(f);
	return fd;
}
#endif

static long dup_from(int fd, long from, int cloexec)
{
	struct uk_file *f;
	long to;

	if (from < 0 || from >= UK_FD_MAX)
		return -EINVAL;
	f = uk_fd_get(fd);
	if (!f)
		return -EBADF;
	to = vfs_fd_lowest_free(from);
	if (to >= 0)
		vfs_fd_install_at(f, to, cloexec);
	else
		uk_file_put(f);
	return to;
}

/* Flags F_SETFL may change (Linux's set, less O_DIRECT and O_ASYNC). */
#define SETFL_MASK	(O_APPEND | O_NONBLOCK | O_NOATIME)

static long sys_fcntl(int fd, int cmd, long arg)
{
	struct uk_file *f;
	struct flock *l;
	long rc = 0;

	if (cmd == F_DUPFD || cmd == F_DUPFD_CLOEXEC)
		return dup_from(fd, arg, cmd == F_DUPFD_CLOEXEC);
	f = uk_fd_get(fd);
	if (!f)
		return -EBADF;
	switch (cmd) {
	case F_GETFD:
		rc = vfs_fd_cloexec(fd, -1) ? FD_CLOEXEC : 0;
		break;
	case F_SETFD:
		vfs_fd_cloexec(fd, arg & FD_CLOEXEC);
		break;
	case F_GETFL:
		rc = f->flags;
		break;
	case F_SETFL:
		f->flags = (f->flags & ~SETFL_MASK) | (arg & SETFL_MASK);
		uk_vfs_poll_wake();
		break;
	case F_GETLK:
	case F_OFD_GETLK:
		/* One process: no lock of another is ever in the way. */
		l = (struct flock *)arg;
		if (l->l_type != F_RDLCK && l->l_type != F_WRLCK &&
		    l->l_type != F_UNLCK)
			rc = -EINVAL;
		else
			l->l_type = F_UNLCK;
		break;
	case F_SETLK:
	case F_SETLKW:
	case F_OFD_SETLK:
	case F_OFD_SETLKW:
		l = (struct flock *)arg;
		if (l->l_type != F_RDLCK && l->l_type != F_WRLCK &&
		    l->l_type != F_UNLCK)
			rc = -EINVAL;
		break;
	case F_GETPIPE_SZ:
		rc = f->vn ? -EBADF : 65536;
		break;
	default:
		rc = -EINVAL;
	}
	uk_file_put(f);
	return rc;
}

static long sys_flock(int fd, int op)
{
	struct uk_file *f = uk_fd_get(fd);

	if (!f)
		return -EBADF;
	uk_file_put(f);
	switch (op & ~LOCK_NB) {
	case LOCK_SH:
	case LOCK_EX:
	case LOCK_UN:
		return 0;	/* one process: always granted */
	default:
		return -EINVAL;
	}
}

static long sys_ioctl(int fd, unsigned long req, void *arg)
{
	struct uk_file *f = uk_fd_get(fd);
	long rc = 0;

	if (!f)
		return -EBADF;
	switch (req) {
	case FIONBIO:
		if (*(int *)arg)
			f->flags |= O_NONBLOCK;
		else
			f->flags &= ~O_NONBLOCK;
		break;
	case FIOCLEX:
	case FIONCLEX:
		vfs_fd_cloexec(fd, req == FIOCLEX);
		break;
	case FIONREAD:
		if (f->vn && S_ISREG(f->vn->st.st_mode)) {
			*(int *)arg = f->vn->st.st_size > f->pos
				      ? f->vn->st.st_size - f->pos : 0;
			break;
		}
		/* fall through: the file's own answer */
		__attribute__((fallthrough));
	default:
		rc = f->ops->ioctl ? f->ops->ioctl(f, req, arg) : -ENOTTY;
	}
	uk_file_put(f);
	return rc;
}

static long sys_pipe2(int *fds, int flags)
{
	struct uk_file *ends[2];
	int rc;

	if (flags & ~(O_CLOEXEC | O_NONBLOCK | O_DIRECT))
		return -EINVAL;
	if (vfs_fd_lowest_free(0) < 0)
		return -EMFILE;
	rc = vfs_pipe_new(flags & O_NONBLOCK, ends);
	if (rc)
		return rc;
	fds[0] = uk_fd_install(ends[0], flags & O_CLOEXEC);
	fds[1] = uk_fd_install(ends[1], flags & O_CLOEXEC);
	if (fds[1] < 0) {
		vfs_fd_close(fds[0]);
		uk_file_put(ends[1]);
		return -EMFILE;
	}
	return 0;
}

#ifdef SYS_pipe
static long sys_pipe(int *fds)
{
	return sys_pipe2(fds, 0);
}
#endif

static long sys_ftruncate(int fd, off_t len)
{
	struct uk_file *f = uk_fd_get(fd);
	long rc;

	if (!f)
		return -EBADF;
	if (len < 0 || !f->vn || !S_ISREG(f->vn->st.st_mode) ||
	    (f->flags & O_ACCMODE) == O_RDONLY || f->flags & O_PATH)
		rc = -EINVAL;
	else
		rc = f->vn->ops->truncate(f->vn, len);
	uk_file_put(f);
	return rc;
}

static long sys_fsync(int fd)
{
	struct uk_file *f = uk_fd_get(fd);
	long rc = 0;

	if (!f)
		return -EBADF;
	if (!f->vn)
		rc = -EINVAL;	/* a pipe, the console: as Linux */
	else if (f->vn->ops->sync)
		rc = f->vn->ops->sync(f->vn);
	uk_file_put(f);
	return rc;
}

UK_SYSCALL(close, sys_close);
UK_SYSCALL(dup, sys_dup);
UK_SYSCALL(dup3, sys_dup3);
#ifdef SYS_dup2
UK_SYSCALL(dup2, sys_dup2);
#endif
UK_SYSCALL(fcntl, sys_fcntl);
UK_SYSCALL(flock, sys_flock);
UK_SYSCALL(ioctl, sys_ioctl);
UK_SYSCALL(pipe2, sys_pipe2);
#ifdef SYS_pipe
UK_SYSCALL(pipe, sys_pipe);
#endif
UK_SYSCALL(ftruncate, sys_ftruncate);
UK_SYSCALL(fsync, sys_fsync);
UK_SYSCALL(fdatasync, sys_fsync);
