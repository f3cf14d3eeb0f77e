/* SPDX-License-Identifier: BSD-3-Clause */
/* Runs every in-guest test suite linked in; fails if any case fails. */
#include <uk/test.h>

int main(void)
{
	return uk_test_run_all() ? 1 : 0;
}
