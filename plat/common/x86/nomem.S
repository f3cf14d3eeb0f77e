/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A machine smaller than the image: x86_start32 found that the image's
 * last bytes (the stacks, past everything the loader copied) are not RAM,
 * e.g. QEMU -m 1100K, or a .bss larger than the machine. Nothing there
 * may be used, not even a stack, so this says so from registers alone:
 *
 *   Boot failed: not enough memory: N KiB of RAM, at least M KiB needed
 *
 * on COM1 (the KVM console; Xen gives dom0 the whole image, so it never
 * comes here), the same line plat_mem_need() prints later in the boot,
 * then jumps to the platform's x86_crash_exit32.
 *
 * RAM is told by writing a word and reading it back: a VM drops writes
 * outside RAM (with no cache to keep them), so they do not read back.
 */
#include <uk/asm/paging.h>

#define COM1		0x3f8
#define UART_LCR	3
#define UART_LSR	5
#define UART_LCR_8N1	0x03
#define UART_LSR_THRE	0x20

/* Writes %bl to COM1; uses %eax, %edx. */
.macro	putc
	movw	$COM1 + UART_LSR, %dx
9:	inb	%dx, %al
	testb	$UART_LSR_THRE, %al
	jz	9b
	movb	%bl, %al
	movw	$COM1, %dx
	outb	%al, %dx
.endm

	.section .text.boot32, "ax"
	.code32

/*
 * Jumped to with the address of a word in %ecx: jumps back to %ebp with
 * ZF set when the word reads back what was written to it (it is then
 * restored). Uses %eax.
 */
	.globl x86_ram_probe32
x86_ram_probe32:
	movl	(%ecx), %eax
	notl	%eax
	movl	%eax, (%ecx)
	cmpl	%eax, (%ecx)
	notl	%eax			/* flags kept for the caller */
	movl	%eax, (%ecx)
	jmp	*%ebp

	.globl x86_boot_nomem32
x86_boot_nomem32:
	/* RAM ends above the highest page whose last word is RAM (the
	 * last word: the first ones of the image are this code).
	 */
	movl	$_end - 1, %ebx
	andl	$~(PAGE_SIZE - 1), %ebx
1:	cmpl	$_text, %ebx
	jb	2f
	leal	PAGE_SIZE - 4(%ebx), %ecx
	movl	$3f, %ebp
	jmp	x86_ram_probe32
3:	je	2f
	subl	$PAGE_SIZE, %ebx
	jmp	1b
2:	leal	PAGE_SIZE(%ebx), %edi	/* the end of RAM */

	movw	$COM1 + UART_LCR, %dx
	movb	$UART_LCR_8N1, %al
	outb	%al, %dx
	movl	$nomem_text1, %esi
	movl	$5f, %ebp
	jmp	puts
5:	movl	%edi, %eax
	shrl	$10, %eax
	movl	$6f, %ebp
	jmp	putdec
6:	movl	$nomem_text2, %esi
	movl	$7f, %ebp
	jmp	puts
7:	movl	$_end + 1023, %eax
	shrl	$10, %eax
	movl	$8f, %ebp
	jmp	putdec
8:	movl	$nomem_text3, %esi
	movl	$x86_crash_exit32, %ebp

/* Writes the string at %esi to COM1, then jumps to %ebp. */
puts:
1:	movb	(%esi), %bl
	testb	%bl, %bl
	jz	2f
	putc
	incl	%esi
	jmp	1b
2:	jmp	*%ebp

/* Writes %eax in decimal to COM1, then jumps to %ebp. */
putdec:
	movl	%eax, %esi		/* what is left to write */
	movl	$1000000000, %ecx	/* the digit's weight */
	xorl	%edi, %edi		/* non-zero once a digit is out */
1:	movl	%esi, %eax
	xorl	%edx, %edx
	divl	%ecx
	movl	%edx, %esi
	orl	%eax, %edi
	jnz	2f
	cmpl	$1, %ecx		/* 0 is written as one digit */
	jne	3f
2:	leal	'0'(%eax), %ebx
	putc
3:	movl	%ecx, %eax
	xorl	%edx, %edx
	movl	$10, %ecx
	divl	%ecx
	movl	%eax, %ecx
	testl	%ecx, %ecx
	jnz	1b
	jmp	*%ebp

/* Platforms without a way out from here halt. */
	.weak x86_crash_exit32
x86_crash_exit32:
	cli
	hlt
	jmp	x86_crash_exit32

nomem_text1:
	.asciz	"Boot failed: not enough memory: "
nomem_text2:
	.asciz	" KiB of RAM, at least "
nomem_text3:
	.asciz	" KiB needed\r\n"
