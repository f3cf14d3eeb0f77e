/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * kconfig-check: what kconfig-frontends only warns about, or says
 * nothing about, made errors, using its own parser (libkconfig-parser)
 * so the rules are Kconfig's, not a look-alike's.
 *
 *   kconfig-check [--strict] CONFIG.UK [CONFIG-FILE]
 *
 * - a recursive dependency (kconfig prints it and goes on);
 * - an active `select`/`imply` of a symbol no Config.uk defines (kconfig
 *   ignores it, so an app would build without the library it asked for);
 * - in CONFIG-FILE: a value of the wrong type or a malformed line
 *   (kconfig warns, or not, and drops it), an int/hex value outside its
 *   `range` (kconfig silently takes the default), a file that is not a
 *   regular file (kconfig would block on a FIFO);
 * - with --strict (the build reading the user's file as it is): a
 *   setting of a symbol no Config.uk defines (a library missing from L=,
 *   a typo), and a setting Kconfig would change (its dependencies are
 *   off, a select forces another value, another choice member is set).
 *   Configuration goals (olddefconfig, menuconfig) may drop or change
 *   them; a build must not do it silently.
 *
 * Each problem is one line "error: FILE:LINE: ..." on stderr; the exit
 * status is 1 when there is one. Kconfig's other warnings pass through.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <kconfig/lkc.h>

static int errors;
static int saved_stderr = -1;
static FILE *captured;

static void error(const char *fmt, ...)
{
	va_list ap;

	fputs("error: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	errors++;
}

/* libkconfig-parser reports on stderr (and exits on syntax errors):
 * catch what it says, to turn some warnings into errors.
 */
static void capture_start(void)
{
	fflush(stderr);
	captured = tmpfile();
	saved_stderr = dup(2);
	if (!captured || saved_stderr < 0 || dup2(fileno(captured), 2) < 0) {
		perror("kconfig-check: capturing kconfig's messages");
		exit(2);
	}
}

static void capture_stop(void)
{
	fflush(stderr);
	dup2(saved_stderr, 2);
	close(saved_stderr);
	saved_stderr = -1;
	rewind(captured);
}

/* Kconfig exits by itself on a syntax error: say what it said. */
static void replay_on_exit(void)
{
	char line[4096];

	if (saved_stderr < 0)
		return;
	capture_stop();
	while (fgets(line, sizeof(line), captured))
		fputs(line, stderr);
}

/* "FILE:LINE:warning: TEXT" -> its parts, or 0. */
static int split_message(char *line, char **where, char **kind, char **text)
{
	char *p = line, *colon;
	int n;

	for (n = 0; n < 2; n++) {
		colon = strchr(p, ':');
		if (!colon)
			return 0;
		p = colon + 1;
	}
	colon = strchr(p, ':');
	if (!colon)
		return 0;
	p[-1] = '\0';
	*colon = '\0';
	*where = line;
	*kind = p;
	*text = colon + 1;
	while (**text == ' ')
		(*text)++;
	return 1;
}

/*
 * What kconfig said: a recursive dependency (several lines) becomes one
 * error line; invalid values and malformed lines become errors; the rest
 * is passed on.
 */
static void translate(void)
{
	char line[4096], chain[8192] = "", loc[1024] = "";
	char *where, *kind, *text;
	int in_recursion = 0;

	while (fgets(line, sizeof(line), captured)) {
		char copy[4096];

		line[strcspn(line, "\n")] = '\0';
		strcpy(copy, line);
		if (strstr(line, "recursive dependency detected")) {
			if (in_recursion)
				error("%s: recursive dependency: %s", loc, chain);
			in_recursion = 1;
			chain[0] = '\0';
			snprintf(loc, sizeof(loc), "%.*s",
				 (int)(strstr(line, ":error:") ?
				       strstr(line, ":error:") - line :
				       (long)strlen(line)), line);
			continue;
		}
		if (in_recursion) {
			char *tab = strchr(line, '\t');

			if (tab) {
				size_t len = strlen(chain);

				snprintf(chain + len, sizeof(chain) - len,
					 "%s%s", len ? "; " : "", tab + 1);
			}
			continue;	/* and skip the "refer to" lines */
		}
		if (split_message(line, &where, &kind, &text) &&
		    strcmp(kind, "warning") == 0 &&
		    (strstr(text, "invalid for") ||
		     strstr(text, "unexpected data"))) {
			error("%s: %s", where, text);
			continue;
		}
		fprintf(stderr, "%s\n", copy);
	}
	if (in_recursion)
		error("%s: recursive dependency: %s", loc, chain);
	fclose(captured);
	captured = NULL;
}

/* The line that sets <name> ("CONFIG_<name>=..." or "# CONFIG_<name> is
 * not set") in the configuration file (the last one counts), or 0.
 */
static int line_of(const char *file, const char *name)
{
	char line[4096];
	size_t n = strlen(name);
	int lineno = 0, found = 0;
	FILE *f = fopen(file, "r");

	if (!f)
		return 0;
	while (fgets(line, sizeof(line), f)) {
		const char *p = line;

		lineno++;
		if (strncmp(p, "# ", 2) == 0)
			p += 2;
		if (strncmp(p, "CONFIG_", 7) == 0 &&
		    strncmp(p + 7, name, n) == 0 &&
		    (p[7 + n] == '=' || (p != line &&
					 !strcmp(p + 7 + n, " is not set\n"))))
			found = lineno;
	}
	fclose(f);
	return found;
}

static const char *bound(struct symbol *s)
{
	sym_calc_value(s);
	return sym_get_string_value(s);
}

/* int and hex values the user gave that Kconfig would replace. */
static void check_ranges(const char *file)
{
	struct symbol *sym;
	struct property *p;
	int i;

	for_all_symbols(i, sym) {
		const char *v;

		if (!sym->name || !sym_has_value(sym) ||
		    (sym->type != S_INT && sym->type != S_HEX))
			continue;
		v = sym->def[S_DEF_USER].val;
		if (sym_string_within_range(sym, v))
			continue;
		for_all_properties(sym, p, P_RANGE)
			if (expr_calc_value(p->visible.expr) != no)
				break;
		error("%s:%d: CONFIG_%s=%s is out of range (%s to %s, %s:%d)",
		      file, line_of(file, sym->name), sym->name, v,
		      p ? bound(p->expr->left.sym) : "?",
		      p ? bound(p->expr->right.sym) : "?",
		      p ? p->file->name : "?", p ? p->lineno : 0);
	}
}

/* Selects and implies that are active and name an undefined symbol. */
static void check_selects(void)
{
	struct symbol *sym;
	struct property *p;
	int i;

	for_all_symbols(i, sym) {
		if (!sym->name)
			continue;
		sym_calc_value(sym);
		for (p = sym->prop; p; p = p->next) {
			struct symbol *t;

			if (p->type != P_SELECT && p->type != P_IMPLY)
				continue;
			t = p->expr->left.sym;
			if (t->type != S_UNKNOWN)
				continue;
			/* Only when it would take effect: the selecting
			 * symbol is on and the `if` part holds.
			 */
			if (sym_get_tristate_value(sym) == no ||
			    expr_calc_value(p->visible.expr) == no)
				continue;
			error("%s:%d: %s %s, which no Config.uk defines "
			      "(unknown library?)", p->file->name, p->lineno,
			      p->type == P_SELECT ? "selects" : "implies",
			      t->name);
		}
	}
}

/* Each CONFIG_ line: a setting Kconfig took, of a symbol it knows. */
static void check_lines(const char *file, int strict)
{
	char line[4096];
	int lineno = 0;
	FILE *f = fopen(file, "r");

	if (!f)
		return;
	while (fgets(line, sizeof(line), f)) {
		struct symbol *sym;
		size_t n;

		lineno++;
		line[strcspn(line, "\n")] = '\0';
		if (strncmp(line, "CONFIG_", 7) != 0)
			continue;	/* comments; kconfig reports the rest */
		n = strspn(line + 7, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
			   "abcdefghijklmnopqrstuvwxyz0123456789_");
		if (line[7 + n] != '=') {
			error("%s:%d: not a setting (CONFIG_NAME=value): %s",
			      file, lineno, line);
			continue;
		}
		line[7 + n] = '\0';
		sym = sym_find(line + 7);
		if (!sym || sym->type == S_UNKNOWN) {
			if (strict)
				error("%s:%d: CONFIG_%s is set, but no Config.uk "
				      "defines it (a library missing from L=? a "
				      "typo?); make olddefconfig drops it",
				      file, lineno, line + 7);
			continue;
		}
		if (!sym_has_value(sym))
			error("%s:%d: CONFIG_%s=%s is not a value Kconfig takes "
			      "for a %s%s", file, lineno, line + 7,
			      line + 8 + n, sym_type_name(sym->type),
			      sym->type == S_STRING ? " (in double quotes)" : "");
	}
	fclose(f);
}

static int has_prompt(struct symbol *sym)
{
	struct property *p;

	for_all_prompts(sym, p)
		return 1;
	return 0;
}

static const char *expr_text(struct expr *e, struct gstr *gs)
{
	*gs = str_new();
	expr_gstr_print(e, gs);
	return str_get(gs);
}

/* Settings the user can make that Kconfig would not keep. */
static void check_kept(const char *file)
{
	struct symbol *sym;
	int i;

	for_all_symbols(i, sym) {
		const char *want, *got;
		struct gstr gs;

		if (!sym->name || !sym_has_value(sym) || !has_prompt(sym))
			continue;
		sym_calc_value(sym);
		if (sym->type == S_BOOLEAN || sym->type == S_TRISTATE) {
			tristate t = sym->def[S_DEF_USER].tri;

			if (t == sym_get_tristate_value(sym))
				continue;
			want = t == yes ? "y" : t == mod ? "m" : "n";
		} else {
			want = sym->def[S_DEF_USER].val;
			if (!sym_string_within_range(sym, want) ||
			    !strcmp(want, sym_get_string_value(sym)))
				continue;	/* (ranges: check_ranges) */
		}
		got = sym_get_string_value(sym);
		if (sym_is_choice_value(sym))
			error("%s:%d: CONFIG_%s=%s: another member of its choice "
			      "is set", file, line_of(file, sym->name), sym->name,
			      want);
		else if (sym->rev_dep.tri != no &&
			 sym->rev_dep.tri > sym->def[S_DEF_USER].tri)
			error("%s:%d: CONFIG_%s=%s: Kconfig makes it %s, as it is "
			      "selected by %s", file, line_of(file, sym->name),
			      sym->name, want, got,
			      expr_text(sym->rev_dep.expr, &gs));
		else if (sym->dir_dep.expr && sym->dir_dep.tri == no)
			error("%s:%d: CONFIG_%s=%s: Kconfig makes it %s, as it "
			      "depends on %s", file, line_of(file, sym->name),
			      sym->name, want, got,
			      expr_text(sym->dir_dep.expr, &gs));
		else
			error("%s:%d: CONFIG_%s=%s: Kconfig makes it %s",
			      file, line_of(file, sym->name), sym->name, want,
			      got);
	}
}

/* Kconfig reads a FIFO or device forever: only regular files. */
static int regular_file(const char *file)
{
	struct stat st;
	int fd = open(file, O_RDONLY | O_NONBLOCK | O_NOCTTY);

	if (fd < 0) {
		if (errno == ENOENT)
			return 0;
		error("%s: %s", file, strerror(errno));
		return 0;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		error("%s: not a regular file", file);
		close(fd);
		return 0;
	}
	close(fd);
	return 1;
}

int main(int argc, char **argv)
{
	int strict = argc > 1 && !strcmp(argv[1], "--strict");
	const char *config, *kconfig;
	int have_config;

	argc -= strict;
	argv += strict;
	if (argc < 2 || argc > 3) {
		fprintf(stderr, "usage: kconfig-check [--strict] CONFIG.UK "
			"[CONFIG-FILE]\n");
		return 2;
	}
	kconfig = argv[1];
	config = argc > 2 ? argv[2] : NULL;
	have_config = config && regular_file(config);
	if (errors)
		return 1;

	atexit(replay_on_exit);
	capture_start();
	conf_parse(kconfig);
	if (have_config)
		conf_read_simple(config, S_DEF_USER);
	capture_stop();
	translate();

	if (have_config) {
		check_lines(config, strict);
		check_ranges(config);
		if (strict)
			check_kept(config);
	}
	check_selects();
	return errors ? 1 : 0;
}
