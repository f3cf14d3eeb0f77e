/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * %f %e %g, exact. A double is m * 2^e; we compute the decimal integer
 * m * 2^e (e >= 0) or m * 5^-e (e < 0, the value being that times 10^e), so
 * every digit is exact and rounding is to nearest, ties to even, as glibc
 * does. No floating point operations; worst case (denormals) ~1.2 KiB of
 * stack and a few thousand multiplications.
 */
#include <stdint.h>
#include <string.h>

#include "format.h"

#define LIMB_BASE	1000000000u	/* 9 decimal digits per limb */
#define LIMB_DIGITS	9
/* 2^53 * 5^1074 has 767 digits (denormals); 2^1024 only 309. */
#define MAX_LIMBS	87

/* value = 0.d[0]d[1]...d[n-1] * 10^point; no trailing zeros in d. */
struct decimal {
	char d[MAX_LIMBS * LIMB_DIGITS];
	int n;
	int point;
};

static int mul_small(uint32_t *l, int n, uint32_t f)
{
	uint64_t carry = 0, t;
	int i;

	for (i = 0; i < n; i++) {
		t = (uint64_t)l[i] * f + carry;
		l[i] = t % LIMB_BASE;
		carry = t / LIMB_BASE;
	}
	for (; carry; carry /= LIMB_BASE)
		l[n++] = carry % LIMB_BASE;
	return n;
}

static void to_decimal(uint64_t bits, struct decimal *dc)
{
	uint32_t l[MAX_LIMBS];
	int e = (bits >> 52) & 0x7ff, n = 0, dexp = 0, i, j;
	uint64_t m = bits & ((1ull << 52) - 1);
	uint32_t f;
	char *p;

	if (e) {
		m |= 1ull << 52;
		e -= 1075;
	} else {
		e = -1074;
	}
	if (!m) {
		dc->n = 0;
		dc->point = 1;	/* zero prints as 0e+00 */
		return;
	}
	/* Fewer multiplications: drop binary zeros the exponent can absorb */
	for (; !(m & 1) && e < 0; e++)
		m >>= 1;
	for (; m; m /= LIMB_BASE)
		l[n++] = m % LIMB_BASE;
	if (e >= 0) {
		for (; e >= 29; e -= 29)
			n = mul_small(l, n, 1u << 29);
		n = mul_small(l, n, 1u << e);
	} else {
		dexp = e;
		for (e = -e; e >= 13; e -= 13)
			n = mul_small(l, n, 1220703125u);	/* 5^13 */
		for (f = 1; e; e--)
			f *= 5;
		n = mul_small(l, n, f);
	}

	/* Most significant limb without its leading zeros, then 9 each. */
	p = dc->d;
	for (f = l[n - 1], i = 0; f; f /= 10)
		i++;
	for (f = l[n - 1], j = i; j; f /= 10)
		p[--j] = '0' + f % 10;
	p += i;
	for (i = n - 2; i >= 0; i--, p += LIMB_DIGITS)
		for (f = l[i], j = LIMB_DIGITS; j; f /= 10)
			p[--j] = '0' + f % 10;
	dc->n = p - dc->d;
	dc->point = dc->n + dexp;
	while (dc->d[dc->n - 1] == '0')
		dc->n--;
}

/* Keeps the first k digits, rounding to nearest with ties to even. */
static void round_to(struct decimal *dc, long k)
{
	int up, i;

	if (k >= dc->n)
		return;
	if (k < 0) {		/* below half of the last place shown */
		dc->n = 0;
		return;
	}
	up = dc->d[k] > '5' ||
	     (dc->d[k] == '5' &&
	      (k + 1 < dc->n || (k > 0 && (dc->d[k - 1] & 1))));
	dc->n = k;
	if (up) {
		for (i = k - 1; i >= 0 && dc->d[i] == '9'; i--)
			;
		if (i >= 0) {
			dc->d[i]++;
			dc->n = i + 1;
			return;
		}
		/* 9...9 rounds to 10...0: one more integer digit */
		dc->d[0] = '1';
		dc->n = 1;
		dc->point++;
		return;
	}
	while (dc->n && dc->d[dc->n - 1] == '0')
		dc->n--;
}

