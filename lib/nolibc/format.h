/* SPDX-License-Identifier: BSD-3-Clause */
/* The printf engine shared by the console, string and float formatters. */
#ifndef __NOLIBC_FORMAT_H__
#define __NOLIBC_FORMAT_H__

#include <stdarg.h>
#include <stddef.h>

/*
 * Where formatted bytes go: a buffer that is flushed when full (console)
 * or, without flush, a fixed buffer whose overflow is counted and dropped
 * (snprintf). total counts every byte produced, written or not.
 */
struct nolibc_sink {
	char *buf;
	size_t pos;
	size_t cap;
	size_t total;
	void (*flush)(struct nolibc_sink *s);
};

#define FMT_MINUS	0x01
#define FMT_PLUS	0x02
#define FMT_SPACE	0x04
#define FMT_HASH	0x08
#define FMT_ZERO	0x10

/* One parsed conversion: prec < 0 when none was given. */
struct nolibc_spec {
	unsigned int flags;
	int width;
	int prec;
	char conv;
};

void __nolibc_out(struct nolibc_sink *s, const char *p, size_t n);
void __nolibc_fill(struct nolibc_sink *s, char c, long n);

/* Padding around a field of len bytes that starts with prefix pre. */
void __nolibc_field_begin(struct nolibc_sink *s,
			  const struct nolibc_spec *sp, size_t len,
			  const char *pre, size_t prelen);
void __nolibc_field_end(struct nolibc_sink *s,
			const struct nolibc_spec *sp, size_t len);

void __nolibc_format_fp(struct nolibc_sink *s, const struct nolibc_spec *sp,
			double v);

/* Returns the byte count, or -1 (errno EOVERFLOW) past INT_MAX. */
int __nolibc_vformat(struct nolibc_sink *s, const char *fmt, va_list ap);

#endif /* __NOLIBC_FORMAT_H__ */
