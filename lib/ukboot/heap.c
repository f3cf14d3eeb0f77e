/* SPDX-License-Identifier: BSD-3-Clause */
/* The default allocator spans every free RAM region of the platform. */
#include <stdio.h>
#include <uk/alloc.h>
#include <uk/tlsf.h>
#include <uk/plat/lifecycle.h>
#include <uk/plat/memory.h>
#include "boot.h"

void ukboot_heap_init(void)
{
	const struct ukplat_memregion *r;
	struct uk_alloc *a = NULL;
	int i, n = ukplat_memregion_count();
	size_t bytes = 0;

	for (i = 0; i < n; i++) {
		r = ukplat_memregion_get(i);
		bytes += r->len;
		if (!a)
			a = uk_tlsf_init((void *)r->base, r->len);
		else
			uk_tlsf_addmem(a, (void *)r->base, r->len);
	}
	/*
	 * No region holds the allocator's own structure: malloc would fail
	 * later, far from the cause (and Rust's allocator aborts). Said
	 * like the platform's own "not enough memory" boot failures.
	 */
	if (!a) {
		printf("Boot failed: not enough memory: %zu KiB free after the image, too little for a heap\n",
		       bytes >> 10);
		ukplat_terminate(UKPLAT_CRASH_STATUS);
	}
	uk_alloc_set_default(a);
}
