/* SPDX-License-Identifier: BSD-3-Clause */
/* GDT selectors and interrupt stack (IST) numbers; usable from assembly. */
#ifndef __UK_PLAT_COMMON_X86_DESC_H__
#define __UK_PLAT_COMMON_X86_DESC_H__

#define X86_GDT_CODE	0x08	/* 64-bit code */
#define X86_GDT_DATA	0x10	/* flat data */
#define X86_GDT_TSS	0x18	/* 64-bit TSS, two slots */
#define X86_GDT_ENTRIES	5

/* Every vector runs on an IST stack, so interrupted code keeps its red
 * zone; the vectors that can nest into a running handler get their own.
 */
#define X86_IST_TRAP	1	/* exceptions and interrupts */
#define X86_IST_NMI	2
#define X86_IST_DF	3	/* double fault */
#define X86_IST_MC	4	/* machine check */
#define X86_IST_COUNT	4
#define X86_IST_SIZE	4096

#define X86_STACK_SIZE	65536	/* boot stack, where main() runs */

#endif /* __UK_PLAT_COMMON_X86_DESC_H__ */
