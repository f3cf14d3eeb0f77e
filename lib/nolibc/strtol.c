/* SPDX-License-Identifier: BSD-3-Clause */
/* strto{l,ul,ll,ull} and ato*: one parser, four range checks. */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>

/*
 * Parses [space][sign][0x|0]digits. Returns the magnitude, or
 * ULLONG_MAX with *ovf set when it does not fit.
 */
static unsigned long long scan(const char *nptr, char **end, int base,
			       int *neg, int *ovf)
{
	const char *s = nptr;
	unsigned long long v = 0;
	unsigned int d;
	int any = 0;

	*neg = 0;
	*ovf = 0;
	if (base < 0 || base == 1 || base > 36) {
		errno = EINVAL;
		if (end)
			*end = (char *)nptr;
		return 0;
	}
	while (isspace((unsigned char)*s))
		s++;
	if (*s == '-' || *s == '+')
		*neg = *s++ == '-';
	/* "0x" is a prefix only when a hex digit follows: "0xg" is 0. */
	if ((base == 0 || base == 16) && s[0] == '0' &&
	    (s[1] | 0x20) == 'x' && isxdigit((unsigned char)s[2])) {
		s += 2;
		base = 16;
	} else if (base == 0) {
		base = s[0] == '0' ? 8 : 10;
	}
	for (;; s++) {
		if (isdigit((unsigned char)*s))
			d = *s - '0';
		else if (isalpha((unsigned char)*s))
			d = (*s | 0x20) - 'a' + 10;
		else
			break;
		if (d >= (unsigned int)base)
			break;
		any = 1;
		if (v > (ULLONG_MAX - d) / base)
			*ovf = 1;
		else
			v = v * base + d;
	}
	if (end)
		*end = (char *)(any ? s : nptr);
	return *ovf ? ULLONG_MAX : v;
}

static long long to_signed(const char *s, char **end, int base,
			   long long min, long long max)
{
	int neg, ovf;
	unsigned long long v = scan(s, end, base, &neg, &ovf);

	if (neg) {
		if (ovf || v > (unsigned long long)max + 1) {
			errno = ERANGE;
			return min;
		}
		return (long long)(0 - v);
	}
	if (ovf || v > (unsigned long long)max) {
		errno = ERANGE;
		return max;
	}
	return v;
}

/* As C says, "-1" converts to the maximum value (negated in unsigned). */
static unsigned long long to_unsigned(const char *s, char **end, int base,
				      unsigned long long max)
{
	int neg, ovf;
	unsigned long long v = scan(s, end, base, &neg, &ovf);

	if (ovf || v > max) {
		errno = ERANGE;
		return max;
	}
	return neg ? (0 - v) & max : v;
}

long strtol(const char *__restrict s, char **__restrict end, int base)
{
	return to_signed(s, end, base, LONG_MIN, LONG_MAX);
}

long long strtoll(const char *__restrict s, char **__restrict end, int base)
{
	return to_signed(s, end, base, LLONG_MIN, LLONG_MAX);
}

unsigned long strtoul(const char *__restrict s, char **__restrict end,
		      int base)
{
	return to_unsigned(s, end, base, ULONG_MAX);
}

unsigned long long strtoull(const char *__restrict s,
			    char **__restrict end, int base)
{
	return to_unsigned(s, end, base, ULLONG_MAX);
}

int atoi(const char *s)
{
	return (int)strtol(s, NULL, 10);
}

long atol(const char *s)
{
	return strtol(s, NULL, 10);
}

long long atoll(const char *s)
{
	return strtoll(s, NULL, 10);
}
