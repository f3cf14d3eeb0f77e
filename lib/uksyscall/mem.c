/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Memory for the program: the break (one block taken from the heap the
 * first time it grows) and anonymous mappings (page-aligned heap
 * blocks, zeroed as Linux gives them). Memory stays readable and
 * writable, with one exception for stack guards: one PROT_NONE range of
 * up to GUARD_MAX pages per mapping (musl's and Rust's thread stacks:
 * mmap PROT_NONE, then mprotect all but the lowest page) is made
 * inaccessible, so a thread's stack overflow faults. Unmapping the head
 * or tail of a mapping shrinks it; the block goes back to the heap once
 * all of it is unmapped (a hole in the middle is only given back with
 * the rest).
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <uk/config.h>
#include <uk/alloc.h>
#include <uk/asm/paging.h>
#include <uk/plat/common/sections.h>
#include <uk/sched.h>
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

/* A mapping's block, the part of it still mapped, and its PROT_NONE
 * range [nlo, nhi) (empty: nlo == nhi), guarded once small enough.
 */
struct mapping {
	struct mapping *next;
	unsigned long block, lo, hi;
	unsigned long nlo, nhi;
	int guarded;
};

#define GUARD_MAX	(16 * PAGE_SIZE)

static struct mapping *mappings;

/* Guards or unguards the pages of [lo, hi). */
static void guard_pages(unsigned long lo, unsigned long hi, int on)
{
	for (; lo < hi; lo += PAGE_SIZE)
		uk_page_guard(lo, on);
}

/* Sets m's PROT_NONE range (lo == hi: none), guarded when small. */
static void none_set(struct mapping *m, unsigned long lo, unsigned long hi)
{
	if (hi <= lo)
		lo = hi = 0;
	if (m->guarded)
		guard_pages(m->nlo, m->nhi, 0);
	m->guarded = 0;
	m->nlo = lo;
	m->nhi = hi;
	if (hi > lo && hi - lo <= GUARD_MAX) {
		guard_pages(lo, hi, 1);
		m->guarded = 1;
	}
}

/* The guarded range below sp in sp's mapping (a thread's stack), for
 * crash reports; 0 when there is none.
 */
unsigned long uksyscall_guard_below(unsigned long sp, unsigned long *len)
{
	struct mapping *m;

	for (m = mappings; m; m = m->next)
		if (m->guarded && sp > m->lo && sp <= m->hi && m->nhi <= sp) {
			*len = m->nhi - m->nlo;
			return m->nlo;
		}
	return 0;
}

static struct mapping *mapping_at(unsigned long addr)
{
	struct mapping *m;

	for (m = mappings; m; m = m->next)
		if (addr >= m->lo && addr < m->hi)
			return m;
	return NULL;
}

static long map_new(size_t len, int prot)
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
	m->nlo = m->nhi = 0;
	m->guarded = 0;
	m->next = mappings;
	mappings = m;
	if (prot == PROT_NONE)
		none_set(m, m->lo, m->hi);
	return m->lo;
}

/*
 * A file mapping is a copy of the file's bytes, made now: private ones
 * behave as on Linux until the file changes under them; shared ones are
 * taken only read-only (writes could not reach the file).
 */
static int file_map_check(struct uk_file *f, int prot, int flags)
{
	if (!f->vn || !S_ISREG(f->vn->st.st_mode))
		return -ENODEV;
	if ((f->flags & O_ACCMODE) == O_WRONLY || f->flags & O_PATH)
		return -EACCES;
	if ((flags & MAP_SHARED_VALIDATE) != MAP_PRIVATE &&
	    prot & PROT_WRITE)
		return -ENODEV;
	return 0;
}

static long file_fill(struct uk_file *f, unsigned long addr, size_t len,
		      off_t off)
{
	size_t done = 0;
	ssize_t n;

	while (done < len) {
		n = f->vn->ops->read(f->vn, (char *)addr + done, len - done,
				     off + done);
		if (n < 0)
			return n;
		if (n == 0)
			break;
		done += n;
	}
	return addr;
}

static long map(unsigned long addr, size_t len, int prot, int flags,
		struct uk_file *f, off_t off)
{
	struct mapping *m;
	long rc;

