/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * clone() for threads: the flags musl's pthread_create() (and so Rust's
 * std::thread) passes. The new thread gets a copy of the caller's
 * system-call frame (<arch>/entry.S: every general register, the vector
 * registers) at the top of the stack it was given, and leaves the system
 * call from there with 0, as on Linux. New processes (fork, vfork,
 * posix_spawn) need an address space of their own: ENOSYS.
 */
#include <errno.h>
#include <sched.h>
#include <string.h>
#include <uk/config.h>
#include <uk/essentials.h>
#include <uk/print.h>
#include <uk/sched.h>
#include <uk/asm/cpu.h>
#include "syscalls.h"

#define THREAD_FLAGS	(CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | \
			 CLONE_THREAD)
#define KNOWN_FLAGS	(THREAD_FLAGS | CLONE_SYSVSEM | CLONE_SETTLS | \
			 CLONE_PARENT_SETTID | CLONE_CHILD_SETTID | \
			 CLONE_CHILD_CLEARTID | CLONE_DETACHED | 0xff)

void uk_syscall_child(void *frame);	/* <arch>/entry.S */

#ifdef CONFIG_ARCH_X86_64
/* entry.S's pushes, lowest address first; the FPU state (fxsave, 512
 * bytes) lies below, at ALIGN_DOWN(frame - 512, 64).
 */
struct frame {
	unsigned long r15, r14, r13, r12, rbx, rbp, r9, r8, r10, rdx, rsi,
		      rdi, nr, rflags, rip;
};
#define FPU_AT(f)	ALIGN_DOWN((uintptr_t)(f) - 512, 64)

/* The child's frame under the red zone of sp, its FPU state below. */
static void *child_frame(const void *parent, uintptr_t sp)
{
	struct frame *f = (struct frame *)(sp - 128) - 1;

	*f = *(const struct frame *)parent;
	memcpy((void *)FPU_AT(f), (void *)FPU_AT(parent), 512);
	return f;
}
#define CHILD_STACK_TOP(f)	FPU_AT(f)
#else
/* entry.S's frame: 784 bytes, vector registers included. */
#define FRAME_SIZE	784

static void *child_frame(const void *parent, uintptr_t sp)
{
	void *f = (void *)(sp - FRAME_SIZE);

	memcpy(f, parent, FRAME_SIZE);
	return f;
}
#define CHILD_STACK_TOP(f)	((uintptr_t)(f))
#endif

long sys_clone_frame(const void *frame, unsigned long flags,
		     unsigned long stack, int *ptid, int *ctid,
		     unsigned long tls)
{
	unsigned long guard, guard_len;
	struct uk_thread *t;
	uintptr_t tp;
	void *f;
	int tid;

	if (!frame)		/* called from C, not through the entry */
		return -EINVAL;
	if ((flags & THREAD_FLAGS) != THREAD_FLAGS) {
		uk_pr_err("clone: only threads (CLONE_VM|CLONE_THREAD...), "
			  "not processes: ENOSYS\n");
		return -ENOSYS;
	}
	if (flags & ~KNOWN_FLAGS)
		return -EINVAL;
	/* Without one, Linux's new thread would share the caller's stack. */
	if (!stack)
		return -EINVAL;
	tp = flags & CLONE_SETTLS ? tls : ukarch_tp_get();
	f = child_frame(frame, stack);
	t = uk_thread_create_on("clone", uk_syscall_child, f,
				(void *)CHILD_STACK_TOP(f), tp);
	if (!t)
		return -ENOMEM;
	guard = uksyscall_guard_below(stack, &guard_len);
	if (guard)
		uk_thread_set_guard(t, guard, guard_len);
	tid = uk_thread_id(t);
	if (flags & CLONE_CHILD_CLEARTID)
		uk_thread_set_clear_tid(t, ctid);
	if (flags & CLONE_PARENT_SETTID)
		*ptid = tid;
	if (flags & CLONE_CHILD_SETTID)
		*ctid = tid;
	return tid;
}
