/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * ukimg: Kiln's image inspector.
 *   ukimg info IMG                       how it boots, its segments and notes
 *   ukimg check [-v] [--plat kvm|xen] IMG   one line per problem, exit 1
 *   ukimg size IMG.dbg [--map MAP] [--csv]  bytes per library
 * Exit status: 0 fine, 1 problems (or an unreadable image), 2 usage.
 * Images and maps must be regular files (up to 1 GiB and 64 MiB): a
 * FIFO, a device or a directory is one line and exit 1, never a wait.
 */
#include <string.h>
#include "ukimg.h"

static int usage(void)
{
	fputs("usage: ukimg info IMG\n"
	      "       ukimg check [-v] [--plat kvm|xen] IMG\n"
	      "       ukimg size IMG.dbg [--map FILE.map] [--csv]\n", stderr);
	return 2;
}

struct args {
	const char *img, *plat, *map;
	int verbose, csv;
};

static int args_parse(int argc, char **argv, struct args *a)
{
	int i;

	memset(a, 0, sizeof(*a));
	for (i = 2; i < argc; i++) {
		if (!strcmp(argv[i], "-v"))
			a->verbose = 1;
		else if (!strcmp(argv[i], "--csv"))
			a->csv = 1;
		else if (!strcmp(argv[i], "--plat") && i + 1 < argc)
			a->plat = argv[++i];
		else if (!strcmp(argv[i], "--map") && i + 1 < argc)
			a->map = argv[++i];
		else if (argv[i][0] == '-' || a->img)
			return -1;
		else
			a->img = argv[i];
	}
	if (!a->img)
		return -1;
	if (a->plat && strcmp(a->plat, "kvm") && strcmp(a->plat, "xen")) {
		fprintf(stderr, "ukimg: unknown platform '%s' (kvm or xen)\n",
			a->plat);
		return -1;
	}
	return 0;
}

int main(int argc, char **argv)
{
	struct args a;
	struct img img;
	int ret;

	if (argc < 2 || args_parse(argc, argv, &a))
		return usage();
	if (!strcmp(argv[1], "size"))
		return size_run(a.img, a.map, a.csv, stdout);
	if (strcmp(argv[1], "info") && strcmp(argv[1], "check"))
		return usage();
	if (img_load_file(&img, a.img)) {
		fprintf(stderr, "%s: %s\n", a.img, img.err);
		img_free(&img);
		return 1;
	}
	if (!strcmp(argv[1], "info")) {
		info_print(&img, stdout);
		ret = 0;
	} else {
		ret = check_run(&img, a.plat, a.verbose, stdout, stderr);
	}
	img_free(&img);
	return ret;
}