	if (!len)
		return -EINVAL;
	if (len > USER_END)
		return -ENOMEM;
	switch (flags & MAP_SHARED_VALIDATE) {
	case MAP_SHARED:	/* one process: shared is private */
	case MAP_PRIVATE:
	case MAP_SHARED_VALIDATE:
		break;
	default:
		return -EINVAL;
	}
	if (f && (rc = file_map_check(f, prot, flags)))
		return rc;
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
		/* New memory: accessible, whatever the range was before. */
		sys_mprotect(addr, len, prot == PROT_NONE && !f ? PROT_NONE :
				       PROT_READ | PROT_WRITE);
		if (prot != PROT_NONE || f)
			memset((void *)addr, 0, len);
	} else {
		/* addr is only a hint (aligned or not), as on Linux. */
		addr = map_new(len, f ? PROT_READ | PROT_WRITE : prot);
		if ((long)addr < 0)
			return addr;
	}
	return f ? file_fill(f, addr, len, off) : (long)addr;
}

long sys_mmap(unsigned long addr, size_t len, int prot, int flags, int fd,
	      off_t off)
{
	struct uk_file *f = NULL;
	long rc;

	/* Linux's order: offset, descriptor, length, type, address. */
	if (off & (PAGE_SIZE - 1))
		return -EINVAL;
	if (!(flags & MAP_ANONYMOUS) && !(f = uk_fd_get(fd)))
		return -EBADF;
	rc = map(addr, len, prot, flags, f, off);
	if (f)
		uk_file_put(f);
	return rc;
}

/* Whether the calling thread runs on m's block. */
static int on_stack(const struct mapping *m)
{
	unsigned long sp = (unsigned long)__builtin_frame_address(0);

	return sp >= m->block && sp < m->hi;
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
			none_set(m, 0, 0);	/* the heap's pages again */
			/* musl's detached threads unmap their own stack and
			 * then exit: until then, it is still the stack
			 * interrupts and preemption use.
			 */
			if (on_stack(m))
				uk_thread_free_on_exit((void *)m->block);
			else
				uk_free(uk_alloc_get_default(),
					(void *)m->block);
			uk_free(uk_alloc_get_default(), m);
		} else {
			if (addr <= m->lo)
				m->lo = end;
			else if (end >= m->hi)
				m->hi = addr;
			/* Unmapped pages may be guarded: not any more. */
			if (m->nlo < end && addr < m->nhi)
				none_set(m, 0, 0);
			/* else a hole: kept until the rest goes */
			link = &m->next;
		}
	}
	return 0;
}

long sys_mremap(unsigned long old, size_t old_len, size_t new_len,
		int flags, unsigned long new_addr)
{
	unsigned long nlo, nhi;
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
	addr = map_new(new_len, PROT_READ | PROT_WRITE);
	if (addr < 0)
		return addr;
	/* A PROT_NONE range moves along, made readable to be copied. */
	nlo = m->nlo;
	nhi = m->nhi;
	none_set(m, 0, 0);
	memcpy((void *)addr, (void *)old, old_len);
	if (nhi > nlo && nlo >= old && nlo < old + old_len)
		sys_mprotect(addr + (nlo - old),
			     MIN(nhi, old + old_len) - nlo, PROT_NONE);
	sys_munmap(old, old_len);
	return addr;
}

/*
 * Only PROT_NONE is kept, for one range per mapping (see the top);
 * every other protection leaves memory readable and writable.
 */
long sys_mprotect(unsigned long addr, size_t len, int prot)
{
	struct mapping *m;
	unsigned long end;

	if (addr & (PAGE_SIZE - 1) || len > USER_END || addr + len < addr)
		return -EINVAL;
	end = addr + ALIGN_UP(len, PAGE_SIZE);
	m = mapping_at(addr);
	if (!m || end > m->hi || !len)
		return 0;
	if (prot == PROT_NONE) {
		if (m->nlo == m->nhi)
			none_set(m, addr, end);
	} else if (m->nlo < end && addr < m->nhi) {
		/* What stays PROT_NONE: the lower leftover, else the upper. */
		if (m->nlo < addr)
			none_set(m, m->nlo, addr);
		else
			none_set(m, MAX(end, m->nlo), m->nhi);
	}
	return 0;
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
		if (m && addr + len <= m->hi && !(m->guarded &&
		    m->nlo < addr + len && addr < m->nhi))
			memset((void *)addr, 0, len);
	}
	return 0;
}
