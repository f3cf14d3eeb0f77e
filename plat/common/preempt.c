/* SPDX-License-Identifier: BSD-3-Clause */
/* The scheduler's preemption hooks (uk/plat/irq.h), for the stubs;
 * the device-interrupt defaults for platforms that have none.
 */
#include <uk/essentials.h>
#include <uk/plat/irq.h>
#include <uk/plat/common/preempt.h>

static int (*want_fn)(void);
static void (*run_fn)(void);

/* Before threads run with interrupts on: nothing may raise one that
 * the platform does not handle (KVM x86: the 8259s' lines).
 */
__weak void plat_irq_prepare(void)
{
}

/* Platforms without device interrupts: drivers poll. */
__weak int ukplat_irq_register(unsigned int irq __maybe_unused,
			       ukplat_irq_fn fn __maybe_unused,
			       void *arg __maybe_unused)
{
	return -1;
}

__weak int ukplat_irq_msi(ukplat_irq_fn fn __maybe_unused,
			  void *arg __maybe_unused,
			  uint64_t *addr __maybe_unused,
			  uint32_t *data __maybe_unused)
{
	return -1;
}

void ukplat_preempt_set(int (*want)(void), void (*run)(void))
{
	plat_irq_prepare();
	want_fn = want;
	run_fn = run;
}

int plat_preempt_wanted(void)
{
	return want_fn && want_fn();
}

void plat_preempt_run(void)
{
	run_fn();
}
