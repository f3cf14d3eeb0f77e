/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * musl's pthreads, unchanged, over Kiln's clone and futex: one check
 * per word on the command line, each printing "pthreads: <word>: ..."
 * lines the tests read:
 *   counter     100 threads add 10,000 each to a mutex-protected counter
 *   prodcons    a producer and a consumer over a condition variable
 *   join        pthread_join returns each thread's value
 *   tls         thread-local variables are per thread; tids differ
 *   preempt     two busy threads that never yield both make progress
 *   sleep       nanosleep(50 ms) in a thread is never short
 *   timedwait   pthread_cond_timedwait times out at its deadline
 *   detach      detached threads end on their own; the count drops
 *   deadlock    two threads wait on each other's mutex: reported
 *   fault       a thread writes to address 8: reported with its name
 *   overflow    a thread recurses into musl's guard page: reported
 *   exit N      a thread calls exit(N) while main waits
 *   spinwait    main wakes a thread, then spins until it has run
 *   sigmask     a joined thread's end leaves main's signal mask alone
 *   pollthread  a thread polls for ever; main returns: the image ends
 *   protnone    mremap moves a PROT_NONE mapping
 *   sleepms N   main sleeps N ms while a thread waits on a futex, as
 *               tests/lib/idle.sh reads it ("idle: slept N ms: US us")
 *   accuracy    nanosleep of 1, 10 and 100 ms, 5 each: what they took
 *   switch N    N sched_yield round trips between two threads (ns each)
 *   create N    N pthread_create+join pairs (ns each)
 */
#define _GNU_SOURCE	/* mremap */
#include <errno.h>
#include <pthread.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <sys/mman.h>
#include <semaphore.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/syscall.h>

static uint64_t now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000ULL + ts.tv_nsec;
}

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static long counter;

static void *add(void *arg)
{
	int i;

	for (i = 0; i < 10000; i++) {
		pthread_mutex_lock(&lock);
		counter++;
		pthread_mutex_unlock(&lock);
	}
	return NULL;
}

static void check_counter(void)
{
	pthread_t t[100];
	int i, made = 0;

	for (i = 0; i < 100; i++)
		made += pthread_create(&t[i], NULL, add, NULL) == 0;
	for (i = 0; i < made; i++)
		pthread_join(t[i], NULL);
	printf("pthreads: counter: %ld from %d threads\n", counter, made);
}

#define ITEMS 1000
static pthread_cond_t more = PTHREAD_COND_INITIALIZER;
static pthread_cond_t room = PTHREAD_COND_INITIALIZER;
static int queue[8], q_len, q_head;

static void *produce(void *arg)
{
	int i;

	for (i = 1; i <= ITEMS; i++) {
		pthread_mutex_lock(&lock);
		while (q_len == 8)
			pthread_cond_wait(&room, &lock);
		queue[(q_head + q_len++) % 8] = i;
		pthread_cond_signal(&more);
		pthread_mutex_unlock(&lock);
	}
	return NULL;
}

static void *consume(void *arg)
{
	long sum = 0;
	int i;

	for (i = 0; i < ITEMS; i++) {
		pthread_mutex_lock(&lock);
		while (q_len == 0)
			pthread_cond_wait(&more, &lock);
		sum += queue[q_head];
		q_head = (q_head + 1) % 8;
		q_len--;
		pthread_cond_signal(&room);
		pthread_mutex_unlock(&lock);
	}
	return (void *)sum;
}

static void check_prodcons(void)
{
	pthread_t c, p;
	void *sum = NULL;

	pthread_create(&c, NULL, consume, NULL);
	pthread_create(&p, NULL, produce, NULL);
	pthread_join(p, NULL);
	pthread_join(c, &sum);
	printf("pthreads: prodcons: sum %ld (expected %d)\n", (long)sum,
	       ITEMS * (ITEMS + 1) / 2);
}

static void *square(void *arg)
{
	return (void *)((long)arg * (long)arg);
}

static void check_join(void)
{
	pthread_t t[5];
	void *r;
	long i;

	for (i = 0; i < 5; i++)
		pthread_create(&t[i], NULL, square, (void *)(i + 2));
	printf("pthreads: join:");
	for (i = 0; i < 5; i++) {
		r = NULL;
		pthread_join(t[i], &r);
		printf(" %ld", (long)r);
	}
	printf("\n");
}

static __thread long tls_var = 7;

static void *tls_thread(void *arg)
{
	tls_var += (long)arg;
	sched_yield();
	return (void *)(tls_var * 1000 + syscall(SYS_gettid));
}

