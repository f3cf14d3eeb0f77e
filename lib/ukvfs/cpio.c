/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The initrd: a newc cpio archive ("070701", or "070702" with
 * checksums, unchecked), as Linux's initramfs takes it, unpacked into
 * the root tmpfs. Regular files keep reading the archive's bytes in
 * place until written (the initrd stays reserved), so a large initrd
 * costs no copy at boot. Concatenated archives (zero padding between)
 * are read one after the other. A corrupt or truncated archive is one
 * line naming the byte where it went wrong: what came before it stays.
 */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <uk/alloc.h>
#include <uk/assert.h>
#include <uk/config.h>
#include <uk/essentials.h>
#include <uk/print.h>
#include <uk/syscall.h>
#include "vfs_impl.h"

#define HDR_LEN		110
#define ALIGN4(x)	(((x) + 3) & ~(size_t)3)

struct cpio_entry {
	unsigned long ino, mode, uid, gid, nlink, mtime, size;
	unsigned long dev_major, dev_minor, rdev_major, rdev_minor;
	unsigned long namesize;
	const char *name;
	const char *data;
};

/* Regular files with more than one link, by inode number, till the end. */
struct hardlink {
	struct hardlink *next;
	unsigned long ino, dev_major, dev_minor;
	char path[];
};

struct unpack {
	const char *base;
	size_t len;
	struct hardlink *links;
	unsigned int entries;
};

static long call(long nr, long a, long b, long c, long d, long e)
{
	return uk_syscall(nr, a, b, c, d, e, 0);
}

static int hex8(const char *s, unsigned long *out)
{
	unsigned long v = 0;
	int i;

	for (i = 0; i < 8; i++) {
		char c = s[i];

		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= c - '0';
		else if (c >= 'a' && c <= 'f')
			v |= c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			v |= c - 'A' + 10;
		else
			return -1;
	}
	*out = v;
	return 0;
}

/* The header at off; NULL, or why it is not one. */
static const char *parse(struct unpack *u, size_t off, struct cpio_entry *e,
			 size_t *next)
{
	unsigned long *fields[] = {
		&e->ino, &e->mode, &e->uid, &e->gid, &e->nlink, &e->mtime,
		&e->size, &e->dev_major, &e->dev_minor, &e->rdev_major,
		&e->rdev_minor, &e->namesize,
	};
	const char *h = u->base + off;
	unsigned long check;
	size_t i, data;

	if (u->len - off < HDR_LEN)
		return "truncated header";
	if (memcmp(h, "07070", 5) || (h[5] != '1' && h[5] != '2'))
		return off == 0 && (unsigned char)h[0] == 0x1f &&
		       (unsigned char)h[1] == 0x8b
		       ? "gzip-compressed; Kiln takes an uncompressed newc cpio"
		       : "not a newc cpio header (bad magic)";
	for (i = 0; i < ARRAY_SIZE(fields); i++)
		if (hex8(h + 6 + 8 * i, fields[i]))
			return "bad header field";
	if (hex8(h + 6 + 8 * i, &check))
		return "bad header field";
	if (e->namesize == 0 || e->namesize > PATH_MAX)
		return "bad name size";
	if (e->namesize > u->len - off - HDR_LEN)
		return "truncated name";
	e->name = h + HDR_LEN;
	if (e->name[e->namesize - 1] != '\0' ||
	    strlen(e->name) != e->namesize - 1)
		return "name not NUL-terminated";
	data = ALIGN4(off + HDR_LEN + e->namesize);
	if (data > u->len || e->size > u->len - data)
		return "truncated file data";
	e->data = u->base + data;
	*next = ALIGN4(data + e->size);
	return NULL;
}

/* mkdir -p of path's parent directories (path is absolute). */
static int make_parents(char *path)
{
	char *slash = path;
	long rc;

	while ((slash = strchr(slash + 1, '/'))) {
		*slash = '\0';
		rc = call(SYS_mkdirat, AT_FDCWD, (long)path, 0755, 0, 0);
		*slash = '/';
		if (rc && rc != -EEXIST)
			return rc;
	}
	return 0;
}

static int add_file(struct unpack *u, struct cpio_entry *e, const char *path)
{
	struct hardlink *h;
	struct uk_file *f;
	long fd, rc;

	if (e->nlink > 1) {
		for (h = u->links; h; h = h->next)
			if (h->ino == e->ino && h->dev_major == e->dev_major &&
			    h->dev_minor == e->dev_minor)
				break;
		if (h) {
			rc = call(SYS_linkat, AT_FDCWD, (long)h->path,
				  AT_FDCWD, (long)path, 0);
			if (rc || !e->size)
				return rc;
			/* newc puts the data with the last name. */
			fd = call(SYS_openat, AT_FDCWD, (long)path, O_RDONLY, 0, 0);
			goto data;
		}
		h = uk_malloc(uk_alloc_get_default(),
			      sizeof(*h) + strlen(path) + 1);
		if (!h)
			return -ENOMEM;
		h->ino = e->ino;
		h->dev_major = e->dev_major;
		h->dev_minor = e->dev_minor;
		strcpy(h->path, path);
		h->next = u->links;
		u->links = h;
	}
	fd = call(SYS_openat, AT_FDCWD, (long)path,
		  O_CREAT | O_EXCL | O_WRONLY, e->mode & 07777, 0);
data:
	if (fd < 0)
		return fd;
	f = uk_fd_get(fd);
	rc = e->size ? tmpfs_set_borrowed(f->vn, e->data, e->size) : 0;
	uk_file_put(f);
	call(SYS_close, fd, 0, 0, 0, 0);
	return rc;
}

