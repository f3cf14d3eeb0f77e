/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The 9P2000.L client: messages built little-endian into a buffer, sent
 * as one virtio request (the T-message device-readable, room for the
 * R-message device-writable) and the reply checked: its type must be the
 * request's + 1, or Rlerror, whose Linux errno is the result as is.
 * Reads, writes and directory reads move their data straight between
 * the caller's buffer and the device (a second buffer in the chain), not
 * through a copy. The device fails for good when a reply does not fit,
 * so every reply buffer holds at least an Rlerror (11 bytes).
 */
#include <errno.h>
#include <sys/statfs.h>
#include <string.h>
#include <sys/uio.h>
#include <uk/alloc.h>
#include <uk/essentials.h>
#include <uk/virtio.h>
#include "p9.h"

/* size[4] type[1] tag[2] ecode[4] */
#define RLERROR_LEN	11

struct tx {
	uint8_t *b;
	size_t n, cap;
	uint8_t inline_buf[96];
};

struct rx {
	const uint8_t *p;
	size_t left;
	int bad;
};

static void *alloc(size_t len)
{
	return uk_malloc(uk_alloc_get_default(), len);
}

static void release(void *p)
{
	uk_free(uk_alloc_get_default(), p);
}

/* A T-message of type with room for extra bytes of strings. */
static int tx_start(struct tx *t, uint8_t type, size_t extra)
{
	t->cap = 64 + extra;
	t->b = t->cap <= sizeof(t->inline_buf) ? t->inline_buf
					       : alloc(t->cap);
	if (!t->b)
		return -ENOMEM;
	t->n = P9_HDR;
	t->b[4] = type;
	return 0;
}

static void tx_done(struct tx *t)
{
	if (t->b != t->inline_buf)
		release(t->b);
}

static void put(struct tx *t, uint64_t v, int bytes)
{
	int i;

	for (i = 0; i < bytes; i++)
		t->b[t->n++] = v >> (8 * i);
}

static void put16(struct tx *t, uint16_t v) { put(t, v, 2); }
static void put32(struct tx *t, uint32_t v) { put(t, v, 4); }
static void put64(struct tx *t, uint64_t v) { put(t, v, 8); }

static void putstr(struct tx *t, const char *s, size_t len)
{
	put16(t, len);
	memcpy(t->b + t->n, s, len);
	t->n += len;
}

static uint64_t get(struct rx *r, int bytes)
{
	uint64_t v = 0;
	int i;

	if (r->left < (size_t)bytes) {
		r->bad = 1;
		r->left = 0;
		return 0;
	}
	for (i = 0; i < bytes; i++)
		v |= (uint64_t)r->p[i] << (8 * i);
	r->p += bytes;
	r->left -= bytes;
	return v;
}

static uint8_t get8(struct rx *r) { return get(r, 1); }
static uint16_t get16(struct rx *r) { return get(r, 2); }
static uint32_t get32(struct rx *r) { return get(r, 4); }
static uint64_t get64(struct rx *r) { return get(r, 8); }

static void getqid(struct rx *r, struct p9_qid *q)
{
	q->type = get8(r);
	q->version = get32(r);
	q->path = get64(r);
}

static void gettime(struct rx *r, struct timespec *ts)
{
	ts->tv_sec = get64(r);
	ts->tv_nsec = get64(r);
}

uint32_t p9_fid_alloc(struct p9fs *fs)
{
	if (fs->nfree)
		return fs->free_fids[--fs->nfree];
	if (fs->next_fid == P9_NOFID)
		return P9_NOFID;
	return fs->next_fid++;
}

void p9_fid_free(struct p9fs *fs, uint32_t fid)
{
	uint32_t *n;
	size_t cap;

	if (fid == P9_NOFID)
		return;
	if (fs->nfree == fs->capfree) {
		cap = fs->capfree ? fs->capfree * 2 : 32;
		n = alloc(cap * sizeof(*n));
		if (!n)
			return;		/* that number is lost, not reused */
		if (fs->nfree)
			memcpy(n, fs->free_fids, fs->nfree * sizeof(*n));
		release(fs->free_fids);
		fs->free_fids = n;
		fs->capfree = cap;
	}
	fs->free_fids[fs->nfree++] = fid;
}

