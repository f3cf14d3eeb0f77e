/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The scheduler: a run queue served round robin, a list of sleepers
 * ordered by deadline, and the platform's one-shot timer armed for the
 * sooner of the first sleeper's deadline and, when another thread is
 * waiting to run, the end of the current time slice. Everything here
 * runs with interrupts masked; the timer's interrupt only asks (want)
 * and the switch itself happens on the interrupted thread's stack (a
 * yield).
 * With nothing to run the CPU idles; with nothing to run and nothing to
 * wait for, the threads are deadlocked: reported, and the image ends.
 */
#include <uk/config.h>
#include <uk/assert.h>
#include <uk/essentials.h>
#include <uk/init.h>
#include <uk/print.h>
#include <uk/asm/cpu.h>
#include <uk/plat/irq.h>
#include <uk/plat/lifecycle.h>
#include <uk/plat/time.h>
#include "sched_impl.h"

#define SLICE_NS	(CONFIG_LIBUKSCHED_SLICE_MS * 1000000ULL)

struct uksched_cpu uksched_cpu0;

void uksched_waitq_append(struct uk_waitq *q, struct uk_thread *t)
{
	t->next = NULL;
	if (q->tail)
		q->tail->next = t;
	else
		q->head = t;
	q->tail = t;
}

/* The slice timer is armed as soon as two threads want the CPU. */
static void timer_arm(void);

void uksched_runq_add(struct uk_thread *t)
{
	t->state = RUNNABLE;
	uksched_waitq_append(&this_cpu()->runq, t);
	timer_arm();
}

/* A sleeper whose time came runs next: it waited long enough. */
static void runq_add_front(struct uk_thread *t)
{
	struct uk_waitq *q = &this_cpu()->runq;

	t->state = RUNNABLE;
	t->next = q->head;
	q->head = t;
	if (!q->tail)
		q->tail = t;
	timer_arm();
}

static struct uk_thread *runq_pop(void)
{
	struct uk_waitq *q = &this_cpu()->runq;
	struct uk_thread *t = q->head;

	if (t)
		uksched_waitq_remove(q, t);
	return t;
}

static void sleepers_add(struct uk_thread *t)
{
	struct uk_thread **p = &this_cpu()->sleepers;

	while (*p && (*p)->wake_at <= t->wake_at)
		p = &(*p)->sleep_next;
	t->sleep_next = *p;
	*p = t;
}

static void sleepers_remove(struct uk_thread *t)
{
	struct uk_thread **p = &this_cpu()->sleepers;

	while (*p != t)
		p = &(*p)->sleep_next;
	*p = t->sleep_next;
}

void uksched_waitq_remove(struct uk_waitq *q, struct uk_thread *t)
{
	struct uk_thread **p = &q->head, *prev = NULL;

	while (*p != t) {
		prev = *p;
		p = &(*p)->next;
	}
	*p = t->next;
	if (q->tail == t)
		q->tail = prev;
}

void uksched_wake(struct uk_thread *t)
{
	if (t->wake_at)
		sleepers_remove(t);
	t->wake_at = 0;
	t->waitq = NULL;
	uksched_runq_add(t);
}

int uksched_waitq_wake(struct uk_waitq *q, int n)
{
	struct uk_thread *t;
	int woken = 0;

	while (woken < n && (t = q->head)) {
		uksched_waitq_remove(q, t);
		uksched_wake(t);
		woken++;
	}
	return woken;
}

/* Sleepers whose deadline passed run again, timed out. */
static void wake_due(uint64_t now)
{
	struct uksched_cpu *cpu = this_cpu();
	struct uk_thread *t;

	while ((t = cpu->sleepers) && t->wake_at <= now) {
		cpu->sleepers = t->sleep_next;
		t->wake_at = 0;
		t->timed_out = 1;
		if (t->waitq)
			uksched_waitq_remove(t->waitq, t);
		t->waitq = NULL;
		runq_add_front(t);
	}
}

/* The timer for the next thing that needs the CPU back, if any. */
static void timer_arm(void)
{
	struct uksched_cpu *cpu = this_cpu();
	uint64_t d = cpu->sleepers ? cpu->sleepers->wake_at : 0;

	if (SLICE_NS && cpu->runq.head) {
		if (!cpu->slice_armed) {
			cpu->slice_end = ukplat_monotonic_ns() + SLICE_NS;
			cpu->slice_switches = cpu->switches;
			cpu->slice_armed = 1;
		}
		if (!d || cpu->slice_end < d)
			d = cpu->slice_end;
	}
	/* Arming may be a VM exit or a hypercall: a timer that fires
	 * sooner than needed is left alone (want() arms it again then),
	 * and one no longer needed fires once for nothing.
	 */
	if (d && (!cpu->armed || d < cpu->armed)) {
		cpu->armed = d;
		ukplat_timer_oneshot(d);
	}
}

static void deadlock(void) __noreturn;
static void deadlock(void)
{
	struct uk_thread *t;

	uk_pr_crit("deadlock: every thread is blocked and no timer can wake one\n");
	for (t = this_cpu()->all; t; t = t->all_next)
		uk_pr_crit("  thread %d \"%s\" waits for %s %p\n", t->id,
			   t->name, t->wait_what ? t->wait_what : "nothing",
			   t->wait_obj);
	ukplat_terminate(UKPLAT_CRASH_STATUS);
}

