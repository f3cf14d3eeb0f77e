/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * arm64 entry: the Linux Image header (so QEMU's -kernel, U-Boot and Xen
 * load us and pass the device tree in x0), then the least that must be
 * done in assembly: EL2 to EL1, FP/SIMD on, exception vectors, stacks,
 * .bss cleared. The MMU is still off when arm64_boot() starts.
 *
 * Kiln runs at EL1 on SP_EL0 (EL1t); exceptions switch to SP_EL1, a
 * stack of their own, so a fault on a broken stack is still reported.
 */
#include <uk/asm/cpu.h>
#include <uk/plat/common/arm64/boot.h>

	.section .text.head, "ax"
	.globl _start
_start:
	b	arm64_entry		/* code0 */
	.long	0			/* code1 */
	.quad	ARM64_TEXT_OFFSET
	.quad	_kiln_image_size	/* from the linker script */
	.quad	ARM64_IMAGE_FLAGS
	/* res2 (0 in Linux): Kiln's raw Image length, from the linker
	 * script, so that `ukimg check` can tell a cut file. */
	.quad	_kiln_file_size
	.quad	0, 0			/* reserved */
	.ascii	"ARM\x64"		/* magic */
	.long	0			/* no PE/COFF header */

arm64_entry:
	mrs	x19, cntvct_el0		/* ukplat_monotonic_ns()'s 0 */
	mov	x20, x0			/* the device tree */
	msr	daifset, #0xf
	mrs	x1, CurrentEL
	cmp	x1, #(2 << 2)
	b.ne	1f

	/* EL2 (a loader that keeps it for a hypervisor): drop to EL1. */
	mov	x1, #ARM64_HCR_RW
	msr	hcr_el2, x1
	mov	x1, #ARM64_CNTHCTL_EL1PCEN
	msr	cnthctl_el2, x1
	msr	cntvoff_el2, xzr
	isb
	mrs	x19, cntvct_el0		/* again: the offset just changed */
	mov	x1, #ARM64_CPTR_EL2_RES1
	msr	cptr_el2, x1
	mrs	x1, id_aa64pfr0_el1
	ubfx	x1, x1, #24, #4		/* GIC system registers */
	cbz	x1, 2f
	mov	x1, #ARM64_ICC_SRE_EL2_INIT
	msr	ARM64_ICC_SRE_EL2, x1
2:	mov	x1, #ARM64_SPSR_EL1H_MASKED
	msr	spsr_el2, x1
	adr	x1, 1f
	msr	elr_el2, x1
	eret

1:	/* EL1: MMU and caches off, alignment unchecked, FP/SIMD on. */
	ldr	x1, =ARM64_SCTLR_RES1
	msr	sctlr_el1, x1
	mov	x1, #ARM64_CPACR_FPEN
	msr	cpacr_el1, x1
	adrp	x1, arm64_vectors
	add	x1, x1, :lo12:arm64_vectors
	msr	vbar_el1, x1
	isb

	adrp	x1, arm64_exc_stack_top
	add	sp, x1, :lo12:arm64_exc_stack_top
	adrp	x1, arm64_stack_top
	add	x1, x1, :lo12:arm64_stack_top
	msr	sp_el0, x1
	msr	spsel, #0

	/* With the MMU off every access is to Device memory: stores
	 * must be aligned, and .bss is 16-byte aligned for this loop.
	 */
	adrp	x1, __bss_start
	add	x1, x1, :lo12:__bss_start
	adrp	x2, _ebss
	add	x2, x2, :lo12:_ebss
3:	cmp	x1, x2
	b.hs	4f
	stp	xzr, xzr, [x1], #16
	b	3b
4:	adrp	x1, arm64_boot_cnt
	str	x19, [x1, :lo12:arm64_boot_cnt]

	mov	x0, x20
	mov	x29, #0			/* ends backtraces */
	mov	x30, #0
	bl	arm64_boot
	b	.
	.ltorg

	.section .data.arm64_boot, "aw"
	.balign 8
	.globl arm64_boot_cnt
arm64_boot_cnt:
	.quad	0

	/* Stacks need no zeroing: they live in .stack, after .bss. The
	 * page under each stays unmapped, so an overflow faults.
	 */
	.section .stack, "aw", %nobits
	.balign 4096
	.globl arm64_stack_guard, arm64_exc_stack_guard
arm64_stack_guard:
	.skip	4096
	.skip	ARM64_STACK_SIZE
arm64_stack_top:
arm64_exc_stack_guard:
	.skip	4096
	.skip	ARM64_EXC_STACK_SIZE
arm64_exc_stack_top:
