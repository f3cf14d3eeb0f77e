/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Keeping the boot command line: copied, so the loader's memory is free.
 * A command line over the limit is never cut: the first
 * ukplat_cmdline() call says so in one line and ends the guest with
 * exit status 1 (at boot the console may not work yet).
 */
#ifndef __UK_PLAT_COMMON_CMDLINE_H__
#define __UK_PLAT_COMMON_CMDLINE_H__

#include <uk/plat/bootinfo.h>

#define PLAT_CMDLINE_MAX UKPLAT_CMDLINE_MAX

/* Copies s (NULL for none), dropping its first `skip` words. */
void plat_cmdline_set(const char *s, int skip);

/*
 * Lowers the limit to max bytes, where a loader cuts silently beyond
 * what it keeps (Xen's dom0); `what` names the limit in the refusal.
 */
void plat_cmdline_limit(unsigned int max, const char *what);

#endif /* __UK_PLAT_COMMON_CMDLINE_H__ */
