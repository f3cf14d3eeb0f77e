/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Mounts at boot: every virtio-9p device's export goes into the tree, at
 * the path a kernel word "kiln.share=TAG:PATH" gives for its mount tag
 * (words before a lone "--" are the kernel's; ukboot keeps "kiln.*"
 * words out of the app's environment), else at "/TAG". The mount point
 * is made in the tree when missing (mkdir -p). A device that fails is
 * one error line; the boot goes on without it.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/syscall.h>
#include <uk/alloc.h>
#include <uk/argparse.h>
#include <uk/config.h>
#include <uk/essentials.h>
#include <uk/init.h>
#include <uk/plat/bootinfo.h>
#include <uk/print.h>
#include <uk/syscall.h>
#include <uk/virtio.h>
#include "p9.h"

/* virtio 1.1, 5.3.3: the config space names the export (mount_tag). */
#define VIRTIO_9P_F_MOUNT_TAG	(1ULL << 0)

#define WORD		"kiln.share="

struct share {
	const char *tag;
	const char *path;
	int used;
};

static void *zalloc(size_t len)
{
	return uk_calloc(uk_alloc_get_default(), 1, len);
}

/*
 * The kernel's kiln.share words, from a copy of the command line split
 * as ukboot splits it (the copy stays: the results point into it).
 */
static int share_words(struct share **out)
{
	const char *line = ukplat_cmdline();
	struct share *s;
	char **argv, *colon;
	int argc, i, n = 0;

	*out = NULL;
	if (!strstr(line, WORD))
		return 0;
	argv = uk_argparse_kernel_words(line, &argc);
	s = zalloc((argc + 1) * sizeof(*s));
	if (!argv || !s) {
		/* ukboot says what is wrong with a bad line */
		if (argc)
			uk_pr_err("9p: out of memory reading the command line\n");
		return 0;
	}
	for (i = 0; i < argc; i++) {
		if (strncmp(argv[i], WORD, strlen(WORD)))
			continue;
		colon = strchr(argv[i] + strlen(WORD), ':');
		if (!colon || colon == argv[i] + strlen(WORD) ||
		    colon[1] != '/') {
			uk_pr_err("9p: %s: not %sTAG:/PATH, ignored\n",
				  argv[i], WORD);
			continue;
		}
		*colon = '\0';
		s[n].tag = argv[i] + strlen(WORD);
		s[n].path = colon + 1;
		n++;
	}
	*out = s;
	return n;
}

/* mkdir -p path, in the tree as it is now. */
static int make_path(const char *path)
{
	char *p, *buf = zalloc(strlen(path) + 1);
	long rc = 0;

	if (!buf)
		return -ENOMEM;
	strcpy(buf, path);
	for (p = buf + 1; ; p++) {
		if (*p && *p != '/')
			continue;
		if (p[-1] != '/') {
			char c = *p;

			*p = '\0';
			rc = uk_syscall(SYS_mkdirat, AT_FDCWD, (long)buf,
					0755, 0, 0, 0);
			*p = c;
			if (rc == -EEXIST)
				rc = 0;
			if (rc)
				break;
		}
		if (!*p)
			break;
	}
	uk_free(uk_alloc_get_default(), buf);
	return rc;
}

/* The mount point of tag: its kiln.share word's, else "/TAG". */
static const char *mount_point(const char *tag, struct share *s, int n,
			       char *buf, size_t size)
{
	int i;

	for (i = 0; i < n; i++)
		if (!strcmp(s[i].tag, tag)) {
			s[i].used = 1;
			return s[i].path;
		}
	if (!strcmp(tag, ".") || !strcmp(tag, "..") || strchr(tag, '/') ||
	    strlen(tag) + 2 > size)
		return NULL;
	buf[0] = '/';
	strcpy(buf + 1, tag);
	return buf;
}

static void mount_dev(struct uk_virtio_dev *d, unsigned int idx,
		      struct share *s, int n)
{
	const char *what, *path = NULL;
	struct uk_vnode *root;
	char pathbuf[80];
	struct p9_qid qid;
	struct p9fs *fs;
	uint8_t lenb[2];
	uint32_t fid;
	size_t len;
	int rc = 0;

	fs = zalloc(sizeof(*fs));
	if (!fs) {
		uk_pr_err("9p: %s: out of memory\n", uk_virtio_name(d));
		return;
	}
	fs->where = uk_virtio_name(d);
	fs->dev = 0x9000 + idx;
	what = "the device refused the features";
	if (!(uk_virtio_negotiate(d, VIRTIO_9P_F_MOUNT_TAG) &
	      VIRTIO_9P_F_MOUNT_TAG))
		goto fail;
	uk_virtio_config_read(d, 0, lenb, 2);
	len = lenb[0] | lenb[1] << 8;
	what = "its mount tag is empty or too long";
	if (len == 0 || len >= sizeof(fs->tag))
		goto fail;
	uk_virtio_config_read(d, 2, fs->tag, len);
	fs->tag[len] = '\0';
	what = "no request queue";
	fs->q = uk_virtio_queue(d, 0, 128);
	if (!fs->q)
		goto fail;
	what = "cannot start it";
	rc = uk_virtio_ready(d);
	if (rc)
		goto fail;
	what = "Tversion 9P2000.L";
	rc = p9_version(fs, P9_MSIZE);
	if (rc)
		goto fail;
	what = "Tattach";
	fid = p9_fid_alloc(fs);
	rc = p9_attach(fs, fid, &qid);
	if (rc)
		goto fail;
	rc = p9fs_root(fs, fid, &root);
	if (rc)
		goto fail;
	path = mount_point(fs->tag, s, n, pathbuf, sizeof(pathbuf));
	what = "no place to mount it (kiln.share=TAG:/PATH names one)";
	if (!path)
		goto fail_root;
	what = "cannot make the mount point";
	rc = make_path(path);
	if (!rc) {
		what = "cannot mount it";
		rc = uk_vfs_mount(path, root);
	}
	if (rc)
		goto fail_root;
	uk_pr_info("9p: %s: tag \"%s\" mounted at %s (msize %u)\n",
		   fs->where, fs->tag, path, fs->msize);
	return;
fail_root:
	uk_vnode_put(root);
fail:
	if (rc)
		uk_pr_err("9p: %s, tag \"%s\"%s%s: %s (errno %d)\n",
			  fs->where, fs->tag, path ? ", at " : "",
			  path ? path : "", what, -rc);
	else
		uk_pr_err("9p: %s, tag \"%s\": %s\n", fs->where, fs->tag,
			  what);
}

static int p9fs_boot(void)
{
	struct uk_virtio_dev *d;
	struct share *s;
	unsigned int i;
	int n, k;

	n = share_words(&s);
	for (i = 0; (d = uk_virtio_find(UK_VIRTIO_ID_9P, i)); i++)
		mount_dev(d, i, s, n);
	for (k = 0; k < n; k++)
		if (!s[k].used)
			uk_pr_err("9p: %s%s:%s: no virtio-9p device has the tag \"%s\"\n",
				  WORD, s[k].tag, s[k].path, s[k].tag);
	return 0;
}
/* After ukvfs's "/" (a lib initcall) exists. */
uk_late_initcall(p9fs_boot);
