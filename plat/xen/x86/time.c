/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Monotonic clock from Xen's pvclock (see uk/plat/common/x86/pvclock.h)
 * in the shared info page. The image's first instruction (its TSC kept
 * by the PVH entry) is time 0, converted once when the page is mapped.
 * TSC differences are signed: tsc_timestamp is in the guest's TSC, which
 * can have been "negative" when Xen stamped it (the guest TSC starts
 * near 0 when the domain starts).
 */
#include <uk/essentials.h>
#include <uk/asm/cpu.h>
#include <uk/plat/time.h>
#include <uk/plat/common/clock.h>
#include <uk/plat/common/x86/boot.h>
#include <uk/plat/common/x86/pvclock.h>
#include <xen/xen.h>
#include "hypervisor.h"

/* Xen's vcpu_time_info is the common pvclock layout. */
_Static_assert(sizeof(struct vcpu_time_info) == sizeof(struct x86_pvclock) &&
	       offsetof(struct vcpu_time_info, tsc_shift) ==
	       offsetof(struct x86_pvclock, tsc_shift),
	       "vcpu_time_info is not a pvclock");

int64_t xen_boot_ns;	/* Xen system time at our first instruction */
static uint64_t last_ns;

static int64_t scale(int64_t ticks, uint32_t mul, int8_t shift)
{
	uint64_t t = ticks < 0 ? 0 - (uint64_t)ticks : (uint64_t)ticks;

	t = shift < 0 ? t >> -shift : t << shift;
	t = plat_clock_scale(t, mul);
	return ticks < 0 ? -(int64_t)t : (int64_t)t;
}

static const volatile struct x86_pvclock *time_info(void)
{
	return (const volatile void *)&xen_shared->vcpu_info[0].time;
}

/* Xen system time at TSC value tsc, from a snapshot of the time info. */
static int64_t sys_time(const struct x86_pvclock *c, uint64_t tsc)
{
	return c->system_time + scale(tsc - c->tsc_timestamp,
				      c->tsc_to_system_mul, c->tsc_shift);
}

void xen_clock_init(void)
{
	struct x86_pvclock c;

	x86_pvclock_read(time_info(), &c);
	xen_boot_ns = sys_time(&c, x86_boot_tsc);
}

uint64_t ukplat_monotonic_ns(void)
{
	struct x86_pvclock c;
	uint64_t tsc, ns;

	if (unlikely(!xen_shared))
		return 0;
	tsc = x86_pvclock_read(time_info(), &c);
	ns = sys_time(&c, tsc) - xen_boot_ns;
	/* Updates of the time info may step back a little: never show it. */
	if (ns < last_ns)
		ns = last_ns;
	last_ns = ns;
	return ns;
}
