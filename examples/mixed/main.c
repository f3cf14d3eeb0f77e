/* SPDX-License-Identifier: BSD-3-Clause */
/* mixed: C calls two Rust crates; the stats crate calls back into C. */
#include <stdio.h>
#include <stdint.h>

/* From the greet crate. */
void greet_rust(const char *name);
/* From the stats crate. */
int64_t stats_sum_of_squares(const int32_t *values, size_t n);

/* Called by the stats crate for every value it reads. */
int32_t mixed_scale(int32_t v)
{
	return v * 10;
}

int main(int argc, char *argv[])
{
	static const int32_t values[] = { 1, 2, 3, 4 };

	printf("C: calling Rust\n");
	greet_rust(argc > 1 ? argv[1] : "C");
	printf("C: sum of squares of scaled values = %lld\n",
	       (long long)stats_sum_of_squares(values, 4));
	return 0;
}
