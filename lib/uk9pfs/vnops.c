/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The vnode ops over 9P2000.L. A vnode holds one fid walked to its file
 * (never opened: walks, attributes, names) and, once it is read or
 * written, fids opened for I/O (one O_RDWR when the server allows it,
 * else one for each way); a directory's open fid reads its entries.
 * All are clunked when the last reference goes. One file (qid.path) is
 * one vnode while it is referenced, so the VFS can compare them; a
 * lookup that finds it again hands it the fresh fid (the old one may
 * name a path changed on the host since). vn->st comes from Tgetattr
 * after each lookup and creation; writes and truncations update the
 * size and times locally. Errors are the server's (Linux's errno).
 */
#include <dirent.h>
#include <errno.h>
#include <sys/statfs.h>
#include <string.h>
#include <uk/alloc.h>
#include <uk/essentials.h>
#include "p9.h"

struct p9_node {
	struct uk_vnode vn;
	struct p9fs *fs;
	struct p9_node *hnext;
	uint64_t qpath;
	uint32_t fid;		/* walked, not open */
	uint32_t rfid, wfid;	/* open for reading, writing (may be one) */
	int rdwr_refused;	/* O_RDWR refused: one fid each way */
	struct stat known;	/* as the server has it (setattr's base) */
};

static const struct uk_vnode_ops p9_ops;

static struct p9_node *node_of(struct uk_vnode *vn)
{
	return containerof(vn, struct p9_node, vn);
}

static void attr_to_stat(struct p9fs *fs, const struct p9_attr *a,
			 struct stat *st)
{
	memset(st, 0, sizeof(*st));
	st->st_dev = fs->dev;
	st->st_ino = a->qid.path;
	st->st_mode = a->mode;
	st->st_nlink = a->nlink;
	st->st_uid = a->uid;
	st->st_gid = a->gid;
	st->st_rdev = a->rdev;
	st->st_size = a->size;
	st->st_blksize = a->blksize;
	st->st_blocks = a->blocks;
	st->st_atim = a->atime;
	st->st_mtim = a->mtime;
	st->st_ctim = a->ctime;
}

/* dir's entries changed (by us: the server's times may differ a bit). */
static void dir_changed(struct uk_vnode *dvn)
{
	struct p9_node *dir = node_of(dvn);

	dvn->st.st_mtim = dvn->st.st_ctim = uk_vfs_now();
	dir->known.st_mtim = dvn->st.st_mtim;
	dir->known.st_ctim = dvn->st.st_ctim;
}

static struct p9_node **slot(struct p9fs *fs, uint64_t qpath)
{
	return &fs->nodes[qpath % P9FS_HASH];
}

static struct p9_node *find_node(struct p9fs *fs, uint64_t qpath)
{
	struct p9_node *n;

	for (n = *slot(fs, qpath); n; n = n->hnext)
		if (n->qpath == qpath)
			return n;
	return NULL;
}

/*
 * The vnode for the file fid was walked to (fid taken over), with
 * attributes a, in the mount of dir: the live one, or a new one.
 */
static int node_for(struct p9fs *fs, struct uk_vnode *dir, uint32_t fid,
		    const struct p9_attr *a, struct uk_vnode **out)
{
	struct p9_node *n = find_node(fs, a->qid.path);
	uint32_t old;

	if (n) {
		uk_vnode_get(&n->vn);
		attr_to_stat(fs, a, &n->vn.st);
		n->known = n->vn.st;
		old = n->fid;
		n->fid = fid;
		p9_clunk(fs, old);	/* (blocks: n is held) */
		*out = &n->vn;
		return 0;
	}
	n = uk_calloc(uk_alloc_get_default(), 1, sizeof(*n));
	if (!n) {
		p9_clunk(fs, fid);
		return -ENOMEM;
	}
	n->vn.ops = &p9_ops;
	n->vn.mnt = dir ? dir->mnt : NULL;
	n->vn.fs = fs;
	n->vn.refs = 1;
	n->fs = fs;
	n->qpath = a->qid.path;
	n->fid = fid;
	n->rfid = n->wfid = P9_NOFID;
	attr_to_stat(fs, a, &n->vn.st);
	n->known = n->vn.st;
	n->hnext = *slot(fs, n->qpath);
	*slot(fs, n->qpath) = n;
	*out = &n->vn;
	return 0;
}

