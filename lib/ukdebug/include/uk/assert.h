/* SPDX-License-Identifier: BSD-3-Clause */
/* UK_ASSERT (configurable), UK_BUGON and UK_CRASH (always on). */
#ifndef __UK_ASSERT_H__
#define __UK_ASSERT_H__

#include <uk/config.h>
#include <uk/essentials.h>
#include <uk/print.h>
#include <uk/plat/lifecycle.h>

#define UK_CRASH(fmt, ...)						\
	do {								\
		uk_printk(UK_PRINT_CRIT, STRINGIFY(__LIBNAME__),	\
			  __FILE__, __LINE__, "CRASH: " fmt,		\
			  ##__VA_ARGS__);				\
		ukplat_terminate(UKPLAT_CRASH_STATUS);			\
	} while (0)

#define UK_BUGON(cond)							\
	do {								\
		if (unlikely(cond))					\
			UK_CRASH("bug: %s\n", #cond);			\
	} while (0)

#ifdef CONFIG_LIBUKDEBUG_ENABLE_ASSERT
#define UK_ASSERT(cond)							\
	do {								\
		if (unlikely(!(cond)))					\
			UK_CRASH("assertion failed: %s\n", #cond);	\
	} while (0)
#else
#define UK_ASSERT(cond)	do { (void)sizeof(cond); } while (0)
#endif

#endif /* __UK_ASSERT_H__ */