static int add_symlink(struct cpio_entry *e, const char *path)
{
	char *target;
	long rc;

	if (e->size == 0 || e->size >= PATH_MAX)
		return -ENAMETOOLONG;
	target = uk_malloc(uk_alloc_get_default(), e->size + 1);
	if (!target)
		return -ENOMEM;
	memcpy(target, e->data, e->size);
	target[e->size] = '\0';
	rc = call(SYS_symlinkat, (long)target, AT_FDCWD, (long)path, 0, 0);
	uk_free(uk_alloc_get_default(), target);
	return rc;
}

/* One entry at its place (absolute path); -errno. */
static int add(struct unpack *u, struct cpio_entry *e, char *path)
{
	struct timespec t[2] = { { (time_t)e->mtime, 0 },
				 { (time_t)e->mtime, 0 } };
	long rc;

	rc = make_parents(path);
	if (rc)
		return rc;
	/* A later entry replaces an earlier one, as Linux unpacks. */
	if (!S_ISDIR(e->mode))
		call(SYS_unlinkat, AT_FDCWD, (long)path, 0, 0, 0);
	switch (e->mode & S_IFMT) {
	case S_IFDIR:
		rc = call(SYS_mkdirat, AT_FDCWD, (long)path, e->mode & 07777,
			  0, 0);
		if (rc == -EEXIST)
			rc = call(SYS_fchmodat, AT_FDCWD, (long)path,
				  e->mode & 07777, 0, 0);
		break;
	case S_IFREG:
		rc = add_file(u, e, path);
		break;
	case S_IFLNK:
		rc = add_symlink(e, path);
		break;
	case S_IFCHR:
		rc = call(SYS_mknodat, AT_FDCWD, (long)path, e->mode,
			  makedev(e->rdev_major, e->rdev_minor), 0);
		break;
	default:
		uk_pr_warn("initrd: %s: a fifo, socket or block device: skipped\n",
			   path);
		return 0;
	}
	if (rc)
		return rc;
	call(SYS_fchownat, AT_FDCWD, (long)path, e->uid, e->gid,
	     AT_SYMLINK_NOFOLLOW);
	call(SYS_utimensat, AT_FDCWD, (long)path, (long)t, AT_SYMLINK_NOFOLLOW,
	     0);
	return 0;
}

/* Boot runs before the libc's locale: no strerror() yet. */
static const char *why_not(long rc)
{
	switch (rc) {
	case -ENOSPC:
	case -ENOMEM:
		return "out of memory (ENOSPC)";
	case -ENAMETOOLONG:
		return "name too long (ENAMETOOLONG)";
	case -ENOTDIR:
		return "a parent is not a directory (ENOTDIR)";
	case -EISDIR:
		return "a directory is in the way (EISDIR)";
	case -ELOOP:
		return "too many symbolic links (ELOOP)";
	default:
		return "cannot create it";
	}
}

static void report(size_t off, const char *what, const char *detail,
		   unsigned int entries)
{
#ifdef CONFIG_LIBUKVFS_INITRD_STRICT
	UK_CRASH("initrd: %s at byte %zu%s%s\n", what, off,
		 detail ? ": " : "", detail ? detail : "");
#else
	uk_pr_err("initrd: %s at byte %zu%s%s (%u entries before it unpacked)\n",
		  what, off, detail ? ": " : "", detail ? detail : "",
		  entries);
#endif
}

int vfs_unpack_initrd(const void *base, size_t len)
{
	struct unpack u = { base, len, NULL, 0 };
	struct hardlink *h;
	struct cpio_entry e;
	size_t off = 0, next;
	const char *why, *name;
	char *path;
	long rc = 0;

	path = uk_malloc(uk_alloc_get_default(), PATH_MAX + 2);
	if (!path)
		return -ENOMEM;
	while (off < len) {
		/* Padding between concatenated archives, or at the end. */
		if (u.base[off] == '\0') {
			off = ALIGN4(off + 1);
			continue;
		}
		why = parse(&u, off, &e, &next);
		if (why) {
			report(off, "corrupt cpio archive", why, u.entries);
			break;
		}
		if (!strcmp(e.name, "TRAILER!!!")) {
			off = next;
			continue;
		}
		name = e.name;
		while (name[0] == '/' || (name[0] == '.' && name[1] == '/'))
			name += name[0] == '/' ? 1 : 2;
		if (name[0] && strcmp(name, ".")) {
			path[0] = '/';
			strcpy(path + 1, name);
			rc = add(&u, &e, path);
			if (rc) {
				uk_pr_err("initrd: %s (at byte %zu): %s\n", path,
					  off, why_not(rc));
				if (rc == -ENOSPC || rc == -ENOMEM)
					break;
			}
			u.entries++;
		}
		off = next;
	}
	while ((h = u.links)) {
		u.links = h->next;
		uk_free(uk_alloc_get_default(), h);
	}
	uk_free(uk_alloc_get_default(), path);
	return 0;
}
