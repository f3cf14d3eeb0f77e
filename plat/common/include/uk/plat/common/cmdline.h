/* SPDX-License-Identifier: BSD-3-Clause */
/* Keeping the boot command line: copied, so the loader's memory is free. */
#ifndef __UK_PLAT_COMMON_CMDLINE_H__
#define __UK_PLAT_COMMON_CMDLINE_H__

#define PLAT_CMDLINE_MAX 2048	/* bytes kept, with the final NUL */

/* Copies s (NULL for none), dropping its first `skip` words. */
void plat_cmdline_set(const char *s, int skip);

#endif /* __UK_PLAT_COMMON_CMDLINE_H__ */
