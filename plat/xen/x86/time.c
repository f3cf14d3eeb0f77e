/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Monotonic clock from Xen's pvclock in the shared info page: Xen's
 * system time is system_time + the TSC ticks since tsc_timestamp, scaled
 * by tsc_to_system_mul (32.32 fixed point) after tsc_shift. The image's
 * first instruction (its TSC kept by the PVH entry) is time 0.
 * TSC differences are signed: tsc_timestamp is in the guest's TSC, which
 * can have been "negative" when Xen stamped it (the guest TSC starts
 * near 0 when the domain starts).
 */
#include <uk/essentials.h>
#include <uk/asm/cpu.h>
#include <uk/plat/time.h>
#include <uk/plat/common/x86/boot.h>
#include <xen/xen.h>
#include "hypervisor.h"

static int64_t boot_ns;	/* Xen system time at our first instruction */
static uint64_t last_ns;
static int boot_known;

static int64_t scale(int64_t ticks, uint32_t mul, int8_t shift)
{
	uint64_t t = ticks < 0 ? 0 - (uint64_t)ticks : (uint64_t)ticks;

	t = shift < 0 ? t >> -shift : t << shift;
	t = ((unsigned __int128)t * mul) >> 32;
	return ticks < 0 ? -(int64_t)t : (int64_t)t;
}

uint64_t ukplat_monotonic_ns(void)
{
	volatile struct vcpu_time_info *t;
	uint64_t tsc, stamp, sys, ns;
	uint32_t ver, mul;
	int8_t shift;

	if (unlikely(!xen_shared))
		return 0;
	t = &xen_shared->vcpu_info[0].time;
	/* Xen bumps version to odd while it updates the fields. */
	do {
		ver = t->version;
		__asm__ __volatile__("" : : : "memory");
		tsc = ukarch_rdtsc();
		stamp = t->tsc_timestamp;
		sys = t->system_time;
		mul = t->tsc_to_system_mul;
		shift = t->tsc_shift;
		__asm__ __volatile__("" : : : "memory");
	} while ((ver & 1) || ver != t->version);

	if (unlikely(!boot_known)) {
		boot_ns = sys + scale(x86_boot_tsc - stamp, mul, shift);
		boot_known = 1;
	}
	ns = sys + scale(tsc - stamp, mul, shift) - boot_ns;
	/* Updates of the time info may step back a little: never show it. */
	if (ns < last_ns)
		ns = last_ns;
	last_ns = ns;
	return ns;
}
