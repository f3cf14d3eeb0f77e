/* SPDX-License-Identifier: BSD-3-Clause */
/* Attributes and small helpers every Kiln library may use. */
#ifndef __UK_ESSENTIALS_H__
#define __UK_ESSENTIALS_H__

#include <stddef.h>
#include <stdint.h>
#include <uk/config.h>

#ifndef __noreturn
#define __noreturn	__attribute__((noreturn))
#endif
#define __maybe_unused	__attribute__((unused))
/* musl's headers name struct members __unused: Kiln code says __maybe_unused. */
#if !defined(__unused) && !defined(CONFIG_HAVE_LIBC)
#define __unused	__attribute__((unused))
#endif
#ifndef __used
#define __used		__attribute__((used))
#endif
#ifndef __packed
#define __packed	__attribute__((packed))
#endif
#ifndef __aligned
#define __aligned(x)	__attribute__((aligned(x)))
#endif
#ifndef __section
#define __section(s)	__attribute__((section(s)))
#endif
#ifndef __weak
#define __weak		__attribute__((weak))
#endif
#ifndef __printf
#define __printf(f, a)	__attribute__((format(printf, f, a)))
#endif

#define likely(x)	__builtin_expect(!!(x), 1)
#define unlikely(x)	__builtin_expect(!!(x), 0)

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))
#define MIN(a, b)	((a) < (b) ? (a) : (b))
#define MAX(a, b)	((a) > (b) ? (a) : (b))

/* Alignment helpers: a must be a power of two. */
#define ALIGN_DOWN(v, a)	((v) & ~((__typeof__(v))(a) - 1))
#define ALIGN_UP(v, a)		ALIGN_DOWN((v) + (a) - 1, a)
#define IS_ALIGNED(v, a)	(((v) & ((__typeof__(v))(a) - 1)) == 0)

#define STRINGIFY_(x)	#x
#define STRINGIFY(x)	STRINGIFY_(x)

#define containerof(ptr, type, member) \
	((type *)((char *)(ptr) - offsetof(type, member)))

#endif /* __UK_ESSENTIALS_H__ */
