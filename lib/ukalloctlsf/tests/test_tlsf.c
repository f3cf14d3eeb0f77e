/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * TLSF tests over a private static region (never the default heap):
 * edge cases, exhaustion, alignment, in-place realloc, and a randomised
 * alloc/free/realloc/memalign run that checks every live block's contents
 * and the allocator's own consistency after each operation.
 */
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <uk/alloc.h>
#include <uk/tlsf.h>
#include <uk/test.h>

/* The host stress build raises these. */
#ifndef TLSF_TEST_OPS
#define TLSF_TEST_OPS		3000
#endif
#ifndef TLSF_TEST_FULL_EVERY
#define TLSF_TEST_FULL_EVERY	1	/* check all blocks every N ops */
#endif

#define HEAP_SIZE	(256 * 1024)
#define SLOTS		64

static char heap[HEAP_SIZE] __aligned(4096);

/*
 * A fresh allocator over [off, off + len) of the heap, which is first
 * dirtied (real RAM is not zeroed). The default allocator is kept.
 */
static struct uk_alloc *fresh(size_t off, size_t len)
{
	struct uk_alloc *saved = uk_alloc_get_default(), *a;

	memset(heap, 0xa5, sizeof(heap));
	a = uk_tlsf_init(heap + off, len);
	uk_alloc_set_default(saved);
	return a;
}

static int aligned(const void *p, size_t align)
{
	return ((uintptr_t)p & (align - 1)) == 0;
}

UK_TESTCASE(tlsf, init)
{
	struct uk_alloc *a;
	void *p;

	UK_TEST_EXPECT_NULL(fresh(0, 0));
	UK_TEST_EXPECT_NULL(fresh(0, 1024));
	a = fresh(3, 16 * 1024);	/* misaligned base is fine */
	UK_TEST_ASSERT(a != NULL);
	UK_TEST_EXPECT_ZERO(uk_tlsf_check(a));
	UK_TEST_EXPECT(uk_alloc_availmem(a) > 4096);
	p = uk_malloc(a, 100);
	UK_TEST_EXPECT_NOT_NULL(p);
	UK_TEST_EXPECT(p > (void *)heap && p < (void *)(heap + 16 * 1024));
	uk_free(a, p);
	UK_TEST_EXPECT_ZERO(uk_tlsf_check(a));
}

UK_TESTCASE(tlsf, alignment)
{
	struct uk_alloc *a = fresh(0, HEAP_SIZE);
	size_t n, align;
	void *p, *q;

	UK_TEST_ASSERT(a != NULL);
	for (n = 0; n < 600; n += 7) {
		p = uk_malloc(a, n);
		UK_TEST_EXPECT(p && aligned(p, 16));
		UK_TEST_EXPECT(uk_alloc_getsize(a, p) >= n);
		memset(p, 0x11, n);
		uk_free(a, p);
	}
	for (align = 1; align <= 65536; align <<= 1) {
		for (n = 1; n < 5000; n = n * 3 + 1) {
			p = uk_memalign(a, align, n);
			UK_TEST_EXPECT(p && aligned(p, align) &&
				       aligned(p, 16));
			if (p)
				memset(p, 0x22, n);
			UK_TEST_EXPECT_ZERO(uk_tlsf_check(a));
			uk_free(a, p);
		}
	}
	UK_TEST_EXPECT_NULL(uk_memalign(a, 24, 10));
	UK_TEST_EXPECT_NULL(uk_memalign(a, 0, 10));
	UK_TEST_EXPECT_SNUM_EQ(uk_posix_memalign(a, &q, 4, 10), EINVAL);
	UK_TEST_EXPECT_SNUM_EQ(uk_posix_memalign(a, &q, 48, 10), EINVAL);
	UK_TEST_EXPECT_SNUM_EQ(uk_posix_memalign(a, &q, 1 << 20, 10), ENOMEM);
	UK_TEST_ASSERT(uk_posix_memalign(a, &q, 256, 10) == 0);
	UK_TEST_EXPECT(aligned(q, 256));
	uk_free(a, q);
	UK_TEST_EXPECT_ZERO(uk_tlsf_check(a));
}

