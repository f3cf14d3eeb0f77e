/* SPDX-License-Identifier: BSD-3-Clause */
/* mmap, munmap, mremap, madvise; the break; malloc under stress. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "sc.h"

#define PG	4096UL
#define RW	(PROT_READ | PROT_WRITE)
#define ANON	(MAP_PRIVATE | MAP_ANONYMOUS)

/* 1 when [p, p + n) holds only byte c. */
static int all(const void *p, size_t n, int c)
{
	const unsigned char *b = p;

	while (n--)
		if (*b++ != c)
			return 0;
	return 1;
}

/* mmap's result as say() takes it: -1 on MAP_FAILED, else 0. */
static long mapped(void *p)
{
	return p == MAP_FAILED ? -1 : 0;
}

WORD(mmap)
{
	const char *w = "mmap";
	char *p, *q, *r, *m;

	p = mmap(NULL, 3 * PG, RW, ANON, -1, 0);
	say(w, "map 3 pages", mapped(p));
	val(w, "new pages read as zero", all(p, 3 * PG, 0));
	memset(p, 0x5a, 3 * PG);
	say(w, "unmap the head", munmap(p, PG));
	say(w, "unmap the tail", munmap(p + 2 * PG, PG));
	val(w, "the middle is kept", all(p + PG, PG, 0x5a));
	say(w, "unmap the rest", munmap(p + PG, PG));
	r = mremap(p, PG, 2 * PG, MREMAP_MAYMOVE);
	say(w, "mremap of an unmapped address", mapped(r));
	say(w, "unmap what is unmapped", munmap(p, 3 * PG));

	q = mmap(NULL, 2 * PG, RW, ANON, -1, 0);
	memset(q, 0xa5, 2 * PG);
	r = mremap(q, 2 * PG, 5 * PG, MREMAP_MAYMOVE);
	say(w, "mremap grows (may move)", mapped(r));
	val(w, "the contents moved with it", all(r, 2 * PG, 0xa5));
	val(w, "the new part reads as zero", all(r + 2 * PG, 3 * PG, 0));
	q = mremap(r, 5 * PG, PG, 0);
	val(w, "mremap shrinks in place", q == r);
	val(w, "what is left is kept", all(q, PG, 0xa5));
	say(w, "unmap it", munmap(q, PG));

	m = mmap(NULL, 4 * PG, RW, ANON, -1, 0);
	memset(m, 0xaa, 4 * PG);
	p = mmap(m + PG, PG, RW, ANON | MAP_FIXED, -1, 0);
	val(w, "MAP_FIXED inside a mapping lands there", p == m + PG);
	val(w, "and reads as zero", all(m + PG, PG, 0));
	val(w, "its neighbours are kept",
	    all(m, PG, 0xaa) && all(m + 2 * PG, 2 * PG, 0xaa));
	say(w, "madvise MADV_DONTNEED", madvise(m, PG, MADV_DONTNEED));
	val(w, "the page reads as zero", all(m, PG, 0));
	/* Linux drops whole pages: a length of 100 is one page. */
	say(w, "madvise DONTNEED of 100 bytes", madvise(m + 2 * PG, 100,
							MADV_DONTNEED));
	val(w, "the whole page reads as zero", all(m + 2 * PG, PG, 0));
	val(w, "the next page is kept", all(m + 3 * PG, PG, 0xaa));
	say(w, "mprotect read-only", mprotect(m, PG, PROT_READ));
	say(w, "unmap all 4", munmap(m, 4 * PG));

	/* Refusals Linux and Kiln agree on. */
	say(w, "map 0 bytes", mapped(mmap(NULL, 0, RW, ANON, -1, 0)));
	say(w, "map at an unaligned offset",
	    mapped(mmap(NULL, PG, RW, ANON, -1, 100)));
	say(w, "map neither private nor shared",
	    mapped(mmap(NULL, PG, RW, MAP_ANONYMOUS, -1, 0)));
	say(w, "map fd 5 (not open)",
	    mapped(mmap(NULL, PG, RW, MAP_PRIVATE, 5, 0)));
	say(w, "map fd -1 without MAP_ANONYMOUS",
	    mapped(mmap(NULL, PG, RW, MAP_PRIVATE, -1, 0)));
	say(w, "munmap at an unaligned address", munmap(m + 1, PG));
	say(w, "munmap of 0 bytes", munmap(m, 0));
	p = mmap(NULL, PG, RW, ANON, -1, 0);
	say(w, "mremap with unknown flags", mapped(mremap(p, PG, 2 * PG, 64)));
	say(w, "mremap of old length 0 (private)",
	    mapped(mremap(p, 0, PG, MREMAP_MAYMOVE)));
	say(w, "unmap", munmap(p, PG));
	return 1;
}

