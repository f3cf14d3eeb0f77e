/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Monotonic clock from the TSC, counted from the image's first
 * instruction. The TSC rate is looked up on first use, not at boot, from
 * the cheapest source that knows it: CPUID, KVM's pvclock scale, CPUID's
 * nominal frequency, and as a last resort a few milliseconds of PIT.
 */
#include <uk/essentials.h>
#include <uk/asm/cpu.h>
#include <uk/asm/io.h>
#include <uk/plat/time.h>
#include <uk/plat/common/clock.h>
#include <uk/plat/common/x86/boot.h>
#include <uk/plat/common/x86/lapic.h>
#include <uk/plat/common/x86/pvclock.h>

#define PIT_HZ			1193182
#define PIT_CH0			0x40
#define PIT_CMD			0x43
#define PIT_TICKS		(PIT_HZ / 256)	/* about 4 ms */
#define PIT_POLLS		(1 << 18)	/* gives up when no PIT */

/* Nanoseconds per TSC tick, 32.32 fixed point; 0 until first use. */
static uint64_t tsc_mult;

/* KVM's own TSC to ns scale, the same fixed point as tsc_mult; hv is
 * the hypervisor's CPUID leaf 0x40000000.
 */
static uint64_t kvmclock_mult(const struct ukarch_cpuid *hv)
{
	static volatile struct x86_pvclock pv __aligned(32);
	struct x86_pvclock snap;

	if (!KVM_SIGNATURE(hv))
		return 0;
	if (!(ukarch_cpuid(KVM_CPUID_FEATURES, 0).a &
	      KVM_FEATURE_CLOCKSOURCE2))
		return 0;
	ukarch_wrmsr(MSR_KVM_SYSTEM_TIME_NEW, (uintptr_t)&pv | 1);
	x86_pvclock_read(&pv, &snap);
	ukarch_wrmsr(MSR_KVM_SYSTEM_TIME_NEW, 0);	/* stop updates */
	return snap.tsc_shift >= 0 ?
	       (uint64_t)snap.tsc_to_system_mul << snap.tsc_shift :
	       snap.tsc_to_system_mul >> -snap.tsc_shift;
}

static uint16_t pit_read(void)
{
	uint16_t lo;

	outb(PIT_CMD, 0x00);		/* latch channel 0 */
	lo = inb(PIT_CH0);
	return lo | inb(PIT_CH0) << 8;
}

/* Channel 0 rather than 2: its gate needs no speaker port (microvm). */
static uint64_t pit_tsc_hz(void)
{
	uint64_t t0, t1;
	uint16_t c0, n;
	long i;

	outb(PIT_CMD, 0x34);		/* channel 0, mode 2, lo/hi byte */
	outb(PIT_CH0, 0);
	outb(PIT_CH0, 0);		/* count 65536 */
	c0 = pit_read();
	t0 = ukarch_rdtsc();
	for (i = 0; i < PIT_POLLS; i++) {
		n = c0 - pit_read();
		if (n >= PIT_TICKS && n < 0x8000) {
			t1 = ukarch_rdtsc();
			return (t1 - t0) * PIT_HZ / n;
		}
	}
	return 0;
}

static void clock_init(void)
{
	/* CPUID exits to the hypervisor: each leaf read once, if needed. */
	struct ukarch_cpuid hv = { 0 };
	uint32_t max = 0;
	uint64_t hz;

	if (ukarch_cpuid(1, 0).c & X86_CPUID1_HYPERVISOR)
		hv = ukarch_cpuid(KVM_CPUID_SIGNATURE, 0);
	hz = ukarch_tsc_hz_hv(hv.a);
	if (!hz) {
		max = ukarch_cpuid(0, 0).a;
		hz = ukarch_tsc_hz_crystal(max);
	}
	if (!hz) {
		tsc_mult = kvmclock_mult(&hv);
		if (tsc_mult)
			return;
		hz = ukarch_tsc_hz_nominal(max);
	}
	if (!hz)
		hz = pit_tsc_hz();
	tsc_mult = plat_clock_mult(hz);
}

uint64_t ukplat_monotonic_ns(void)
{
	uint64_t t = ukarch_rdtsc() - x86_boot_tsc;

	if (unlikely(!tsc_mult))
		clock_init();
	return plat_clock_scale(t, tsc_mult);
}

/*
 * For the TSC-deadline timer: ticks per ns, 32.32 and rounded up, so
 * the deadline is never before ns (an early interrupt costs a wakeup).
 * ns is bounded (years) to keep the product in 64 bits.
 */
uint64_t x86_tsc_at(uint64_t ns)
{
	static uint64_t inv;

	if (unlikely(!inv)) {
		if (!tsc_mult)
			clock_init();
		inv = UINT64_MAX / tsc_mult + 1;
	}
	return x86_boot_tsc + plat_clock_scale(MIN(ns, PLAT_DEADLINE_MAX), inv) + 1;
}
