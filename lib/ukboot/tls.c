/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Thread-local storage blocks: the main thread's when no libc sets one
 * up (nolibc), and every uksched thread's. A block is a copy of .tdata,
 * a zeroed .tbss, and the thread pointer where the compiler's TLS
 * offsets expect it. x86_64 (TLS variant II): the block ends at the
 * thread pointer, and %fs:0 holds the pointer itself. arm64 (variant I):
 * a 16-byte thread control block at the thread pointer, the block after
 * it at the TLS alignment.
 */
#include <string.h>
#include <uk/config.h>
#include <uk/alloc.h>
#include <uk/assert.h>
#include <uk/boot.h>
#include <uk/essentials.h>
#include <uk/asm/cpu.h>
#include <uk/plat/common/sections.h>
#include "boot.h"

/*
 * Zeroed room next to every thread pointer, where a libc looks when a
 * kernel thread (lwIP's, a driver's) calls it: x86's stack-protector
 * canary at %fs:0x28 and the libc's thread structure (musl's is at the
 * pointer on x86_64, just below it on arm64). uk_pr_*() format with
 * the libc's snprintf: without this, printing from such a thread read
 * address 0x28.
 */
#define LIBC_ROOM	256

int ukboot_tls_alloc(void **area_out, uintptr_t *tp_out)
{
	uintptr_t align = (uintptr_t)__tls_align;
	size_t tdata = __tdata_end - __tls_start;
	size_t size = __tls_end - __tls_start;
	char *area, *block;
	uintptr_t tp;

	*area_out = NULL;
	*tp_out = 0;
#ifdef CONFIG_ARCH_X86_64
	/* The block's size rounded up to the segment's own alignment is
	 * what the compiler's offsets below the pointer assume.
	 */
	if (align < sizeof(void *))
		align = sizeof(void *);
	area = uk_memalign(uk_alloc_get_default(), align,
			   ALIGN_UP(size, align) + LIBC_ROOM);
	if (!area)
		return -1;
	tp = (uintptr_t)area + ALIGN_UP(size, align);
	block = (char *)tp - ALIGN_UP(size, align);
	memset((void *)tp, 0, LIBC_ROOM);
	*(uintptr_t *)tp = tp;
#else
	if (align < 16)
		align = 16;
	/* The libc's room, then the 16-byte control block at the thread
	 * pointer, then the block, aligned.
	 */
	area = uk_memalign(uk_alloc_get_default(), align,
			   ALIGN_UP(LIBC_ROOM, align) + ALIGN_UP(16, align) +
			   size);
	if (!area)
		return -1;
	tp = (uintptr_t)area + ALIGN_UP(LIBC_ROOM, align);
	memset(area, 0, ALIGN_UP(LIBC_ROOM, align) + 16);
	block = (char *)tp + ALIGN_UP(16, align);
#endif
	memcpy(block, __tls_start, tdata);
	memset(block + tdata, 0, size - tdata);
	*area_out = area;
	*tp_out = tp;
	return 0;
}

void ukboot_tls_init(void)
{
	void *area;
	uintptr_t tp;

	if (ukboot_tls_alloc(&area, &tp))
		UK_CRASH("no memory for the %zu bytes of thread-local storage\n",
			 (size_t)(__tls_end - __tls_start));
	if (area)
		ukarch_tp_set(tp);
}

/*
 * Under a libc, its start-up sets the main thread's pointer, after the
 * init functions ran; until then they get a zeroed scratch area around
 * the pointer, so libc functions they call find what they read there:
 * x86's stack-protector canary at %fs:0x28 and the libc's thread
 * structure (musl keeps it at the pointer on x86_64, just below it on
 * arm64), zero but readable and writable (errno). Locale-dependent
 * calls (strerror) still need the libc's own set-up.
 */
void ukboot_tls_scratch(void)
{
	static char scratch[2048] __aligned(64);
	uintptr_t tp = (uintptr_t)scratch + sizeof(scratch) / 2;

#ifdef CONFIG_ARCH_X86_64
	*(uintptr_t *)tp = tp;
#endif
	ukarch_tp_set(tp);
}
