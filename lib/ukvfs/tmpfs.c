/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * tmpfs: files, directories, links and device nodes in the heap. A
 * directory is a list of entries in creation order (readdir's cookies are
 * their sequence numbers, stable across removals); a file's bytes are
 * pages with holes (tmpfs_data.c), read in place from the initrd they
 * were unpacked from until written (tmpfs_set_borrowed). Running out of
 * heap is ENOSPC, as on Linux's tmpfs.
 */
#include <dirent.h>
#include <errno.h>
#include <string.h>
#include <uk/alloc.h>
#include <uk/essentials.h>
#include "tmpfs_data.h"
#include "vfs_impl.h"

struct tmpfs_dirent {
	struct tmpfs_dirent *next;
	struct tmpfs_node *node;
	uint64_t seq;		/* readdir cookie: "." is 0, ".." 1 */
	size_t len;
	char name[];
};

struct tmpfs_node {
	struct uk_vnode vn;
	struct tmpfs_node *parent;		/* directories */
	struct tmpfs_dirent *first, *last;	/* directories */
	uint64_t next_seq;
	struct tmpfs_data data;		/* files */
	char *target;			/* symbolic links */
};

static const struct uk_vnode_ops tmpfs_ops;
static dev_t next_dev = 1;

static struct tmpfs_node *node_of(struct uk_vnode *vn)
{
	return containerof(vn, struct tmpfs_node, vn);
}

static void *zalloc(size_t len)
{
	return uk_calloc(uk_alloc_get_default(), 1, len);
}

static void release_memory(struct tmpfs_node *n)
{
	struct uk_alloc *a = uk_alloc_get_default();
	struct tmpfs_node *parent = n->parent;

	tmpfs_data_free(&n->data);
	uk_free(a, n->target);
	uk_free(a, n);
	if (parent)
		uk_vnode_put(&parent->vn);
}

/*
 * A directory holds its parent ("..") while it exists, even removed
 * and still someone's working directory.
 */
static void set_parent(struct tmpfs_node *n, struct tmpfs_node *dir)
{
	struct tmpfs_node *old = n->parent;

	uk_vnode_get(&dir->vn);
	n->parent = dir;
	if (old)
		uk_vnode_put(&old->vn);
}

/* Unlinked and unused: gone. */
static void maybe_free(struct tmpfs_node *n)
{
	if (n->vn.refs == 0 && n->vn.st.st_nlink == 0)
		release_memory(n);
}

static struct tmpfs_node *node_new(struct uk_mount *mnt, dev_t dev,
				   mode_t mode)
{
	static ino_t next_ino = 1;
	struct tmpfs_node *n = zalloc(sizeof(*n));

	if (!n)
		return NULL;
	n->vn.ops = &tmpfs_ops;
	n->vn.mnt = mnt;
	n->vn.fs = n;
	n->vn.st.st_dev = dev;
	n->vn.st.st_ino = next_ino++;
	n->vn.st.st_mode = mode;
	n->vn.st.st_nlink = S_ISDIR(mode) ? 2 : 1;
	n->vn.st.st_blksize = 4096;
	n->vn.st.st_atim = n->vn.st.st_mtim = n->vn.st.st_ctim = uk_vfs_now();
	n->next_seq = 2;
	return n;
}

static void touch(struct tmpfs_node *n, int modified)
{
	struct timespec now = uk_vfs_now();

	n->vn.st.st_ctim = now;
	if (modified)
		n->vn.st.st_mtim = now;
}

static struct tmpfs_dirent *find(struct tmpfs_node *dir, const char *name,
				 size_t len, struct tmpfs_dirent **prev)
{
	struct tmpfs_dirent *e, *p = NULL;

	for (e = dir->first; e; p = e, e = e->next)
		if (e->len == len && !memcmp(e->name, name, len)) {
			if (prev)
				*prev = p;
			return e;
		}
	return NULL;
}

static int add_entry(struct tmpfs_node *dir, const char *name, size_t len,
		     struct tmpfs_node *n)
{
	struct tmpfs_dirent *e = zalloc(sizeof(*e) + len + 1);

	if (!e)
		return -ENOSPC;
	memcpy(e->name, name, len);
	e->len = len;
	e->node = n;
	e->seq = dir->next_seq++;
	if (dir->last)
		dir->last->next = e;
	else
		dir->first = e;
	dir->last = e;
	if (S_ISDIR(n->vn.st.st_mode)) {
		set_parent(n, dir);
		dir->vn.st.st_nlink++;
	}
	dir->vn.st.st_size++;
	touch(dir, 1);
	return 0;
}

