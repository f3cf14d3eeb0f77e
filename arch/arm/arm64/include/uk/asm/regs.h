/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Register frame the exception entry builds on the exception stack:
 * x0-x30, then the interrupted stack pointer and the exception registers.
 * Offsets are shared with the entry code; keep the size a multiple of 16.
 */
#ifndef __UK_ASM_REGS_H__
#define __UK_ASM_REGS_H__

#define ARM64_REGS_SP		248
#define ARM64_REGS_ELR		256
#define ARM64_REGS_SPSR		264
#define ARM64_REGS_ESR		272
#define ARM64_REGS_FAR		280
#define ARM64_REGS_SIZE		288

#ifndef __ASSEMBLY__
#include <stdint.h>

struct __regs {
	uint64_t x[31];		/* x29: frame pointer, x30: link register */
	uint64_t sp;
	uint64_t elr;
	uint64_t spsr;
	uint64_t esr;
	uint64_t far;
};

/* traps.S stores with these offsets, ELR/SPSR and ESR/FAR as pairs. */
#define __ARM64_REGS_AT(f, off)						\
	_Static_assert(__builtin_offsetof(struct __regs, f) == (off),	\
		       "struct __regs and " #off " disagree")
__ARM64_REGS_AT(sp, ARM64_REGS_SP);
__ARM64_REGS_AT(elr, ARM64_REGS_ELR);
__ARM64_REGS_AT(spsr, ARM64_REGS_SPSR);
__ARM64_REGS_AT(esr, ARM64_REGS_ESR);
__ARM64_REGS_AT(far, ARM64_REGS_FAR);
_Static_assert(sizeof(struct __regs) == ARM64_REGS_SIZE,
	       "struct __regs and ARM64_REGS_SIZE disagree");
#endif /* !__ASSEMBLY__ */

#endif /* __UK_ASM_REGS_H__ */
