/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * epoll: an epoll file holds a list of (descriptor, events, data). A
 * wait looks at each one's readiness (its file's poll op) and sleeps on
 * poll's wait queue between looks, as poll does.
 *
 * An entry does not hold its file (Linux's does not either: closing the
 * last descriptor must close a socket); an entry whose descriptor now
 * names another file, or none, is dropped when a wait finds it so.
 * Edge-triggered entries (EPOLLET) are reported when ready and some
 * readiness changed anywhere since they were last reported (vfs_poll_gen):
 * at worst an extra report, which edge-triggered callers (mio, libuv)
 * take as "try again", never a missed one.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <uk/alloc.h>
#include <uk/plat/time.h>
#include <uk/syscall.h>
#include "vfs_impl.h"

#define EP_MAX_EVENTS	(INT_MAX / sizeof(struct epoll_event))

struct ep_item {
	struct ep_item *next;
	int fd;
	struct uk_file *file;	/* not held: identity only, with serial */
	unsigned long serial;
	uint32_t events;
	uint64_t data;
	unsigned long seen_gen;	/* EPOLLET: vfs_poll_gen when reported */
	unsigned long last_call;	/* the ep_check call that reported it */
	int reported;
};

struct ep {
	struct ep_item *items;
	unsigned long ctl_gen;	/* bumped by every change to items */
};

static const struct uk_file_ops ep_ops;

static struct ep_item *find(struct ep *ep, int fd, struct ep_item ***link)
{
	struct ep_item **l, *it;

	for (l = &ep->items; (it = *l); l = &it->next)
		if (it->fd == fd) {
			if (link)
				*link = l;
			return it;
		}
	return NULL;
}

static void drop(struct ep *ep, struct ep_item **link)
{
	struct ep_item *it = *link;

	*link = it->next;
	ep->ctl_gen++;
	uk_free(uk_alloc_get_default(), it);
}

/* The entry's file, held, when its descriptor still names it; else NULL. */
static struct uk_file *file_of(struct ep_item *it)
{
	struct uk_file *f = uk_fd_get(it->fd);

	if (f && (f != it->file || f->serial != it->serial)) {
		uk_file_put(f);
		return NULL;
	}
	return f;
}

/* What a held file has now that events asks for. A file's poll op may
 * sleep (a socket takes lwIP's lock): callers must not keep pointers
 * into an epoll's list across it.
 */
static uint32_t ready_of(struct uk_file *f, uint32_t events)
{
	return (uint32_t)(unsigned short)vfs_file_poll(f) &
	       (events | EPOLLERR | EPOLLHUP);
}

struct ep_wait {
	struct ep *ep;
	struct epoll_event *out;
	int max;
};

/*
 * One look: each entry's file is taken by its descriptor, its readiness
 * asked (which may sleep: then the list may have changed, and the scan
 * starts over, skipping what this call reported already), and the
 * entries reported move to the end of the list afterwards, so a small
 * maxevents still reaches every ready one in turn.
 */
static long ep_check(void *ctx)
{
	static unsigned long calls;
	struct ep_wait *w = ctx;
	struct ep *ep = w->ep;
	unsigned long gen = vfs_poll_gen, call = ++calls, cg;
	struct ep_item **l, *it, *moved = NULL, **tail = &moved;
	struct uk_file *f;
	long n = 0;
	uint32_t ev;

again:
	cg = ep->ctl_gen;
	for (l = &ep->items; (it = *l) && n < w->max; l = &it->next) {
		if (it->last_call == call ||
		    !(it->events & ~(EPOLLET | EPOLLONESHOT)))
			continue;	/* reported now, or a fired ONESHOT */
		f = file_of(it);
		if (!f) {
			drop(ep, l);	/* its descriptor was closed */
			goto again;
		}
		ev = ready_of(f, it->events);
		uk_file_put(f);
		if (ep->ctl_gen != cg)
			goto again;	/* the list changed while we slept */
		if (ev && (it->events & EPOLLET) && it->reported &&
		    it->seen_gen == gen)
			ev = 0;
		if (!ev)
			continue;
		w->out[n].events = ev;
		w->out[n].data.u64 = it->data;
		n++;
		it->reported = 1;
		it->seen_gen = gen;
		it->last_call = call;
		if (it->events & EPOLLONESHOT)
			it->events = 0;
	}
	/* No sleeping from here: move this call's entries to the end. */
	for (l = &ep->items; (it = *l);) {
		if (it->last_call != call) {
			l = &it->next;
			continue;
		}
		*l = it->next;
		it->next = NULL;
		*tail = it;
		tail = &it->next;
	}
	*l = moved;
	return n;
}

static short ep_poll(struct uk_file *f)
{
	struct ep *ep = f->priv;
	struct ep_item *it;
	struct uk_file *g;
	unsigned long cg;
	uint32_t ev;

again:
	cg = ep->ctl_gen;
	for (it = ep->items; it; it = it->next) {
		g = file_of(it);
		if (!g)
			continue;
		ev = it->events & ~(EPOLLET | EPOLLONESHOT) ?
		     ready_of(g, it->events) : 0;
		uk_file_put(g);
		if (ep->ctl_gen != cg)
			goto again;
		if (ev)
			return POLLIN;
	}
	return 0;
}

static void ep_release(struct uk_file *f)
{
	struct ep *ep = f->priv;

	while (ep->items)
		drop(ep, &ep->items);
	uk_free(uk_alloc_get_default(), ep);
}

