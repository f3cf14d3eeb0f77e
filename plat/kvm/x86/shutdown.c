/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * ukplat_terminate: QEMU's isa-debug-exit when present (QEMU exits with
 * status * 2 + 1), else ACPI power-off, else halt for good.
 */
#include <uk/asm/cpu.h>
#include <uk/asm/io.h>
#include <uk/plat/lifecycle.h>
#include <uk/plat/common/x86/boot.h>
#include "kvm.h"

#define KVM_DEBUG_EXIT_PORT 0xf4

void ukplat_terminate(int status)
{
	ukarch_irq_disable();
	outl(KVM_DEBUG_EXIT_PORT, status);
	kvm_acpi_poweroff();
	for (;;)
		ukarch_halt();
}

/* ACPI is too much code to trust here: isa-debug-exit or nothing. */
void x86_crash_exit(void)
{
	outl(KVM_DEBUG_EXIT_PORT, UKPLAT_CRASH_STATUS);
}
