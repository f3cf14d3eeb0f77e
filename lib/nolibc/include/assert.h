/* SPDX-License-Identifier: BSD-3-Clause */
/* No include guard: C lets a file re-include this with NDEBUG changed. */
#undef assert
#ifdef NDEBUG
#define assert(e)	((void)0)
#else
#define assert(e)	((e) ? (void)0 : \
			 __assert_fail(#e, __FILE__, __LINE__, __func__))
#endif

#ifndef __NOLIBC_ASSERT_H__
#define __NOLIBC_ASSERT_H__

#if !defined(__cplusplus) && !defined(static_assert)
#define static_assert	_Static_assert
#endif

/* Prints the failed expression and where, then crashes the unikernel. */
__attribute__((noreturn)) void __assert_fail(const char *expr,
					     const char *file,
					     unsigned int line,
					     const char *func);

#endif /* __NOLIBC_ASSERT_H__ */
