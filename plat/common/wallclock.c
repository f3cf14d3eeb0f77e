/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The wall-clock time at boot, asked of the platform once, on first use
 * rather than at boot: reading an RTC costs VM exits (and up to 2 ms
 * of waiting for its update to end) that most apps never need.
 */
#include <uk/plat/time.h>
#include <uk/plat/common/wallclock.h>

uint64_t ukplat_wall_clock_boot_ns(void)
{
	static uint64_t boot_ns;
	static int known;

	if (!known) {
		boot_ns = plat_wall_clock_boot_ns();
		known = 1;
	}
	return boot_ns;
}
