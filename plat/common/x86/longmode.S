/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * From 32-bit protected mode with paging off (what PVH and multiboot hand
 * over) to 64-bit long mode, shared by every x86 boot protocol. The
 * protocol's entry stub has stored the entry TSC and jumps here with
 *   %edi = its boot info pointer, %esi = address of its C parser.
 * Nothing here uses a stack: the protocols do not promise one.
 */
#include <uk/asm/cpu.h>
#include <uk/asm/paging.h>
#include <uk/plat/common/x86/desc.h>

/* RAM this far past the image is out of SeaBIOS's reach (see below). */
#define BSS_DIRTY_MARGIN	0x100000
#define BOOT_PTE	(X86_PTE_P | X86_PTE_W | X86_PTE_A | X86_PTE_D)
#define BOOT_CR0	(X86_CR0_PE | X86_CR0_MP | X86_CR0_ET | X86_CR0_NE | \
			 X86_CR0_WP | X86_CR0_PG)
#define BOOT_CR4	(X86_CR4_PAE | X86_CR4_OSFXSR | X86_CR4_OSXMMEXCPT)

	.section .text.boot32, "ax"
	.code32
	.globl x86_start32
x86_start32:
	/* The boot protocols leave DF undefined; C expects it clear. */
	cld
	/*
	 * .bss and the stacks come after what the loader copies: on a
	 * machine smaller than the image they are not RAM, and using them
	 * would die silently. The image's last word tells.
	 */
	movl	$_end - 4, %ecx
	movl	$1f, %ebp
	jmp	x86_ram_probe32
1:	jne	x86_boot_nomem32
	/*
	 * Loaders zero .bss (QEMU's PVH and multiboot, Xen), but on QEMU's
	 * pc SeaBIOS runs after a PVH image is loaded, with tables and
	 * scratch memory up to about 380 KiB below the top of RAM: when RAM
	 * ends less than BSS_DIRTY_MARGIN past the image, clear .bss again
	 * (the probe restores the word it wrote, loader data or not). Not
	 * always: under an emulating KVM it costs ~20 ms for 64 KiB.
	 */
	movl	$_end + BSS_DIRTY_MARGIN - 4, %ecx
	movl	$2f, %ebp
	jmp	x86_ram_probe32
2:	je	3f
	movl	%edi, %ebx		/* .bss is 16-byte aligned */
	movl	$__bss_start, %edi
	movl	$_ebss, %ecx
	subl	%edi, %ecx
	shrl	$2, %ecx
	xorl	%eax, %eax
	rep stosl
	movl	%ebx, %edi
3:
	/*
	 * Identity-map the low 4 GiB with 1 GiB pages, or the low 1 GiB
	 * with 2 MiB pages where there are none (QEMU's default TCG CPU):
	 * either reaches the image and the boot info. Writable and
	 * executable; x86_paging_init replaces them with tighter tables.
	 */
	movl	$x86_boot_pdpt + BOOT_PTE, x86_boot_pml4
	movl	$0x80000001, %eax
	cpuid
	movl	%edx, %ebp
	movl	%edx, x86_cpuid81_edx	/* CPUID is slow: keep it */
	testl	$X86_CPUID81_PAGE1GB, %edx
	jz	1f
	movl	$BOOT_PTE | X86_PTE_PS, x86_boot_pdpt
	movl	$BOOT_PTE | X86_PTE_PS | 0x40000000, x86_boot_pdpt + 8
	movl	$BOOT_PTE | X86_PTE_PS | 0x80000000, x86_boot_pdpt + 16
	movl	$BOOT_PTE | X86_PTE_PS | 0xc0000000, x86_boot_pdpt + 24
	jmp	4f
1:	movl	$x86_boot_pd + BOOT_PTE, x86_boot_pdpt
	movl	$BOOT_PTE | X86_PTE_PS, %eax
	movl	$-PAGE_SIZE, %ebx	/* counts up to the end of the PD */
3:	movl	%eax, x86_boot_pd + PAGE_SIZE(%ebx)
	addl	$X86_PAGE_2M, %eax
	addl	$8, %ebx
	jnz	3b
4:
	lgdt	x86_gdt_ptr
	/* CR0/CR4 also enable SSE here: one write each, as they are slow
	 * under a hypervisor. MXCSR is left at its reset value.
	 */
	movl	$BOOT_CR4, %eax
	movl	%eax, %cr4
	movl	$x86_boot_pml4, %eax
	movl	%eax, %cr3
	movl	$X86_MSR_EFER, %ecx
	rdmsr
	orl	$X86_EFER_LME, %eax
	testl	$X86_CPUID81_NX, %ebp
	jz	5f
	orl	$X86_EFER_NXE, %eax
5:	wrmsr
	movl	$BOOT_CR0, %eax
	movl	%eax, %cr0
	ljmp	$X86_GDT_CODE, $x86_start64

	.code64
x86_start64:
	movl	$X86_GDT_DATA, %eax
	movl	%eax, %ds
	movl	%eax, %es
	movl	%eax, %ss
	xorl	%eax, %eax
	movl	%eax, %fs
	movl	%eax, %gs
	fninit
	/* Upper register halves are undefined after the mode switch. */
	movl	%edi, %edi
	movl	%esi, %esi
	movq	$x86_stack_top, %rsp
	xorl	%ebp, %ebp		/* ends backtraces */
	call	x86_boot
	ud2

	.section .data.x86_boot, "aw"
	.balign 8
	.globl x86_boot_tsc
x86_boot_tsc:
	.quad	0

	.globl x86_cpuid81_edx
x86_cpuid81_edx:
	.long	0

	.globl x86_gdt
x86_gdt:
	.quad	0
	.quad	0x00af9a000000ffff	/* X86_GDT_CODE: 64-bit */
	.quad	0x00cf92000000ffff	/* X86_GDT_DATA: flat */
	.quad	0, 0			/* X86_GDT_TSS: filled in C */
x86_gdt_ptr:
	.word	X86_GDT_ENTRIES * 8 - 1
	.quad	x86_gdt

	.section .bss.x86_boot_pt, "aw", @nobits
	.balign PAGE_SIZE
	.globl x86_boot_pml4, x86_boot_pdpt, x86_boot_pd
x86_boot_pml4:
	.skip	PAGE_SIZE
x86_boot_pdpt:
	.skip	PAGE_SIZE
x86_boot_pd:		/* beyond 1 GiB: filled at shutdown */
	.skip	4 * PAGE_SIZE
