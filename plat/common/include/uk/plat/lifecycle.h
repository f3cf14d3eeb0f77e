/* SPDX-License-Identifier: BSD-3-Clause */
/* Ending the unikernel. */
#ifndef __UK_PLAT_LIFECYCLE_H__
#define __UK_PLAT_LIFECYCLE_H__

#include <stdint.h>
#include <uk/essentials.h>

/*
 * Status for fatal errors (exceptions, failed assertions, UK_CRASH, boot
 * panics). It lies outside 0-255, so the host can tell a crash from
 * every exit status an app can give.
 */
#define UKPLAT_CRASH_STATUS 256

/*
 * Stops the machine. status is an exit status, taken & 255 as on Linux
 * (exit() passes it so), or UKPLAT_CRASH_STATUS. The platform tells the
 * host which, where it can (docs/running.md).
 */
__noreturn void ukplat_terminate(int status);

/*
 * Who faulted, for crash reports: a scheduler registers fn, which fills
 * in the running thread and returns non-zero when fault_addr (CR2, FAR;
 * 0 when the fault has none) lies in that thread's stack guard page.
 */
struct ukplat_crash_thread {
	int id;
	const char *name;
};
void ukplat_crash_thread_set(int (*fn)(uint64_t fault_addr,
				       struct ukplat_crash_thread *t));

#endif /* __UK_PLAT_LIFECYCLE_H__ */
