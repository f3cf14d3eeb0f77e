/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * What ordinary C gets from musl on Kiln, one section per area. The
 * output is exact and depends on nothing outside the program, so the
 * same source built with musl-gcc on Linux prints the same bytes: the
 * tests compare the two. Inputs to math go through in() so that no
 * compiler folds them at build time with its own (better rounded) math.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fenv.h>
#include <float.h>
#include <limits.h>
#include <math.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>
#include "posix.h"

static double in(double x)
{
	volatile double v = x;

	return v;
}

static void stdio(void)
{
	char buf[64], *mem = NULL;
	size_t memlen = 0;
	FILE *f;
	int n;

	printf("printf: [%d] [%5.2f] [%-6s] [%x] [%o] [%e] [%g] [%c]\n",
	       -42, in(3.14159), "left", 255u, 8u, in(12345.678), in(0.0001),
	       'k');
	printf("%%a: %a %a %A %a\n", in(1.0), in(0.1), in(-2.5), in(0x1p-1074));
	printf("widths: [%.3s] [%*d] [%-*d] [%+05d] [%#x] [%#o]\n", "abcdef",
	       5, 42, 5, 42, 7, 255u, 8u);
	printf("sizes: %zu %jd %lld %hhd %llu\n", sizeof(long),
	       (intmax_t)INT64_MIN, LLONG_MAX, (signed char)300, ULLONG_MAX);
	printf("special: %f %f %e %g\n", in(INFINITY), -in(INFINITY),
	       in(NAN), in(-0.0));
	n = snprintf(buf, 8, "%s", "truncated text");
	printf("snprintf into 8 bytes: returns %d, holds \"%s\"\n", n, buf);
	f = open_memstream(&mem, &memlen);
	fprintf(f, "%d-%s", 2024, "memstream");
	fclose(f);
	printf("open_memstream: %zu bytes \"%s\"\n", memlen, mem);
	free(mem);
	puts("puts: a line");
	fputs("fputs and putchar", stdout);
	putchar('\n');
}

static void ldouble(void)
{
	char buf[64];
	long double big = (long double)in(1e300) * (long double)in(1e300);

	snprintf(buf, sizeof(buf), "%Lf %.3Le %.6Lg", (long double)in(3.25),
		 big, 1.0L / (long double)in(3.0));
	printf("long double: %s\n", buf);
	printf("long double: strtold(\"1e4000\") = %.4Le, LDBL_MAX_EXP %d\n",
	       strtold("1e4000", NULL), LDBL_MAX_EXP);
	printf("long double: sqrtl(2) = %.15Lg\n", sqrtl((long double)in(2.0)));
}

static void strtod_one(const char *s)
{
	char *end;
	double d;

	errno = 0;
	d = strtod(s, &end);
	printf("strtod(\"%s\") = %.17g, errno %s, rest \"%s\"\n", s, d,
	       errno == ERANGE ? "ERANGE" : errno ? "other" : "0", end);
}

static void scan(void)
{
	static const char *const doubles[] = {
		"3.14159", "0x1.8p3", "1e-310", "1e400", "-inf", "nan",
		"12abc", "  .5e1"
	};
	char word[16];
	unsigned int x;
	double d;
	long l;
	int i, n;

	n = sscanf("42 3.5 word 0x1f", "%d %lf %15s %x", &i, &d, word, &x);
	printf("sscanf: %d fields: %d %g %s %u\n", n, i, d, word, x);
	n = sscanf("7,8", "%d;%d", &i, &i);
	printf("sscanf a mismatch: %d field\n", n);
	n = scanf("%d", &i);
	printf("scanf on stdin at its end: %s, feof %d\n",
	       n == EOF ? "EOF" : "a number", feof(stdin) != 0);
	for (i = 0; i < (int)(sizeof(doubles) / sizeof(*doubles)); i++)
		strtod_one(doubles[i]);
	errno = 0;
	l = strtol("-9999999999999999999", NULL, 10);
	printf("strtol overflow: %ld, ERANGE %d\n", l, errno == ERANGE);
	printf("strtoul(\"-1\") = %lu, strtol(\"0x1F\", 0) = %ld, "
	       "strtol(\"0755\", 0) = %ld\n", strtoul("-1", NULL, 10),
	       strtol("0x1F", NULL, 0), strtol("0755", NULL, 0));
	printf("atoi(\" -12x\") = %d, atof(\"2.5e2\") = %g\n", atoi(" -12x"),
	       atof("2.5e2"));
}

static int by_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

static int by_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void sort(void)
{
	const char *words[] = { "pear", "apple", "fig", "kiwi", "banana",
				"cherry" };
	unsigned int seed = 12345;
	int v[20], key, *hit;
	size_t i;

	for (i = 0; i < 20; i++) {
		seed = seed * 1103515245 + 12345;
		v[i] = (int)(seed >> 16) % 1000 - 500;
	}
	qsort(v, 20, sizeof(*v), by_int);
	printf("qsort ints:");
	for (i = 0; i < 20; i++)
		printf(" %d", v[i]);
	qsort(words, 6, sizeof(*words), by_str);
	printf("\nqsort strings:");
	for (i = 0; i < 6; i++)
		printf(" %s", words[i]);
	key = v[13];
	hit = bsearch(&key, v, 20, sizeof(*v), by_int);
	printf("\nbsearch %d: index %td\n", key, hit ? hit - v : -1);
}

