/* SPDX-License-Identifier: BSD-3-Clause */
/* The default allocator spans every free RAM region of the platform. */
#include <uk/print.h>
#include <uk/alloc.h>
#include <uk/tlsf.h>
#include <uk/plat/memory.h>
#include "boot.h"

void ukboot_heap_init(void)
{
	const struct ukplat_memregion *r;
	struct uk_alloc *a = NULL;
	int i, n = ukplat_memregion_count();

	for (i = 0; i < n; i++) {
		r = ukplat_memregion_get(i);
		if (!a)
			a = uk_tlsf_init((void *)r->base, r->len);
		else
			uk_tlsf_addmem(a, (void *)r->base, r->len);
	}
	if (a)
		uk_alloc_set_default(a);
	else
		uk_pr_warn("no free memory: running without a heap\n");
}
