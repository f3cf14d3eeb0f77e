/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Signals of the one process. Dispositions, each thread's blocked mask
 * and the alternate stack are kept as Linux keeps them. A signal a
 * thread sends itself (raise(), abort()) is delivered at once, or when
 * it is unblocked: a handler runs on the current stack, with interrupts
 * on as in any thread code (it may be preempted); the default action
 * ignores it or ends the process with status 128 + the signal, as a
 * shell reports a killed program. Faults are not signals here: the
 * platform reports them and ends the guest.
 */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <ucontext.h>
#include <uk/print.h>
#include <uk/plat/lifecycle.h>
#include <uk/config.h>
#include <uk/sched.h>
#include <uk/asm/cpu.h>
#include "syscalls.h"

#define NSIG_LINUX	64
#define BIT(sig)	(1ULL << ((sig) - 1))
/* Signals whose default action is to be ignored (or to stop: no jobs). */
#define DEFAULT_IGNORED	(BIT(SIGCHLD) | BIT(SIGURG) | BIT(SIGWINCH) | \
			 BIT(SIGCONT) | BIT(SIGSTOP) | BIT(SIGTSTP) | \
			 BIT(SIGTTIN) | BIT(SIGTTOU))
#define UNBLOCKABLE	(BIT(SIGKILL) | BIT(SIGSTOP))

/* The kernel's struct sigaction (not the libc's). */
struct k_sigaction {
	union {
		void (*handler)(int);
		void (*sigaction)(int, siginfo_t *, void *);
	};
	unsigned long flags;
	void (*restorer)(void);
	unsigned long long mask;
};

static struct k_sigaction actions[NSIG_LINUX + 1];
static unsigned long long pending;

/* The calling thread's blocked mask (musl's exiting threads block
 * everything: that must not reach the others).
 */
static uint64_t *thread_mask(void)
{
	return uk_thread_sigmask(uk_thread_current());
}
static stack_t altstack = { .ss_flags = SS_DISABLE };

static void deliver(int sig);

/* Threads run with interrupts on when time slices are in use. */
#define USER_IRQ_ON	(CONFIG_LIBUKSCHED_SLICE_MS != 0)

static void deliver_pending(void)
{
	unsigned long long ready;
	int sig;

	while ((ready = pending & ~*thread_mask())) {
		sig = __builtin_ctzll(ready) + 1;
		pending &= ~BIT(sig);
		deliver(sig);
	}
}

static void deliver(int sig)
{
	/* A copy: SA_RESETHAND resets the table, not the handler to run. */
	struct k_sigaction a = actions[sig];
	unsigned long fl;
	siginfo_t info;
	ucontext_t uc;

	if (a.handler == SIG_IGN)
		return;
	if (a.handler == SIG_DFL) {
		if (DEFAULT_IGNORED & BIT(sig))
			return;
		uk_pr_err("terminated by signal %d\n", sig);
		ukplat_terminate(128 + sig);
	}
	if (a.flags & SA_RESETHAND)
		actions[sig].handler = SIG_DFL;
	/* The mask to restore on return, which a handler may change there. */
	memset(&uc, 0, sizeof(uc));
	memcpy(&uc.uc_sigmask, thread_mask(), sizeof(*thread_mask()));
	uc.uc_stack = altstack;
	*thread_mask() |= a.mask | (a.flags & SA_NODEFER ? 0 : BIT(sig));
	*thread_mask() &= ~UNBLOCKABLE;
	fl = ukarch_irq_save();
	if (USER_IRQ_ON)
		ukarch_irq_enable();
	if (a.flags & SA_SIGINFO) {
		memset(&info, 0, sizeof(info));
		info.si_signo = sig;
		info.si_code = SI_TKILL;
		info.si_pid = UKSYSCALL_PID;
		a.sigaction(sig, &info, &uc);
	} else {
		a.handler(sig);
	}
	ukarch_irq_restore(fl);
	/*
	 * What became pending meanwhile is left to the caller's loop: a
	 * handler that raises its own signal again and again then runs in
	 * turn, as on Linux, not ever deeper on the stack.
	 */
	memcpy(thread_mask(), &uc.uc_sigmask, sizeof(*thread_mask()));
	*thread_mask() &= ~UNBLOCKABLE;
}

static long send_self(int sig)
{
	if (sig < 0 || sig > NSIG_LINUX)
		return -EINVAL;
	if (sig == 0)
		return 0;
	pending |= BIT(sig);
	deliver_pending();
	return 0;
}

long sys_rt_sigaction(int sig, const void *act, void *old, size_t size)
{
	if (size != sizeof(*thread_mask()) || sig < 1 || sig > NSIG_LINUX)
		return -EINVAL;
	if (act && (BIT(sig) & UNBLOCKABLE))
		return -EINVAL;
	if (old)
		memcpy(old, &actions[sig], sizeof(actions[sig]));
	if (act) {
		memcpy(&actions[sig], act, sizeof(actions[sig]));
		actions[sig].mask &= ~UNBLOCKABLE;
	}
	return 0;
}

long sys_rt_sigprocmask(int how, const sigset_t *set, sigset_t *old,
			size_t size)
{
	unsigned long long s;

	if (size != sizeof(*thread_mask()))
		return -EINVAL;
	if (old)
		memcpy(old, thread_mask(), sizeof(*thread_mask()));
	if (!set)
		return 0;
	memcpy(&s, set, sizeof(s));
	switch (how) {
	case SIG_BLOCK:
		*thread_mask() |= s;
		break;
	case SIG_UNBLOCK:
		*thread_mask() &= ~s;
		break;
	case SIG_SETMASK:
		*thread_mask() = s;
		break;
	default:
		return -EINVAL;
	}
	*thread_mask() &= ~UNBLOCKABLE;
	deliver_pending();
	return 0;
}

/* Only blocked signals stay pending: the others were delivered. */
long sys_rt_sigpending(sigset_t *set, size_t size)
{
	if (size > sizeof(pending))
		return -EINVAL;
	memcpy(set, &pending, size);
	return 0;
}

long sys_sigaltstack(const stack_t *ss, stack_t *old)
{
	stack_t now = altstack;
	int mode;

	if (ss) {
		/* As Linux: SS_ONSTACK reads as 0, SS_AUTODISARM is kept. */
		mode = ss->ss_flags & ~SS_AUTODISARM;
		if (mode != 0 && mode != SS_ONSTACK && mode != SS_DISABLE)
			return -EINVAL;
		if (mode == SS_DISABLE) {
			altstack = (stack_t){ .ss_flags = SS_DISABLE };
		} else {
			if (ss->ss_size < MINSIGSTKSZ)
				return -ENOMEM;
			altstack = *ss;
			altstack.ss_flags &= SS_AUTODISARM;
		}
	}
	/* The old stack only when the call succeeds. */
	if (old)
		*old = now;
	return 0;
}

long sys_kill(pid_t pid, int sig)
{
	if (pid != 0 && pid != -1 && pid != UKSYSCALL_PID)
		return -ESRCH;
	return send_self(sig);
}

long sys_tkill(pid_t tid, int sig)
{
	/* Signals reach the calling thread only (raise(), abort()). */
	if (tid != uk_thread_id(uk_thread_current()))
		return -ESRCH;
	return send_self(sig);
}

long sys_tgkill(pid_t tgid, pid_t tid, int sig)
{
	return tgid == UKSYSCALL_PID ? sys_tkill(tid, sig) : -ESRCH;
}
