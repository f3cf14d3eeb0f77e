/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * In-guest unit tests that report TAP on the console.
 *
 *   uk_testsuite_register(mysuite, mysuite_init);	// optional
 *   UK_TESTCASE(mysuite, adds_up)
 *   {
 *	UK_TEST_EXPECT_SNUM_EQ(1 + 1, 2);
 *   }
 *
 * Each case and each suite registration is one fixed-size entry in the
 * section .uk_testtab, which the platform linker script keeps between
 * uk_testtab_start and uk_testtab_end, so the runner walks it as an array.
 * A failed expectation marks the case failed, prints a "# " line and lets
 * the case go on; UK_TEST_ASSERT returns from the case instead.
 * The numeric and pointer checks take (got, expected).
 */
#ifndef __UK_TEST_H__
#define __UK_TEST_H__

#include <stddef.h>
#include <uk/essentials.h>

#ifdef __cplusplus
extern "C" {
#endif

#define UK_TESTTAB_SECTION	".uk_testtab"
#define UK_TESTTAB_ALIGN	32

/* A case has a name and run; a suite registration has neither. */
struct uk_testcase {
	const char *suite;
	const char *name;
	void (*run)(void);
	int (*init)(void);	/* suite entries: non-zero fails the suite */
} __aligned(UK_TESTTAB_ALIGN);

_Static_assert(sizeof(struct uk_testcase) == UK_TESTTAB_ALIGN,
	       "uk_testtab entries must be packed back to back");

extern const struct uk_testcase uk_testtab_start[];
extern const struct uk_testcase uk_testtab_end[];

/* Where an expectation is, kept in .rodata so a call passes one pointer. */
struct uk_test_loc {
	const char *file;
	int line;
	const char *expr;
};

/* Run every registered case in table order; returns how many failed. */
int uk_test_run_all(void);

int _uk_test_check(int ok, const struct uk_test_loc *l);
int _uk_test_check_snum(long long got, long long exp,
			const struct uk_test_loc *l);
int _uk_test_check_unum(unsigned long long got, unsigned long long exp,
			const struct uk_test_loc *l);
int _uk_test_check_ptr(const void *got, const void *exp,
		       const struct uk_test_loc *l);
int _uk_test_check_bytes(const void *got, const void *exp, size_t n,
			 const struct uk_test_loc *l);
int _uk_test_check_str(const char *got, const char *exp,
		       const struct uk_test_loc *l);

/* GCC emits same-section objects in reverse unless told not to reorder. */
#if defined(__GNUC__) && !defined(__clang__)
#define __uk_test_noreorder	__attribute__((no_reorder))
#else
#define __uk_test_noreorder
#endif

#define __UK_TESTTAB_ENTRY(var)						\
	static const struct uk_testcase var				\
	__used __uk_test_noreorder __section(UK_TESTTAB_SECTION)

#define UK_TESTCASE(suite, name)					\
	static void __uk_test_##suite##_##name(void);			\
	__UK_TESTTAB_ENTRY(__uk_testcase_##suite##_##name) = {		\
		#suite, #name, __uk_test_##suite##_##name, NULL		\
	};								\
	static void __uk_test_##suite##_##name(void)

#define uk_testsuite_register(suite, initfn)				\
	__UK_TESTTAB_ENTRY(__uk_testsuite_##suite) = {			\
		#suite, NULL, NULL, initfn				\
	}

#define __UK_TEST_LOC(e)						\
	({								\
		static const struct uk_test_loc __uk_loc = {		\
			__FILE__, __LINE__, e				\
		};							\
		&__uk_loc;						\
	})

#define UK_TEST_EXPECT(cond)						\
	((void)_uk_test_check(!!(cond), __UK_TEST_LOC(#cond)))

#define UK_TEST_ASSERT(cond)						\
	do {								\
		if (!_uk_test_check(!!(cond), __UK_TEST_LOC(#cond)))	\
			return;						\
	} while (0)

#define UK_TEST_EXPECT_NULL(p)						\
	((void)_uk_test_check_ptr((p), NULL, __UK_TEST_LOC(#p " == NULL")))

#define UK_TEST_EXPECT_NOT_NULL(p)					\
	((void)_uk_test_check((p) != NULL, __UK_TEST_LOC(#p " != NULL")))

#define UK_TEST_EXPECT_ZERO(x)						\
	((void)_uk_test_check_snum((long long)(x), 0,			\
				   __UK_TEST_LOC(#x " == 0")))

#define UK_TEST_EXPECT_NOT_ZERO(x)					\
	((void)_uk_test_check((x) != 0, __UK_TEST_LOC(#x " != 0")))

#define UK_TEST_EXPECT_SNUM_EQ(got, exp)				\
	((void)_uk_test_check_snum((long long)(got), (long long)(exp),	\
				   __UK_TEST_LOC(#got " == " #exp)))

#define UK_TEST_EXPECT_UNUM_EQ(got, exp)				\
	((void)_uk_test_check_unum((unsigned long long)(got),		\
				   (unsigned long long)(exp),		\
				   __UK_TEST_LOC(#got " == " #exp)))

#define UK_TEST_EXPECT_PTR_EQ(got, exp)					\
	((void)_uk_test_check_ptr((got), (exp),				\
				  __UK_TEST_LOC(#got " == " #exp)))

#define UK_TEST_EXPECT_BYTES_EQ(got, exp, n)				\
	((void)_uk_test_check_bytes((got), (exp), (n),			\
		__UK_TEST_LOC("bytes " #got " == " #exp)))

#define UK_TEST_EXPECT_STR_EQ(got, exp)					\
	((void)_uk_test_check_str((got), (exp),				\
				  __UK_TEST_LOC(#got " == " #exp)))

#ifdef __cplusplus
}
#endif

#endif /* __UK_TEST_H__ */
