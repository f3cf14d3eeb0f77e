/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The register state around one system call: tr_syscall() loads every
 * register from tr_before (x86: rax the number, rdi.. the arguments;
 * arm64: x8 the number, x0.. the arguments), executes the system-call
 * instruction and stores every register in tr_after. The offsets are
 * shared with the assembly, hence the numbers.
 */
#ifndef TRAP_H
#define TRAP_H

#define TR_GPR		0	/* x86: by hardware number; arm64: x0-x30 */
#define TR_FLAGS	256	/* x86 RFLAGS; arm64 NZCV */
#define TR_FPC		264	/* x86 MXCSR, x87 control word at +4; arm64 FPCR */
#define TR_FPS		272	/* arm64 FPSR */
#define TR_VEC		288	/* xmm0-15 / q0-31 */
#define TR_RED		800	/* x86: the 128 bytes below %rsp */
#define TR_SIZE		928

#define TR_STR_(x)	#x
#define TR_STR(x)	TR_STR_(x)

#ifndef __ASSEMBLY__
#include <stdint.h>

struct tr_regs {
	uint64_t gpr[32];
	uint64_t flags;
	uint64_t fpc;
	uint64_t fps;
	uint64_t pad;
	uint64_t vec[32][2];
	uint64_t red[16];
};
_Static_assert(__builtin_offsetof(struct tr_regs, flags) == TR_FLAGS, "");
_Static_assert(__builtin_offsetof(struct tr_regs, fpc) == TR_FPC, "");
_Static_assert(__builtin_offsetof(struct tr_regs, fps) == TR_FPS, "");
_Static_assert(__builtin_offsetof(struct tr_regs, vec) == TR_VEC, "");
_Static_assert(__builtin_offsetof(struct tr_regs, red) == TR_RED, "");
_Static_assert(sizeof(struct tr_regs) == TR_SIZE, "");

extern struct tr_regs tr_before, tr_after;
void tr_syscall(void);

/* The system call nr(a1, a2, a3) made with the stack pointer at sp. */
long tr_on_stack(long nr, long a1, long a2, long a3, void *sp);

/* Fill every vector register and the FP control with other values. */
void tr_clobber_fp(void);
#endif

#endif /* TRAP_H */
