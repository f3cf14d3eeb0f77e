/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Exercises Linux system calls through musl's own API and prints what
 * each returns (sc.h). The command line is a list of words run in turn
 * ("mmap time fds"); "exit N" ends with status N, and some words end
 * the program themselves (abort, term, kill, close1, badptr). Builds
 * for Kiln (LIBMUSL) and with musl-gcc on the host alike.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "sc.h"

static const char *const names[] = {
	[0] = "", [EPERM] = "EPERM", [ENOENT] = "ENOENT", [ESRCH] = "ESRCH",
	[EBADF] = "EBADF", [EAGAIN] = "EAGAIN", [ENOMEM] = "ENOMEM",
	[EFAULT] = "EFAULT", [EEXIST] = "EEXIST", [ENODEV] = "ENODEV",
	[EINVAL] = "EINVAL", [EMFILE] = "EMFILE", [ENOTTY] = "ENOTTY",
	[ESPIPE] = "ESPIPE", [ENOSYS] = "ENOSYS", [ETIMEDOUT] = "ETIMEDOUT",
	[EOPNOTSUPP] = "EOPNOTSUPP", [EROFS] = "EROFS", [EISDIR] = "EISDIR",
	[ERANGE] = "ERANGE", [ENOTDIR] = "ENOTDIR", [ENOTEMPTY] = "ENOTEMPTY",
	[ELOOP] = "ELOOP", [ENAMETOOLONG] = "ENAMETOOLONG", [EXDEV] = "EXDEV",
	[EPIPE] = "EPIPE", [EACCES] = "EACCES", [ENOSPC] = "ENOSPC",
	[EFBIG] = "EFBIG", [ENXIO] = "ENXIO", [EBUSY] = "EBUSY",
};

const char *errname(int e)
{
	static char num[16];

	if (e >= 0 && e < (int)(sizeof(names) / sizeof(names[0])) && names[e])
		return names[e];
	snprintf(num, sizeof(num), "E%d", e);
	return num;
}

static void line(const char *pre, const char *w, const char *what, long r)
{
	if (r == -1)
		printf("%s%s: %s = -1 %s\n", pre, w, what, errname(errno));
	else
		printf("%s%s: %s = %ld\n", pre, w, what, r);
}

void say(const char *w, const char *what, long r) { line("", w, what, r); }
void kiln(const char *w, const char *what, long r) { line("~", w, what, r); }
void val(const char *w, const char *what, long v)
{
	printf("%s: %s = %ld\n", w, what, v);
}

uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000ULL + ts.tv_nsec;
}

static const struct {
	const char *name;
	int (*fn)(int argc, char **argv);
} words[] = {
#define W(n) { #n, w_##n }
	W(enosys), W(mmap), W(brk), W(malloc), W(signal), W(abort), W(term),
	W(kill), W(blockkill), W(time), W(futex), W(random), W(fds),
	W(close1), W(ids), W(hostile), W(badptr), W(nest), W(bigrandom),
	W(paths), W(files), W(pipes), W(fill), W(initrd), W(hostilefs),
};

int main(int argc, char **argv)
{
	unsigned int i;
	int a, used;

	/* A line at a time: what was said before a crash is on the console. */
	setvbuf(stdout, NULL, _IOLBF, 0);
	for (a = 1; a < argc; a += used) {
		if (!strcmp(argv[a], "exit") && a + 1 < argc)
			return atoi(argv[a + 1]);
		for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
			if (!strcmp(argv[a], words[i].name))
				break;
		if (i == sizeof(words) / sizeof(words[0])) {
			printf("unknown word: %s\n", argv[a]);
			return 2;
		}
		/* A word returns how many words it used, itself included. */
		used = words[i].fn(argc - a, argv + a);
		printf("%s: done\n", argv[a]);
	}
	return 0;
}
