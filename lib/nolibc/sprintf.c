/* SPDX-License-Identifier: BSD-3-Clause */
/* Formatting into memory: the sink drops (but counts) what does not fit. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

#include "format.h"

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct nolibc_sink s = { buf, 0, size ? size - 1 : 0, 0, NULL };
	int ret;

	ret = __nolibc_vformat(&s, fmt, ap);
	if (size)
		buf[s.pos] = '\0';
	return ret;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int ret;

	va_start(ap, fmt);
	ret = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return ret;
}

/* The result cannot exceed INT_MAX bytes, so that bound is "unbounded". */
int vsprintf(char *buf, const char *fmt, va_list ap)
{
	return vsnprintf(buf, (size_t)INT_MAX + 1, fmt, ap);
}

int sprintf(char *buf, const char *fmt, ...)
{
	va_list ap;
	int ret;

	va_start(ap, fmt);
	ret = vsprintf(buf, fmt, ap);
	va_end(ap);
	return ret;
}

int vasprintf(char **strp, const char *fmt, va_list ap)
{
	va_list ap2;
	int n;

	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	*strp = NULL;
	if (n < 0)
		return -1;
	*strp = malloc((size_t)n + 1);
	if (!*strp)
		return -1;
	return vsnprintf(*strp, (size_t)n + 1, fmt, ap);
}

int asprintf(char **strp, const char *fmt, ...)
{
	va_list ap;
	int ret;

	va_start(ap, fmt);
	ret = vasprintf(strp, fmt, ap);
	va_end(ap);
	return ret;
}
