/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Event channels, as far as the timer needs them: VIRQ_TIMER bound to a
 * port, events delivered as an upcall on one IDT vector
 * (HVM_PARAM_CALLBACK_IRQ). The upcall only clears what is pending:
 * waking ukplat_idle() is all an event is for. Set up on first use.
 */
#include <uk/essentials.h>
#include <uk/plat/common/x86/boot.h>
#include <xen/xen.h>
#include <xen/event_channel.h>
#include <xen/hvm/hvm_op.h>
#include <xen/hvm/params.h>
#include "hypervisor.h"

#define XEN_UPCALL_VECTOR	0xf3

void xen_upcall_entry(void);	/* upcall.S */
void xen_upcall(void);

static int evtchn_state;	/* 0 not tried, 1 ready, -1 failed */

int xen_evtchn_init(void)
{
	struct evtchn_bind_virq bind = { .virq = VIRQ_TIMER, .vcpu = 0 };
	struct evtchn_unmask unmask;
	struct xen_hvm_param p = {
		.domid = DOMID_SELF,
		.index = HVM_PARAM_CALLBACK_IRQ,
		.value = (uint64_t)HVM_PARAM_CALLBACK_TYPE_VECTOR << 56 |
			 XEN_UPCALL_VECTOR,
	};

	if (evtchn_state)
		return evtchn_state > 0;
	evtchn_state = -1;
	if (!xen_shared ||
	    xen_hypercall2(__HYPERVISOR_event_channel_op, EVTCHNOP_bind_virq,
			   &bind))
		return 0;
	/* The gate first: the param may deliver at once (IF is clear). */
	x86_idt_set(XEN_UPCALL_VECTOR, xen_upcall_entry);
	if (xen_hypercall2(__HYPERVISOR_hvm_op, HVMOP_set_param, &p))
		return 0;
	xen_shared->vcpu_info[0].evtchn_upcall_mask = 0;
	unmask.port = bind.port;
	xen_hypercall2(__HYPERVISOR_event_channel_op, EVTCHNOP_unmask,
		       &unmask);
	evtchn_state = 1;
	return 1;
}

void xen_upcall(void)
{
	volatile struct vcpu_info *v = &xen_shared->vcpu_info[0];
	xen_ulong_t sel, pend;
	unsigned int i;

	/* Cleared first: while it is set, Xen raises the vector again. */
	v->evtchn_upcall_pending = 0;
	sel = __atomic_exchange_n(&v->evtchn_pending_sel, 0,
				  __ATOMIC_SEQ_CST);
	while (sel) {
		i = __builtin_ctzl(sel);
		sel &= sel - 1;
		pend = xen_shared->evtchn_pending[i] &
		       ~xen_shared->evtchn_mask[i];
		__atomic_fetch_and(&xen_shared->evtchn_pending[i], ~pend,
				   __ATOMIC_SEQ_CST);
	}
}
