/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * What a system call costs against a function call (make bench): N
 * (argv[1], default 200000) calls of a function the compiler may not
 * inline or see into, then N getpid()s through the system-call
 * instruction, each loop timed with CLOCK_MONOTONIC. Prints ns per call
 * (tenths) and the pid every getpid() returned, so a test can tell the
 * trap ran the call.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static __attribute__((noipa)) long plain(long x)
{
	return x + 1;
}

static long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

/* ns per call in tenths, printed as "12.3". */
static void row(const char *what, long long ns, long n)
{
	long long tenths = ns * 10 / n;

	printf("%s: %lld.%lld ns per call\n", what, tenths / 10, tenths % 10);
}

int main(int argc, char *argv[])
{
	long n = argc > 1 ? atol(argv[1]) : 200000, i, acc = 0, pid = -1;
	long long t0, t1, t2;

	if (n < 1)
		n = 1;
	t0 = now_ns();
	for (i = 0; i < n; i++)
		acc += plain(i);
	t1 = now_ns();
	for (i = 0; i < n; i++) {
		long p = syscall(SYS_getpid);

		/* -2 once two calls disagree */
		pid = pid == -1 || pid == p ? p : -2;
	}
	t2 = now_ns();
	row("function call", t1 - t0, n);
	row("getpid system call", t2 - t1, n);
	printf("calls %ld, function sum %ld, getpid returned %ld\n", n, acc,
	       pid);
	return 0;
}
