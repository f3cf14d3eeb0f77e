/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * GNU ld link map reader: the "Linker script and memory map" part lists
 * each output section at column 0 and, indented under it, each input
 * section with its address, size and object. A name too long for its
 * column goes on a line of its own, the numbers on the next one.
 */
#define _GNU_SOURCE	/* getline */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "map.h"

#define MAX_TOK 4

struct toks {
	int n;
	const char *s[MAX_TOK];
	size_t len[MAX_TOK];
	const char *rest[MAX_TOK];	/* from token i to the end */
};

static void tokenize(const char *line, struct toks *t)
{
	const char *p = line;

	t->n = 0;
	while (t->n < MAX_TOK) {
		while (isspace((unsigned char)*p))
			p++;
		if (!*p)
			break;
		t->s[t->n] = p;
		t->rest[t->n] = p;
		while (*p && !isspace((unsigned char)*p))
			p++;
		t->len[t->n] = p - t->s[t->n];
		t->n++;
	}
}

static int tok_hex(const struct toks *t, int i, uint64_t *v)
{
	const char *s;
	size_t k;

	/* Tokens past t->n were never set: check before reading. */
	if (i >= t->n)
		return 0;
	s = t->s[i];
	if (t->len[i] < 3 || t->len[i] > 18 || s[0] != '0' || s[1] != 'x')
		return 0;
	*v = 0;
	for (k = 2; k < t->len[i]; k++) {
		if (!isxdigit((unsigned char)s[k]))
			return 0;
		*v = *v << 4 | (isdigit((unsigned char)s[k]) ? s[k] - '0' :
				(tolower((unsigned char)s[k]) - 'a' + 10));
	}
	return 1;
}

static int tok_is(const struct toks *t, int i, const char *w)
{
	return i < t->n && t->len[i] == strlen(w) && !memcmp(t->s[i], w,
							      t->len[i]);
}

/* Linker-made data (LONG 0x1badb002 ...) has no object: skip it. */
static int data_statement(const struct toks *t)
{
	static const char *const kw[] = {
		"BYTE", "SHORT", "LONG", "QUAD", "SQUAD", "FILL", "ASCIZ",
	};
	size_t i;

	for (i = 0; i < sizeof(kw) / sizeof(kw[0]); i++)
		if (tok_is(t, 0, kw[i]))
			return 1;
	return 0;
}

static void copy_tok(char *dst, size_t n, const struct toks *t, int i)
{
	size_t len = t->len[i] < n - 1 ? t->len[i] : n - 1;

	memcpy(dst, t->s[i], len);
	dst[len] = 0;
}

struct state {
	char out[256];		/* current output section, "" for none */
	char pend_out[256];	/* output section name awaiting numbers */
	int pend_in;		/* input section name awaiting numbers */
};

static void indented(struct state *s, const struct toks *t,
		     const struct map_cb *cb)
{
	uint64_t a, sz;

	if (s->pend_out[0]) {
		if (tok_hex(t, 0, &a) && tok_hex(t, 1, &sz)) {
			strcpy(s->out, s->pend_out);
			cb->out(cb->ctx, s->out, a, sz);
		}
		s->pend_out[0] = 0;
		return;
	}
	if (!s->out[0])
		return;
	if (tok_hex(t, 0, &a)) {
		/* Numbers of a wrapped input section, or a symbol. */
		if (s->pend_in && tok_hex(t, 1, &sz) && t->n > 2)
			cb->in(cb->ctx, s->out, a, sz, t->rest[2]);
		s->pend_in = 0;
		return;
	}
	s->pend_in = 0;
	if (t->s[0][0] == '*' || t->s[0][0] == '[' || data_statement(t))
		return;
	if (t->n == 1)
		s->pend_in = 1;
	else if (t->n == 4 && tok_hex(t, 1, &a) && tok_hex(t, 2, &sz))
		cb->in(cb->ctx, s->out, a, sz, t->rest[3]);
}

static void line_do(struct state *s, const char *line,
		    const struct map_cb *cb)
{
	struct toks t;
	uint64_t a, sz;

	tokenize(line, &t);
	if (!t.n) {
		s->pend_out[0] = 0;
		s->pend_in = 0;
		return;
	}
	if (isspace((unsigned char)line[0])) {
		indented(s, &t, cb);
		return;
	}
	s->out[0] = s->pend_out[0] = 0;
	s->pend_in = 0;
	if (t.n == 1) {
		copy_tok(s->pend_out, sizeof(s->pend_out), &t, 0);
	} else if (tok_hex(&t, 1, &a) && tok_hex(&t, 2, &sz)) {
		copy_tok(s->out, sizeof(s->out), &t, 0);
		cb->out(cb->ctx, s->out, a, sz);
	}
}

int map_parse(FILE *f, const struct map_cb *cb)
{
	struct state s = { "", "", 0 };
	char *line = NULL, *p;
	size_t cap = 0;
	int in_map = 0;
	ssize_t n;

	while ((n = getline(&line, &cap, f)) > 0) {
		/* A NUL inside the line ends it: nothing after it counts. */
		for (p = line + strlen(line);
		     p > line && isspace((unsigned char)p[-1]); p--)
			;
		*p = 0;
		if (!in_map) {
			in_map = !strcmp(line, "Linker script and memory map");
			continue;
		}
		if (!strcmp(line, "Cross Reference Table"))
			break;
		line_do(&s, line, cb);
	}
	free(line);
	return in_map ? 0 : -1;
}
