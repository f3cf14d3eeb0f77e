/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Ordinary C on musl. With no arguments it runs every section of show.c
 * and returns 0; otherwise the words are commands, run in order:
 *   all | SECTION     every section, or one (stdio, math, time, ...)
 *   sleep MS          sleep MS milliseconds, print how long it took
 *   uname             every field of uname()
 *   exit N            return N from main()
 *   exitcall N        exit(N): the atexit handler and stdio still run
 * e.g. `make run A=examples/posix ARGS="math sleep 10 exit 3"`.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>
#include <time.h>
#include "posix.h"

static void all(void)
{
	const struct section *s;

	for (s = sections; s->name; s++) {
		printf("== %s\n", s->name);
		s->run();
	}
}

static int section(const char *name)
{
	const struct section *s;

	for (s = sections; s->name; s++)
		if (strcmp(s->name, name) == 0) {
			printf("== %s\n", s->name);
			s->run();
			return 1;
		}
	return 0;
}

static void sleep_ms(long ms)
{
	struct timespec a, b, req = { ms / 1000, ms % 1000 * 1000000 };

	clock_gettime(CLOCK_MONOTONIC, &a);
	nanosleep(&req, NULL);
	clock_gettime(CLOCK_MONOTONIC, &b);
	printf("slept %lld us for %ld ms\n",
	       ((b.tv_sec - a.tv_sec) * 1000000000LL + b.tv_nsec - a.tv_nsec) /
	       1000, ms);
}

static void show_uname(void)
{
	struct utsname u;

	uname(&u);
	printf("uname: %s %s %s %s %s\n", u.sysname, u.nodename, u.release,
	       u.version, u.machine);
}

static void at_exit(void)
{
	printf("atexit handler ran\n");
}

int main(int argc, char *argv[])
{
	int i;

	if (argc < 2)
		all();
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "all") == 0)
			all();
		else if (section(argv[i]))
			;
		else if (strcmp(argv[i], "uname") == 0)
			show_uname();
		else if (i + 1 < argc && strcmp(argv[i], "sleep") == 0)
			sleep_ms(atol(argv[++i]));
		else if (i + 1 < argc && strcmp(argv[i], "exit") == 0)
			return atoi(argv[i + 1]);
		else if (i + 1 < argc && strcmp(argv[i], "exitcall") == 0) {
			atexit(at_exit);
			exit(atoi(argv[i + 1]));
		} else {
			fprintf(stderr, "posix: unknown command '%s'\n",
				argv[i]);
			return 2;
		}
	}
	return 0;
}