/*
 * One request: t (with odata after it) out; the reply into r (rcap
 * bytes, then idata). On success r is positioned after the header.
 * *ilen, when given, gets the bytes of the reply past rcap.
 */
static int rpc(struct p9fs *fs, struct tx *t, const void *odata, size_t olen,
	       uint8_t *rbuf, size_t rcap, void *idata, size_t ilen,
	       struct rx *r, size_t *iwritten)
{
	struct iovec out[2], in[2];
	uint32_t size = t->n + olen, rsize;
	uint16_t tag;
	long n;

	if (t->b[4] == P9_TVERSION) {
		tag = P9_NOTAG;
	} else {
		tag = fs->next_tag++;
		if (fs->next_tag == P9_NOTAG)
			fs->next_tag = 0;
	}
	t->b[0] = size;
	t->b[1] = size >> 8;
	t->b[2] = size >> 16;
	t->b[3] = size >> 24;
	t->b[5] = tag;
	t->b[6] = tag >> 8;
	out[0] = (struct iovec){ t->b, t->n };
	out[1] = (struct iovec){ (void *)odata, olen };
	in[0] = (struct iovec){ rbuf, rcap };
	in[1] = (struct iovec){ idata, ilen };
	n = uk_virtq_call(fs->q, out, olen ? 2 : 1, in, ilen ? 2 : 1);
	if (n < 0)
		return n;
	r->p = rbuf;
	r->left = MIN((size_t)n, rcap);
	r->bad = 0;
	rsize = get32(r);
	if (r->bad || rsize < P9_HDR || rsize > (size_t)n)
		return -EIO;
	if (get8(r) == P9_RLERROR) {
		get16(r);
		n = get32(r);
		return r->bad || n <= 0 || n > 4095 ? -EIO : -n;
	}
	if (rbuf[4] != t->b[4] + 1 || get16(r) != tag)
		return -EIO;
	/* What the reply holds: no more than its size says. */
	if (rsize < rcap)
		r->left = rsize - P9_HDR;
	if (iwritten)
		*iwritten = rsize > rcap ? rsize - rcap : 0;
	return 0;
}

/* A request whose reply is small (header, a qid or two). */
static int call(struct p9fs *fs, struct tx *t, uint8_t *rbuf, size_t rcap,
		struct rx *r)
{
	int rc = rpc(fs, t, NULL, 0, rbuf, rcap, NULL, 0, r, NULL);

	tx_done(t);
	return rc;
}

int p9_version(struct p9fs *fs, uint32_t msize)
{
	static const char version[] = "9P2000.L";
	uint8_t rbuf[64];
	char got[16];
	struct tx t;
	struct rx r;
	size_t len;
	int rc;

	rc = tx_start(&t, P9_TVERSION, sizeof(version));
	if (rc)
		return rc;
	put32(&t, msize);
	putstr(&t, version, sizeof(version) - 1);
	rc = call(fs, &t, rbuf, sizeof(rbuf), &r);
	if (rc)
		return rc;
	fs->msize = MIN(get32(&r), msize);
	len = get16(&r);
	if (r.bad || len > r.left || len >= sizeof(got))
		return -EPROTO;
	memcpy(got, r.p, len);
	got[len] = '\0';
	if (strcmp(got, version) || fs->msize < 4096)
		return -EPROTONOSUPPORT;
	return 0;
}

int p9_attach(struct p9fs *fs, uint32_t fid, struct p9_qid *qid)
{
	uint8_t rbuf[32];
	struct tx t;
	struct rx r;
	int rc;

	rc = tx_start(&t, P9_TATTACH, 0);
	if (rc)
		return rc;
	put32(&t, fid);
	put32(&t, P9_NOFID);		/* afid: no authentication */
	putstr(&t, "", 0);		/* uname: n_uname says who */
	putstr(&t, "", 0);		/* aname: the export itself */
	put32(&t, 0);			/* n_uname: root */
	rc = call(fs, &t, rbuf, sizeof(rbuf), &r);
	if (!rc)
		getqid(&r, qid);
	return rc ? rc : r.bad ? -EIO : 0;
}

