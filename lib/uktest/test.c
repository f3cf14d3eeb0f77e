/* SPDX-License-Identifier: BSD-3-Clause */
/* Test runner: walks .uk_testtab and prints TAP through printf. */
#include <stdio.h>
#include <string.h>
#include <uk/test.h>

/* State of the case being run: failure count and first failure. */
static unsigned int cur_failed;
static const struct uk_test_loc *cur_first;

static void fail(const struct uk_test_loc *l)
{
	if (!cur_failed++)
		cur_first = l;
	printf("# %s:%d: %s", l->file, l->line, l->expr);
}

int _uk_test_check(int ok, const struct uk_test_loc *l)
{
	if (!ok) {
		fail(l);
		printf("\n");
	}
	return ok;
}

int _uk_test_check_snum(long long got, long long exp,
			const struct uk_test_loc *l)
{
	if (got == exp)
		return 1;
	fail(l);
	printf(" (got %lld, expected %lld)\n", got, exp);
	return 0;
}

int _uk_test_check_unum(unsigned long long got, unsigned long long exp,
			const struct uk_test_loc *l)
{
	if (got == exp)
		return 1;
	fail(l);
	printf(" (got %llu, expected %llu)\n", got, exp);
	return 0;
}

int _uk_test_check_ptr(const void *got, const void *exp,
		       const struct uk_test_loc *l)
{
	if (got == exp)
		return 1;
	fail(l);
	printf(" (got %p, expected %p)\n", got, exp);
	return 0;
}

int _uk_test_check_bytes(const void *got, const void *exp, size_t n,
			 const struct uk_test_loc *l)
{
	const unsigned char *g = got, *e = exp;
	size_t i;

	for (i = 0; i < n && g[i] == e[i]; i++)
		;
	if (i == n)
		return 1;
	fail(l);
	printf(" (byte %lu of %lu: got 0x%02x, expected 0x%02x)\n",
	       (unsigned long)i, (unsigned long)n, g[i], e[i]);
	return 0;
}

int _uk_test_check_str(const char *got, const char *exp,
		       const struct uk_test_loc *l)
{
	if (got == exp || (got && exp && !strcmp(got, exp)))
		return 1;
	fail(l);
	printf(" (got \"%s\", expected \"%s\")\n",
	       got ? got : "(null)", exp ? exp : "(null)");
	return 0;
}

static int same_suite(const char *a, const char *b)
{
	return a == b || !strcmp(a, b);
}

/* Run the suite's init, if one was registered: its return value. */
static int suite_init(const char *suite)
{
	const struct uk_testcase *t;

	for (t = uk_testtab_start; t < uk_testtab_end; t++)
		if (!t->name && t->init && same_suite(t->suite, suite))
			return t->init();
	return 0;
}

int uk_test_run_all(void)
{
	const struct uk_testcase *t;
	const char *suite = NULL;
	int n = 0, i = 0, failed = 0, init_rc = 0;

	for (t = uk_testtab_start; t < uk_testtab_end; t++)
		n += t->name != NULL;
	printf("1..%d\n", n);
	for (t = uk_testtab_start; t < uk_testtab_end; t++) {
		if (!t->name)
			continue;
		i++;
		if (!suite || !same_suite(suite, t->suite)) {
			suite = t->suite;
			init_rc = suite_init(suite);
		}
		if (init_rc) {
			failed++;
			printf("not ok %d - %s.%s # suite init returned %d\n",
			       i, t->suite, t->name, init_rc);
			continue;
		}
		cur_failed = 0;
		t->run();
		if (!cur_failed) {
			printf("ok %d - %s.%s\n", i, t->suite, t->name);
			continue;
		}
		failed++;
		printf("not ok %d - %s.%s # %s:%d: %s\n", i, t->suite, t->name,
		       cur_first->file, cur_first->line, cur_first->expr);
	}
	printf("# %d of %d test cases failed\n", failed, n);
	return failed;
}
