/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * uksched's C API, one check per word on the command line, each printing
 * "threads: <word>: ..." lines the tests read:
 *   counter     100 threads add 10,000 each to a mutex-protected counter
 *   prodcons    a producer and a consumer over a condition variable
 *   join        join returns each thread's value
 *   tls         thread-local variables are per thread
 *   preempt     two busy threads that never yield both make progress
 *   sleep       a 50 ms sleep in a thread is never short; main runs
 *   sem         a semaphore hands out its count and blocks the rest
 *   hugestack   a stack size that wraps: creation fails, nothing breaks
 *   busysleep   main sleeps 20 ms 3 times while a thread spins: longest
 *   deadlock    two threads wait on each other's mutex: reported
 *   fault       a thread writes to address 8: reported with its name
 *   overflow    a thread recurses until its guard page stops it
 *   switch N    N yields between two threads: ns per switch
 *   create N    N create+join pairs: ns per pair
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uk/sched.h>
#include <uk/plat/time.h>

static struct uk_mutex lock = UK_MUTEX_INIT;
static long counter;

static void *add(void *arg)
{
	int i;

	for (i = 0; i < 10000; i++) {
		uk_mutex_lock(&lock);
		counter++;
		uk_mutex_unlock(&lock);
	}
	return arg;
}

static void check_counter(void)
{
	struct uk_thread *t[100];
	int i;

	for (i = 0; i < 100; i++)
		t[i] = uk_thread_create("adder", add, NULL, 16384);
	for (i = 0; i < 100; i++)
		uk_thread_join(t[i], NULL);
	printf("threads: counter: %ld\n", counter);
}

#define ITEMS 1000
static struct uk_cond more = UK_COND_INIT, room = UK_COND_INIT;
static int queue[8], q_len, q_head;

static void *produce(void *arg)
{
	int i;

	for (i = 1; i <= ITEMS; i++) {
		uk_mutex_lock(&lock);
		while (q_len == 8)
			uk_cond_wait(&room, &lock);
		queue[(q_head + q_len++) % 8] = i;
		uk_cond_signal(&more);
		uk_mutex_unlock(&lock);
	}
	return NULL;
}

static void *consume(void *arg)
{
	long sum = 0;
	int i;

	for (i = 0; i < ITEMS; i++) {
		uk_mutex_lock(&lock);
		while (q_len == 0)
			uk_cond_wait(&more, &lock);
		sum += queue[q_head];
		q_head = (q_head + 1) % 8;
		q_len--;
		uk_cond_signal(&room);
		uk_mutex_unlock(&lock);
	}
	return (void *)sum;
}

static void check_prodcons(void)
{
	struct uk_thread *c = uk_thread_create("consumer", consume, NULL, 0);
	struct uk_thread *p = uk_thread_create("producer", produce, NULL, 0);
	void *sum;

	uk_thread_join(p, NULL);
	uk_thread_join(c, &sum);
	printf("threads: prodcons: sum %ld (expected %d)\n", (long)sum,
	       ITEMS * (ITEMS + 1) / 2);
}

static void *square(void *arg)
{
	return (void *)((long)arg * (long)arg);
}

static void check_join(void)
{
	struct uk_thread *t[5];
	void *r;
	long i;

	for (i = 0; i < 5; i++)
		t[i] = uk_thread_create("square", square, (void *)(i + 2), 0);
	printf("threads: join:");
	for (i = 0; i < 5; i++) {
		uk_thread_join(t[i], &r);
		printf(" %ld", (long)r);
	}
	printf("\n");
}

static __thread long tls_var = 7;

static void *tls_thread(void *arg)
{
	tls_var += (long)arg;
	uk_thread_yield();
	return (void *)tls_var;
}

static void check_tls(void)
{
	struct uk_thread *a = uk_thread_create("tls-a", tls_thread,
					       (void *)100, 0);
	struct uk_thread *b = uk_thread_create("tls-b", tls_thread,
					       (void *)200, 0);
	void *ra, *rb;

	uk_thread_join(a, &ra);
	uk_thread_join(b, &rb);
	printf("threads: tls: main %ld, a %ld, b %ld\n", tls_var, (long)ra,
	       (long)rb);
}

static volatile unsigned long spins[2];
static volatile int stop;

static void *busy(void *arg)
{
	volatile unsigned long *n = arg;

	while (!stop)
		(*n)++;
	return NULL;
}

static void check_preempt(void)
{
	struct uk_thread *a = uk_thread_create("busy-a", busy,
					       (void *)&spins[0], 0);
	struct uk_thread *b = uk_thread_create("busy-b", busy,
					       (void *)&spins[1], 0);

	uk_thread_sleep_ns(300000000ULL);
	stop = 1;
	uk_thread_join(a, NULL);
	uk_thread_join(b, NULL);
	printf("threads: preempt: a %s, b %s\n",
	       spins[0] ? "ran" : "starved", spins[1] ? "ran" : "starved");
}

static volatile unsigned long main_ticks;

static void *sleeper(void *arg)
{
	uint64_t t0 = ukplat_monotonic_ns();

	uk_thread_sleep_ns(50000000ULL);
	return (void *)(uintptr_t)((ukplat_monotonic_ns() - t0) / 1000);
}

static void check_sleep(void)
{
	struct uk_thread *t = uk_thread_create("sleeper", sleeper, NULL, 0);
	void *us;

	/* main keeps running while the sleeper sleeps */
	uk_thread_yield();
	main_ticks++;
	uk_thread_join(t, &us);
	printf("threads: sleep: slept %lu us, main ran %lu\n",
	       (unsigned long)(uintptr_t)us, main_ticks);
}

