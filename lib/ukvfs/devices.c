/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Character devices under /dev, by Linux's numbers: null, zero, full,
 * random, urandom (getrandom's bytes) and console. The console is also
 * descriptors 0, 1 and 2: output goes to the platform's console, input
 * is at its end (reads see end of file), and it is not a terminal.
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <uk/essentials.h>
#include <uk/plat/console.h>
#include <uk/syscall.h>
#include "vfs_impl.h"

static ssize_t nothing_read(struct uk_file *f, void *buf, size_t len,
			    off_t off)
{
	return 0;
}

static ssize_t sink_write(struct uk_file *f, const void *buf, size_t len,
			  off_t off)
{
	return len;
}

static ssize_t zero_read(struct uk_file *f, void *buf, size_t len, off_t off)
{
	memset(buf, 0, len);
	return len;
}

static ssize_t full_write(struct uk_file *f, const void *buf, size_t len,
			  off_t off)
{
	return -ENOSPC;
}

static ssize_t random_read(struct uk_file *f, void *buf, size_t len,
			   off_t off)
{
	return uk_syscall(SYS_getrandom, (long)buf, len, 0, 0, 0, 0);
}

static ssize_t console_write(struct uk_file *f, const void *buf, size_t len,
			     off_t off)
{
	ukplat_console_write(buf, len);
	return len;
}

/* Seekable as on Linux (lseek says 0), offsets ignored. */
static const struct uk_file_ops null_ops = {
	.read = nothing_read, .write = sink_write, .seekable = 1,
};
static const struct uk_file_ops zero_ops = {
	.read = zero_read, .write = sink_write, .seekable = 1,
};
static const struct uk_file_ops full_ops = {
	.read = zero_read, .write = full_write, .seekable = 1,
};
static const struct uk_file_ops random_ops = {
	.read = random_read, .write = sink_write, .seekable = 1,
};

static int console_stat(struct uk_file *f, struct stat *st)
{
	memset(st, 0, sizeof(*st));
	st->st_mode = S_IFCHR | 0620;
	st->st_rdev = makedev(5, 1);
	st->st_blksize = 1024;
	return 0;
}

static const struct uk_file_ops console_ops = {
	.read = nothing_read, .write = console_write, .stat = console_stat,
};

static const struct uk_device devices[] = {
	{ makedev(1, 3), "null", &null_ops },
	{ makedev(1, 5), "zero", &zero_ops },
	{ makedev(1, 7), "full", &full_ops },
	{ makedev(1, 8), "random", &random_ops },
	{ makedev(1, 9), "urandom", &random_ops },
	{ makedev(5, 1), "console", &console_ops },
};

const struct uk_device *vfs_device(dev_t rdev)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(devices); i++)
		if (devices[i].rdev == rdev)
			return &devices[i];
	return NULL;
}

/* The nodes in /dev (dev: a directory); ones already there are kept. */
int vfs_devices_populate(struct uk_vnode *dev)
{
	size_t i;
	int rc;

	for (i = 0; i < ARRAY_SIZE(devices); i++) {
		rc = dev->ops->create(dev, devices[i].name,
				      strlen(devices[i].name),
				      S_IFCHR | 0666, devices[i].rdev, NULL,
				      NULL);
		if (rc && rc != -EEXIST)
			return rc;
	}
	return 0;
}

/* Descriptors 0 (read only), 1 and 2 (write only). */
int vfs_console_fds(void)
{
	static const int modes[] = { O_RDONLY, O_WRONLY, O_WRONLY };
	struct uk_file *f;
	int fd;

	for (fd = 0; fd < 3; fd++) {
		f = uk_file_new(&console_ops, modes[fd], NULL);
		if (!f)
			return -ENOMEM;
		vfs_fd_install_at(f, fd, 0);
	}
	return 0;
}
