/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The process: one, with one thread (pid = tid = 1), run by root. Exit
 * statuses reach the host as they would a shell: status & 255.
 */
#include <errno.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/utsname.h>
#include <uk/config.h>
#include <uk/assert.h>
#include <uk/asm/cpu.h>
#include <uk/plat/lifecycle.h>
#include "syscalls.h"

long sys_exit(int status)
{
	/* The only thread's exit is the process's. */
	ukplat_terminate(status & 255);
}

long sys_exit_group(int status)
{
	ukplat_terminate(status & 255);
}

long sys_getpid(void)
{
	return UKSYSCALL_PID;
}

long sys_gettid(void)
{
	return UKSYSCALL_PID;
}

long sys_getppid(void)
{
	return 0;
}

long sys_getuid(void)
{
	return 0;
}

long sys_getgid(void)
{
	return 0;
}

long sys_geteuid(void)
{
	return 0;
}

long sys_getegid(void)
{
	return 0;
}

/* Linux, since this is its system-call interface; "Kiln" as the version. */
long sys_uname(struct utsname *u)
{
	memset(u, 0, sizeof(*u));
	strcpy(u->sysname, "Linux");
	strcpy(u->nodename, "kiln");
	strcpy(u->release, "6.1.0-kiln");
	strcpy(u->version, "Kiln");
#ifdef CONFIG_ARCH_X86_64
	strcpy(u->machine, "x86_64");
#else
	strcpy(u->machine, "aarch64");
#endif
	strcpy(u->domainname, "(none)");
	return 0;
}

#ifdef CONFIG_ARCH_X86_64
#define ARCH_SET_GS	0x1001
#define ARCH_SET_FS	0x1002
#define ARCH_GET_FS	0x1003
#define ARCH_GET_GS	0x1004
#define MSR_GS_BASE	0xc0000101

long sys_arch_prctl(int code, unsigned long addr)
{
	switch (code) {
	case ARCH_SET_FS:
		ukarch_tp_set(addr);
		return 0;
	case ARCH_GET_FS:
		*(unsigned long *)addr = ukarch_tp_get();
		return 0;
	case ARCH_SET_GS:
		ukarch_wrmsr(MSR_GS_BASE, addr);
		return 0;
	case ARCH_GET_GS:
		*(unsigned long *)addr = ukarch_rdmsr(MSR_GS_BASE);
		return 0;
	default:
		return -EINVAL;
	}
}
#endif

/* Linux's futex operations (<linux/futex.h>, which musl does not have). */
#define FUTEX_WAIT		0
#define FUTEX_WAKE		1
#define FUTEX_WAIT_BITSET	9
#define FUTEX_WAKE_BITSET	10
#define FUTEX_PRIVATE_FLAG	128
#define FUTEX_CLOCK_REALTIME	256
#define FUTEX_CMD_MASK		(~(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME))

/* Cleared (and its waiters woken) when the thread exits: threads issue. */
static int *clear_tid;

long sys_set_tid_address(int *tidptr)
{
	clear_tid = tidptr;
	return UKSYSCALL_PID;
}

long sys_set_robust_list(void *head, size_t len)
{
	return len == 3 * sizeof(long) ? 0 : -EINVAL;
}

/*
 * With one thread, nobody can wake a waiter: a wait with a timeout sleeps
 * it out, one without would hang the guest, and is reported instead.
 */
long sys_futex(int *uaddr, int op, int val, const struct timespec *timeout,
	       int *uaddr2, int val3)
{
	int cmd = op & FUTEX_CMD_MASK;
	long r;

	switch (cmd) {
	case FUTEX_WAIT:
	case FUTEX_WAIT_BITSET:
		/* Linux checks these before the value. */
		if ((unsigned long)uaddr % sizeof(int) ||
		    (cmd == FUTEX_WAIT_BITSET && !val3))
			return -EINVAL;
		if (__atomic_load_n(uaddr, __ATOMIC_SEQ_CST) != val)
			return -EAGAIN;
		if (!timeout)
			UK_CRASH("futex wait with no other thread to wake it\n");
		/* A bad timeout is EINVAL, not a wait: the sleep says so. */
		if (cmd == FUTEX_WAIT)
			r = sys_nanosleep(timeout, NULL);
		else
			r = sys_clock_nanosleep(op & FUTEX_CLOCK_REALTIME ?
						CLOCK_REALTIME : CLOCK_MONOTONIC,
						TIMER_ABSTIME, timeout, NULL);
		return r ? r : -ETIMEDOUT;
	case FUTEX_WAKE:
	case FUTEX_WAKE_BITSET:
		return 0;
	default:
		return -ENOSYS;
	}
}

long sys_sched_yield(void)
{
	return 0;
}

long sys_sched_getaffinity(pid_t pid, size_t len, unsigned long *mask)
{
	if (pid != 0 && pid != UKSYSCALL_PID)
		return -ESRCH;
	if (len < sizeof(*mask) || len % sizeof(*mask))
		return -EINVAL;
	*mask = 1;	/* CPU 0 */
	return sizeof(*mask);
}

/* The boot stack main() runs on (X86_STACK_SIZE, ARM64_STACK_SIZE). */
#define MAIN_STACK	65536

#define UNLIMITED	{ RLIM_INFINITY, RLIM_INFINITY }

static struct rlimit limits[RLIM_NLIMITS] = {
	[RLIMIT_CPU] = UNLIMITED,
	[RLIMIT_FSIZE] = UNLIMITED,
	[RLIMIT_DATA] = UNLIMITED,
	[RLIMIT_STACK] = { MAIN_STACK, MAIN_STACK },
	[RLIMIT_CORE] = { 0, 0 },
	[RLIMIT_RSS] = UNLIMITED,
	[RLIMIT_NPROC] = UNLIMITED,
	[RLIMIT_NOFILE] = { UKSYSCALL_NOFILE, UKSYSCALL_NOFILE },
	[RLIMIT_MEMLOCK] = UNLIMITED,
	[RLIMIT_AS] = UNLIMITED,
	[RLIMIT_LOCKS] = UNLIMITED,
	[RLIMIT_SIGPENDING] = UNLIMITED,
	[RLIMIT_MSGQUEUE] = UNLIMITED,
	[RLIMIT_NICE] = { 0, 0 },
	[RLIMIT_RTPRIO] = { 0, 0 },
	[RLIMIT_RTTIME] = UNLIMITED,
};

long sys_prlimit64(pid_t pid, int res, const struct rlimit *new,
		   struct rlimit *old)
{
	if (pid != 0 && pid != UKSYSCALL_PID)
		return -ESRCH;
	if (res < 0 || res >= RLIM_NLIMITS)
		return -EINVAL;
	if (new) {
		if (new->rlim_cur > new->rlim_max)
			return -EINVAL;
		/* Never past what Kiln has. */
		if (new->rlim_max > limits[res].rlim_max)
			return -EPERM;
	}
	/* The old limit only when the call succeeds, as on Linux. */
	if (old)
		*old = limits[res];
	if (new)
		limits[res] = *new;
	return 0;
}

long sys_getrlimit(int res, struct rlimit *rl)
{
	return sys_prlimit64(0, res, NULL, rl);
}
