/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The local APIC's one-shot timer, for platforms whose timer interrupt
 * is the APIC's own (KVM). x2APIC when the CPU has it, else xAPIC MMIO.
 */
#ifndef __UK_PLAT_COMMON_X86_LAPIC_H__
#define __UK_PLAT_COMMON_X86_LAPIC_H__

#include <stdint.h>

#define X86_LAPIC_TIMER_VECTOR	0xf0
#define X86_LAPIC_SPURIOUS	0xff
#define X86_PIC_VECTOR		0x20	/* the masked 8259s, 16 vectors */
#define X86_DEV_VECTOR		0x40	/* devices' (irq.c), 16 vectors */
#define X86_DEV_VECTORS		16

/* Maps the xAPIC page when there is no x2APIC: before paging init. */
void x86_lapic_map(void);
/*
 * Arms the timer for when ukplat_monotonic_ns() reaches deadline_ns (0
 * disarms), setting up the APIC on first use. 0 when there is no APIC.
 */
int x86_lapic_timer_arm(uint64_t deadline_ns);
/* Sets the APIC up if need be: 1 and its ID, or 0 when there is none. */
int x86_lapic_on(uint32_t *apic_id);
void x86_lapic_eoi(void);

/* The TSC's value when ukplat_monotonic_ns() reaches ns (clock.c). */
uint64_t x86_tsc_at(uint64_t ns);

#endif /* __UK_PLAT_COMMON_X86_LAPIC_H__ */
