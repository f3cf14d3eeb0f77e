/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The command line becomes argv: argv[0] is the app's name, the rest come
 * from the boot command line. As on Unikraft, words before a lone "--" are
 * meant for the kernel and not passed to main(); those of the form
 * NAME=VALUE become the environment, as Linux hands them to init (not
 * kiln.NAME=VALUE: Kiln's own settings). The virtio_mmio.device= words
 * QEMU's microvm appends at the end are dropped.
 * Nothing is ever cut: a command line over a limit ends the guest with
 * one line and status 1.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <uk/config.h>
#include <uk/argparse.h>
#include <uk/plat/bootinfo.h>
#include <uk/plat/lifecycle.h>
#include "boot.h"

/* Words on the command line, "--" and the kernel's included. */
#define MAXARGS CONFIG_LIBUKBOOT_MAXARGS

static char cmdline[UKPLAT_CMDLINE_MAX + 1];
/* argv[0], the arguments, the final NULL. */
static char *argv_buf[MAXARGS + 2];
static char *envp_buf[MAXARGS + 1];

/*
 * NAME=VALUE, NAME not empty: an environment variable; but not kiln.*=
 * words, which are Kiln's own settings (kiln.share=, lib/uk9pfs).
 */
static int is_assignment(const char *w)
{
	const char *eq = strchr(w, '=');

	return eq && eq != w && strncmp(w, "kiln.", 5);
}

int ukboot_args(char ***argvp, char ***envpp)
{
	char **envp = envp_buf;
	const char *src = ukplat_cmdline();
	char **argv = argv_buf;
	int argc, i;

	if (strlen(src) > UKPLAT_CMDLINE_MAX) {
		printf("ukboot: bad command line: longer than %d bytes\n",
		       UKPLAT_CMDLINE_MAX);
		ukplat_terminate(1);
	}
	argc = uk_argparse_check(src);
	if (argc == -EINVAL) {
		printf("ukboot: bad command line: unterminated quote in: %s\n",
		       src);
		ukplat_terminate(1);
	}
	if (argc > MAXARGS) {
		printf("ukboot: bad command line: %d arguments, more than %d (CONFIG_LIBUKBOOT_MAXARGS)\n",
		       argc, MAXARGS);
		ukplat_terminate(1);
	}
	strcpy(cmdline, src);
	argc = uk_argparse(cmdline, argv + 1, MAXARGS + 1);
	/*
	 * QEMU's microvm appends virtio_mmio.device=... words naming its
	 * virtio-mmio transports (lib/ukvirtio reads them): the kernel's,
	 * never the app's, though they come last.
	 */
	while (argc > 0 && !strncmp(argv[argc], "virtio_mmio.device=", 19))
		argv[argc--] = NULL;
	for (i = 0; i < argc; i++) {
		if (strcmp(argv[i + 1], "--") == 0) {
			for (; i > 0; i--, argv++, argc--)
				if (is_assignment(argv[1]))
					*envp++ = argv[1];
			argv++;
			argc--;
			break;
		}
	}
	*envp = NULL;
	argv[0] = UK_APPNAME;
	*argvp = argv;
	*envpp = envp_buf;
	return argc + 1;
}
