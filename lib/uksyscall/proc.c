/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The process: one (pid 1), run by root, its threads uksched's (the
 * main thread's id is 1, as on Linux for a pid-1 process). Exit statuses
 * reach the host as they would a shell: status & 255.
 */
#include <errno.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/utsname.h>
#include <uk/config.h>
#include <uk/assert.h>
#include <uk/asm/cpu.h>
#include <uk/plat/lifecycle.h>
#include <uk/sched.h>
#include "syscalls.h"

/* No library has anything in flight unless it says so. */
__weak void uk_exit_flush(void)
{
}

/* One thread's end; the last one's is the process's. */
long sys_exit(int status)
{
	if (uk_thread_count() == 1) {
		uk_exit_flush();
		ukplat_terminate(status & 255);
	}
	uk_thread_exit(NULL);
}

long sys_exit_group(int status)
{
	uk_exit_flush();
	ukplat_terminate(status & 255);
}

long sys_getpid(void)
{
	return UKSYSCALL_PID;
}

long sys_gettid(void)
{
	return uk_thread_id(uk_thread_current());
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
#define FUTEX_REQUEUE		3
#define FUTEX_CMP_REQUEUE	4
#define FUTEX_WAIT_BITSET	9
#define FUTEX_WAKE_BITSET	10
#define FUTEX_PRIVATE_FLAG	128
#define FUTEX_CLOCK_REALTIME	256
#define FUTEX_CMD_MASK		(~(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME))

long sys_set_tid_address(int *tidptr)
{
	struct uk_thread *t = uk_thread_current();

	uk_thread_set_clear_tid(t, tidptr);
	return uk_thread_id(t);
}

long sys_set_robust_list(void *head, size_t len)
{
	return len == 3 * sizeof(long) ? 0 : -EINVAL;
}

/* One address space: private and shared futexes are the same. */
long sys_futex(int *uaddr, int op, int val, const struct timespec *timeout,
	       int *uaddr2, int val3)
{
	int cmd = op & FUTEX_CMD_MASK, abs = cmd == FUTEX_WAIT_BITSET;
	unsigned int bits = cmd == FUTEX_WAIT ? ~0U : (unsigned int)val3;
	uint64_t deadline = 0;
	int r;

	/* Linux checks these before anything else. */
	if ((unsigned long)uaddr % sizeof(int))
		return -EINVAL;
	/* Linux takes the clock for FUTEX_WAIT too (a relative timeout:
	 * no difference), and refuses it for anything else.
	 */
	if ((op & FUTEX_CLOCK_REALTIME) && cmd != FUTEX_WAIT_BITSET &&
	    cmd != FUTEX_WAIT)
		return -ENOSYS;
	switch (cmd) {
	case FUTEX_WAIT:
	case FUTEX_WAIT_BITSET:
		if (!bits)
			return -EINVAL;
		if (timeout) {
			r = uksyscall_deadline(op & FUTEX_CLOCK_REALTIME ?
					       CLOCK_REALTIME : CLOCK_MONOTONIC,
					       abs, timeout, &deadline);
			if (r)
				return r;
		}
		return uk_futex_wait_bits(uaddr, val, deadline, bits);
	case FUTEX_WAKE:
	case FUTEX_WAKE_BITSET:
		if (cmd == FUTEX_WAKE_BITSET && !val3)
			return -EINVAL;
		return uk_futex_wake_bits(uaddr, val < 0 ? 0 : val,
					  cmd == FUTEX_WAKE ? ~0U : (unsigned int)val3);
	case FUTEX_REQUEUE:
	case FUTEX_CMP_REQUEUE:
		/* The number to move comes in the timeout's place. */
		if (val < 0 || (long)timeout < 0 ||
		    (unsigned long)uaddr2 % sizeof(int))
			return -EINVAL;
		return uk_futex_requeue(uaddr, val, uaddr2,
					(int)MIN((long)timeout, 0x7fffffffL),
					cmd == FUTEX_CMP_REQUEUE ? &val3 : NULL);
	default:
		return -ENOSYS;
	}
}

/* Thread names (pthread_setname_np, Rust's Builder::name) reach
 * uksched, which shows them in crash and deadlock reports.
 */
long sys_prctl(int op, unsigned long a2, unsigned long a3,
	       unsigned long a4, unsigned long a5)
{
	char name[16];

	switch (op) {
	case PR_SET_NAME:
		strncpy(name, (const char *)a2, sizeof(name) - 1);
		name[sizeof(name) - 1] = '\0';
		uk_thread_set_name(uk_thread_current(), name);
		return 0;
	case PR_GET_NAME:
		strncpy((char *)a2, uk_thread_name(uk_thread_current()), 16);
		return 0;
	default:
		return -EINVAL;
	}
}

long sys_sched_yield(void)
{
	uk_thread_yield();
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