/* Takes the entry out; the node loses a link (and memory if unused). */
static void drop_entry(struct tmpfs_node *dir, struct tmpfs_dirent *e,
		       struct tmpfs_dirent *prev, int unlink_node)
{
	struct tmpfs_node *n = e->node;

	if (prev)
		prev->next = e->next;
	else
		dir->first = e->next;
	if (dir->last == e)
		dir->last = prev;
	dir->vn.st.st_size--;
	touch(dir, 1);
	if (S_ISDIR(n->vn.st.st_mode))
		dir->vn.st.st_nlink--;
	uk_free(uk_alloc_get_default(), e);
	if (!unlink_node)
		return;
	if (S_ISDIR(n->vn.st.st_mode))
		n->vn.st.st_nlink = 0;	/* its own "." goes too */
	else
		n->vn.st.st_nlink--;
	touch(n, 0);
	maybe_free(n);
}

static int tmpfs_lookup(struct uk_vnode *dvn, const char *name, size_t len,
			struct uk_vnode **out)
{
	struct tmpfs_node *dir = node_of(dvn), *n;
	struct tmpfs_dirent *e;

	if (len == 2 && name[0] == '.' && name[1] == '.')
		n = dir->parent ? dir->parent : dir;
	else if (!(e = find(dir, name, len, NULL)))
		return -ENOENT;
	else
		n = e->node;
	uk_vnode_get(&n->vn);
	*out = &n->vn;
	return 0;
}

static int tmpfs_create(struct uk_vnode *dvn, const char *name, size_t len,
			mode_t mode, dev_t rdev, const char *target,
			struct uk_vnode **out)
{
	struct tmpfs_node *dir = node_of(dvn), *n;
	int rc;

	if (dir->vn.st.st_nlink == 0)
		return -ENOENT;		/* removed while we looked */
	if (find(dir, name, len, NULL))
		return -EEXIST;
	n = node_new(dvn->mnt, dvn->st.st_dev, mode);
	if (!n)
		return -ENOSPC;
	n->vn.st.st_rdev = rdev;
	if (S_ISLNK(mode)) {
		n->vn.st.st_size = strlen(target);
		n->target = zalloc(n->vn.st.st_size + 1);
		if (!n->target) {
			release_memory(n);
			return -ENOSPC;
		}
		memcpy(n->target, target, n->vn.st.st_size);
	}
	rc = add_entry(dir, name, len, n);
	if (rc) {
		release_memory(n);
		return rc;
	}
	if (out) {
		uk_vnode_get(&n->vn);
		*out = &n->vn;
	}
	return 0;
}

static int tmpfs_link(struct uk_vnode *dvn, const char *name, size_t len,
		      struct uk_vnode *vn)
{
	struct tmpfs_node *dir = node_of(dvn), *n = node_of(vn);
	int rc;

	if (find(dir, name, len, NULL))
		return -EEXIST;
	if (n->vn.st.st_nlink == 0)
		return -ENOENT;
	rc = add_entry(dir, name, len, n);
	if (!rc) {
		n->vn.st.st_nlink++;
		touch(n, 0);
	}
	return rc;
}

static int tmpfs_unlink(struct uk_vnode *dvn, const char *name, size_t len)
{
	struct tmpfs_node *dir = node_of(dvn);
	struct tmpfs_dirent *e, *prev;

	e = find(dir, name, len, &prev);
	if (!e)
		return -ENOENT;
	drop_entry(dir, e, prev, 1);
	return 0;
}

/* The VFS checked types, emptiness and loops; this moves the entries. */
static int tmpfs_rename(struct uk_vnode *odvn, const char *oname,
			size_t olen, struct uk_vnode *ndvn, const char *nname,
			size_t nlen, int exchange)
{
	struct tmpfs_node *odir = node_of(odvn), *ndir = node_of(ndvn);
	struct tmpfs_dirent *oe, *ne, *oprev, *nprev;
	struct tmpfs_node *n, *m;

	oe = find(odir, oname, olen, &oprev);
	ne = find(ndir, nname, nlen, &nprev);
	if (!oe || (exchange && !ne))
		return -ENOENT;
	n = oe->node;
	if (exchange) {
		m = ne->node;
		oe->node = m;
		ne->node = n;
		if (S_ISDIR(n->vn.st.st_mode) != S_ISDIR(m->vn.st.st_mode)) {
			odir->vn.st.st_nlink += S_ISDIR(m->vn.st.st_mode) ? 1 : -1;
			ndir->vn.st.st_nlink += S_ISDIR(n->vn.st.st_mode) ? 1 : -1;
		}
		if (S_ISDIR(n->vn.st.st_mode))
			set_parent(n, ndir);
		if (S_ISDIR(m->vn.st.st_mode))
			set_parent(m, odir);
		touch(odir, 1);
		touch(ndir, 1);
		return 0;
	}
	if (ne && ne->node == n)
		return 0;		/* two names of one file: nothing */
	/* The new entry first: when memory runs out nothing has moved. */
	uk_vnode_get(&n->vn);
	if (ne)
		drop_entry(ndir, ne, nprev, 1);
	if (add_entry(ndir, nname, nlen, n)) {
		uk_vnode_put(&n->vn);
		return -ENOSPC;
	}
	oe = find(odir, oname, olen, &oprev);
	drop_entry(odir, oe, oprev, 0);
	touch(n, 0);
	uk_vnode_put(&n->vn);
	return 0;
}

