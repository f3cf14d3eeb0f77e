/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The wall clock from the PL031 RTC the device tree names (QEMU virt
 * has one at 0x09010000, following QEMU's -rtc option): its data
 * register counts seconds since the epoch. Without one, there is no
 * wall clock.
 */
#include <uk/plat/time.h>
#include <uk/plat/common/arm64/boot.h>
#include <uk/plat/common/wallclock.h>
#include "kvm.h"

#define PL031_DR	0x00	/* data: seconds */

static uint64_t rtc;	/* 0: none found */

void kvm_rtc_probe(const struct fdt_node *n)
{
	uint64_t base, size;

	if (rtc || !fdt_compatible(n, "arm,pl031"))
		return;
	if (fdt_reg(n, 0, &base, &size) || !base)
		return;
	arm64_mmio_map(base, size);
	rtc = base;
}

uint64_t plat_wall_clock_boot_ns(void)
{
	uint64_t ns, mono;

	if (!rtc)
		return 0;
	ns = *(volatile uint32_t *)(rtc + PL031_DR) * 1000000000ULL;
	/* Read after the RTC: its whole seconds put it up to 1 s behind. */
	mono = ukplat_monotonic_ns();
	return ns > mono ? ns - mono : 0;
}
