/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The wall clock on QEMU's x86 machines: the CMOS RTC where there is
 * one (it follows QEMU's -rtc option), else KVM's pvclock wall clock;
 * neither on microvm under TCG with rtc=off.
 */
#include <uk/plat/time.h>
#include <uk/plat/common/wallclock.h>
#include "kvm.h"

uint64_t plat_wall_clock_boot_ns(void)
{
	uint64_t mono, ns = kvm_rtc_ns();

	if (!ns)
		ns = kvm_pvclock_wall_ns();
	/* The monotonic clock is read after the wall clock, as near it as
	 * can be; the RTC's whole seconds make it up to 1 s behind anyway.
	 */
	mono = ukplat_monotonic_ns();
	return ns > mono ? ns - mono : 0;
}
