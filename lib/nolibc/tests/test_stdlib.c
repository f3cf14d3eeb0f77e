/* SPDX-License-Identifier: BSD-3-Clause */
/* stdlib.h, setjmp.h, time.h. Built with -fno-builtin: no folding. */
#include <errno.h>
#include <limits.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <uk/test.h>

#define STRTO(fn, s, base, exp, exp_errno, exp_end)			\
	do {								\
		const char *str_ = (s);					\
		char *end_ = NULL;					\
		errno = 0;						\
		UK_TEST_EXPECT_UNUM_EQ(fn(str_, &end_, base), exp);	\
		UK_TEST_EXPECT_SNUM_EQ(errno, exp_errno);		\
		UK_TEST_EXPECT_SNUM_EQ(end_ - str_, exp_end);		\
	} while (0)

UK_TESTCASE(nolibc_stdlib, strtol_edges)
{
	STRTO(strtol, "  -42abc", 10, -42, 0, 5);
	STRTO(strtol, "+0x1F", 0, 31, 0, 5);
	STRTO(strtol, "0x", 0, 0, 0, 1);	/* "0", then 'x' */
	STRTO(strtol, "0xg", 16, 0, 0, 1);
	STRTO(strtol, "0777", 0, 511, 0, 4);
	STRTO(strtol, "1010", 2, 10, 0, 4);
	STRTO(strtol, "zZ", 36, 35 * 36 + 35, 0, 2);
	STRTO(strtol, "", 10, 0, 0, 0);
	STRTO(strtol, "  +", 10, 0, 0, 0);	/* no digits: end = start */
	STRTO(strtol, "9223372036854775807", 10, LONG_MAX, 0, 19);
	STRTO(strtol, "9223372036854775808", 10, LONG_MAX, ERANGE, 19);
	STRTO(strtol, "-9223372036854775808", 10, LONG_MIN, 0, 20);
	STRTO(strtol, "-9223372036854775809", 10, LONG_MIN, ERANGE, 20);
	STRTO(strtol, "99999999999999999999999x", 10, LONG_MAX, ERANGE,
	      23);
	STRTO(strtol, "12", 1, 0, EINVAL, 0);
	STRTO(strtoul, "18446744073709551615", 10, ULONG_MAX, 0, 20);
	STRTO(strtoul, "18446744073709551616", 10, ULONG_MAX, ERANGE, 20);
	STRTO(strtoul, "-1", 10, ULONG_MAX, 0, 2);
	STRTO(strtoull, "0XfFfFfFfFfFfFfFfFf", 0, ULLONG_MAX, ERANGE, 19);
	STRTO(strtoll, "-0x8000000000000000", 16, LLONG_MIN, 0, 19);
	UK_TEST_EXPECT_SNUM_EQ(atoi(" -123x"), -123);
	UK_TEST_EXPECT_SNUM_EQ(atol("2147483648"), 2147483648L);
	UK_TEST_EXPECT_SNUM_EQ(atoll("-5"), -5);
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

UK_TESTCASE(nolibc_stdlib, qsort_bsearch)
{
	int v[200], i, key, *hit;

	srand(7);
	for (i = 0; i < 200; i++)
		v[i] = rand() % 100 - 50;	/* many duplicates */
	qsort(v, 200, sizeof(int), cmp_int);
	for (i = 1; i < 200; i++)
		if (v[i - 1] > v[i])
			break;
	UK_TEST_EXPECT_SNUM_EQ(i, 200);
	for (key = -60; key < 60; key++) {
		hit = bsearch(&key, v, 200, sizeof(int), cmp_int);
		for (i = 0; i < 200 && v[i] != key; i++)
			;
		UK_TEST_EXPECT((hit != NULL) == (i < 200));
		if (hit)
			UK_TEST_EXPECT_SNUM_EQ(*hit, key);
	}
	qsort(v, 0, sizeof(int), cmp_int);
	UK_TEST_EXPECT_NULL(bsearch(&key, v, 0, sizeof(int), cmp_int));
}

UK_TESTCASE(nolibc_stdlib, malloc_realloc_contents)
{
	unsigned char *p, *q;
	void *al = NULL;
	size_t i;

	p = malloc(100);
	UK_TEST_ASSERT(p != NULL);
	for (i = 0; i < 100; i++)
		p[i] = i;
	q = realloc(p, 5000);		/* grows: contents move along */
	UK_TEST_ASSERT(q != NULL);
	for (i = 0; i < 100 && q[i] == i; i++)
		;
	UK_TEST_EXPECT_UNUM_EQ(i, 100);
	q = realloc(q, 10);		/* shrinks: the start is kept */
	UK_TEST_ASSERT(q != NULL);
	for (i = 0; i < 10 && q[i] == i; i++)
		;
	UK_TEST_EXPECT_UNUM_EQ(i, 10);
	free(q);

	p = calloc(64, 16);
	UK_TEST_ASSERT(p != NULL);
	for (i = 0; i < 1024 && !p[i]; i++)
		;
	UK_TEST_EXPECT_UNUM_EQ(i, 1024);
	free(p);

	errno = 0;
	UK_TEST_EXPECT_NULL(calloc(SIZE_MAX / 2, 4));	/* overflows */
	UK_TEST_EXPECT_SNUM_EQ(errno, ENOMEM);
	UK_TEST_EXPECT_ZERO(posix_memalign(&al, 256, 40));
	UK_TEST_EXPECT_ZERO((uintptr_t)al & 255);
	free(al);
	UK_TEST_EXPECT_SNUM_EQ(posix_memalign(&al, 24, 40), EINVAL);
	p = aligned_alloc(64, 64);
	UK_TEST_EXPECT_ZERO((uintptr_t)p & 63);
	free(p);
	free(NULL);
}

UK_TESTCASE(nolibc_stdlib, arithmetic_and_env)
{
	div_t d = div(-7, 2);
	lldiv_t ll = lldiv(LLONG_MAX, 10);
	int r1, r2;

	UK_TEST_EXPECT_SNUM_EQ(abs(-5), 5);
	UK_TEST_EXPECT_SNUM_EQ(labs(LONG_MIN + 1), LONG_MAX);
	UK_TEST_EXPECT_SNUM_EQ(llabs(-3LL), 3);
	UK_TEST_EXPECT_SNUM_EQ(d.quot, -3);
	UK_TEST_EXPECT_SNUM_EQ(d.rem, -1);
	UK_TEST_EXPECT_SNUM_EQ(ll.rem, 7);
	srand(1);
	r1 = rand();
	srand(1);
	r2 = rand();
	UK_TEST_EXPECT_SNUM_EQ(r1, r2);
	UK_TEST_EXPECT(r1 >= 0 && r1 <= RAND_MAX);
	UK_TEST_EXPECT_NULL(getenv("PATH"));
}

static jmp_buf env;
static int depth;

/* Jumps out of six nested calls. */
static __attribute__((noinline)) void dive(int n)
{
	depth++;
	if (n == 0)
		longjmp(env, 7);
	if (n > 0)
		dive(n - 1);
}

UK_TESTCASE(nolibc_stdlib, setjmp_longjmp)
{
	volatile int rounds = 0;
	int r;

	r = setjmp(env);
	rounds++;
	if (rounds == 1) {
		UK_TEST_EXPECT_ZERO(r);
		dive(5);
	} else if (rounds == 2) {
		UK_TEST_EXPECT_SNUM_EQ(r, 7);
		UK_TEST_EXPECT_SNUM_EQ(depth, 6);
		longjmp(env, 0);		/* must arrive as 1 */
	}
	UK_TEST_EXPECT_SNUM_EQ(rounds, 3);
	UK_TEST_EXPECT_SNUM_EQ(r, 1);
}

UK_TESTCASE(nolibc_stdlib, time)
{
	struct timespec a, b, c, nap = { 0, 2000000 };	/* 2 ms */
	long long ns;

	UK_TEST_EXPECT_ZERO(clock_gettime(CLOCK_MONOTONIC, &a));
	UK_TEST_EXPECT_ZERO(nanosleep(&nap, NULL));
	UK_TEST_EXPECT_ZERO(clock_gettime(CLOCK_MONOTONIC, &b));
	UK_TEST_EXPECT(a.tv_nsec >= 0 && a.tv_nsec < 1000000000);
	ns = (b.tv_sec - a.tv_sec) * 1000000000LL + b.tv_nsec - a.tv_nsec;
	UK_TEST_EXPECT(ns >= 2000000);
	/* The wall clock is the monotonic one plus a constant >= 0. */
	UK_TEST_EXPECT_ZERO(clock_gettime(CLOCK_REALTIME, &c));
	UK_TEST_EXPECT(c.tv_sec >= b.tv_sec);
	UK_TEST_EXPECT(c.tv_nsec >= 0 && c.tv_nsec < 1000000000);
	ns = time(NULL) - c.tv_sec;
	UK_TEST_EXPECT(ns >= 0 && ns <= 1);
	errno = 0;
	UK_TEST_EXPECT_SNUM_EQ(clock_gettime(42, &a), -1);
	UK_TEST_EXPECT_SNUM_EQ(errno, EINVAL);
	nap.tv_nsec = 1000000000;
	UK_TEST_EXPECT_SNUM_EQ(nanosleep(&nap, NULL), -1);
}
