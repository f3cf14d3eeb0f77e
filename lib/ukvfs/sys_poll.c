/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * poll, ppoll, select, pselect6: one wait queue for every waiter. A file
 * whose readiness changes calls uk_vfs_poll_wake(), and every waiter
 * looks at its descriptors again; simple, and cheap while waiters are
 * few. Signal masks are not swapped: signals here are only ever sent by
 * the process to itself, synchronously.
 */
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <string.h>
#include <sys/select.h>
#include <sys/syscall.h>
#include <uk/plat/time.h>
#include <uk/sched.h>
#include <uk/syscall.h>
#include "vfs_impl.h"

static struct uk_waitq pollq;
unsigned long vfs_poll_gen;

void uk_vfs_poll_wake(void)
{
	vfs_poll_gen++;
	uk_waitq_wake(&pollq, INT_MAX);
}

/* 1 for "now", 0 for "never", else the monotonic deadline; -EINVAL. */
static int deadline_of(const struct timespec *ts, uint64_t *deadline)
{
	uint64_t ns;

	if (!ts) {
		*deadline = 0;
		return 0;
	}
	if (ts->tv_sec < 0 || ts->tv_nsec < 0 || ts->tv_nsec >= 1000000000)
		return -EINVAL;
	if ((uint64_t)ts->tv_sec > UINT64_MAX / 2000000000)
		ns = UINT64_MAX / 2;
	else
		ns = ts->tv_sec * 1000000000ULL + ts->tv_nsec;
	*deadline = ns ? ukplat_monotonic_ns() + ns : 1;
	return 0;
}

long vfs_poll_wait(long (*check)(void *), void *ctx, uint64_t deadline)
{
	unsigned long gen;
	long ready;

	for (;;) {
		gen = vfs_poll_gen;
		ready = check(ctx);
		if (ready || deadline == 1)
			return ready;
		if (deadline && ukplat_monotonic_ns() >= deadline)
			return 0;
		/* A file's poll op may sleep: a wake during the check is
		 * not waited for again.
		 */
		if (gen == vfs_poll_gen)
			uk_waitq_wait(&pollq, deadline, "poll");
	}
}

struct poll_req {
	struct pollfd *fds;
	unsigned long n;
};

static long poll_check(void *ctx)
{
	struct poll_req *r = ctx;
	struct uk_file *f;
	unsigned long i, ready = 0;

	for (i = 0; i < r->n; i++) {
		struct pollfd *p = &r->fds[i];

		p->revents = 0;
		if (p->fd < 0)
			continue;
		f = uk_fd_get(p->fd);
		if (!f) {
			p->revents = POLLNVAL;
		} else {
			p->revents = vfs_file_poll(f) &
				     (p->events | POLLERR | POLLHUP);
			uk_file_put(f);
		}
		if (p->revents)
			ready++;
	}
	return ready;
}

static long sys_ppoll(struct pollfd *fds, unsigned long n,
		      const struct timespec *timeout, const sigset_t *mask,
		      size_t masksize)
{
	struct poll_req r = { fds, n };
	uint64_t deadline;
	int rc;

	if (n > UK_FD_MAX)
		return -EINVAL;
	rc = deadline_of(timeout, &deadline);
	if (rc)
		return rc;
	return vfs_poll_wait(poll_check, &r, deadline);
}

#ifdef SYS_poll
static long sys_poll(struct pollfd *fds, unsigned long n, int timeout_ms)
{
	struct timespec ts = { timeout_ms / 1000,
			       timeout_ms % 1000 * 1000000L };

	return sys_ppoll(fds, n, timeout_ms < 0 ? NULL : &ts, NULL, 0);
}
#endif

struct select_req {
	int n;
	fd_set *sets[3], in[3];
};

static long select_check(void *ctx)
{
	static const short want[3] = {
		POLLIN | POLLRDNORM | POLLHUP | POLLERR,
		POLLOUT | POLLWRNORM | POLLERR,
		POLLPRI,
	};
	struct select_req *r = ctx;
	struct uk_file *f;
	long ready = 0;
	short has;
	int fd, k;

	for (k = 0; k < 3; k++)
		if (r->sets[k])
			FD_ZERO(r->sets[k]);
	for (fd = 0; fd < r->n; fd++) {
		if (!FD_ISSET(fd, &r->in[0]) && !FD_ISSET(fd, &r->in[1]) &&
		    !FD_ISSET(fd, &r->in[2]))
			continue;
		f = uk_fd_get(fd);
		if (!f)
			return -EBADF;
		has = vfs_file_poll(f);
		uk_file_put(f);
		for (k = 0; k < 3; k++)
			if (r->sets[k] && FD_ISSET(fd, &r->in[k]) &&
			    has & want[k]) {
				FD_SET(fd, r->sets[k]);
				ready++;
			}
	}
	return ready;
}

static long do_select(int n, fd_set *rd, fd_set *wr, fd_set *ex,
		      const struct timespec *timeout)
{
	struct select_req r = { .n = n, .sets = { rd, wr, ex } };
	uint64_t deadline;
	int rc, k;

	if (n < 0 || n > FD_SETSIZE)
		return -EINVAL;
	rc = deadline_of(timeout, &deadline);
	if (rc)
		return rc;
	for (k = 0; k < 3; k++) {
		if (r.sets[k])
			r.in[k] = *r.sets[k];
		else
			FD_ZERO(&r.in[k]);
	}
	return vfs_poll_wait(select_check, &r, deadline);
}

static long sys_pselect6(int n, fd_set *rd, fd_set *wr, fd_set *ex,
			 const struct timespec *timeout, const void *mask)
{
	return do_select(n, rd, wr, ex, timeout);
}

#ifdef SYS_select
static long sys_select(int n, fd_set *rd, fd_set *wr, fd_set *ex,
		       struct timeval *tv)
{
	struct timespec ts;

	if (!tv)
		return do_select(n, rd, wr, ex, NULL);
	if (tv->tv_sec < 0 || tv->tv_usec < 0 || tv->tv_usec >= 1000000)
		return -EINVAL;
	ts.tv_sec = tv->tv_sec;
	ts.tv_nsec = tv->tv_usec * 1000;
	return do_select(n, rd, wr, ex, &ts);
}
#endif

UK_SYSCALL(ppoll, sys_ppoll);
#ifdef SYS_poll
UK_SYSCALL(poll, sys_poll);
#endif
UK_SYSCALL(pselect6, sys_pselect6);
#ifdef SYS_select
UK_SYSCALL(select, sys_select);
#endif
