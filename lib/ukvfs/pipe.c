/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Pipes: a 64 KiB ring between a read end and a write end. Readers block
 * while it is empty and a writer is left, writers while it is full and
 * a reader is left; writes of up to PIPE_BUF bytes are never split.
 * Writing with no reader left raises SIGPIPE and fails with EPIPE.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <uk/alloc.h>
#include <uk/essentials.h>
#include <uk/sched.h>
#include <uk/syscall.h>
#include "vfs_impl.h"

#define PIPE_SIZE	65536

struct pipe {
	char *buf;
	size_t head, len;	/* the first unread byte, and how many */
	int readers, writers;
	struct uk_waitq readq, writeq;
	ino_t ino;
};

static void changed(struct pipe *p, struct uk_waitq *q)
{
	uk_waitq_wake(q, INT_MAX);
	uk_vfs_poll_wake();
}

static ssize_t pipe_read(struct uk_file *f, void *buf, size_t len,
			 off_t off)
{
	struct pipe *p = f->priv;
	size_t n, chunk;

	if (len == 0)
		return 0;
	while (p->len == 0) {
		if (p->writers == 0)
			return 0;
		if (f->flags & O_NONBLOCK)
			return -EAGAIN;
		uk_waitq_wait(&p->readq, 0, "pipe read");
	}
	n = MIN(len, p->len);
	chunk = MIN(n, PIPE_SIZE - p->head);
	memcpy(buf, p->buf + p->head, chunk);
	memcpy((char *)buf + chunk, p->buf, n - chunk);
	p->head = (p->head + n) % PIPE_SIZE;
	p->len -= n;
	changed(p, &p->writeq);
	return n;
}

static ssize_t pipe_write(struct uk_file *f, const void *buf, size_t len,
			  off_t off)
{
	struct pipe *p = f->priv;
	size_t done = 0, room, n, tail, chunk;

	while (done < len) {
		if (p->readers == 0) {
			uk_syscall(SYS_kill, 0, SIGPIPE, 0, 0, 0, 0);
			return done ? (ssize_t)done : -EPIPE;
		}
		room = PIPE_SIZE - p->len;
		/* Up to PIPE_BUF bytes go in at once or not at all. */
		if (room == 0 || (len <= PIPE_BUF && room < len)) {
			if (f->flags & O_NONBLOCK)
				return done ? (ssize_t)done : -EAGAIN;
			uk_waitq_wait(&p->writeq, 0, "pipe write");
			continue;
		}
		n = MIN(room, len - done);
		tail = (p->head + p->len) % PIPE_SIZE;
		chunk = MIN(n, PIPE_SIZE - tail);
		memcpy(p->buf + tail, (const char *)buf + done, chunk);
		memcpy(p->buf, (const char *)buf + done + chunk, n - chunk);
		p->len += n;
		done += n;
		changed(p, &p->readq);
	}
	return done;
}

static short pipe_poll(struct uk_file *f)
{
	struct pipe *p = f->priv;

	if ((f->flags & O_ACCMODE) == O_RDONLY)
		return (p->len ? POLLIN | POLLRDNORM : 0) |
		       (p->writers ? 0 : POLLHUP);
	if (!p->readers)
		return POLLERR;
	return PIPE_SIZE - p->len >= PIPE_BUF ? POLLOUT | POLLWRNORM : 0;
}

static int pipe_ioctl(struct uk_file *f, unsigned long req, void *arg)
{
	struct pipe *p = f->priv;

	if (req != FIONREAD)
		return -ENOTTY;
	*(int *)arg = p->len;
	return 0;
}

static int pipe_stat(struct uk_file *f, struct stat *st)
{
	struct pipe *p = f->priv;

	memset(st, 0, sizeof(*st));
	st->st_mode = S_IFIFO | 0600;
	st->st_nlink = 1;
	st->st_ino = p->ino;
	st->st_blksize = 4096;
	return 0;
}

static void pipe_release(struct uk_file *f)
{
	struct pipe *p = f->priv;

	if ((f->flags & O_ACCMODE) == O_RDONLY) {
		p->readers--;
		changed(p, &p->writeq);
	} else {
		p->writers--;
		changed(p, &p->readq);
	}
	if (p->readers || p->writers)
		return;
	uk_free(uk_alloc_get_default(), p->buf);
	uk_free(uk_alloc_get_default(), p);
}

static const struct uk_file_ops pipe_ops = {
	.read = pipe_read,
	.write = pipe_write,
	.poll = pipe_poll,
	.ioctl = pipe_ioctl,
	.stat = pipe_stat,
	.release = pipe_release,
};

/* Two new files, the read end then the write end; flags: O_NONBLOCK. */
int vfs_pipe_new(int flags, struct uk_file *ends[2])
{
	struct uk_alloc *a = uk_alloc_get_default();
	static ino_t next_ino = 1;
	struct pipe *p = uk_calloc(a, 1, sizeof(*p));

	ends[0] = ends[1] = NULL;
	if (p)
		p->buf = uk_malloc(a, PIPE_SIZE);
	if (p && p->buf) {
		ends[0] = uk_file_new(&pipe_ops, O_RDONLY | flags, p);
		ends[1] = uk_file_new(&pipe_ops, O_WRONLY | flags, p);
	}
	if (!p || !p->buf || !ends[0] || !ends[1]) {
		if (p && p->buf && ends[0])
			uk_free(a, ends[0]);
		if (p && p->buf && ends[1])
			uk_free(a, ends[1]);
		if (p)
			uk_free(a, p->buf);
		uk_free(a, p);
		return -ENFILE;
	}
	p->readers = p->writers = 1;
	p->ino = next_ino++;
	return 0;
}
