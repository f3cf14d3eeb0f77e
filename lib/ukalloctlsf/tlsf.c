/* SPDX-License-Identifier: BSD-3-Clause */
/* TLSF allocator: see tlsf_impl.h for the memory layout. */
#include <errno.h>
#include <string.h>
#include <uk/tlsf.h>
#include "tlsf_impl.h"

static void list_remove(struct tlsf *t, struct tlsf_block *b)
{
	struct tlsf_block *next = b->next_free, *prev = b->prev_free;
	unsigned int fl, sl;

	if (next)
		next->prev_free = prev;
	if (prev) {
		prev->next_free = next;
		return;
	}
	mapping_insert(blk_size(b), &fl, &sl);
	t->heads[fl][sl] = next;
	if (!next) {
		t->sl_bitmap[fl] &= ~(1U << sl);
		if (!t->sl_bitmap[fl])
			t->fl_bitmap &= ~(1U << fl);
	}
}

static void list_insert(struct tlsf *t, struct tlsf_block *b)
{
	struct tlsf_block *head = NULL;
	unsigned int fl, sl;

	mapping_insert(blk_size(b), &fl, &sl);
	if (t->sl_bitmap[fl] & (1U << sl)) {
		head = t->heads[fl][sl];
		head->prev_free = b;
	}
	b->next_free = head;
	b->prev_free = NULL;
	t->heads[fl][sl] = b;
	t->sl_bitmap[fl] |= 1U << sl;
	t->fl_bitmap |= 1U << fl;
}

/* Block size for a request of n bytes; 0 when it can never fit. */
static size_t adjust_size(size_t n)
{
	size_t s;

	if (n > BLOCK_MAX - OVERHEAD)
		return 0;
	s = (n + OVERHEAD + ALIGN - 1) & ~(ALIGN - 1);
	return s < MIN_BLOCK ? MIN_BLOCK : s;
}

/*
 * Take a free block of at least s bytes off its list. Rounding s up to the
 * next list boundary means any block on the chosen list fits: no search.
 */
static struct tlsf_block *take_free(struct tlsf *t, size_t s)
{
	struct tlsf_block *b;
	unsigned int fl, sl;
	uint32_t map;

	if (s >= SMALL_SIZE)
		s += (1UL << (fls_size(s) - SL_LOG2)) - 1;
	mapping_insert(s, &fl, &sl);
	if (fl >= FL_COUNT)
		return NULL;
	map = t->sl_bitmap[fl] & (~0U << sl);
	if (!map) {
		if (fl + 1 >= FL_COUNT)
			return NULL;
		map = t->fl_bitmap & (~0U << (fl + 1));
		if (!map)
			return NULL;
		fl = __builtin_ctz(map);
		map = t->sl_bitmap[fl];
	}
	sl = __builtin_ctz(map);
	b = t->heads[fl][sl];
	list_remove(t, b);
	return b;
}

/* Turn a block that is not on a list into a free one, coalescing. */
static void release(struct tlsf *t, struct tlsf_block *b)
{
	struct tlsf_block *next;

	t->free_bytes += blk_size(b);
	b->hdr |= BLK_FREE;
	if (b->hdr & BLK_PREV_FREE) {
		struct tlsf_block *prev = b->prev_phys;

		list_remove(t, prev);
		prev->hdr += blk_size(b);
		b = prev;
	}
	next = blk_next(b);
	if (next->hdr & BLK_FREE) {
		list_remove(t, next);
		b->hdr += blk_size(next);
		next = blk_next(b);
	}
	next->prev_phys = b;
	next->hdr |= BLK_PREV_FREE;
	list_insert(t, b);
}

/*
 * Give the tail of used block b beyond s bytes back. The tail's prev_phys
 * word still holds b's data, so it is not written here.
 */
static void shrink(struct tlsf *t, struct tlsf_block *b, size_t s)
{
	size_t rest = blk_size(b) - s;
	struct tlsf_block *tail;

	if (rest < MIN_BLOCK)
		return;
	tail = (struct tlsf_block *)((char *)b + s);
	tail->hdr = rest;
	b->hdr -= rest;
	release(t, tail);
}

/* Hand out free block b (off its list) trimmed to s bytes. */
static void *use(struct tlsf *t, struct tlsf_block *b, size_t s)
{
	b->hdr &= ~BLK_FREE;
	blk_next(b)->hdr &= ~BLK_PREV_FREE;
	t->free_bytes -= blk_size(b);
	shrink(t, b, s);
	return blk_payload(b);
}

static void *tlsf_malloc(struct uk_alloc *a, size_t n)
{
	struct tlsf *t = to_tlsf(a);
	struct tlsf_block *b;
	size_t s = adjust_size(n);

	if (!s)
		return NULL;
	b = take_free(t, s);
	return b ? use(t, b, s) : NULL;
}

static void tlsf_free(struct uk_alloc *a, void *p)
{
	if (p)
		release(to_tlsf(a), blk_of(p));
}

/*
 * Over-allocate by align plus room for a leading free block, then split
 * the leading gap off; it must be 0 or at least MIN_BLOCK bytes.
 */