UK_TESTCASE(tlsf, exhaustion)
{
	struct uk_alloc *a = fresh(0, HEAP_SIZE);
	static void *ptrs[HEAP_SIZE / 1000];
	size_t avail, max, i, n = 0;
	char *p;

	UK_TEST_ASSERT(a != NULL);
	avail = uk_alloc_availmem(a);
	max = uk_alloc_maxalloc(a);
	UK_TEST_EXPECT(max > HEAP_SIZE - 16 * 1024 && max < avail);
	UK_TEST_EXPECT_NULL(uk_malloc(a, max + 64 * 1024));
	UK_TEST_EXPECT_NULL(uk_malloc(a, SIZE_MAX));
	UK_TEST_EXPECT_NULL(uk_malloc(a, SIZE_MAX - 8));
	UK_TEST_EXPECT_NULL(uk_calloc(a, SIZE_MAX / 2 + 1, 2));
	UK_TEST_EXPECT_NULL(uk_memalign(a, 4096, SIZE_MAX - 4096));
	UK_TEST_EXPECT_NULL(uk_memalign(a, (size_t)1 << 62, 16));
	UK_TEST_EXPECT_ZERO(uk_tlsf_check(a));

	/* The largest block maxalloc promises really is there. */
	p = uk_malloc(a, max);
	UK_TEST_EXPECT_NOT_NULL(p);
	uk_free(a, p);

	while (n < ARRAY_SIZE(ptrs) && (ptrs[n] = uk_malloc(a, 1000)))
		memset(ptrs[n++], 0x33, 1000);
	UK_TEST_EXPECT(n > 200 && n < ARRAY_SIZE(ptrs));
	UK_TEST_EXPECT_NULL(uk_malloc(a, 1000));
	UK_TEST_EXPECT_NULL(uk_realloc(a, ptrs[0], 100000));
	UK_TEST_EXPECT(((char *)ptrs[0])[999] == 0x33);
	UK_TEST_EXPECT_ZERO(uk_tlsf_check(a));

	/* Still usable after exhaustion: free half, allocate again. */
	for (i = 0; i < n; i += 2)
		uk_free(a, ptrs[i]);
	for (i = 0; i < n; i += 2)
		UK_TEST_EXPECT_NOT_NULL(ptrs[i] = uk_malloc(a, 900));
	UK_TEST_EXPECT_ZERO(uk_tlsf_check(a));
	for (i = 0; i < n; i++)
		uk_free(a, ptrs[i]);
	UK_TEST_EXPECT_UNUM_EQ(uk_alloc_availmem(a), avail);
	UK_TEST_EXPECT_UNUM_EQ(uk_alloc_maxalloc(a), max);
	UK_TEST_EXPECT_ZERO(uk_tlsf_check(a));
}

UK_TESTCASE(tlsf, realloc)
{
	struct uk_alloc *a = fresh(0, HEAP_SIZE);
	size_t avail;
	char *p, *q, *r;

	UK_TEST_ASSERT(a != NULL);
	avail = uk_alloc_availmem(a);
	p = uk_realloc(a, NULL, 100);
	q = uk_malloc(a, 100);
	UK_TEST_ASSERT(p && q);
	memset(p, 0x44, 100);
	uk_free(a, q);
	r = uk_realloc(a, p, 3000);	/* next block is free: in place */
	UK_TEST_EXPECT_PTR_EQ(r, p);
	UK_TEST_EXPECT(r[0] == 0x44 && r[99] == 0x44);
	memset(r, 0x55, 3000);
	r = uk_realloc(a, p, 40);	/* shrink: in place */
	UK_TEST_EXPECT_PTR_EQ(r, p);
	UK_TEST_EXPECT(r[0] == 0x55 && r[39] == 0x55);
	UK_TEST_EXPECT_ZERO(uk_tlsf_check(a));

	q = uk_malloc(a, 16);		/* blocks growth in place */
	r = uk_realloc(a, p, 500);
	UK_TEST_ASSERT(r != NULL);
	UK_TEST_EXPECT(r != p && r[0] == 0x55 && r[39] == 0x55);
	UK_TEST_EXPECT_NULL(uk_realloc(a, r, 0));	/* frees */
	uk_free(a, q);
	uk_free(a, NULL);
	UK_TEST_EXPECT_UNUM_EQ(uk_alloc_availmem(a), avail);
	UK_TEST_EXPECT_ZERO(uk_tlsf_check(a));
}

UK_TESTCASE(tlsf, calloc_zeroes)
{
	struct uk_alloc *a = fresh(0, HEAP_SIZE);
	static const char zero[1000];
	char *p;

	UK_TEST_ASSERT(a != NULL);
	p = uk_malloc(a, 1000);
	UK_TEST_ASSERT(p != NULL);
	memset(p, 0xff, 1000);
	uk_free(a, p);
	p = uk_calloc(a, 10, 100);
	UK_TEST_ASSERT(p != NULL);
	UK_TEST_EXPECT_BYTES_EQ(p, zero, 1000);
	uk_free(a, p);
}

UK_TESTCASE(tlsf, addmem)
{
	struct uk_alloc *a = fresh(0, HEAP_SIZE / 2);
	char *p;

	UK_TEST_ASSERT(a != NULL);
	while (uk_malloc(a, 512))
		;
	UK_TEST_EXPECT_SNUM_EQ(uk_alloc_addmem(a, heap + HEAP_SIZE / 2, 40),
			       -EINVAL);
	UK_TEST_EXPECT_ZERO(uk_alloc_addmem(a, heap + HEAP_SIZE / 2 + 1,
					    HEAP_SIZE / 2 - 1));
	p = uk_malloc(a, 512);
	UK_TEST_EXPECT(p >= heap + HEAP_SIZE / 2 && p < heap + HEAP_SIZE);
	UK_TEST_EXPECT(uk_alloc_maxalloc(a) > HEAP_SIZE / 4);
	UK_TEST_EXPECT_ZERO(uk_tlsf_check(a));
}

