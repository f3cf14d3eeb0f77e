/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Thread switch, arm64 (AAPCS64): x19-x30, the low halves of v8-v15
 * (d8-d15) and FPCR go on the stack, which is all a C caller expects to
 * survive a call. The other vector registers are caller-saved: the
 * system-call entry and preemption path save them where needed.
 */
#define SWITCH_FRAME	176

	.section .text.uksched_arch_switch, "ax"
	.globl	uksched_arch_switch
	.type	uksched_arch_switch, %function
/* void uksched_arch_switch(uintptr_t *prev_sp, uintptr_t next_sp) */
uksched_arch_switch:
	sub	sp, sp, #SWITCH_FRAME
	stp	x19, x20, [sp, #0]
	stp	x21, x22, [sp, #16]
	stp	x23, x24, [sp, #32]
	stp	x25, x26, [sp, #48]
	stp	x27, x28, [sp, #64]
	stp	x29, x30, [sp, #80]
	stp	d8, d9, [sp, #96]
	stp	d10, d11, [sp, #112]
	stp	d12, d13, [sp, #128]
	stp	d14, d15, [sp, #144]
	mrs	x2, fpcr
	str	x2, [sp, #160]
	mov	x2, sp
	str	x2, [x0]
	mov	sp, x1
	ldr	x2, [sp, #160]
	msr	fpcr, x2
	ldp	x19, x20, [sp, #0]
	ldp	x21, x22, [sp, #16]
	ldp	x23, x24, [sp, #32]
	ldp	x25, x26, [sp, #48]
	ldp	x27, x28, [sp, #64]
	ldp	x29, x30, [sp, #80]
	ldp	d8, d9, [sp, #96]
	ldp	d10, d11, [sp, #112]
	ldp	d12, d13, [sp, #128]
	ldp	d14, d15, [sp, #144]
	add	sp, sp, #SWITCH_FRAME
	ret
	.size	uksched_arch_switch, . - uksched_arch_switch

/* A new thread's first return lands here: x19 = entry, x20 = arg. */
	.globl	uksched_arch_start
	.type	uksched_arch_start, %function
uksched_arch_start:
	bl	uksched_thread_started
	mov	x0, x20
	blr	x19
	brk	#0
	.size	uksched_arch_start, . - uksched_arch_start
