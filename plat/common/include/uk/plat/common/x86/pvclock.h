/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The pvclock time info that KVM (MSR_KVM_SYSTEM_TIME_NEW) and Xen (in
 * the shared info page, as struct vcpu_time_info) keep up to date: the
 * hypervisor's system time is system_time plus the TSC ticks since
 * tsc_timestamp, shifted by tsc_shift, times tsc_to_system_mul (32.32
 * fixed point).
 */
#ifndef __UK_PLAT_COMMON_X86_PVCLOCK_H__
#define __UK_PLAT_COMMON_X86_PVCLOCK_H__

#include <stdint.h>
#include <uk/asm/cpu.h>

/* KVM's: CPUID leaves, the pvclock feature, its MSRs (physical address
 * of the time info, bit 0 enabling updates; of the wall clock below).
 */
#define KVM_CPUID_SIGNATURE	0x40000000
#define KVM_CPUID_FEATURES	0x40000001
#define KVM_FEATURE_CLOCKSOURCE2 (1 << 3)
#define MSR_KVM_WALL_CLOCK_NEW	0x4b564d00
#define MSR_KVM_SYSTEM_TIME_NEW	0x4b564d01

/* Whether CPUID leaf 0x40000000 (b, c, d) says "KVMKVMKVM". */
#define KVM_SIGNATURE(r) \
	((r)->b == 0x4b4d564b && (r)->c == 0x564b4d56 && (r)->d == 0x4d)

struct x86_pvclock {
	uint32_t version;
	uint32_t pad0;
	uint64_t tsc_timestamp;
	uint64_t system_time;
	uint32_t tsc_to_system_mul;
	int8_t tsc_shift;
	uint8_t flags;
	uint8_t pad[2];
};

/* The wall-clock time at the hypervisor's system time 0 (KVM's layout
 * of it; Xen's is in struct shared_info), version as above.
 */
struct x86_pvclock_wall {
	uint32_t version;
	uint32_t sec;
	uint32_t nsec;
};

/*
 * Copies a consistent snapshot of pv's time fields to snap and returns
 * the TSC read within it. The hypervisor makes version odd while it updates the rest.
 */
static inline uint64_t
x86_pvclock_read(const volatile struct x86_pvclock *pv,
		 struct x86_pvclock *snap)
{
	uint64_t tsc;
	uint32_t ver;

	do {
		ver = pv->version;
		__asm__ __volatile__("" : : : "memory");
		tsc = ukarch_rdtsc();
		snap->tsc_timestamp = pv->tsc_timestamp;
		snap->system_time = pv->system_time;
		snap->tsc_to_system_mul = pv->tsc_to_system_mul;
		snap->tsc_shift = pv->tsc_shift;
		__asm__ __volatile__("" : : : "memory");
	} while ((ver & 1) || ver != pv->version);
	return tsc;
}

#endif /* __UK_PLAT_COMMON_X86_PVCLOCK_H__ */
