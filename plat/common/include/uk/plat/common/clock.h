/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Counter ticks to nanoseconds, for the clocks built on a free-running
 * counter: a 32.32 fixed-point multiplier, so a read costs one multiply
 * and no division.
 */
#ifndef __UK_PLAT_COMMON_CLOCK_H__
#define __UK_PLAT_COMMON_CLOCK_H__

#include <stdint.h>

#define NSEC_PER_SEC	1000000000ULL

/*
 * The furthest deadline a one-shot timer is armed for (~2.3 years):
 * "never" (UINT64_MAX) included, so that no conversion to counter ticks
 * or to a hypervisor's signed time wraps into the past. Sleepers loop
 * on the clock, so a capped timer only wakes them early.
 */
#define PLAT_DEADLINE_MAX	(1ULL << 56)

/*
 * Nanoseconds per tick of a counter at hz, 32.32 fixed point. hz 0 means
 * nothing knows the rate: ticks are then counted as nanoseconds.
 */
static inline uint64_t plat_clock_mult(uint64_t hz)
{
	return hz ? (NSEC_PER_SEC << 32) / hz : 1ULL << 32;
}

/* ticks * mult, mult 32.32 fixed point: 128 bits, so no overflow. */
static inline uint64_t plat_clock_scale(uint64_t ticks, uint64_t mult)
{
	return ((unsigned __int128)ticks * mult) >> 32;
}

#endif /* __UK_PLAT_COMMON_CLOCK_H__ */
