/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The interface's generic ops, over a toy bump backend that only has
 * malloc, free and getsize.
 */
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <uk/alloc.h>
#include <uk/test.h>

static char pool[8192] __aligned(16);
static size_t used;
static int frees;

static void *bump_malloc(struct uk_alloc *a, size_t size)
{
	size_t need = (size + 16 + 15) & ~(size_t)15;
	char *p = pool + used;

	if (size > sizeof(pool) || need > sizeof(pool) - used)
		return NULL;
	used += need;
	*(size_t *)p = size;
	return p + 16;
}

static void bump_free(struct uk_alloc *a, void *ptr)
{
	frees++;
}

static size_t bump_getsize(struct uk_alloc *a, const void *ptr)
{
	return *(const size_t *)((const char *)ptr - 16);
}

static struct uk_alloc bump;

/* A freshly registered toy allocator; the default allocator is kept. */
static struct uk_alloc *toy(void)
{
	struct uk_alloc *saved = uk_alloc_get_default();

	memset(pool, 0x5a, sizeof(pool));
	used = 0;
	frees = 0;
	bump = (struct uk_alloc){
		.malloc = bump_malloc,
		.free = bump_free,
		.getsize = bump_getsize,
	};
	if (uk_alloc_register(&bump))
		return NULL;
	uk_alloc_set_default(saved);
	return &bump;
}

UK_TESTCASE(ukalloc, registration)
{
	struct uk_alloc bad = { .malloc = bump_malloc, .free = bump_free };
	struct uk_alloc *saved = uk_alloc_get_default(), *a;

	UK_TEST_EXPECT_SNUM_EQ(uk_alloc_register(&bad), -EINVAL);
	UK_TEST_EXPECT_SNUM_EQ(uk_alloc_register(NULL), -EINVAL);
	a = toy();
	UK_TEST_ASSERT(a != NULL);
	UK_TEST_EXPECT(a->calloc && a->realloc && a->memalign);
	UK_TEST_EXPECT_ZERO(uk_alloc_availmem(a));
	UK_TEST_EXPECT_ZERO(uk_alloc_maxalloc(a));
	UK_TEST_EXPECT_SNUM_EQ(uk_alloc_addmem(a, pool, 64), -EINVAL);

	uk_alloc_set_default(a);
	UK_TEST_EXPECT_PTR_EQ(uk_alloc_get_default(), a);
	uk_alloc_set_default(saved);
	UK_TEST_EXPECT_PTR_EQ(uk_alloc_get_default(), saved);
}

UK_TESTCASE(ukalloc, null_allocator)
{
	void *p = NULL;

	UK_TEST_EXPECT_NULL(uk_malloc(NULL, 8));
	UK_TEST_EXPECT_NULL(uk_calloc(NULL, 1, 8));
	UK_TEST_EXPECT_NULL(uk_realloc(NULL, NULL, 8));
	UK_TEST_EXPECT_NULL(uk_memalign(NULL, 16, 8));
	UK_TEST_EXPECT_SNUM_EQ(uk_posix_memalign(NULL, &p, 16, 8), ENOMEM);
	UK_TEST_EXPECT_NULL(p);
	uk_free(NULL, pool);
	UK_TEST_EXPECT_ZERO(uk_alloc_getsize(NULL, pool));
}

UK_TESTCASE(ukalloc, calloc)
{
	struct uk_alloc *a = toy();
	static const char zero[300];
	char *p;

	UK_TEST_ASSERT(a != NULL);
	p = uk_calloc(a, 3, 100);
	UK_TEST_ASSERT(p != NULL);
	UK_TEST_EXPECT_BYTES_EQ(p, zero, 300);
	UK_TEST_EXPECT_NULL(uk_calloc(a, SIZE_MAX / 4, 8));	/* overflow */
	UK_TEST_EXPECT_NULL(uk_calloc(a, 2, SIZE_MAX / 2 + 1));
	UK_TEST_EXPECT_NOT_NULL(uk_calloc(a, 0, 5));
}

UK_TESTCASE(ukalloc, realloc)
{
	struct uk_alloc *a = toy();
	char *p, *q;

	UK_TEST_ASSERT(a != NULL);
	p = uk_realloc(a, NULL, 10);
	UK_TEST_ASSERT(p != NULL);
	memcpy(p, "0123456789", 10);
	q = uk_realloc(a, p, 5);		/* no shrink op: same block */
	UK_TEST_EXPECT_PTR_EQ(q, p);
	q = uk_realloc(a, p, 100);
	UK_TEST_ASSERT(q != NULL);
	UK_TEST_EXPECT(q != p);
	UK_TEST_EXPECT_BYTES_EQ(q, "0123456789", 10);
	UK_TEST_EXPECT_SNUM_EQ(frees, 1);
	UK_TEST_EXPECT_NULL(uk_realloc(a, q, sizeof(pool)));	/* no room */
	UK_TEST_EXPECT_SNUM_EQ(frees, 1);	/* old block kept */
	UK_TEST_EXPECT_NULL(uk_realloc(a, q, 0));
	UK_TEST_EXPECT_SNUM_EQ(frees, 2);
}

UK_TESTCASE(ukalloc, memalign)
{
	struct uk_alloc *a = toy();
	void *p = NULL;

	UK_TEST_ASSERT(a != NULL);
	p = uk_memalign(a, 16, 10);
	UK_TEST_EXPECT(p && ((uintptr_t)p & 15) == 0);
	UK_TEST_EXPECT_NULL(uk_memalign(a, 64, 10));	/* generic can't */
	UK_TEST_EXPECT_NULL(uk_memalign(a, 3, 10));
	UK_TEST_EXPECT_SNUM_EQ(uk_posix_memalign(a, &p, 0, 10), EINVAL);
	UK_TEST_EXPECT_SNUM_EQ(uk_posix_memalign(a, &p, 12, 10), EINVAL);
	UK_TEST_EXPECT_SNUM_EQ(uk_posix_memalign(a, &p, 4, 10), EINVAL);
	p = NULL;
	UK_TEST_EXPECT_ZERO(uk_posix_memalign(a, &p, 8, 10));
	UK_TEST_EXPECT_NOT_NULL(p);
}
