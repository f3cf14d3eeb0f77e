/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * libFuzzer harness over ukimg's parsers: the image paths (`info`, and
 * `check` for every platform) and the link map reader. Built by
 * tests/ukimg-fuzz.t:
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined fuzz.c input.c \
 *     image.c notes.c multiboot.c arm64.c segments.c check.c info.c map.c \
 *     -lelf
 */
#include <stdint.h>
#include <stdio.h>
#include "map.h"
#include "ukimg.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void on_out(void *ctx, const char *name, uint64_t addr, uint64_t size)
{
	*(uint64_t *)ctx += addr + size;
}

static void on_in(void *ctx, const char *out, uint64_t addr, uint64_t size,
		  const char *file)
{
	*(uint64_t *)ctx += addr + size + file[0];
}

static void map_fuzz(const uint8_t *data, size_t size)
{
	uint64_t sum = 0;
	struct map_cb cb = { on_out, on_in, &sum };
	FILE *f = fmemopen((void *)data, size, "r");

	if (!f)
		return;
	map_parse(f, &cb);
	fclose(f);
}

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
	if (size)
		map_fuzz(data, size);
	return 0;
}