static void check_tls(void)
{
	pthread_t a, b;
	void *ra, *rb;

	pthread_create(&a, NULL, tls_thread, (void *)100);
	pthread_create(&b, NULL, tls_thread, (void *)200);
	pthread_join(a, &ra);
	pthread_join(b, &rb);
	printf("pthreads: tls: main %ld, a %ld, b %ld; tids %ld %ld %ld\n",
	       tls_var, (long)ra / 1000, (long)rb / 1000,
	       (long)syscall(SYS_gettid), (long)ra % 1000, (long)rb % 1000);
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
	struct timespec ts = { 0, 300000000 };
	pthread_t a, b;

	pthread_create(&a, NULL, busy, (void *)&spins[0]);
	pthread_create(&b, NULL, busy, (void *)&spins[1]);
	nanosleep(&ts, NULL);
	stop = 1;
	pthread_join(a, NULL);
	pthread_join(b, NULL);
	printf("pthreads: preempt: a %s, b %s\n",
	       spins[0] ? "ran" : "starved", spins[1] ? "ran" : "starved");
}

static void *sleeper(void *arg)
{
	struct timespec ts = { 0, 50000000 };
	uint64_t t0 = now_ns();

	nanosleep(&ts, NULL);
	return (void *)(uintptr_t)((now_ns() - t0) / 1000);
}

static void check_sleep(void)
{
	pthread_t t[4];
	void *us;
	int i;

	for (i = 0; i < 4; i++)
		pthread_create(&t[i], NULL, sleeper, NULL);
	printf("pthreads: sleep:");
	for (i = 0; i < 4; i++) {
		pthread_join(t[i], &us);
		printf(" %lu", (unsigned long)(uintptr_t)us);
	}
	printf(" us\n");
}

static void check_timedwait(void)
{
	pthread_cond_t c = PTHREAD_COND_INITIALIZER;
	struct timespec dl;
	uint64_t t0;
	int r;

	clock_gettime(CLOCK_REALTIME, &dl);
	dl.tv_nsec += 20000000;
	if (dl.tv_nsec >= 1000000000) {
		dl.tv_sec++;
		dl.tv_nsec -= 1000000000;
	}
	t0 = now_ns();
	pthread_mutex_lock(&lock);
	r = pthread_cond_timedwait(&c, &lock, &dl);
	pthread_mutex_unlock(&lock);
	printf("pthreads: timedwait: %s after %llu us\n",
	       r == ETIMEDOUT ? "ETIMEDOUT" : strerror(r),
	       (unsigned long long)(now_ns() - t0) / 1000);
}

static volatile int detached_ran;

static void *detached(void *arg)
{
	__atomic_fetch_add(&detached_ran, 1, __ATOMIC_SEQ_CST);
	return NULL;
}

static void check_detach(void)
{
	struct timespec ts = { 0, 10000000 };
	pthread_attr_t at;
	pthread_t t;
	int i;

	pthread_attr_init(&at);
	pthread_attr_setdetachstate(&at, PTHREAD_CREATE_DETACHED);
	for (i = 0; i < 50; i++)
		pthread_create(&t, &at, detached, NULL);
	nanosleep(&ts, NULL);
	printf("pthreads: detach: %d ran\n", detached_ran);
}

static pthread_mutex_t ma = PTHREAD_MUTEX_INITIALIZER;
static pthread_mutex_t mb = PTHREAD_MUTEX_INITIALIZER;

static sem_t mb_taken;

static void *lock_ba(void *arg)
{
	struct timespec ts = { 0, 10000000 };

	pthread_mutex_lock(&mb);
	sem_post(&mb_taken);
	nanosleep(&ts, NULL);
	pthread_mutex_lock(&ma);
	return NULL;
}

