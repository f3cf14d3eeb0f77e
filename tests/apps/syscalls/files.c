/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * "files" and "pipes": the file system calls in a fresh directory under
 * /tmp (Kiln's tmpfs; the host's /tmp), names relative to it, so that
 * every line can be compared with what Linux answers. Listings are
 * sorted (directory order differs between file systems).
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "sc.h"

#define W "files"

static int cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* "files: ls DIR = a b c/ link@" (sorted, . and .. included). */
static void ls(const char *dir)
{
	char *names[64], what[64];
	struct dirent *e;
	size_t n = 0, i;
	DIR *d = opendir(dir);

	snprintf(what, sizeof(what), "ls %s", dir);
	if (!d) {
		say(W, what, -1);
		return;
	}
	while ((e = readdir(d)) && n < 64) {
		names[n] = malloc(strlen(e->d_name) + 2);
		sprintf(names[n++], "%s%s", e->d_name,
			e->d_type == DT_DIR ? "/" : e->d_type == DT_LNK ? "@" : "");
	}
	closedir(d);
	qsort(names, n, sizeof(names[0]), cmp);
	printf("%s: %s =", W, what);
	for (i = 0; i < n; i++) {
		printf(" %s", names[i]);
		free(names[i]);
	}
	printf("\n");
}

