/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * fixdep: commit one build output and record how it was made.
 *
 *   fixdep DEPFILE|- TARGET CMDFILE COMMAND
 *
 * Reads gcc's -MD dependency file (unless "-"), writes CMDFILE, a make
 * fragment holding COMMAND and the target's dependencies, then renames
 * TARGET.tmp to TARGET and CMDFILE.tmp to CMDFILE, in that order: if we are
 * interrupted in between, the old CMDFILE no longer matches and make
 * rebuilds the target, so no stale output is ever taken as current.
 *
 * The dependency on the generated uk/bits/config.h is replaced by one on
 * include/config/<symbol>.h for each CONFIG_ symbol the sources and headers
 * mention (Kconfig touches that stamp when the symbol changes), so changing
 * one option rebuilds only the objects that use it.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#define AUTOCONF_HEADER "include/uk/bits/config.h"

static const char *prog = "fixdep";
static char *config_dir;	/* "<O>/include/config/" */

/* Symbols already emitted, as one string of "\nNAME\n" entries. */
static char *seen;
static size_t seen_len, seen_cap;

static void die(const char *what, const char *arg)
{
	fprintf(stderr, "%s: %s %s: %s\n", prog, what, arg, strerror(errno));
	exit(1);
}

static void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n);
	if (!p)
		die("out of memory", "");
	return p;
}

static int seen_add(const char *sym, size_t len)
{
	char key[256];

	if (len + 3 > sizeof(key))
		return 0;
	key[0] = '\n';
	memcpy(key + 1, sym, len);
	key[len + 1] = '\n';
	key[len + 2] = '\0';
	if (seen && strstr(seen, key))
		return 0;
	if (seen_len + len + 3 > seen_cap) {
		seen_cap = (seen_len + len + 3) * 2;
		seen = xrealloc(seen, seen_cap);
	}
	memcpy(seen + seen_len, key, len + 3);
	seen_len += len + 1;	/* keep the trailing '\n' as next separator */
	return 1;
}

/* CONFIG_FOO_BAR -> $(wildcard <O>/include/config/foo/bar.h) */
static void emit_config_dep(FILE *out, const char *sym, size_t len)
{
	size_t i;

	if (!seen_add(sym, len))
		return;
	fprintf(out, " \\\n  $(wildcard %s", config_dir);
	for (i = 0; i < len; i++)
		fputc(sym[i] == '_' ? '/' : tolower((unsigned char)sym[i]),
		      out);
	fputs(".h)", out);
}

static int is_ident(int c)
{
	return isalnum(c) || c == '_';
}

static void scan_file(FILE *out, const char *path)
{
	struct stat st;
	const char *p, *end;
	char *map;
	int fd;

	fd = open(path, O_RDONLY);
	if (fd < 0)
		die("cannot open", path);
	if (fstat(fd, &st) < 0)
		die("cannot stat", path);
	if (st.st_size == 0) {
		close(fd);
		return;
	}
	map = mmap(NULL, st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (map == MAP_FAILED)
		die("cannot map", path);
	end = map + st.st_size;
	for (p = map; p + 7 < end; p++) {
		const char *s;

		if (p[0] != 'C' || memcmp(p, "CONFIG_", 7) != 0)
			continue;
		if (p > map && is_ident((unsigned char)p[-1]))
			continue;
		s = p + 7;
		for (p = s; p < end && is_ident((unsigned char)*p); p++)
			;
		if (p > s)
			emit_config_dep(out, s, p - s);
	}
	munmap(map, st.st_size);
}

static int ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), m = strlen(suffix);

	return n >= m && strcmp(s + n - m, suffix) == 0;
}

/*
 * Write COMMAND so that make reads it back verbatim (after $(strip)):
 * "$" as "$$"; "#" as "\#", with the backslashes before it doubled (make
 * halves them); a newline as a space; a trailing backslash followed by a
 * space, so it does not continue the line.
 */