static void check_busysleep(void)
{
	struct uk_thread *t;
	uint64_t t0, us, most = 0;
	int i;

	stop = 0;
	t = uk_thread_create("spinner", busy, (void *)&spins[0], 0);
	for (i = 0; i < 3; i++) {
		t0 = ukplat_monotonic_ns();
		uk_thread_sleep_ns(20000000ULL);
		us = (ukplat_monotonic_ns() - t0) / 1000;
		most = us > most ? us : most;
	}
	stop = 1;
	uk_thread_join(t, NULL);
	printf("threads: busysleep: longest %llu us\n", (unsigned long long)most);
}

static void check_hugestack(void)
{
	struct uk_thread *t = uk_thread_create("huge", square, (void *)2,
					       (size_t)-4096);
	struct uk_thread *u = uk_thread_create("after", square, (void *)3,
					       0);
	void *r = NULL;

	uk_thread_join(u, &r);
	printf("threads: hugestack: %s, then %ld\n", t ? "created" : "refused",
	       (long)r);
}

static struct uk_sem sem;
static int sem_taken;

static void *sem_taker(void *arg)
{
	uk_sem_down(&sem);
	sem_taken++;
	return NULL;
}

static void check_sem(void)
{
	struct uk_thread *t[5];
	int i, before;

	uk_sem_init(&sem, 3);
	for (i = 0; i < 5; i++)
		t[i] = uk_thread_create("sem", sem_taker, NULL, 0);
	uk_thread_sleep_ns(10000000ULL);
	before = sem_taken;
	uk_sem_up(&sem);
	uk_sem_up(&sem);
	for (i = 0; i < 5; i++)
		uk_thread_join(t[i], NULL);
	printf("threads: sem: %d then %d; timed out %d\n", before, sem_taken,
	       uk_sem_down_until(&sem, ukplat_monotonic_ns() + 1000000));
}

static struct uk_mutex ma = UK_MUTEX_INIT, mb = UK_MUTEX_INIT;

static struct uk_sem mb_taken;

static void *lock_ba(void *arg)
{
	uk_mutex_lock(&mb);
	uk_sem_up(&mb_taken);
	uk_thread_sleep_ns(10000000ULL);
	uk_mutex_lock(&ma);
	return NULL;
}

/* Each thread holds one mutex and then waits for the other's. */
static void check_deadlock(void)
{
	struct uk_thread *t;

	uk_sem_init(&mb_taken, 0);
	uk_mutex_lock(&ma);
	t = uk_thread_create("lock-ba", lock_ba, NULL, 0);
	uk_sem_down(&mb_taken);
	uk_mutex_lock(&mb);
	uk_thread_join(t, NULL);
	printf("threads: deadlock: not detected\n");
}

static void *faulter(void *arg)
{
	volatile int *volatile bad = (volatile int *)8;

	*bad = 1;
	return NULL;
}

static unsigned long deep(unsigned long n)
{
	volatile char pad[256];

	pad[0] = (char)n;
	return n ? deep(n - 1) + pad[0] : 0;
}

static void *overflow(void *arg)
{
	return (void *)deep(1UL << 30);
}

static void check_fault(void *(*fn)(void *), const char *name)
{
	struct uk_thread *t = uk_thread_create(name, fn, NULL, 16384);

	uk_thread_join(t, NULL);
	printf("threads: %s: survived\n", name);
}

static void *yielder(void *arg)
{
	long n = (long)arg;

	while (n-- > 0)
		uk_thread_yield();
	return NULL;
}

static void *nothing(void *arg)
{
	return arg;
}

static void bench(const char *what, long n)
{
	uint64_t t0 = ukplat_monotonic_ns(), t1;
	struct uk_thread *t;
	long i;

	if (strcmp(what, "switch") == 0) {
		t = uk_thread_create("yielder", yielder, (void *)n, 0);
		for (i = 0; i < n; i++)
			uk_thread_yield();
		uk_thread_join(t, NULL);
		n *= 2;		/* each round trip is two switches */
	} else if (strcmp(what, "clock") == 0) {
		for (i = 0; i < n; i++)
			ukplat_monotonic_ns();
	} else {
		for (i = 0; i < n; i++)
			uk_thread_join(uk_thread_create("c", nothing, NULL, 0),
				       NULL);
	}
	t1 = ukplat_monotonic_ns();
	printf("threads: %s: %lu ns each\n", what,
	       (unsigned long)((t1 - t0) / (n ? n : 1)));
}

int main(int argc, char *argv[])
{
	int i;

	for (i = 1; i < argc; i++) {
		const char *w = argv[i];

		if (!strcmp(w, "counter"))
			check_counter();
		else if (!strcmp(w, "prodcons"))
			check_prodcons();
		else if (!strcmp(w, "join"))
			check_join();
		else if (!strcmp(w, "tls"))
			check_tls();
		else if (!strcmp(w, "preempt"))
			check_preempt();
		else if (!strcmp(w, "sleep"))
			check_sleep();
		else if (!strcmp(w, "sem"))
			check_sem();
		else if (!strcmp(w, "hugestack"))
			check_hugestack();
		else if (!strcmp(w, "busysleep"))
			check_busysleep();
		else if (!strcmp(w, "deadlock"))
			check_deadlock();
		else if (!strcmp(w, "fault"))
			check_fault(faulter, "faulter");
		else if (!strcmp(w, "overflow"))
			check_fault(overflow, "overflow");
		else if ((!strcmp(w, "switch") || !strcmp(w, "create") ||
			  !strcmp(w, "clock")) &&
			 i + 1 < argc)
			bench(w, strtol(argv[++i], NULL, 10));
		else
			printf("threads: unknown word %s\n", w);
	}
	return 0;
}
