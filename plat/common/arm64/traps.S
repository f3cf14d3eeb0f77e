/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Exception vectors: 16 entries of 128 bytes (synchronous, IRQ, FIQ,
 * SError for each of: current EL on SP_EL0, current EL on SP_EL1, lower
 * EL AArch64, lower EL AArch32). Each builds the frame of struct __regs on
 * SP_EL1 and calls arm64_trap(frame, entry number), which reports and
 * terminates, or returns for the few exceptions it handles (the
 * semihosting probe); the frame is then restored.
 *
 * An svc from Kiln's own mode (EL1t: the synchronous entry 0) goes to
 * uk_syscall_entry, a library's system-call path, with every register as
 * the svc left it (SP_EL1 selected, ELR after the svc). The reference is
 * weak: without such a library the linker makes that branch go to the
 * next instruction (AArch64 ELF ABI, B to an undefined weak symbol), and
 * the svc is reported like any other exception.
 *
 * An IRQ while a thread runs (EL1t: entry 1; the kernel runs with IRQs
 * masked) is handled on the thread's own stack, vector registers saved
 * too: the scheduler may then switch threads from there (preemption,
 * uk/plat/irq.h), which the one exception stack could not survive.
 */
#include <uk/asm/cpu.h>
#include <uk/asm/regs.h>

