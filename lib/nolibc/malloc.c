/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The malloc family over the default allocator of ukalloc. Before the
 * heap exists (early init) there is no default allocator: NULL, ENOMEM.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <uk/alloc.h>

static void *nomem(void *p, size_t size)
{
	if (!p && size)
		errno = ENOMEM;
	return p;
}

void *malloc(size_t size)
{
	struct uk_alloc *a = uk_alloc_get_default();

	return nomem(a ? uk_malloc(a, size) : NULL, size);
}

void *calloc(size_t nmemb, size_t size)
{
	struct uk_alloc *a = uk_alloc_get_default();

	if (size && nmemb > SIZE_MAX / size)
		return nomem(NULL, 1);
	return nomem(a ? uk_calloc(a, nmemb, size) : NULL, nmemb * size);
}

void *realloc(void *ptr, size_t size)
{
	struct uk_alloc *a = uk_alloc_get_default();

	return nomem(a ? uk_realloc(a, ptr, size) : NULL, size);
}

void free(void *ptr)
{
	struct uk_alloc *a = uk_alloc_get_default();

	if (ptr && a)
		uk_free(a, ptr);
}

static void *alloc_aligned(size_t align, size_t size)
{
	struct uk_alloc *a = uk_alloc_get_default();

	return a ? uk_memalign(a, align, size) : NULL;
}

void *memalign(size_t align, size_t size)
{
	if (!align || (align & (align - 1))) {
		errno = EINVAL;
		return NULL;
	}
	return nomem(alloc_aligned(align, size), size);
}

void *aligned_alloc(size_t align, size_t size)
{
	return memalign(align, size);
}

/* Reports through its result and leaves errno alone, as POSIX says. */
int posix_memalign(void **memptr, size_t align, size_t size)
{
	int rc = uk_posix_memalign(uk_alloc_get_default(), memptr, align,
				   size);

	/* As malloc(0) here: no block for size 0 is not a failure. */
	if (rc == ENOMEM && !size) {
		*memptr = NULL;
		return 0;
	}
	return rc;
}
