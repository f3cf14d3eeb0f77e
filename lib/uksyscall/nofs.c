/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Paths, until a file system exists: the working directory is "/", and
 * every other name is absent (ENOENT), as on an empty read-only root.
 * Programs that probe for optional files (time zones, locales, config)
 * get the answer they expect, not ENOSYS.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include "syscalls.h"

static int is_root(const char *path)
{
	return path[0] == '/' && path[strspn(path, "/")] == '\0';
}

/* "name" or "/name": a new file there would be in the (read-only) root. */
static int in_root(const char *path)
{
	const char *slash = strrchr(path, '/');

	return !slash || path[strspn(path, "/")] == '\0' ||
	       strspn(path, "/") == (size_t)(slash - path) + 1;
}

long sys_openat(int dirfd, const char *path, int flags, mode_t mode)
{
	if (!path[0])
		return -ENOENT;
	if (is_root(path))
		return (flags & O_ACCMODE) != O_RDONLY ? -EISDIR : -EMFILE;
	return flags & O_CREAT && in_root(path) ? -EROFS : -ENOENT;
}

long sys_open(const char *path, int flags, mode_t mode)
{
	return sys_openat(AT_FDCWD, path, flags, mode);
}

long sys_faccessat(int dirfd, const char *path, int mode)
{
	if (!path[0])
		return -ENOENT;
	if (is_root(path))
		return mode & W_OK ? -EROFS : 0;
	return -ENOENT;
}

long sys_faccessat2(int dirfd, const char *path, int mode, int flags)
{
	return sys_faccessat(dirfd, path, mode);
}

long sys_access(const char *path, int mode)
{
	return sys_faccessat(AT_FDCWD, path, mode);
}

long sys_getcwd(char *buf, size_t size)
{
	if (size < 2)
		return -ERANGE;
	strcpy(buf, "/");
	return 2;	/* the length with its NUL, as Linux's system call */
}

long sys_chdir(const char *path)
{
	return is_root(path) ? 0 : -ENOENT;
}

long sys_readlinkat(int dirfd, const char *path, char *buf, size_t size)
{
	return is_root(path) ? -EINVAL : -ENOENT;
}

long sys_readlink(const char *path, char *buf, size_t size)
{
	return sys_readlinkat(AT_FDCWD, path, buf, size);
}