/* Each thread holds one mutex and then waits for the other's. */
static void check_deadlock(void)
{
	pthread_t t;

	sem_init(&mb_taken, 0, 0);
	pthread_mutex_lock(&ma);
	pthread_create(&t, NULL, lock_ba, NULL);
	sem_wait(&mb_taken);
	pthread_mutex_lock(&mb);
	pthread_join(t, NULL);
	printf("pthreads: deadlock: not detected\n");
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

static void *exiter(void *arg)
{
	exit((int)(long)arg);
}

static void check_exit(int status)
{
	pthread_t t;

	pthread_create(&t, NULL, exiter, (void *)(long)status);
	pthread_join(t, NULL);
	printf("pthreads: exit: main went on\n");
}

static pthread_mutex_t never = PTHREAD_MUTEX_INITIALIZER;

static void *blocked(void *arg)
{
	pthread_mutex_lock(&never);	/* main holds it: a futex wait */
	pthread_mutex_unlock(&never);
	return NULL;
}

/* The CPU must idle although two threads exist, one of them blocked. */
static void check_sleepms(long ms)
{
	struct timespec ts = { ms / 1000, ms % 1000 * 1000000 };
	uint64_t t0 = now_ns(), t1;
	pthread_t t;

	pthread_mutex_lock(&never);
	pthread_create(&t, NULL, blocked, NULL);
	nanosleep(&ts, NULL);
	t1 = now_ns();
	pthread_mutex_unlock(&never);
	pthread_join(t, NULL);
	printf("idle: slept %ld ms: %llu us\n", ms,
	       (unsigned long long)(t1 - t0) / 1000);
}

static void check_accuracy(void)
{
	static const long req_ms[] = { 1, 10, 100 };
	uint64_t t0, us, sum, lo, hi;
	struct timespec ts;
	int i, k;

	for (i = 0; i < 3; i++) {
		ts.tv_sec = 0;
		ts.tv_nsec = req_ms[i] * 1000000;
		sum = hi = 0;
		lo = UINT64_MAX;
		for (k = 0; k < 5; k++) {
			t0 = now_ns();
			nanosleep(&ts, NULL);
			us = (now_ns() - t0) / 1000;
			sum += us;
			lo = us < lo ? us : lo;
			hi = us > hi ? us : hi;
		}
		printf("pthreads: accuracy: %ld ms: mean %llu us, min %llu, max %llu\n",
		       req_ms[i], (unsigned long long)sum / 5,
		       (unsigned long long)lo, (unsigned long long)hi);
	}
}

static volatile int flag;

static void *setflag(void *arg)
{
	flag = 1;
	return NULL;
}

/* Main never blocks after the create: only a time slice lets it run. */
static void check_spinwait(void)
{
	pthread_t t;

	flag = 0;
	pthread_create(&t, NULL, setflag, NULL);
	while (!flag)
		;
	pthread_join(t, NULL);
	printf("pthreads: spinwait: the woken thread ran\n");
}

static volatile int got_usr1;

static void on_usr1(int sig)
{
	got_usr1 = 1;
}

static void check_sigmask(void)
{
	sigset_t set;
	pthread_t t;

	signal(SIGUSR1, on_usr1);
	pthread_create(&t, NULL, square, (void *)3);
	pthread_join(t, NULL);
	sigprocmask(SIG_BLOCK, NULL, &set);
	raise(SIGUSR1);
	printf("pthreads: sigmask: SIGUSR1 %s, handler %s\n",
	       sigismember(&set, SIGUSR1) ? "blocked" : "unblocked",
	       got_usr1 ? "ran" : "did not run");
}

static void *poll_for_ever(void *arg)
{
	poll(NULL, 0, -1);
	return NULL;
}

static void check_pollthread(void)
{
	struct timespec ts = { 0, 20000000 };
	pthread_t t;

	pthread_create(&t, NULL, poll_for_ever, NULL);
	nanosleep(&ts, NULL);
	printf("pthreads: pollthread: main returns\n");
}

static void check_protnone(void)
{
	char *p = mmap(NULL, 8192, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS,
		       -1, 0), *q;

	q = mremap(p, 8192, 32768, MREMAP_MAYMOVE);
	printf("pthreads: protnone: mremap %s\n",
	       q == MAP_FAILED ? strerror(errno) : "moved it");
}

static void *yielder(void *arg)
{
	long n = (long)arg;

	while (n-- > 0)
		sched_yield();
	return NULL;
}

static void *nothing(void *arg)
{
	return arg;
}

static void bench(const char *what, long n)
{
	uint64_t t0 = now_ns();
	pthread_t t;
	long i;

	if (strcmp(what, "switch") == 0) {
		pthread_create(&t, NULL, yielder, (void *)n);
		for (i = 0; i < n; i++)
			sched_yield();
		pthread_join(t, NULL);
		n *= 2;
	} else {
		for (i = 0; i < n; i++) {
			pthread_create(&t, NULL, nothing, NULL);
			pthread_join(t, NULL);
		}
	}
	printf("pthreads: %s: %llu ns each\n", what,
	       (unsigned long long)(now_ns() - t0) / (n ? n : 1));
}

int main(int argc, char *argv[])
{
	int i;

	/* The console is no terminal to musl: lines go out as written. */
	setvbuf(stdout, NULL, _IOLBF, 0);
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
		else if (!strcmp(w, "timedwait"))
			check_timedwait();
		else if (!strcmp(w, "detach"))
			check_detach();
		else if (!strcmp(w, "spinwait"))
			check_spinwait();
		else if (!strcmp(w, "sigmask"))
			check_sigmask();
		else if (!strcmp(w, "pollthread"))
			check_pollthread();
		else if (!strcmp(w, "protnone"))
			check_protnone();
		else if (!strcmp(w, "accuracy"))
			check_accuracy();
		else if (!strcmp(w, "deadlock"))
			check_deadlock();
		else if (!strcmp(w, "fault")) {
			pthread_t t;

			pthread_create(&t, NULL, faulter, NULL);
			pthread_join(t, NULL);
		} else if (!strcmp(w, "overflow")) {
			pthread_t t;

			pthread_create(&t, NULL, overflow, NULL);
			pthread_join(t, NULL);
		} else if (!strcmp(w, "sleepms") && i + 1 < argc)
			check_sleepms(atol(argv[++i]));
		else if (!strcmp(w, "exit") && i + 1 < argc)
			check_exit(atoi(argv[++i]));
		else if ((!strcmp(w, "switch") || !strcmp(w, "create")) &&
			 i + 1 < argc) {
			bench(w, strtol(argv[i + 1], NULL, 10));
			i++;
		} else
			printf("pthreads: unknown word %s\n", w);
	}
	return 0;
}
