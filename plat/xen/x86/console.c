/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Console. dom0 writes with the console_io hypercall straight to Xen's
 * own console (its serial line). Other domains may not: they fill the
 * PV console ring that the toolstack's xenconsoled drains, and kick it
 * through the ring's event channel.
 */
#include <uk/essentials.h>
#include <uk/asm/cpu.h>
#include <uk/asm/paging.h>
#include <uk/plat/console.h>
#include <uk/plat/common/x86/boot.h>
#include <xen/xen.h>
#include <xen/event_channel.h>
#include <xen/sched.h>
#include <xen/hvm/hvm_op.h>
#include <xen/hvm/params.h>
#include <xen/io/console.h>
#include "hypervisor.h"

#define FLUSH_YIELDS	1000	/* bounds the wait for a stuck backend */

static volatile struct xencons_interface *ring;
static evtchn_port_t ring_port;
static int ring_live;

static int hvm_param(uint32_t index, uint64_t *value)
{
	struct xen_hvm_param p = { .domid = DOMID_SELF, .index = index };
	int rc = xen_hypercall2(__HYPERVISOR_hvm_op, HVMOP_get_param, &p);

	*value = p.value;
	return rc;
}

void xen_console_init(void)
{
	uint64_t pfn, port;

	if (hvm_param(HVM_PARAM_CONSOLE_PFN, &pfn) || !pfn ||
	    hvm_param(HVM_PARAM_CONSOLE_EVTCHN, &port))
		return;
	/* The ring is a page outside the guest's RAM: have it mapped. */
	x86_paging_add(pfn << PAGE_SHIFT, PAGE_SIZE);
	ring = (void *)(uintptr_t)(pfn << PAGE_SHIFT);
	ring_port = port;
}

static void ring_kick(void)
{
	struct evtchn_send send = { .port = ring_port };

	xen_hypercall2(__HYPERVISOR_event_channel_op, EVTCHNOP_send, &send);
}

static void ring_yield(void)
{
	xen_hypercall2(__HYPERVISOR_sched_op, SCHEDOP_yield, 0);
}

/* Copies what fits, publishes it, kicks; yields while the ring is full. */
static void ring_write(const char *buf, size_t len)
{
	XENCONS_RING_IDX cons, prod = ring->out_prod;
	size_t i = 0;
	int cr = 0;

	while (i < len) {
		cons = ring->out_cons;
		__asm__ __volatile__("" : : : "memory");
		while (i < len && prod - cons < sizeof(ring->out)) {
			/* Terminals on the other end are raw: CR LF. */
			if (buf[i] == '\n' && !cr) {
				ring->out[MASK_XENCONS_IDX(prod++,
							   ring->out)] = '\r';
				cr = 1;
				continue;
			}
			ring->out[MASK_XENCONS_IDX(prod++, ring->out)] =
				buf[i++];
			cr = 0;
		}
		/* x86 keeps stores in order: the data lands before prod. */
		__asm__ __volatile__("" : : : "memory");
		ring->out_prod = prod;
		ring_kick();
		if (i < len)
			ring_yield();
	}
}

void xen_console_flush(void)
{
	int i;

	if (!ring_live)
		return;
	for (i = 0; i < FLUSH_YIELDS && ring->out_cons != ring->out_prod; i++)
		ring_yield();
}

void ukplat_console_write(const char *buf, size_t len)
{
	unsigned long fl;

	if (unlikely(!xen_ready))
		return;		/* nowhere to write to yet */
	if (xen_dom0) {
		xen_hypercall(__HYPERVISOR_console_io, CONSOLEIO_write, len,
			      (uintptr_t)buf);
		return;
	}
	/* Before the final page tables, the boot tables may not reach
	 * the ring (they map 1 GiB without 1 GiB pages).
	 */
	if (unlikely(!ring_live)) {
		if (!ring || !x86_paging_readable((uintptr_t)ring))
			return;
		ring_live = 1;
	}
	/* One writer at a time: a preempted write would interleave. */
	fl = ukarch_irq_save();
	ring_write(buf, len);
	ukarch_irq_restore(fl);
}
