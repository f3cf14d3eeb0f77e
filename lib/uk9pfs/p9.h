/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * uk9pfs's insides: a 9P2000.L client over one virtio-9p request queue
 * (p9.c), the vnode ops over it (vnops.c), and the mounts at boot
 * (mount.c). Kiln runs one CPU with interrupts masked in its own code,
 * so nothing here takes a lock; a request blocks the calling thread
 * until the device answers, and other threads may send theirs meanwhile:
 * whatever a request's caller read before it may have changed after.
 */
#ifndef __UK9PFS_P9_H__
#define __UK9PFS_P9_H__

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <uk/vfs.h>

struct statfs;
struct uk_virtq;

/* Message types (T; the reply is T + 1, or Rlerror). */
#define P9_RLERROR	7
#define P9_TSTATFS	8
#define P9_TLOPEN	12
#define P9_TLCREATE	14
#define P9_TSYMLINK	16
#define P9_TMKNOD	18
#define P9_TREADLINK	22
#define P9_TGETATTR	24
#define P9_TSETATTR	26
#define P9_TREADDIR	40
#define P9_TFSYNC	50
#define P9_TLINK	70
#define P9_TMKDIR	72
#define P9_TRENAMEAT	74
#define P9_TUNLINKAT	76
#define P9_TVERSION	100
#define P9_TATTACH	104
#define P9_TWALK	110
#define P9_TREAD	116
#define P9_TWRITE	118
#define P9_TCLUNK	120

#define P9_NOTAG	0xffff
#define P9_NOFID	0xffffffffu

/* size[4] type[1] tag[2]: every message's header. */
#define P9_HDR		7
/* The most a Tread/Twrite/Treaddir header takes (Twrite: 23). */
#define P9_IOHDR	24

/* Tlopen/Tlcreate flags: Linux's generic values, on every arch. */
#define P9_O_RDONLY	00
#define P9_O_WRONLY	01
#define P9_O_RDWR	02
#define P9_O_CREAT	0100
#define P9_O_EXCL	0200

/* Tunlinkat's flag (Linux's AT_REMOVEDIR). */
#define P9_AT_REMOVEDIR	0x200

/* Tgetattr's request mask: everything up to the block count. */
#define P9_GETATTR_BASIC	0x7ffULL

/* Tsetattr's valid bits. */
#define P9_SETATTR_MODE		0x001
#define P9_SETATTR_UID		0x002
#define P9_SETATTR_GID		0x004
#define P9_SETATTR_SIZE		0x008
#define P9_SETATTR_ATIME	0x010
#define P9_SETATTR_MTIME	0x020
#define P9_SETATTR_ATIME_SET	0x080
#define P9_SETATTR_MTIME_SET	0x100

/* What QEMU's virtio-9p takes at most per message, and what we ask. */
#define P9_MSIZE	(128 * 1024)

struct p9_qid {
	uint8_t type;
	uint32_t version;
	uint64_t path;
};

/* Rgetattr, the fields Kiln keeps. */
struct p9_attr {
	struct p9_qid qid;
	uint32_t mode, uid, gid;
	uint64_t nlink, rdev, size, blksize, blocks;
	struct timespec atime, mtime, ctime;
};

#define P9FS_HASH	64

struct p9_node;

/* One virtio-9p device: its queue, its session, its vnodes. */
struct p9fs {
	struct uk_virtq *q;
	const char *where;		/* the device, for messages */
	char tag[64];			/* its mount tag */
	uint32_t msize;
	uint16_t next_tag;
	uint32_t next_fid;
	uint32_t *free_fids;		/* clunked, for reuse */
	size_t nfree, capfree;
	dev_t dev;			/* st_dev of its files */
	struct p9_node *nodes[P9FS_HASH];	/* live vnodes by qid.path */
};

/* Fids: a number not in use (P9_NOFID when memory ran out), and back. */
uint32_t p9_fid_alloc(struct p9fs *fs);
void p9_fid_free(struct p9fs *fs, uint32_t fid);

/* The calls: 0 (or a count) or -errno, the server's Rlerror as is. */
int p9_version(struct p9fs *fs, uint32_t msize);
int p9_attach(struct p9fs *fs, uint32_t fid, struct p9_qid *qid);
/* One name from fid to newfid (len 0: a clone of fid). */
int p9_walk(struct p9fs *fs, uint32_t fid, uint32_t newfid,
	    const char *name, size_t len, struct p9_qid *qid);
int p9_getattr(struct p9fs *fs, uint32_t fid, struct p9_attr *a);
int p9_setattr(struct p9fs *fs, uint32_t fid, uint32_t valid, uint32_t mode,
	       uint32_t uid, uint32_t gid, uint64_t size,
	       const struct timespec *atime, const struct timespec *mtime);
int p9_lopen(struct p9fs *fs, uint32_t fid, uint32_t flags);
int p9_lcreate(struct p9fs *fs, uint32_t fid, const char *name, size_t len,
	       uint32_t flags, uint32_t mode, uint32_t gid,
	       struct p9_qid *qid);
int p9_mkdir(struct p9fs *fs, uint32_t dfid, const char *name, size_t len,
	     uint32_t mode, uint32_t gid, struct p9_qid *qid);
int p9_symlink(struct p9fs *fs, uint32_t dfid, const char *name, size_t len,
	       const char *target, uint32_t gid, struct p9_qid *qid);
int p9_mknod(struct p9fs *fs, uint32_t dfid, const char *name, size_t len,
	     uint32_t mode, uint32_t major, uint32_t minor, uint32_t gid,
	     struct p9_qid *qid);
int p9_link(struct p9fs *fs, uint32_t dfid, uint32_t fid, const char *name,
	    size_t len);
int p9_unlinkat(struct p9fs *fs, uint32_t dfid, const char *name, size_t len,
		uint32_t flags);
int p9_renameat(struct p9fs *fs, uint32_t odfid, const char *oname,
		size_t olen, uint32_t ndfid, const char *nname, size_t nlen);
/* Directory entries from offset into buf (count bytes at most). */
long p9_readdir(struct p9fs *fs, uint32_t fid, uint64_t offset, void *buf,
		uint32_t count);
/* One Tread/Twrite: count at most msize - P9_IOHDR. */
long p9_read(struct p9fs *fs, uint32_t fid, uint64_t offset, void *buf,
	     uint32_t count);
long p9_write(struct p9fs *fs, uint32_t fid, uint64_t offset,
	      const void *buf, uint32_t count);
/* The target (not NUL-terminated), len bytes at most. */
long p9_readlink(struct p9fs *fs, uint32_t fid, char *buf, size_t len);
int p9_fsync(struct p9fs *fs, uint32_t fid);
/* The exported file system's figures, as Linux's statfs gives them. */
int p9_statfs(struct p9fs *fs, uint32_t fid, struct statfs *sf);
/* Clunks and frees the fid (freed even when the server says no). */
int p9_clunk(struct p9fs *fs, uint32_t fid);

/* vnops.c: the root of a session attached as fid (taken over). */
int p9fs_root(struct p9fs *fs, uint32_t fid, struct uk_vnode **out);

#endif /* __UK9PFS_P9_H__ */
