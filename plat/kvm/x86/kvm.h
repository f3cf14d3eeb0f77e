/* SPDX-License-Identifier: BSD-3-Clause */
/* Internal to the KVM platform. */
#ifndef __KVM_X86_KVM_H__
#define __KVM_X86_KVM_H__

/* QEMU's devices the run script adds: the status line goes to
 * isa-debugcon, then isa-debug-exit ends QEMU (shutdown.c, crash32.S).
 */
#define KVM_DEBUGCON_PORT	0xe9
#define KVM_DEBUG_EXIT_PORT	0xf4
/* What a crash writes to isa-debug-exit: QEMU exits with 255. */
#define KVM_DEBUG_EXIT_CRASH	0x7f

#ifndef __ASSEMBLY__
#include <stdint.h>

/* Asks ACPI for soft-off (S5); returns if there is no way to. */
void kvm_acpi_poweroff(void);
/* The FADT's CMOS index of the RTC's century, or 0 when none. */
unsigned int kvm_acpi_century(void);
/* The MADT's ith I/O APIC: its address and first GSI. 0, or -1. */
int kvm_acpi_ioapic(int i, uint64_t *addr, unsigned int *gsi_base);
/* Maps the I/O APICs' usual window (before paging init). */
void kvm_ioapic_map(void);
/* The CMOS RTC's time, nanoseconds since the epoch; 0 without one. */
uint64_t kvm_rtc_ns(void);
/* KVM's pvclock wall clock, nanoseconds since the epoch; 0 without. */
uint64_t kvm_pvclock_wall_ns(void);
#endif

#endif /* __KVM_X86_KVM_H__ */
