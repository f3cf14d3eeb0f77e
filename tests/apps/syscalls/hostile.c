/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Arguments no program should pass: lengths that overflow, numbers out
 * of range. "hostile" is the ones both Linux and Kiln refuse with an
 * error; "badptr WHAT" passes a bad pointer, which Linux refuses with
 * EFAULT and Kiln (no user/kernel split) takes as a fault of the guest.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>
#include "sc.h"

#define PG	4096UL
#define RW	(PROT_READ | PROT_WRITE)
#define ANON	(MAP_PRIVATE | MAP_ANONYMOUS)

/* A system call with its arguments as they are, musl checking none. */
#define sys(nr, a, b, c, d, e) syscall(nr, a, b, c, d, e, 0)

static long mapped(void *p)
{
	return p == MAP_FAILED ? -1 : 0;
}

static char alt[1 << 16];

WORD(hostile)
{
	const char *w = "hostile";
	struct iovec iov[2] = { { "x", SSIZE_MAX }, { "y", 2 } };
	stack_t ss = { .ss_sp = alt, .ss_size = sizeof(alt) };
	char *p;

	/* By the system call: musl refuses lengths over PTRDIFF_MAX itself. */
	say(w, "mmap of 2^63 bytes", sys(SYS_mmap, 0, 1UL << 63, RW, ANON, -1));
	say(w, "mmap of SIZE_MAX bytes", sys(SYS_mmap, 0, SIZE_MAX, RW, ANON, -1));
	say(w, "mmap of SIZE_MAX - 4095 bytes",
	    sys(SYS_mmap, 0, SIZE_MAX - 4095, RW, ANON, -1));
	say(w, "mmap of 2^47 bytes", sys(SYS_mmap, 0, 1UL << 47, RW, ANON, -1));
	p = mmap((void *)12345, PG, RW, ANON, -1, 0);
	say(w, "mmap with an unaligned hint (no MAP_FIXED)", mapped(p));
	if (p == MAP_FAILED)	/* the rest needs a page */
		p = mmap(NULL, PG, RW, ANON, -1, 0);
	say(w, "munmap of SIZE_MAX bytes", munmap(p, SIZE_MAX));
	say(w, "munmap of 2^63 bytes", munmap(p, 1UL << 63));
	/* Past x86_64's and arm64's (48-bit) address space. */
	say(w, "munmap of 2^48 bytes", munmap(p, 1UL << 48));
	say(w, "munmap at p + 1", munmap(p + 1, PG));
	say(w, "munmap at p + 4095 of 1 byte", munmap(p + 4095, 1));
	say(w, "mremap to SIZE_MAX bytes",
	    sys(SYS_mremap, p, PG, SIZE_MAX, MREMAP_MAYMOVE, 0));
	say(w, "mremap to 2^62 bytes",
	    sys(SYS_mremap, p, PG, 1UL << 62, MREMAP_MAYMOVE, 0));
	say(w, "mremap to 2^46 bytes",
	    sys(SYS_mremap, p, PG, 1UL << 46, MREMAP_MAYMOVE, 0));
	say(w, "mremap from SIZE_MAX bytes",
	    sys(SYS_mremap, p, SIZE_MAX, 2 * PG, MREMAP_MAYMOVE, 0));
	say(w, "mremap of p + 64 KiB (unmapped)",
	    sys(SYS_mremap, p + 16 * PG, PG, 2 * PG, MREMAP_MAYMOVE, 0));
	say(w, "madvise of SIZE_MAX bytes", sys(SYS_madvise, p, SIZE_MAX, 4, 0, 0));
	say(w, "madvise of 0 bytes", madvise(p, 0, MADV_DONTNEED));
	p[0] = 1;
	val(w, "the page is still there", p[0] == 1);
	say(w, "madvise unaligned", madvise(p + 1, PG, MADV_DONTNEED));
	say(w, "madvise with advice 12345", madvise(p, PG, 12345));
	say(w, "munmap it", munmap(p, PG));

	/* Linux: EFAULT, the buffer is not that long; Kiln cannot tell, and
	 * refuses the sum. */
	kiln(w, "writev whose lengths overflow", writev(1, iov, 2));
	iov[0].iov_len = SIZE_MAX;
	say(w, "writev of one SIZE_MAX buffer", writev(1, iov, 1));
	kiln(w, "write of SIZE_MAX bytes", write(1, "x", SIZE_MAX));
	say(w, "writev to fd -1", writev(-1, iov, 1));
	say(w, "read into -1 bytes from fd 9", read(9, iov, SIZE_MAX));
	say(w, "getrandom with flags -1", getrandom(iov, 1, -1));

	say(w, "kill pid 1 signal 65", kill(getpid(), 65));
	say(w, "kill signal INT_MIN", kill(getpid(), INT_MIN));
	say(w, "tgkill of another tid", syscall(SYS_tgkill, getpid(),
						getpid() + 100000, 0));
	say(w, "rt_sigaction with size 4",
	    syscall(SYS_rt_sigaction, SIGUSR1, NULL, NULL, 4));
	say(w, "rt_sigprocmask with size 16",
	    syscall(SYS_rt_sigprocmask, SIG_BLOCK, NULL, NULL, 16));
	say(w, "sigaltstack with bad flags",
	    sigaltstack(&(stack_t){ .ss_flags = 0x1234, .ss_size = 1 << 16,
				    .ss_sp = iov }, NULL));
	ss.ss_flags = SS_AUTODISARM;
	say(w, "sigaltstack SS_AUTODISARM", sys(SYS_sigaltstack, &ss, 0, 0, 0, 0));
	ss.ss_flags = SS_ONSTACK;
	say(w, "sigaltstack SS_ONSTACK", sys(SYS_sigaltstack, &ss, 0, 0, 0, 0));
	say(w, "sigaltstack SS_DISABLE", sigaltstack(&(stack_t){
	    .ss_flags = SS_DISABLE }, NULL));
	say(w, "sigaltstack of 100 bytes",
	    sigaltstack(&(stack_t){ .ss_size = 100, .ss_sp = iov }, NULL));
	say(w, "sched_getaffinity into 3 bytes",
	    syscall(SYS_sched_getaffinity, 0, 3, iov));
	say(w, "set_robust_list of length 1",
	    syscall(SYS_set_robust_list, iov, 1));
	say(w, "prlimit of resource -1",
	    syscall(SYS_prlimit64, 0, -1, NULL, iov));
	say(w, "clock_nanosleep until time 0",
	    clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME,
			    &(struct timespec){ 0, 0 }, NULL));
	return 1;
}

