/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * x86_64 control registers, MSRs, CPUID and TSC. The constants are safe to
 * include from assembly.
 */
#ifndef __UK_ASM_CPU_H__
#define __UK_ASM_CPU_H__

#define X86_CR0_PE		(1 << 0)
#define X86_CR0_MP		(1 << 1)
#define X86_CR0_ET		(1 << 4)
#define X86_CR0_NE		(1 << 5)
#define X86_CR0_WP		(1 << 16)
#define X86_CR0_PG		0x80000000

#define X86_CR4_PAE		(1 << 5)
#define X86_CR4_OSFXSR		(1 << 9)
#define X86_CR4_OSXMMEXCPT	(1 << 10)

#define X86_MSR_EFER		0xc0000080
#define X86_EFER_LME		(1 << 8)
#define X86_EFER_NXE		(1 << 11)
#define X86_EFER_SCE		(1 << 0)	/* syscall/sysret */
#define X86_MSR_STAR		0xc0000081	/* syscall's CS and SS */
#define X86_MSR_LSTAR		0xc0000082	/* syscall's entry point */
#define X86_MSR_SFMASK		0xc0000084	/* RFLAGS bits syscall clears */
#define X86_RFLAGS_TF		(1 << 8)	/* single step */
#define X86_RFLAGS_IF		(1 << 9)	/* interrupts */
#define X86_RFLAGS_DF		(1 << 10)	/* string direction */
#define X86_RFLAGS_AC		(1 << 18)	/* alignment check */
#define X86_MSR_FS_BASE		0xc0000100	/* the thread pointer */

/* CPUID 0x80000001 EDX */
#define X86_CPUID81_NX		(1 << 20)
#define X86_CPUID81_PAGE1GB	(1 << 26)
/* CPUID 1 ECX: running under a hypervisor */
#define X86_CPUID1_HYPERVISOR	0x80000000

#ifndef __ASSEMBLY__
#include <stdint.h>

struct ukarch_cpuid {
	uint32_t a, b, c, d;
};

static inline struct ukarch_cpuid ukarch_cpuid(uint32_t leaf, uint32_t sub)
{
	struct ukarch_cpuid r;

	__asm__ __volatile__("cpuid"
			     : "=a"(r.a), "=b"(r.b), "=c"(r.c), "=d"(r.d)
			     : "a"(leaf), "c"(sub));
	return r;
}

static inline uint64_t ukarch_rdtsc(void)
{
	uint32_t lo, hi;

	__asm__ __volatile__("rdtsc" : "=a"(lo), "=d"(hi));
	return ((uint64_t)hi << 32) | lo;
}

static inline void ukarch_wrmsr(uint32_t msr, uint64_t v)
{
	__asm__ __volatile__("wrmsr"
			     : : "c"(msr), "a"((uint32_t)v),
			       "d"((uint32_t)(v >> 32)) : "memory");
}

static inline uint64_t ukarch_rdmsr(uint32_t msr)
{
	uint32_t lo, hi;

	__asm__ __volatile__("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
	return ((uint64_t)hi << 32) | lo;
}

/* The thread pointer: %fs's base; %fs:0 holds the pointer itself. */
static inline void ukarch_tp_set(uintptr_t tp)
{
	ukarch_wrmsr(X86_MSR_FS_BASE, tp);
}

static inline uintptr_t ukarch_tp_get(void)
{
	return ukarch_rdmsr(X86_MSR_FS_BASE);
}

static inline uint64_t ukarch_read_cr2(void)
{
	uint64_t v;

	__asm__ __volatile__("mov %%cr2, %0" : "=r"(v));
	return v;
}

static inline uint64_t ukarch_read_cr3(void)
{
	uint64_t v;

	__asm__ __volatile__("mov %%cr3, %0" : "=r"(v));
	return v;
}

static inline void ukarch_write_cr3(uint64_t v)
{
	__asm__ __volatile__("mov %0, %%cr3" : : "r"(v) : "memory");
}

static inline void ukarch_irq_disable(void)
{
	__asm__ __volatile__("cli" : : : "memory");
}

static inline void ukarch_irq_enable(void)
{
	__asm__ __volatile__("sti" : : : "memory");
}

/* Masks interrupts; returns what ukarch_irq_restore() puts back. */
static inline unsigned long ukarch_irq_save(void)
{
	unsigned long fl;

	__asm__ __volatile__("pushfq; popq %0; cli" : "=r"(fl) : : "memory");
	return fl;
}

static inline void ukarch_irq_restore(unsigned long fl)
{
	if (fl & X86_RFLAGS_IF)
		__asm__ __volatile__("sti" : : : "memory");
}

static inline void ukarch_halt(void)
{
	__asm__ __volatile__("hlt" : : : "memory");
}

static inline void ukarch_pause(void)
{
	__asm__ __volatile__("pause" : : : "memory");
}

/*
 * TSC frequency from CPUID alone, 0 when the CPU does not say. CPUID is
 * a VM exit, so the caller passes the leaves it has already read: max is
 * leaf 0's EAX, hv_max leaf 0x40000000's EAX (0 without a hypervisor).
 * _hv: the hypervisor timing leaf 0x40000010, exact.
 * _crystal: leaf 0x15 when it names the crystal, exact.
 * _nominal: leaf 0x16's base frequency, close to but not exactly the TSC.
 */
uint64_t ukarch_tsc_hz_hv(uint32_t hv_max);
uint64_t ukarch_tsc_hz_crystal(uint32_t max);
uint64_t ukarch_tsc_hz_nominal(uint32_t max);

#endif /* !__ASSEMBLY__ */
#endif /* __UK_ASM_CPU_H__ */
