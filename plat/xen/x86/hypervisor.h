/* SPDX-License-Identifier: BSD-3-Clause */
/* Internal to the Xen platform: hypercalls and what setup found. */
#ifndef __XEN_X86_HYPERVISOR_H__
#define __XEN_X86_HYPERVISOR_H__

#include <stdint.h>
#include <xen/xen.h>

extern char xen_hypercall_page[];	/* hypercall.S */

extern int xen_ready;			/* the hypercall page is filled */
extern int xen_dom0;			/* we are the hardware domain */
extern struct shared_info *xen_shared;	/* NULL until mapped */

/*
 * Hypercall op with up to three arguments, through its stub in the
 * hypercall page. Xen may clobber every argument register (debug builds
 * do on purpose); rcx and r11 are the stub's scratch registers.
 * Always inlined: op must be a constant for the "i" constraint.
 */
static inline __attribute__((always_inline))
long xen_hypercall(unsigned int op, unsigned long a1, unsigned long a2,
		   unsigned long a3)
{
	register unsigned long r10 __asm__("r10");
	register unsigned long r8 __asm__("r8");
	long ret;

	__asm__ __volatile__("call xen_hypercall_page + %c[off]"
			     : "=a"(ret), "+D"(a1), "+S"(a2), "+d"(a3),
			       "=r"(r10), "=r"(r8)
			     : [off] "i"(op * 32)
			     : "rcx", "r11", "memory");
	return ret;
}

#define xen_hypercall2(op, a1, a2) \
	xen_hypercall(op, (unsigned long)(a1), (unsigned long)(a2), 0)

/* Looks up and maps the PV console ring of a domU (console.c). */
void xen_console_init(void);
/* Waits (a while) until the console backend has read all output. */
void xen_console_flush(void);

/* Binds VIRQ_TIMER and installs the upcall, once; 0 when impossible. */
int xen_evtchn_init(void);

/* Takes the time of the image's start from the mapped shared info. */
void xen_clock_init(void);
/* Xen's system time at the image's first instruction (time.c). */
extern int64_t xen_boot_ns;

#endif /* __XEN_X86_HYPERVISOR_H__ */
