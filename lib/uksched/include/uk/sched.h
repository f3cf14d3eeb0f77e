/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Threads, one CPU, round robin with time slices (uksched).
 *
 * Every function here may be called from any thread with interrupts on
 * or off; none from an interrupt handler but uk_waitq_wake() (a device's
 * handler, uk/plat/irq.h: it interrupts only code running with
 * interrupts on, where the scheduler's lists are consistent). Blocking
 * ones switch to other threads, and idle the CPU when none can run.
 * When every thread is blocked and no timer can wake one, the image
 * reports a deadlock (each thread and what it waits on) and ends with
 * the crash status.
 *
 * With musl, C programs use pthreads (built on these through clone and
 * futex); threads made with uk_thread_create() have thread-local
 * variables but no libc thread state, so they must not call libc.
 */
#ifndef __UK_SCHED_H__
#define __UK_SCHED_H__

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

struct uk_thread;

/*
 * A thread running fn(arg) on a stack of stack_size bytes (0: the
 * Kconfig default), a guard page below it, its own copy of the
 * thread-local variables. name (copied, 15 bytes kept) is for reports.
 * NULL when memory is short. It must be joined (or detached).
 */
struct uk_thread *uk_thread_create(const char *name, void *(*fn)(void *),
				   void *arg, size_t stack_size);
/* Waits for t to end, frees it; its return value goes to *ret. */
int uk_thread_join(struct uk_thread *t, void **ret);
/* t is freed by itself when it ends. */
void uk_thread_detach(struct uk_thread *t);
void uk_thread_exit(void *ret) __attribute__((noreturn));
void uk_thread_yield(void);
struct uk_thread *uk_thread_current(void);
/* 1 for main(); later threads count up. */
int uk_thread_id(const struct uk_thread *t);
const char *uk_thread_name(const struct uk_thread *t);
void uk_thread_set_name(struct uk_thread *t, const char *name);

/* Sleeps until the monotonic clock (ukplat_monotonic_ns) reads
 * deadline_ns; uk_thread_sleep_ns for a duration.
 */
void uk_thread_sleep_until(uint64_t deadline_ns);
void uk_thread_sleep_ns(uint64_t ns);

/* A queue of blocked threads, zero-initialised. */
struct uk_waitq {
	struct uk_thread *head, *tail;
};

/*
 * Blocks the calling thread on q until uk_waitq_wake() or deadline_ns
 * (0: none); what (e.g. "poll") names the wait in deadlock reports.
 * 0 when woken, -1 when the deadline passed first.
 */
int uk_waitq_wait(struct uk_waitq *q, uint64_t deadline_ns,
		  const char *what);
/* Wakes up to n threads of q, first come first; how many. */
int uk_waitq_wake(struct uk_waitq *q, int n);

/* Mutexes: not recursive; unlocking one another thread holds crashes. */
struct uk_mutex {
	struct uk_thread *owner;
	struct uk_waitq waiters;
};
#define UK_MUTEX_INIT	{ 0 }
void uk_mutex_init(struct uk_mutex *m);
void uk_mutex_lock(struct uk_mutex *m);
int uk_mutex_trylock(struct uk_mutex *m);	/* 1: locked */
void uk_mutex_unlock(struct uk_mutex *m);

struct uk_cond {
	struct uk_waitq waiters;
};
#define UK_COND_INIT	{ { 0 } }
void uk_cond_init(struct uk_cond *c);
void uk_cond_wait(struct uk_cond *c, struct uk_mutex *m);
/* 0 when signalled, -1 when deadline_ns passed first. */
int uk_cond_wait_until(struct uk_cond *c, struct uk_mutex *m,
		       uint64_t deadline_ns);
void uk_cond_signal(struct uk_cond *c);
void uk_cond_broadcast(struct uk_cond *c);

struct uk_sem {
	long count;
	struct uk_waitq waiters;
};
void uk_sem_init(struct uk_sem *s, long count);
void uk_sem_down(struct uk_sem *s);
/* 0 when taken, -1 when deadline_ns passed first. */
int uk_sem_down_until(struct uk_sem *s, uint64_t deadline_ns);
void uk_sem_up(struct uk_sem *s);

/*
 * Futexes, as Linux's: uk_futex_wait() blocks while *addr == val, until
 * uk_futex_wake(addr) or deadline_ns (0: none). Returns 0 when woken,
 * -EAGAIN when *addr != val, -ETIMEDOUT.
 */
int uk_futex_wait(const int *addr, int val, uint64_t deadline_ns);
int uk_futex_wake(const int *addr, int n);	/* how many were woken */
/* Linux's FUTEX_WAIT_BITSET / FUTEX_WAKE_BITSET: a wake reaches the
 * waiters whose bits it shares.
 */
int uk_futex_wait_bits(const int *addr, int val, uint64_t deadline_ns,
		       unsigned int bits);
int uk_futex_wake_bits(const int *addr, int n, unsigned int bits);
/*
 * FUTEX_CMP_REQUEUE (FUTEX_REQUEUE when cmp is NULL): when *addr ==
 * *cmp, wakes up to n waiters on addr and moves up to move more to wait
 * on addr2. Returns how many were woken and moved, or -EAGAIN.
 */
int uk_futex_requeue(const int *addr, int n, const int *addr2, int move,
		     const int *cmp);

/*
 * Makes the 4 KiB page at va (heap memory the caller owns) a guard page
 * that faults on any access (guard != 0), or ordinary memory again:
 * ukplat_page_guard() with page tables from the heap. 0, or -1.
 */
int uk_page_guard(uintptr_t va, int guard);

/*
 * For a system-call layer's clone(): a thread on a stack the caller
 * owns (only the thread itself is allocated), detached, starting in
 * entry(arg) on stack_top with thread pointer tp; NULL when memory is
 * short. On its end, *clear_tid (if set) is zeroed and futex-woken, as
 * Linux's CLONE_CHILD_CLEARTID / set_tid_address() want.
 */
struct uk_thread *uk_thread_create_on(const char *name,
				      void (*entry)(void *), void *arg,
				      void *stack_top, uintptr_t tp);
void uk_thread_set_clear_tid(struct uk_thread *t, int *clear_tid);
/* The caller's guard pages below t's stack, named in crash reports. */
void uk_thread_set_guard(struct uk_thread *t, uintptr_t base, size_t len);
/* Threads not yet ended, the caller included. */
int uk_thread_count(void);
/* The thread's blocked signals (a new thread starts with its
 * creator's): the system-call layer's, kept per thread as on Linux.
 */
uint64_t *uk_thread_sigmask(struct uk_thread *t);
/* Gives p back to the default allocator once the calling thread has
 * ended: its stack, which it may still run on until then (musl's
 * detached threads unmap their own stack, then exit).
 */
void uk_thread_free_on_exit(void *p);

#ifdef __cplusplus
}
#endif

#endif /* __UK_SCHED_H__ */
