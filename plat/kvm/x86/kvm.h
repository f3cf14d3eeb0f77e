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

/* Asks ACPI for soft-off (S5); returns if there is no way to. */
void kvm_acpi_poweroff(void);
#endif

#endif /* __KVM_X86_KVM_H__ */
