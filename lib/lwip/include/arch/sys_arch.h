/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * lwIP's operating-system types over uksched (lwIP's doc/sys_arch.txt):
 * semaphores and mutexes are uksched's, a mailbox is a ring of pointers
 * with two semaphores, a thread is a uk_thread.
 */
#ifndef __LWIP_ARCH_SYS_ARCH_H__
#define __LWIP_ARCH_SYS_ARCH_H__

#include <uk/sched.h>

typedef struct {
	struct uk_sem sem;
	int valid;
} sys_sem_t;

typedef struct {
	struct uk_mutex mutex;
	int valid;
} sys_mutex_t;

struct kiln_mbox;
typedef struct kiln_mbox *sys_mbox_t;

typedef struct uk_thread *sys_thread_t;

/* SYS_ARCH_PROTECT: interrupts off (one CPU: no other thread runs). */
typedef unsigned long sys_prot_t;

/* Messages waiting in a mailbox (sock.c's poll reads it). */
int kiln_mbox_count(sys_mbox_t mb);

#define sys_sem_valid(s)		((s)->valid)
#define sys_sem_set_invalid(s)		((s)->valid = 0)
#define sys_mutex_valid(m)		((m)->valid)
#define sys_mutex_set_invalid(m)	((m)->valid = 0)
#define sys_mbox_valid(m)		(*(m) != NULL)
#define sys_mbox_set_invalid(m)		(*(m) = NULL)

#endif /* __LWIP_ARCH_SYS_ARCH_H__ */
