/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The system-call test app's helpers. Every result is one line,
 * "WORD: what = result". Lines that Linux answers alike start with the
 * word; lines that differ by design (ids, limits, what a unikernel has
 * not) start with '~', so that the test can compare the rest with the
 * same program run on the host.
 */
#ifndef SC_H
#define SC_H

#include <stdint.h>

/* "w: what = r", or "w: what = -1 ENAME" when r is -1. */
void say(const char *w, const char *what, long r);
/* The same, '~' first: Kiln's answer differs from Linux's by design. */
void kiln(const char *w, const char *what, long r);
/* "w: what = v" for a value that is no call's result. */
void val(const char *w, const char *what, long v);
const char *errname(int e);
uint64_t now_ns(void);

#define WORD(name) int w_##name(int argc, char **argv)
WORD(enosys); WORD(mmap); WORD(brk); WORD(malloc); WORD(signal);
WORD(abort); WORD(term); WORD(kill); WORD(blockkill); WORD(time);
WORD(futex); WORD(random); WORD(fds); WORD(close1); WORD(ids);
WORD(hostile); WORD(badptr); WORD(nest); WORD(bigrandom); WORD(paths);
WORD(files); WORD(pipes); WORD(fill); WORD(initrd); WORD(hostilefs);

#endif
