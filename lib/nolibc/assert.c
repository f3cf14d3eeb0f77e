/* SPDX-License-Identifier: BSD-3-Clause */
#include <assert.h>
#include <stdio.h>
#include <uk/plat/lifecycle.h>

void __assert_fail(const char *expr, const char *file, unsigned int line,
		   const char *func)
{
	fprintf(stderr, "%s:%u: %s: Assertion `%s' failed.\n",
		file, line, func, expr);
	ukplat_terminate(UKPLAT_CRASH_STATUS);
}
