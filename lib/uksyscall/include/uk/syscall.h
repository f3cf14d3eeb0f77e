/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Linux system calls, by number (<sys/syscall.h>), with Linux's return
 * convention: a result >= 0, or -errno. The arch entry calls
 * uk_syscall(); so may code that runs before the libc is set up.
 */
#ifndef __UK_SYSCALL_H__
#define __UK_SYSCALL_H__

#include <uk/essentials.h>

long uk_syscall(long nr, long a1, long a2, long a3, long a4, long a5,
		long a6);

/*
 * Another library's handler for system call SYS_<name>, found by
 * uk_syscall() through a table the linker gathers (a library brings its
 * calls with it, and takes them away when it is left out). The handler
 * keeps Linux's argument types; it is called with six longs. Calls only
 * some arches have go under #ifdef SYS_<name>. Two handlers for one
 * number stop the boot (an early init function merges the table) with a
 * crash naming it.
 */
struct uk_syscall_entry {
	long nr;
	long (*fn)(long, long, long, long, long, long);
};

#define UK_SYSCALL(name, handler)					\
	static const struct uk_syscall_entry __uk_syscall_##name	\
	__used __section(".uk_syscalls") = {				\
		SYS_##name,						\
		(long (*)(long, long, long, long, long, long))		\
		(void (*)(void))(handler)				\
	}

/*
 * Called by exit and exit_group before the image ends (not by a fatal
 * signal or a crash): a library with data in flight (lwip's unsent TCP
 * bytes) defines it to get them out, as Linux's kernel outlives the
 * process that wrote them. Weak default: nothing.
 */
void uk_exit_flush(void);

#endif /* __UK_SYSCALL_H__ */
