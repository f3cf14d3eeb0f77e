/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * libFuzzer harness over the image parsing paths (`info` and `check` for
 * every platform). Build (see tests/ukimg-fuzz.t):
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined fuzz.c image.c \
 *     notes.c multiboot.c arm64.c segments.c check.c info.c -lelf
 */
#include <stdint.h>
#include <stdio.h>
#include "ukimg.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *null;
	struct img img;

	if (!null)
		null = fopen("/dev/null", "w");
	if (!null)
		return 0;
	if (!img_open_mem(&img, "fuzz", data, size)) {
		info_print(&img, null);
		check_run(&img, NULL, 1, null, null);
		check_run(&img, "kvm", 1, null, null);
		check_run(&img, "xen", 1, null, null);
	}
	img_free(&img);
	return 0;
}
