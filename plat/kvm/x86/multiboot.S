/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Multiboot (version 1) header and entry. The header uses the address
 * fields (flag 16), the only way QEMU loads an ELF64 through multiboot:
 * it then copies the file from _text to _edata as is and zeroes up to
 * _end, which the linker script keeps contiguous.
 */
#define MB_HEADER_MAGIC	0x1badb002
#define MB_BOOT_MAGIC	0x2badb002	/* %eax at entry */
/* Flags: memory map wanted, load addresses given. */
#define MB_FLAGS	((1 << 1) | (1 << 16))

	.section .multiboot_header, "a"
	.balign 4
kvm_mb_header:
	.long	MB_HEADER_MAGIC
	.long	MB_FLAGS
	.long	-(MB_HEADER_MAGIC + MB_FLAGS)
	.long	kvm_mb_header		/* header_addr */
	.long	_text			/* load_addr */
	.long	_edata			/* load_end_addr */
	.long	_end			/* bss_end_addr */
	.long	kvm_mb_entry		/* entry_addr */

	.section .text.boot32, "ax"
	.code32
kvm_mb_entry:
	movl	%eax, %esi
	rdtsc			/* time 0 of ukplat_monotonic_ns() */
	movl	%eax, x86_boot_tsc
	movl	%edx, x86_boot_tsc + 4
	xorl	%edi, %edi	/* no info unless the magic is right */
	cmpl	$MB_BOOT_MAGIC, %esi
	jne	1f
	movl	%ebx, %edi
1:	movl	$kvm_multiboot_parse, %esi
	jmp	x86_start32
