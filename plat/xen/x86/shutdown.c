/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * ukplat_terminate: SCHEDOP_shutdown. Xen passes no exit code to anyone,
 * so a non-zero status is printed first ("kiln: exit code N", which the
 * host reads back) and reported as a crash. Status 0 powers a domU off;
 * dom0 asks for a reboot instead, because Xen halts the machine without
 * powering it off when dom0 powers off, whereas QEMU's -no-reboot turns
 * the reboot into a prompt exit.
 */
#include <uk/essentials.h>
#include <uk/asm/cpu.h>
#include <uk/plat/lifecycle.h>
#include <uk/plat/common/crash.h>
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

static void print_status(int status)
{
	crash_put("kiln: exit code ");
	if (status < 0)
		crash_put("-");
	crash_put_dec(status < 0 ? 0u - status : (unsigned int)status);
	crash_put("\n");
}

void ukplat_terminate(int status)
{
	ukarch_irq_disable();
	if (status)
		print_status(status);
	xen_console_flush();
	if (status)
		xen_shutdown(SHUTDOWN_crash);
	else
		xen_shutdown(xen_dom0 ? SHUTDOWN_reboot : SHUTDOWN_poweroff);
	for (;;)
		ukarch_halt();
}

/* Without "kiln: exit code", the host takes a crash as code 127. */
void x86_crash_exit(void)
{
	xen_shutdown(SHUTDOWN_crash);
}
