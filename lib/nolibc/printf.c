/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The printf engine: parses conversions and formats integers, characters
 * and strings itself; floating point is in printf_fp.c. Output goes to a
 * nolibc_sink so one engine serves the console and the string functions.
 */
#include <errno.h>
#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/types.h>

#include "format.h"

enum length {
	LEN_NONE, LEN_HH, LEN_H, LEN_L, LEN_LL, LEN_Z, LEN_J, LEN_T, LEN_BIG_L
};

/* Writes n bytes of p, or n copies of c when p is NULL. */
static void put(struct nolibc_sink *s, const char *p, char c, size_t n)
{
	size_t room;

	s->total += n;
	while (n) {
		if (s->pos == s->cap) {
			if (!s->flush)
				return;
			s->flush(s);
		}
		room = s->cap - s->pos;
		if (room > n)
			room = n;
		if (p) {
			memcpy(s->buf + s->pos, p, room);
			p += room;
		} else {
			memset(s->buf + s->pos, c, room);
		}
		s->pos += room;
		n -= room;
	}
}

void __nolibc_out(struct nolibc_sink *s, const char *p, size_t n)
{
	put(s, p, 0, n);
}

void __nolibc_fill(struct nolibc_sink *s, char c, long n)
{
	if (n > 0)
		put(s, NULL, c, n);
}

void __nolibc_field_begin(struct nolibc_sink *s,
			  const struct nolibc_spec *sp, size_t len,
			  const char *pre, size_t prelen)
{
	long pad = (long)sp->width - (long)len;

	if (!(sp->flags & (FMT_MINUS | FMT_ZERO)))
		__nolibc_fill(s, ' ', pad);
	put(s, pre, 0, prelen);
	if ((sp->flags & (FMT_MINUS | FMT_ZERO)) == FMT_ZERO)
		__nolibc_fill(s, '0', pad);
}

void __nolibc_field_end(struct nolibc_sink *s,
			const struct nolibc_spec *sp, size_t len)
{
	if (sp->flags & FMT_MINUS)
		__nolibc_fill(s, ' ', (long)sp->width - (long)len);
}

static void format_int(struct nolibc_sink *s, struct nolibc_spec *sp,
		       uintmax_t v, const char *pre, size_t prelen)
{
	const char *xdigits = sp->conv == 'X' ? "0123456789ABCDEF"
					      : "0123456789abcdef";
	char buf[24], *end = buf + sizeof(buf), *p = end;
	unsigned int shift = 0;
	size_t n, zeros, len;
	long prec = sp->prec;

	if (sp->conv == 'o')
		shift = 3;
	else if (sp->conv == 'x' || sp->conv == 'X' || sp->conv == 'p')
		shift = 4;
	/* Shifts for 8 and 16: a 64-bit division is slow on small CPUs. */
	while (v) {
		if (shift) {
			*--p = xdigits[v & ((1u << shift) - 1)];
			v >>= shift;
		} else {
			*--p = '0' + v % 10;
			v /= 10;
		}
	}
	n = end - p;
	if (prec < 0)
		prec = 1;
	else
		sp->flags &= ~FMT_ZERO;
	/* '#' with octal: the first digit is a 0, made by precision. */
	if (sp->conv == 'o' && (sp->flags & FMT_HASH) && (size_t)prec <= n)
		prec = n + 1;
	zeros = (size_t)prec > n ? (size_t)prec - n : 0;
	len = prelen + zeros + n;
	__nolibc_field_begin(s, sp, len, pre, prelen);
	__nolibc_fill(s, '0', zeros);
	put(s, p, 0, n);
	__nolibc_field_end(s, sp, len);
}

static void format_str(struct nolibc_sink *s, struct nolibc_spec *sp,
		       const char *str, size_t n)
{
	sp->flags &= ~FMT_ZERO;
	__nolibc_field_begin(s, sp, n, NULL, 0);
	put(s, str, 0, n);
	__nolibc_field_end(s, sp, n);
}

/* There is no locale to encode with: ASCII passes, the rest is '?'. */
static char narrow(wchar_t wc)
{
	return (unsigned int)wc < 0x80 ? (char)wc : '?';
}

