/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Split virtqueues (virtio 1.1, 2.6): the descriptor table, the driver
 * (available) ring and the device (used) ring in one zeroed block from
 * the heap, page-aligned (the spec wants 16, 2 and 4). Kiln maps RAM at
 * its physical address, so heap, stack and image addresses are what
 * the device is given, and a heap block is physically contiguous.
 *
 * Free descriptors form a list through their next fields. A request
 * takes a chain, publishes its head, notifies, and waits until the
 * used ring names that head: whichever waiting thread finds new used
 * entries marks their heads done and wakes the others. A waiter spins
 * for a few microseconds, then sleeps on the queue's wait queue: until
 * the device's interrupt (virtio_irq) when the transport set one up,
 * the device asked to send it only while someone waits; else polled,
 * for 10 us doubling to about 1.3 ms between looks. Other threads run
 * meanwhile; with none, the CPU idles.
 *
 * Drivers that keep buffers posted (virtio-net) use the asynchronous
 * side instead: uk_virtq_add() posts a request under a token,
 * uk_virtq_take() hands back used ones, uk_virtq_wait() is the same
 * back-off until the used ring moves. The two sides keep their own
 * books (done[] and len[] for calls, token[] for adds), so a queue is
 * used through one of them only.
 */
#include <errno.h>
#include <limits.h>
#include <string.h>
#include <uk/alloc.h>
#include <uk/essentials.h>
#include <uk/print.h>
#include <uk/plat/time.h>
#include <uk/asm/cpu.h>
#include "virtio_impl.h"

#define QUEUE_MAX	32768	/* the split ring's limit */
#define SPIN_NS		20000ULL
#define SLEEP_MIN_NS	10000ULL
#define SLEEP_SHIFT_MAX	7
/* By interrupt, a look all the same this often: a lost one costs that. */
#define IRQ_RECHECK_NS	100000000ULL

static size_t ring_bytes(unsigned int n, size_t *avail_off, size_t *used_off)
{
	*avail_off = 16 * n;
	*used_off = ALIGN_UP(*avail_off + 6 + 2 * n, 4);
	return *used_off + 6 + 8 * n;
}

struct uk_virtq *uk_virtio_queue(struct uk_virtio_dev *d, unsigned int idx,
				 unsigned int size)
{
	struct uk_alloc *a = uk_alloc_get_default();
	size_t avail_off, used_off, bytes;
	unsigned int max, n, i;
	struct uk_virtq *q;
	char *mem;

	max = d->ops->queue_max(d, idx);
	if (!max || !size)
		return NULL;
	virtio_irq_setup(d);
	n = MIN(MIN(size, max), QUEUE_MAX);
	while (n & (n - 1))
		n &= n - 1;	/* a power of two, rounded down */
	bytes = ring_bytes(n, &avail_off, &used_off);
	q = uk_calloc(a, 1, sizeof(*q));
	mem = uk_memalign(a, 4096, bytes);
	if (!q || !mem)
		goto nomem;
	q->done = uk_calloc(a, n, 1);
	q->len = uk_calloc(a, n, sizeof(*q->len));
	q->token = uk_calloc(a, n, sizeof(*q->token));
	if (!q->done || !q->len || !q->token)
		goto nomem;
	memset(mem, 0, bytes);
	q->dev = d;
	q->idx = idx;
	q->size = n;
	q->desc = (struct virtq_desc *)mem;
	q->avail = (volatile struct virtq_avail *)(mem + avail_off);
	q->used = (volatile struct virtq_used *)(mem + used_off);
	for (i = 0; i < n; i++)
		q->desc[i].next = i + 1;
	q->free_head = 0;
	q->nfree = n;
	/* Interrupts only while someone waits (wait_a_bit). */
	q->avail->flags = VIRTQ_AVAIL_F_NO_INTERRUPT;
	q->irq = d->irq;	/* queue_set may refuse it */
	if (d->ops->queue_set(d, q))
		goto nomem;
	q->next = d->queues;
	d->queues = q;
	return q;
nomem:
	if (q) {
		uk_free(a, q->done);
		uk_free(a, q->len);
		uk_free(a, q->token);
	}
	uk_free(a, q);
	uk_free(a, mem);
	return NULL;
}

