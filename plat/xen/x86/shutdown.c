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
#include <uk/plat/console.h>
#include <uk/plat/lifecycle.h>
#include <xen/xen.h>
#include <xen/sched.h>
#include "hypervisor.h"

static void print_status(int status)
{
	char b[32];
	unsigned int v = status < 0 ? 0u - status : (unsigned int)status;
	int i = sizeof(b);

	b[--i] = '\n';
	do
		b[--i] = '0' + v % 10;
	while (v /= 10);
	if (status < 0)
		b[--i] = '-';
	ukplat_console_write("kiln: exit code ", 16);
	ukplat_console_write(b + i, sizeof(b) - i);
}

void ukplat_terminate(int status)
{
	struct sched_shutdown sd;

	ukarch_irq_disable();
	if (status)
		print_status(status);
	xen_console_flush();
	if (status)
		sd.reason = SHUTDOWN_crash;
	else
		sd.reason = xen_dom0 ? SHUTDOWN_reboot : SHUTDOWN_poweroff;
	if (xen_ready)
		xen_hypercall2(__HYPERVISOR_sched_op, SCHEDOP_shutdown, &sd);
	for (;;)
		ukarch_halt();
}
