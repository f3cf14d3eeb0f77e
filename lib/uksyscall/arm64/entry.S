/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The svc's path, reached from the platform's exception vector (see
 * plat/common/arm64/traps.S) on SP_EL1 with every register as the svc
 * left it. Linux keeps every register but x0, vector registers, FPCR
 * and FPSR included (musl's svc names only x0 and memory as clobbered),
 * and the handlers are ordinary C that may use FP/SIMD: the general
 * registers and all of q0-q31 are saved around uk_syscall_frame(x8,
 * x0..x5, frame), in one frame that clone() copies for the new thread (which
 * leaves through uk_syscall_return too).
 *
 * The handler runs on the caller's stack (SP_EL0), as in Linux's process
 * context and as on x86_64: a signal handler run from a system call may
 * make system calls itself or longjmp out, and either leaves the state
 * an ordinary EL1t one. So ELR/SPSR are kept on that stack, not in the
 * registers, until the eret.
 */
#define FRAME_X1	0	/* x1..x18, in pairs */
#define FRAME_X30	144	/* x30, SPSR */
#define FRAME_FPCR	160	/* FPCR, FPSR */
#define FRAME_FP	176	/* frame record: x29, ELR (for backtraces) */
#define FRAME_X19	192	/* x19..x28: for clone() */
#define FRAME_Q0	272	/* q0..q31 */
#define FRAME_SIZE	(FRAME_Q0 + 32 * 16)

	.macro	qpair op, a, b
	\op	q\a, q\b, [sp, #FRAME_Q0 + \a * 16]
	.endm

	.section .text.uk_syscall_entry, "ax"
	.globl uk_syscall_entry
	.type uk_syscall_entry, %function
uk_syscall_entry:
	msr	spsel, #0
	sub	sp, sp, #FRAME_SIZE
	stp	x1, x2, [sp, #FRAME_X1]
	stp	x3, x4, [sp, #FRAME_X1 + 16]
	stp	x5, x6, [sp, #FRAME_X1 + 32]
	stp	x7, x8, [sp, #FRAME_X1 + 48]
	stp	x9, x10, [sp, #FRAME_X1 + 64]
	stp	x11, x12, [sp, #FRAME_X1 + 80]
	stp	x13, x14, [sp, #FRAME_X1 + 96]
	stp	x15, x16, [sp, #FRAME_X1 + 112]
	stp	x17, x18, [sp, #FRAME_X1 + 128]
	stp	x19, x20, [sp, #FRAME_X19]
	stp	x21, x22, [sp, #FRAME_X19 + 16]
	stp	x23, x24, [sp, #FRAME_X19 + 32]
	stp	x25, x26, [sp, #FRAME_X19 + 48]
	stp	x27, x28, [sp, #FRAME_X19 + 64]
	mrs	x9, spsr_el1
	stp	x30, x9, [sp, #FRAME_X30]
	mrs	x9, fpcr
	mrs	x10, fpsr
	stp	x9, x10, [sp, #FRAME_FPCR]
	mrs	x9, elr_el1
	stp	x29, x9, [sp, #FRAME_FP]
	add	x29, sp, #FRAME_FP
	qpair	stp, 0, 1
	qpair	stp, 2, 3
	qpair	stp, 4, 5
	qpair	stp, 6, 7
	qpair	stp, 8, 9
	qpair	stp, 10, 11
	qpair	stp, 12, 13
	qpair	stp, 14, 15
	qpair	stp, 16, 17
	qpair	stp, 18, 19
	qpair	stp, 20, 21
	qpair	stp, 22, 23
	qpair	stp, 24, 25
	qpair	stp, 26, 27
	qpair	stp, 28, 29
	qpair	stp, 30, 31

	/* uk_syscall_frame(nr, a1..a6, frame): Linux's number is in x8. */
	mov	x7, sp
	mov	x6, x5
	mov	x5, x4
	mov	x4, x3
	mov	x3, x2
	mov	x2, x1
	mov	x1, x0
	mov	x0, x8
	bl	uk_syscall_frame

	/* x0: the result; sp: the frame. */
	.globl	uk_syscall_return
uk_syscall_return:
	qpair	ldp, 0, 1
	qpair	ldp, 2, 3
	qpair	ldp, 4, 5
	qpair	ldp, 6, 7
	qpair	ldp, 8, 9
	qpair	ldp, 10, 11
	qpair	ldp, 12, 13
	qpair	ldp, 14, 15
	qpair	ldp, 16, 17
	qpair	ldp, 18, 19
	qpair	ldp, 20, 21
	qpair	ldp, 22, 23
	qpair	ldp, 24, 25
	qpair	ldp, 26, 27
	qpair	ldp, 28, 29
	qpair	ldp, 30, 31
	ldp	x29, x9, [sp, #FRAME_FP]
	msr	elr_el1, x9
	ldp	x9, x10, [sp, #FRAME_FPCR]
	msr	fpcr, x9
	msr	fpsr, x10
	ldp	x30, x9, [sp, #FRAME_X30]
	msr	spsr_el1, x9
	ldp	x1, x2, [sp, #FRAME_X1]
	ldp	x3, x4, [sp, #FRAME_X1 + 16]
	ldp	x5, x6, [sp, #FRAME_X1 + 32]
	ldp	x7, x8, [sp, #FRAME_X1 + 48]
	ldp	x9, x10, [sp, #FRAME_X1 + 64]
	ldp	x11, x12, [sp, #FRAME_X1 + 80]
	ldp	x13, x14, [sp, #FRAME_X1 + 96]
	ldp	x15, x16, [sp, #FRAME_X1 + 112]
	ldp	x17, x18, [sp, #FRAME_X1 + 128]
	ldp	x19, x20, [sp, #FRAME_X19]
	ldp	x21, x22, [sp, #FRAME_X19 + 16]
	ldp	x23, x24, [sp, #FRAME_X19 + 32]
	ldp	x25, x26, [sp, #FRAME_X19 + 48]
	ldp	x27, x28, [sp, #FRAME_X19 + 64]
	add	sp, sp, #FRAME_SIZE
	eret
	.size uk_syscall_entry, . - uk_syscall_entry

	/* A clone()d thread's first instructions: x0 = its copy of the
	 * frame, at the top of its stack.
	 */
	.globl	uk_syscall_child
	.type	uk_syscall_child, %function
uk_syscall_child:
	mov	sp, x0
	mov	x0, #0
	b	uk_syscall_return
	.size	uk_syscall_child, . - uk_syscall_child
