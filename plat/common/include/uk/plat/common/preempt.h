/* SPDX-License-Identifier: BSD-3-Clause */
/* For the interrupt stubs: whether, and then how, to preempt. */
#ifndef __UK_PLAT_COMMON_PREEMPT_H__
#define __UK_PLAT_COMMON_PREEMPT_H__

int plat_preempt_wanted(void);
void plat_preempt_run(void);
/* A platform's preparation for interrupts being enabled (weak: none). */
void plat_irq_prepare(void);

#endif /* __UK_PLAT_COMMON_PREEMPT_H__ */
