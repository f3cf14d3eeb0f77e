/* SPDX-License-Identifier: BSD-3-Clause */
/* Clocks as lib/uksyscall's (musl's) read them: both libcs agree. */
#include <errno.h>
#include <time.h>
#include <uk/config.h>
#include <uk/plat/time.h>
#ifdef CONFIG_LIBUKSCHED
#include <uk/sched.h>
#endif

#define NSEC_PER_SEC	1000000000ULL

int clock_gettime(clockid_t clk, struct timespec *ts)
{
	uint64_t ns;

	if (clk < CLOCK_REALTIME || clk > CLOCK_BOOTTIME) {
		errno = EINVAL;
		return -1;
	}
	/* The wall clock first: its first read takes milliseconds (an RTC
	 * read), which must not fall between the two.
	 */
	ns = clk == CLOCK_REALTIME || clk == CLOCK_REALTIME_COARSE ?
	     ukplat_wall_clock_boot_ns() : 0;
	ns += ukplat_monotonic_ns();
	ts->tv_sec = ns / NSEC_PER_SEC;
	ts->tv_nsec = ns % NSEC_PER_SEC;
	return 0;
}

int nanosleep(const struct timespec *req, struct timespec *rem)
{
	uint64_t end;

	if (req->tv_sec < 0 || req->tv_nsec < 0 ||
	    (unsigned long)req->tv_nsec >= NSEC_PER_SEC) {
		errno = EINVAL;
		return -1;
	}
	/* Saturate: a huge tv_sec means "for ever", not a wrapped deadline. */
	if ((uint64_t)req->tv_sec >= (UINT64_MAX - ukplat_monotonic_ns()) /
				     NSEC_PER_SEC - 1)
		end = UINT64_MAX;
	else
		end = ukplat_monotonic_ns() + req->tv_sec * NSEC_PER_SEC +
		      req->tv_nsec;
#ifdef CONFIG_LIBUKSCHED
	uk_thread_sleep_until(end);	/* other threads run meanwhile */
#else
	ukplat_wait_until(end);
#endif
	if (rem)
		rem->tv_sec = rem->tv_nsec = 0;
	return 0;
}

time_t time(time_t *t)
{
	uint64_t wall = ukplat_wall_clock_boot_ns();	/* first, as above */
	time_t now = (wall + ukplat_monotonic_ns()) / NSEC_PER_SEC;

	if (t)
		*t = now;
	return now;
}

clock_t clock(void)
{
	return ukplat_monotonic_ns() / (NSEC_PER_SEC / CLOCKS_PER_SEC);
}
