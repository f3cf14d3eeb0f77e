/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * TLSF (two-level segregated fit) allocator: O(1) malloc, free and
 * initialisation. Its control structure (about 8.5 KiB) lives at the
 * start of the first region. Every result is 16-byte aligned; each
 * allocation costs 8 bytes of header beyond 16-byte rounding.
 */
#ifndef __UK_TLSF_H__
#define __UK_TLSF_H__

#include <stddef.h>
#include <uk/alloc.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Build an allocator over [base, base + len). It becomes the default
 * allocator when there is none yet. NULL when the region is too small.
 */
struct uk_alloc *uk_tlsf_init(void *base, size_t len);

/* Add a region to a TLSF allocator: 0, or -EINVAL when it is unusable. */
int uk_tlsf_addmem(struct uk_alloc *a, void *base, size_t len);

/*
 * Walk every block and free list and cross-check them (O(blocks), for
 * tests and debugging). 0 when consistent, otherwise the source line of
 * the first check that failed.
 */
int uk_tlsf_check(struct uk_alloc *a);

#ifdef __cplusplus
}
#endif

#endif /* __UK_TLSF_H__ */
