/* SPDX-License-Identifier: BSD-3-Clause */
/* Hand-over from the platform to the libraries. */
#ifndef __UK_PLAT_BOOTSTRAP_H__
#define __UK_PLAT_BOOTSTRAP_H__

#include <uk/essentials.h>

/* Called once by the platform when console, memory map, paging, traps
 * and clock are ready; implemented by ukboot. Interrupts are disabled.
 */
__noreturn void ukplat_entry(void);

#endif /* __UK_PLAT_BOOTSTRAP_H__ */