/* Takes the new used entries; wakes the waiters when there were any. */
static void reap(struct uk_virtq *q)
{
	uint16_t end = q->used->idx;
	int n = 0;

	virtio_rmb();	/* the entries after the index that covers them */
	for (; q->last_used != end; q->last_used++, n++) {
		volatile struct virtq_used_elem *e =
			&q->used->ring[q->last_used & (q->size - 1)];
		uint32_t id = e->id;

		if (id >= q->size) {
			uk_pr_err("virtio: %s queue %u: used id %u out of range\n",
				  q->dev->name, q->idx, id);
			q->broken = 1;
			continue;
		}
		q->len[id] = e->len;
		q->done[id] = 1;
	}
	if (n)
		uk_waitq_wake(&q->waiters, INT_MAX);
}

/* Until the used ring moves or a thread frees descriptors, with the
 * device asked to interrupt meanwhile; deadline at the latest. 1 when
 * woken. Interrupts masked from the check to the sleep: an interrupt in
 * between would wake nobody.
 */
static int sleep_irq(struct uk_virtq *q, uint64_t deadline)
{
	unsigned long fl = ukarch_irq_save();
	int woken = 0;

	q->nwait++;
	q->avail->flags = 0;
	virtio_mb();	/* the flag before the index: it sees one, we the other */
	if (q->used->idx == q->last_used)
		woken = !uk_waitq_wait(&q->waiters, deadline, "virtio");
	if (!--q->nwait)
		q->avail->flags = VIRTQ_AVAIL_F_NO_INTERRUPT;
	ukarch_irq_restore(fl);
	return woken;
}

/* One pause between looks at the used ring, until deadline at the
 * latest: a spin first, then sleeps, polled ones growing with round.
 * 1 when woken, -EIO when the device says it failed, else 0.
 */
static int wait_a_bit(struct uk_virtq *q, unsigned int *round,
		      uint64_t deadline)
{
	uint64_t now = ukplat_monotonic_ns(), t0 = now, until;
	uint8_t s;

	if (!*round) {
		while (now - t0 < SPIN_NS && now < deadline &&
		       q->used->idx == q->last_used)
			now = ukplat_monotonic_ns();
		(*round)++;
		return 0;
	}
	/* Polled: every look; by interrupt: after the first sleep. */
	if (!q->irq || *round > 1) {
		s = q->dev->ops->status(q->dev);
		if (s & (VIRTIO_S_NEEDS_RESET | VIRTIO_S_FAILED)) {
			uk_pr_err("virtio: %s needs a reset (status 0x%x)\n",
				  q->dev->name, s);
			q->broken = 1;
			return -EIO;
		}
	}
	(*round)++;
	if (q->irq)
		return sleep_irq(q, MIN(now + IRQ_RECHECK_NS, deadline));
	until = now + (SLEEP_MIN_NS << MIN(*round - 2, SLEEP_SHIFT_MAX));
	return !uk_waitq_wait(&q->waiters, MIN(until, deadline), "virtio");
}

static void chain_free(struct uk_virtq *q, uint16_t head)
{
	uint16_t i = head, n = 1;

	while (q->desc[i].flags & VIRTQ_DESC_F_NEXT) {
		i = q->desc[i].next;
		n++;
	}
	q->desc[i].next = q->free_head;
	q->free_head = head;
	q->nfree += n;
	q->done[head] = 0;
	/* Someone may wait for descriptors. */
	uk_waitq_wake(&q->waiters, INT_MAX);
}

/* Checks a request's buffers: -EINVAL when the queue could never hold
 * them or one is too long for a descriptor.
 */
static int chain_check(struct uk_virtq *q, const struct iovec *out,
		       unsigned int nout, const struct iovec *in,
		       unsigned int nin, uint64_t *in_bytes)
{
	unsigned int n = nout + nin, i;

	if (!n || n < nout || n > q->size)
		return -EINVAL;
	*in_bytes = 0;
	for (i = 0; i < n; i++) {
		const struct iovec *v = i < nout ? &out[i] : &in[i - nout];

		if (v->iov_len > UINT32_MAX)
			return -EINVAL;
		if (i >= nout)
			*in_bytes += v->iov_len;
	}
	return 0;
}

/* Puts a checked request on the available ring (free descriptors
 * known to suffice, interrupts masked) and returns its head.
 */
