/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Memory for the program: the break (one block taken from the heap the
 * first time it grows) and anonymous mappings (page-aligned heap
 * blocks, zeroed as Linux gives them). Everything stays readable and
 * writable: mprotect() changes nothing, so guard pages do not fault.
 * Unmapping the head or tail of a mapping shrinks it; the block goes
 * back to the heap once all of it is unmapped (a hole in the middle is
 * only given back with the rest).
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <uk/config.h>
#include <uk/alloc.h>
#include <uk/asm/paging.h>
#include <uk/plat/common/sections.h>
#include "syscalls.h"

/*
 * Where Linux's user address space ends (x86_64; arm64's is 2^48):
 * lengths past it are refused with Linux's errors, not taken as "all
 * the rest" (a munmap of 2^63 bytes would drop every mapping above).
 */
#ifdef CONFIG_ARCH_X86_64
#define USER_END	((1UL << 47) - PAGE_SIZE)
#else
#define USER_END	(1UL << 48)
#endif
#define BRK_SIZE	((unsigned long)CONFIG_LIBUKSYSCALL_BRK_SIZE << 10)

static unsigned long brk_start, brk_cur, brk_end;

long sys_brk(unsigned long addr)
{
	void *block;

	if (!brk_start) {
		block = BRK_SIZE ? uk_memalign(uk_alloc_get_default(), PAGE_SIZE,
					       BRK_SIZE) : NULL;
		/* Without a block, the break sits at the image's end. */
		brk_start = block ? (unsigned long)block
				  : ALIGN_UP((unsigned long)_end, PAGE_SIZE);
		brk_end = block ? brk_start + BRK_SIZE : brk_start;
		brk_cur = brk_start;
	}
	/* Linux answers the current break when it cannot move it. */
	if (addr < brk_start || addr > brk_end)
		return brk_cur;
	if (addr > brk_cur)
		memset((void *)brk_cur, 0, addr - brk_cur);
	brk_cur = addr;
	return brk_cur;
}

/* A mapping's block, and the part of it still mapped. */
struct mapping {
	struct mapping *next;
	unsigned long block, lo, hi;
};

static struct mapping *mappings;

static struct mapping *mapping_at(unsigned long addr)
{
	struct mapping *m;

	for (m = mappings; m; m = m->next)
		if (addr >= m->lo && addr < m->hi)
			return m;
	return NULL;
}

static long map_new(size_t len)
{
	struct uk_alloc *a = uk_alloc_get_default();
	struct mapping *m = uk_malloc(a, sizeof(*m));
	void *block = m ? uk_memalign(a, PAGE_SIZE, len) : NULL;

	if (!block) {
		uk_free(a, m);
		return -ENOMEM;
	}
	memset(block, 0, len);
	m->block = m->lo = (unsigned long)block;
	m->hi = m->lo + len;
	m->next = mappings;
	mappings = m;
	return m->lo;
}

long sys_mmap(unsigned long addr, size_t len, int prot, int flags, int fd,
	      off_t off)
{
	struct mapping *m;

	/* Linux's order: offset, descriptor, length, type, address. */
	if (off & (PAGE_SIZE - 1))
		return -EINVAL;
	if (!(flags & MAP_ANONYMOUS) && sys_fcntl(fd, F_GETFD, 0) < 0)
		return -EBADF;
	if (!len)
		return -EINVAL;
	if (len > USER_END)
		return -ENOMEM;
	if (!(flags & MAP_ANONYMOUS))
		return -ENODEV;		/* the console; no files yet */
	switch (flags & MAP_SHARED_VALIDATE) {
	case MAP_SHARED:	/* one process: shared is private */
	case MAP_PRIVATE:
	case MAP_SHARED_VALIDATE:
		break;
	default:
		return -EINVAL;
	}
	len = ALIGN_UP(len, PAGE_SIZE);
	if (flags & (MAP_FIXED | MAP_FIXED_NOREPLACE)) {
		if (addr & (PAGE_SIZE - 1))
			return -EINVAL;
		/* Only inside what is mapped already: it reads as new. */
		m = mapping_at(addr);
		if (!m || addr + len > m->hi || addr + len < addr)
			return -ENOMEM;
		if (flags & MAP_FIXED_NOREPLACE)
			return -EEXIST;
		memset((void *)addr, 0, len);
		return addr;
	}
	/* addr is only a hint (aligned or not), as on Linux. */
	return map_new(len);
}

long sys_munmap(unsigned long addr, size_t len)
{
	struct mapping **link, *m;
	unsigned long end;

	if (!len || addr & (PAGE_SIZE - 1) || addr > USER_END ||
	    len > USER_END - addr)
		return -EINVAL;
	end = addr + ALIGN_UP(len, PAGE_SIZE);
	/* Unmapping what is not mapped is no error, as on Linux. */
	for (link = &mappings; (m = *link);) {
		if (m->hi <= addr || m->lo >= end) {
			link = &m->next;
		} else if (addr <= m->lo && end >= m->hi) {
			*link = m->next;
			uk_free(uk_alloc_get_default(), (void *)m->block);
			uk_free(uk_alloc_get_default(), m);
		} else {
			if (addr <= m->lo)
				m->lo = end;
			else if (end >= m->hi)
				m->hi = addr;
			/* else a hole: kept until the rest goes */
			link = &m->next;
		}
	}
	return 0;
}

long sys_mremap(unsigned long old, size_t old_len, size_t new_len,
		int flags, unsigned long new_addr)
{
	struct mapping *m;
	long addr;

	/* Old length 0 would copy a shared mapping: none is shared here. */
	if (old & (PAGE_SIZE - 1) || !old_len || !new_len ||
	    old_len > USER_END || new_len > USER_END ||
	    flags & ~(MREMAP_MAYMOVE))
		return -EINVAL;
	old_len = ALIGN_UP(old_len, PAGE_SIZE);
	new_len = ALIGN_UP(new_len, PAGE_SIZE);
	m = mapping_at(old);
	if (!m || old != m->lo || old + old_len > m->hi)
		return -EFAULT;
	if (new_len <= old_len) {
		if (old + old_len == m->hi)
			m->hi = old + new_len;
		return old;
	}
	if (!(flags & MREMAP_MAYMOVE))
		return -ENOMEM;
	addr = map_new(new_len);
	if (addr < 0)
		return addr;
	memcpy((void *)addr, (void *)old, old_len);
	sys_munmap(old, old_len);
	return addr;
}

long sys_mprotect(unsigned long addr, size_t len, int prot)
{
	return addr & (PAGE_SIZE - 1) ? -EINVAL : 0;
}

long sys_madvise(unsigned long addr, size_t len, int advice)
{
	struct mapping *m;

	if (addr & (PAGE_SIZE - 1) || len > USER_END || addr + len < addr)
		return -EINVAL;
	/* Linux's advice: 0-4 and 8-25 (MADV_NORMAL ... MADV_COLLAPSE). */
	if (advice < MADV_NORMAL || (advice > MADV_DONTNEED && advice < 8) ||
	    advice > 25)
		return -EINVAL;
	/* Anonymous memory reads as zero after MADV_DONTNEED: whole pages. */
	len = ALIGN_UP(len, PAGE_SIZE);
	if (advice == MADV_DONTNEED) {
		m = mapping_at(addr);
		if (m && addr + len <= m->hi)
			memset((void *)addr, 0, len);
	}
	return 0;
}
