/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * What each platform supplies for ukplat_wall_clock_boot_ns(), which
 * asks it once (plat/common/wallclock.c).
 */
#ifndef __UK_PLAT_COMMON_WALLCLOCK_H__
#define __UK_PLAT_COMMON_WALLCLOCK_H__

#include <stdint.h>

/*
 * The wall-clock time, in nanoseconds since the Unix epoch, when
 * ukplat_monotonic_ns() read 0; 0 when the machine has no wall clock.
 */
uint64_t plat_wall_clock_boot_ns(void);

/* Seconds since the Unix epoch at a UTC date of year 1970 or later. */
static inline uint64_t plat_epoch_sec(unsigned int year, unsigned int mon,
				      unsigned int day, unsigned int h,
				      unsigned int m, unsigned int s)
{
	/* Days before each month's first in a common year */
	static const uint16_t before[12] = {
		0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334
	};
	unsigned int y = year - 1;
	uint64_t days;

	/* Leap days in the years before this one, less those before 1970 */
	days = 365ULL * (year - 1970) + y / 4 - y / 100 + y / 400 - 477;
	days += before[mon - 1] + day - 1;
	if (mon > 2 && !(year % 4) && (year % 100 || !(year % 400)))
		days++;
	return ((days * 24 + h) * 60 + m) * 60 + s;
}

#endif /* __UK_PLAT_COMMON_WALLCLOCK_H__ */
