/* SPDX-License-Identifier: BSD-3-Clause */
/* Quoting and splitting cases for uk_argparse(). */
#include <errno.h>
#include <string.h>
#include <uk/argparse.h>
#include <uk/test.h>

#define MAXARGS 8

struct argcase {
	const char *line;
	int argc;		/* -1: unterminated quote (full parse: ok) */
	const char *argv[MAXARGS];
};

static const struct argcase cases[] = {
	{ "", 0, { NULL } },
	{ " \t\n ", 0, { NULL } },
	{ "hello", 1, { "hello" } },
	{ "  a  bb\tccc\n", 3, { "a", "bb", "ccc" } },
	{ "a\r\nb", 2, { "a", "b" } },
	{ "'a b' c", 2, { "a b", "c" } },
	{ "\"a b\" c", 2, { "a b", "c" } },
	{ "a\"b c\"d", 1, { "ab cd" } },
	{ "'x'\"y\"z", 1, { "xyz" } },
	{ "\"\" ''", 2, { "", "" } },
	{ "a '' b", 3, { "a", "", "b" } },
	{ "'a\\b' '\"'", 2, { "a\\b", "\"" } },
	{ "\"a\\\"b\" \"c\\\\d\"", 2, { "a\"b", "c\\d" } },
	{ "\"a\\nb\"", 1, { "a\\nb" } },
	{ "\"it's\"", 1, { "it's" } },
	{ "a\\ b c", 2, { "a b", "c" } },
	{ "\\'x\\' \\\"", 2, { "'x'", "\"" } },
	{ "\\\\", 1, { "\\" } },
	{ "end\\", 1, { "end\\" } },
	{ "-v --name=\"Kiln VM\" 'x  y'", 3, { "-v", "--name=Kiln VM",
					       "x  y" } },
};

static void check_case(const struct argcase *c)
{
	char buf[64];
	char *argv[MAXARGS + 1];
	int argc, i;

	strcpy(buf, c->line);
	UK_TEST_EXPECT_SNUM_EQ(uk_argparse_check(c->line), c->argc);
	argc = uk_argparse(buf, argv, MAXARGS + 1);
	UK_TEST_EXPECT_SNUM_EQ(argc, c->argc);
	if (argc != c->argc)
		return;
	for (i = 0; i < argc; i++)
		UK_TEST_EXPECT_STR_EQ(argv[i], c->argv[i]);
	UK_TEST_EXPECT_NULL(argv[argc]);
}

UK_TESTCASE(argparse, table)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(cases); i++)
		check_case(&cases[i]);
}

UK_TESTCASE(argparse, unterminated_quote)
{
	char buf[] = "a 'b c";
	char buf2[] = "x \"y \\\" z";
	char *argv[4];

	UK_TEST_EXPECT_SNUM_EQ(uk_argparse_check(buf), -EINVAL);
	UK_TEST_EXPECT_SNUM_EQ(uk_argparse(buf, argv, 4), 2);
	UK_TEST_EXPECT_STR_EQ(argv[0], "a");
	UK_TEST_EXPECT_STR_EQ(argv[1], "b c");

	UK_TEST_EXPECT_SNUM_EQ(uk_argparse_check(buf2), -EINVAL);
	UK_TEST_EXPECT_SNUM_EQ(uk_argparse(buf2, argv, 4), 2);
	UK_TEST_EXPECT_STR_EQ(argv[1], "y \" z");
	UK_TEST_EXPECT_SNUM_EQ(uk_argparse_check("'ok' \"ok\""), 2);
}

UK_TESTCASE(argparse, maxargs)
{
	char buf[] = "one two three four";
	char *argv[3] = { NULL, NULL, NULL };

	UK_TEST_EXPECT_SNUM_EQ(uk_argparse(buf, argv, 2), 2);
	UK_TEST_EXPECT_STR_EQ(argv[0], "one");
	UK_TEST_EXPECT_STR_EQ(argv[1], "two");
	UK_TEST_EXPECT_NULL(argv[2]);	/* no room: left alone */
	UK_TEST_EXPECT_SNUM_EQ(uk_argparse(buf, argv, 0), 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_argparse(NULL, argv, 3), 0);
	UK_TEST_EXPECT_SNUM_EQ(uk_argparse_check(NULL), 0);
}

/* argv points into buf: the split happens in place. */
UK_TESTCASE(argparse, in_place)
{
	char buf[] = "\"a b\"c d";
	char *argv[4];

	UK_TEST_EXPECT_SNUM_EQ(uk_argparse(buf, argv, 4), 2);
	UK_TEST_EXPECT_PTR_EQ(argv[0], buf);
	UK_TEST_EXPECT_STR_EQ(argv[0], "a bc");
	UK_TEST_EXPECT_STR_EQ(argv[1], "d");
}
