/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * lwIP's operating-system layer (its doc/sys_arch.txt) over uksched:
 * semaphores, mutexes, mailboxes, threads, the millisecond clock, the
 * heap and SYS_ARCH_PROTECT. One CPU: masking interrupts keeps every
 * other thread out, which is all the short critical sections need.
 */
#include <string.h>
#include <uk/alloc.h>
#include <uk/plat/irq.h>
#include <uk/plat/time.h>
#include <uk/sched.h>
#include "lwip/err.h"
#include "lwip/sys.h"

long sys_getrandom(void *buf, size_t len, unsigned int flags);
#define GRND_INSECURE	0x0004	/* Linux's: the best there is, no warning */

void sys_init(void)
{
}

u32_t sys_now(void)
{
	return (u32_t)(ukplat_monotonic_ns() / 1000000);
}

sys_prot_t sys_arch_protect(void)
{
	return ukarch_irq_save();
}

void sys_arch_unprotect(sys_prot_t fl)
{
	ukarch_irq_restore(fl);
}

void *kiln_lwip_malloc(size_t size)
{
	return uk_malloc(uk_alloc_get_default(), size);
}

void *kiln_lwip_calloc(size_t n, size_t size)
{
	return uk_calloc(uk_alloc_get_default(), n, size);
}

void kiln_lwip_free(void *p)
{
	uk_free(uk_alloc_get_default(), p);
}

/* Initial sequence numbers, ports, DHCP ids: splitmix64 over a seed
 * from getrandom() and the clock, so they are not guessable.
 */
uint32_t kiln_lwip_rand(void)
{
	static uint64_t state;
	uint64_t z;

	if (!state && sys_getrandom(&state, sizeof(state), GRND_INSECURE) != sizeof(state))
		state = ukplat_monotonic_ns();
	state += 0x9e3779b97f4a7c15ULL + (ukplat_monotonic_ns() & 0xff);
	z = state;
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return (uint32_t)(z ^ (z >> 31));
}

/* ms waited, or SYS_ARCH_TIMEOUT; timeout_ms 0 waits for ever. */
static u32_t sem_wait(struct uk_sem *s, u32_t timeout_ms)
{
	uint64_t t0 = ukplat_monotonic_ns();

	if (!timeout_ms) {
		uk_sem_down(s);
	} else if (uk_sem_down_until(s, t0 + timeout_ms * 1000000ULL)) {
		return SYS_ARCH_TIMEOUT;
	}
	return (u32_t)((ukplat_monotonic_ns() - t0) / 1000000);
}

err_t sys_sem_new(sys_sem_t *sem, u8_t count)
{
	uk_sem_init(&sem->sem, count);
	sem->valid = 1;
	return ERR_OK;
}

void sys_sem_free(sys_sem_t *sem)
{
	sem->valid = 0;
}

void sys_sem_signal(sys_sem_t *sem)
{
	uk_sem_up(&sem->sem);
}

u32_t sys_arch_sem_wait(sys_sem_t *sem, u32_t timeout_ms)
{
	return sem_wait(&sem->sem, timeout_ms);
}

err_t sys_mutex_new(sys_mutex_t *m)
{
	uk_mutex_init(&m->mutex);
	m->valid = 1;
	return ERR_OK;
}

void sys_mutex_free(sys_mutex_t *m)
{
	m->valid = 0;
}

void sys_mutex_lock(sys_mutex_t *m)
{
	uk_mutex_lock(&m->mutex);
}

void sys_mutex_unlock(sys_mutex_t *m)
{
	uk_mutex_unlock(&m->mutex);
}

/* A mailbox: a ring of size messages; "used" counts the messages,
 * "room" the free slots.
 */
struct kiln_mbox {
	struct uk_sem used, room;
	unsigned int head, tail, size;
	void *msg[];
};

err_t sys_mbox_new(sys_mbox_t *mb, int size)
{
	struct kiln_mbox *m;

	if (size <= 0)
		size = 256;
	m = kiln_lwip_malloc(sizeof(*m) + size * sizeof(void *));
	if (!m)
		return ERR_MEM;
	uk_sem_init(&m->used, 0);
	uk_sem_init(&m->room, size);
	m->head = m->tail = 0;
	m->size = size;
	*mb = m;
	return ERR_OK;
}

void sys_mbox_free(sys_mbox_t *mb)
{
	kiln_lwip_free(*mb);
	*mb = NULL;
}

/* Called with a slot reserved (room taken). */
static void put(struct kiln_mbox *m, void *msg)
{
	unsigned long fl = ukarch_irq_save();

	m->msg[m->tail] = msg;
	m->tail = (m->tail + 1) % m->size;
	uk_sem_up(&m->used);
	ukarch_irq_restore(fl);
}

/* Called with a message reserved (used taken). */
static void *take(struct kiln_mbox *m)
{
	unsigned long fl = ukarch_irq_save();
	void *msg = m->msg[m->head];

	m->head = (m->head + 1) % m->size;
	uk_sem_up(&m->room);
	ukarch_irq_restore(fl);
	return msg;
}

void sys_mbox_post(sys_mbox_t *mb, void *msg)
{
	uk_sem_down(&(*mb)->room);
	put(*mb, msg);
}

err_t sys_mbox_trypost(sys_mbox_t *mb, void *msg)
{
	struct kiln_mbox *m = *mb;
	unsigned long fl = ukarch_irq_save();

	if (m->room.count <= 0) {
		ukarch_irq_restore(fl);
		return ERR_MEM;
	}
	uk_sem_down(&m->room);	/* does not block: a slot is free */
	ukarch_irq_restore(fl);
	put(m, msg);
	return ERR_OK;
}

err_t sys_mbox_trypost_fromisr(sys_mbox_t *mb, void *msg)
{
	return sys_mbox_trypost(mb, msg);
}

u32_t sys_arch_mbox_fetch(sys_mbox_t *mb, void **msg, u32_t timeout_ms)
{
	u32_t waited = sem_wait(&(*mb)->used, timeout_ms);
	void *m;

	if (waited == SYS_ARCH_TIMEOUT)
		return SYS_ARCH_TIMEOUT;
	m = take(*mb);
	if (msg)
		*msg = m;
	return waited;
}

u32_t sys_arch_mbox_tryfetch(sys_mbox_t *mb, void **msg)
{
	struct kiln_mbox *m = *mb;
	unsigned long fl = ukarch_irq_save();
	void *v;

	if (m->used.count <= 0) {
		ukarch_irq_restore(fl);
		return SYS_MBOX_EMPTY;
	}
	uk_sem_down(&m->used);
	ukarch_irq_restore(fl);
	v = take(m);
	if (msg)
		*msg = v;
	return 0;
}

struct thread_start {
	lwip_thread_fn fn;
	void *arg;
};

static void *thread_main(void *p)
{
	struct thread_start s = *(struct thread_start *)p;

	kiln_lwip_free(p);
	s.fn(s.arg);
	return NULL;
}

sys_thread_t sys_thread_new(const char *name, lwip_thread_fn fn, void *arg,
			    int stacksize, int prio)
{
	struct thread_start *s = kiln_lwip_malloc(sizeof(*s));
	struct uk_thread *t;

	(void)prio;
	UK_ASSERT(s);
	s->fn = fn;
	s->arg = arg;
	t = uk_thread_create(name, thread_main, s, stacksize);
	UK_ASSERT(t);
	uk_thread_detach(t);
	return t;
}

/* For poll: messages waiting in a mailbox. */
int kiln_mbox_count(sys_mbox_t mb)
{
	return mb->used.count;
}