/* %ls: one byte per wide character, so precision counts characters. */
static void format_wstr(struct nolibc_sink *s, struct nolibc_spec *sp,
			const wchar_t *ws)
{
	char chunk[32];
	size_t n = 0, i, k;

	while ((sp->prec < 0 || n < (size_t)sp->prec) && ws[n])
		n++;
	sp->flags &= ~FMT_ZERO;
	__nolibc_field_begin(s, sp, n, NULL, 0);
	for (i = 0; i < n; i += k) {
		for (k = 0; k < sizeof(chunk) && i + k < n; k++)
			chunk[k] = narrow(ws[i + k]);
		put(s, chunk, 0, k);
	}
	__nolibc_field_end(s, sp, n);
}

/*
 * Fetches an integer argument of the size the length modifier names, as
 * an unsigned 64-bit value sign- or zero-extended from that size.
 */
static uintmax_t arg_int(va_list *ap, enum length len, int is_signed)
{
	unsigned int bits = 64;
	uintmax_t v;

	switch (len) {
	case LEN_L:
		v = va_arg(*ap, unsigned long);
		break;
	case LEN_LL:
	case LEN_BIG_L:
		v = va_arg(*ap, unsigned long long);
		break;
	case LEN_Z:
		v = va_arg(*ap, size_t);
		break;
	case LEN_J:
		v = va_arg(*ap, uintmax_t);
		break;
	case LEN_T:
		v = va_arg(*ap, ptrdiff_t);
		break;
	default:	/* int, and what promotes to int */
		v = va_arg(*ap, unsigned int);
		bits = len == LEN_HH ? 8 : len == LEN_H ? 16 : 32;
	}
	bits = 64 - bits;
	if (is_signed)
		return (intmax_t)(v << bits) >> bits;
	return v << bits >> bits;
}

static void store_count(void *p, enum length len, size_t n)
{
	switch (len) {
	case LEN_HH:
		*(signed char *)p = n;
		break;
	case LEN_H:
		*(short *)p = n;
		break;
	case LEN_L:
	case LEN_Z:
	case LEN_T:
		*(long *)p = n;
		break;
	case LEN_LL:
	case LEN_J:
		*(long long *)p = n;
		break;
	default:
		*(int *)p = n;
	}
}

/* Reads a decimal field, saturating so a huge width cannot wrap. */
static int read_num(const char **fmt)
{
	int v = 0;

	while (**fmt >= '0' && **fmt <= '9') {
		if (v < INT_MAX / 10)
			v = v * 10 + (*(*fmt)++ - '0');
		else
			(*fmt)++, v = INT_MAX;
	}
	return v;
}

static enum length read_length(const char **fmt)
{
	const char *p = *fmt;
	enum length len = LEN_NONE;

	switch (*p++) {
	case 'h':
		len = LEN_H;
		if (*p == 'h')
			p++, len = LEN_HH;
		break;
	case 'l':
		len = LEN_L;
		if (*p == 'l')
			p++, len = LEN_LL;
		break;
	case 'z':
		len = LEN_Z;
		break;
	case 'j':
		len = LEN_J;
		break;
	case 't':
		len = LEN_T;
		break;
	case 'L':
	case 'q':
		len = LEN_BIG_L;
		break;
	default:
		p--;
	}
	*fmt = p;
	return len;
}

static const char *read_spec(const char *p, struct nolibc_spec *sp,
			     va_list *ap)
{
	sp->flags = 0;
	for (;; p++) {
		if (*p == '-')
			sp->flags |= FMT_MINUS;
		else if (*p == '+')
			sp->flags |= FMT_PLUS;
		else if (*p == ' ')
			sp->flags |= FMT_SPACE;
		else if (*p == '#')
			sp->flags |= FMT_HASH;
		else if (*p == '0')
			sp->flags |= FMT_ZERO;
		else if (*p != '\'')	/* grouping: none in the C locale */
			break;
	}
	if (*p == '*') {
		p++;
		sp->width = va_arg(*ap, int);
		if (sp->width < 0) {
			sp->flags |= FMT_MINUS;
			sp->width = sp->width == INT_MIN ? INT_MAX : -sp->width;
		}
	} else {
		sp->width = read_num(&p);
	}
	sp->prec = -1;
	if (*p == '.') {
		p++;
		if (*p == '*') {
			p++;
			sp->prec = va_arg(*ap, int);
			if (sp->prec < 0)
				sp->prec = -1;
		} else {
			sp->prec = read_num(&p);
		}
	}
	return p;
}

