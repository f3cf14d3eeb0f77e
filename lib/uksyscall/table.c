/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The table from Linux system-call numbers to handlers. Adding a system
 * call: write sys_<name>() (declared in syscalls.h) and list it here;
 * calls only some arches have go under #ifdef SYS_<name>. Other
 * libraries (files, sockets) register theirs with UK_SYSCALL
 * (uk/syscall.h); an early init function merges them in.
 */
#include <errno.h>
#include <sys/syscall.h>
#include <uk/config.h>
#include <uk/essentials.h>
#include <uk/init.h>
#include <uk/assert.h>
#include <uk/print.h>
#include <uk/syscall.h>
#include "syscalls.h"

typedef long (*syscall_fn)(long, long, long, long, long, long);

/* Handlers keep Linux's argument types; all are called with six longs. */
#define S(name)	[SYS_##name] = (syscall_fn)(void (*)(void))sys_##name

/* Above every arch's highest number (x86_64's and arm64's are < 470). */
#define TABLE_MAX	512

static syscall_fn table[TABLE_MAX] = {
	S(brk), S(mmap), S(munmap), S(mremap), S(mprotect), S(madvise),
	S(clock_gettime), S(clock_getres), S(gettimeofday), S(nanosleep),
	S(clock_nanosleep),
	S(getrandom),
	S(exit), S(exit_group), S(getpid), S(gettid), S(getppid),
	S(getuid), S(getgid), S(geteuid), S(getegid), S(uname),
	S(set_tid_address), S(set_robust_list), S(futex), S(sched_yield),
	S(prctl),
	S(sched_getaffinity), S(getrlimit), S(prlimit64),
	S(rt_sigaction), S(rt_sigprocmask), S(rt_sigpending), S(sigaltstack),
	S(kill), S(tkill), S(tgkill),
#ifdef SYS_arch_prctl
	S(arch_prctl),
#endif
#ifdef SYS_time
	S(time),
#endif
};

/* Linux's names by number (generated from musl's <bits/syscall.h>). */
static const char *const names[] = {
#include "names.h"
};

/* Numbers beyond every arch's table still get their warning once. */
#define WARN_MAX	512
static unsigned char warned[WARN_MAX / 8 + 1];

static long enosys(long nr)
{
	unsigned long bit = (unsigned long)nr < WARN_MAX ? nr : WARN_MAX;

	if (!(warned[bit / 8] & 1 << bit % 8)) {
		warned[bit / 8] |= 1 << bit % 8;
		/* At error level: shown by default (warnings are not). */
		uk_pr_err("system call %ld (%s) is not implemented: ENOSYS\n",
			   nr, (unsigned long)nr < ARRAY_SIZE(names) &&
			   names[nr] ? names[nr] : "unknown");
	}
	return -ENOSYS;
}

extern const struct uk_syscall_entry uk_syscalls_start[], uk_syscalls_end[];
static int merge_registered(void)
{
	const struct uk_syscall_entry *e;

	for (e = uk_syscalls_start; e < uk_syscalls_end; e++) {
		if ((unsigned long)e->nr >= TABLE_MAX)
			UK_CRASH("system call %ld: number out of the table\n",
				 e->nr);
		if (table[e->nr])
			UK_CRASH("system call %ld (%s) has two handlers\n",
				 e->nr, (unsigned long)e->nr < ARRAY_SIZE(names) &&
				 names[e->nr] ? names[e->nr] : "unknown");
		table[e->nr] = e->fn;
	}
	return 0;
}
/* Before any init function may make a system call (ukvfs's do). */
uk_early_initcall(merge_registered);

/*
 * From the arch's entry, with its frame of the caller's registers (only
 * clone needs it; its last two arguments swap places between arches).
 */
long uk_syscall_frame(long nr, long a1, long a2, long a3, long a4, long a5,
		      long a6, const void *frame)
{
	if (nr == SYS_clone)
#ifdef CONFIG_ARCH_X86_64
		return sys_clone_frame(frame, a1, a2, (int *)a3, (int *)a4,
				       a5);
#else
		return sys_clone_frame(frame, a1, a2, (int *)a3, (int *)a5,
				       a4);
#endif
	if ((unsigned long)nr >= TABLE_MAX || !table[nr])
		return enosys(nr);
	return table[nr](a1, a2, a3, a4, a5, a6);
}

long uk_syscall(long nr, long a1, long a2, long a3, long a4, long a5,
		long a6)
{
	return uk_syscall_frame(nr, a1, a2, a3, a4, a5, a6, NULL);
}
