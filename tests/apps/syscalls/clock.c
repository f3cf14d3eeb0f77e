/* SPDX-License-Identifier: BSD-3-Clause */
/* Clocks, sleeps and futex waits with nobody to wake them. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>
#include "sc.h"

#define MS	1000000ULL

/* clock_nanosleep answers an error number itself, not -1 and errno. */
static long cns(clockid_t c, int flags, const struct timespec *ts)
{
	int e = clock_nanosleep(c, flags, ts, NULL);

	errno = e;
	return e ? -1 : 0;
}

WORD(time)
{
	const char *w = "time";
	struct timespec ts, bad_ns = { 0, 1000000000 }, neg = { -1, 0 },
			neg_ns = { 0, -1 }, ms20 = { 0, 20 * MS };
	struct timeval tv;
	uint64_t a, b, t0;
	long back = 0, i;

	for (a = now_ns(), i = 0; i < 100000; i++, a = b)
		if ((b = now_ns()) < a)
			back++;
	val(w, "CLOCK_MONOTONIC went backwards, times", back);

	t0 = now_ns();
	say(w, "nanosleep 20 ms", nanosleep(&ms20, NULL));
	val(w, "it slept 20 ms or more", now_ns() - t0 >= 20 * MS);
	t0 = now_ns();
	say(w, "clock_nanosleep 20 ms", cns(CLOCK_MONOTONIC, 0, &ms20));
	val(w, "it slept 20 ms or more", now_ns() - t0 >= 20 * MS);
	ts.tv_sec = 0;
	ts.tv_nsec = 1;
	t0 = now_ns();
	say(w, "clock_nanosleep until 1 ns after boot",
	    cns(CLOCK_MONOTONIC, TIMER_ABSTIME, &ts));
	val(w, "it returned at once", now_ns() - t0 < 10 * MS);

	say(w, "clock_getres MONOTONIC", clock_getres(CLOCK_MONOTONIC, &ts));
	val(w, "resolution under 1 ms", ts.tv_sec == 0 && ts.tv_nsec > 0 &&
	    ts.tv_nsec < 1000000);
	say(w, "clock_getres REALTIME, NULL", clock_getres(CLOCK_REALTIME, NULL));
	say(w, "clock_gettime REALTIME", clock_gettime(CLOCK_REALTIME, &ts));
	say(w, "clock_gettime BOOTTIME", clock_gettime(CLOCK_BOOTTIME, &ts));
	say(w, "clock_gettime PROCESS_CPUTIME_ID",
	    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts));
	say(w, "gettimeofday", gettimeofday(&tv, NULL));
	val(w, "time() agrees with gettimeofday", time(NULL) - tv.tv_sec <= 1);

	say(w, "clock_gettime of clock 1234", clock_gettime(1234, &ts));
	say(w, "clock_getres of clock 1234", clock_getres(1234, &ts));
	say(w, "nanosleep of 10^9 ns", nanosleep(&bad_ns, NULL));
	say(w, "nanosleep of -1 s", nanosleep(&neg, NULL));
	say(w, "nanosleep of -1 ns", nanosleep(&neg_ns, NULL));
	say(w, "clock_nanosleep THREAD_CPUTIME_ID",
	    cns(CLOCK_THREAD_CPUTIME_ID, 0, &ms20));
	say(w, "clock_nanosleep of clock 1234", cns(1234, 0, &ms20));
	return 1;
}

#define FUTEX_WAIT		0
#define FUTEX_WAKE		1
#define FUTEX_WAIT_BITSET	9
#define FUTEX_PRIVATE		128

static long futex(int *f, int op, int v, const struct timespec *ts, int v3)
{
	return syscall(SYS_futex, f, op, v, ts, NULL, v3);
}

WORD(futex)
{
	const char *w = "futex";
	struct timespec ms50 = { 0, 50 * MS }, neg_ns = { 0, -1 }, abs;
	int f = 0;
	uint64_t t0;

	t0 = now_ns();
	say(w, "FUTEX_WAIT 50 ms", futex(&f, FUTEX_WAIT, 0, &ms50, 0));
	val(w, "it waited 50 ms or more", now_ns() - t0 >= 50 * MS);
	say(w, "FUTEX_WAIT private 50 ms",
	    futex(&f, FUTEX_WAIT | FUTEX_PRIVATE, 0, &ms50, 0));
	t0 = now_ns();
	say(w, "FUTEX_WAIT for a value it has not",
	    futex(&f, FUTEX_WAIT, 1, &ms50, 0));
	val(w, "it returned at once", now_ns() - t0 < 40 * MS);
	clock_gettime(CLOCK_MONOTONIC, &abs);
	abs.tv_nsec += 30 * MS;
	if (abs.tv_nsec >= 1000000000) {
		abs.tv_sec++;
		abs.tv_nsec -= 1000000000;
	}
	t0 = now_ns();
	say(w, "FUTEX_WAIT_BITSET until 30 ms on",
	    futex(&f, FUTEX_WAIT_BITSET, 0, &abs, -1));
	val(w, "it waited 30 ms or more", now_ns() - t0 >= 30 * MS);
	say(w, "FUTEX_WAKE with no waiter", futex(&f, FUTEX_WAKE, 1, NULL, 0));
	say(w, "FUTEX_WAIT with -1 ns", futex(&f, FUTEX_WAIT, 0, &neg_ns, 0));
	say(w, "FUTEX_WAIT_BITSET with bitset 0",
	    futex(&f, FUTEX_WAIT_BITSET, 0, &abs, 0));
	say(w, "futex op 99", futex(&f, 99, 0, NULL, 0));
	return 1;
}
