/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Preemption: how a scheduler takes the CPU back from a thread that
 * never gives it up. Interrupts reach running code only where it runs
 * with them enabled (threads, never system calls or the kernel, which
 * run masked; and ukplat_idle()). The platform's one-shot timer raises
 * them, and devices whose drivers registered a handler (below).
 *
 * After handling such an interrupt, the platform calls want(); when it
 * returns non-zero, the platform saves every register of the
 * interrupted thread (vector registers included) on the thread's own
 * stack and calls run() there, interrupts masked. run() may switch to
 * other threads; when it returns, the thread goes on where it was
 * interrupted. want() is also where a scheduler re-arms a timer that
 * fired early. Without a scheduler, interrupts only end ukplat_idle().
 * ukplat_preempt_set() also readies the platform for threads running
 * with interrupts enabled (e.g. masks legacy interrupt controllers).
 */
#ifndef __UK_PLAT_IRQ_H__
#define __UK_PLAT_IRQ_H__

#include <stdint.h>

void ukplat_preempt_set(int (*want)(void), void (*run)(void));

/*
 * Device interrupts. fn(arg) runs with interrupts masked, on the
 * platform's interrupt stack, before the preemption check above; it
 * may wake threads (uk_waitq_wake) and must not block. It must quiet
 * its device (acknowledge it) before returning: lines are taken as
 * level-triggered, active high, and end (EOI) right after fn.
 * Both return 0, or -1 when the platform cannot (no such line, no
 * controller, no room; Xen: never), and the driver then polls.
 */
typedef void (*ukplat_irq_fn)(void *arg);

/*
 * Routes interrupt line irq to fn(arg) and unmasks it. kvm-x86_64: a
 * GSI of the I/O APICs (ACPI's numbering; without ACPI the one at
 * 0xfec00000 from 0); arm64: a GIC SPI's interrupt ID (32 + n).
 */
int ukplat_irq_register(unsigned int irq, ukplat_irq_fn fn, void *arg);

/*
 * A message-signalled interrupt (x86 MSI, MSI-X) for fn(arg): the
 * address and data a device writes to raise it. kvm-x86_64 only.
 */
int ukplat_irq_msi(ukplat_irq_fn fn, void *arg, uint64_t *addr,
		   uint32_t *data);

#endif /* __UK_PLAT_IRQ_H__ */
