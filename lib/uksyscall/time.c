/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Clocks and sleeping. Every clock reads the platform's monotonic clock
 * (nanoseconds since boot); CLOCK_REALTIME adds the wall-clock time at
 * boot where the platform knows it. A sleep blocks the thread (others
 * run, or the CPU idles) until the platform's one-shot timer ends it.
 */
#include <errno.h>
#include <sys/time.h>
#include <time.h>
#include <uk/plat/time.h>
#include <uk/sched.h>
#include "syscalls.h"

#define NSEC	1000000000ULL

static int clock_ns(clockid_t clk, uint64_t *ns)
{
	switch (clk) {
	case CLOCK_REALTIME:
	case CLOCK_REALTIME_COARSE:
	case CLOCK_TAI:
		/* The wall clock first: its first read takes milliseconds
		 * (an RTC read), which must not fall between the two.
		 */
		*ns = ukplat_wall_clock_boot_ns();
		*ns += ukplat_monotonic_ns();
		return 0;
	case CLOCK_MONOTONIC:
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_MONOTONIC_COARSE:
	case CLOCK_BOOTTIME:
	/* The one thread of the one process has run since boot. */
	case CLOCK_PROCESS_CPUTIME_ID:
	case CLOCK_THREAD_CPUTIME_ID:
		*ns = ukplat_monotonic_ns();
		return 0;
	default:
		return -EINVAL;
	}
}

long sys_clock_gettime(clockid_t clk, struct timespec *ts)
{
	uint64_t ns;
	int r = clock_ns(clk, &ns);

	if (r)
		return r;
	ts->tv_sec = ns / NSEC;
	ts->tv_nsec = ns % NSEC;
	return 0;
}

long sys_clock_getres(clockid_t clk, struct timespec *ts)
{
	uint64_t ns;
	int r = clock_ns(clk, &ns);

	if (r)
		return r;
	if (ts) {
		ts->tv_sec = 0;
		ts->tv_nsec = 1;
	}
	return 0;
}

long sys_gettimeofday(struct timeval *tv, struct timezone *tz)
{
	struct timespec ts;

	if (tv) {
		sys_clock_gettime(CLOCK_REALTIME, &ts);
		tv->tv_sec = ts.tv_sec;
		tv->tv_usec = ts.tv_nsec / 1000;
	}
	if (tz)
		__builtin_memset(tz, 0, 2 * sizeof(int));
	return 0;
}

long sys_time(time_t *t)
{
	struct timespec ts;

	sys_clock_gettime(CLOCK_REALTIME, &ts);
	if (t)
		*t = ts.tv_sec;
	return ts.tv_sec;
}

static int valid(const struct timespec *ts)
{
	return ts->tv_sec >= 0 && ts->tv_nsec >= 0 && ts->tv_nsec < (long)NSEC;
}

static uint64_t ts_ns(const struct timespec *ts)
{
	if ((uint64_t)ts->tv_sec >= UINT64_MAX / NSEC - 1)
		return UINT64_MAX;
	return ts->tv_sec * NSEC + ts->tv_nsec;
}

int uksyscall_deadline(clockid_t clk, int abs, const struct timespec *ts,
		       uint64_t *deadline)
{
	uint64_t now, mono, d;

	if (clk == CLOCK_THREAD_CPUTIME_ID || clock_ns(clk, &now) ||
	    !valid(ts))
		return -EINVAL;
	/* Every clock is the monotonic one plus a constant: one
	 * conversion gives the same instant on the monotonic clock (read
	 * after clk's, so never early). Saturated: never wraps.
	 */
	mono = ukplat_monotonic_ns();
	d = ts_ns(ts);
	if (abs)
		d = d > now ? d - now : 0;
	*deadline = d > UINT64_MAX - mono ? UINT64_MAX : mono + d;
	return 0;
}

long sys_clock_nanosleep(clockid_t clk, int flags,
			 const struct timespec *req, struct timespec *rem)
{
	uint64_t deadline;
	int r = uksyscall_deadline(clk, flags & TIMER_ABSTIME, req, &deadline);

	if (r)
		return r;
	/* The thread blocks: others run, or the CPU idles. */
	uk_thread_sleep_until(deadline);
	return 0;
}

long sys_nanosleep(const struct timespec *req, struct timespec *rem)
{
	return sys_clock_nanosleep(CLOCK_MONOTONIC, 0, req, rem);
}
