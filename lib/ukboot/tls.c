/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The main thread's TLS block when no libc sets one up (nolibc): a copy
 * of .tdata, a zeroed .tbss, and the thread pointer where the compiler's
 * TLS offsets expect it. x86_64 (TLS variant II): the block ends at the
 * thread pointer, and %fs:0 holds the pointer itself. arm64 (variant I):
 * a 16-byte thread control block at the thread pointer, the block after
 * it at the TLS alignment.
 */
#include <string.h>
#include <uk/config.h>
#include <uk/alloc.h>
#include <uk/assert.h>
#include <uk/essentials.h>
#include <uk/asm/cpu.h>
#include <uk/plat/common/sections.h>
#include "boot.h"

void ukboot_tls_init(void)
{
	uintptr_t align = (uintptr_t)__tls_align;
	size_t tdata = __tdata_end - __tls_start;
	size_t size = __tls_end - __tls_start;
	size_t before;	/* from the start of the area to the block */
	char *area;
	uintptr_t tp;

	if (size == 0)
		return;
#ifdef CONFIG_ARCH_X86_64
	if (align < sizeof(void *))
		align = sizeof(void *);
	before = 0;
	area = uk_memalign(uk_alloc_get_default(), align,
			   ALIGN_UP(size, align) + sizeof(void *));
	tp = (uintptr_t)area + ALIGN_UP(size, align);
#else
	if (align < 16)
		align = 16;
	before = ALIGN_UP(16, align);
	area = uk_memalign(uk_alloc_get_default(), align, before + size);
	tp = (uintptr_t)area;
#endif
	if (!area)
		UK_CRASH("no memory for the %zu bytes of thread-local storage\n",
			 size);
#ifdef CONFIG_ARCH_X86_64
	area = (char *)tp - ALIGN_UP(size, align);
	*(uintptr_t *)tp = tp;
#endif
	memcpy(area + before, __tls_start, tdata);
	memset(area + before + tdata, 0, size - tdata);
	ukarch_tp_set(tp);
}
