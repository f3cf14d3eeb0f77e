/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Command line to argv, shell-like: arguments are separated by spaces,
 * tabs and newlines; '...' is literal; "..." is literal except for \" and
 * \\; outside quotes a backslash makes the next character literal.
 * Quoted and unquoted parts next to each other join into one argument:
 * a"b c"d is "ab cd", and "" is an empty argument.
 */
#ifndef __UK_ARGPARSE_H__
#define __UK_ARGPARSE_H__

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Split buf in place into at most maxargs arguments (the rest is dropped)
 * and return their number, argc; argv[argc] = NULL when argc < maxargs.
 * An unterminated quote runs to the end of the line (see below).
 */
int uk_argparse(char *buf, char **argv, int maxargs);

/*
 * Without changing buf: the number of arguments uk_argparse() would find
 * with unlimited room, or -EINVAL when a quote is not closed.
 */
int uk_argparse_check(const char *buf);

/*
 * The words of line meant for the kernel (those before a lone "--"; all
 * of them when there is none), split as uk_argparse() does, as a
 * NULL-terminated array in one block from the default allocator (one
 * uk_free() releases it); *argc is their number. NULL when memory is
 * short or a quote is not closed.
 */
char **uk_argparse_kernel_words(const char *line, int *argc);

#ifdef __cplusplus
}
#endif

#endif /* __UK_ARGPARSE_H__ */
