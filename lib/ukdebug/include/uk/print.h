/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Kernel messages: uk_pr_crit/err/warn/info/debug(fmt, ...). Levels below
 * the configured one compile to nothing, so they cost no code or time.
 */
#ifndef __UK_PRINT_H__
#define __UK_PRINT_H__

#include <uk/config.h>
#include <uk/essentials.h>

#define UK_PRINT_CRIT	0
#define UK_PRINT_ERR	1
#define UK_PRINT_WARN	2
#define UK_PRINT_INFO	3
#define UK_PRINT_DEBUG	4

#if defined(CONFIG_LIBUKDEBUG_PRINTK_DEBUG)
#define UK_PRINT_LEVEL	UK_PRINT_DEBUG
#elif defined(CONFIG_LIBUKDEBUG_PRINTK_INFO)
#define UK_PRINT_LEVEL	UK_PRINT_INFO
#elif defined(CONFIG_LIBUKDEBUG_PRINTK_WARN)
#define UK_PRINT_LEVEL	UK_PRINT_WARN
#elif defined(CONFIG_LIBUKDEBUG_PRINTK_CRIT)
#define UK_PRINT_LEVEL	UK_PRINT_CRIT
#else
#define UK_PRINT_LEVEL	UK_PRINT_ERR
#endif

#ifndef __LIBNAME__
#define __LIBNAME__ unknown
#endif

void uk_printk(int level, const char *lib, const char *file, int line,
	       const char *fmt, ...) __printf(5, 6);

#define uk_printk_at(level, fmt, ...)					\
	do {								\
		if ((level) <= UK_PRINT_LEVEL)				\
			uk_printk(level, STRINGIFY(__LIBNAME__),	\
				  __FILE__, __LINE__, fmt,		\
				  ##__VA_ARGS__);			\
	} while (0)

#define uk_pr_crit(fmt, ...)	uk_printk_at(UK_PRINT_CRIT, fmt, ##__VA_ARGS__)
#define uk_pr_err(fmt, ...)	uk_printk_at(UK_PRINT_ERR, fmt, ##__VA_ARGS__)
#define uk_pr_warn(fmt, ...)	uk_printk_at(UK_PRINT_WARN, fmt, ##__VA_ARGS__)
#define uk_pr_info(fmt, ...)	uk_printk_at(UK_PRINT_INFO, fmt, ##__VA_ARGS__)
#define uk_pr_debug(fmt, ...)	uk_printk_at(UK_PRINT_DEBUG, fmt, ##__VA_ARGS__)

#endif /* __UK_PRINT_H__ */
