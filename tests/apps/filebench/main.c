/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Sequential file throughput, for `make bench`:
 *
 *   filebench [DIR [MIB]]        (defaults: /tmp, 64)
 *
 * writes MIB MiB to DIR/filebench.dat in 64 KiB writes and fsyncs it,
 * then reads it back in 64 KiB reads, each phase timed with
 * clock_gettime(CLOCK_MONOTONIC) in the guest (the write phase from
 * open to the end of fsync, the read phase from open to end of file),
 * and prints one line per phase:
 *
 *   filebench: write 64 MiB: 123.4 MB/s
 *   filebench: read 64 MiB: 456.7 MB/s
 *
 * (MB/s: 10^6 bytes per second). The file is removed at the end. The
 * first 8 bytes of every block carry its number, checked on reading: a
 * short or misplaced read is an error, not a fast figure. Exits 1 at the
 * first call that fails, naming it.
 *
 * Built with -DFILEBENCH_INIT (musl-gcc -static), the same program is a
 * Linux initramfs's /init: it mounts devtmpfs on /dev (for a console)
 * and a tmpfs on /tmp, measures, and powers the machine off. The
 * arguments are then the ones after "--" on the kernel command line.
 * With FILEBENCH_9P=TAG in its environment (a word of the kernel command
 * line before the "--"), it first loads the modules /modules/order names
 * (one path a line, dependencies first; finit_module(2), a module already
 * there is no error) and mounts the 9p export TAG at DIR (virtio,
 * 9P2000.L, msize 128 KiB: what Kiln's uk9pfs asks for).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#ifdef FILEBENCH_INIT
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#endif

#define BLOCK (64 * 1024)

static char block[BLOCK];

static void finish(int status)
{
#ifdef FILEBENCH_INIT
	fflush(stdout);
	fflush(stderr);
	sync();
	reboot(RB_POWER_OFF);
	/* (pid 1 may not exit: the kernel would panic; panic=-1 reboots,
	 * and -no-reboot ends QEMU then.) */
#endif
	exit(status);
}

static void check(int ok, const char *what)
{
	if (!ok) {
		fprintf(stderr, "filebench: %s: %s\n", what, strerror(errno));
		finish(1);
	}
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void report(const char *phase, long mib, double secs)
{
	printf("filebench: %s %ld MiB: %.1f MB/s\n", phase, mib,
	       secs > 0 ? mib * 1048576.0 / secs / 1e6 : 0.0);
	fflush(stdout);
}

#ifdef FILEBENCH_INIT
static void init_setup(void)
{
	int fd;

	mkdir("/dev", 0755);
	if (mount("devtmpfs", "/dev", "devtmpfs", 0, NULL) == 0) {
		fd = open("/dev/console", O_RDWR);
		if (fd >= 0) {
			dup2(fd, 0);
			dup2(fd, 1);
			dup2(fd, 2);
			if (fd > 2)
				close(fd);
		}
	}
	mkdir("/tmp", 01777);
	check(mount("tmpfs", "/tmp", "tmpfs", 0, "mode=1777") == 0,
	      "mount tmpfs on /tmp");
}

static void init_9p(const char *tag, const char *dir)
{
	char line[4096], what[4200];
	FILE *order;
	size_t len;
	int fd;

	order = fopen("/modules/order", "r");
	check(order != NULL, "/modules/order");
	while (fgets(line, sizeof(line), order)) {
		len = strcspn(line, "\n");
		line[len] = '\0';
		if (len == 0)
			continue;
		snprintf(what, sizeof(what), "finit_module %s", line);
		fd = open(line, O_RDONLY | O_CLOEXEC);
		check(fd >= 0, what);
		check(syscall(SYS_finit_module, fd, "", 0) == 0 ||
		      errno == EEXIST, what);
		close(fd);
	}
	fclose(order);
	mkdir(dir, 0755);
	snprintf(what, sizeof(what), "mount 9p %s on %s", tag, dir);
	check(mount(tag, dir, "9p", 0,
		    "trans=virtio,version=9p2000.L,msize=131072") == 0, what);
}
#endif

int main(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : "/tmp";
	long mib = argc > 2 ? atol(argv[2]) : 64;
	long blocks, i;
	char path[4096];
	uint64_t tag;
	double t0, t1;
	ssize_t n;
	size_t got;
	int fd;

#ifdef FILEBENCH_INIT
	init_setup();
	if (getenv("FILEBENCH_9P"))
		init_9p(getenv("FILEBENCH_9P"), dir);
#endif
	if (mib <= 0 || mib > 1 << 20) {
		fprintf(stderr, "filebench: %s MiB: not a size\n", argv[2]);
		finish(1);
	}
	blocks = mib * (1048576 / BLOCK);
	snprintf(path, sizeof(path), "%s/filebench.dat", dir);
	for (i = 0; i < BLOCK; i++)
		block[i] = (char)(i * 131 + 7);

	t0 = now();
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	check(fd >= 0, path);
	for (i = 0; i < blocks; i++) {
		tag = i;
		memcpy(block, &tag, sizeof(tag));
		n = write(fd, block, BLOCK);
		check(n == BLOCK, "write");
	}
	check(fsync(fd) == 0, "fsync");
	check(close(fd) == 0, "close");
	t1 = now();
	report("write", mib, t1 - t0);

	t0 = now();
	fd = open(path, O_RDONLY);
	check(fd >= 0, path);
	for (i = 0; i < blocks; i++) {
		for (got = 0; got < BLOCK; got += n) {
			n = read(fd, block + got, BLOCK - got);
			check(n >= 0, "read");
			if (n == 0) {
				errno = EIO;
				check(0, "read: the file is short");
			}
		}
		memcpy(&tag, block, sizeof(tag));
		if (tag != (uint64_t)i) {
			errno = EIO;
			check(0, "read: a block came back in the wrong place");
		}
	}
	n = read(fd, block, 1);
	check(n == 0, "read: the file is longer than written");
	check(close(fd) == 0, "close");
	t1 = now();
	report("read", mib, t1 - t0);

	check(unlink(path) == 0, "unlink");
	finish(0);
	return 0;
}