/* Walks name (len 0: a clone) from dir's fid to a new fid. */
static int walk_new(struct p9_node *dir, const char *name, size_t len,
		    uint32_t *fid, struct p9_qid *qid)
{
	struct p9fs *fs = dir->fs;
	int rc;

	*fid = p9_fid_alloc(fs);
	if (*fid == P9_NOFID)
		return -ENFILE;
	rc = p9_walk(fs, dir->fid, *fid, name, len, qid);
	if (rc) {
		p9_fid_free(fs, *fid);
		*fid = P9_NOFID;
	}
	return rc;
}

/* The vnode of name in dir, from a walk and a getattr. */
static int lookup_fid(struct p9_node *dir, const char *name, size_t len,
		      struct uk_vnode **out)
{
	struct p9fs *fs = dir->fs;
	struct p9_attr a;
	struct p9_qid qid;
	uint32_t fid;
	int rc;

	rc = walk_new(dir, name, len, &fid, &qid);
	if (rc)
		return rc;
	rc = p9_getattr(fs, fid, &a);
	if (rc) {
		p9_clunk(fs, fid);
		return rc;
	}
	return node_for(fs, &dir->vn, fid, &a, out);
}

/* ".." too: the VFS never asks it at the mount's root. */
static int vn_lookup(struct uk_vnode *dvn, const char *name, size_t len,
		     struct uk_vnode **out)
{
	return lookup_fid(node_of(dvn), name, len, out);
}

static void split_dev(dev_t rdev, uint32_t *major, uint32_t *minor)
{
	uint64_t d = rdev;

	*major = ((d >> 8) & 0xfff) | ((d >> 32) & ~0xfffULL);
	*minor = (d & 0xff) | ((d >> 12) & ~0xffULL);
}

static int vn_create(struct uk_vnode *dvn, const char *name, size_t len,
		     mode_t mode, dev_t rdev, const char *target,
		     struct uk_vnode **out)
{
	struct p9_node *dir = node_of(dvn), *n;
	struct p9fs *fs = dir->fs;
	uint32_t ofid = P9_NOFID, major, minor;
	struct p9_qid qid;
	int rc;

	switch (mode & S_IFMT) {
	case S_IFREG:
		/* Tlcreate turns the fid into the new file, open: a clone. */
		rc = walk_new(dir, NULL, 0, &ofid, &qid);
		if (rc)
			return rc;
		rc = p9_lcreate(fs, ofid, name, len,
				P9_O_RDWR | P9_O_CREAT | P9_O_EXCL,
				mode & 07777, 0, &qid);
		if (rc) {
			p9_clunk(fs, ofid);
			return rc;
		}
		break;
	case S_IFDIR:
		rc = p9_mkdir(fs, dir->fid, name, len, mode & 07777, 0, &qid);
		break;
	case S_IFLNK:
		rc = p9_symlink(fs, dir->fid, name, len, target, 0, &qid);
		break;
	default:
		split_dev(rdev, &major, &minor);
		rc = p9_mknod(fs, dir->fid, name, len, mode, major, minor, 0,
			      &qid);
		break;
	}
	if (rc)
		return rc;
	dir_changed(dvn);
	if (S_ISDIR(mode))
		dvn->st.st_nlink++;
	if (!out) {
		p9_clunk(fs, ofid);
		return 0;
	}
	rc = lookup_fid(dir, name, len, out);
	if (rc) {
		p9_clunk(fs, ofid);
		return rc;
	}
	n = node_of(*out);
	if (ofid != P9_NOFID) {
		if (n->rfid == P9_NOFID && n->wfid == P9_NOFID) {
			n->rfid = n->wfid = ofid;	/* open O_RDWR */
		} else {
			p9_clunk(fs, ofid);
		}
	}
	return 0;
}