/* A bad pointer handed to a call: Linux answers EFAULT. */
WORD(badptr)
{
	const char *what = argc > 1 ? argv[1] : "";
	void *bad = (void *)8;
	long r = 0;

	printf("badptr: %s\n", what);
	if (!strcmp(what, "write"))
		r = write(1, bad, 10);
	else if (!strcmp(what, "clock"))
		r = syscall(SYS_clock_gettime, CLOCK_MONOTONIC, bad);
	else if (!strcmp(what, "uname"))
		r = uname(bad);
	else if (!strcmp(what, "random"))
		r = getrandom(bad, 16, 0);
	else if (!strcmp(what, "sigaction"))
		r = syscall(SYS_rt_sigaction, SIGUSR1, bad, NULL, 8);
	else if (!strcmp(what, "nanosleep"))
		r = nanosleep(bad, NULL);
	else if (!strcmp(what, "poll"))
		r = poll(bad, 1, 0);
	else if (!strcmp(what, "random1g"))	/* 1 GiB into 16 bytes */
		r = getrandom((char [16]){ 0 }, 1UL << 30, 0);
	else if (!strcmp(what, "text"))	/* into this function's code */
		r = syscall(SYS_clock_gettime, CLOCK_MONOTONIC, w_badptr);
	say("badptr", what, r);
	return 2;
}

/* getrandom into a 48 MiB mapping: Linux gives at most 32 MiB - 1. */
WORD(bigrandom)
{
	size_t n = 48UL << 20;
	char *p = mmap(NULL, n, RW, ANON, -1, 0);

	say("bigrandom", "map 48 MiB", mapped(p));
	if (p != MAP_FAILED)
		say("bigrandom", "getrandom 48 MiB", getrandom(p, n, 0));
	return 1;
}
