/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Descriptors 0-2. The host test runs this with stdin from /dev/null
 * and stdout a pipe, which Linux answers as Kiln's console does.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>
#include "sc.h"

WORD(fds)
{
	const char *w = "fds";
	struct pollfd pfd[4] = { { 0, POLLIN, 0 }, { 1, POLLOUT, 0 },
				 { 5, POLLIN, 0 }, { -1, POLLIN, 0 } };
	struct iovec iov[2] = { { "ab", 2 }, { "c\n", 2 } };
	struct stat st;
	char buf[16];
	uint64_t t0;

	say(w, "write to fd 3", write(3, "x", 1));
	say(w, "write to fd -1", write(-1, "x", 1));
	say(w, "read from fd 0", read(0, buf, sizeof(buf)));
	say(w, "read from fd 1", read(1, buf, sizeof(buf)));
	say(w, "read from fd 7", read(7, buf, sizeof(buf)));
	say(w, "writev of 2 buffers", writev(1, iov, 2));
	say(w, "writev of 0 buffers", writev(1, iov, 0));
	say(w, "writev of 0 buffers to fd 3", writev(3, iov, 0));
	say(w, "writev of -1 buffers", writev(1, iov, -1));
	say(w, "writev of IOV_MAX + 1 buffers", writev(1, iov, IOV_MAX + 1));
	say(w, "readv from fd 0", readv(0, iov, 1));

	errno = 0;
	val(w, "isatty(1)", isatty(1));
	val(w, "isatty's errno is ENOTTY", errno == ENOTTY);
	say(w, "fcntl(0, F_GETFL) & O_ACCMODE",
	    fcntl(0, F_GETFL) & O_ACCMODE);
	say(w, "fcntl(1, F_GETFL) & O_ACCMODE",
	    fcntl(1, F_GETFL) & O_ACCMODE);
	say(w, "fcntl(1, F_GETFD)", fcntl(1, F_GETFD));
	say(w, "fcntl(-5, F_GETFL)", fcntl(-5, F_GETFL));
	say(w, "fcntl(1, 9999)", fcntl(1, 9999));
	say(w, "lseek(1)", lseek(1, 0, SEEK_SET));
	/* The console cannot seek; the host's /dev/null can. */
	kiln(w, "pread from fd 0", pread(0, buf, 1, 0));
	say(w, "fstat(1)", fstat(1, &st));
	kiln(w, "fstat(1) is a character device", S_ISCHR(st.st_mode));
	say(w, "fstat(-1)", fstat(-1, &st));
	say(w, "fstat(9)", fstat(9, &st));
	say(w, "dup(1)", dup(1));
	say(w, "close(3)", close(3));
	say(w, "close(-1)", close(-1));
	say(w, "close(9)", close(9));

	say(w, "poll on 0, 1, 5 and -1", poll(pfd, 4, 0));
	val(w, "fd 0 revents is POLLIN", pfd[0].revents == POLLIN);
	val(w, "fd 1 revents is POLLOUT", pfd[1].revents == POLLOUT);
	val(w, "fd 5 revents is POLLNVAL", pfd[2].revents == POLLNVAL);
	val(w, "fd -1 revents", pfd[3].revents);
	pfd[0].events = 0;
	t0 = now_ns();
	say(w, "poll 30 ms on fd 0 for nothing", poll(pfd, 1, 30));
	val(w, "it waited 30 ms or more", now_ns() - t0 >= 30000000);
	say(w, "poll of 0 fds for 10 ms", poll(NULL, 0, 10));
	return 1;
}

/* Ends the word list: stdout is gone after it. */
WORD(close1)
{
	int r, e;

	say("close1", "close(1)", close(1));
	r = printf("close1: lost\n");
	e = errno;
	fprintf(stderr, "close1: printf after close(1) = %d %s\n", r,
		r < 0 ? errname(e) : "");
	errno = 0;
	r = fflush(stdout);
	fprintf(stderr, "close1: fflush = %d %s\n", r, errname(errno));
	say("close1", "close(1) again", close(1));
	fflush(stdout);
	fprintf(stderr, "close1: stderr still works\n");
	_exit(0);
}
