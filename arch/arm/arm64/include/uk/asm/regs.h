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

_Static_assert(sizeof(struct __regs) == ARM64_REGS_SIZE,
	       "struct __regs and ARM64_REGS_* disagree");
#endif /* !__ASSEMBLY__ */

#endif /* __UK_ASM_REGS_H__ */
