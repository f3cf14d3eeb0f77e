/* SPDX-License-Identifier: BSD-3-Clause */
/* uksched's own: the thread, the CPU's scheduling state, the switch. */
#ifndef __UKSCHED_IMPL_H__
#define __UKSCHED_IMPL_H__

#include <stdint.h>
#include <uk/sched.h>

enum thread_state { RUNNABLE, BLOCKED, EXITED };

struct uk_thread {
	uintptr_t sp;		/* saved by uksched_arch_switch() */
	uintptr_t tp;		/* thread pointer while switched out */
	int id;
	enum thread_state state;
	char name[16];
	struct uk_thread *next;		/* run queue or wait queue */
	struct uk_thread *all_next;	/* every live thread */
	/* Blocked: on which queue (NULL: a plain sleep), what for (for
	 * the deadlock report), until when (0: no deadline).
	 */
	struct uk_waitq *waitq;
	const char *wait_what;
	const void *wait_obj;
	uint64_t wake_at;
	struct uk_thread *sleep_next;
	int timed_out;
	unsigned int futex_bits;	/* FUTEX_WAIT_BITSET's mask */
	/* Stack and TLS blocks uksched allocated (NULL: the caller's). */
	void *stack, *tls;
	/* The guard pages below the stack (0: none): uksched's own when
	 * it allocated the stack, else the caller's (uk_thread_set_guard).
	 */
	uintptr_t guard;
	size_t guard_len;
	void *(*fn)(void *);
	void *arg, *ret;
	int detached;
	int *clear_tid;
	struct uk_waitq joiners;
	uint64_t sigmask;	/* the system-call layer's blocked signals */
	void *free_on_exit;	/* memory to give back once it ended */
};

/* Per-CPU scheduling state: one CPU now, all of it here for SMP later. */
struct uksched_cpu {
	struct uk_thread *current;
	struct uk_waitq runq;
	struct uk_thread *sleepers;	/* by wake_at, soonest first */
	struct uk_thread *all;
	struct uk_thread *zombie;	/* ended, freed after the switch */
	/* The time slice: started when the timer is first armed for it
	 * (not at every switch: reading the clock is a VM exit on some
	 * hypervisors), it preempts a thread only if no switch happened
	 * since (switches == slice_switches).
	 */
	uint64_t slice_end;
	unsigned long switches, slice_switches;
	int slice_armed;
	uint64_t armed;			/* the timer's deadline, 0: off */
	int idling;
	int threads;			/* not yet ended */
};

extern struct uksched_cpu uksched_cpu0;
#define this_cpu()	(&uksched_cpu0)

/* sched.c; every one with interrupts masked. */
void uksched_runq_add(struct uk_thread *t);
/* Blocks the current thread (on q if set, until deadline if not 0). */
int uksched_block(struct uk_waitq *q, uint64_t deadline, const char *what,
		  const void *obj);
/* Makes a blocked thread runnable. */
void uksched_wake(struct uk_thread *t);
/* Queues t at q's end. */
void uksched_waitq_append(struct uk_waitq *q, struct uk_thread *t);
/* Takes t off q (it stays blocked). */
void uksched_waitq_remove(struct uk_waitq *q, struct uk_thread *t);
/* Wakes up to n threads of q, first come first. */
int uksched_waitq_wake(struct uk_waitq *q, int n);
void uksched_yield_locked(void);
void uksched_exit_locked(void) __attribute__((noreturn));

/* thread.c */
void uksched_thread_free(struct uk_thread *t);

/* <arch>/switch.S: saves the callee-saved registers on the stack,
 * *prev_sp = the stack pointer, and resumes the thread whose saved
 * stack pointer is next_sp. uksched_arch_start is where new threads
 * begin: entry(arg) from uksched_arch_init().
 */
void uksched_arch_switch(uintptr_t *prev_sp, uintptr_t next_sp);
uintptr_t uksched_arch_init(uintptr_t stack_top, void (*entry)(void *),
			    void *arg);

#endif /* __UKSCHED_IMPL_H__ */
