/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * TLSF internals shared by the allocator and its consistency check.
 *
 * A block is a 16-byte header followed by its payload:
 *
 *   +0   prev_phys  previous block in memory; valid only while that
 *                   block is free, otherwise it is the last 8 bytes of
 *                   the previous block's payload
 *   +8   hdr        block size (header included, multiple of 16) | flags
 *   +16  payload    for free blocks: next_free, prev_free
 *
 * so a used block of size S can hold S - 8 bytes. Each region (pool)
 * starts with a struct tlsf_pool and ends with a 16-byte sentinel block of
 * size 0 that is never free, so walks and coalescing stop there.
 *
 * Free blocks sit in segregated lists: first level = power of two, second
 * level = SL_COUNT linear steps within it; sizes below SMALL_SIZE all go in
 * first level 0 in 16-byte steps. A list head is only valid while its
 * bitmap bit is set, which is what lets init skip clearing the heads.
 */
#ifndef __TLSF_IMPL_H__
#define __TLSF_IMPL_H__

#include <stddef.h>
#include <stdint.h>
#include <uk/alloc.h>

#define ALIGN_LOG2	4
#define ALIGN		(1UL << ALIGN_LOG2)
#define SL_LOG2		5
#define SL_COUNT	(1 << SL_LOG2)
#define FL_SHIFT	(SL_LOG2 + ALIGN_LOG2)
#define SMALL_SIZE	(1UL << FL_SHIFT)
#define FL_MAX_LOG2	39	/* largest block < 1 TiB */
#define FL_COUNT	(FL_MAX_LOG2 - FL_SHIFT + 2)

#define HDR_SIZE	16UL
#define OVERHEAD	8UL	/* the hdr word; prev_phys overlaps */
#define MIN_BLOCK	32UL	/* header + the two free-list links */
#define BLOCK_MAX	((1UL << (FL_MAX_LOG2 + 1)) - ALIGN)

#define BLK_FREE	1UL
#define BLK_PREV_FREE	2UL
#define BLK_FLAGS	(BLK_FREE | BLK_PREV_FREE)

struct tlsf_block {
	struct tlsf_block *prev_phys;
	size_t hdr;
	struct tlsf_block *next_free;
	struct tlsf_block *prev_free;
};

struct tlsf_pool {
	struct tlsf_pool *next;
	size_t len;		/* bytes from the pool start to its end */
};

#define POOL_MIN	(sizeof(struct tlsf_pool) + MIN_BLOCK + HDR_SIZE)
#define POOL_MAX	(sizeof(struct tlsf_pool) + BLOCK_MAX + HDR_SIZE)

struct tlsf {
	struct uk_alloc a;	/* first: uk_alloc * and tlsf * convert */
	uint32_t fl_bitmap;
	uint32_t sl_bitmap[FL_COUNT];
	size_t free_bytes;	/* sum of free block sizes */
	struct tlsf_pool *pools;
	struct tlsf_block *heads[FL_COUNT][SL_COUNT];
};

_Static_assert(sizeof(struct tlsf_block) == MIN_BLOCK, "block layout");
_Static_assert(sizeof(struct tlsf_pool) % ALIGN == 0, "pool layout");
_Static_assert(FL_COUNT <= 32, "fl_bitmap is 32 bits");

static inline struct tlsf *to_tlsf(struct uk_alloc *a)
{
	return (struct tlsf *)a;
}

static inline size_t blk_size(const struct tlsf_block *b)
{
	return b->hdr & ~BLK_FLAGS;
}

static inline struct tlsf_block *blk_next(const struct tlsf_block *b)
{
	return (struct tlsf_block *)((char *)b + blk_size(b));
}

static inline void *blk_payload(struct tlsf_block *b)
{
	return (char *)b + HDR_SIZE;
}

static inline struct tlsf_block *blk_of(const void *p)
{
	return (struct tlsf_block *)((char *)p - HDR_SIZE);
}

static inline struct tlsf_block *pool_first(struct tlsf_pool *p)
{
	return (struct tlsf_block *)(p + 1);
}

static inline unsigned int fls_size(size_t x)
{
	return 8 * sizeof(long) - 1 - __builtin_clzl(x);
}

/* The list a free block of size s belongs in. */
static inline void mapping_insert(size_t s, unsigned int *fl, unsigned int *sl)
{
	unsigned int f;

	if (s < SMALL_SIZE) {
		*fl = 0;
		*sl = s >> ALIGN_LOG2;
		return;
	}
	f = fls_size(s);
	*sl = (s >> (f - SL_LOG2)) & (SL_COUNT - 1);
	*fl = f - FL_SHIFT + 1;
}

#endif /* __TLSF_IMPL_H__ */
