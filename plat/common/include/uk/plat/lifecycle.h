/* SPDX-License-Identifier: BSD-3-Clause */
/* Ending the unikernel. */
#ifndef __UK_PLAT_LIFECYCLE_H__
#define __UK_PLAT_LIFECYCLE_H__

#include <uk/essentials.h>

/* Status reported for fatal errors (exceptions, failed assertions). */
#define UKPLAT_CRASH_STATUS 127

/* Stops the machine; status is the exit code for the host where the
 * platform can pass one (e.g. QEMU's isa-debug-exit: status * 2 + 1).
 */
__noreturn void ukplat_terminate(int status);

#endif /* __UK_PLAT_LIFECYCLE_H__ */
