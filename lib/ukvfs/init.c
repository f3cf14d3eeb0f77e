/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The tree at boot: a tmpfs as "/", the initrd unpacked into it when
 * the loader handed one over, /tmp and /dev (with the devices), and
 * descriptors 0, 1 and 2 on the console.
 */
#include <errno.h>
#include <fcntl.h>
#include <sys/syscall.h>
#include <uk/assert.h>
#include <uk/config.h>
#include <uk/init.h>
#include <uk/plat/bootinfo.h>
#include <uk/print.h>
#include <uk/syscall.h>
#include "vfs_impl.h"

static int mkdir_mode(const char *path, mode_t mode)
{
	long rc = uk_syscall(SYS_mkdirat, AT_FDCWD, (long)path, mode, 0, 0, 0);

	if (rc == -EEXIST)
		return 0;	/* the initrd's own */
	if (!rc)	/* the umask left out the sticky and w bits */
		rc = uk_syscall(SYS_fchmodat, AT_FDCWD, (long)path, mode,
				0, 0, 0);
	return rc;
}

static int vfs_init(void)
{
	struct uk_vnode *root, *dev;
	struct vfs_path p;
	const void *initrd;
	size_t len;
	int rc;

	root = uk_tmpfs_new(0755);
	if (!root)
		return -ENOMEM;
	rc = uk_vfs_mount("/", root);
	if (rc)
		return rc;
	rc = vfs_console_fds();
	if (rc)
		return rc;
	initrd = ukplat_initrd(&len);
#ifdef CONFIG_LIBUKVFS_INITRD
	if (initrd)
		vfs_unpack_initrd(initrd, len);
#endif
	rc = mkdir_mode("/tmp", 01777);
	if (!rc)
		rc = mkdir_mode("/dev", 0755);
	if (!rc)
		rc = vfs_walk_existing(AT_FDCWD, "/dev", WALK_FOLLOW, &p);
	if (rc) {
		uk_pr_err("vfs: cannot make /tmp and /dev: %d\n", rc);
		return 0;	/* the rest of the tree still works */
	}
	dev = p.vn;
	if (S_ISDIR(dev->st.st_mode) && dev->ops->create)
		vfs_devices_populate(dev);
	vfs_path_put(&p);
	return 0;
}
uk_lib_initcall(vfs_init);
