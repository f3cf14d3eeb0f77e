/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Time since boot; CLOCK_REALTIME and time() add the platform's wall
 * clock at boot (ukplat_wall_clock_boot_ns(): 0 on a machine without
 * one, where they count from 1970 at boot).
 */
#ifndef __NOLIBC_TIME_H__
#define __NOLIBC_TIME_H__

#include <stddef.h>
#include <sys/types.h>

#define CLOCKS_PER_SEC	1000000L

/* Linux's numbers; the REALTIME ones are the wall clock, the rest the
 * monotonic clock.
 */
#define CLOCK_REALTIME			0
#define CLOCK_MONOTONIC			1
#define CLOCK_PROCESS_CPUTIME_ID	2
#define CLOCK_THREAD_CPUTIME_ID		3
#define CLOCK_MONOTONIC_RAW		4
#define CLOCK_REALTIME_COARSE		5
#define CLOCK_MONOTONIC_COARSE		6
#define CLOCK_BOOTTIME			7

struct timespec {
	time_t tv_sec;
	long tv_nsec;
};

int clock_gettime(clockid_t clk, struct timespec *ts);
/* Busy-waits: there is no scheduler to sleep in yet. */
int nanosleep(const struct timespec *req, struct timespec *rem);
time_t time(time_t *t);
clock_t clock(void);

#endif /* __NOLIBC_TIME_H__ */