static int vn_link(struct uk_vnode *dvn, const char *name, size_t len,
		   struct uk_vnode *vn)
{
	struct p9_node *dir = node_of(dvn), *n = node_of(vn);
	int rc;

	rc = p9_link(dir->fs, dir->fid, n->fid, name, len);
	if (rc)
		return rc;
	dir_changed(dvn);
	vn->st.st_nlink++;
	vn->st.st_ctim = n->known.st_ctim = dvn->st.st_ctim;
	return 0;
}

/*
 * Tunlinkat wants to know a directory (AT_REMOVEDIR): a walk to the
 * name says, and names the vnode that loses a link, if one is live.
 */
static int vn_unlink(struct uk_vnode *dvn, const char *name, size_t len)
{
	struct p9_node *dir = node_of(dvn), *n;
	struct p9fs *fs = dir->fs;
	struct p9_qid qid;
	uint32_t fid;
	int rc, isdir;

	rc = walk_new(dir, name, len, &fid, &qid);
	if (rc)
		return rc;
	p9_clunk(fs, fid);
	isdir = (qid.type & 0x80) != 0;		/* QTDIR */
	rc = p9_unlinkat(fs, dir->fid, name, len,
			 isdir ? P9_AT_REMOVEDIR : 0);
	if (rc)
		return rc;
	dir_changed(dvn);
	if (isdir && dvn->st.st_nlink > 2)
		dvn->st.st_nlink--;
	n = find_node(fs, qid.path);
	if (n) {
		if (isdir)
			n->vn.st.st_nlink = 0;	/* its own "." goes too */
		else if (n->vn.st.st_nlink)
			n->vn.st.st_nlink--;
		n->vn.st.st_ctim = dvn->st.st_ctim;
	}
	return 0;
}

/*
 * Trenameat moves one name; 9P has no exchange: EINVAL, as Linux says
 * for a file system without RENAME_EXCHANGE.
 */
static int vn_rename(struct uk_vnode *odvn, const char *oname, size_t olen,
		     struct uk_vnode *ndvn, const char *nname, size_t nlen,
		     int exchange)
{
	struct p9_node *odir = node_of(odvn), *ndir = node_of(ndvn);
	int rc;

	if (exchange)
		return -EINVAL;
	rc = p9_renameat(odir->fs, odir->fid, oname, olen, ndir->fid, nname,
			 nlen);
	if (rc)
		return rc;
	dir_changed(odvn);
	dir_changed(ndvn);
	return 0;
}

/*
 * A fid open on vn for reading or writing: O_RDWR first (one fid for
 * both), one each way when the server refuses that (a read-only file).
 */
static long io_fid(struct p9_node *n, int write)
{
	struct p9fs *fs = n->fs;
	uint32_t fid, flags;
	struct p9_qid qid;
	int rc;

	if ((write ? n->wfid : n->rfid) != P9_NOFID)
		return write ? n->wfid : n->rfid;
	rc = walk_new(n, NULL, 0, &fid, &qid);
	if (rc)
		return rc;
	flags = n->rdwr_refused ? (write ? P9_O_WRONLY : P9_O_RDONLY)
				: P9_O_RDWR;
	rc = p9_lopen(fs, fid, flags);
	if (rc && flags == P9_O_RDWR && rc != -ENOENT) {
		n->rdwr_refused = 1;
		flags = write ? P9_O_WRONLY : P9_O_RDONLY;
		rc = p9_lopen(fs, fid, flags);
	}
	if (rc) {
		p9_clunk(fs, fid);
		return rc;
	}
	/* Another thread may have opened one while this one waited. */
	if ((write ? n->wfid : n->rfid) != P9_NOFID) {
		p9_clunk(fs, fid);
		return write ? n->wfid : n->rfid;
	}
	if (flags == P9_O_RDWR && n->rfid == P9_NOFID &&
	    n->wfid == P9_NOFID)
		n->rfid = n->wfid = fid;
	else if (write)
		n->wfid = fid;
	else
		n->rfid = fid;
	return fid;
}