/* arm64_irq_thread's frame: struct __regs, FPCR, FPSR, q0-q31. */
#define IRQ_FPCR	ARM64_REGS_SIZE
#define IRQ_Q0		(IRQ_FPCR + 16)
#define IRQ_FRAME	(IRQ_Q0 + 32 * 16)

	.macro	qpair op, a, b
	\op	q\a, q\b, [sp, #IRQ_Q0 + \a * 16]
	.endm

	.macro	qall op
	qpair	\op, 0, 1
	qpair	\op, 2, 3
	qpair	\op, 4, 5
	qpair	\op, 6, 7
	qpair	\op, 8, 9
	qpair	\op, 10, 11
	qpair	\op, 12, 13
	qpair	\op, 14, 15
	qpair	\op, 16, 17
	qpair	\op, 18, 19
	qpair	\op, 20, 21
	qpair	\op, 22, 23
	qpair	\op, 24, 25
	qpair	\op, 26, 27
	qpair	\op, 28, 29
	qpair	\op, 30, 31
	.endm

	.weak	uk_syscall_entry

	.macro	vector n
	.balign	128
	sub	sp, sp, #ARM64_REGS_SIZE
	stp	x0, x1, [sp]
	mov	x1, #\n
	b	arm64_trap_common
	.endm

	.section .text.arm64_vectors, "ax"
	.balign	2048
	.globl arm64_vectors
arm64_vectors:
	/* Synchronous, EL1t: the svc test is here so that a system call
	 * costs no frame. NZCV is free: SPSR_EL1 holds the caller's. */
	.balign	128
	stp	x0, x1, [sp, #-16]!
	mrs	x0, esr_el1
	ubfx	x0, x0, #26, #6
	cmp	x0, #ARM64_EC_SVC64
	ldp	x0, x1, [sp], #16
	b.ne	1f
	b	uk_syscall_entry	/* no library: the next instruction */
1:	sub	sp, sp, #ARM64_REGS_SIZE
	stp	x0, x1, [sp]
	mov	x1, #0
	b	arm64_trap_common

	/* IRQ, EL1t: AAPCS64 has no red zone, the thread's sp is free. */
	.balign	128
	msr	spsel, #0
	sub	sp, sp, #IRQ_FRAME
	stp	x0, x1, [sp]
	b	arm64_irq_thread

	.irp	n, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
	vector	\n
	.endr

	.macro	save_x2_x30
	stp	x2, x3, [sp, #16]
	stp	x4, x5, [sp, #32]
	stp	x6, x7, [sp, #48]
	stp	x8, x9, [sp, #64]
	stp	x10, x11, [sp, #80]
	stp	x12, x13, [sp, #96]
	stp	x14, x15, [sp, #112]
	stp	x16, x17, [sp, #128]
	stp	x18, x19, [sp, #144]
	stp	x20, x21, [sp, #160]
	stp	x22, x23, [sp, #176]
	stp	x24, x25, [sp, #192]
	stp	x26, x27, [sp, #208]
	stp	x28, x29, [sp, #224]
	str	x30, [sp, #240]
	.endm

	.macro	restore_x0_x30
	ldp	x0, x1, [sp]
	ldp	x2, x3, [sp, #16]
	ldp	x4, x5, [sp, #32]
	ldp	x6, x7, [sp, #48]
	ldp	x8, x9, [sp, #64]
	ldp	x10, x11, [sp, #80]
	ldp	x12, x13, [sp, #96]
	ldp	x14, x15, [sp, #112]
	ldp	x16, x17, [sp, #128]
	ldp	x18, x19, [sp, #144]
	ldp	x20, x21, [sp, #160]
	ldp	x22, x23, [sp, #176]
	ldp	x24, x25, [sp, #192]
	ldp	x26, x27, [sp, #208]
	ldp	x28, x29, [sp, #224]
	ldr	x30, [sp, #240]
	.endm

arm64_trap_common:
	save_x2_x30
	/* The interrupted stack: SP_EL0, or this one above the frame. */
	mrs	x2, spsr_el1
	mrs	x3, sp_el0
	add	x4, sp, #ARM64_REGS_SIZE
	tst	x2, #1			/* SPSR.M[0]: was on SP_ELx */
	csel	x3, x4, x3, ne
	mrs	x4, elr_el1
	mrs	x5, esr_el1
	mrs	x6, far_el1
	str	x3, [sp, #ARM64_REGS_SP]
	stp	x4, x2, [sp, #ARM64_REGS_ELR]
	stp	x5, x6, [sp, #ARM64_REGS_ESR]
	mov	x0, sp
	bl	arm64_trap

	ldp	x4, x2, [sp, #ARM64_REGS_ELR]
	msr	elr_el1, x4
	msr	spsr_el1, x2
	restore_x0_x30
	add	sp, sp, #ARM64_REGS_SIZE
	eret

	/* An IRQ in a thread: handled like any exception (arm64_trap takes
	 * the timer's, reports others), then perhaps preempted. ELR and
	 * SPSR live in the frame until the eret: other threads' exceptions
	 * use the registers meanwhile.
	 */
arm64_irq_thread:
	save_x2_x30
	mrs	x2, spsr_el1
	mrs	x4, elr_el1
	add	x3, sp, #IRQ_FRAME
	str	x3, [sp, #ARM64_REGS_SP]
	stp	x4, x2, [sp, #ARM64_REGS_ELR]
	stp	xzr, xzr, [sp, #ARM64_REGS_ESR]
	mrs	x9, fpcr
	mrs	x10, fpsr
	stp	x9, x10, [sp, #IRQ_FPCR]
	qall	stp
	mov	x0, sp
	mov	x1, #1
	bl	arm64_trap
	bl	plat_preempt_wanted
	cbz	w0, 1f
	bl	plat_preempt_run
1:	qall	ldp
	ldp	x9, x10, [sp, #IRQ_FPCR]
	msr	fpcr, x9
	msr	fpsr, x10
	ldp	x4, x2, [sp, #ARM64_REGS_ELR]
	msr	elr_el1, x4
	msr	spsr_el1, x2
	restore_x0_x30
	add	sp, sp, #IRQ_FRAME
	eret

	/* long arm64_semihost(op, arg): the HLT traps as undefined when
	 * QEMU runs without -semihosting; arm64_trap() then skips it and
	 * sets x0 to -1.
	 */
	.section .text.arm64_semihost, "ax"
	.globl arm64_semihost, arm64_semihost_hlt
	.type arm64_semihost, %function
arm64_semihost:
arm64_semihost_hlt:
	hlt	#0xf000
	ret
	.size arm64_semihost, . - arm64_semihost
