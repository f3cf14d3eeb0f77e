/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * arm64 system registers, barriers and the generic counter. The constants
 * are safe to include from assembly.
 */
#ifndef __UK_ASM_CPU_H__
#define __UK_ASM_CPU_H__

#ifdef __ASSEMBLY__
#define _ARM64_UL(x)		x
#else
#define _ARM64_UL(x)		x##UL
#endif

/* SCTLR_EL1: MMU, data cache, SP alignment check, instruction cache,
 * writable implies never executable
 */
#define ARM64_SCTLR_M		(_ARM64_UL(1) << 0)
#define ARM64_SCTLR_C		(_ARM64_UL(1) << 2)
#define ARM64_SCTLR_SA		(_ARM64_UL(1) << 3)
#define ARM64_SCTLR_I		(_ARM64_UL(1) << 12)
#define ARM64_SCTLR_WXN		(_ARM64_UL(1) << 19)
/* Bits that are RES1 in ARMv8.0 (11, 20, 22, 23, 28, 29). */
#define ARM64_SCTLR_RES1	_ARM64_UL(0x30d00800)

/* CPACR_EL1: FP/SIMD not trapped at EL1 and EL0 */
#define ARM64_CPACR_FPEN	(_ARM64_UL(3) << 20)

/* HCR_EL2: EL1 runs AArch64 */
#define ARM64_HCR_RW		(_ARM64_UL(1) << 31)
/* CNTHCTL_EL2: EL1 may read the physical counter and timer */
#define ARM64_CNTHCTL_EL1PCEN	(_ARM64_UL(3) << 0)
/* CPTR_EL2: no FP trap (TFP clear), RES1 bits set */
#define ARM64_CPTR_EL2_RES1	_ARM64_UL(0x33ff)
/* SPSR: EL1 with SP_EL1, D, A, I, F masked */
#define ARM64_SPSR_EL1H_MASKED	_ARM64_UL(0x3c5)
/* ICC_SRE_EL2: system register GIC access, also for EL1 */
#define ARM64_ICC_SRE_EL2_INIT	_ARM64_UL(0xf)

/* ESR_ELx */
#define ARM64_ESR_EC(esr)	(((esr) >> 26) & 0x3f)
#define ARM64_EC_UNKNOWN	0x00
#define ARM64_EC_SVC64		0x15
#define ARM64_EC_IABT_LOWER	0x20
#define ARM64_EC_IABT_CUR	0x21
#define ARM64_EC_DABT_LOWER	0x24
#define ARM64_EC_DABT_CUR	0x25

/* CNTV_CTL_EL0: the virtual timer on, its interrupt masked */
#define ARM64_CNTV_CTL_ENABLE	(_ARM64_UL(1) << 0)
#define ARM64_CNTV_CTL_IMASK	(_ARM64_UL(1) << 1)

/* GICv3 CPU interface registers by encoding: no -march needed. */
#define ARM64_ICC_PMR_EL1	S3_0_C4_C6_0
#define ARM64_ICC_SRE_EL1	S3_0_C12_C12_5
#define ARM64_ICC_IGRPEN1_EL1	S3_0_C12_C12_7
#define ARM64_ICC_IAR1_EL1	S3_0_C12_C12_0
#define ARM64_ICC_EOIR1_EL1	S3_0_C12_C12_1
#define ARM64_ICC_SRE_EL2	S3_4_C12_C9_5

#ifndef __ASSEMBLY__
#include <stdint.h>

#define __ARM64_STR(x)		#x
#define ARM64_STR(x)		__ARM64_STR(x)

/* ukarch_read_sysreg(tcr_el1), ukarch_write_sysreg(tcr_el1, v) */
#define ukarch_read_sysreg(r)						\
	({								\
		uint64_t __v;						\
		__asm__ __volatile__("mrs %0, " ARM64_STR(r)		\
				     : "=r"(__v));			\
		__v;							\
	})
#define ukarch_write_sysreg(r, v)					\
	__asm__ __volatile__("msr " ARM64_STR(r) ", %0"		\
			     : : "r"((uint64_t)(v)) : "memory")

#define ukarch_isb()	__asm__ __volatile__("isb" : : : "memory")
#define ukarch_dsb(o)	__asm__ __volatile__("dsb " #o : : : "memory")

/* The virtual counter; the isb keeps it from being read early. */
static inline uint64_t ukarch_counter(void)
{
	ukarch_isb();
	return ukarch_read_sysreg(cntvct_el0);
}

static inline uint64_t ukarch_counter_hz(void)
{
	return ukarch_read_sysreg(cntfrq_el0) & 0xffffffff;
}

/* The thread pointer: TPIDR_EL0, as for Linux programs. */
static inline void ukarch_tp_set(uintptr_t tp)
{
	__asm__ __volatile__("msr tpidr_el0, %0" : : "r"(tp) : "memory");
}

static inline uintptr_t ukarch_tp_get(void)
{
	uintptr_t tp;

	__asm__ __volatile__("mrs %0, tpidr_el0" : "=r"(tp));
	return tp;
}

static inline void ukarch_irq_disable(void)
{
	__asm__ __volatile__("msr daifset, #0xf" : : : "memory");
}

/* IRQs only: FIQs are not used, SError and debug stay as they are. */
static inline void ukarch_irq_enable(void)
{
	__asm__ __volatile__("msr daifclr, #2" : : : "memory");
}

/* Masks IRQs; returns what ukarch_irq_restore() puts back. */
static inline unsigned long ukarch_irq_save(void)
{
	unsigned long fl;

	__asm__ __volatile__("mrs %0, daif\n\tmsr daifset, #2"
			     : "=r"(fl) : : "memory");
	return fl;
}

static inline void ukarch_irq_restore(unsigned long fl)
{
	__asm__ __volatile__("msr daif, %0" : : "r"(fl) : "memory");
}

static inline void ukarch_halt(void)
{
	__asm__ __volatile__("wfi" : : : "memory");
}

static inline void ukarch_pause(void)
{
	__asm__ __volatile__("yield" : : : "memory");
}

#endif /* !__ASSEMBLY__ */
#endif /* __UK_ASM_CPU_H__ */
