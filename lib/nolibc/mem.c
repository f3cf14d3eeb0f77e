/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The mem* functions, a machine word at a time. gcc emits calls to these
 * itself (struct copies, large initialisers), so they must exist and be
 * quick; nolibc is built with -fno-tree-loop-distribute-patterns so that
 * gcc does not turn these very loops back into calls to themselves.
 * Both supported CPUs (x86_64, arm64 with its MMU on) allow unaligned
 * word access to normal memory, which keeps the loops simple.
 */
#include <stdint.h>
#include <string.h>
#include <strings.h>

typedef unsigned long __attribute__((__may_alias__, __aligned__(1))) uword_u;
#define W	sizeof(unsigned long)

static inline void copy_fwd(unsigned char *d, const unsigned char *s,
			    size_t n)
{
	for (; n >= W; n -= W, d += W, s += W)
		*(uword_u *)d = *(const uword_u *)s;
	for (; n; n--)
		*d++ = *s++;
}

void *memcpy(void *__restrict dst, const void *__restrict src, size_t n)
{
	copy_fwd(dst, src, n);
	return dst;
}

void *memmove(void *dst, const void *src, size_t n)
{
	unsigned char *d = dst;
	const unsigned char *s = src;

	/* Forward is safe unless the destination starts inside the source */
	if (d <= s || d >= s + n) {
		copy_fwd(d, s, n);
		return dst;
	}
	d += n;
	s += n;
	for (; n >= W; n -= W) {
		d -= W;
		s -= W;
		*(uword_u *)d = *(const uword_u *)s;
	}
	for (; n; n--)
		*--d = *--s;
	return dst;
}

void *memset(void *dst, int c, size_t n)
{
	unsigned long w = (unsigned char)c * (~0UL / 255);
	unsigned char *d = dst;

	for (; n >= W; n -= W, d += W)
		*(uword_u *)d = w;
	for (; n; n--)
		*d++ = c;
	return dst;
}

int memcmp(const void *a, const void *b, size_t n)
{
	const unsigned char *p = a, *q = b;

	/* Skip equal words; the byte loop then finds the first difference */
	for (; n >= W; n -= W, p += W, q += W)
		if (*(const uword_u *)p != *(const uword_u *)q)
			break;
	for (; n; n--, p++, q++)
		if (*p != *q)
			return *p - *q;
	return 0;
}

/* LLVM (Rust) turns memcmp(...) == 0 into bcmp calls. */
int bcmp(const void *a, const void *b, size_t n)
{
	return memcmp(a, b, n);
}

void *memchr(const void *s, int c, size_t n)
{
	const unsigned char *p = s;

	for (; n; n--, p++)
		if (*p == (unsigned char)c)
			return (void *)p;
	return NULL;
}
