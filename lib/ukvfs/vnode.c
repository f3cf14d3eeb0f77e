/* SPDX-License-Identifier: BSD-3-Clause */
/* Vnode references, the mount table and the process's tree state. */
#include <errno.h>
#include <fcntl.h>
#include <uk/alloc.h>
#include <uk/plat/time.h>
#include "vfs_impl.h"

struct uk_vnode *vfs_root;
struct uk_vnode *vfs_cwd;
mode_t vfs_umask = 022;

void uk_vnode_get(struct uk_vnode *vn)
{
	vn->refs++;
}

void uk_vnode_put(struct uk_vnode *vn)
{
	if (--vn->refs == 0 && vn->ops->release)
		vn->ops->release(vn);
}

struct timespec uk_vfs_now(void)
{
	uint64_t ns = ukplat_wall_clock_boot_ns() + ukplat_monotonic_ns();

	return (struct timespec){ ns / 1000000000, ns % 1000000000 };
}

/*
 * A read's access time, as Linux's default (relatime) keeps it: moved
 * only when it is not after the last change, so reads do not read the
 * clock (a VM exit on some hypervisors) every time.
 */
static int ts_not_after(struct timespec a, struct timespec b)
{
	return a.tv_sec < b.tv_sec ||
	       (a.tv_sec == b.tv_sec && a.tv_nsec <= b.tv_nsec);
}

void vfs_accessed(struct uk_vnode *vn)
{
	if (ts_not_after(vn->st.st_atim, vn->st.st_mtim) ||
	    ts_not_after(vn->st.st_atim, vn->st.st_ctim))
		vn->st.st_atim = uk_vfs_now();
}

int uk_vfs_mount(const char *path, struct uk_vnode *root)
{
	struct uk_mount *m;
	struct vfs_path p;
	int rc;

	if (!S_ISDIR(root->st.st_mode))
		return -ENOTDIR;
	m = uk_calloc(uk_alloc_get_default(), 1, sizeof(*m));
	if (!m)
		return -ENOMEM;
	m->root = root;
	if (!vfs_root) {
		root->mnt = m;
		uk_vnode_get(root);	/* the working directory's */
		vfs_root = vfs_cwd = root;
	} else {
		rc = vfs_walk_existing(AT_FDCWD, path, WALK_FOLLOW, &p);
		if (!rc) {
			if (!S_ISDIR(p.vn->st.st_mode))
				rc = -ENOTDIR;
			else if (p.vn->mounted)
				rc = -EBUSY;
			if (rc)
				vfs_path_put(&p);
		}
		if (rc) {
			uk_free(uk_alloc_get_default(), m);
			return rc;
		}
		root->mnt = m;
		root->covers = p.vn;		/* keeps its reference */
		p.vn->mounted = root;
		p.vn = NULL;
		vfs_path_put(&p);
	}
	return 0;
}