int p9_walk(struct p9fs *fs, uint32_t fid, uint32_t newfid,
	    const char *name, size_t len, struct p9_qid *qid)
{
	uint8_t rbuf[32];
	struct tx t;
	struct rx r;
	int rc;

	rc = tx_start(&t, P9_TWALK, len);
	if (rc)
		return rc;
	put32(&t, fid);
	put32(&t, newfid);
	put16(&t, len ? 1 : 0);
	if (len)
		putstr(&t, name, len);
	rc = call(fs, &t, rbuf, sizeof(rbuf), &r);
	if (rc)
		return rc;
	/* A walk that fails at its first name is an Rlerror. */
	if (get16(&r) != (len ? 1 : 0))
		return -ENOENT;
	if (len)
		getqid(&r, qid);
	return r.bad ? -EIO : 0;
}

int p9_getattr(struct p9fs *fs, uint32_t fid, struct p9_attr *a)
{
	uint8_t rbuf[192];
	struct timespec btime;
	struct tx t;
	struct rx r;
	int rc;

	rc = tx_start(&t, P9_TGETATTR, 0);
	if (rc)
		return rc;
	put32(&t, fid);
	put64(&t, P9_GETATTR_BASIC);
	rc = call(fs, &t, rbuf, sizeof(rbuf), &r);
	if (rc)
		return rc;
	get64(&r);			/* valid: QEMU fills them all */
	getqid(&r, &a->qid);
	a->mode = get32(&r);
	a->uid = get32(&r);
	a->gid = get32(&r);
	a->nlink = get64(&r);
	a->rdev = get64(&r);
	a->size = get64(&r);
	a->blksize = get64(&r);
	a->blocks = get64(&r);
	gettime(&r, &a->atime);
	gettime(&r, &a->mtime);
	gettime(&r, &a->ctime);
	gettime(&r, &btime);
	return r.bad ? -EIO : 0;
}

int p9_setattr(struct p9fs *fs, uint32_t fid, uint32_t valid, uint32_t mode,
	       uint32_t uid, uint32_t gid, uint64_t size,
	       const struct timespec *atime, const struct timespec *mtime)
{
	static const struct timespec zero;
	uint8_t rbuf[16];
	struct tx t;
	struct rx r;
	int rc;

	rc = tx_start(&t, P9_TSETATTR, 0);
	if (rc)
		return rc;
	if (!atime)
		atime = &zero;
	if (!mtime)
		mtime = &zero;
	put32(&t, fid);
	put32(&t, valid);
	put32(&t, mode);
	put32(&t, uid);
	put32(&t, gid);
	put64(&t, size);
	put64(&t, atime->tv_sec);
	put64(&t, atime->tv_nsec);
	put64(&t, mtime->tv_sec);
	put64(&t, mtime->tv_nsec);
	return call(fs, &t, rbuf, sizeof(rbuf), &r);
}

int p9_lopen(struct p9fs *fs, uint32_t fid, uint32_t flags)
{
	uint8_t rbuf[32];
	struct tx t;
	struct rx r;
	int rc;

	rc = tx_start(&t, P9_TLOPEN, 0);
	if (rc)
		return rc;
	put32(&t, fid);
	put32(&t, flags);
	return call(fs, &t, rbuf, sizeof(rbuf), &r);
}

int p9_lcreate(struct p9fs *fs, uint32_t fid, const char *name, size_t len,
	       uint32_t flags, uint32_t mode, uint32_t gid,
	       struct p9_qid *qid)
{
	uint8_t rbuf[32];
	struct tx t;
	struct rx r;
	int rc;

	rc = tx_start(&t, P9_TLCREATE, len);
	if (rc)
		return rc;
	put32(&t, fid);
	putstr(&t, name, len);
	put32(&t, flags);
	put32(&t, mode);
	put32(&t, gid);
	rc = call(fs, &t, rbuf, sizeof(rbuf), &r);
	if (!rc)
		getqid(&r, qid);
	return rc ? rc : r.bad ? -EIO : 0;
}

