/* SPDX-License-Identifier: BSD-3-Clause */
/* Sleeping on the platform's one-shot timer, for every libc's sleeps. */
#include <uk/plat/time.h>

void ukplat_wait_until(uint64_t deadline_ns)
{
	/* The timer may wake the CPU early (another interrupt, a capped
	 * deadline): the clock decides.
	 */
	while (ukplat_monotonic_ns() < deadline_ns) {
		ukplat_timer_oneshot(deadline_ns);
		ukplat_idle();
	}
	ukplat_timer_oneshot(0);
}
