/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Mutexes, condition variables and semaphores over wait queues. One CPU
 * with interrupts masked is the lock that makes each operation atomic;
 * a woken thread checks its condition again (another may have run
 * first), so wakeups are never lost and never spurious to the caller.
 */
#include <uk/assert.h>
#include <uk/asm/cpu.h>
#include "sched_impl.h"

void uk_mutex_init(struct uk_mutex *m)
{
	m->owner = NULL;
	m->waiters.head = m->waiters.tail = NULL;
}

static void mutex_lock_locked(struct uk_mutex *m)
{
	struct uk_thread *t = uk_thread_current();

	if (m->owner == t)
		UK_CRASH("thread %d \"%s\" locked mutex %p it holds\n", t->id,
			 t->name, m);
	while (m->owner)
		uksched_block(&m->waiters, 0, "mutex", m);
	m->owner = t;
}

static void mutex_unlock_locked(struct uk_mutex *m)
{
	struct uk_thread *t = uk_thread_current();

	if (m->owner != t)
		UK_CRASH("thread %d \"%s\" unlocked mutex %p it does not hold\n",
			 t->id, t->name, m);
	m->owner = NULL;
	uksched_waitq_wake(&m->waiters, 1);
}

void uk_mutex_lock(struct uk_mutex *m)
{
	unsigned long fl = ukarch_irq_save();

	mutex_lock_locked(m);
	ukarch_irq_restore(fl);
}

int uk_mutex_trylock(struct uk_mutex *m)
{
	unsigned long fl = ukarch_irq_save();
	int got = !m->owner;

	if (got)
		m->owner = uk_thread_current();
	ukarch_irq_restore(fl);
	return got;
}

void uk_mutex_unlock(struct uk_mutex *m)
{
	unsigned long fl = ukarch_irq_save();

	mutex_unlock_locked(m);
	ukarch_irq_restore(fl);
}

void uk_cond_init(struct uk_cond *c)
{
	c->waiters.head = c->waiters.tail = NULL;
}

int uk_cond_wait_until(struct uk_cond *c, struct uk_mutex *m,
		       uint64_t deadline_ns)
{
	unsigned long fl = ukarch_irq_save();
	int r;

	mutex_unlock_locked(m);
	r = uksched_block(&c->waiters, deadline_ns, "condition variable", c);
	mutex_lock_locked(m);
	ukarch_irq_restore(fl);
	return r;
}

void uk_cond_wait(struct uk_cond *c, struct uk_mutex *m)
{
	uk_cond_wait_until(c, m, 0);
}

static void cond_wake(struct uk_cond *c, int n)
{
	unsigned long fl = ukarch_irq_save();

	uksched_waitq_wake(&c->waiters, n);
	ukarch_irq_restore(fl);
}

void uk_cond_signal(struct uk_cond *c)
{
	cond_wake(c, 1);
}

void uk_cond_broadcast(struct uk_cond *c)
{
	cond_wake(c, __INT_MAX__);
}

void uk_sem_init(struct uk_sem *s, long count)
{
	s->count = count;
	s->waiters.head = s->waiters.tail = NULL;
}

int uk_sem_down_until(struct uk_sem *s, uint64_t deadline_ns)
{
	unsigned long fl = ukarch_irq_save();
	int r = 0;

	while (s->count <= 0 && r == 0)
		r = uksched_block(&s->waiters, deadline_ns, "semaphore", s);
	if (r == 0)
		s->count--;
	ukarch_irq_restore(fl);
	return r;
}

void uk_sem_down(struct uk_sem *s)
{
	uk_sem_down_until(s, 0);
}

void uk_sem_up(struct uk_sem *s)
{
	unsigned long fl = ukarch_irq_save();

	s->count++;
	uksched_waitq_wake(&s->waiters, 1);
	ukarch_irq_restore(fl);
}