/* Tmkdir, Tsymlink, Tmknod: a name in dfid, a qid back. */
static int make(struct p9fs *fs, struct tx *t, struct p9_qid *qid)
{
	uint8_t rbuf[32];
	struct rx r;
	int rc = call(fs, t, rbuf, sizeof(rbuf), &r);

	if (!rc)
		getqid(&r, qid);
	return rc ? rc : r.bad ? -EIO : 0;
}

int p9_mkdir(struct p9fs *fs, uint32_t dfid, const char *name, size_t len,
	     uint32_t mode, uint32_t gid, struct p9_qid *qid)
{
	struct tx t;
	int rc = tx_start(&t, P9_TMKDIR, len);

	if (rc)
		return rc;
	put32(&t, dfid);
	putstr(&t, name, len);
	put32(&t, mode);
	put32(&t, gid);
	return make(fs, &t, qid);
}

int p9_symlink(struct p9fs *fs, uint32_t dfid, const char *name, size_t len,
	       const char *target, uint32_t gid, struct p9_qid *qid)
{
	size_t tlen = strlen(target);
	struct tx t;
	int rc;

	if (tlen > 0xffff)
		return -ENAMETOOLONG;
	rc = tx_start(&t, P9_TSYMLINK, len + tlen);
	if (rc)
		return rc;
	put32(&t, dfid);
	putstr(&t, name, len);
	putstr(&t, target, tlen);
	put32(&t, gid);
	return make(fs, &t, qid);
}

int p9_mknod(struct p9fs *fs, uint32_t dfid, const char *name, size_t len,
	     uint32_t mode, uint32_t major, uint32_t minor, uint32_t gid,
	     struct p9_qid *qid)
{
	struct tx t;
	int rc = tx_start(&t, P9_TMKNOD, len);

	if (rc)
		return rc;
	put32(&t, dfid);
	putstr(&t, name, len);
	put32(&t, mode);
	put32(&t, major);
	put32(&t, minor);
	put32(&t, gid);
	return make(fs, &t, qid);
}

int p9_link(struct p9fs *fs, uint32_t dfid, uint32_t fid, const char *name,
	    size_t len)
{
	uint8_t rbuf[16];
	struct tx t;
	struct rx r;
	int rc = tx_start(&t, P9_TLINK, len);

	if (rc)
		return rc;
	put32(&t, dfid);
	put32(&t, fid);
	putstr(&t, name, len);
	return call(fs, &t, rbuf, sizeof(rbuf), &r);
}

int p9_unlinkat(struct p9fs *fs, uint32_t dfid, const char *name, size_t len,
		uint32_t flags)
{
	uint8_t rbuf[16];
	struct tx t;
	struct rx r;
	int rc = tx_start(&t, P9_TUNLINKAT, len);

	if (rc)
		return rc;
	put32(&t, dfid);
	putstr(&t, name, len);
	put32(&t, flags);
	return call(fs, &t, rbuf, sizeof(rbuf), &r);
}

int p9_renameat(struct p9fs *fs, uint32_t odfid, const char *oname,
		size_t olen, uint32_t ndfid, const char *nname, size_t nlen)
{
	uint8_t rbuf[16];
	struct tx t;
	struct rx r;
	int rc = tx_start(&t, P9_TRENAMEAT, olen + nlen);

	if (rc)
		return rc;
	put32(&t, odfid);
	putstr(&t, oname, olen);
	put32(&t, ndfid);
	putstr(&t, nname, nlen);
	return call(fs, &t, rbuf, sizeof(rbuf), &r);
}

/*
 * Tread and Treaddir: the reply's header and count[4] into a small
 * buffer, its data straight into the caller's.
 */
static long read_into(struct p9fs *fs, uint8_t type, uint32_t fid,
		      uint64_t offset, void *buf, uint32_t count)
{
	uint8_t rbuf[RLERROR_LEN];
	size_t written;
	struct tx t;
	struct rx r;
	uint32_t got;
	int rc;

	count = MIN(count, fs->msize - P9_IOHDR);
	if (!count)
		return 0;
	rc = tx_start(&t, type, 0);
	if (rc)
		return rc;
	put32(&t, fid);
	put64(&t, offset);
	put32(&t, count);
	rc = rpc(fs, &t, NULL, 0, rbuf, sizeof(rbuf), buf, count, &r,
		 &written);
	tx_done(&t);
	if (rc)
		return rc;
	got = get32(&r);
	if (r.bad || got > count || got > written)
		return -EIO;
	return got;
}

