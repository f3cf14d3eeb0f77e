/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * printf family: output compared with expected strings, which were made
 * by glibc (tests/host/ compares the two at random on a far larger scale).
 * Built with -fno-builtin so that gcc cannot fold the calls at compile time.
 */
#include <float.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <uk/test.h>

static char buf[512];
/* Not a constant, so gcc cannot warn about (or fold) a NULL %s. */
static const char *volatile null_str;
/* gcc warns that '0' is ignored here: that is what we test. */
static const char *volatile zero_and_precision = "[%08.3d]";

#define CHECK(exp, ...)							\
	do {								\
		int n_ = snprintf(buf, sizeof(buf), __VA_ARGS__);	\
		UK_TEST_EXPECT_STR_EQ(buf, exp);			\
		UK_TEST_EXPECT_SNUM_EQ(n_, sizeof(exp) - 1);		\
	} while (0)

UK_TESTCASE(nolibc_printf, integers)
{
	CHECK("0", "%d", 0);
	CHECK("-1", "%d", -1);
	CHECK("2147483647", "%d", INT_MAX);
	CHECK("-2147483648", "%d", INT_MIN);
	CHECK("42", "%i", 42);
	CHECK("[   42]", "[%5d]", 42);
	CHECK("[42   ]", "[%-5d]", 42);
	CHECK("-0042", "%05d", -42);
	CHECK("+42", "%+d", 42);
	CHECK(" 42", "% d", 42);
	CHECK("-42", "%+d", -42);
	CHECK("007", "%.3d", 7);
	CHECK("[]", "[%.0d]", 0);
	CHECK("[    -007]", "[%8.3d]", -7);
	CHECK("[007     ]", "[%-8.3d]", 7);
	CHECK("[     007]", zero_and_precision, 7);
	CHECK("4294967295", "%u", 4294967295u);
	CHECK("10", "%o", 8);
	CHECK("010", "%#o", 8);
	CHECK("0", "%#o", 0);
	CHECK("0", "%#.0o", 0);
	CHECK("ff", "%x", 255);
	CHECK("FF", "%X", 255);
	CHECK("0xff", "%#x", 255);
	CHECK("0XFF", "%#X", 255);
	CHECK("0", "%#x", 0);
	CHECK("0x0000ff", "%#08x", 255);
	CHECK("44", "%hhd", 300);
	CHECK("255", "%hhu", -1);
	CHECK("4464", "%hd", 70000);
	CHECK("65535", "%hu", -1);
	CHECK("-9223372036854775808", "%ld", LONG_MIN);
	CHECK("18446744073709551615", "%lu", ULONG_MAX);
	CHECK("-9223372036854775808", "%lld", LLONG_MIN);
	CHECK("123456789abcdef", "%llx", 0x123456789abcdefULL);
	CHECK("18446744073709551615", "%zu", (size_t)-1);
	CHECK("-5", "%zd", (ssize_t)-5);
	CHECK("-9223372036854775808", "%jd", (intmax_t)INT64_MIN);
	CHECK("18446744073709551615", "%ju", (uintmax_t)UINT64_MAX);
	CHECK("-3", "%td", (ptrdiff_t)-3);
	CHECK("[    42]", "[%*d]", 6, 42);
	CHECK("[42    ]", "[%-*d]", 6, 42);
	CHECK("[42    ]", "[%*d]", -6, 42);
	CHECK("0007", "%.*d", 4, 7);
	CHECK("7", "%.*d", -1, 7);
	/* ' (grouping) is accepted and does nothing in the C locale. */
	CHECK("1234 [5]", "%'d [%d]", 1234, 5);
}

UK_TESTCASE(nolibc_printf, chars_strings_pointers)
{
	CHECK("A", "%c", 'A');
	CHECK("[  A]", "[%3c]", 'A');
	CHECK("[A  ]", "[%-3c]", 'A');
	CHECK("hello", "%s", "hello");
	CHECK("[     hello]", "[%10s]", "hello");
	CHECK("[hello     ]", "[%-10s]", "hello");
	CHECK("he", "%.2s", "hello");
	CHECK("hel", "%.*s", 3, "hello");
	CHECK("(null)", "%s", null_str);
	CHECK("0x1234", "%p", (void *)0x1234);
	CHECK("(nil)", "%p", NULL);
	CHECK("[     0xabc]", "[%10p]", (void *)0xabc);
	CHECK("100% [%]", "100%% [%%]");
	/* Wide characters are narrowed: ASCII as is, the rest as '?'. */
	CHECK("[  wide]", "[%6ls]", L"wide");
	CHECK("wi", "%.2ls", L"wide");
	CHECK("a?b", "%ls", L"a\u00e9b");
	CHECK("[ x|?]", "[%2lc|%lc]", L'x', L'\u20ac');
}

