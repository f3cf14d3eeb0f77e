/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A small flattened device tree reader: one walk over the structure
 * block, calling back for each node once its properties are known. No
 * allocation, no writes, no unaligned accesses (it runs with the MMU off).
 */
#ifndef __UK_PLAT_COMMON_ARM64_FDT_H__
#define __UK_PLAT_COMMON_ARM64_FDT_H__

#include <stdint.h>

struct fdt_node {
	const void *fdt;
	const char *name;	/* "memory@40000000"; "" for the root */
	int depth;		/* 0 for the root */
	uint32_t props;		/* offset of its first property */
	unsigned int acells;	/* parent's #address-cells: read reg */
	unsigned int scells;	/* parent's #size-cells */
	const char *compat;	/* its compatible list, or NULL */
	uint32_t compat_len;
	const char *status;	/* its status, or NULL */
};

typedef void (*fdt_visit_t)(const struct fdt_node *n, void *arg);

/* 0 when fdt is a tree this reader understands, else -1. Only a blob
 * it accepted may be handed to the other functions.
 */
int fdt_check(const void *fdt);
/* /memreserve/ entry i in *base, *size: 0, or -1 past the last. */
int fdt_memreserve(const void *fdt, int i, uint64_t *base, uint64_t *size);

/* Visits every node in document order. */
void fdt_walk(const void *fdt, fdt_visit_t visit, void *arg);

/* The property's value and length, or NULL when the node has none. */
const void *fdt_prop(const struct fdt_node *n, const char *name,
		     uint32_t *len);
/* The property as a string, or NULL when absent or not NUL-terminated. */
const char *fdt_prop_str(const struct fdt_node *n, const char *name);
/* Whether the node's compatible list holds s. */
int fdt_compatible(const struct fdt_node *n, const char *s);
/* Whether the node is enabled (status absent, "okay" or "ok"). */
int fdt_enabled(const struct fdt_node *n);
/* Whether the string list property holds s. */
int fdt_prop_has(const struct fdt_node *n, const char *prop, const char *s);
/* Entry i of reg, in CPU addresses; -1 when there is none. */
int fdt_reg(const struct fdt_node *n, int i, uint64_t *base, uint64_t *size);
/* Big-endian cell(s) from a property value. */
uint64_t fdt_cells(const void *p, unsigned int cells);
/* Whether the node's name is `name` or `name@...`. */
int fdt_name_is(const struct fdt_node *n, const char *name);

#endif /* __UK_PLAT_COMMON_ARM64_FDT_H__ */
