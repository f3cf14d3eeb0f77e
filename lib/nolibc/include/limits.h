/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * gcc's own <limits.h> gives the C limits but, built without a libc, it
 * #include_next's "the system's" limits.h and fails. This is that system
 * header: it pulls gcc's in (telling it not to recurse) and adds POSIX's.
 */
#ifndef __NOLIBC_LIMITS_H__
#define __NOLIBC_LIMITS_H__

#define _LIBC_LIMITS_H_
/* When gcc's header came first it has already included us: don't loop. */
#ifndef _GCC_LIMITS_H_
#include_next <limits.h>
#endif

#define SSIZE_MAX	LONG_MAX
#define PATH_MAX	4096
#define NAME_MAX	255
#define IOV_MAX		1024

#endif /* __NOLIBC_LIMITS_H__ */
