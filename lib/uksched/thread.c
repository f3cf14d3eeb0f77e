/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Threads: creation (stack with a guard page, TLS block, the first
 * switch frame), ending, joining, names. A thread's memory is freed by
 * its joiner, or, detached, by the next thread to run after it ended
 * (no thread can free the stack it runs on).
 */
#include <errno.h>
#include <limits.h>
#include <string.h>
#include <uk/config.h>
#include <uk/alloc.h>
#include <uk/assert.h>
#include <uk/boot.h>
#include <uk/essentials.h>
#include <uk/asm/cpu.h>
#include <uk/asm/paging.h>
#include <uk/plat/lifecycle.h>
#include <uk/plat/memory.h>
#include "sched_impl.h"

#define STACK_DEFAULT	(CONFIG_LIBUKSCHED_STACK_KB * 1024UL)

static int next_id = 2;

/* Page-table pages for splitting large pages around guard pages. */
static void *table_page(void)
{
	return uk_memalign(uk_alloc_get_default(), PAGE_SIZE, PAGE_SIZE);
}

int uk_page_guard(uintptr_t va, int guard)
{
	unsigned long fl = ukarch_irq_save();
	int r = ukplat_page_guard(va, guard, table_page);

	ukarch_irq_restore(fl);
	return r;
}

void uksched_thread_free(struct uk_thread *t)
{
	struct uk_alloc *a = uk_alloc_get_default();

	if (t->guard && t->stack)
		uk_page_guard(t->guard, 0);
	uk_free(a, t->stack);
	uk_free(a, t->tls);
	uk_free(a, t->free_on_exit);
	if (t->id != 1)		/* main()'s is static */
		uk_free(a, t);
}

static struct uk_thread *thread_new(const char *name)
{
	struct uk_thread *t = uk_calloc(uk_alloc_get_default(), 1,
					sizeof(*t));

	if (t) {
		uk_thread_set_name(t, name);
		t->sigmask = this_cpu()->current->sigmask;
	}
	return t;
}

/* Makes t (its stack pointer set up) known and runnable. */
static void thread_start(struct uk_thread *t)
{
	struct uksched_cpu *cpu = this_cpu();
	unsigned long fl = ukarch_irq_save();

	t->id = next_id++;
	t->all_next = cpu->all;
	cpu->all = t;
	cpu->threads++;
	uksched_runq_add(t);
	ukarch_irq_restore(fl);
}

/* uk_thread_create()'s threads begin here (after uksched_arch_start). */
static void thread_main(void *arg)
{
	struct uk_thread *t = arg;

	/* Threads run with interrupts on when time slices are in use. */
	if (CONFIG_LIBUKSCHED_SLICE_MS)
		ukarch_irq_enable();
	uk_thread_exit(t->fn(t->arg));
}

struct uk_thread *uk_thread_create(const char *name, void *(*fn)(void *),
				   void *arg, size_t stack_size)
{
	struct uk_alloc *a = uk_alloc_get_default();
	struct uk_thread *t = thread_new(name);
	size_t size;
	unsigned long fl;

	if (!t)
		return NULL;
	size = ALIGN_UP(stack_size ? stack_size : STACK_DEFAULT, PAGE_SIZE);
	if (size < stack_size || size + PAGE_SIZE < size)	/* wrapped */
		goto fail;
	t->stack = uk_memalign(a, PAGE_SIZE, size + PAGE_SIZE);
	if (!t->stack || ukboot_tls_alloc(&t->tls, &t->tp))
		goto fail;
	if (uk_page_guard((uintptr_t)t->stack, 1) == 0) {
		t->guard = (uintptr_t)t->stack;
		t->guard_len = PAGE_SIZE;
	}
	t->fn = fn;
	t->arg = arg;
	t->sp = uksched_arch_init((uintptr_t)t->stack + PAGE_SIZE + size,
				  thread_main, t);
	thread_start(t);
	return t;
fail:
	fl = ukarch_irq_save();
	uksched_thread_free(t);
	ukarch_irq_restore(fl);
	return NULL;
}

struct uk_thread *uk_thread_create_on(const char *name,
				      void (*entry)(void *), void *arg,
				      void *stack_top, uintptr_t tp)
{
	struct uk_thread *t = thread_new(name);

	if (!t)
		return NULL;
	t->tp = tp;
	t->detached = 1;
	t->sp = uksched_arch_init((uintptr_t)stack_top, entry, arg);
	thread_start(t);
	return t;
}

void uk_thread_set_clear_tid(struct uk_thread *t, int *clear_tid)
{
	t->clear_tid = clear_tid;
}

void uk_thread_set_guard(struct uk_thread *t, uintptr_t base, size_t len)
{
	t->guard = base;
	t->guard_len = len;
}

void uk_thread_exit(void *ret)
{
	struct uksched_cpu *cpu = this_cpu();
	struct uk_thread *t, **p;

	ukarch_irq_save();
	t = cpu->current;
	t->ret = ret;
	/* The last thread's end is the program's. */
	if (cpu->threads == 1)
		ukplat_terminate(0);
	if (t->clear_tid) {
		__atomic_store_n(t->clear_tid, 0, __ATOMIC_SEQ_CST);
		uk_futex_wake(t->clear_tid, INT_MAX);
	}
	while (t->joiners.head) {
		struct uk_thread *j = t->joiners.head;

		t->joiners.head = j->next;
		uksched_wake(j);
	}
	t->joiners.tail = NULL;
	for (p = &cpu->all; *p != t; p = &(*p)->all_next)
		;
	*p = t->all_next;
	if (t->detached)
		cpu->zombie = t;
	uksched_exit_locked();
}

int uk_thread_join(struct uk_thread *t, void **ret)
{
	unsigned long fl = ukarch_irq_save();

	if (t == this_cpu()->current) {
		ukarch_irq_restore(fl);
		return -EDEADLK;
	}
	if (t->detached || t->joiners.head) {
		ukarch_irq_restore(fl);
		return -EINVAL;
	}
	while (t->state != EXITED)
		uksched_block(&t->joiners, 0, "thread", t);
	if (ret)
		*ret = t->ret;
	uksched_thread_free(t);
	ukarch_irq_restore(fl);
	return 0;
}

void uk_thread_detach(struct uk_thread *t)
{
	unsigned long fl = ukarch_irq_save();

	if (t->state == EXITED)
		uksched_thread_free(t);
	else
		t->detached = 1;
	ukarch_irq_restore(fl);
}

struct uk_thread *uk_thread_current(void)
{
	return this_cpu()->current;
}

int uk_thread_id(const struct uk_thread *t)
{
	return t->id;
}

const char *uk_thread_name(const struct uk_thread *t)
{
	return t->name;
}

void uk_thread_set_name(struct uk_thread *t, const char *name)
{
	strncpy(t->name, name ? name : "", sizeof(t->name) - 1);
}

int uk_thread_count(void)
{
	return this_cpu()->threads;
}

uint64_t *uk_thread_sigmask(struct uk_thread *t)
{
	return &t->sigmask;
}

void uk_thread_free_on_exit(void *p)
{
	struct uk_thread *t = this_cpu()->current;

	if (t->free_on_exit)	/* one at a time: the older one now */
		uk_free(uk_alloc_get_default(), t->free_on_exit);
	t->free_on_exit = p;
}
