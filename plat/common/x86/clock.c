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
#include <uk/plat/common/x86/boot.h>

#define NSEC_PER_SEC		1000000000ULL

#define KVM_CPUID_SIGNATURE	0x40000000
#define KVM_CPUID_FEATURES	0x40000001
#define KVM_FEATURE_CLOCKSOURCE2 (1 << 3)
#define MSR_KVM_SYSTEM_TIME_NEW	0x4b564d01

#define PIT_HZ			1193182
#define PIT_CH0			0x40
#define PIT_CMD			0x43
#define PIT_TICKS		(PIT_HZ / 256)	/* about 4 ms */
#define PIT_POLLS		(1 << 18)	/* gives up when no PIT */

/* KVM's per-CPU time info (pvclock_vcpu_time_info). */
struct pvclock {
	uint32_t version;
	uint32_t pad0;
	uint64_t tsc_timestamp;
	uint64_t system_time;
	uint32_t tsc_to_system_mul;
	int8_t tsc_shift;
	uint8_t flags;
	uint8_t pad[2];
};

/* Nanoseconds per TSC tick, 32.32 fixed point; 0 until first use. */
static uint64_t tsc_mult;

/* KVM's own TSC to ns scale, the same fixed point as tsc_mult. */
static uint64_t kvmclock_mult(void)
{
	static volatile struct pvclock pv __aligned(32);
	struct ukarch_cpuid r = ukarch_cpuid(1, 0);
	uint32_t ver, mul;
	int shift;

	if (!(r.c & X86_CPUID1_HYPERVISOR))
		return 0;
	r = ukarch_cpuid(KVM_CPUID_SIGNATURE, 0);
	if (r.b != 0x4b4d564b || r.c != 0x564b4d56 || r.d != 0x4d)
		return 0;	/* not "KVMKVMKVM" */
	if (!(ukarch_cpuid(KVM_CPUID_FEATURES, 0).a &
	      KVM_FEATURE_CLOCKSOURCE2))
		return 0;
	ukarch_wrmsr(MSR_KVM_SYSTEM_TIME_NEW, (uintptr_t)&pv | 1);
	do {
		ver = pv.version;
		__asm__ __volatile__("" : : : "memory");
		mul = pv.tsc_to_system_mul;
		shift = pv.tsc_shift;
		__asm__ __volatile__("" : : : "memory");
	} while ((ver & 1) || ver != pv.version);
	ukarch_wrmsr(MSR_KVM_SYSTEM_TIME_NEW, 0);	/* stop updates */
	return shift >= 0 ? (uint64_t)mul << shift : mul >> -shift;
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
	uint64_t hz = ukarch_tsc_hz_exact();

	if (!hz) {
		tsc_mult = kvmclock_mult();
		if (tsc_mult)
			return;
		hz = ukarch_tsc_hz_nominal();
	}
	if (!hz)
		hz = pit_tsc_hz();
	if (!hz)
		hz = NSEC_PER_SEC;	/* nothing knows: count ticks */
	tsc_mult = (NSEC_PER_SEC << 32) / hz;
}

uint64_t ukplat_monotonic_ns(void)
{
	uint64_t t = ukarch_rdtsc() - x86_boot_tsc;

	if (unlikely(!tsc_mult))
		clock_init();
	return ((unsigned __int128)t * tsc_mult) >> 32;
}