long p9_readdir(struct p9fs *fs, uint32_t fid, uint64_t offset, void *buf,
		uint32_t count)
{
	return read_into(fs, P9_TREADDIR, fid, offset, buf, count);
}

long p9_read(struct p9fs *fs, uint32_t fid, uint64_t offset, void *buf,
	     uint32_t count)
{
	return read_into(fs, P9_TREAD, fid, offset, buf, count);
}

long p9_write(struct p9fs *fs, uint32_t fid, uint64_t offset,
	      const void *buf, uint32_t count)
{
	uint8_t rbuf[RLERROR_LEN + 5];
	struct tx t;
	struct rx r;
	uint32_t done;
	int rc;

	count = MIN(count, fs->msize - P9_IOHDR);
	if (!count)
		return 0;
	rc = tx_start(&t, P9_TWRITE, 0);
	if (rc)
		return rc;
	put32(&t, fid);
	put64(&t, offset);
	put32(&t, count);
	rc = rpc(fs, &t, buf, count, rbuf, sizeof(rbuf), NULL, 0, &r, NULL);
	tx_done(&t);
	if (rc)
		return rc;
	done = get32(&r);
	if (r.bad || done > count)
		return -EIO;
	return done;
}

long p9_readlink(struct p9fs *fs, uint32_t fid, char *buf, size_t len)
{
	size_t cap = P9_HDR + 2 + 4096;
	uint8_t *rbuf = alloc(cap);
	struct tx t;
	struct rx r;
	size_t tlen;
	int rc;

	if (!rbuf)
		return -ENOMEM;
	rc = tx_start(&t, P9_TREADLINK, 0);
	if (rc) {
		release(rbuf);
		return rc;
	}
	put32(&t, fid);
	rc = call(fs, &t, rbuf, cap, &r);
	if (!rc) {
		tlen = get16(&r);
		if (r.bad || tlen > r.left) {
			rc = -EIO;
		} else {
			rc = MIN(tlen, len);
			memcpy(buf, r.p, rc);
		}
	}
	release(rbuf);
	return rc;
}

int p9_fsync(struct p9fs *fs, uint32_t fid)
{
	uint8_t rbuf[16];
	struct tx t;
	struct rx r;
	int rc = tx_start(&t, P9_TFSYNC, 0);

	if (rc)
		return rc;
	put32(&t, fid);
	put32(&t, 0);			/* datasync: no, everything */
	return call(fs, &t, rbuf, sizeof(rbuf), &r);
}

int p9_statfs(struct p9fs *fs, uint32_t fid, struct statfs *sf)
{
	uint8_t rbuf[80];
	struct tx t;
	struct rx r;
	uint64_t fsid;
	int rc = tx_start(&t, P9_TSTATFS, 0);

	if (rc)
		return rc;
	put32(&t, fid);
	rc = call(fs, &t, rbuf, sizeof(rbuf), &r);
	if (rc)
		return rc;
	sf->f_type = get32(&r);
	sf->f_bsize = sf->f_frsize = get32(&r);
	sf->f_blocks = get64(&r);
	sf->f_bfree = get64(&r);
	sf->f_bavail = get64(&r);
	sf->f_files = get64(&r);
	sf->f_ffree = get64(&r);
	fsid = get64(&r);
	sf->f_fsid.__val[0] = fsid;
	sf->f_fsid.__val[1] = fsid >> 32;
	sf->f_namelen = get32(&r);
	return r.bad ? -EIO : 0;
}

int p9_clunk(struct p9fs *fs, uint32_t fid)
{
	uint8_t rbuf[16];
	struct tx t;
	struct rx r;
	int rc;

	if (fid == P9_NOFID)
		return 0;
	rc = tx_start(&t, P9_TCLUNK, 0);
	if (rc)
		return rc;
	put32(&t, fid);
	rc = call(fs, &t, rbuf, sizeof(rbuf), &r);
	/* A clunk ends the fid even when it fails (the protocol's rule). */
	p9_fid_free(fs, fid);
	return rc;
}
