/* SPDX-License-Identifier: BSD-3-Clause */
/* TSC frequency as reported by CPUID; no measuring, so no boot delay. */
#include <uk/asm/cpu.h>

uint64_t ukarch_tsc_hz_hv(uint32_t hv_max)
{
	struct ukarch_cpuid r;

	/* Timing leaf of VMware's hypervisor interface, also offered by
	 * QEMU/KVM when the TSC rate is known: EAX = TSC kHz.
	 */
	if (hv_max < 0x40000010 || hv_max >= 0x40000100)
		return 0;
	r = ukarch_cpuid(0x40000010, 0);
	return (uint64_t)r.a * 1000;
}

uint64_t ukarch_tsc_hz_crystal(uint32_t max)
{
	struct ukarch_cpuid r;

	/* TSC = crystal * EBX / EAX, only if ECX names the crystal
	 * (guessing it per CPU model is not worth the code).
	 */
	if (max < 0x15)
		return 0;
	r = ukarch_cpuid(0x15, 0);
	if (!r.a || !r.b || !r.c)
		return 0;
	return (uint64_t)r.c * r.b / r.a;
}

uint64_t ukarch_tsc_hz_nominal(uint32_t max)
{
	if (max < 0x16)
		return 0;
	return (uint64_t)(ukarch_cpuid(0x16, 0).a & 0xffff) * 1000000;
}
