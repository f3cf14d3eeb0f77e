/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The command line becomes argv: argv[0] is the app's name, the rest come
 * from the boot command line. As on Unikraft, words before a lone "--" are
 * meant for the kernel and not passed to main().
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <uk/config.h>
#include <uk/argparse.h>
#include <uk/plat/bootinfo.h>
#include <uk/plat/lifecycle.h>
#include "boot.h"

#define MAXARGS CONFIG_LIBUKBOOT_MAXARGS
#define CMDLINE_MAX 4096

static char cmdline[CMDLINE_MAX];
static char *argv_buf[MAXARGS + 1];

int ukboot_args(char ***argvp)
{
	const char *src = ukplat_cmdline();
	char **argv = argv_buf;
	int argc, i;

	if (strlen(src) >= sizeof(cmdline)) {
		printf("ukboot: bad command line: longer than %d bytes\n",
		       CMDLINE_MAX - 1);
		ukplat_terminate(1);
	}
	if (uk_argparse_check(src) == -EINVAL) {
		printf("ukboot: bad command line: unterminated quote in: %s\n",
		       src);
		ukplat_terminate(1);
	}
	strcpy(cmdline, src);
	argc = uk_argparse(cmdline, argv + 1, MAXARGS - 1);
	for (i = 0; i < argc; i++) {
		if (strcmp(argv[i + 1], "--") == 0) {
			argv += i + 1;
			argc -= i + 1;
			break;
		}
	}
	argv[0] = UK_APPNAME;
	*argvp = argv;
	return argc + 1;
}