/* After every switch, in the thread that now runs. */
static void switch_done(void)
{
	struct uksched_cpu *cpu = this_cpu();
	struct uk_thread *z = cpu->zombie;

	if (z && z != cpu->current) {
		cpu->zombie = NULL;
		uksched_thread_free(z);
	}
	timer_arm();
}

/*
 * Runs the next runnable thread; the current one was queued already
 * (a yield) or not (it blocked or ended). Idles while none is.
 */
static void schedule(void)
{
	struct uksched_cpu *cpu = this_cpu();
	struct uk_thread *prev = cpu->current, *next;

	for (;;) {
		if (cpu->sleepers)
			wake_due(ukplat_monotonic_ns());
		next = runq_pop();
		if (next)
			break;
		if (!cpu->sleepers)
			deadlock();
		timer_arm();
		cpu->idling = 1;
		ukplat_idle();
		cpu->idling = 0;
	}
	if (next != prev) {
		cpu->switches++;
		prev->tp = ukarch_tp_get();
		cpu->current = next;
		if (next->tp != prev->tp)
			ukarch_tp_set(next->tp);
		uksched_arch_switch(&prev->sp, next->sp);
	}
	switch_done();
}

/* Where a new thread begins, before its entry function. */
void uksched_thread_started(void)
{
	switch_done();
}

int uksched_block(struct uk_waitq *q, uint64_t deadline, const char *what,
		  const void *obj)
{
	struct uk_thread *t = this_cpu()->current;

	t->state = BLOCKED;
	t->waitq = q;
	t->wait_what = what;
	t->wait_obj = obj;
	t->timed_out = 0;
	t->wake_at = deadline;
	if (q)
		uksched_waitq_append(q, t);
	if (deadline)
		sleepers_add(t);
	schedule();
	t->wait_what = NULL;
	t->wait_obj = NULL;
	return t->timed_out ? -1 : 0;
}

void uksched_yield_locked(void)
{
	/* Sleepers now due go ahead of it all the same: schedule() puts
	 * them at the front.
	 */
	uksched_runq_add(this_cpu()->current);
	schedule();
}

void uksched_exit_locked(void)
{
	struct uksched_cpu *cpu = this_cpu();

	cpu->current->state = EXITED;
	cpu->threads--;
	schedule();
	UK_CRASH("an ended thread ran again\n");
}

int uk_waitq_wait(struct uk_waitq *q, uint64_t deadline_ns,
		  const char *what)
{
	unsigned long fl = ukarch_irq_save();
	int r = uksched_block(q, deadline_ns, what, q);

	ukarch_irq_restore(fl);
	return r;
}

int uk_waitq_wake(struct uk_waitq *q, int n)
{
	unsigned long fl = ukarch_irq_save();
	int r = uksched_waitq_wake(q, n);

	ukarch_irq_restore(fl);
	return r;
}

void uk_thread_yield(void)
{
	unsigned long fl = ukarch_irq_save();

	uksched_yield_locked();
	ukarch_irq_restore(fl);
}

void uk_thread_sleep_until(uint64_t deadline_ns)
{
	unsigned long fl = ukarch_irq_save();

	/* A deadline of 0 is none to uksched_block: it is long past. */
	if (deadline_ns > ukplat_monotonic_ns())
		uksched_block(NULL, deadline_ns, "sleep until", NULL);
	ukarch_irq_restore(fl);
}

void uk_thread_sleep_ns(uint64_t ns)
{
	uint64_t now = ukplat_monotonic_ns();

	uk_thread_sleep_until(ns > UINT64_MAX - now ? UINT64_MAX : now + ns);
}

/*
 * Preemption, from the platform's interrupt path. want(): the timer
 * fired (one-shot: it is off now); a thread (not the idle loop) should
 * give up the CPU when a sleeper is due, or when it ran a whole slice
 * while another waited. Otherwise the timer is armed again for what is
 * next (a slice that saw switches starts again from now).
 */
static int want(void)
{
	struct uksched_cpu *cpu = this_cpu();
	uint64_t now;

	cpu->armed = 0;
	/* The idle loop wakes sleepers and re-arms itself: arming here a
	 * deadline just passed would raise the interrupt again before it
	 * can mask them (a storm).
	 */
	if (cpu->idling)
		return 0;
	now = ukplat_monotonic_ns();
	if (cpu->sleepers && now >= cpu->sleepers->wake_at)
		return 1;
	if (cpu->slice_armed && now >= cpu->slice_end) {
		cpu->slice_armed = 0;
		if (cpu->runq.head && cpu->switches == cpu->slice_switches)
			return 1;
	}
	timer_arm();
	return 0;
}

/* For crash reports: the running thread; whether addr is its guard. */
static int crash_thread(uint64_t addr, struct ukplat_crash_thread *ct)
{
	struct uk_thread *t = this_cpu()->current;

	ct->id = t->id;
	ct->name = t->name;
	return t->guard && addr - t->guard < t->guard_len;
}

/* The first thread: the one running main() (ukboot's boot stack). */
static struct uk_thread main_thread = {
	.id = 1,
	.state = RUNNABLE,
	.name = "main",
};

static int sched_init(void)
{
	struct uksched_cpu *cpu = this_cpu();

	cpu->current = &main_thread;
	cpu->all = &main_thread;
	cpu->threads = 1;
	ukplat_preempt_set(want, uksched_yield_locked);
	ukplat_crash_thread_set(crash_thread);
	/* Threads run with interrupts on, to be preempted; the kernel
	 * (system calls, this library) masks them.
	 */
	if (SLICE_NS)
		ukarch_irq_enable();
	return 0;
}
uk_early_initcall(sched_init);