static void show_time(const char *what, time_t t)
{
	char buf[80];
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M:%S %a %b day %j", &tm);
	printf("gmtime(%lld): %s\n", (long long)t, buf);
	localtime_r(&t, &tm);
	strftime(buf, sizeof(buf), "%c %Z %z", &tm);
	printf("localtime(%s): %s, mktime back: %lld\n", what, buf,
	       (long long)mktime(&tm));
}

static void times(void)
{
	struct tm tm = { 0 };
	char *end;
	time_t t;

	/* No /etc/localtime on Kiln: local time is UTC. */
	show_time("0", 0);
	show_time("-1", -1);
	show_time("1700000000", 1700000000);
	show_time("2^31", (time_t)1 << 31);
	show_time("year 3000", 32503680000LL);
	end = strptime("2024-02-29 12:34", "%Y-%m-%d %H:%M", &tm);
	/* timegm() fills in the weekday strptime() had no field for. */
	t = timegm(&tm);
	printf("strptime: %s, timegm %lld, weekday %d\n",
	       end && !*end ? "whole" : "partial", (long long)t, tm.tm_wday);
	printf("difftime: %g\n", difftime(1700000000, 0));
}

static void env(void)
{
	int r;

	printf("getenv(\"KILN_POSIX\") at start: %s\n",
	       getenv("KILN_POSIX") ? "set" : "unset");
	setenv("KILN_POSIX", "one", 1);
	setenv("KILN_POSIX", "two", 0);
	printf("setenv without overwrite: %s\n", getenv("KILN_POSIX"));
	setenv("KILN_POSIX", "three", 1);
	printf("setenv with overwrite: %s\n", getenv("KILN_POSIX"));
	putenv("KILN_PUT=four");
	printf("putenv: %s\n", getenv("KILN_PUT"));
	unsetenv("KILN_POSIX");
	printf("unsetenv: %s\n", getenv("KILN_POSIX") ? "set" : "unset");
	errno = 0;
	r = setenv("A=B", "x", 1);
	printf("setenv(\"A=B\"): %d, EINVAL %d\n", r, errno == EINVAL);
	unsetenv("KILN_PUT");
}

static void errors(void)
{
	int r;

	errno = 0;
	strtol("99999999999999999999", NULL, 10);
	printf("strtol overflow: errno %d, \"%s\"\n", errno, strerror(errno));
	r = close(77);
	printf("close(77): %d, \"%s\"\n", r, strerror(errno));
	r = write(-1, "x", 1);
	printf("write(-1): %d, \"%s\"\n", r, strerror(errno));
	printf("strerror(ENOMEM) \"%s\", strerror(EINTR) \"%s\"\n",
	       strerror(ENOMEM), strerror(EINTR));
	printf("strerror(0) \"%s\", strerror(9999) \"%s\"\n", strerror(0),
	       strerror(9999));
}

static jmp_buf jb;

/* Frames of its own on the way down, which longjmp() leaves at once. */
static int dive(int depth, int val)
{
	volatile char pad[64];

	pad[depth % 64] = (char)depth;
	if (depth > 0)
		dive(depth - 1, val);
	else if (val >= 0)
		longjmp(jb, val);
	return pad[depth % 64];
}

static void jumps(void)
{
	volatile int kept = 1;
	sigjmp_buf sjb;
	int r;

	r = setjmp(jb);
	if (r == 0) {
		kept = 2;
		dive(20, 42);
	}
	printf("longjmp from 20 calls down: setjmp returned %d, kept %d\n", r,
	       kept);
	r = setjmp(jb);
	if (r == 0)
		dive(0, 0);
	printf("longjmp(jb, 0): setjmp returned %d\n", r);
	r = sigsetjmp(sjb, 1);
	if (r == 0)
		siglongjmp(sjb, 7);
	printf("siglongjmp: sigsetjmp returned %d\n", r);
}

static volatile sig_atomic_t caught;

static void on_usr1(int sig)
{
	caught = sig;
}

static void signals(void)
{
	sigset_t set;

	signal(SIGUSR1, on_usr1);
	raise(SIGUSR1);
	printf("raise(SIGUSR1): handler saw %d\n", (int)caught);
	caught = 0;
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigprocmask(SIG_BLOCK, &set, NULL);
	raise(SIGUSR1);
	printf("blocked: handler saw %d\n", (int)caught);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	printf("unblocked: handler saw %d\n", (int)caught);
	signal(SIGUSR1, SIG_IGN);
	raise(SIGUSR1);
	printf("SIG_IGN: still running\n");
}

#define M(name, expr)	printf("%s = %.17g\n", name, expr)

