/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The allocator interface. A backend fills a struct uk_alloc with its ops
 * and calls uk_alloc_register(), which supplies generic versions of the
 * optional ops, so every wrapper below is a single indirect call.
 *
 * Required ops: malloc, free, and either realloc or getsize.
 * Optional ops (generic fallback): calloc (malloc + memset, overflow-safe),
 * realloc (malloc + copy + free, needs getsize), memalign (only alignments
 * up to UK_ALLOC_MINALIGN), availmem/maxalloc (report 0), addmem (fails).
 *
 * Semantics every backend keeps: malloc(0) returns a unique pointer;
 * realloc(NULL, n) is malloc(n); realloc(p, 0) frees p and returns NULL;
 * free() and realloc() never see a pointer from another allocator.
 * Thread-safe on one CPU: every wrapper masks interrupts (no preemption)
 * around the backend's op.
 */
#ifndef __UK_ALLOC_H__
#define __UK_ALLOC_H__

#include <errno.h>
#include <stddef.h>
#include <uk/essentials.h>
#include <uk/asm/cpu.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Every pointer an allocator returns is aligned at least this much. */
#define UK_ALLOC_MINALIGN	16

struct uk_alloc {
	void *(*malloc)(struct uk_alloc *a, size_t size);
	void *(*calloc)(struct uk_alloc *a, size_t nmemb, size_t size);
	void *(*realloc)(struct uk_alloc *a, void *ptr, size_t size);
	/* align is a power of two; NULL when it is not */
	void *(*memalign)(struct uk_alloc *a, size_t align, size_t size);
	void (*free)(struct uk_alloc *a, void *ptr);	/* ptr != NULL */
	/* usable bytes of an allocated block (>= the size asked for) */
	size_t (*getsize)(struct uk_alloc *a, const void *ptr);
	/* bytes still free, and the largest size malloc will surely grant */
	size_t (*availmem)(struct uk_alloc *a);
	size_t (*maxalloc)(struct uk_alloc *a);
	/* hand another memory region to the allocator: 0 or -errno */
	int (*addmem)(struct uk_alloc *a, void *base, size_t len);
};

/* The allocator malloc() & co. use; NULL until one is registered. */
extern struct uk_alloc *_uk_alloc_default;

static inline struct uk_alloc *uk_alloc_get_default(void)
{
	return _uk_alloc_default;
}

static inline void uk_alloc_set_default(struct uk_alloc *a)
{
	_uk_alloc_default = a;
}

/*
 * Check a's required ops, fill in the missing optional ones, and make it
 * the default allocator if there is none yet. Returns 0 or -EINVAL.
 */
int uk_alloc_register(struct uk_alloc *a);

/* The generic ops uk_alloc_register() fills in, for backends to reuse. */
void *uk_alloc_calloc_generic(struct uk_alloc *a, size_t nmemb, size_t size);
void *uk_alloc_realloc_generic(struct uk_alloc *a, void *ptr, size_t size);
void *uk_alloc_memalign_generic(struct uk_alloc *a, size_t align,
				size_t size);

static inline void *uk_malloc(struct uk_alloc *a, size_t size)
{
	unsigned long fl;
	void *p;

	if (unlikely(!a))
		return NULL;
	fl = ukarch_irq_save();
	p = a->malloc(a, size);
	ukarch_irq_restore(fl);
	return p;
}

static inline void *uk_calloc(struct uk_alloc *a, size_t nmemb, size_t size)
{
	unsigned long fl;
	void *p;

	if (unlikely(!a))
		return NULL;
	fl = ukarch_irq_save();
	p = a->calloc(a, nmemb, size);
	ukarch_irq_restore(fl);
	return p;
}

static inline void *uk_realloc(struct uk_alloc *a, void *ptr, size_t size)
{
	unsigned long fl;
	void *p;

	if (unlikely(!a))
		return NULL;
	fl = ukarch_irq_save();
	p = a->realloc(a, ptr, size);
	ukarch_irq_restore(fl);
	return p;
}

static inline void *uk_memalign(struct uk_alloc *a, size_t align,
				size_t size)
{
	unsigned long fl;
	void *p;

	if (unlikely(!a))
		return NULL;
	fl = ukarch_irq_save();
	p = a->memalign(a, align, size);
	ukarch_irq_restore(fl);
	return p;
}

static inline void uk_free(struct uk_alloc *a, void *ptr)
{
	unsigned long fl;

	if (likely(a && ptr)) {
		fl = ukarch_irq_save();
		a->free(a, ptr);
		ukarch_irq_restore(fl);
	}
}

/*
 * POSIX rules: align must be a power of two and a multiple of
 * sizeof(void *), else EINVAL; ENOMEM when out of memory. *memptr is
 * only written on success.
 */
int uk_posix_memalign(struct uk_alloc *a, void **memptr, size_t align,
		      size_t size);

static inline size_t uk_alloc_getsize(struct uk_alloc *a, const void *ptr)
{
	if (unlikely(!a || !ptr))
		return 0;
	return a->getsize ? a->getsize(a, ptr) : 0;
}

static inline size_t uk_alloc_availmem(struct uk_alloc *a)
{
	return a ? a->availmem(a) : 0;
}

static inline size_t uk_alloc_maxalloc(struct uk_alloc *a)
{
	return a ? a->maxalloc(a) : 0;
}

static inline int uk_alloc_addmem(struct uk_alloc *a, void *base, size_t len)
{
	return a ? a->addmem(a, base, len) : -EINVAL;
}

#ifdef __cplusplus
}
#endif

#endif /* __UK_ALLOC_H__ */
