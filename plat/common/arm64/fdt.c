/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Flattened device tree reader (devicetree specification, blob version
 * 17, what every loader writes). Runs before the MMU is on: every access
 * is naturally aligned and no libc function is called.
 */
#include <uk/essentials.h>
#include <uk/plat/common/arm64/fdt.h>

#define FDT_MAGIC	0xd00dfeed
#define FDT_BEGIN_NODE	1
#define FDT_END_NODE	2
#define FDT_PROP	3
#define FDT_NOP		4
#define FDT_END		9
#define FDT_DEPTH_MAX	16

/* Header fields, as 32-bit word indices */
#define H_MAGIC		0
#define H_OFF_STRUCT	2
#define H_OFF_STRINGS	3
#define H_OFF_RSVMAP	4
#define H_VERSION	5
#define H_SIZE_STRUCT	9

static uint32_t be32(const void *p)
{
	return __builtin_bswap32(*(const uint32_t *)p);
}

static uint32_t hdr(const void *fdt, int i)
{
	return be32((const uint32_t *)fdt + i);
}

static int streq(const char *a, const char *b)
{
	while (*a && *a == *b) {
		a++;
		b++;
	}
	return *a == *b;
}

static unsigned int slen(const char *s)
{
	unsigned int n = 0;

	while (s[n])
		n++;
	return n;
}

int fdt_check(const void *fdt)
{
	if (!fdt || !IS_ALIGNED((uintptr_t)fdt, 8) ||
	    hdr(fdt, H_MAGIC) != FDT_MAGIC || hdr(fdt, H_VERSION) < 17)
		return -1;
	return 0;
}

int fdt_memreserve(const void *fdt, int i, uint64_t *base, uint64_t *size)
{
	const char *p = (const char *)fdt + hdr(fdt, H_OFF_RSVMAP) + 16 * i;

	*base = fdt_cells(p, 2);
	*size = fdt_cells(p + 8, 2);
	return *base || *size ? 0 : -1;
}

uint64_t fdt_cells(const void *p, unsigned int cells)
{
	const uint32_t *c = p;
	uint64_t v = 0;

	while (cells--)
		v = v << 32 | be32(c++);
	return v;
}

/* The token at off in the structure block; *next is the one after it. */
static uint32_t token(const void *fdt, uint32_t off, uint32_t *next)
{
	const char *s = (const char *)fdt + hdr(fdt, H_OFF_STRUCT);
	uint32_t tok = be32(s + off);

	off += 4;
	switch (tok) {
	case FDT_BEGIN_NODE:
		off += slen(s + off) + 1;
		break;
	case FDT_PROP:
		off += 8 + be32(s + off);
		break;
	}
	*next = ALIGN_UP(off, 4);
	return tok;
}

static const char *structs(const void *fdt, uint32_t off)
{
	return (const char *)fdt + hdr(fdt, H_OFF_STRUCT) + off;
}

static const char *prop_name(const void *fdt, uint32_t off)
{
	return (const char *)fdt + hdr(fdt, H_OFF_STRINGS) +
	       be32(structs(fdt, off + 8));
}

const void *fdt_prop(const struct fdt_node *n, const char *name,
		     uint32_t *len)
{
	uint32_t off = n->props, next;
	uint32_t tok;

	while ((tok = token(n->fdt, off, &next)) == FDT_PROP ||
	       tok == FDT_NOP) {
		if (tok == FDT_PROP && streq(prop_name(n->fdt, off), name)) {
			if (len)
				*len = be32(structs(n->fdt, off + 4));
			return structs(n->fdt, off + 12);
		}
		off = next;
	}
	return NULL;
}

static int strlist_has(const char *v, uint32_t len, const char *s)
{
	uint32_t i;

	for (i = 0; v && i < len; i += slen(v + i) + 1)
		if (streq(v + i, s))
			return 1;
	return 0;
}

int fdt_prop_has(const struct fdt_node *n, const char *prop, const char *s)
{
	uint32_t len;
	const char *v = fdt_prop(n, prop, &len);

	return strlist_has(v, len, s);
}

int fdt_compatible(const struct fdt_node *n, const char *s)
{
	return strlist_has(n->compat, n->compat_len, s);
}

int fdt_enabled(const struct fdt_node *n)
{
	return !n->status || streq(n->status, "okay") ||
	       streq(n->status, "ok");
}

int fdt_reg(const struct fdt_node *n, int i, uint64_t *base, uint64_t *size)
{
	uint32_t len, entry = 4 * (n->acells + n->scells);
	const char *v = fdt_prop(n, "reg", &len);

	if (!v || !entry || n->acells > 2 || n->scells > 2 ||
	    (uint32_t)(i + 1) * entry > len)
		return -1;
	v += i * entry;
	*base = fdt_cells(v, n->acells);
	*size = fdt_cells(v + 4 * n->acells, n->scells);
	return 0;
}

int fdt_name_is(const struct fdt_node *n, const char *name)
{
	const char *a = n->name;

	while (*name && *a == *name) {
		a++;
		name++;
	}
	return !*name && (!*a || *a == '@');
}

void fdt_walk(const void *fdt, fdt_visit_t visit, void *arg)
{
	/* #address-cells and #size-cells of the open nodes, for their
	 * children's reg; the defaults are the specification's.
	 */
	uint8_t ac[FDT_DEPTH_MAX + 1], sc[FDT_DEPTH_MAX + 1];
	struct fdt_node n = { .fdt = fdt, .depth = -1 };
	uint32_t off = 0, next, end = hdr(fdt, H_SIZE_STRUCT);
	uint32_t tok;
	int pending = 0;	/* a node whose properties are being read */

	ac[0] = 2;
	sc[0] = 1;
	for (; off < end; off = next) {
		tok = token(fdt, off, &next);
		if (tok == FDT_PROP) {
			const char *name = prop_name(fdt, off);
			const char *v = structs(fdt, off + 12);

			/* What every visit asks for is noted on the way:
			 * the walk is most of the boot's device tree time.
			 */
			if (!pending)
				continue;
			if (streq(name, "#address-cells"))
				ac[n.depth + 1] = be32(v);
			else if (streq(name, "#size-cells"))
				sc[n.depth + 1] = be32(v);
			else if (streq(name, "compatible")) {
				n.compat = v;
				n.compat_len = be32(structs(fdt, off + 4));
			} else if (streq(name, "status"))
				n.status = v;
			continue;
		}
		if (tok == FDT_NOP)
			continue;
		if (pending) {
			visit(&n, arg);
			pending = 0;
		}
		if (tok == FDT_BEGIN_NODE) {
			if (n.depth + 1 >= FDT_DEPTH_MAX)
				return;
			n.depth++;
			n.acells = n.depth ? ac[n.depth] : 0;
			n.scells = n.depth ? sc[n.depth] : 0;
			ac[n.depth + 1] = 2;
			sc[n.depth + 1] = 1;
			n.name = structs(fdt, off + 4);
			n.props = next;
			n.compat = n.status = NULL;
			n.compat_len = 0;
			pending = 1;
		} else if (tok == FDT_END_NODE) {
			n.depth--;
		} else {
			return;		/* FDT_END or garbage */
		}
	}
}
