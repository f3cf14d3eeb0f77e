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
#define H_TOTALSIZE	1
#define H_OFF_STRUCT	2
#define H_OFF_STRINGS	3
#define H_OFF_RSVMAP	4
#define H_VERSION	5
#define H_SIZE_STRINGS	8
#define H_SIZE_STRUCT	9
#define H_SIZE		40	/* bytes, version 17 */

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

/* Length of s, or max when its first max bytes hold no NUL. */
static uint32_t slen(const char *s, uint32_t max)
{
	uint32_t n = 0;

	while (n < max && s[n])
		n++;
	return n;
}

/* Whether [off, off + len) lies in the blob; no sum can wrap. */
static int in_blob(const void *fdt, uint32_t off, uint32_t len)
{
	uint32_t total = hdr(fdt, H_TOTALSIZE);

	return off >= H_SIZE && off <= total && len <= total - off;
}

/*
 * Every later read stays inside the blocks checked here. The strings
 * block must end in a NUL, so that any name offset inside it gives a
 * terminated string.
 */
int fdt_check(const void *fdt)
{
	uint32_t strs, nstrs;

	if (!fdt || !IS_ALIGNED((uintptr_t)fdt, 8) ||
	    hdr(fdt, H_MAGIC) != FDT_MAGIC || hdr(fdt, H_VERSION) < 17)
		return -1;
	strs = hdr(fdt, H_OFF_STRINGS);
	nstrs = hdr(fdt, H_SIZE_STRINGS);
	if (!in_blob(fdt, hdr(fdt, H_OFF_STRUCT), hdr(fdt, H_SIZE_STRUCT)) ||
	    !IS_ALIGNED(hdr(fdt, H_OFF_STRUCT), 4) ||
	    !in_blob(fdt, hdr(fdt, H_OFF_RSVMAP), 16) ||
	    !IS_ALIGNED(hdr(fdt, H_OFF_RSVMAP), 8) ||
	    !in_blob(fdt, strs, nstrs) ||
	    (nstrs && ((const char *)fdt)[strs + nstrs - 1]))
		return -1;
	return 0;
}

int fdt_memreserve(const void *fdt, int i, uint64_t *base, uint64_t *size)
{
	uint64_t off = hdr(fdt, H_OFF_RSVMAP) + 16ULL * i;

	/* A map without its terminating entry ends at the blob's end. */
	if (i < 0 || off + 16 > hdr(fdt, H_TOTALSIZE))
		return -1;
	*base = fdt_cells((const char *)fdt + off, 2);
	*size = fdt_cells((const char *)fdt + off + 8, 2);
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

/*
 * The token at off in the structure block; *next is the one after it.
 * A token that does not fit in the block reads as FDT_END, so every
 * loop over tokens moves forward and ends inside the block.
 */
static uint32_t token(const void *fdt, uint32_t off, uint32_t *next)
{
	const char *s = (const char *)fdt + hdr(fdt, H_OFF_STRUCT);
	uint32_t end = hdr(fdt, H_SIZE_STRUCT), tok;
	uint64_t n = (uint64_t)off + 4;

	if (n > end)
		return FDT_END;
	tok = be32(s + off);
	switch (tok) {
	case FDT_BEGIN_NODE:
		/* the name and its NUL */
		n += slen(s + n, end - n) + 1;
		break;
	case FDT_PROP:
		if (n + 8 > end)
			return FDT_END;
		n += 8 + (uint64_t)be32(s + n);
		break;
	}
	n = ALIGN_UP(n, 4);
	if (n > end)
		return FDT_END;
	*next = n;
	return tok;
}

static const char *structs(const void *fdt, uint32_t off)
{
	return (const char *)fdt + hdr(fdt, H_OFF_STRUCT) + off;
}

/* The name of the property at off; "" when its offset is bad. */
static const char *prop_name(const void *fdt, uint32_t off)
{
	uint32_t name = be32(structs(fdt, off + 8));

	if (name >= hdr(fdt, H_SIZE_STRINGS))
		return "";
	return (const char *)fdt + hdr(fdt, H_OFF_STRINGS) + name;
}

/* Whether a string value is terminated inside its property. */
static int terminated(const char *v, uint32_t len)
{
	return v && len && !v[len - 1];
}

const char *fdt_prop_str(const struct fdt_node *n, const char *name)
{
	uint32_t len;
	const char *v = fdt_prop(n, name, &len);

	return terminated(v, len) ? v : NULL;
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

	if (!terminated(v, len))
		return 0;
	for (i = 0; i < len; i += slen(v + i, len - i) + 1)
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
	uint32_t ac[FDT_DEPTH_MAX + 1], sc[FDT_DEPTH_MAX + 1];
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
			uint32_t len = be32(structs(fdt, off + 4));

			/* What every visit asks for is noted on the way:
			 * the walk is most of the boot's device tree time.
			 */
			if (!pending)
				continue;
			if (streq(name, "#address-cells") && len == 4)
				ac[n.depth + 1] = be32(v);
			else if (streq(name, "#size-cells") && len == 4)
				sc[n.depth + 1] = be32(v);
			else if (streq(name, "compatible") &&
				 terminated(v, len)) {
				n.compat = v;
				n.compat_len = len;
			} else if (streq(name, "status")) {
				/* a malformed status is not "okay" */
				n.status = terminated(v, len) ? v : "";
			}
			continue;
		}
		if (tok == FDT_NOP)
			continue;
		if (pending) {
			visit(&n, arg);
			pending = 0;
		}
		if (tok == FDT_BEGIN_NODE) {
			/* ac[n.depth + 1] of the new node must exist */
			if (n.depth + 2 >= (int)ARRAY_SIZE(ac))
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
			/* Nothing but FDT_END may follow the root's end. */
			if (--n.depth < 0)
				return;
		} else {
			return;		/* FDT_END or garbage */
		}
	}
}
