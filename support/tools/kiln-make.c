/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A GNU make plugin (loaded with `load`) for what make cannot do itself
 * without starting a process:
 *
 *   $(kiln-lock FILE,WHAT)  take an exclusive flock(2) on FILE for the
 *                           rest of this make, waiting (with one line
 *                           naming WHAT and the holder) while another
 *                           make holds it;
 *   $(kiln-unlock FILE)     drop it early (before a long `make run`);
 *   $(kiln-status-file DIR) DIR/.run-status.<make's pid>: where a recipe
 *                           leaves a status for kiln-exit ($PPID there);
 *   $(kiln-exit FILE)       end make now with the status a recipe wrote
 *                           to FILE (make itself only knows 0, 1 and 2);
 *   $(kiln-not-regular FILES) those of FILES that exist but are not
 *                           regular files (make would block reading a
 *                           FIFO as a makefile);
 *   $(kiln-file-id FILE)    "device:inode:size:ctime" of FILE (empty if
 *                           none): changes with every write or rename,
 *                           which an mtime set back (cp -p) does not.
 * (Each takes an argument: make reads $(name) without one as a variable.)
 *
 * The lock's file descriptor is inherited by recipes, so a compiler left
 * running by a killed make still holds the directory, and it survives
 * make's re-exec after remaking its makefiles: KILN_LOCK_FD tells the new
 * image which descriptor it already holds.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>
#include <gnumake.h>

int plugin_is_GPL_compatible;	/* make refuses plugins without it */

#define LOCK_ENV "KILN_LOCK_FD"

static int lock_fd = -1;

static int same_file(int fd, const char *path)
{
	struct stat a, b;

	return fstat(fd, &a) == 0 && stat(path, &b) == 0 &&
	       a.st_dev == b.st_dev && a.st_ino == b.st_ino;
}

/* A descriptor on path that this process already holds (re-exec). */
static int inherited(const char *path)
{
	const char *v = getenv(LOCK_ENV);
	char *end;
	long fd;

	if (!v || !*v)
		return -1;
	fd = strtol(v, &end, 10);
	if (*end || fd < 0 || fd > 65535 || !same_file((int)fd, path))
		return -1;
	return (int)fd;
}

static void say_holder(int fd, const char *what)
{
	char buf[64] = "";
	ssize_t n = pread(fd, buf, sizeof(buf) - 1, 0);

	buf[n > 0 ? n : 0] = '\0';
	buf[strcspn(buf, "\n")] = '\0';
	fprintf(stderr, "kiln: %s is in use by another make%s%s%s; waiting\n",
		what, *buf ? " (" : "", buf, *buf ? ")" : "");
}

static void note_holder(int fd)
{
	char buf[32];
	int n = snprintf(buf, sizeof(buf), "pid %ld\n", (long)getpid());

	/* Only a courtesy for the next waiter: errors do not matter. */
	if (ftruncate(fd, 0) == 0 && pwrite(fd, buf, n, 0) < 0)
		return;
}

static char *fail(const char *what, const char *path)
{
	fprintf(stderr, "kiln: cannot lock %s (%s): %s\n", what, path,
		strerror(errno));
	exit(2);
}

static char *kiln_lock(const char *name, unsigned int argc, char **argv)
{
	const char *path = argv[0], *what = argc > 1 ? argv[1] : argv[0];
	char num[16];
	int fd;

	if (lock_fd >= 0)
		return NULL;
	fd = inherited(path);
	if (fd >= 0) {
		lock_fd = fd;
		return NULL;
	}
	for (;;) {
		fd = open(path, O_RDWR | O_CREAT | O_NOCTTY, 0644);
		if (fd < 0)
			return fail(what, path);
		if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
			if (errno != EWOULDBLOCK)
				return fail(what, path);
			say_holder(fd, what);
			while (flock(fd, LOCK_EX) != 0)
				if (errno != EINTR)
					return fail(what, path);
		}
		/* The holder may have removed the file (distclean): lock
		 * the one that is there now.
		 */
		if (same_file(fd, path))
			break;
		close(fd);
	}
	note_holder(fd);
	lock_fd = fd;
	snprintf(num, sizeof(num), "%d", fd);
	setenv(LOCK_ENV, num, 1);
	return NULL;
}

static char *kiln_unlock(const char *name, unsigned int argc, char **argv)
{
	if (lock_fd >= 0)
		close(lock_fd);
	lock_fd = -1;
	unsetenv(LOCK_ENV);
	return NULL;
}

/* The status a recipe left in FILE (removed here), as make's own. */
static char *kiln_exit(const char *name, unsigned int argc, char **argv)
{
	char buf[16] = "", *end = buf;
	long status = -1;
	FILE *f = fopen(argv[0], "r");

	if (f) {
		if (fgets(buf, sizeof(buf), f))
			status = strtol(buf, &end, 10);
		if (end == buf || (*end && *end != '\n'))
			status = -1;
		fclose(f);
		unlink(argv[0]);
	}
	if (status < 0 || status > 255) {
		fprintf(stderr, "kiln: no exit status in %s\n", argv[0]);
		status = 2;
	}
	fflush(stdout);
	exit((int)status);
}

static char *kiln_status_file(const char *name, unsigned int argc,
			      char **argv)
{
	size_t len = strlen(argv[0]) + 40;
	char *s = gmk_alloc(len);

	snprintf(s, len, "%s/.run-status.%ld", argv[0], (long)getpid());
	return s;
}

static char *kiln_not_regular(const char *name, unsigned int argc,
			      char **argv)
{
	const char *p = argv[0];
	size_t cap = strlen(p) + 1, len = 0;
	char *out = gmk_alloc(cap), *word;

	word = malloc(cap);
	if (!word)
		return NULL;
	while (*p) {
		size_t n;
		struct stat st;

		p += strspn(p, " \t\n");
		n = strcspn(p, " \t\n");
		if (!n)
			break;
		memcpy(word, p, n);
		word[n] = '\0';
		p += n;
		if (stat(word, &st) == 0 && !S_ISREG(st.st_mode)) {
			memcpy(out + len, word, n);
			len += n;
			out[len++] = ' ';
		}
	}
	out[len ? len - 1 : 0] = '\0';
	free(word);
	return out;
}

static char *kiln_file_id(const char *name, unsigned int argc, char **argv)
{
	struct stat st;
	char *s;

	if (stat(argv[0], &st) != 0)
		return NULL;
	s = gmk_alloc(96);
	snprintf(s, 96, "%llu:%llu:%lld:%lld.%09ld",
		 (unsigned long long)st.st_dev, (unsigned long long)st.st_ino,
		 (long long)st.st_size, (long long)st.st_ctim.tv_sec,
		 st.st_ctim.tv_nsec);
	return s;
}

int kiln_make_gmk_setup(const gmk_floc *floc)
{
	gmk_add_function("kiln-lock", kiln_lock, 1, 2, GMK_FUNC_DEFAULT);
	gmk_add_function("kiln-unlock", kiln_unlock, 1, 1, GMK_FUNC_DEFAULT);
	gmk_add_function("kiln-exit", kiln_exit, 1, 1, GMK_FUNC_DEFAULT);
	gmk_add_function("kiln-status-file", kiln_status_file, 1, 1,
			 GMK_FUNC_DEFAULT);
	gmk_add_function("kiln-not-regular", kiln_not_regular, 1, 1,
			 GMK_FUNC_DEFAULT);
	gmk_add_function("kiln-file-id", kiln_file_id, 1, 1, GMK_FUNC_DEFAULT);
	return 1;
}
