/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The one-shot timer and idling on Xen: VCPUOP_set_singleshot_timer at
 * the deadline in Xen's system time raises VIRQ_TIMER (evtchn.c).
 * Idling is sti; hlt: for an HVM/PVH guest Xen's hlt is SCHEDOP_block,
 * and sti's one-instruction shadow lets no upcall in before it, so an
 * event that came first wakes it at once. A hypercall after sti would
 * leave that gap (the upcall taken, then a block with nothing to wake).
 */
#include <uk/essentials.h>
#include <uk/plat/time.h>
#include <uk/plat/common/clock.h>
#include <xen/xen.h>
#include <xen/vcpu.h>
#include "hypervisor.h"

static void periodic_off(void)
{
	static int done;

	if (done)
		return;
	done = 1;
	/* Xen may tick a vCPU on its own: no wakeups Kiln did not ask for */
	xen_hypercall(__HYPERVISOR_vcpu_op, VCPUOP_stop_periodic_timer, 0, 0);
}

void ukplat_timer_oneshot(uint64_t deadline_ns)
{
	struct vcpu_set_singleshot_timer t = { .flags = 0 };

	if (!xen_evtchn_init())
		return;
	periodic_off();
	if (!deadline_ns) {
		xen_hypercall(__HYPERVISOR_vcpu_op,
			      VCPUOP_stop_singleshot_timer, 0, 0);
		return;
	}
	/* No VCPU_SSHOTTMR_future: a deadline gone by fires at once. Xen's
	 * time is signed: "never" is capped, not wrapped into the past.
	 */
	t.timeout_abs_ns = MIN(deadline_ns, PLAT_DEADLINE_MAX) + xen_boot_ns;
	xen_hypercall(__HYPERVISOR_vcpu_op, VCPUOP_set_singleshot_timer, 0,
		      (unsigned long)&t);
}

void ukplat_idle(void)
{
	/* Without events nothing would wake us: callers loop on the clock */
	if (!xen_evtchn_init())
		return;
	__asm__ __volatile__("sti; hlt; cli" : : : "memory");
}