static int tmpfs_readdir(struct uk_vnode *dvn, uint64_t cookie,
			 uk_dir_emit emit, void *ctx)
{
	struct tmpfs_node *dir = node_of(dvn);
	struct tmpfs_dirent *e;

	if (cookie == 0 &&
	    emit(ctx, ".", 1, dvn->st.st_ino, DT_DIR, 1))
		return 0;
	if (cookie <= 1 &&
	    emit(ctx, "..", 2, (dir->parent ? dir->parent : dir)->vn.st.st_ino,
		 DT_DIR, 2))
		return 0;
	for (e = dir->first; e; e = e->next)
		if (e->seq >= cookie &&
		    emit(ctx, e->name, e->len, e->node->vn.st.st_ino,
			 IFTODT(e->node->vn.st.st_mode), e->seq + 1))
			break;
	return 0;
}

static ssize_t tmpfs_read(struct uk_vnode *vn, void *buf, size_t len,
			  off_t off)
{
	uint64_t size = vn->st.st_size;

	if ((uint64_t)off >= size)
		return 0;
	len = MIN(len, size - off);
	tmpfs_data_read(&node_of(vn)->data, buf, len, off);
	vfs_accessed(vn);
	return len;
}

static void resized(struct tmpfs_node *n, uint64_t size)
{
	n->vn.st.st_size = size;
	n->vn.st.st_blocks = (size + 511) / 512;
	touch(n, 1);
}

static ssize_t tmpfs_write(struct uk_vnode *vn, const void *buf, size_t len,
			   off_t off)
{
	struct tmpfs_node *n = node_of(vn);
	size_t done;
	int err;

	done = tmpfs_data_write(&n->data, buf, len, off, &err);
	if (!done && len)
		return err;
	resized(n, MAX((uint64_t)off + done, (uint64_t)vn->st.st_size));
	return done;
}

static int tmpfs_truncate(struct uk_vnode *vn, off_t len)
{
	struct tmpfs_node *n = node_of(vn);

	if ((uint64_t)len > TMPFS_DATA_MAX)
		return -EFBIG;
	if ((uint64_t)len < (uint64_t)vn->st.st_size)
		tmpfs_data_truncate(&n->data, len);
	resized(n, len);
	return 0;
}

static ssize_t tmpfs_readlink(struct uk_vnode *vn, char *buf, size_t len)
{
	struct tmpfs_node *n = node_of(vn);

	len = MIN(len, (size_t)vn->st.st_size);
	memcpy(buf, n->target, len);
	return len;
}

static int tmpfs_setattr(struct uk_vnode *vn)
{
	return 0;	/* the attributes live in vn->st itself */
}

static void tmpfs_release(struct uk_vnode *vn)
{
	maybe_free(node_of(vn));
}

static const struct uk_vnode_ops tmpfs_ops = {
	.lookup = tmpfs_lookup,
	.create = tmpfs_create,
	.link = tmpfs_link,
	.unlink = tmpfs_unlink,
	.rename = tmpfs_rename,
	.readdir = tmpfs_readdir,
	.read = tmpfs_read,
	.write = tmpfs_write,
	.truncate = tmpfs_truncate,
	.readlink = tmpfs_readlink,
	.setattr = tmpfs_setattr,
	.release = tmpfs_release,
};

struct uk_vnode *uk_tmpfs_new(mode_t mode)
{
	struct tmpfs_node *root = node_new(NULL, next_dev++,
					   S_IFDIR | (mode & 07777));

	return root ? &root->vn : NULL;
}

int tmpfs_set_borrowed(struct uk_vnode *vn, const void *bytes, size_t len)
{
	struct tmpfs_node *n = node_of(vn);

	if (vn->ops != &tmpfs_ops || !S_ISREG(vn->st.st_mode) ||
	    vn->st.st_size)
		return -EINVAL;
	n->data.borrowed = bytes;
	n->data.borrowed_len = len;
	vn->st.st_size = len;
	vn->st.st_blocks = (len + 511) / 512;
	return 0;
}
