/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Futexes: a thread waits on an address, in one of a few shared queues
 * picked by a hash of it; wakers take from that queue the threads that
 * wait on the same address. One address space, so private and shared
 * futexes are the same thing.
 */
#include <errno.h>
#include <uk/essentials.h>
#include <uk/asm/cpu.h>
#include "sched_impl.h"

#define BUCKETS		64

static struct uk_waitq buckets[BUCKETS];

static struct uk_waitq *bucket(const int *addr)
{
	uintptr_t a = (uintptr_t)addr;

	return &buckets[(a >> 2 ^ a >> 8 ^ a >> 14) % BUCKETS];
}

int uk_futex_wait_bits(const int *addr, int val, uint64_t deadline_ns,
		       unsigned int bits)
{
	unsigned long fl = ukarch_irq_save();
	struct uk_thread *t = uk_thread_current();
	int r;

	/* The check and the wait are one step: interrupts are masked. */
	if (__atomic_load_n(addr, __ATOMIC_SEQ_CST) != val) {
		ukarch_irq_restore(fl);
		return -EAGAIN;
	}
	t->futex_bits = bits;
	r = uksched_block(bucket(addr), deadline_ns, "futex", addr);
	ukarch_irq_restore(fl);
	return r ? -ETIMEDOUT : 0;
}

int uk_futex_wait(const int *addr, int val, uint64_t deadline_ns)
{
	return uk_futex_wait_bits(addr, val, deadline_ns, ~0U);
}

/*
 * Wakes up to n waiters on addr whose mask meets bits, then moves up to
 * move more of them to wait on addr2 instead. Returns both counts' sum.
 */
static int wake_move(const int *addr, int n, unsigned int bits,
		     const int *addr2, int move)
{
	struct uk_waitq *q = bucket(addr), *q2 = bucket(addr2);
	struct uk_thread *t = q->head, *next;
	int done = 0;

	if (addr2 == addr)	/* nowhere to move to */
		move = 0;
	for (; t && (n > 0 || move > 0); t = next) {
		next = t->next;
		if (t->wait_obj != addr || !(t->futex_bits & bits))
			continue;
		uksched_waitq_remove(q, t);
		if (n > 0) {
			uksched_wake(t);
			n--;
		} else {
			/* Same deadline, another queue. */
			t->wait_obj = addr2;
			t->waitq = q2;
			uksched_waitq_append(q2, t);
			move--;
		}
		done++;
	}
	return done;
}

int uk_futex_wake_bits(const int *addr, int n, unsigned int bits)
{
	unsigned long fl = ukarch_irq_save();
	int r = wake_move(addr, n, bits, NULL, 0);

	ukarch_irq_restore(fl);
	return r;
}

int uk_futex_wake(const int *addr, int n)
{
	return uk_futex_wake_bits(addr, n, ~0U);
}

int uk_futex_requeue(const int *addr, int n, const int *addr2, int move,
		     const int *cmp)
{
	unsigned long fl = ukarch_irq_save();
	int r = -EAGAIN;

	if (!cmp || __atomic_load_n(addr, __ATOMIC_SEQ_CST) == *cmp)
		r = wake_move(addr, n, ~0U, addr2, move);
	ukarch_irq_restore(fl);
	return r;
}