static uint16_t chain_post(struct uk_virtq *q, const struct iovec *out,
			   unsigned int nout, const struct iovec *in,
			   unsigned int nin)
{
	unsigned int n = nout + nin, i;
	uint16_t head, cur;

	head = cur = q->free_head;
	for (i = 0; i < n; i++) {
		const struct iovec *v = i < nout ? &out[i] : &in[i - nout];
		struct virtq_desc *dd = &q->desc[cur];

		dd->addr = (uintptr_t)v->iov_base;
		dd->len = v->iov_len;
		dd->flags = (i >= nout ? VIRTQ_DESC_F_WRITE : 0) |
			    (i + 1 < n ? VIRTQ_DESC_F_NEXT : 0);
		cur = dd->next;
	}
	q->free_head = cur;
	q->nfree -= n;
	q->done[head] = 0;

	q->avail->ring[q->avail_idx & (q->size - 1)] = head;
	virtio_wmb();	/* descriptors and ring entry before the index */
	q->avail->idx = ++q->avail_idx;
	return head;
}

void uk_virtq_kick(struct uk_virtq *q)
{
	virtio_mb();	/* the index before reading the device's flags */
	if (!(q->used->flags & VIRTQ_USED_F_NO_NOTIFY))
		q->dev->ops->notify(q->dev, q);
}

long uk_virtq_call(struct uk_virtq *q, const struct iovec *out,
		   unsigned int nout, const struct iovec *in,
		   unsigned int nin)
{
	unsigned int round = 0;
	uint64_t in_bytes;
	uint16_t head;
	uint32_t len;
	int r;

	r = chain_check(q, out, nout, in, nin, &in_bytes);
	if (r)
		return r;
	while (q->nfree < nout + nin) {
		if (q->broken || wait_a_bit(q, &round, UINT64_MAX) < 0)
			return -EIO;
		reap(q);
	}
	if (q->broken)
		return -EIO;
	head = chain_post(q, out, nout, in, nin);
	uk_virtq_kick(q);

	round = 0;
	for (;;) {
		reap(q);
		if (q->done[head])
			break;
		if (q->broken || wait_a_bit(q, &round, UINT64_MAX) < 0)
			return -EIO;
	}
	len = q->len[head];
	chain_free(q, head);
	return MIN((uint64_t)len, in_bytes);
}

/*
 * The asynchronous side: tokens instead of waiting callers. Each
 * function masks interrupts around its ring work, so threads may share
 * a queue even when they run preemptible.
 */
int uk_virtq_add(struct uk_virtq *q, const struct iovec *out,
		 unsigned int nout, const struct iovec *in, unsigned int nin,
		 void *token)
{
	unsigned long fl;
	uint64_t in_bytes;
	uint16_t head;
	int r;

	if (!token)
		return -EINVAL;
	r = chain_check(q, out, nout, in, nin, &in_bytes);
	if (r)
		return r;
	fl = ukarch_irq_save();
	if (q->broken)
		r = -EIO;
	else if (q->nfree < nout + nin)
		r = -ENOSPC;
	else {
		head = chain_post(q, out, nout, in, nin);
		q->token[head] = token;
	}
	ukarch_irq_restore(fl);
	return r;
}

void *uk_virtq_take(struct uk_virtq *q, uint32_t *len)
{
	unsigned long fl = ukarch_irq_save();
	volatile struct virtq_used_elem *e;
	void *token = NULL;
	uint32_t id;

	while (!token && q->last_used != q->used->idx) {
		virtio_rmb();	/* the entry after the index that covers it */
		e = &q->used->ring[q->last_used & (q->size - 1)];
		id = e->id;
		q->last_used++;
		if (id >= q->size || !q->token[id]) {
			uk_pr_err("virtio: %s queue %u: used id %u not in flight\n",
				  q->dev->name, q->idx, id);
			q->broken = 1;
			continue;
		}
		if (len)
			*len = e->len;
		token = q->token[id];
		q->token[id] = NULL;
		chain_free(q, id);
	}
	ukarch_irq_restore(fl);
	return token;
}

int uk_virtq_wait(struct uk_virtq *q, uint64_t deadline_ns)
{
	unsigned int round = 0;
	int r;

	for (;;) {
		if (q->used->idx != q->last_used)
			return 0;
		if (q->broken)
			return -EIO;
		if (ukplat_monotonic_ns() >= deadline_ns)
			return -ETIMEDOUT;
		r = wait_a_bit(q, &round, deadline_ns);
		if (r)
			return r < 0 ? r : 0;
	}
}
