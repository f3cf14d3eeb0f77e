/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * tests/share-9p.t's guest: in the host directory shared at argv[1]
 * (make run SHARE=dir:/path), lists, reads, writes, renames, makes and
 * removes directories, links and files, and walks ".." above the share
 * root, printing one line per result for the host to check; the host
 * then looks at the directory itself. Exits 1 at a call that fails
 * unexpectedly, naming it.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/time.h>
#include <unistd.h>

extern char **environ;
static const char *share;

static void check(int ok, const char *what)
{
	if (!ok) {
		printf("FAILED: %s: %s\n", what, strerror(errno));
		exit(1);
	}
}

static const char *at(const char *name)
{
	static char bufs[4][512];
	static int i;
	char *b = bufs[i++ % 4];

	snprintf(b, 512, "%s/%s", share, name);
	return b;
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names in dir, sorted, on one line; the count of them. */
static int list(const char *label, const char *dir, int print)
{
	static char *names[2048];
	struct dirent *e;
	DIR *d = opendir(dir);
	int n = 0, i;

	check(d != NULL, dir);
	while ((e = readdir(d)) && n < 2048)
		names[n++] = strdup(e->d_name);
	closedir(d);
	qsort(names, n, sizeof(*names), cmp_names);
	if (print) {
		printf("%s:", label);
		for (i = 0; i < n; i++)
			printf(" %s", names[i]);
		printf("\n");
	}
	for (i = 0; i < n; i++)
		free(names[i]);
	return n;
}

static unsigned char pattern(size_t i)
{
	return (unsigned char)(i * 7 + 3 + (i >> 8));
}

/* Copies a file in pieces bigger than one 9p message; bytes or -1. */
static long long copy_file(const char *from, const char *to)
{
	static char buf[200000];
	long long total = 0;
	ssize_t n;
	int in = open(from, O_RDONLY), out;

	if (in < 0)
		return -1;
	out = open(to, O_CREAT | O_WRONLY | O_TRUNC, 0644);
	if (out < 0)
		return -1;
	while ((n = read(in, buf, sizeof(buf))) > 0) {
		if (write(out, buf, n) != n)
			return -1;
		total += n;
	}
	close(in);
	return close(out) || n < 0 ? -1 : total;
}

static void show(const char *label, const char *path)
{
	char buf[256];
	ssize_t n;
	int fd = open(path, O_RDONLY);

	check(fd >= 0, path);
	n = read(fd, buf, sizeof(buf) - 1);
	check(n >= 0, path);
	buf[n] = '\0';
	buf[strcspn(buf, "\n")] = '\0';
	printf("%s: %s\n", label, buf);
	close(fd);
}

int main(int argc, char *argv[])
{
	static unsigned char big[20000];
	struct stat st, root, up;
	char buf[512];
	ssize_t n;
	size_t i;
	int fd, rc;

	share = argc > 1 ? argv[1] : "/share";
	printf("args: %d\n", argc);
	check(stat(share, &st) == 0, share);
	check(stat("/", &root) == 0, "/");
	printf("mounted: %s\n", st.st_dev != root.st_dev ? "yes" : "no");
	{
		struct statfs sf;

		check(statfs(share, &sf) == 0, "statfs");
		printf("statfs: type %lx\n", (unsigned long)sf.f_type);
	}
	list("ls", share, 1);
	show("hello", at("hello.txt"));

	/* Kernel words are neither arguments nor environment. */
	for (i = 0; environ[i]; i++)
		if (strstr(environ[i], "kiln"))
			printf("env: %s\n", environ[i]);

	/* A file bigger than one message, copied (the host compares). */
	printf("copied: %lld bytes\n", copy_file(at("big.bin"),
						  at("copy.bin")));

	/* A new file of known bytes, in several writes. */
	for (i = 0; i < sizeof(big); i++)
		big[i] = pattern(i);
	fd = open(at("written.bin"), O_CREAT | O_WRONLY | O_EXCL, 0640);
	check(fd >= 0, "create written.bin");
	check(write(fd, big, 7000) == 7000, "write 7000");
	check(write(fd, big + 7000, sizeof(big) - 7000) ==
	      (ssize_t)(sizeof(big) - 7000), "write the rest");
	check(fstat(fd, &st) == 0, "fstat");
	printf("written: size %lld mode %o\n", (long long)st.st_size,
	       st.st_mode & 07777);
	check(close(fd) == 0, "close");
	fd = open(at("written.bin"), O_RDONLY);
	check(fd >= 0, "open written.bin");
	memset(buf, 0, sizeof(buf));
	check(pread(fd, buf, 100, 19950) == 50, "pread at the end");
	printf("written.bin read back: %s\n",
	       memcmp(buf, big + 19950, 50) ? "differs" : "ok");
	close(fd);
	check(rename(at("written.bin"), at("renamed.bin")) == 0, "rename");
	printf("renamed: %s\n", access(at("written.bin"), F_OK) ? "old gone"
								: "old there");

	/* Appending, truncating, modes and times reach the host. */
	fd = open(at("append.txt"), O_WRONLY | O_APPEND);
	check(fd >= 0, "open append.txt");
	check(write(fd, "two\n", 4) == 4, "append");
	close(fd);
	check(truncate(at("trunc.txt"), 3) == 0, "truncate");
	check(chmod(at("hello.txt"), 0604) == 0, "chmod");
	{
		struct timeval tv[2] = { { 1000000000, 0 }, { 1234567890, 0 } };

		check(utimes(at("hello.txt"), tv) == 0, "utimes");
	}
	rc = chown(at("append.txt"), 4321, 4321);
	check(stat(at("append.txt"), &st) == 0, "stat append.txt");
	printf("chown: %s, owner %u:%u\n", rc ? strerror(errno) : "ok",
	       (unsigned)st.st_uid, (unsigned)st.st_gid);
	check(stat(at("hello.txt"), &st) == 0, "stat hello.txt");
	printf("hello.txt: mode %o mtime %lld\n", st.st_mode & 07777,
	       (long long)st.st_mtime);

	/* Directories. */
	check(mkdir(at("newdir"), 0755) == 0, "mkdir newdir");
	check(mkdir(at("newdir/sub"), 0700) == 0, "mkdir newdir/sub");
	rc = rmdir(at("newdir"));
	printf("rmdir non-empty: %s\n", rc ? strerror(errno) : "removed?!");
	check(rmdir(at("newdir/sub")) == 0, "rmdir newdir/sub");
	check(rmdir(at("newdir")) == 0, "rmdir newdir");
	printf("newdir: %s\n", access(at("newdir"), F_OK) ? "gone" : "there");
	check(mkdir(at("keepdir"), 0750) == 0, "mkdir keepdir");
	fd = open(at("keepdir/inner.txt"), O_CREAT | O_WRONLY, 0600);
	check(fd >= 0 && write(fd, "inner\n", 6) == 6, "keepdir/inner.txt");
	close(fd);

	/* Links. */
	check(symlink("hello.txt", at("link")) == 0, "symlink");
	n = readlink(at("link"), buf, sizeof(buf) - 1);
	check(n >= 0, "readlink");
	buf[n] = '\0';
	printf("readlink: %s\n", buf);
	show("through the link", at("link"));
	check(link(at("renamed.bin"), at("hard.bin")) == 0, "link");
	check(stat(at("hard.bin"), &st) == 0, "stat hard.bin");
	printf("hard link: nlink %lu\n", (unsigned long)st.st_nlink);

	/* Removing. */
	check(unlink(at("delete-me.txt")) == 0, "unlink delete-me.txt");
	rc = stat(at("delete-me.txt"), &st);
	printf("deleted: %s\n", rc && errno == ENOENT ? "ENOENT" : "still there");
	rc = unlink(at("no-such-file"));
	printf("unlink missing: %s\n", rc ? strerror(errno) : "ok?!");
	rc = open(at("hello.txt/x"), O_RDONLY);
	printf("open under a file: %s\n", rc < 0 ? strerror(errno) : "ok?!");

	/* A directory bigger than one Treaddir. */
	printf("many: %d entries\n", list("many", at("many"), 0));

	/* The working directory inside, and ".." above the share root. */
	check(chdir(at("sub")) == 0, "chdir sub");
	check(getcwd(buf, sizeof(buf)) != NULL, "getcwd");
	printf("cwd: %s\n", buf);
	show("relative", "../hello.txt");
	check(chdir(share) == 0, "chdir share");
	check(stat("..", &up) == 0, "stat ..");
	check(stat(at("../.."), &st) == 0, "stat share/../..");
	printf("dotdot: %s\n", up.st_dev == root.st_dev ? "guest" : "host");
	list("dotdot ls", "..", 1);
	rc = stat("../outside.txt", &st);
	printf("outside via ..: %s\n", rc && errno == ENOENT ? "ENOENT"
							     : "reachable");
	rc = stat(at("sub/../../outside.txt"), &st);
	printf("outside via sub/../..: %s\n", rc && errno == ENOENT ? "ENOENT"
								    : "reachable");
	check(chdir("/") == 0, "chdir /");
	printf("done\n");
	return 0;
}
