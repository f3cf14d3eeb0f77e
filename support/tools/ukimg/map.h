/* SPDX-License-Identifier: BSD-3-Clause */
/* GNU ld link map reader (map.c), used by `ukimg size`. */
#ifndef UKIMG_MAP_H
#define UKIMG_MAP_H

#include <stdint.h>
#include <stdio.h>

struct map_cb {
	/* An output section line. */
	void (*out)(void *ctx, const char *name, uint64_t addr,
		    uint64_t size);
	/* An input section of output section out, from object file. */
	void (*in)(void *ctx, const char *out, uint64_t addr, uint64_t size,
		   const char *file);
	void *ctx;
};

/* Returns -1 when f has no "Linker script and memory map" part. */
int map_parse(FILE *f, const struct map_cb *cb);

#endif /* UKIMG_MAP_H */
