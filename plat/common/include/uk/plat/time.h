/* SPDX-License-Identifier: BSD-3-Clause */
/* Monotonic platform clock. */
#ifndef __UK_PLAT_TIME_H__
#define __UK_PLAT_TIME_H__

#include <stdint.h>

/* Nanoseconds since the first instruction of the image. */
uint64_t ukplat_monotonic_ns(void);

/*
 * The wall-clock time when ukplat_monotonic_ns() read 0, in nanoseconds
 * since the Unix epoch; 0 where the platform has no wall clock.
 */
uint64_t ukplat_wall_clock_boot_ns(void);

#endif /* __UK_PLAT_TIME_H__ */
