/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * KVM's pvclock wall clock: the host's time at KVM's system time 0,
 * plus the system time now, in nanoseconds. Under TCG there is no KVM,
 * and under KVM QEMU's microvm has no RTC: this is then the only clock.
 */
#include <uk/essentials.h>
#include <uk/asm/cpu.h>
#include <uk/plat/common/clock.h>
#include <uk/plat/common/x86/pvclock.h>
#include "kvm.h"

uint64_t kvm_pvclock_wall_ns(void)
{
	static volatile struct x86_pvclock pv __aligned(32);
	static volatile struct x86_pvclock_wall wc __aligned(16);
	struct x86_pvclock c;
	struct ukarch_cpuid hv;
	uint64_t tsc, t, sec, nsec;
	uint32_t ver;

	if (!(ukarch_cpuid(1, 0).c & X86_CPUID1_HYPERVISOR))
		return 0;
	hv = ukarch_cpuid(KVM_CPUID_SIGNATURE, 0);
	if (!KVM_SIGNATURE(&hv) || !(ukarch_cpuid(KVM_CPUID_FEATURES, 0).a &
				      KVM_FEATURE_CLOCKSOURCE2))
		return 0;
	/* KVM writes the wall clock once, when the MSR is written; the
	 * image is identity mapped, so addresses are physical ones.
	 */
	ukarch_wrmsr(MSR_KVM_WALL_CLOCK_NEW, (uintptr_t)&wc);
	do {
		ver = wc.version;
		__asm__ __volatile__("" : : : "memory");
		sec = wc.sec;
		nsec = wc.nsec;
		__asm__ __volatile__("" : : : "memory");
	} while ((ver & 1) || ver != wc.version);
	ukarch_wrmsr(MSR_KVM_SYSTEM_TIME_NEW, (uintptr_t)&pv | 1);
	tsc = x86_pvclock_read(&pv, &c);
	ukarch_wrmsr(MSR_KVM_SYSTEM_TIME_NEW, 0);	/* stop updates */
	t = tsc - c.tsc_timestamp;
	t = c.tsc_shift >= 0 ? t << c.tsc_shift : t >> -c.tsc_shift;
	return sec * 1000000000ULL + nsec + c.system_time +
	       plat_clock_scale(t, c.tsc_to_system_mul);
}
