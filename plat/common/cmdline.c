/* SPDX-License-Identifier: BSD-3-Clause */
/* The command line, copied out of the loader's memory at boot. */
#include <uk/plat/bootinfo.h>
#include <uk/plat/common/cmdline.h>

static char cmdline[PLAT_CMDLINE_MAX];

const char *ukplat_cmdline(void)
{
	return cmdline;
}

void plat_cmdline_set(const char *s, int skip)
{
	int i;

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
	for (i = 0; s[i] && i < PLAT_CMDLINE_MAX - 1; i++)
		cmdline[i] = s[i];
	cmdline[i] = '\0';
}
