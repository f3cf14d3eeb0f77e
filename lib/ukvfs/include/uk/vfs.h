/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Files: the one process's descriptor table, open files, and the file
 * systems under one tree (a mount table over vnodes). File systems,
 * devices, pipes and sockets implement the ops below; the system calls
 * (open, read, stat, ...) are ukvfs's. Kiln's own code runs with
 * interrupts masked on one CPU, so nothing here takes a lock: an op that
 * blocks (a pipe, a device) must re-check what it waits for when it
 * wakes. Every int result is 0 or -errno, as Linux gives it.
 */
#ifndef __UK_VFS_H__
#define __UK_VFS_H__

#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>
#include <sys/types.h>

struct iovec;
struct statfs;
struct uk_file;
struct uk_vnode;
struct uk_mount;

/* What an open file does; NULL ops mean "not possible here". */
struct uk_file_ops {
	/* Reads/writes at off (ignored unless seekable); bytes or -errno. */
	ssize_t (*read)(struct uk_file *f, void *buf, size_t len, off_t off);
	ssize_t (*write)(struct uk_file *f, const void *buf, size_t len,
			 off_t off);
	/* POLLIN/POLLOUT/POLLHUP/POLLERR the file has now (NULL: in, out). */
	short (*poll)(struct uk_file *f);
	int (*ioctl)(struct uk_file *f, unsigned long req, void *arg);
	/* For files not in a file system (a vnode's stat otherwise). */
	int (*stat)(struct uk_file *f, struct stat *st);
	/* The last descriptor and reference went. */
	void (*release)(struct uk_file *f);
	/* readv/writev as one transfer (NULL: buffer by buffer), for files
	 * whose unit is not the buffer: a socket's datagram or segments.
	 */
	ssize_t (*rwv)(struct uk_file *f, const struct iovec *iov, int n,
		       int write);
	/* Offsets mean something: lseek, pread; else ESPIPE. */
	int seekable;
};

/* An open file description (what dup shares): ops, offset, flags. */
struct uk_file {
	const struct uk_file_ops *ops;
	struct uk_vnode *vn;	/* NULL: a pipe end, a socket, ... */
	unsigned int refs;
	int flags;		/* O_ACCMODE | O_APPEND | O_NONBLOCK ... */
	off_t pos;
	void *priv;
	/* Tells this file from a later one at the same address (epoll). */
	unsigned long serial;
};

/* A new file with one reference (NULL when out of memory). */
struct uk_file *uk_file_new(const struct uk_file_ops *ops, int flags,
			    void *priv);
void uk_file_get(struct uk_file *f);
void uk_file_put(struct uk_file *f);

/* Descriptors a process may have (RLIMIT_NOFILE). */
#define UK_FD_MAX	1024

/* Descriptors: install takes the caller's reference; get adds one. */
int uk_fd_install(struct uk_file *f, int cloexec);	/* fd or -EMFILE */
struct uk_file *uk_fd_get(int fd);			/* NULL: EBADF */

/*
 * Readiness changed (data arrived, a peer went): poll and epoll
 * callers look again. Any file's ops may call it, interrupts masked.
 */
void uk_vfs_poll_wake(void);

/* Called once per directory entry by readdir; non-zero stops it. */
typedef int (*uk_dir_emit)(void *ctx, const char *name, size_t len,
			   ino_t ino, unsigned char type, uint64_t next);

/*
 * What a file system does. Names are not NUL-terminated (name, len) and
 * are never "", "." or "..", except that lookup gets ".." for the
 * parent of a directory that is not its mount's root. Results that
 * return a vnode return it with a reference for the caller.
 */
struct uk_vnode_ops {
	int (*lookup)(struct uk_vnode *dir, const char *name, size_t len,
		      struct uk_vnode **out);
	/* A new entry of type mode & S_IFMT: a regular file, directory,
	 * device (rdev), fifo, or symbolic link to target.
	 */
	int (*create)(struct uk_vnode *dir, const char *name, size_t len,
		      mode_t mode, dev_t rdev, const char *target,
		      struct uk_vnode **out);
	int (*link)(struct uk_vnode *dir, const char *name, size_t len,
		    struct uk_vnode *vn);
	/* Removes an entry (checked by the VFS: a directory is empty). */
	int (*unlink)(struct uk_vnode *dir, const char *name, size_t len);
	/* Moves or (exchange) swaps entries, replacing what checks allow. */
	int (*rename)(struct uk_vnode *odir, const char *oname, size_t olen,
		      struct uk_vnode *ndir, const char *nname, size_t nlen,
		      int exchange);
	/* Entries from *cookie on (0: the first; "." and ".." included). */
	int (*readdir)(struct uk_vnode *dir, uint64_t cookie,
		       uk_dir_emit emit, void *ctx);
	ssize_t (*read)(struct uk_vnode *vn, void *buf, size_t len,
			off_t off);
	ssize_t (*write)(struct uk_vnode *vn, const void *buf, size_t len,
			 off_t off);
	int (*truncate)(struct uk_vnode *vn, off_t len);
	ssize_t (*readlink)(struct uk_vnode *vn, char *buf, size_t len);
	/* Writes back st's mode and times after the VFS changed them. */
	int (*setattr)(struct uk_vnode *vn);
	int (*sync)(struct uk_vnode *vn);
	/* The file system's figures (NULL: tmpfs's, from the heap). */
	int (*statfs)(struct uk_vnode *vn, struct statfs *sf);
	/* The last reference went (the entry may still be linked). */
	void (*release)(struct uk_vnode *vn);
};

/* A file, directory, link or device in a mounted file system. */
struct uk_vnode {
	const struct uk_vnode_ops *ops;
	struct uk_mount *mnt;
	struct stat st;		/* kept current by the file system */
	unsigned int refs;
	struct uk_vnode *mounted;	/* the root of a mount over this */
	struct uk_vnode *covers;	/* for a mount's root: what it hides */
	void *fs;			/* the file system's own */
};

void uk_vnode_get(struct uk_vnode *vn);
void uk_vnode_put(struct uk_vnode *vn);

/*
 * Mounts a file system whose root is root (its reference is taken) on
 * the directory path, or as "/" when nothing is mounted yet.
 */
int uk_vfs_mount(const char *path, struct uk_vnode *root);

/* A new in-memory file system's root directory. */
struct uk_vnode *uk_tmpfs_new(mode_t mode);

/* The time for st_[amc]tim: the wall clock now. */
struct timespec uk_vfs_now(void);

/*
 * Character devices by number: open() of such a node gets these ops.
 * Kiln's are /dev/null, zero, full, random, urandom, console.
 */
struct uk_device {
	dev_t rdev;
	const char *name;
	const struct uk_file_ops *ops;
};

#endif /* __UK_VFS_H__ */