/* The conversions, grouped so that a class is a range of indices. */
static const char convs[] = "diouxXpcsn%fFeEgGaA";
enum { C_SIGNED = 0, C_UNSIGNED = 2, C_PTR = 6, C_CHAR, C_STR, C_COUNT,
       C_PERCENT, C_FLOAT };

static void convert(struct nolibc_sink *s, struct nolibc_spec *sp,
		    enum length len, int cls, va_list *ap)
{
	char pre[2];
	size_t prelen = 0;
	const char *str;
	uintmax_t u;
	void *ptr;
	char c;

	if (cls < C_PTR) {
		u = arg_int(ap, len, cls < C_UNSIGNED);
		if (cls < C_UNSIGNED) {
			if ((intmax_t)u < 0) {
				pre[prelen++] = '-';
				u = -u;
			} else if (sp->flags & FMT_PLUS) {
				pre[prelen++] = '+';
			} else if (sp->flags & FMT_SPACE) {
				pre[prelen++] = ' ';
			}
		} else if ((sp->flags & FMT_HASH) && cls > C_UNSIGNED + 1 &&
			   u) {
			pre[prelen++] = '0';	/* 0x or 0X */
			pre[prelen++] = sp->conv;
		}
		format_int(s, sp, u, pre, prelen);
	} else if (cls == C_PTR) {
		ptr = va_arg(*ap, void *);
		if (ptr)
			format_int(s, sp, (uintptr_t)ptr, "0x", 2);
		else
			format_str(s, sp, "(nil)", 5);
	} else if (cls == C_CHAR) {
		if (len == LEN_L)	/* %lc: the argument is a wint_t */
			c = narrow((wchar_t)va_arg(*ap, __WINT_TYPE__));
		else
			c = (char)va_arg(*ap, int);
		format_str(s, sp, &c, 1);
	} else if (cls == C_STR) {
		str = va_arg(*ap, const char *);
		if (str && len == LEN_L) {
			format_wstr(s, sp, (const wchar_t *)str);
			return;
		}
		if (!str)	/* as glibc: "(null)" only when it fits */
			str = sp->prec < 0 || sp->prec >= 6 ? "(null)" : "";
		format_str(s, sp, str,
			   sp->prec < 0 ? strlen(str) : strnlen(str, sp->prec));
	} else if (cls == C_COUNT) {
		store_count(va_arg(*ap, void *), len, s->total);
	} else if (cls == C_PERCENT) {
		put(s, "%", 0, 1);
	} else {
		/*
		 * long double is narrowed to double: exact for every value a
		 * double holds. %a (hexadecimal) is not supported: shown as %e.
		 */
		__nolibc_format_fp(s, sp, len == LEN_BIG_L ?
				   (double)va_arg(*ap, long double) :
				   va_arg(*ap, double));
	}
}

int __nolibc_vformat(struct nolibc_sink *s, const char *fmt, va_list ap0)
{
	struct nolibc_spec sp;
	const char *p, *start, *cls;
	enum length len;
	va_list ap;

	/* A copy we can pass by pointer: va_list may be an array type. */
	va_copy(ap, ap0);
	for (;;) {
		for (p = fmt; *p && *p != '%'; p++)
			;
		put(s, fmt, 0, p - fmt);
		if (!*p)
			break;
		start = p++;
		p = read_spec(p, &sp, &ap);
		len = read_length(&p);
		sp.conv = *p;
		cls = sp.conv ? strchr(convs, sp.conv) : NULL;
		if (!cls) {
			/* Unknown conversion: show it as written. */
			if (*p)
				p++;
			put(s, start, 0, p - start);
			fmt = p;
			continue;
		}
		convert(s, &sp, len, cls - convs, &ap);
		fmt = p + 1;
	}
	va_end(ap);
	if (s->total > INT_MAX) {
		errno = EOVERFLOW;
		return -1;
	}
	return (int)s->total;
}
