/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * ukplat_terminate: first the status line on QEMU's isa-debugcon (port
 * 0xe9), which the run script has QEMU write to a file of its own: QEMU
 * cannot put a guest's line there when it fails itself, and the line
 * has room for every status and a crash. Then isa-debug-exit ends QEMU
 * (its exit code, status * 2 + 1 mod 256, is only a hint); without it,
 * ACPI power-off, else halt for good. Without the devices, the port
 * writes go nowhere, so any QEMU command line works.
 */
#include <uk/asm/cpu.h>
#include <uk/asm/io.h>
#include <uk/plat/lifecycle.h>
#include <uk/plat/common/status.h>
#include <uk/plat/common/x86/boot.h>
#include "kvm.h"

static void debugcon_write(const char *s)
{
	while (*s)
		outb(KVM_DEBUGCON_PORT, *s++);
}

void ukplat_terminate(int status)
{
	char line[PLAT_STATUS_LINE_MAX];
	int code = plat_exit_code(status);

	ukarch_irq_disable();
	plat_status_line(line, status);
	debugcon_write(line);
	outl(KVM_DEBUG_EXIT_PORT, code < 0 ? KVM_DEBUG_EXIT_CRASH : code);
	kvm_acpi_poweroff();
	for (;;)
		ukarch_halt();
}

/* ACPI is too much code to trust here: the two ports or nothing. */
void x86_crash_exit(void)
{
	debugcon_write(PLAT_STATUS_CRASH_LINE);
	outl(KVM_DEBUG_EXIT_PORT, KVM_DEBUG_EXIT_CRASH);
}