static long put(const char *name, const char *text)
{
	int fd = open(name, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	long r;

	if (fd < 0)
		return -1;
	r = write(fd, text, strlen(text));
	close(fd);
	return r;
}

/* The file's bytes as a line: "files: cat NAME = text" or the error. */
static void cat(const char *name)
{
	char buf[256], what[300];
	int fd = open(name, O_RDONLY);
	ssize_t n;

	snprintf(what, sizeof(what), "cat %s", name);
	if (fd < 0) {
		say(W, what, -1);
		return;
	}
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	buf[n < 0 ? 0 : n] = '\0';
	printf("%s: %s = \"%s\"\n", W, what, buf);
}

static void basics(void)
{
	struct stat st;
	char buf[64];
	int fd, fd2;

	fd = open("a", O_RDWR | O_CREAT | O_EXCL, 0666);
	val(W, "creat a: a new descriptor", fd >= 3);
	say(W, "creat a again, O_EXCL", open("a", O_RDWR | O_CREAT | O_EXCL, 0666));
	say(W, "write 11 bytes", write(fd, "hello world", 11));
	say(W, "lseek to 6", lseek(fd, 6, SEEK_SET));
	say(W, "read 5", read(fd, buf, 5));
	say(W, "read at the end", read(fd, buf, 5));
	say(W, "pwrite at 0", pwrite(fd, "J", 1, 0));
	say(W, "pread 5 at 0", pread(fd, buf, 5, 0));
	val(W, "pread gave Jello", !memcmp(buf, "Jello", 5));
	say(W, "lseek SEEK_CUR after pread", lseek(fd, 0, SEEK_CUR));
	say(W, "lseek to -1", lseek(fd, -1, SEEK_SET));
	say(W, "lseek whence 99", lseek(fd, 0, 99));
	say(W, "lseek SEEK_END + 4", lseek(fd, 4, SEEK_END));
	say(W, "write past the end", write(fd, "!", 1));
	say(W, "fstat", fstat(fd, &st));
	val(W, "size", st.st_size);
	val(W, "a regular file, mode 0644 (umask 022)",
	    S_ISREG(st.st_mode) && (st.st_mode & 0777) == 0644);
	val(W, "one link", st.st_nlink);
	say(W, "pread the gap", pread(fd, buf, 4, 11));
	val(W, "the gap is zeros", !memcmp(buf, "\0\0\0\0", 4));
	say(W, "ftruncate to 5", ftruncate(fd, 5));
	say(W, "ftruncate to -1", ftruncate(fd, -1));
	say(W, "fsync", fsync(fd));
	say(W, "fdatasync", fdatasync(fd));
	close(fd);
	cat("a");
	fd = open("a", O_RDONLY);
	say(W, "write to an O_RDONLY file", write(fd, "x", 1));
	say(W, "ftruncate an O_RDONLY file", ftruncate(fd, 0));
	fd2 = dup(fd);
	say(W, "read 2 through fd", read(fd, buf, 2));
	say(W, "dup shares the offset", lseek(fd2, 0, SEEK_CUR));
	say(W, "dup2 onto 40", dup2(fd, 40));
	say(W, "dup3 onto itself", dup3(fd, fd, 0));
	say(W, "dup3 with bad flags", dup3(fd, 41, 12345));
	say(W, "dup3 O_CLOEXEC onto 41", dup3(fd, 41, O_CLOEXEC));
	say(W, "F_GETFD of 41", fcntl(41, F_GETFD));
	say(W, "F_DUPFD from 50", fcntl(fd, F_DUPFD, 50));
	say(W, "F_DUPFD_CLOEXEC from 50", fcntl(fd, F_DUPFD_CLOEXEC, 50));
	say(W, "F_GETFD of 51", fcntl(51, F_GETFD));
	say(W, "F_GETFL & O_ACCMODE", fcntl(fd, F_GETFL) & O_ACCMODE);
	close(40); close(41); close(50); close(51); close(fd2); close(fd);
	fd = open("a", O_WRONLY | O_APPEND);
	say(W, "write with O_APPEND", write(fd, "++", 2));
	say(W, "offset after an append", lseek(fd, 0, SEEK_CUR));
	say(W, "F_SETFL without O_APPEND", fcntl(fd, F_SETFL, 0));
	say(W, "lseek to 0", lseek(fd, 0, SEEK_SET));
	say(W, "write at 0 now", write(fd, "h", 1));
	close(fd);
	cat("a");
	fd = open("a", O_WRONLY | O_TRUNC);
	say(W, "fstat after O_TRUNC", fstat(fd, &st));
	val(W, "size after O_TRUNC", st.st_size);
	close(fd);
	say(W, "stat a", stat("a", &st));
	val(W, "size by stat", st.st_size);
}

static void names(void)
{
	char buf[PATH_MAX], long_name[300];
	struct stat st;
	int fd, dfd;

	say(W, "open a missing file", open("nothing", O_RDONLY));
	say(W, "open the empty name", open("", O_RDONLY));
	say(W, "open a/ (a is a file)", open("a/", O_RDONLY));
	say(W, "open a/x", open("a/x", O_RDONLY));
	say(W, "creat x/ (a trailing slash)", open("x/", O_CREAT | O_WRONLY, 0644));
	say(W, "O_DIRECTORY on a file", open("a", O_RDONLY | O_DIRECTORY));
	memset(long_name, 'n', 256);
	long_name[256] = '\0';
	say(W, "open a 256-byte name", open(long_name, O_RDONLY | O_CREAT, 0644));
	long_name[255] = '\0';
	fd = open(long_name, O_RDONLY | O_CREAT, 0644);
	val(W, "creat a 255-byte name", fd >= 0);
	close(fd);
	say(W, "unlink the 255-byte name", unlink(long_name));

	say(W, "mkdir d", mkdir("d", 0755));
	say(W, "mkdir d again", mkdir("d", 0755));
	say(W, "mkdir d/e/f (no d/e)", mkdir("d/e/f", 0755));
	say(W, "mkdir a/b (a is a file)", mkdir("a/b", 0755));
	say(W, "mkdir d/e", mkdir("d/e", 0755));
	say(W, "open d for writing", open("d", O_WRONLY));
	say(W, "put d/e/f.txt", put("d/e/f.txt", "deep"));
	say(W, "stat d", stat("d", &st));
	val(W, "d: a directory of 3 links", S_ISDIR(st.st_mode) * st.st_nlink);
	say(W, "rmdir d (not empty)", rmdir("d"));
	say(W, "rmdir a (a file)", rmdir("a"));
	say(W, "unlink d (a directory)", unlink("d"));
	say(W, "rmdir d/.", rmdir("d/."));
	say(W, "rmdir d/e/..", rmdir("d/e/.."));
	say(W, "rmdir a missing one", rmdir("nothing"));
	cat("d/e/../e/./f.txt");
	cat("d//e///f.txt");

	say(W, "rename a to b", rename("a", "b"));
	say(W, "rename a (gone)", rename("a", "c"));
	say(W, "put c", put("c", "sea"));
	say(W, "rename c over b", rename("c", "b"));
	cat("b");
	say(W, "rename d over b (a file)", rename("d", "b"));
	say(W, "rename b over d (a directory)", rename("b", "d"));
	say(W, "rename d into d/e", rename("d", "d/e/x"));
	say(W, "mkdir g", mkdir("g", 0755));
	say(W, "rename g over d (not empty)", rename("g", "d"));
	say(W, "rename d over g (empty)", rename("d", "g"));
	say(W, "renameat2 NOREPLACE onto b",
	    syscall(SYS_renameat2, AT_FDCWD, "g", AT_FDCWD, "b", 1));
	say(W, "put h", put("h", "aitch"));
	say(W, "renameat2 EXCHANGE b and h",
	    syscall(SYS_renameat2, AT_FDCWD, "b", AT_FDCWD, "h", 2));
	cat("b");
	cat("h");
	cat("g/e/f.txt");
	ls(".");

	say(W, "symlink l -> b", symlink("b", "l"));
	say(W, "symlink l again", symlink("x", "l"));
	say(W, "readlink l", readlink("l", buf, sizeof(buf)));
	say(W, "readlink into 0 bytes", readlink("l", buf, 0));
	say(W, "readlink b (a file)", readlink("b", buf, sizeof(buf)));
	say(W, "lstat l", lstat("l", &st));
	val(W, "l is a link of size 1", S_ISLNK(st.st_mode) * st.st_size);
	say(W, "stat l", stat("l", &st));
	val(W, "l leads to a file", S_ISREG(st.st_mode));
	cat("l");
	say(W, "open l O_NOFOLLOW", open("l", O_RDONLY | O_NOFOLLOW));
	say(W, "symlink dangling -> nowhere/x", symlink("nowhere/x", "dangling"));
	say(W, "open dangling", open("dangling", O_RDONLY));
	say(W, "symlink loop1 -> loop2", symlink("loop2", "loop1"));
	say(W, "symlink loop2 -> loop1", symlink("loop1", "loop2"));
	say(W, "open loop1", open("loop1", O_RDONLY));
	say(W, "symlink gl -> g", symlink("g", "gl"));
	cat("gl/e/f.txt");
	say(W, "symlink nl -> new", symlink("new", "nl"));
	fd = open("nl", O_WRONLY | O_CREAT, 0644);
	val(W, "creat through a dangling link", fd >= 0);
	close(fd);
	say(W, "stat new", stat("new", &st));
	say(W, "creat O_EXCL on a link", open("nl", O_WRONLY | O_CREAT | O_EXCL, 0644));
	say(W, "unlink the link nl", unlink("nl"));
	say(W, "new is still there", access("new", F_OK));
	say(W, "rmdir gl/ (a link to a directory)", rmdir("gl"));

	say(W, "link b to b2", link("b", "b2"));
	say(W, "stat b", stat("b", &st));
	val(W, "b has two links", st.st_nlink);
	say(W, "link g (a directory)", link("g", "g2"));
	say(W, "link onto an existing name", link("b", "h"));
	say(W, "unlink b", unlink("b"));
	cat("b2");

	fd = open("b2", O_RDONLY);
	say(W, "unlink b2 while open", unlink("b2"));
	say(W, "fstat of the unlinked file", fstat(fd, &st));
	val(W, "its links", st.st_nlink);
	say(W, "read it still", read(fd, buf, 3));
	close(fd);

	say(W, "access h F_OK", access("h", F_OK));
	say(W, "access h W_OK", access("h", W_OK));
	say(W, "access h X_OK (no x bit)", access("h", X_OK));
	say(W, "chmod h 0755", chmod("h", 0755));
	say(W, "access h X_OK now", access("h", X_OK));
	say(W, "access with mode 99", access("h", 99));
	say(W, "access a missing file", access("nothing", F_OK));
	say(W, "umask 027 (was 022)", umask(027));
	say(W, "put m", put("m", "m"));
	say(W, "stat m", stat("m", &st));
	val(W, "m's mode (0666 & ~027)", st.st_mode & 0777);
	umask(022);
	{
		struct timespec ts[2] = { { 1000000000, 5 }, { 1234567890, 0 } };

		say(W, "utimensat m", utimensat(AT_FDCWD, "m", ts, 0));
		stat("m", &st);
		val(W, "m's mtime", st.st_mtim.tv_sec);
		val(W, "m's atime nsec", st.st_atim.tv_nsec);
		ts[0].tv_nsec = 1000000000;
		say(W, "utimensat with nsec 1e9", utimensat(AT_FDCWD, "m", ts, 0));
	}

	dfd = open("g", O_RDONLY | O_DIRECTORY);
	fd = openat(dfd, "e/f.txt", O_RDONLY);
	say(W, "openat e/f.txt from g", fd < 0 ? fd : 0);
	close(fd);
	say(W, "mkdirat g/k", mkdirat(dfd, "k", 0700));
	say(W, "unlinkat g/k AT_REMOVEDIR", unlinkat(dfd, "k", AT_REMOVEDIR));
	say(W, "unlinkat with flags 1", unlinkat(dfd, "e", 1));
	say(W, "fchdir g", fchdir(dfd));
	close(dfd);
	say(W, "getcwd ends with /g", getcwd(buf, sizeof(buf)) &&
	    !strcmp(strrchr(buf, '/'), "/g"));
	say(W, "getcwd into 2 bytes", getcwd(buf, 2) ? 0 : -1);
	cat("e/f.txt");
	say(W, "chdir ..", chdir(".."));
	say(W, "chdir h (a file)", chdir("h"));
	say(W, "chdir nothing", chdir("nothing"));
	ls(".");
	ls("g");
	ls("nothing");
}

static void bulk(void)
{
	static char block[65536];
	unsigned long sum = 0, want = 0;
	size_t i, total = 0;
	struct stat st;
	char *map;
	ssize_t n;
	int fd, out;

	for (i = 0; i < sizeof(block); i++)
		block[i] = i * 7 + 3;
	fd = open("big", O_RDWR | O_CREAT | O_TRUNC, 0644);
	for (i = 0; i < 64; i++)		/* 4 MiB */
		total += write(fd, block, sizeof(block));
	val(W, "4 MiB written", total);
	lseek(fd, 0, SEEK_SET);
	total = 0;
	while ((n = read(fd, block, 4096 * 3 + 1)) > 0) {
		for (i = 0; i < (size_t)n; i++)
			sum = sum * 31 + (unsigned char)block[i];
		total += n;
	}
	for (i = 0; i < 64 * sizeof(block); i++)
		want = want * 31 + (unsigned char)(i * 7 + 3);
	val(W, "4 MiB read back", total);
	val(W, "and the same bytes", sum == want);
	map = mmap(NULL, 8192, PROT_READ, MAP_PRIVATE, fd, 4096);
	val(W, "mmap 2 pages at 4096", map != MAP_FAILED);
	val(W, "the mapping holds the file", map != MAP_FAILED &&
	    map[0] == (char)(4096 * 7 + 3) && map[8191] == (char)(12287 * 7 + 3));
	if (map != MAP_FAILED)
		munmap(map, 8192);
	out = open("copy", O_WRONLY | O_CREAT | O_TRUNC, 0644);
	lseek(fd, 0, SEEK_SET);
	say(W, "sendfile 100000 bytes", sendfile(out, fd, NULL, 100000));
	say(W, "copy_file_range 1000 more",
	    syscall(SYS_copy_file_range, fd, NULL, out, NULL, 1000, 0));
	fstat(out, &st);
	val(W, "copy's size", st.st_size);
	close(out);
	close(fd);
	say(W, "unlink big", unlink("big"));
	say(W, "write to /dev/null", put("/dev/null", "gone"));
	fd = open("/dev/zero", O_RDONLY);
	say(W, "read /dev/zero", read(fd, block, 16));
	val(W, "zeros", !memcmp(block, "\0\0\0\0\0\0\0\0", 8));
	close(fd);
	fd = open("/dev/full", O_WRONLY);
	say(W, "write to /dev/full", write(fd, "x", 1));
	close(fd);
}

WORD(files)
{
	char dir[] = "/tmp/kiln-files-XXXXXX";

	if (!mkdtemp(dir) || chdir(dir)) {
		say(W, "a fresh directory in /tmp", -1);
		return 1;
	}
	basics();
	names();
	bulk();
	return 1;
}

WORD(pipes)
{
	const char *w = "pipes";
	struct pollfd pfd[2];
	int p[2], n, flags;
	char buf[16];

	signal(SIGPIPE, SIG_IGN);
	say(w, "pipe", pipe(p));
	say(w, "write 5", write(p[1], "hello", 5));
	say(w, "FIONREAD", ioctl(p[0], FIONREAD, &n));
	val(w, "bytes waiting", n);
	pfd[0] = (struct pollfd){ p[0], POLLIN, 0 };
	pfd[1] = (struct pollfd){ p[1], POLLOUT, 0 };
	say(w, "poll both ends", poll(pfd, 2, 0));
	val(w, "revents of the read end", pfd[0].revents);
	val(w, "revents of the write end", pfd[1].revents);
	say(w, "read 16", read(p[0], buf, 16));
	say(w, "lseek on a pipe", lseek(p[0], 0, SEEK_SET));
	say(w, "pread on a pipe", pread(p[0], buf, 1, 0));
	say(w, "read from the write end", read(p[1], buf, 1));
	flags = fcntl(p[0], F_GETFL);
	say(w, "F_SETFL O_NONBLOCK", fcntl(p[0], F_SETFL, flags | O_NONBLOCK));
	say(w, "read from an empty pipe, non-blocking", read(p[0], buf, 1));
	say(w, "poll 20 ms on the empty pipe", poll(pfd, 1, 20));
	say(w, "close the write end", close(p[1]));
	say(w, "read at end of file", read(p[0], buf, 1));
	say(w, "poll after the writer went", poll(pfd, 1, 0));
	val(w, "POLLHUP", pfd[0].revents & POLLHUP);
	say(w, "close the read end", close(p[0]));
	say(w, "pipe2 O_CLOEXEC|O_NONBLOCK", pipe2(p, O_CLOEXEC | O_NONBLOCK));
	say(w, "F_GETFD", fcntl(p[0], F_GETFD));
	say(w, "pipe2 with bad flags", pipe2(p + 0, 12345));
	close(p[0]);
	say(w, "write with no reader (SIGPIPE ignored)", write(p[1], "x", 1));
	close(p[1]);
	return 1;
}

/*
 * "fill": writes 1 MiB blocks to a file until the heap (tmpfs's disk)
 * is full: ENOSPC, not a crash; then removing the file gives the room
 * back. Compared with no host (its /tmp is not this size).
 */
WORD(fill)
{
	const char *w = "fill";
	static char block[1 << 20];
	long n, blocks = 0;
	int fd;

	memset(block, 'f', sizeof(block));
	fd = open("/tmp/fill", O_WRONLY | O_CREAT | O_TRUNC, 0644);
	/* The write that meets the end is short, the next one fails. */
	while ((n = write(fd, block, sizeof(block))) > 0)
		blocks += n;
	say(w, "the last write", n);
	val(w, "at least 4 MiB went in first", blocks >= 4 << 20);
	say(w, "close", close(fd));
	say(w, "unlink", unlink("/tmp/fill"));
	fd = open("/tmp/again", O_WRONLY | O_CREAT | O_TRUNC, 0644);
	say(w, "then 1 MiB fits again", write(fd, block, sizeof(block)));
	close(fd);
	return 1;
}

/*
 * "initrd": what tests/files.t packed into the archive it boots with:
 * files, a hard link pair, a symbolic link, a file whose directories
 * have no entries of their own; then an initrd file changed in place.
 */
WORD(initrd)
{
	const char *w = "initrd";
	struct stat a, b;
	char buf[64];
	ssize_t n;
	int fd;

	cat("/etc/motd");
	cat("/nested/deep/file");
	say(w, "stat /hard1", stat("/hard1", &a));
	say(w, "stat /hard2", stat("/hard2", &b));
	val(w, "one file, two links", a.st_ino == b.st_ino && a.st_nlink == 2);
	cat("/hard2");
	n = readlink("/srv/link", buf, sizeof(buf) - 1);
	buf[n < 0 ? 0 : n] = '\0';
	printf("%s: readlink /srv/link = \"%s\"\n", w, buf);
	cat("/srv/link");
	say(w, "stat /etc/motd", stat("/etc/motd", &a));
	val(w, "its mode", a.st_mode & 07777);
	val(w, "its mtime", a.st_mtim.tv_sec);
	fd = open("/etc/motd", O_WRONLY | O_APPEND);
	say(w, "append to /etc/motd", write(fd, "+more", 5));
	close(fd);
	cat("/etc/motd");
	say(w, "/tmp is there", access("/tmp", W_OK));
	say(w, "/dev/null is there", access("/dev/null", W_OK));
	ls("/");
	return 1;
}

static void *pipe_reader(void *arg)
{
	int *p = arg;
	char buf[8];
	long n = read(p[0], buf, sizeof(buf));

	return (void *)n;
}

/*
 * "hostilefs": limits and odd uses, compared with Linux: link chains at
 * and past 40, a 4096-byte path, every descriptor taken, a directory
 * read into 10 bytes, a removed working directory, readers blocked in
 * other threads, a write 1 TiB into a file (a hole before it).
 */
WORD(hostilefs)
{
	const char *w = "hostilefs";
	char dir[] = "/tmp/kiln-hostile-XXXXXX", name[16], prev[16], *path;
	char dbuf[10], buf[64];
	int i, fd, fds[1100], n, p[2];
	pthread_t t;
	void *r;

	if (!mkdtemp(dir) || chdir(dir)) {
		say(w, "a fresh directory in /tmp", -1);
		return 1;
	}
	put("l0", "end of the chain");
	for (i = 1; i <= 41; i++) {
		snprintf(name, sizeof(name), "l%d", i);
		snprintf(prev, sizeof(prev), "l%d", i - 1);
		symlink(prev, name);
	}
	fd = open("l40", O_RDONLY);
	say(w, "open through 40 links", fd < 0 ? fd : 0);
	close(fd);
	say(w, "open through 41 links", open("l41", O_RDONLY));
	path = malloc(5000);
	memset(path, 'a', 5000);
	for (i = 100; i < 5000; i += 101)
		path[i] = '/';
	path[4095] = '\0';
	say(w, "open a 4095-byte path", open(path, O_RDONLY));
	path[4095] = 'a';
	path[4999] = '\0';
	say(w, "open a 4999-byte path", open(path, O_RDONLY));
	free(path);

	/* Kiln's limit is Linux's usual one; the host's may be higher. */
	kiln(w, "RLIMIT_NOFILE to 1024",
	     setrlimit(RLIMIT_NOFILE, &(struct rlimit){ 1024, 1024 }));
	for (n = 0; n < 1100; n++)
		if ((fds[n] = open(".", O_RDONLY)) < 0)
			break;
	say(w, "open until none is left", fds[n]);
	kiln(w, "descriptors opened (the host may have more open)", n);
	for (i = 0; i < n; i++)
		close(fds[i]);
	fd = open(".", O_RDONLY | O_DIRECTORY);
	say(w, "then one again", fd < 0 ? fd : 0);
	say(w, "getdents64 into 10 bytes",
	    syscall(SYS_getdents64, fd, dbuf, sizeof(dbuf)));
	close(fd);

	mkdir("gone", 0755);
	chdir("gone");
	say(w, "rmdir the working directory", rmdir(dir[0] ? "../gone" : ""));
	say(w, "getcwd after", getcwd(buf, sizeof(buf)) ? 0 : -1);
	say(w, "creat in it", open("x", O_CREAT | O_WRONLY, 0644));
	say(w, "ls it", open(".", O_RDONLY) >= 0 ? 0 : -1);
	chdir(dir);

	pipe(p);
	pthread_create(&t, NULL, pipe_reader, p);
	usleep(20000);
	say(w, "write to a pipe a thread waits on", write(p[1], "hi", 2));
	pthread_join(t, &r);
	val(w, "the thread read", (long)r);
	pthread_create(&t, NULL, pipe_reader, p);
	usleep(20000);
	say(w, "close the writer under a blocked reader", close(p[1]));
	pthread_join(t, &r);
	val(w, "the thread read (end of file)", (long)r);
	close(p[0]);

	/* relatime: a read moves an access time not after the last change,
	 * and leaves a later one (the host's /tmp may be noatime: '~').
	 */
	{
		struct timespec ts[2] = { { 100, 0 }, { 200, 0 } };
		struct stat st;

		put("at", "x");
		utimensat(AT_FDCWD, "at", ts, 0);
		fd = open("at", O_RDONLY);
		read(fd, buf, 1);
		fstat(fd, &st);
		kiln(w, "a read moves an access time before mtime",
		     st.st_atim.tv_sec > 200);
		ts[0].tv_sec = 4000000000;	/* after ctime (now) too */
		futimens(fd, ts);
		pread(fd, buf, 1, 0);
		fstat(fd, &st);
		kiln(w, "and leaves one after it", st.st_atim.tv_sec == 4000000000);
		close(fd);
	}

	fd = open("far", O_WRONLY | O_CREAT, 0644);
	say(w, "write 1 TiB into a file", pwrite(fd, "x", 1, 1LL << 40));
	say(w, "read back in the hole", pread(fd, buf, 8, 1LL << 39));
	close(fd);
	fd = open("far", O_RDONLY);
	say(w, "read in the hole", pread(fd, buf, 8, 1LL << 39));
	val(w, "zeros", !memcmp(buf, "\0\0\0\0\0\0\0\0", 8));
	say(w, "read the byte at 1 TiB", pread(fd, buf, 8, 1LL << 40));
	val(w, "it is x", buf[0] == 'x');
	say(w, "unlink it", unlink("far"));
	close(fd);
	return 1;
}
