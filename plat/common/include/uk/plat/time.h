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

/*
 * The one-shot timer and idling (interrupts stay masked outside
 * ukplat_idle(), so no code is ever interrupted):
 * ukplat_timer_oneshot(deadline) arms the platform's timer to raise an
 * interrupt when ukplat_monotonic_ns() reaches deadline (0 disarms; a
 * deadline already past fires at once). ukplat_idle() stops the CPU
 * until an interrupt arrives (x86 sti; hlt, arm64 wfi, Xen
 * SCHEDOP_block), handles it and returns with interrupts masked again.
 * It may return early (another interrupt): callers loop on the clock.
 */
void ukplat_timer_oneshot(uint64_t deadline_ns);
void ukplat_idle(void);

/* Returns once ukplat_monotonic_ns() reaches deadline, the CPU idle. */
void ukplat_wait_until(uint64_t deadline_ns);

#endif /* __UK_PLAT_TIME_H__ */