/* Digits [from, from + count), with the implied zeros on either side. */
static void put_digits(struct nolibc_sink *s, const struct decimal *dc,
		       long from, long count)
{
	long k;

	if (from < 0) {
		k = -from < count ? -from : count;
		__nolibc_fill(s, '0', k);
		from += k;
		count -= k;
	}
	if (from < dc->n && count > 0) {
		k = dc->n - from < count ? dc->n - from : count;
		__nolibc_out(s, dc->d + from, k);
		count -= k;
	}
	__nolibc_fill(s, '0', count);
}

static void put_special(struct nolibc_sink *s, struct nolibc_spec *sp,
			const char *pre, size_t prelen, const char *body)
{
	size_t len = prelen + 3;

	sp->flags &= ~FMT_ZERO;
	__nolibc_field_begin(s, sp, len, pre, prelen);
	__nolibc_out(s, body, 3);
	__nolibc_field_end(s, sp, len);
}

void __nolibc_format_fp(struct nolibc_sink *s, const struct nolibc_spec *sp0,
			double v)
{
	struct nolibc_spec sp = *sp0;
	int upper = sp.conv >= 'A' && sp.conv <= 'Z';
	char conv = sp.conv | 0x20, pre[1], exp[8];
	long prec = sp.prec < 0 ? 6 : sp.prec, x;
	size_t prelen = 0, explen = 0, len;
	int dot, p;
	struct decimal dc;
	uint64_t bits;

	memcpy(&bits, &v, sizeof(bits));
	if (bits >> 63)
		pre[prelen++] = '-';
	else if (sp.flags & FMT_PLUS)
		pre[prelen++] = '+';
	else if (sp.flags & FMT_SPACE)
		pre[prelen++] = ' ';
	bits &= ~(1ull << 63);
	if ((bits >> 52) == 0x7ff) {
		if (bits << 12)
			put_special(s, &sp, pre, prelen, upper ? "NAN" : "nan");
		else
			put_special(s, &sp, pre, prelen, upper ? "INF" : "inf");
		return;
	}

	to_decimal(bits, &dc);
	if (conv == 'g') {
		p = prec ? prec : 1;
		round_to(&dc, p);
		x = dc.point - 1;
		if (x < p && x >= -4) {
			conv = 'f';
			prec = p - 1 - x;
		} else {
			conv = 'e';
			prec = p - 1;
		}
		/* %g drops trailing zeros unless '#' */
		if (!(sp.flags & FMT_HASH)) {
			x = conv == 'f' ? dc.n - dc.point : dc.n - 1;
			if (prec > x)
				prec = x > 0 ? x : 0;
		}
	} else if (conv == 'f') {
		/* No double has digits past the 1100th decimal: clamp, so
		 * that huge precisions cannot overflow the sum. */
		round_to(&dc, dc.point + (prec < 1100 ? prec : 1100));
	} else {
		conv = 'e';
		round_to(&dc, prec + 1);
	}

	dot = prec || (sp.flags & FMT_HASH);
	if (conv == 'f') {
		len = prelen + (dc.point > 0 ? dc.point : 1) + dot + prec;
	} else {
		x = dc.point - 1;
		exp[explen++] = upper ? 'E' : 'e';
		exp[explen++] = x < 0 ? '-' : '+';
		if (x < 0)
			x = -x;
		if (x >= 100)
			exp[explen++] = '0' + x / 100;
		exp[explen++] = '0' + x / 10 % 10;
		exp[explen++] = '0' + x % 10;
		len = prelen + 1 + dot + prec + explen;
	}

	__nolibc_field_begin(s, &sp, len, pre, prelen);
	if (conv == 'f') {
		if (dc.point > 0)
			put_digits(s, &dc, 0, dc.point);
		else
			__nolibc_out(s, "0", 1);
		if (dot)
			__nolibc_out(s, ".", 1);
		put_digits(s, &dc, dc.point, prec);
	} else {
		put_digits(s, &dc, 0, 1);
		if (dot)
			__nolibc_out(s, ".", 1);
		put_digits(s, &dc, 1, prec);
		__nolibc_out(s, exp, explen);
	}
	__nolibc_field_end(s, &sp, len);
}
