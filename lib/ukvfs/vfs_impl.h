/* SPDX-License-Identifier: BSD-3-Clause */
/* ukvfs's insides: the process's tree state, path walks, descriptors. */
#ifndef __UKVFS_IMPL_H__
#define __UKVFS_IMPL_H__

#include <limits.h>
#include <uk/vfs.h>

/* The most one read or write moves, as on Linux (a short count). */
#define VFS_RW_MAX	0x7ffff000

/* Symbolic links one walk follows before ELOOP (Linux's figure). */
#define VFS_MAXSYMLINKS	40

/* A mounted file system: what its vnodes share (rename and link stay
 * within one).
 */
struct uk_mount {
	struct uk_vnode *root;
};

/* The one process: its root, working directory and umask. */
extern struct uk_vnode *vfs_root;
extern struct uk_vnode *vfs_cwd;
extern mode_t vfs_umask;

/* What a walk found: the directory of the last name, that name, and
 * what it names (NULL: nothing yet, for creating it). All held.
 */
struct vfs_path {
	struct uk_vnode *dir;
	struct uk_vnode *vn;
	size_t len;
	int dot;		/* the last name is "." or ".." */
	int slash;		/* the path ended in "/" */
	char name[NAME_MAX + 1];
};

#define WALK_FOLLOW	1	/* follow a symbolic link as the last name */
#define WALK_EMPTY	2	/* "" means dirfd itself (AT_EMPTY_PATH) */

/* Walks path from dirfd (AT_FDCWD: the working directory). */
int vfs_walk(int dirfd, const char *path, int flags, struct vfs_path *p);
/* As vfs_walk, then ENOENT when the last name does not exist. */
int vfs_walk_existing(int dirfd, const char *path, int flags,
		      struct vfs_path *p);
void vfs_path_put(struct vfs_path *p);
/* The parent of a directory, across mounts, never above the root. */
int vfs_parent(struct uk_vnode *dir, struct uk_vnode **out);

/* A read happened: the access time moves if older than a change. */
void vfs_accessed(struct uk_vnode *vn);

/* An open file for vn with flags (O_*): its ops by the vnode's type. */
int vfs_open_vnode(struct uk_vnode *vn, int flags, struct uk_file **out);
/* A character device's ops, or NULL. */
const struct uk_device *vfs_device(dev_t rdev);
int vfs_devices_populate(struct uk_vnode *dev);

/* Descriptors 0, 1, 2 on the console (devices.c). */
int vfs_console_fds(void);
/* A pipe's read and write ends (pipe.c); flags: O_NONBLOCK. */
int vfs_pipe_new(int flags, struct uk_file *ends[2]);
short vfs_file_poll(struct uk_file *f);
/*
 * Blocks until check(ctx) finds something (non-zero) or the monotonic
 * deadline passes (0: never; 1: look once). vfs_poll_gen counts
 * uk_vfs_poll_wake() calls: a change may have happened since.
 */
long vfs_poll_wait(long (*check)(void *), void *ctx, uint64_t deadline);
extern unsigned long vfs_poll_gen;

/* Descriptors (fdtab.c). */
int vfs_fd_install_at(struct uk_file *f, int fd, int cloexec);
int vfs_fd_close(int fd);
int vfs_fd_cloexec(int fd, int set);		/* -1: read only */
int vfs_fd_lowest_free(int from);

/* The whole stat of an open file (a vnode's, or the file's own). */
int vfs_file_stat(struct uk_file *f, struct stat *st);
/* Reads/writes at the file's offset or at *at; advance the offset. */
ssize_t vfs_file_read(struct uk_file *f, void *buf, size_t len,
		      const off_t *at);
ssize_t vfs_file_write(struct uk_file *f, const void *buf, size_t len,
		       const off_t *at);

/* tmpfs: file bytes read in place until first changed (the initrd's). */
int tmpfs_set_borrowed(struct uk_vnode *vn, const void *bytes, size_t len);

/* The initrd (a newc cpio archive) into the tree, from "/" (cpio.c). */
int vfs_unpack_initrd(const void *base, size_t len);

#endif /* __UKVFS_IMPL_H__ */
