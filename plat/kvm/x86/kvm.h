/* SPDX-License-Identifier: BSD-3-Clause */
/* Internal to the KVM platform. */
#ifndef __KVM_X86_KVM_H__
#define __KVM_X86_KVM_H__

/* Asks ACPI for soft-off (S5); returns if there is no way to. */
void kvm_acpi_poweroff(void);

#endif /* __KVM_X86_KVM_H__ */
