/* SPDX-License-Identifier: BSD-3-Clause */
/* Shell-like command line splitting; see uk/argparse.h for the rules. */
#include <errno.h>
#include <stddef.h>
#include <uk/argparse.h>

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/*
 * The scanner behind both calls. It writes the unquoted text to out (when
 * not NULL), which never overtakes in, so splitting in place is safe.
 * Returns the number of arguments; *open tells of an unclosed quote.
 */
static int scan(const char *in, char *out, char **argv, int maxargs,
		int *open)
{
	int argc = 0;
	char q, c;

	*open = 0;
	for (;;) {
		while (is_space(*in))
			in++;
		if (!*in)
			return argc;
		if (out && argc < maxargs)
			argv[argc] = out;
		argc++;
		q = 0;
		while (*in && (q || !is_space(*in))) {
			c = *in++;
			if (q == '\'') {
				if (c == '\'')
					q = 0;
				else if (out)
					*out++ = c;
			} else if (c == '\\' && *in &&
				   (!q || *in == '"' || *in == '\\')) {
				c = *in++;
				if (out)
					*out++ = c;
			} else if (c == '"' && q) {
				q = 0;
			} else if (!q && (c == '\'' || c == '"')) {
				q = c;
			} else if (out) {
				*out++ = c;
			}
		}
		*open |= q != 0;
		/* Step over the separator first: out may point at it. */
		if (*in)
			in++;
		if (out)
			*out++ = '\0';
	}
}

int uk_argparse(char *buf, char **argv, int maxargs)
{
	int open, argc;

	if (!buf || maxargs <= 0)
		return 0;
	argc = scan(buf, buf, argv, maxargs, &open);
	if (argc >= maxargs)
		return maxargs;
	argv[argc] = NULL;
	return argc;
}

int uk_argparse_check(const char *buf)
{
	int open, argc;

	if (!buf)
		return 0;
	argc = scan(buf, NULL, NULL, 0, &open);
	return open ? -EINVAL : argc;
}
