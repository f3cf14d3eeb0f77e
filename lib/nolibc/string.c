/* SPDX-License-Identifier: BSD-3-Clause */
/* The str* functions; the long copies go through the word-wise mem*. */
#include <ctype.h>
#include <stdint.h>
#include <string.h>

typedef unsigned long __attribute__((__may_alias__)) uword;
#define W	sizeof(unsigned long)
#define ONES	(~0UL / 255)
#define HAS_ZERO(x)	(((x) - ONES) & ~(x) & (ONES << 7))

/*
 * Aligned whole words never cross a page boundary, so reading past the
 * terminator within its word cannot fault.
 */
size_t strlen(const char *s)
{
	const char *p = s;
	const uword *w;

	for (; (uintptr_t)p & (W - 1); p++)
		if (!*p)
			return p - s;
	for (w = (const uword *)p; !HAS_ZERO(*w); w++)
		;
	for (p = (const char *)w; *p; p++)
		;
	return p - s;
}

size_t strnlen(const char *s, size_t maxlen)
{
	const char *p = memchr(s, 0, maxlen);

	return p ? (size_t)(p - s) : maxlen;
}

char *strcpy(char *__restrict dst, const char *__restrict src)
{
	return memcpy(dst, src, strlen(src) + 1);
}

char *stpcpy(char *__restrict dst, const char *__restrict src)
{
	size_t n = strlen(src);

	memcpy(dst, src, n + 1);
	return dst + n;
}

char *strncpy(char *__restrict dst, const char *__restrict src, size_t n)
{
	size_t len = strnlen(src, n);

	memcpy(dst, src, len);
	memset(dst + len, 0, n - len);
	return dst;
}

char *strcat(char *__restrict dst, const char *__restrict src)
{
	strcpy(dst + strlen(dst), src);
	return dst;
}

char *strncat(char *__restrict dst, const char *__restrict src, size_t n)
{
	char *d = dst + strlen(dst);
	size_t len = strnlen(src, n);

	memcpy(d, src, len);
	d[len] = '\0';
	return dst;
}

int strcmp(const char *a, const char *b)
{
	const unsigned char *p = (const void *)a, *q = (const void *)b;

	for (; *p && *p == *q; p++, q++)
		;
	return *p - *q;
}

int strncmp(const char *a, const char *b, size_t n)
{
	const unsigned char *p = (const void *)a, *q = (const void *)b;

	for (; n; n--, p++, q++)
		if (*p != *q || !*p)
			return *p - *q;
	return 0;
}

/* Only the "C" locale exists. */
int strcoll(const char *a, const char *b)
{
	return strcmp(a, b);
}

int strcasecmp(const char *a, const char *b)
{
	const unsigned char *p = (const void *)a, *q = (const void *)b;

	for (; *p && tolower(*p) == tolower(*q); p++, q++)
		;
	return tolower(*p) - tolower(*q);
}

int strncasecmp(const char *a, const char *b, size_t n)
{
	const unsigned char *p = (const void *)a, *q = (const void *)b;

	for (; n; n--, p++, q++)
		if (tolower(*p) != tolower(*q) || !*p)
			return tolower(*p) - tolower(*q);
	return 0;
}

char *strchr(const char *s, int c)
{
	for (;; s++) {
		if (*s == (char)c)
			return (char *)s;
		if (!*s)
			return NULL;
	}
}

char *strrchr(const char *s, int c)
{
	const char *last = NULL;

	for (;; s++) {
		if (*s == (char)c)
			last = s;
		if (!*s)
			return (char *)last;
	}
}

char *strstr(const char *haystack, const char *needle)
{
	size_t n = strlen(needle);

	if (!n)
		return (char *)haystack;
	for (; (haystack = strchr(haystack, *needle)); haystack++)
		if (!strncmp(haystack, needle, n))
			return (char *)haystack;
	return NULL;
}

/* A 256-bit set of bytes: one pass over the set, one over the string. */
static void byteset(unsigned char map[32], const char *set)
{
	const unsigned char *p = (const void *)set;

	memset(map, 0, 32);
	for (; *p; p++)
		map[*p >> 3] |= 1 << (*p & 7);
}

#define IN_SET(map, c)	((map)[(c) >> 3] & (1 << ((c) & 7)))

size_t strspn(const char *s, const char *accept)
{
	const unsigned char *p = (const void *)s;
	unsigned char map[32];

	byteset(map, accept);
	for (; *p && IN_SET(map, *p); p++)
		;
	return p - (const unsigned char *)s;
}

size_t strcspn(const char *s, const char *reject)
{
	const unsigned char *p = (const void *)s;
	unsigned char map[32];

	byteset(map, reject);
	for (; *p && !IN_SET(map, *p); p++)
		;
	return p - (const unsigned char *)s;
}

char *strpbrk(const char *s, const char *accept)
{
	s += strcspn(s, accept);
	return *s ? (char *)s : NULL;
}

char *strtok_r(char *__restrict s, const char *__restrict delim,
	       char **__restrict save)
{
	char *end;

	if (!s)
		s = *save;
	s += strspn(s, delim);
	if (!*s) {
		*save = s;
		return NULL;
	}
	end = s + strcspn(s, delim);
	if (*end)
		*end++ = '\0';
	*save = end;
	return s;
}

char *strtok(char *__restrict s, const char *__restrict delim)
{
	static char *save;

	return strtok_r(s, delim, &save);
}
