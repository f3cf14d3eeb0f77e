/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A test app for the boot tests: "exit N" returns N from main, "null"
 * dereferences NULL, "ud2" runs an invalid opcode, "args" prints argv
 * with delimiters so quoting can be checked.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int deep_null(volatile int *p, int depth)
{
	if (depth > 0)
		return deep_null(p, depth - 1) + 1;
	return *p;
}

int main(int argc, char *argv[])
{
	int i;

	if (argc < 2)
		return 0;
	if (strcmp(argv[1], "exit") == 0 && argc > 2)
		return atoi(argv[2]);
	if (strcmp(argv[1], "null") == 0) {
		printf("probe: dereferencing NULL\n");
		return deep_null((volatile int *)0, 3);
	}
	if (strcmp(argv[1], "ud2") == 0) {
		printf("probe: invalid opcode\n");
		__builtin_trap();
	}
	if (strcmp(argv[1], "args") == 0) {
		for (i = 0; i < argc; i++)
			printf("arg%d=<%s>\n", i, argv[i]);
		return 0;
	}
	printf("probe: unknown command %s\n", argv[1]);
	return 2;
}