/* The break by the system call: musl's sbrk() refuses any growth. */
static char *brk_to(char *addr)
{
	return (char *)syscall(SYS_brk, addr);
}

WORD(brk)
{
	const char *w = "brk";
	char *start = brk_to(0), *p;
	long grown = 0;
	int i;

	/* Below the start, the break stays where it is, as on Linux. */
	val(w, "brk below the start leaves it", brk_to((char *)4096) == start);
	val(w, "brk grows by a page", brk_to(start + 4096) == start + 4096);
	val(w, "the new page reads as zero", all(start, 4096, 0));
	memset(start, 0x77, 4096);
	brk_to(start);
	brk_to(start + 4096);
	val(w, "shrunk and grown again, it reads as zero", all(start, 4096, 0));
	/* Until it fails (Kiln: CONFIG_LIBUKSYSCALL_BRK_SIZE) or 64 MiB. */
	for (p = start; grown < 64L << 20; grown += 65536)
		if ((p = brk_to(start + grown + 65536)) != start + grown + 65536)
			break;
	kiln(w, "KiB it grew by until it failed", grown >> 10);
	val(w, "a failed brk answers the break it left", p == start + grown);
	if (grown)
		memset(p - 4096, 1, 4096);	/* its last page is ours */
	val(w, "brk back to the start", brk_to(start) == start);
	/* malloc goes on (through mmap where the break is used up). */
	for (i = 0; i < 4; i++) {
		p = malloc(1 << 20);
		if (!p)
			break;
		memset(p, i, 1 << 20);
		if (!all(p, 1 << 20, i))
			break;
	}
	val(w, "MiB malloc'd", i);
	return 1;
}

/* xorshift: the same sequence on Kiln and Linux. */
static uint32_t rng = 2463534242u;

static uint32_t rnd(void)
{
	rng ^= rng << 13;
	rng ^= rng >> 17;
	rng ^= rng << 5;
	return rng;
}

#define SLOTS	64
static struct { unsigned char *p; size_t n; unsigned char tag; } slot[SLOTS];

/* Many sizes (1 B to 256 KiB), realloc'd and freed at random. */
static size_t some_size(void)
{
	unsigned int shift = rnd() % 18;

	return 1 + rnd() % (2UL << shift);
}

WORD(malloc)
{
	const char *w = "malloc";
	long bad = 0, ops, held = 0;
	unsigned int k;
	size_t n, keep;
	unsigned char *p;

	for (ops = 0; ops < 3000; ops++) {
		k = rnd() % SLOTS;
		if (slot[k].p && !all(slot[k].p, slot[k].n, slot[k].tag))
			bad++;
		n = some_size();
		switch (rnd() % 3) {
		case 0:
			free(slot[k].p);
			slot[k].p = NULL;
			break;
		case 1:
			free(slot[k].p);
			slot[k].p = malloc(n);
			if (!slot[k].p)
				bad++;
			break;
		default:
			keep = slot[k].n < n ? slot[k].n : n;
			p = realloc(slot[k].p, n);
			if (!p) {
				bad++;
				break;
			}
			if (slot[k].p && !all(p, keep, slot[k].tag))
				bad++;
			slot[k].p = p;
		}
		if (slot[k].p) {
			slot[k].n = n;
			slot[k].tag = rnd();
			memset(slot[k].p, slot[k].tag, n);
		}
	}
	for (k = 0; k < SLOTS; k++) {
		if (slot[k].p) {
			held++;
			if (!all(slot[k].p, slot[k].n, slot[k].tag))
				bad++;
		}
		free(slot[k].p);
	}
	val(w, "operations", ops);
	val(w, "blocks held at the end", held);
	val(w, "blocks whose contents changed", bad);
	p = calloc(1000, 1000);
	val(w, "calloc of 1 MB reads as zero", p && all(p, 1000000, 0));
	free(p);
	return 1;
}
