/* SPDX-License-Identifier: BSD-3-Clause */
/* string.h, strings.h, ctype.h. Built with -fno-builtin: no folding. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <uk/test.h>

static unsigned char a[96], b[96];

static void fill(unsigned char *p, size_t n, unsigned char seed)
{
	while (n--)
		*p++ = seed++;
}

UK_TESTCASE(nolibc_string, memcpy_memset_every_alignment)
{
	size_t off, len, i;

	for (off = 0; off < 8; off++) {
		for (len = 0; len < 40; len++) {
			fill(a, sizeof(a), 0);
			memset(b, 0xee, sizeof(b));
			UK_TEST_EXPECT_PTR_EQ(memcpy(b + off, a + 3, len),
					      b + off);
			for (i = 0; i < sizeof(b); i++)
				if (b[i] != (i >= off && i < off + len ?
					     i - off + 3 : 0xee))
					break;
			UK_TEST_EXPECT_UNUM_EQ(i, sizeof(b));
			UK_TEST_EXPECT_PTR_EQ(memset(a + off, 0x5a, len),
					      a + off);
			for (i = 0; i < sizeof(a); i++)
				if (a[i] != (i >= off && i < off + len ?
					     0x5a : i))
					break;
			UK_TEST_EXPECT_UNUM_EQ(i, sizeof(a));
		}
	}
}

UK_TESTCASE(nolibc_string, memmove_overlap)
{
	unsigned char exp[96];

	fill(a, sizeof(a), 0);
	fill(exp, sizeof(exp), 0);
	fill(exp + 5, 50, 0);
	memmove(a + 5, a, 50);		/* forwards overlap: copy backwards */
	UK_TEST_EXPECT_BYTES_EQ(a, exp, sizeof(a));

	fill(a, sizeof(a), 0);
	fill(exp, sizeof(exp), 0);
	fill(exp + 1, 60, 12);
	memmove(a + 1, a + 12, 60);	/* backwards overlap */
	UK_TEST_EXPECT_BYTES_EQ(a, exp, sizeof(a));
}

UK_TESTCASE(nolibc_string, memcmp_memchr)
{
	fill(a, sizeof(a), 0);
	fill(b, sizeof(b), 0);
	UK_TEST_EXPECT_ZERO(memcmp(a, b, sizeof(a)));
	b[37] = 200;
	UK_TEST_EXPECT(memcmp(a, b, sizeof(a)) < 0);
	UK_TEST_EXPECT(memcmp(b, a, sizeof(a)) > 0);
	UK_TEST_EXPECT_ZERO(memcmp(a, b, 37));
	UK_TEST_EXPECT_PTR_EQ(memchr(b, 200, sizeof(b)), b + 37);
	UK_TEST_EXPECT_NULL(memchr(b, 200, 37));
}

UK_TESTCASE(nolibc_string, lengths_and_copies)
{
	char s[32] = "kiln", d[32];
	size_t i;

	UK_TEST_EXPECT_UNUM_EQ(strlen(""), 0);
	for (i = 0; i < 9; i++)		/* every offset into a word */
		UK_TEST_EXPECT_UNUM_EQ(strlen("abcdefghijkl" + i), 12 - i);
	UK_TEST_EXPECT_UNUM_EQ(strnlen(s, 2), 2);
	UK_TEST_EXPECT_UNUM_EQ(strnlen(s, 10), 4);
	UK_TEST_EXPECT_PTR_EQ(strcpy(d, s), d);
	UK_TEST_EXPECT_STR_EQ(d, "kiln");
	UK_TEST_EXPECT_STR_EQ(strcat(d, "-x"), "kiln-x");
	UK_TEST_EXPECT_STR_EQ(strncat(d, "yzw", 2), "kiln-xyz");
	memset(d, 'q', sizeof(d));
	strncpy(d, "ab", 5);
	UK_TEST_EXPECT_BYTES_EQ(d, "ab\0\0\0q", 6);
	strncpy(d, "abcdef", 3);
	UK_TEST_EXPECT_BYTES_EQ(d, "abc\0\0q", 6);
	UK_TEST_EXPECT_PTR_EQ(stpcpy(d, "xy"), d + 2);
}