static void *tlsf_memalign(struct uk_alloc *a, size_t align, size_t n)
{
	struct tlsf *t = to_tlsf(a);
	struct tlsf_block *b, *ab;
	uintptr_t p, ap;
	size_t s = adjust_size(n), gap;

	if (!align || (align & (align - 1)))
		return NULL;
	if (align <= ALIGN)
		return tlsf_malloc(a, n);
	if (!s || align > BLOCK_MAX || s + align + MIN_BLOCK > BLOCK_MAX)
		return NULL;
	b = take_free(t, s + align + MIN_BLOCK);
	if (!b)
		return NULL;
	p = (uintptr_t)blk_payload(b);
	ap = (p + align - 1) & ~(align - 1);
	if (ap != p && ap - p < MIN_BLOCK)
		ap = (p + MIN_BLOCK + align - 1) & ~(align - 1);
	gap = ap - p;
	if (gap) {
		/*
		 * b's neighbours are used (free blocks never touch); ab is
		 * used at once, so its successor's prev_phys is not needed.
		 */
		ab = blk_of((void *)ap);
		ab->hdr = (blk_size(b) - gap) | BLK_FREE | BLK_PREV_FREE;
		ab->prev_phys = b;
		b->hdr -= blk_size(ab);
		list_insert(t, b);
		b = ab;
	}
	return use(t, b, s);
}

static void *tlsf_realloc(struct uk_alloc *a, void *p, size_t n)
{
	struct tlsf *t = to_tlsf(a);
	struct tlsf_block *b, *next;
	size_t s, cur;
	void *q;

	if (!p)
		return tlsf_malloc(a, n);
	if (!n) {
		tlsf_free(a, p);
		return NULL;
	}
	s = adjust_size(n);
	if (!s)
		return NULL;
	b = blk_of(p);
	cur = blk_size(b);
	if (s > cur) {
		next = blk_next(b);
		if (!(next->hdr & BLK_FREE) || cur + blk_size(next) < s) {
			q = tlsf_malloc(a, n);
			if (q) {
				memcpy(q, p, cur - OVERHEAD);
				tlsf_free(a, p);
			}
			return q;
		}
		/* Grow in place into the free neighbour. */
		list_remove(t, next);
		t->free_bytes -= blk_size(next);
		b->hdr += blk_size(next);
		blk_next(b)->hdr &= ~BLK_PREV_FREE;
	}
	shrink(t, b, s);
	return p;
}

static size_t tlsf_getsize(struct uk_alloc *a, const void *p)
{
	return blk_size(blk_of(p)) - OVERHEAD;
}

static size_t tlsf_availmem(struct uk_alloc *a)
{
	return to_tlsf(a)->free_bytes;
}

/* The start of the largest non-empty list is a size malloc surely finds. */
static size_t tlsf_maxalloc(struct uk_alloc *a)
{
	struct tlsf *t = to_tlsf(a);
	unsigned int fl, sl;
	size_t s;

	if (!t->fl_bitmap)
		return 0;
	fl = 31 - __builtin_clz(t->fl_bitmap);
	sl = 31 - __builtin_clz(t->sl_bitmap[fl]);
	if (!fl)
		s = (size_t)sl << ALIGN_LOG2;
	else
		s = (SMALL_SIZE << (fl - 1)) +
		    ((size_t)sl << (fl - 1 + FL_SHIFT - SL_LOG2));
	return s - OVERHEAD;
}

static void add_pool(struct tlsf *t, uintptr_t start, size_t len)
{
	struct tlsf_pool *pool = (struct tlsf_pool *)start;
	struct tlsf_block *b = pool_first(pool), *end;

	pool->len = len;
	pool->next = t->pools;
	t->pools = pool;
	b->hdr = len - sizeof(*pool) - HDR_SIZE;
	end = blk_next(b);
	end->hdr = 0;
	release(t, b);
}

int uk_tlsf_addmem(struct uk_alloc *a, void *base, size_t len)
{
	uintptr_t start = ((uintptr_t)base + ALIGN - 1) & ~(ALIGN - 1);
	uintptr_t end = (uintptr_t)base + len;
	size_t chunk;
	int added = 0;

	if (end < (uintptr_t)base)	/* wraps: clip at the top */
		end = UINTPTR_MAX;
	end &= ~(ALIGN - 1);
	/* A region beyond the largest block size becomes several pools. */
	while (start < end && end - start >= POOL_MIN) {
		chunk = end - start < POOL_MAX ? end - start : POOL_MAX;
		add_pool(to_tlsf(a), start, chunk);
		start += chunk;
		added = 1;
	}
	return added ? 0 : -EINVAL;
}

struct uk_alloc *uk_tlsf_init(void *base, size_t len)
{
	uintptr_t start = ((uintptr_t)base + ALIGN - 1) & ~(ALIGN - 1);
	size_t ctl = (sizeof(struct tlsf) + ALIGN - 1) & ~(ALIGN - 1);
	size_t skip = start - (uintptr_t)base + ctl;
	struct tlsf *t = (struct tlsf *)start;

	if (len < skip || len - skip < POOL_MIN)
		return NULL;
	/* Only bitmaps need clearing: list heads are read only when set. */
	t->fl_bitmap = 0;
	memset(t->sl_bitmap, 0, sizeof(t->sl_bitmap));
	t->free_bytes = 0;
	t->pools = NULL;
	/* All ops set here: uk_alloc_register() would pull in unused code. */
	t->a = (struct uk_alloc){
		.malloc = tlsf_malloc,
		.calloc = uk_alloc_calloc_generic,
		.realloc = tlsf_realloc,
		.memalign = tlsf_memalign,
		.free = tlsf_free,
		.getsize = tlsf_getsize,
		.availmem = tlsf_availmem,
		.maxalloc = tlsf_maxalloc,
		.addmem = uk_tlsf_addmem,
	};
	if (uk_tlsf_addmem(&t->a, (char *)base + skip, len - skip))
		return NULL;
	if (!uk_alloc_get_default())
		uk_alloc_set_default(&t->a);
	return &t->a;
}