static void emit_make_string(FILE *out, const char *s)
{
	size_t k;

	while (*s) {
		for (k = 0; s[k] == '\\'; k++)
			;
		if (k) {
			int dbl = s[k] == '#';

			fwrite(s, 1, k, out);
			if (dbl)
				fwrite(s, 1, k, out);
			s += k;
			if (!*s)
				fputc(' ', out);
			continue;
		}
		if (*s == '$')
			fputc('$', out);
		else if (*s == '#')
			fputc('\\', out);
		fputc(*s == '\n' ? ' ' : *s, out);
		s++;
	}
}

static char *read_all(const char *path)
{
	FILE *f = fopen(path, "r");
	char *buf = NULL;
	size_t len = 0, n;

	if (!f)
		die("cannot open", path);
	do {
		buf = xrealloc(buf, len + 4097);
		n = fread(buf + len, 1, 4096, f);
		len += n;
	} while (n > 0);
	buf[len] = '\0';
	fclose(f);
	return buf;
}

/*
 * The next word of a make-syntax dependency list: words are separated by
 * unescaped blanks and backslash-newlines. RAW is the word as written (for
 * our output, also make syntax); PATH has gcc's and cargo's escapes ("\ ",
 * "\#", "$$") undone, to open the file.
 */
static char *next_word(char *p, char *raw, char *path)
{
	while (*p == ' ' || *p == '\t' || *p == '\n' ||
	       (p[0] == '\\' && p[1] == '\n'))
		p += *p == '\\' ? 2 : 1;
	if (!*p)
		return NULL;
	while (*p && *p != ' ' && *p != '\t' && *p != '\n') {
		if (p[0] == '\\' && p[1] == '\n')
			break;
		if (p[0] == '\\' && (p[1] == ' ' || p[1] == '#')) {
			*raw++ = *p++;
		} else if (p[0] == '$' && p[1] == '$') {
			*raw++ = *p++;
		}
		*raw++ = *p;
		*path++ = *p++;
	}
	*raw = *path = '\0';
	return p;
}

/* Dependencies: every word after the first ':' in the depfile. */
static void emit_deps(FILE *out, const char *target, char *dep)
{
	char *p = strchr(dep, ':');
	char *raw = xrealloc(NULL, strlen(dep) + 1);
	char *path = xrealloc(NULL, strlen(dep) + 1);

	if (!p)
		return;
	fprintf(out, "deps_%s :=", target);
	for (p++; (p = next_word(p, raw, path));) {
		if (ends_with(path, AUTOCONF_HEADER))
			continue;
		fprintf(out, " \\\n  %s", raw);
		scan_file(out, path);
	}
	/* Empty rules: a deleted header makes the object rebuild, not fail. */
	fprintf(out, "\n\n%s: $(deps_%s)\n\n$(deps_%s):\n", target, target,
		target);
	free(raw);
	free(path);
}

static void commit(const char *from_suffix, const char *to)
{
	char *from = xrealloc(NULL, strlen(to) + strlen(from_suffix) + 1);

	sprintf(from, "%s%s", to, from_suffix);
	if (rename(from, to) < 0)
		die("cannot rename", from);
	free(from);
}

int main(int argc, char **argv)
{
	const char *depfile, *target, *cmdfile, *cmd;
	char *tmpname;
	FILE *out;

	if (argc != 5) {
		fprintf(stderr,
			"usage: %s DEPFILE|- TARGET CMDFILE COMMAND\n", prog);
		return 2;
	}
	depfile = argv[1];
	target = argv[2];
	cmdfile = argv[3];
	cmd = argv[4];

	/* Stamps live in <O>/include/config: CMDFILE's dir is under <O>. */
	config_dir = getenv("KILN_CONFIG_DIR");
	if (!config_dir)
		config_dir = "include/config/";

	tmpname = xrealloc(NULL, strlen(cmdfile) + 5);
	sprintf(tmpname, "%s.tmp", cmdfile);
	out = fopen(tmpname, "w");
	if (!out)
		die("cannot create", tmpname);
	fprintf(out, "cmd_%s := ", target);
	emit_make_string(out, cmd);
	fputs("\n\n", out);
	if (strcmp(depfile, "-") != 0) {
		emit_deps(out, target, read_all(depfile));
		unlink(depfile);
	}
	if (fclose(out) != 0)
		die("cannot write", tmpname);

	commit(".tmp", target);
	commit(".tmp", cmdfile);
	free(tmpname);
	return 0;
}
