/* SPDX-License-Identifier: BSD-3-Clause */
/* Reading ukimg's input files safely (input.c). */
#ifndef UKIMG_INPUT_H
#define UKIMG_INPUT_H

#include <stddef.h>

#define INPUT_ERR_MAX	256	/* bytes of err, its NUL included */
#define INPUT_NOFILE	-1	/* open failed: err is strerror's text */
#define INPUT_BAD	-2	/* not a regular file, too large, unreadable */

/*
 * Reads the regular file path, of at most max bytes, into a malloc'd
 * *bufp of *sizep bytes. Returns 0, or INPUT_NOFILE or INPUT_BAD with
 * why in err (one line, without the path).
 */
int input_read(const char *path, size_t max, unsigned char **bufp,
	       size_t *sizep, char *err);

#endif /* UKIMG_INPUT_H */
