/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The handlers in the table, one per Linux system call, named sys_<name>
 * after <sys/syscall.h>'s SYS_<name>. Arguments keep Linux's types; the
 * result is >= 0 or -errno.
 */
#ifndef __UKSYSCALL_SYSCALLS_H__
#define __UKSYSCALL_SYSCALLS_H__

#include <poll.h>
#include <signal.h>
#include <stddef.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <time.h>
#include <uk/essentials.h>
#include <uk/vfs.h>

struct timezone;
struct utsname;

/* mem.c: the program break and anonymous mappings over the heap */
long sys_brk(unsigned long addr);
long sys_mmap(unsigned long addr, size_t len, int prot, int flags, int fd,
	      off_t off);
long sys_munmap(unsigned long addr, size_t len);
long sys_mremap(unsigned long old, size_t old_len, size_t new_len,
		int flags, unsigned long new_addr);
long sys_mprotect(unsigned long addr, size_t len, int prot);
long sys_madvise(unsigned long addr, size_t len, int advice);
/* The guarded pages below a thread stack's top sp, 0 when none. */
unsigned long uksyscall_guard_below(unsigned long sp, unsigned long *len);

/* time.c */
long sys_clock_gettime(clockid_t clk, struct timespec *ts);
long sys_clock_getres(clockid_t clk, struct timespec *ts);
long sys_gettimeofday(struct timeval *tv, struct timezone *tz);
long sys_time(time_t *t);
long sys_nanosleep(const struct timespec *req, struct timespec *rem);
long sys_clock_nanosleep(clockid_t clk, int flags,
			 const struct timespec *req, struct timespec *rem);
/* The monotonic-clock instant a timeout means (relative, or absolute on
 * clk), saturated; 0 or -EINVAL for an invalid clock or timespec.
 */
int uksyscall_deadline(clockid_t clk, int abs, const struct timespec *ts,
		       uint64_t *deadline);

/* random.c */
long sys_getrandom(void *buf, size_t len, unsigned int flags);

/* clone.c: threads; frame is the arch entry's (NULL from C) */
long sys_clone_frame(const void *frame, unsigned long flags,
		     unsigned long stack, int *ptid, int *ctid,
		     unsigned long tls);

/* proc.c: one process, its threads uksched's */
long sys_exit(int status) __noreturn;
long sys_exit_group(int status) __noreturn;
long sys_getpid(void);
long sys_gettid(void);
long sys_getppid(void);
long sys_getuid(void);
long sys_getgid(void);
long sys_geteuid(void);
long sys_getegid(void);
long sys_uname(struct utsname *u);
long sys_arch_prctl(int code, unsigned long addr);
long sys_set_tid_address(int *tidptr);
long sys_set_robust_list(void *head, size_t len);
long sys_futex(int *uaddr, int op, int val, const struct timespec *timeout,
	       int *uaddr2, int val3);
long sys_prctl(int op, unsigned long a2, unsigned long a3,
	       unsigned long a4, unsigned long a5);
long sys_sched_yield(void);
long sys_sched_getaffinity(pid_t pid, size_t len, unsigned long *mask);
long sys_getrlimit(int res, struct rlimit *rl);
long sys_prlimit64(pid_t pid, int res, const struct rlimit *new,
		   struct rlimit *old);

/* signal.c: dispositions are kept; a signal to oneself is delivered */
long sys_rt_sigaction(int sig, const void *act, void *old, size_t size);
long sys_rt_sigprocmask(int how, const sigset_t *set, sigset_t *old,
			size_t size);
long sys_rt_sigpending(sigset_t *set, size_t size);
long sys_sigaltstack(const stack_t *ss, stack_t *old);
long sys_kill(pid_t pid, int sig);
long sys_tkill(pid_t tid, int sig);
long sys_tgkill(pid_t tgid, pid_t tid, int sig);

/* The one process's ids. */
#define UKSYSCALL_PID	1
/* Descriptors a process may have (RLIMIT_NOFILE). */
#define UKSYSCALL_NOFILE	UK_FD_MAX

#endif /* __UKSYSCALL_SYSCALLS_H__ */
