/* SPDX-License-Identifier: BSD-3-Clause */
/* Default allocator, registration and the generic fallback ops. */
#include <errno.h>
#include <string.h>
#include <uk/alloc.h>

struct uk_alloc *_uk_alloc_default;

void *uk_alloc_calloc_generic(struct uk_alloc *a, size_t nmemb, size_t size)
{
	size_t total;
	void *p;

	if (__builtin_mul_overflow(nmemb, size, &total))
		return NULL;
	p = a->malloc(a, total);
	if (p)
		memset(p, 0, total);
	return p;
}

void *uk_alloc_realloc_generic(struct uk_alloc *a, void *ptr, size_t size)
{
	size_t old;
	void *p;

	if (!ptr)
		return a->malloc(a, size);
	if (!size) {
		a->free(a, ptr);
		return NULL;
	}
	old = a->getsize(a, ptr);
	if (size <= old)
		return ptr;	/* a backend without realloc cannot shrink */
	p = a->malloc(a, size);
	if (!p)
		return NULL;	/* the old block stays valid, as C says */
	memcpy(p, ptr, old);
	a->free(a, ptr);
	return p;
}

void *uk_alloc_memalign_generic(struct uk_alloc *a, size_t align,
				size_t size)
{
	/* Without backend help we can only promise the natural alignment. */
	if (!align || (align & (align - 1)) || align > UK_ALLOC_MINALIGN)
		return NULL;
	return a->malloc(a, size);
}

static size_t unknown_mem(struct uk_alloc *a)
{
	return 0;
}

static int no_addmem(struct uk_alloc *a, void *base, size_t len)
{
	return -EINVAL;
}

int uk_alloc_register(struct uk_alloc *a)
{
	if (!a || !a->malloc || !a->free || (!a->realloc && !a->getsize))
		return -EINVAL;
	if (!a->calloc)
		a->calloc = uk_alloc_calloc_generic;
	if (!a->realloc)
		a->realloc = uk_alloc_realloc_generic;
	if (!a->memalign)
		a->memalign = uk_alloc_memalign_generic;
	if (!a->availmem)
		a->availmem = unknown_mem;
	if (!a->maxalloc)
		a->maxalloc = unknown_mem;
	if (!a->addmem)
		a->addmem = no_addmem;
	if (!_uk_alloc_default)
		_uk_alloc_default = a;
	return 0;
}

int uk_posix_memalign(struct uk_alloc *a, void **memptr, size_t align,
		      size_t size)
{
	void *p;

	if (!align || (align & (align - 1)) || align % sizeof(void *))
		return EINVAL;
	p = uk_memalign(a, align, size);
	if (!p)
		return ENOMEM;
	*memptr = p;
	return 0;
}
