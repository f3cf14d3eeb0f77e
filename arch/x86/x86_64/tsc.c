/* SPDX-License-Identifier: BSD-3-Clause */
/* TSC frequency as reported by CPUID; no measuring, so no boot delay. */
#include <uk/asm/cpu.h>

uint64_t ukarch_tsc_hz_exact(void)
{
	struct ukarch_cpuid r = ukarch_cpuid(1, 0);
	uint32_t max;

	/* Timing leaf of VMware's hypervisor interface, also offered by
	 * QEMU/KVM when the TSC rate is known: EAX = TSC kHz.
	 */
	if (r.c & X86_CPUID1_HYPERVISOR) {
		r = ukarch_cpuid(0x40000000, 0);
		if (r.a >= 0x40000010 && r.a < 0x40000100) {
			r = ukarch_cpuid(0x40000010, 0);
			if (r.a)
				return (uint64_t)r.a * 1000;
		}
	}

	/* Leaf 0x15: TSC = crystal * EBX / EAX, only if ECX names the
	 * crystal (guessing it per CPU model is not worth the code).
	 */
	max = ukarch_cpuid(0, 0).a;
	if (max >= 0x15) {
		r = ukarch_cpuid(0x15, 0);
		if (r.a && r.b && r.c)
			return (uint64_t)r.c * r.b / r.a;
	}
	return 0;
}

uint64_t ukarch_tsc_hz_nominal(void)
{
	if (ukarch_cpuid(0, 0).a < 0x16)
		return 0;
	return (uint64_t)(ukarch_cpuid(0x16, 0).a & 0xffff) * 1000000;
}
