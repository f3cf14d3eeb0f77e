/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Preemption: how a scheduler takes the CPU back from a thread that
 * never gives it up. Interrupts reach running code only where it runs
 * with them enabled (threads, never system calls or the kernel, which
 * run masked), and only the platform's one-shot timer raises them.
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

void ukplat_preempt_set(int (*want)(void), void (*run)(void));

#endif /* __UK_PLAT_IRQ_H__ */
