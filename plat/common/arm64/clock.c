/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Monotonic clock from the generic timer's virtual counter, counted from
 * the image's first instruction. The rate is CNTFRQ_EL0, which firmware
 * (or QEMU) sets; the device tree's clock-frequency stands in when not.
 */
#include <uk/essentials.h>
#include <uk/asm/cpu.h>
#include <uk/plat/time.h>
#include <uk/plat/common/clock.h>
#include <uk/plat/common/arm64/boot.h>

/* The timer's interrupts are: secure, non-secure, virtual, hypervisor */
#define TIMER_PPI_VIRT	2
#define GIC_PPI_BASE	16
#define GIC_PPI_NR	16
#define GIC_TYPE_PPI	1	/* first cell of a GIC interrupt specifier */

unsigned int arm64_timer_irq = GIC_PPI_BASE + 11;	/* the usual one */
static uint64_t dt_hz, cnt_hz;
/* Nanoseconds per counter tick, 32.32 fixed point; 0 until first use. */
static uint64_t cnt_mult;

void arm64_timer_probe(const struct fdt_node *n)
{
	const uint32_t *irqs;
	uint32_t len, type, nr;

	if (!fdt_compatible(n, "arm,armv8-timer"))
		return;
	irqs = fdt_prop(n, "interrupts", &len);
	/* Three cells each: type, number, flags. Anything but a PPI would
	 * index past the GIC's per-CPU registers: then no timer interrupt.
	 */
	if (irqs && len >= 12 * (TIMER_PPI_VIRT + 1)) {
		type = fdt_cells(&irqs[3 * TIMER_PPI_VIRT], 1);
		nr = fdt_cells(&irqs[3 * TIMER_PPI_VIRT + 1], 1);
		if (type == GIC_TYPE_PPI && nr < GIC_PPI_NR)
			arm64_timer_irq = GIC_PPI_BASE + nr;
		else
			arm64_timer_irq = 0;
	}
	irqs = fdt_prop(n, "clock-frequency", &len);
	if (irqs && len == 4)
		dt_hz = fdt_cells(irqs, 1);
}

static void clock_init(void)
{
	uint64_t hz = ukarch_counter_hz();

	if (!hz)
		hz = dt_hz;
	cnt_hz = hz;
	cnt_mult = plat_clock_mult(hz);
}

uint64_t ukplat_monotonic_ns(void)
{
	uint64_t t = ukarch_counter() - arm64_boot_cnt;

	if (unlikely(!cnt_mult))
		clock_init();
	return plat_clock_scale(t, cnt_mult);
}

uint64_t arm64_clock_cnt(uint64_t ns)
{
	uint64_t sec, rem;

	ns = MIN(ns, PLAT_DEADLINE_MAX);	/* no wrap, at any counter rate */
	sec = ns / NSEC_PER_SEC;
	rem = ns % NSEC_PER_SEC;

	if (unlikely(!cnt_mult))
		clock_init();
	if (!cnt_hz)
		return arm64_boot_cnt + ns;
	/* Rounded up, plus one: the clock, which rounds down, has then
	 * reached ns when the counter does.
	 */
	return arm64_boot_cnt + sec * cnt_hz +
	       (rem * cnt_hz + NSEC_PER_SEC - 1) / NSEC_PER_SEC + 1;
}
