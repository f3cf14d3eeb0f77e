/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Linux system calls, by number (<sys/syscall.h>), with Linux's return
 * convention: a result >= 0, or -errno. The arch entry calls
 * uk_syscall(); so may code that runs before the libc is set up.
 */
#ifndef __UK_SYSCALL_H__
#define __UK_SYSCALL_H__

long uk_syscall(long nr, long a1, long a2, long a3, long a4, long a5,
		long a6);

#endif /* __UK_SYSCALL_H__ */
