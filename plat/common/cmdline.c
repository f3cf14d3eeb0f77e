/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The command line, copied out of the loader's memory at boot. One that
 * does not fit is kept as "too long" rather than cut, and refused when
 * first asked for, once the console works.
 */
#include <uk/plat/bootinfo.h>
#include <uk/plat/lifecycle.h>
#include <uk/plat/common/cmdline.h>
#include <uk/plat/common/crash.h>

static char cmdline[PLAT_CMDLINE_MAX + 1];
static unsigned int cmdline_len;
static unsigned int limit = PLAT_CMDLINE_MAX;	/* bytes accepted */
static const char *limit_name;			/* whose, or NULL */
static int too_long;

static void refuse(void)
{
	crash_put("kiln: bad command line: longer than ");
	crash_put_dec(limit);
	crash_put(" bytes");
	if (limit_name) {
		crash_put(", the limit for ");
		crash_put(limit_name);
	}
	crash_put("\n");
	ukplat_terminate(1);
}

const char *ukplat_cmdline(void)
{
	if (too_long)
		refuse();
	return cmdline;
}

void plat_cmdline_set(const char *s, int skip)
{
	unsigned int i;

	if (!s)
		return;
	for (; skip > 0; skip--) {
		while (*s == ' ')
			s++;
		while (*s && *s != ' ')
			s++;
	}
	while (*s == ' ')
		s++;
	/* Reads at most one byte past the limit: enough to tell. */
	for (i = 0; s[i] && i < PLAT_CMDLINE_MAX; i++)
		cmdline[i] = s[i];
	cmdline[i] = '\0';
	cmdline_len = i;
	too_long = s[i] != '\0';
}

void plat_cmdline_limit(unsigned int max, const char *what)
{
	if (max >= limit)
		return;
	limit = max;
	limit_name = what;
	if (cmdline_len > limit)
		too_long = 1;
}
