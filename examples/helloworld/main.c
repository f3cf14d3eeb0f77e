/* SPDX-License-Identifier: BSD-3-Clause */
/* The default app: greets and prints its arguments. */
#include <stdio.h>

int main(int argc, char *argv[])
{
	int i;

	printf("Hello world!\n");
	for (i = 0; i < argc; i++)
		printf("argv[%d]: %s\n", i, argv[i]);
	return 0;
}
