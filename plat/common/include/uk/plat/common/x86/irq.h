/* SPDX-License-Identifier: BSD-3-Clause */
/* Device interrupt vectors (irq.c), for the I/O APIC code. */
#ifndef __UK_PLAT_COMMON_X86_IRQ_H__
#define __UK_PLAT_COMMON_X86_IRQ_H__

#include <stdint.h>
#include <uk/plat/irq.h>

/*
 * A vector of its own for fn(arg), and the APIC ID to deliver it to.
 * 0, or -1 when none is left or there is no APIC.
 */
int x86_irq_vector(ukplat_irq_fn fn, void *arg, unsigned int *vector,
		   uint32_t *apic_id);

#endif /* __UK_PLAT_COMMON_X86_IRQ_H__ */
