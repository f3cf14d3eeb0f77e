/* SPDX-License-Identifier: BSD-3-Clause */
/* The platform's device tree hook: the devices KVM drives on arm64. */
#include <uk/plat/common/arm64/boot.h>
#include "kvm.h"

void arm64_plat_probe(const struct fdt_node *n)
{
	kvm_console_probe(n);
	kvm_rtc_probe(n);
}
