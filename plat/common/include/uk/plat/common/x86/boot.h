/* SPDX-License-Identifier: BSD-3-Clause */
/* Glue between the x86 boot protocol entries and the common boot path. */
#ifndef __UK_PLAT_COMMON_X86_BOOT_H__
#define __UK_PLAT_COMMON_X86_BOOT_H__

#include <stdint.h>
#include <uk/essentials.h>
#include <uk/asm/regs.h>

/* Parses a protocol's boot info (plat_mem_add, plat_cmdline_set, ...). */
typedef void (*x86_bootinfo_parser_t)(uint32_t info);

/* Reached in long mode on the boot stack from x86_start32. */
__noreturn void x86_boot(uint32_t info, x86_bootinfo_parser_t parse);

extern uint64_t x86_boot_tsc;		/* TSC at the first instruction */
extern uint64_t x86_boot_pml4[];	/* boot page tables (longmode.S) */
extern uint64_t x86_boot_pdpt[];
extern uint64_t x86_boot_pd[];
extern uint32_t x86_cpuid81_edx;	/* CPUID 0x80000001 EDX */
extern uint64_t x86_rsdp;		/* ACPI RSDP from the loader, or 0 */

/* Reports msg on the console and stops with UKPLAT_CRASH_STATUS. */
#include <uk/plat/common/crash.h>

void x86_traps_init(void);
/* Points IDT vector vec (32-255) at entry, an interrupt gate on the
 * trap IST stack: for the platform's own interrupts (the local APIC's
 * timer, Xen's upcall).
 */
void x86_idt_set(unsigned int vec, void (*entry)(void));
void x86_paging_init(void);
/*
 * Switches to the boot page tables, completed to an identity map of the
 * low 4 GiB (writable, executable, cached): for shutdown code that must
 * reach firmware tables and registers outside RAM.
 */
void x86_paging_boot_tables(void);
/* Whether [va, va + 8) can be read without faulting. */
int x86_paging_readable(uint64_t va);
/*
 * Also maps [base, base + len) like RAM (writable, not executable) but
 * keeps it out of the free list: pages outside RAM that a hypervisor
 * shares (e.g. Xen's console ring). Only before x86_paging_init().
 */
void x86_paging_add(uint64_t base, uint64_t len);
/*
 * The platform's ranges outside RAM (x86_paging_add), called just
 * before x86_paging_init(): KVM's xAPIC page. The default adds none.
 */
void x86_paging_plat_add(void);

/*
 * The platform's part of the PVH start info, called at the end of the
 * PVH parser: where a platform sets up its hypervisor interface (Xen).
 * The default does nothing.
 */
struct hvm_start_info;
void x86_pvh_plat_parse(const struct hvm_start_info *si);

/*
 * The platform's last resort when terminating faulted: ends the guest
 * with UKPLAT_CRASH_STATUS by its most direct means, printing nothing
 * and touching as little as possible. May return; the CPU then halts.
 */
void x86_crash_exit(void);

/* Called with the stub's frame; never returns. */
__noreturn void x86_trap(struct __regs *r);

#endif /* __UK_PLAT_COMMON_X86_BOOT_H__ */