UK_TESTCASE(nolibc_printf, floating_point)
{
	CHECK("0.000000", "%f", 0.0);
	CHECK("-0.000000", "%f", -0.0);
	CHECK("1.000000", "%f", 1.0);
	CHECK("3.141593", "%f", 3.14159265358979);
	CHECK("2.67", "%.2f", 2.675);
	CHECK("0", "%.0f", 0.5);
	CHECK("2", "%.0f", 1.5);
	CHECK("2", "%.0f", 2.5);
	CHECK("0.1", "%.1f", 0.05);
	CHECK("0.2", "%.1f", 0.25);
	CHECK("0.000", "%.3f", 1e-10);
	CHECK("[    -3.142]", "[%10.3f]", -3.14159);
	CHECK("[3.142     ]", "[%-10.3f]", 3.14159);
	CHECK("-00003.142", "%010.3f", -3.14159);
	CHECK("+1.500000", "%+f", 1.5);
	CHECK(" 1.500000", "% f", 1.5);
	CHECK("3.", "%#.0f", 3.0);
	CHECK("100000000000000000000.000000", "%f", 1e20);
	CHECK("0.10000000000000000555", "%.20f", 0.1);
	CHECK("123456.789000", "%f", 123456.789);
	CHECK("1000.0", "%.1f", 999.96);
	CHECK("0.000000e+00", "%e", 0.0);
	CHECK("1.234568e+05", "%e", 123456.789);
	CHECK("1e+04", "%.0e", 12345.0);
	CHECK("1.000000E-300", "%E", 1e-300);
	CHECK("1.000000e+300", "%e", 1e300);
	CHECK("1.000e+01", "%.3e", 9.9996);
	CHECK("1.797693e+308", "%e", DBL_MAX);
	CHECK("2.225074e-308", "%e", DBL_MIN);
	CHECK("0", "%g", 0.0);
	CHECK("100000", "%g", 100000.0);
	CHECK("1e+06", "%g", 1000000.0);
	CHECK("0.0001", "%g", 0.0001);
	CHECK("1e-05", "%g", 0.00001);
	CHECK("1.5", "%g", 1.5);
	CHECK("3.14", "%.3g", 3.14159);
	CHECK("1.50000", "%#g", 1.5);
	CHECK("1E-10", "%G", 1e-10);
	CHECK("1.23457e+08", "%g", 123456789.0);
	CHECK("0.10000000000000001", "%.17g", 0.1);
	CHECK("0.5", "%.0g", 0.5);
	CHECK("inf", "%f", __builtin_inf());
	CHECK("-inf", "%f", -__builtin_inf());
	CHECK("INF", "%F", __builtin_inf());
	CHECK("nan", "%f", __builtin_nan(""));
	CHECK("-NAN", "%E", -__builtin_nan(""));
	CHECK("[  nan]", "[%5.1f]", __builtin_nan(""));
	CHECK("[inf   ]", "[%-6e]", __builtin_inf());
	CHECK("1.500000", "%Lf", 1.5L);
	CHECK("-0.125", "%Lg", -0.125L);
	CHECK("0.000000", "%f", 4.9406564584124654e-324);
	CHECK("4.941e-324", "%.3e", 4.9406564584124654e-324);
}

UK_TESTCASE(nolibc_printf, mixed)
{
	CHECK("x=42, ok 99.57%", "%s=%d, %c%c %5.2f%%", "x", 42, 'o', 'k',
	      99.567);
}

UK_TESTCASE(nolibc_printf, snprintf_truncates)
{
	memset(buf, 'x', sizeof(buf));
	UK_TEST_EXPECT_SNUM_EQ(snprintf(buf, 5, "%s", "hello world"), 11);
	UK_TEST_EXPECT_STR_EQ(buf, "hell");
	UK_TEST_EXPECT_SNUM_EQ(buf[5], 'x');
	UK_TEST_EXPECT_SNUM_EQ(snprintf(buf, 1, "%d", 12345), 5);
	UK_TEST_EXPECT_STR_EQ(buf, "");
	UK_TEST_EXPECT_SNUM_EQ(snprintf(NULL, 0, "%.3f", 2.0), 5);
	UK_TEST_EXPECT_SNUM_EQ(snprintf(buf, 8, "%10.3e", 2.0), 10);
	UK_TEST_EXPECT_STR_EQ(buf, " 2.000e");
}

UK_TESTCASE(nolibc_printf, count_and_friends)
{
	signed char hh = 0;
	long l = 0;
	char *s = NULL;
	int n = 0;

	snprintf(buf, sizeof(buf), "ab%ncd%hhnef%ln", &n, &hh, &l);
	UK_TEST_EXPECT_SNUM_EQ(n, 2);
	UK_TEST_EXPECT_SNUM_EQ(hh, 4);
	UK_TEST_EXPECT_SNUM_EQ(l, 6);
	UK_TEST_EXPECT_SNUM_EQ(sprintf(buf, "%s-%d", "kiln", 7), 6);
	UK_TEST_EXPECT_STR_EQ(buf, "kiln-7");
	UK_TEST_EXPECT_SNUM_EQ(asprintf(&s, "%05.1f|%x", 2.25, 255), 8);
	UK_TEST_EXPECT_STR_EQ(s, "002.2|ff");
	free(s);
}

/* Lines start with "# " so that they are TAP comments. */
UK_TESTCASE(nolibc_printf, console)
{
	UK_TEST_EXPECT_SNUM_EQ(printf("# printf to the console: %d\n", 42),
			       28);
	UK_TEST_EXPECT_SNUM_EQ(fprintf(stderr, "# %s\n", "to stderr"), 12);
	UK_TEST_EXPECT(puts("# puts") >= 0);
	UK_TEST_EXPECT(fputs("# fputs\n", stdout) >= 0);
	UK_TEST_EXPECT_SNUM_EQ(putchar('#'), '#');
	UK_TEST_EXPECT_UNUM_EQ(fwrite(" fwrite\n", 1, 8, stdout), 8);
	UK_TEST_EXPECT_ZERO(fflush(stdout));
}
