/* SPDX-License-Identifier: BSD-3-Clause */
/* The one-shot timer and idle on KVM x86: the local APIC's timer. */
#include <uk/plat/time.h>
#include <uk/plat/common/x86/boot.h>
#include <uk/plat/common/x86/lapic.h>
#include "kvm.h"

static int have_timer;	/* set by the first arming */

void x86_paging_plat_add(void)
{
	x86_lapic_map();
	kvm_ioapic_map();
}

void ukplat_timer_oneshot(uint64_t deadline_ns)
{
	have_timer = x86_lapic_timer_arm(deadline_ns);
}

/*
 * sti takes effect after the next instruction: an interrupt pending
 * from before wakes the hlt rather than slipping in ahead of it. With
 * no APIC nothing would wake us: return, and the caller spins.
 */
void ukplat_idle(void)
{
	if (have_timer)
		__asm__ __volatile__("sti; hlt; cli" : : : "memory");
}
