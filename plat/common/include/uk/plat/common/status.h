/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * How a guest's end is told to the host: one line, "kiln: exit code N"
 * (N = 0-255) or "kiln: crash", on a channel the host reads back
 * (support/scripts/run; docs/running.md has the statuses).
 */
#ifndef __UK_PLAT_COMMON_STATUS_H__
#define __UK_PLAT_COMMON_STATUS_H__

/* The line of a crash (also written by assembly code). */
#define PLAT_STATUS_CRASH_LINE	"kiln: crash\n"

#ifndef __ASSEMBLY__
#include <uk/plat/lifecycle.h>

/* Room for the longest line, its newline and a NUL. */
#define PLAT_STATUS_LINE_MAX	24

/*
 * The exit code for hosts that take a plain one (semihosting's exit)
 * when the guest crashed: a shell's code for SIGABRT, as the run
 * script's. It is also a valid exit status: only the line tells.
 */
#define PLAT_CRASH_EXIT_CODE	134

/* The exit status ukplat_terminate(status) reports, or -1 for a crash. */
static inline int plat_exit_code(int status)
{
	return status == UKPLAT_CRASH_STATUS ? -1 : status & 255;
}

/*
 * Writes the line for ukplat_terminate(status) to buf
 * (PLAT_STATUS_LINE_MAX bytes): newline-terminated, then a NUL.
 * Returns its length without the NUL.
 */
int plat_status_line(char *buf, int status);

#endif /* !__ASSEMBLY__ */
#endif /* __UK_PLAT_COMMON_STATUS_H__ */
