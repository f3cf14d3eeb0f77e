/* SPDX-License-Identifier: BSD-3-Clause */
/* The kernel's words of a command line; see uk/argparse.h. */
#include <string.h>
#include <uk/alloc.h>
#include <uk/argparse.h>

char **uk_argparse_kernel_words(const char *line, int *argc)
{
	size_t len = strlen(line) + 1;
	int n = uk_argparse_check(line), i;
	char **argv, *buf;

	*argc = 0;
	if (n < 0)
		return NULL;
	/* The array, then the text it points into: one block. */
	argv = uk_malloc(uk_alloc_get_default(), (n + 1) * sizeof(*argv) + len);
	if (!argv)
		return NULL;
	buf = (char *)(argv + n + 1);
	memcpy(buf, line, len);
	n = uk_argparse(buf, argv, n + 1);
	for (i = 0; i < n && strcmp(argv[i], "--"); i++)
		;
	argv[i] = NULL;
	*argc = i;
	return argv;
}
