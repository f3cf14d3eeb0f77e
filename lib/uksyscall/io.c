/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * File descriptors 0, 1 and 2: the console. Output goes to it; input is
 * empty (reads see end of file, like /dev/null). Other descriptors do
 * not exist until a file system or sockets bring a descriptor table.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <uk/assert.h>
#include <uk/plat/console.h>
#include <uk/sched.h>
#include "syscalls.h"

/* Which of 0, 1, 2 are still open (close() works on them too). */
static unsigned int console_fds = 7;

static int is_console(int fd)
{
	return fd >= 0 && fd <= 2 && (console_fds & 1U << fd);
}

long sys_read(int fd, char *buf, size_t len)
{
	/* 1 and 2 are opened for writing only (F_GETFL says so). */
	if (!is_console(fd) || fd != 0)
		return -EBADF;
	return 0;
}

long sys_write(int fd, const char *buf, size_t len)
{
	if (!is_console(fd))
		return -EBADF;
	if (fd == 0)
		return -EBADF;	/* opened for reading only */
	if ((ssize_t)len < 0)
		return -EINVAL;
	ukplat_console_write(buf, len);
	return len;
}

long sys_readv(int fd, const struct iovec *iov, int n)
{
	if (!is_console(fd) || fd != 0)
		return -EBADF;
	if (n < 0 || n > IOV_MAX)
		return -EINVAL;
	return 0;
}

long sys_writev(int fd, const struct iovec *iov, int n)
{
	size_t total = 0;
	long r;
	int i;

	/* The descriptor first, as Linux: with no buffers too. */
	if (!is_console(fd) || fd == 0)
		return -EBADF;
	if (n < 0 || n > IOV_MAX)
		return -EINVAL;
	for (i = 0; i < n; i++)
		if (iov[i].iov_len > SSIZE_MAX - total)
			return -EINVAL;
		else
			total += iov[i].iov_len;
	for (i = 0; i < n; i++) {
		r = sys_write(fd, iov[i].iov_base, iov[i].iov_len);
		if (r < 0)
			return r;
	}
	return total;
}

long sys_pread64(int fd, char *buf, size_t len, off_t off)
{
	return is_console(fd) && fd == 0 ? -ESPIPE : -EBADF;
}

long sys_pwrite64(int fd, const char *buf, size_t len, off_t off)
{
	return is_console(fd) && fd != 0 ? -ESPIPE : -EBADF;
}

long sys_lseek(int fd, off_t off, int whence)
{
	return is_console(fd) ? -ESPIPE : -EBADF;
}

/* The console is not a terminal: no window size, no termios. */
long sys_ioctl(int fd, unsigned long req, long arg)
{
	return is_console(fd) ? -ENOTTY : -EBADF;
}

long sys_fcntl(int fd, int cmd, long arg)
{
	if (!is_console(fd))
		return -EBADF;
	switch (cmd) {
	case F_GETFD:
	case F_SETFD:
	case F_SETFL:
		return 0;
	case F_GETFL:
		return fd == 0 ? O_RDONLY : O_WRONLY;
	case F_DUPFD:
	case F_DUPFD_CLOEXEC:
		return -EMFILE;	/* no descriptor table yet */
	default:
		return -EINVAL;
	}
}

long sys_close(int fd)
{
	if (!is_console(fd))
		return -EBADF;
	console_fds &= ~(1U << fd);
	return 0;
}

long sys_dup(int fd)
{
	return is_console(fd) ? -EMFILE : -EBADF;
}

static void console_stat(struct stat *st)
{
	memset(st, 0, sizeof(*st));
	st->st_mode = S_IFCHR | 0620;
	st->st_rdev = makedev(5, 1);	/* Linux's /dev/console */
	st->st_blksize = 1024;
}

long sys_fstat(int fd, struct stat *st)
{
	if (!is_console(fd))
		return -EBADF;
	console_stat(st);
	return 0;
}

long sys_newfstatat(int dirfd, const char *path, struct stat *st, int flags)
{
	if (path && path[0] == '\0' && (flags & AT_EMPTY_PATH))
		return sys_fstat(dirfd, st);
	return -ENOENT;		/* no file system yet */
}

/* Ready now: output on 1 and 2, end of file on 0; others are invalid. */
static unsigned long poll_now(struct pollfd *fds, unsigned long n)
{
	unsigned long i, ready = 0;
	short can;

	for (i = 0; i < n; i++) {
		fds[i].revents = 0;
		if (fds[i].fd < 0)
			continue;
		if (!is_console(fds[i].fd))
			fds[i].revents = POLLNVAL;
		else {
			can = fds[i].fd == 0 ? POLLIN | POLLRDNORM
					     : POLLOUT | POLLWRNORM;
			fds[i].revents = fds[i].events & can;
		}
		if (fds[i].revents)
			ready++;
	}
	return ready;
}

/* Nobody wakes it: a place for polls that wait for ever. */
static struct uk_waitq never_ready;

long sys_ppoll(struct pollfd *fds, unsigned long n,
	       const struct timespec *timeout, const sigset_t *mask,
	       size_t masksize)
{
	unsigned long ready;

	if (n > UKSYSCALL_NOFILE)
		return -EINVAL;
	ready = poll_now(fds, n);
	if (ready || (timeout && !timeout->tv_sec && !timeout->tv_nsec))
		return ready;
	/*
	 * Nothing makes the console ready: the thread sleeps out its
	 * timeout, or blocks for good (other threads go on; if none can,
	 * uksched reports the deadlock instead of hanging the guest).
	 */
	if (!timeout) {
		uk_waitq_wait(&never_ready, 0, "poll");
		return 0;
	}
	return sys_nanosleep(timeout, NULL);
}

long sys_poll(struct pollfd *fds, unsigned long n, int timeout_ms)
{
	struct timespec ts = { timeout_ms / 1000, timeout_ms % 1000 * 1000000L };

	return sys_ppoll(fds, n, timeout_ms < 0 ? NULL : &ts, NULL, 0);
}
