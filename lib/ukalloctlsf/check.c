/* SPDX-License-Identifier: BSD-3-Clause */
/* Consistency walk over a TLSF heap, for tests (--gc-sections drops it). */
#include <uk/tlsf.h>
#include "tlsf_impl.h"

#define CHECK(cond)				\
	do {					\
		if (!(cond))			\
			return __LINE__;	\
	} while (0)

/* Physical walk of one pool: sizes, flags, boundary tags, coalescing. */
static int check_pool(struct tlsf *t, struct tlsf_pool *pool,
		      size_t *nfree, size_t *free_sum)
{
	struct tlsf_block *b, *prev = NULL;
	struct tlsf_block *end;
	unsigned int fl, sl;
	size_t s;

	CHECK(((uintptr_t)pool & (ALIGN - 1)) == 0);
	CHECK(pool->len >= POOL_MIN && pool->len <= POOL_MAX);
	end = (struct tlsf_block *)((char *)pool + pool->len - HDR_SIZE);
	for (b = pool_first(pool); b != end; b = blk_next(b)) {
		s = blk_size(b);
		CHECK(s >= MIN_BLOCK && s % ALIGN == 0);
		CHECK(s <= (size_t)((char *)end - (char *)b));
		CHECK(!!(b->hdr & BLK_PREV_FREE) ==
		      !!(prev && (prev->hdr & BLK_FREE)));
		if (b->hdr & BLK_PREV_FREE)
			CHECK(b->prev_phys == prev);
		if (b->hdr & BLK_FREE) {
			/* two free neighbours should have been merged */
			CHECK(!(b->hdr & BLK_PREV_FREE));
			mapping_insert(s, &fl, &sl);
			CHECK(t->sl_bitmap[fl] & (1U << sl));
			(*nfree)++;
			*free_sum += s;
		}
		prev = b;
	}
	CHECK(blk_size(end) == 0 && !(end->hdr & BLK_FREE));
	CHECK(!!(end->hdr & BLK_PREV_FREE) == !!(prev->hdr & BLK_FREE));
	if (end->hdr & BLK_PREV_FREE)
		CHECK(end->prev_phys == prev);
	return 0;
}

/* Free lists: links, list membership, bitmaps; no more than nfree. */
static int check_lists(struct tlsf *t, size_t nfree, size_t free_sum)
{
	struct tlsf_block *b, *prev;
	unsigned int fl, sl, f2, s2;
	size_t n = 0, sum = 0;

	for (fl = 0; fl < FL_COUNT; fl++) {
		CHECK(!!t->sl_bitmap[fl] == !!(t->fl_bitmap & (1U << fl)));
		for (sl = 0; sl < SL_COUNT; sl++) {
			if (!(t->sl_bitmap[fl] & (1U << sl)))
				continue;
			prev = NULL;
			for (b = t->heads[fl][sl]; b; b = b->next_free) {
				CHECK(++n <= nfree);	/* also stops cycles */
				CHECK(b->hdr & BLK_FREE);
				CHECK(b->prev_free == prev);
				mapping_insert(blk_size(b), &f2, &s2);
				CHECK(f2 == fl && s2 == sl);
				sum += blk_size(b);
				prev = b;
			}
			CHECK(prev);	/* bit set, list empty */
		}
	}
	CHECK(n == nfree && sum == free_sum);
	return 0;
}

int uk_tlsf_check(struct uk_alloc *a)
{
	struct tlsf *t = to_tlsf(a);
	struct tlsf_pool *pool;
	size_t nfree = 0, free_sum = 0;
	int rc;

	for (pool = t->pools; pool; pool = pool->next) {
		rc = check_pool(t, pool, &nfree, &free_sum);
		if (rc)
			return rc;
	}
	CHECK(free_sum == t->free_bytes);
	return check_lists(t, nfree, free_sum);
}
