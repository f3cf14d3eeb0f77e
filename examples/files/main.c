/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Files through plain POSIX calls: lists the root (an initrd's tree when
 * booted with one: make run INITRD=rootfs), reads a file from it, then
 * writes, renames, lists and deletes files in /tmp (an in-memory tmpfs;
 * the initrd's files can be changed too, in memory). Any directory
 * given as an argument is used instead of /tmp (a host share, say).
 * Exits 1 at the first call that fails, naming it.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void check(int ok, const char *what)
{
	if (!ok) {
		fprintf(stderr, "files: %s: %s\n", what, strerror(errno));
		exit(1);
	}
}

static void list(const char *dir)
{
	struct dirent *e;
	struct stat st;
	char path[512];
	DIR *d = opendir(dir);

	check(d != NULL, dir);
	printf("%s:\n", dir);
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		check(lstat(path, &st) == 0, path);
		printf("  %-12s %s %lld bytes\n", e->d_name,
		       S_ISDIR(st.st_mode) ? "dir " :
		       S_ISLNK(st.st_mode) ? "link" : "file",
		       (long long)st.st_size);
	}
	closedir(d);
}

static void show(const char *path)
{
	char buf[256];
	ssize_t n;
	int fd = open(path, O_RDONLY);

	check(fd >= 0, path);
	n = read(fd, buf, sizeof(buf) - 1);
	check(n >= 0, path);
	buf[n] = '\0';
	printf("%s says: %s", path, buf);
	close(fd);
}

int main(int argc, char *argv[])
{
	const char *dir = argc > 1 ? argv[1] : "/tmp";
	char a[256], b[256];
	FILE *f;

	list("/");
	if (access("/etc/motd", F_OK) == 0)
		show("/etc/motd");
	else
		printf("no /etc/motd: booted without the initrd (make run INITRD=rootfs)\n");

	snprintf(a, sizeof(a), "%s/notes.txt", dir);
	snprintf(b, sizeof(b), "%s/renamed.txt", dir);
	f = fopen(a, "w");
	check(f != NULL, a);
	fprintf(f, "written by the guest\n");
	check(fclose(f) == 0, a);
	check(rename(a, b) == 0, "rename");
	list(dir);
	show(b);
	check(unlink(b) == 0, b);
	check(access(b, F_OK) == -1 && errno == ENOENT, "unlink left the file");
	printf("%s removed; done\n", b);
	return 0;
}