static void maths(void)
{
	int e;

	M("sqrt(2)", sqrt(in(2)));
	M("pow(2, 0.5)", pow(in(2), 0.5));
	M("pow(10, -3)", pow(in(10), -3));
	M("sin(1)", sin(in(1)));
	M("cos(1)", cos(in(1)));
	M("tan(0.5)", tan(in(0.5)));
	M("atan2(1, -1)", atan2(in(1), -1));
	M("exp(1)", exp(in(1)));
	M("log(10)", log(in(10)));
	M("log2(1e6)", log2(in(1e6)));
	M("log10(12345)", log10(in(12345)));
	M("cbrt(27)", cbrt(in(27)));
	M("hypot(3, 4)", hypot(in(3), 4));
	M("tgamma(5)", tgamma(in(5)));
	M("erf(0.5)", erf(in(0.5)));
	M("fmod(10, 3)", fmod(in(10), 3));
	M("remainder(10, 3)", remainder(in(10), 3));
	M("fma(0.1, 10, -1)", fma(in(0.1), 10, -1));
	M("nextafter(1, 2)", nextafter(in(1), 2));
	M("round(2.5)", round(in(2.5)));
	M("rint(2.5)", rint(in(2.5)));
	M("floor(-1.5)", floor(in(-1.5)));
	M("lgamma(0.5)", lgamma(in(0.5)));
	printf("signgam = %d\n", signgam);
	M("lgamma(-0.5)", lgamma(in(-0.5)));
	printf("signgam = %d\n", signgam);
	M("frexp(48, &e)", frexp(in(48), &e));
	printf("e = %d\n", e);
	printf("sinf(1.0f) = %.9g\n", sinf((float)in(1)));
	fesetround(FE_UPWARD);
	M("rint(2.1) rounding upward", rint(in(2.1)));
	fesetround(FE_TONEAREST);
	printf("subnormal %d, isnan %d, isinf %d\n",
	       fpclassify(in(0x1p-1074)) == FP_SUBNORMAL, isnan(in(NAN)) != 0,
	       isinf(-in(INFINITY)) != 0);
}

static void memory(void)
{
	const size_t mib = 1 << 20;
	unsigned long sum = 0, zero = 0;
	unsigned char *p, *c;
	void *a[200], *al;
	size_t i;
	int r;

	p = malloc(4 * mib);
	for (i = 0; i < 4 * mib; i++)
		p[i] = (unsigned char)(i * 7 + 3);
	p = realloc(p, 8 * mib);
	for (i = 0; i < 4 * mib; i++)
		sum += p[i];
	memset(p + 4 * mib, 0xaa, 4 * mib);
	for (i = 0; i < 8 * mib; i += 4096)
		sum += p[i];
	printf("malloc 4 MiB, realloc to 8 MiB: sum %lu\n", sum);
	free(p);
	c = calloc(2 * mib, 1);
	for (i = 0; i < 2 * mib; i++)
		zero |= c[i];
	printf("calloc 2 MiB: all zero %d\n", zero == 0);
	free(c);
	for (i = 0; i < 200; i++)
		memset(a[i] = malloc(i * 37 % 3000 + 1), (int)i,
		       i * 37 % 3000 + 1);
	for (i = 0, sum = 0; i < 200; i++)
		sum += ((unsigned char *)a[i])[i * 37 % 3000];
	for (i = 0; i < 200; i += 2)
		free(a[i]);
	for (i = 1; i < 200; i += 2)
		free(a[i]);
	printf("200 small blocks: sum %lu\n", sum);
	r = posix_memalign(&al, 4096, 10000);
	printf("posix_memalign(4096): %d, aligned %d\n", r,
	       ((uintptr_t)al & 4095) == 0);
	free(al);
}

static void clocks(void)
{
	struct timespec a, b, req = { 0, 10000000 };
	long long ns;

	clock_gettime(CLOCK_MONOTONIC, &a);
	nanosleep(&req, NULL);
	clock_gettime(CLOCK_MONOTONIC, &b);
	ns = (b.tv_sec - a.tv_sec) * 1000000000LL + b.tv_nsec - a.tv_nsec;
	printf("nanosleep(10 ms): at least 10 ms passed %d\n", ns >= 10000000);
	printf("clock_getres(CLOCK_MONOTONIC): %d\n",
	       clock_getres(CLOCK_MONOTONIC, &a));
	/* 1970 until the platform reads a wall clock: either holds. */
	printf("time(NULL) >= 0: %d\n", time(NULL) >= 0);
}

static void sys(void)
{
	struct utsname u;

	uname(&u);
	printf("sysconf(_SC_PAGESIZE) %ld, uname sysname %s\n",
	       sysconf(_SC_PAGESIZE), u.sysname);
}

const struct section sections[] = {
	{ "stdio", stdio }, { "ldouble", ldouble }, { "scan", scan },
	{ "sort", sort }, { "time", times }, { "env", env },
	{ "errno", errors }, { "jump", jumps }, { "signal", signals },
	{ "math", maths }, { "malloc", memory }, { "clock", clocks },
	{ "sys", sys }, { NULL, NULL }
};
