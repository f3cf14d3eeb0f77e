/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The one-shot timer and idling: the generic timer's virtual timer
 * (CNTV_CVAL_EL0, a counter value to compare with) raises its PPI, which
 * the GIC passes on; arm64_gic_irq() disarms it. wfi runs with IRQs
 * still masked (a pending one wakes it all the same), then they are
 * unmasked for an instant so the IRQ is taken: an interrupt that came
 * before the wfi cannot leave it waiting for the next.
 */
#include <uk/essentials.h>
#include <uk/asm/cpu.h>
#include <uk/plat/time.h>
#include <uk/plat/common/arm64/boot.h>

void arm64_timer_disarm(void)
{
	ukarch_write_sysreg(cntv_ctl_el0, 0);
	ukarch_isb();
}

void ukplat_timer_oneshot(uint64_t deadline_ns)
{
	if (!deadline_ns) {
		arm64_timer_disarm();
		return;
	}
	ukarch_write_sysreg(cntv_cval_el0, arm64_clock_cnt(deadline_ns));
	ukarch_write_sysreg(cntv_ctl_el0, ARM64_CNTV_CTL_ENABLE);
	ukarch_isb();
}

void ukplat_idle(void)
{
	/* No interrupt can reach us: return, callers loop on the clock. */
	if (!arm64_gic_timer_ok())
		return;
	__asm__ __volatile__("dsb sy\n\t"
			     "wfi\n\t"
			     "msr daifclr, #2\n\t"
			     "isb\n\t"
			     "msr daifset, #2"
			     : : : "memory");
}
