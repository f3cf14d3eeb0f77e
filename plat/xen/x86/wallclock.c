/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Xen's wall clock, in the shared info page: the time at Xen's system
 * time 0 (wc_version odd while Xen updates it), moved to the image's
 * first instruction. Xen sets it from the machine's RTC at its boot;
 * a dom0 may correct it, and Kiln's never does.
 */
#include <uk/plat/common/wallclock.h>
#include <xen/xen.h>
#include "hypervisor.h"

uint64_t plat_wall_clock_boot_ns(void)
{
	const volatile struct shared_info *s = xen_shared;
	uint64_t sec, ns;
	uint32_t ver;

	if (!s)
		return 0;
	do {
		ver = s->wc_version;
		__asm__ __volatile__("" : : : "memory");
		sec = (uint64_t)s->xen_wc_sec_hi << 32 | s->wc_sec;
		ns = s->wc_nsec;
		__asm__ __volatile__("" : : : "memory");
	} while ((ver & 1) || ver != s->wc_version);
	if (!sec && !ns)
		return 0;	/* Xen knows no time */
	ns += sec * 1000000000ULL + xen_boot_ns;
	return ns;
}