/* The randomised run. */

struct slot {
	unsigned char *p;
	size_t n;
	unsigned char seed;
};

static struct slot slots[SLOTS];
static uint64_t rng = 0x9e3779b97f4a7c15ULL;

static uint32_t rnd(void)
{
	uint64_t x = rng;

	x ^= x << 13;
	x ^= x >> 7;
	x ^= x << 17;
	rng = x;
	return x >> 32;
}

/* Mostly small sizes, some medium, a few large; sometimes zero. */
static size_t rnd_size(void)
{
	uint32_t r = rnd() % 100;

	if (r < 2)
		return 0;
	if (r < 70)
		return rnd() % 256;
	if (r < 95)
		return rnd() % 4096;
	return rnd() % 32768;
}

static void fill(struct slot *s, size_t from)
{
	size_t i;

	for (i = from; i < s->n; i++)
		s->p[i] = (unsigned char)(s->seed + i * 7);
}

static int intact(const struct slot *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s->p[i] != (unsigned char)(s->seed + i * 7))
			return 0;
	return 1;
}

static int check_new(struct uk_alloc *a, const struct slot *s, size_t align)
{
	return aligned(s->p, align) && aligned(s->p, 16) &&
	       uk_alloc_getsize(a, s->p) >= s->n &&
	       s->p >= (unsigned char *)heap &&
	       s->p + s->n <= (unsigned char *)heap + HEAP_SIZE;
}

/* One random operation on slot s; 0 when all went as it should. */
static int random_op(struct uk_alloc *a, struct slot *s)
{
	size_t n = rnd_size(), align = 16, keep, i;
	uint32_t r = rnd() % 100;
	void *p;

	if (!s->p) {
		if (r < 60) {
			p = uk_malloc(a, n);
		} else if (r < 80) {
			p = uk_calloc(a, 1, n);
			for (i = 0; p && i < n; i++)
				if (((unsigned char *)p)[i])
					return __LINE__;
		} else {
			align = (size_t)1 << (rnd() % 13);
			p = uk_memalign(a, align, n);
		}
		if (!p)
			return 0;	/* exhausted: fine */
		s->p = p;
		s->n = n;
		s->seed = rnd();
		fill(s, 0);
		return check_new(a, s, align) ? 0 : __LINE__;
	}
	if (r < 50) {
		uk_free(a, s->p);
		s->p = NULL;
		return 0;
	}
	p = uk_realloc(a, s->p, n);
	if (!n) {			/* realloc to 0 frees */
		s->p = NULL;
		return p ? __LINE__ : 0;
	}
	if (!p)				/* exhausted: old block intact */
		return intact(s, s->n) ? 0 : __LINE__;
	keep = n < s->n ? n : s->n;
	s->p = p;
	if (!intact(s, keep))
		return __LINE__;
	s->n = n;
	fill(s, keep);
	return check_new(a, s, 16) ? 0 : __LINE__;
}

UK_TESTCASE(tlsf, random)
{
	struct uk_alloc *a = fresh(0, HEAP_SIZE);
	unsigned long op;
	size_t avail;
	int i, rc;

	UK_TEST_ASSERT(a != NULL);
	avail = uk_alloc_availmem(a);
	memset(slots, 0, sizeof(slots));
	for (op = 0; op < TLSF_TEST_OPS; op++) {
		struct slot *s = &slots[rnd() % SLOTS];

		rc = random_op(a, s);
		if (rc) {
			UK_TEST_EXPECT_ZERO(rc);	/* line in random_op */
			UK_TEST_EXPECT_ZERO(op);	/* where it broke */
			return;
		}
		if (s->p && !intact(s, s->n)) {
			UK_TEST_EXPECT_ZERO(op);
			return;
		}
		if (op % TLSF_TEST_FULL_EVERY)
			continue;
		rc = uk_tlsf_check(a);
		if (rc) {
			UK_TEST_EXPECT_ZERO(rc);
			UK_TEST_EXPECT_ZERO(op);
			return;
		}
		for (i = 0; i < SLOTS; i++) {
			if (slots[i].p && !intact(&slots[i], slots[i].n)) {
				UK_TEST_EXPECT_ZERO(op);
				return;
			}
		}
	}
	for (i = 0; i < SLOTS; i++)
		uk_free(a, slots[i].p);
	UK_TEST_EXPECT_ZERO(uk_tlsf_check(a));
	UK_TEST_EXPECT_UNUM_EQ(uk_alloc_availmem(a), avail);
}
