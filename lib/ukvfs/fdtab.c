/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The process's descriptor table: UK_FD_MAX slots, each an open file
 * (shared by dup) and its close-on-exec bit. The lowest free number is
 * always the one given, as POSIX wants.
 */
#include <errno.h>
#include "vfs_impl.h"

static struct {
	struct uk_file *f;
	unsigned char cloexec;
} fds[UK_FD_MAX];

int vfs_fd_lowest_free(int from)
{
	int fd;

	for (fd = from < 0 ? 0 : from; fd < UK_FD_MAX; fd++)
		if (!fds[fd].f)
			return fd;
	return -EMFILE;
}

int uk_fd_install(struct uk_file *f, int cloexec)
{
	int fd = vfs_fd_lowest_free(0);

	if (fd >= 0)
		vfs_fd_install_at(f, fd, cloexec);
	return fd;
}

/* Puts f (its reference taken) at fd, closing what was there. */
int vfs_fd_install_at(struct uk_file *f, int fd, int cloexec)
{
	struct uk_file *old;

	if (fd < 0 || fd >= UK_FD_MAX)
		return -EBADF;
	old = fds[fd].f;
	fds[fd].f = f;
	fds[fd].cloexec = !!cloexec;
	if (old)
		uk_file_put(old);
	return fd;
}

struct uk_file *uk_fd_get(int fd)
{
	struct uk_file *f;

	if (fd < 0 || fd >= UK_FD_MAX || !(f = fds[fd].f))
		return NULL;
	uk_file_get(f);
	return f;
}

int vfs_fd_close(int fd)
{
	struct uk_file *f;

	if (fd < 0 || fd >= UK_FD_MAX || !(f = fds[fd].f))
		return -EBADF;
	fds[fd].f = NULL;
	uk_file_put(f);
	return 0;
}

int vfs_fd_cloexec(int fd, int set)
{
	if (fd < 0 || fd >= UK_FD_MAX || !fds[fd].f)
		return -EBADF;
	if (set >= 0)
		fds[fd].cloexec = !!set;
	return fds[fd].cloexec;
}