/* Entries from cookie on: the server's offsets are the cookies. */
static int vn_readdir(struct uk_vnode *dvn, uint64_t cookie,
		      uk_dir_emit emit, void *ctx)
{
	struct p9_node *dir = node_of(dvn);
	struct p9fs *fs = dir->fs;
	uint32_t count = MIN(fs->msize - P9_IOHDR, 16384);
	struct p9_qid qid;
	uint8_t *buf, *p, *end;
	uint64_t next;
	size_t nlen;
	uint8_t type;
	long fid, got;
	int i, stop = 0;

	fid = io_fid(dir, 0);
	if (fid < 0)
		return fid;
	buf = uk_malloc(uk_alloc_get_default(), count);
	if (!buf)
		return -ENOMEM;
	while (!stop) {
		got = p9_readdir(fs, fid, cookie, buf, count);
		if (got <= 0)
			break;
		for (p = buf, end = buf + got; !stop && p < end;
		     p += 24 + nlen) {
			/* qid[13] offset[8] type[1] name[s] */
			if (end - p < 24)
				goto bad;
			qid.path = 0;
			for (i = 0; i < 8; i++)
				qid.path |= (uint64_t)p[5 + i] << (8 * i);
			next = 0;
			for (i = 0; i < 8; i++)
				next |= (uint64_t)p[13 + i] << (8 * i);
			type = p[21];
			nlen = p[22] | p[23] << 8;
			if ((size_t)(end - p - 24) < nlen)
				goto bad;
			stop = emit(ctx, (const char *)p + 24, nlen, qid.path,
				    type, next);
			cookie = next;
		}
	}
	uk_free(uk_alloc_get_default(), buf);
	return got < 0 ? got : 0;
bad:
	uk_free(uk_alloc_get_default(), buf);
	return -EIO;
}

static ssize_t vn_read(struct uk_vnode *vn, void *buf, size_t len,
		       off_t off)
{
	struct p9_node *n = node_of(vn);
	size_t done = 0, chunk;
	long fid, got;

	fid = io_fid(n, 0);
	if (fid < 0)
		return fid;
	while (done < len) {
		chunk = MIN(len - done, n->fs->msize - P9_IOHDR);
		got = p9_read(n->fs, fid, off + done, (char *)buf + done,
			      chunk);
		if (got < 0)
			return done ? (ssize_t)done : got;
		done += got;
		if ((size_t)got < chunk)
			break;
	}
	return done;
}

static ssize_t vn_write(struct uk_vnode *vn, const void *buf, size_t len,
			off_t off)
{
	struct p9_node *n = node_of(vn);
	size_t done = 0, chunk;
	long fid, put;

	if (len > (uint64_t)INT64_MAX - off)
		return -EFBIG;
	fid = io_fid(n, 1);
	if (fid < 0)
		return fid;
	while (done < len) {
		chunk = MIN(len - done, n->fs->msize - P9_IOHDR);
		put = p9_write(n->fs, fid, off + done,
			       (const char *)buf + done, chunk);
		if (put < 0) {
			if (!done)
				return put;
			break;
		}
		done += put;
		if (!put)
			break;
	}
	if (done) {
		if ((size_t)vn->st.st_size < off + done)
			vn->st.st_size = off + done;
		vn->st.st_blocks = (vn->st.st_size + 511) / 512;
		vn->st.st_mtim = vn->st.st_ctim = uk_vfs_now();
		n->known.st_mtim = vn->st.st_mtim;
	}
	return done;
}

static int vn_truncate(struct uk_vnode *vn, off_t len)
{
	struct p9_node *n = node_of(vn);
	int rc;

	rc = p9_setattr(n->fs, n->fid, P9_SETATTR_SIZE, 0, 0, 0, len, NULL,
			NULL);
	if (rc)
		return rc;
	vn->st.st_size = len;
	vn->st.st_blocks = (len + 511) / 512;
	vn->st.st_mtim = vn->st.st_ctim = uk_vfs_now();
	n->known.st_mtim = vn->st.st_mtim;
	return 0;
}

