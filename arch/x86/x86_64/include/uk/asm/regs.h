/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Register frame an exception or interrupt stub builds on its stack:
 * general registers pushed by the stub (last pushed first), then the
 * vector and error code, then what the CPU pushed.
 */
#ifndef __UK_ASM_REGS_H__
#define __UK_ASM_REGS_H__

#include <stdint.h>

struct __regs {
	uint64_t r15, r14, r13, r12, r11, r10, r9, r8;
	uint64_t rbp, rdi, rsi, rdx, rcx, rbx, rax;
	uint64_t vector;
	uint64_t error;
	uint64_t rip, cs, rflags, rsp, ss;
};

#endif /* __UK_ASM_REGS_H__ */