UK_TESTCASE(nolibc_string, compare)
{
	UK_TEST_EXPECT_ZERO(strcmp("abc", "abc"));
	UK_TEST_EXPECT(strcmp("abc", "abd") < 0);
	UK_TEST_EXPECT(strcmp("abc", "ab") > 0);
	UK_TEST_EXPECT(strcmp("a", "\xe9") < 0);	/* unsigned chars */
	UK_TEST_EXPECT_ZERO(strncmp("abcx", "abcy", 3));
	UK_TEST_EXPECT(strncmp("abcx", "abcy", 4) < 0);
	UK_TEST_EXPECT_ZERO(strcasecmp("KiLn", "kiln"));
	UK_TEST_EXPECT(strcasecmp("a", "B") < 0);
	UK_TEST_EXPECT_ZERO(strncasecmp("HELLOx", "hellOy", 5));
	UK_TEST_EXPECT(strncasecmp("HELLOx", "hellOy", 6) < 0);
}

UK_TESTCASE(nolibc_string, search)
{
	const char *s = "hello, world";

	UK_TEST_EXPECT_PTR_EQ(strchr(s, 'o'), s + 4);
	UK_TEST_EXPECT_PTR_EQ(strrchr(s, 'o'), s + 8);
	UK_TEST_EXPECT_PTR_EQ(strchr(s, '\0'), s + 12);
	UK_TEST_EXPECT_NULL(strchr(s, 'z'));
	UK_TEST_EXPECT_PTR_EQ(strstr(s, "wor"), s + 7);
	UK_TEST_EXPECT_PTR_EQ(strstr(s, ""), s);
	UK_TEST_EXPECT_NULL(strstr(s, "worlds"));
	UK_TEST_EXPECT_UNUM_EQ(strspn(s, "leh"), 4);
	UK_TEST_EXPECT_UNUM_EQ(strcspn(s, ", "), 5);
	UK_TEST_EXPECT_UNUM_EQ(strcspn(s, ""), 12);
	UK_TEST_EXPECT_PTR_EQ(strpbrk(s, "wr"), s + 7);
	UK_TEST_EXPECT_NULL(strpbrk(s, "xyz"));
}

UK_TESTCASE(nolibc_string, strtok)
{
	char s[] = ",,a,bb;;c,", t[] = "x y";
	char *save;

	UK_TEST_EXPECT_STR_EQ(strtok_r(s, ",;", &save), "a");
	UK_TEST_EXPECT_STR_EQ(strtok_r(NULL, ",;", &save), "bb");
	UK_TEST_EXPECT_STR_EQ(strtok_r(NULL, ",;", &save), "c");
	UK_TEST_EXPECT_NULL(strtok_r(NULL, ",;", &save));
	UK_TEST_EXPECT_NULL(strtok_r(NULL, ",;", &save));
	UK_TEST_EXPECT_STR_EQ(strtok(t, " "), "x");
	UK_TEST_EXPECT_STR_EQ(strtok(NULL, " "), "y");
	UK_TEST_EXPECT_NULL(strtok(NULL, " "));
}

UK_TESTCASE(nolibc_string, dup_and_error)
{
	char *d = strdup("unikernel"), *n = strndup("unikernel", 3);

	UK_TEST_EXPECT_STR_EQ(d, "unikernel");
	UK_TEST_EXPECT_STR_EQ(n, "uni");
	free(d);
	free(n);
	UK_TEST_EXPECT_STR_EQ(strerror(0), "Success");
	UK_TEST_EXPECT_STR_EQ(strerror(ENOMEM), "Cannot allocate memory");
	UK_TEST_EXPECT_STR_EQ(strerror(ECANCELED), "Operation canceled");
	UK_TEST_EXPECT_STR_EQ(strerror(4242), "Unknown error 4242");
	UK_TEST_EXPECT_STR_EQ(strerror(-3), "Unknown error -3");
}

UK_TESTCASE(nolibc_string, ctype)
{
	UK_TEST_EXPECT(isdigit('7') && !isdigit('a') && !isdigit(EOF));
	UK_TEST_EXPECT(isalpha('Z') && isalpha('a') && !isalpha('@'));
	UK_TEST_EXPECT(!isalpha('[') && !isalpha(0xe9));
	UK_TEST_EXPECT(isxdigit('F') && isxdigit('9') && !isxdigit('g'));
	UK_TEST_EXPECT(isspace('\t') && isspace('\r') && !isspace('x'));
	UK_TEST_EXPECT(ispunct('!') && !ispunct('a') && !ispunct(' '));
	UK_TEST_EXPECT(isprint(' ') && !isprint('\n') && iscntrl(0x7f));
	UK_TEST_EXPECT_SNUM_EQ(toupper('q'), 'Q');
	UK_TEST_EXPECT_SNUM_EQ(tolower('Q'), 'q');
	UK_TEST_EXPECT_SNUM_EQ(tolower('1'), '1');
}