static const struct uk_file_ops ep_ops = {
	.poll = ep_poll,
	.release = ep_release,
};

static long sys_epoll_create1(int flags)
{
	struct ep *ep;
	struct uk_file *f;
	int fd;

	if (flags & ~EPOLL_CLOEXEC)
		return -EINVAL;
	ep = uk_calloc(uk_alloc_get_default(), 1, sizeof(*ep));
	if (!ep)
		return -ENOMEM;
	f = uk_file_new(&ep_ops, O_RDWR, ep);
	if (!f) {
		uk_free(uk_alloc_get_default(), ep);
		return -ENOMEM;
	}
	fd = uk_fd_install(f, flags & EPOLL_CLOEXEC);
	if (fd < 0)
		uk_file_put(f);
	return fd;
}

#ifdef SYS_epoll_create
static long sys_epoll_create(int size)
{
	return size <= 0 ? -EINVAL : sys_epoll_create1(0);
}
#endif

/* target is f, or in an epoll reachable from f (nesting deeper than
 * Linux's 5 levels counts as one too): adding f to target is ELOOP.
 */
static int reaches(struct uk_file *f, struct uk_file *target, int depth)
{
	struct ep_item *it;
	struct uk_file *g;
	int r = 0;

	if (f == target || depth > 5)
		return 1;
	for (it = ((struct ep *)f->priv)->items; it && !r; it = it->next) {
		g = file_of(it);
		if (!g)
			continue;
		if (g->ops == &ep_ops)
			r = reaches(g, target, depth + 1);
		uk_file_put(g);
	}
	return r;
}

static long ctl(struct ep *ep, int op, int fd, struct uk_file *f,
		const struct epoll_event *ev)
{
	struct ep_item *it, **link;

	it = find(ep, fd, &link);
	if (it && (it->file != f || it->serial != f->serial)) {
		drop(ep, link);		/* a closed descriptor's entry */
		it = NULL;
	}
	switch (op) {
	case EPOLL_CTL_ADD:
		if (it)
			return -EEXIST;
		it = uk_calloc(uk_alloc_get_default(), 1, sizeof(*it));
		if (!it)
			return -ENOMEM;
		it->fd = fd;
		it->file = f;
		it->serial = f->serial;
		it->next = ep->items;
		ep->items = it;
		ep->ctl_gen++;
		break;
	case EPOLL_CTL_MOD:
		if (!it)
			return -ENOENT;
		break;
	case EPOLL_CTL_DEL:
		if (!it)
			return -ENOENT;
		drop(ep, link);
		return 0;
	default:
		return -EINVAL;
	}
	it->events = ev->events | EPOLLERR | EPOLLHUP;
	it->data = ev->data.u64;
	it->reported = 0;
	return 0;
}

static long sys_epoll_ctl(int epfd, int op, int fd, struct epoll_event *ev)
{
	struct uk_file *ef, *f;
	long rc;

	if (op != EPOLL_CTL_DEL && !ev)
		return -EFAULT;
	ef = uk_fd_get(epfd);
	if (!ef)
		return -EBADF;
	f = uk_fd_get(fd);
	if (!f)
		rc = -EBADF;
	else if (ef->ops != &ep_ops || f == ef)
		rc = -EINVAL;
	else if (f->vn && (S_ISREG(f->vn->st.st_mode) ||
			   S_ISDIR(f->vn->st.st_mode)))
		rc = -EPERM;	/* always ready: Linux refuses them */
	else if (op == EPOLL_CTL_ADD && f->ops == &ep_ops && reaches(f, ef, 1))
		rc = -ELOOP;
	else
		rc = ctl(ef->priv, op, fd, f, ev);
	if (f)
		uk_file_put(f);
	uk_file_put(ef);
	return rc;
}

static long sys_epoll_pwait(int epfd, struct epoll_event *out, int max,
			    int timeout_ms, const void *mask, size_t masksize)
{
	struct ep_wait w = { NULL, out, max };
	struct uk_file *ef;
	uint64_t deadline;
	long rc;

	(void)mask;
	(void)masksize;
	if (max <= 0 || (unsigned int)max > EP_MAX_EVENTS)
		return -EINVAL;
	if (!out)
		return -EFAULT;
	ef = uk_fd_get(epfd);
	if (!ef)
		return -EBADF;
	if (ef->ops != &ep_ops) {
		uk_file_put(ef);
		return -EINVAL;
	}
	w.ep = ef->priv;
	if (timeout_ms < 0)
		deadline = 0;
	else if (!timeout_ms)
		deadline = 1;
	else
		deadline = ukplat_monotonic_ns() + timeout_ms * 1000000ULL;
	rc = vfs_poll_wait(ep_check, &w, deadline);
	uk_file_put(ef);
	return rc;
}

#ifdef SYS_epoll_wait
static long sys_epoll_wait(int epfd, struct epoll_event *out, int max,
			   int timeout_ms)
{
	return sys_epoll_pwait(epfd, out, max, timeout_ms, NULL, 0);
}
#endif

UK_SYSCALL(epoll_create1, sys_epoll_create1);
#ifdef SYS_epoll_create
UK_SYSCALL(epoll_create, sys_epoll_create);
#endif
UK_SYSCALL(epoll_ctl, sys_epoll_ctl);
UK_SYSCALL(epoll_pwait, sys_epoll_pwait);
#ifdef SYS_epoll_wait
UK_SYSCALL(epoll_wait, sys_epoll_wait);
#endif
