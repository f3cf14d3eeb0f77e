/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * ukplat_terminate: SCHEDOP_shutdown. Xen passes no exit code to anyone,
 * so the status line ("kiln: exit code N" or "kiln: crash") goes to the
 * console first, where the host reads it back. Status 0 powers a domU
 * off; dom0 asks for a reboot instead, because Xen halts the machine
 * without powering it off when dom0 powers off, whereas QEMU's
 * -no-reboot turns the reboot into a prompt exit. Any other status and
 * a crash use the crash reason: a failure in xl's terms, and Xen's
 * "Hardware Dom0 crashed" lets the host end QEMU at once.
 */
#include <uk/essentials.h>
#include <uk/asm/cpu.h>
#include <uk/plat/lifecycle.h>
#include <uk/plat/common/crash.h>
#include <uk/plat/common/status.h>
#include <uk/plat/common/x86/boot.h>
#include <xen/xen.h>
#include <xen/sched.h>
#include "hypervisor.h"

static void xen_shutdown(unsigned int reason)
{
	struct sched_shutdown sd = { .reason = reason };

	if (xen_ready)
		xen_hypercall2(__HYPERVISOR_sched_op, SCHEDOP_shutdown, &sd);
}

void ukplat_terminate(int status)
{
	char line[PLAT_STATUS_LINE_MAX];

	ukarch_irq_disable();
	plat_status_line(line, status);
	crash_put(line);
	xen_console_flush();
	if (plat_exit_code(status))
		xen_shutdown(SHUTDOWN_crash);
	else
		xen_shutdown(xen_dom0 ? SHUTDOWN_reboot : SHUTDOWN_poweroff);
	for (;;)
		ukarch_halt();
}

/* Without a status line, the host takes Xen's "crashed" as a crash. */
void x86_crash_exit(void)
{
	xen_shutdown(SHUTDOWN_crash);
}
