/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The platform's one-shot timer and idle: "sleep MS ..." waits MS
 * milliseconds with ukplat_timer_oneshot() + ukplat_idle() (never a
 * spin) and prints how long it took and how many times the CPU woke.
 * The host measures QEMU's CPU time around it: an idle guest costs
 * almost none.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uk/plat/time.h>

static void sleep_ms(unsigned long ms)
{
	uint64_t start = ukplat_monotonic_ns();
	uint64_t deadline = start + ms * 1000000ULL, now;
	unsigned long wakeups = 0;

	while ((now = ukplat_monotonic_ns()) < deadline) {
		ukplat_timer_oneshot(deadline);
		ukplat_idle();
		wakeups++;
	}
	printf("idle: slept %lu ms: %llu us, %lu wakeups\n", ms,
	       (unsigned long long)(now - start) / 1000, wakeups);
}

int main(int argc, char *argv[])
{
	int i;

	for (i = 1; i + 1 < argc; i += 2)
		if (strcmp(argv[i], "sleep") == 0)
			sleep_ms(strtoul(argv[i + 1], NULL, 10));
	return 0;
}
