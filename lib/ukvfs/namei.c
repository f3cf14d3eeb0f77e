/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Path walks: one name at a time from the root, the working directory or
 * a directory descriptor; "." and ".." (which stops at the root and
 * steps out of a mount's root to the directory it covers, so no file
 * system ever sees ".." at its own root); mounts crossed; symbolic links
 * followed up to VFS_MAXSYMLINKS per walk. On failure nothing is held.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <uk/alloc.h>
#include "vfs_impl.h"

void vfs_path_put(struct vfs_path *p)
{
	if (p->vn)
		uk_vnode_put(p->vn);
	if (p->dir)
		uk_vnode_put(p->dir);
	p->vn = p->dir = NULL;
}

/* What is mounted over vn, all the way up; vn's reference moves to it. */
static struct uk_vnode *cross_mounts(struct uk_vnode *vn)
{
	struct uk_vnode *top;

	while (vn->mounted) {
		top = vn->mounted;
		uk_vnode_get(top);
		uk_vnode_put(vn);
		vn = top;
	}
	return vn;
}

int vfs_parent(struct uk_vnode *dir, struct uk_vnode **out)
{
	while (dir != vfs_root && dir->covers)
		dir = dir->covers;
	if (dir == vfs_root) {
		uk_vnode_get(dir);
		*out = dir;
		return 0;
	}
	return dir->ops->lookup(dir, "..", 2, out);
}

static int start_at(int dirfd, const char *path, struct uk_vnode **out)
{
	struct uk_file *f;

	if (path[0] == '/' || dirfd == AT_FDCWD) {
		*out = path[0] == '/' ? vfs_root : vfs_cwd;
		uk_vnode_get(*out);
		return 0;
	}
	f = uk_fd_get(dirfd);
	if (!f)
		return -EBADF;
	*out = f->vn;
	if (*out)
		uk_vnode_get(*out);
	uk_file_put(f);
	return *out ? 0 : -ENOTDIR;
}

/* The target of a link, in a new buffer (NUL-terminated) or NULL. */
static int read_link(struct uk_vnode *vn, char **out)
{
	size_t len = vn->st.st_size;
	char *buf;
	ssize_t n;

	if (len == 0 || len >= PATH_MAX)
		return len ? -ENAMETOOLONG : -ENOENT;
	buf = uk_malloc(uk_alloc_get_default(), len + 1);
	if (!buf)
		return -ENOMEM;
	n = vn->ops->readlink(vn, buf, len);
	if (n < 0) {
		uk_free(uk_alloc_get_default(), buf);
		return n;
	}
	buf[n] = '\0';
	*out = buf;
	return 0;
}

static int walk_from(struct uk_vnode *dir, const char *path, int flags,
		     int *links, struct vfs_path *p);

/*
 * A link met in the walk: the rest of the walk goes on from where it
 * points, relative to dir (taken over). Last: its result is the walk's.
 */
static int follow(struct uk_vnode *dir, struct uk_vnode *link, int last,
		  int flags, int *links, struct vfs_path *p)
{
	char *target = NULL;
	int rc;

	if (++*links > VFS_MAXSYMLINKS) {
		rc = -ELOOP;
	} else if (!(rc = read_link(link, &target))) {
		rc = walk_from(dir, target, last ? flags : WALK_FOLLOW,
			       links, p);
		dir = NULL;	/* walk_from took it */
		uk_free(uk_alloc_get_default(), target);
		if (!rc && !last && !p->vn) {
			vfs_path_put(p);
			rc = -ENOENT;
		}
	}
	uk_vnode_put(link);
	if (dir)
		uk_vnode_put(dir);
	return rc;
}

static int walk_from(struct uk_vnode *dir, const char *path, int flags,
		     int *links, struct vfs_path *p)
{
	struct uk_vnode *child;
	const char *name;
	size_t len;
	int rc, last, slash;

	memset(p, 0, sizeof(*p));
	if (path[0] == '/') {
		uk_vnode_put(dir);
		dir = vfs_root;
		uk_vnode_get(dir);
	}
	path += strspn(path, "/");
	if (!*path) {			/* "/" (or the start itself) */
		uk_vnode_get(dir);
		p->dir = p->vn = dir;
		p->dot = 1;
		p->len = 1;
		p->name[0] = '.';
		return 0;
	}
	for (;;) {
		name = path;
		len = strcspn(path, "/");
		path += len;
		slash = *path == '/';
		path += strspn(path, "/");
		last = !*path;
		rc = 0;
		if (len > NAME_MAX)
			rc = -ENAMETOOLONG;
		else if (!S_ISDIR(dir->st.st_mode))
			rc = -ENOTDIR;
		if (rc) {
			uk_vnode_put(dir);
			return rc;
		}
		if (len == 1 && name[0] == '.') {
			child = dir;
			uk_vnode_get(child);
		} else if (len == 2 && name[0] == '.' && name[1] == '.') {
			rc = vfs_parent(dir, &child);
		} else {
			rc = dir->ops->lookup(dir, name, len, &child);
		}
		if (rc == -ENOENT && last) {
			p->dir = dir;
			break;
		}
		if (rc) {
			uk_vnode_put(dir);
			return rc;
		}
		child = cross_mounts(child);
		if (S_ISLNK(child->st.st_mode) &&
		    (!last || slash || flags & WALK_FOLLOW)) {
			rc = follow(dir, child, last, flags, links, p);
			if (rc || last) {
				if (!rc && slash && p->vn &&
				    !S_ISDIR(p->vn->st.st_mode)) {
					vfs_path_put(p);
					rc = -ENOTDIR;
				}
				if (!rc && slash)
					p->slash = 1;
				return rc;
			}
			child = p->vn;		/* a directory: go on in it */
			p->vn = NULL;
			uk_vnode_put(p->dir);
			p->dir = NULL;
			dir = child;
			continue;
		}
		if (last) {
			p->dir = dir;
			p->vn = child;
			break;
		}
		uk_vnode_put(dir);
		dir = child;
	}
	memcpy(p->name, name, len);
	p->name[len] = '\0';
	p->len = len;
	p->dot = name[0] == '.' && (len == 1 || (len == 2 && name[1] == '.'));
	p->slash = slash;
	if (slash && p->vn && !S_ISDIR(p->vn->st.st_mode)) {
		vfs_path_put(p);
		return -ENOTDIR;
	}
	return 0;
}

int vfs_walk(int dirfd, const char *path, int flags, struct vfs_path *p)
{
	struct uk_vnode *start;
	int links = 0, rc;

	memset(p, 0, sizeof(*p));
	if (strnlen(path, PATH_MAX) == PATH_MAX)
		return -ENAMETOOLONG;
	if (!path[0] && !(flags & WALK_EMPTY))
		return -ENOENT;
	rc = start_at(dirfd, path, &start);
	if (rc)
		return rc;
	if (!path[0]) {			/* AT_EMPTY_PATH: dirfd itself */
		p->vn = start;
		uk_vnode_get(start);
		p->dir = start;
		p->dot = 1;
		return 0;
	}
	return walk_from(start, path, flags, &links, p);
}

int vfs_walk_existing(int dirfd, const char *path, int flags,
		      struct vfs_path *p)
{
	int rc = vfs_walk(dirfd, path, flags, p);

	if (!rc && !p->vn) {
		vfs_path_put(p);
		rc = -ENOENT;
	}
	return rc;
}
