/* SPDX-License-Identifier: BSD-3-Clause */
/* Internal to the KVM platform on arm64: its devices' probes. */
#ifndef __KVM_ARM64_KVM_H__
#define __KVM_ARM64_KVM_H__

#include <uk/plat/common/arm64/fdt.h>

/* Each notes its device when n is one, and maps its registers. */
void kvm_console_probe(const struct fdt_node *n);
void kvm_rtc_probe(const struct fdt_node *n);

#endif /* __KVM_ARM64_KVM_H__ */
