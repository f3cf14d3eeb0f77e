/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Reading what ukimg is given (images, link maps) whole into memory, from
 * regular files of a bounded size only: a FIFO would block (its open
 * waits for a writer), a device such as /dev/zero never ends. The checks
 * are made on the file that was opened (fstat), not on its name, and the
 * open cannot block: O_NONBLOCK, which regular files ignore.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "input.h"

static int fail(char *err, int ret, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int fail(char *err, int ret, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err, INPUT_ERR_MAX, fmt, ap);
	va_end(ap);
	return ret;
}

static const char *kind(mode_t m)
{
	if (S_ISDIR(m))
		return "a directory";
	if (S_ISFIFO(m))
		return "a FIFO";
	if (S_ISCHR(m))
		return "a character device";
	if (S_ISBLK(m))
		return "a block device";
	if (S_ISSOCK(m))
		return "a socket";
	return "not a file";
}

int input_read(const char *path, size_t max, unsigned char **bufp,
	       size_t *sizep, char *err)
{
	unsigned char *buf;
	struct stat st;
	size_t got = 0;
	ssize_t r;
	int fd;

	*bufp = NULL;
	*sizep = 0;
	fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0)
		return fail(err, INPUT_NOFILE, "%s", strerror(errno));
	if (fstat(fd, &st)) {
		close(fd);
		return fail(err, INPUT_BAD, "%s", strerror(errno));
	}
	if (!S_ISREG(st.st_mode)) {
		close(fd);
		return fail(err, INPUT_BAD, "not a regular file (%s)",
			    kind(st.st_mode));
	}
	if ((unsigned long long)st.st_size > max) {
		close(fd);
		return fail(err, INPUT_BAD, "too large (%lld bytes, at most"
			    " %zu)", (long long)st.st_size, max);
	}
	/* The size read is the size seen: a file growing meanwhile is cut. */
	buf = malloc(st.st_size ? st.st_size : 1);
	while (buf && got < (size_t)st.st_size) {
		r = read(fd, buf + got, st.st_size - got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		got += r;
	}
	close(fd);
	if (!buf)
		return fail(err, INPUT_BAD, "out of memory");
	if (got != (size_t)st.st_size) {
		free(buf);
		return fail(err, INPUT_BAD, "cannot read: short read");
	}
	*bufp = buf;
	*sizep = got;
	return 0;
}