static ssize_t vn_readlink(struct uk_vnode *vn, char *buf, size_t len)
{
	struct p9_node *n = node_of(vn);

	return p9_readlink(n->fs, n->fid, buf, len);
}

static int same_time(const struct timespec *a, const struct timespec *b)
{
	return a->tv_sec == b->tv_sec && a->tv_nsec == b->tv_nsec;
}

/* What the VFS changed in st since the server last said: sent. */
static int vn_setattr(struct uk_vnode *vn)
{
	struct p9_node *n = node_of(vn);
	struct stat *st = &vn->st, *k = &n->known;
	uint32_t valid = 0;
	int rc;

	if ((st->st_mode & 07777) != (k->st_mode & 07777))
		valid |= P9_SETATTR_MODE;
	if (st->st_uid != k->st_uid)
		valid |= P9_SETATTR_UID;
	if (st->st_gid != k->st_gid)
		valid |= P9_SETATTR_GID;
	if (!same_time(&st->st_atim, &k->st_atim))
		valid |= P9_SETATTR_ATIME | P9_SETATTR_ATIME_SET;
	if (!same_time(&st->st_mtim, &k->st_mtim))
		valid |= P9_SETATTR_MTIME | P9_SETATTR_MTIME_SET;
	if (!valid)
		return 0;
	rc = p9_setattr(n->fs, n->fid, valid, st->st_mode & 07777,
			st->st_uid, st->st_gid, 0, &st->st_atim,
			&st->st_mtim);
	if (rc) {
		/* Nothing changed, as far as the guest can tell. */
		st->st_mode = k->st_mode;
		st->st_uid = k->st_uid;
		st->st_gid = k->st_gid;
		st->st_atim = k->st_atim;
		st->st_mtim = k->st_mtim;
		st->st_ctim = k->st_ctim;
		return rc;
	}
	k->st_mode = st->st_mode;
	k->st_uid = st->st_uid;
	k->st_gid = st->st_gid;
	k->st_atim = st->st_atim;
	k->st_mtim = st->st_mtim;
	k->st_ctim = st->st_ctim;
	return 0;
}

static int vn_sync(struct uk_vnode *vn)
{
	struct p9_node *n = node_of(vn);
	uint32_t fid = n->wfid != P9_NOFID ? n->wfid : n->rfid;

	return fid == P9_NOFID ? 0 : p9_fsync(n->fs, fid);
}

static int vn_statfs(struct uk_vnode *vn, struct statfs *sf)
{
	struct p9_node *n = node_of(vn);

	return p9_statfs(n->fs, n->fid, sf);
}

static void vn_release(struct uk_vnode *vn)
{
	struct p9_node *n = node_of(vn), **pp;
	struct p9fs *fs = n->fs;

	for (pp = slot(fs, n->qpath); *pp; pp = &(*pp)->hnext)
		if (*pp == n) {
			*pp = n->hnext;
			break;
		}
	p9_clunk(fs, n->fid);
	if (n->wfid != n->rfid)
		p9_clunk(fs, n->wfid);
	p9_clunk(fs, n->rfid);
	uk_free(uk_alloc_get_default(), n);
}

static const struct uk_vnode_ops p9_ops = {
	.lookup = vn_lookup,
	.create = vn_create,
	.link = vn_link,
	.unlink = vn_unlink,
	.rename = vn_rename,
	.readdir = vn_readdir,
	.read = vn_read,
	.write = vn_write,
	.truncate = vn_truncate,
	.readlink = vn_readlink,
	.setattr = vn_setattr,
	.sync = vn_sync,
	.statfs = vn_statfs,
	.release = vn_release,
};

int p9fs_root(struct p9fs *fs, uint32_t fid, struct uk_vnode **out)
{
	struct p9_attr a;
	int rc = p9_getattr(fs, fid, &a);

	if (rc) {
		p9_clunk(fs, fid);
		return rc;
	}
	if (!S_ISDIR(a.mode)) {
		p9_clunk(fs, fid);
		return -ENOTDIR;
	}
	return node_for(fs, NULL, fid, &a, out);
}
