#!/usr/bin/env bash
# Files (lib/ukvfs, docs/files.md) with an initrd: examples/files (C) on
# kvm-x86_64, kvm-arm64 and xen-x86_64, and examples/rust-fs (std::fs)
# on kvm-x86_64 and kvm-arm64, booted with INITRD=examples/files/rootfs:
# they read the initrd's /etc/motd, then write, rename, list and remove
# files in the initrd's /srv, in /tmp, and (C) in a host directory
# shared over 9p. The syscalls app's "initrd" word reads an archive made
# here with GNU cpio (hard links, a symbolic link, a file whose
# directories have no entries, "./" names), changes an initrd file in
# place. Bad archives: a truncated one and a gzip one are one error line
# naming the byte, the boot goes on with what came before;
# LIBUKVFS_INITRD_STRICT stops it (134). (The calls' answers, errno by
# errno, against Linux's: tests/syscalls.t, words files and pipes.)
source "$(dirname "$0")/lib/tap.sh"

rootfs=$KILN/examples/files/rootfs

check "examples/files builds for kvm-x86_64 and xen-x86_64" \
	kbuild "$KILN/examples/files" "$TMP/files" CONFIG_PLAT_XEN=y
BOOT_TARGET=kvm-arm64 check "examples/files builds for kvm-arm64" \
	kbuild "$KILN/examples/files" "$TMP/files-arm64"

# files_ran PAIR: the last boot of examples/files did it all.
files_ran() {
	like "$boot_out" '^/etc/motd says: Welcome to Kiln\.$' "$1: the initrd's /etc/motd is read"
	like "$boot_out" '^  motd-link +link ' "$1: its symbolic link is listed as one"
	like "$boot_out" '^/srv/renamed\.txt says: written by the guest$' \
		"$1: a file written in the initrd's /srv, renamed, read back"
	like "$boot_out" '^/srv/renamed\.txt removed; done$' "$1: and removed"
	is "$boot_rc $boot_err" "0 " "$1: status 0"
}
for pair in kvm-x86_64 xen-x86_64 kvm-arm64; do
	img=$TMP/files/files_$pair
	[ "$pair" = kvm-arm64 ] && img=$TMP/files-arm64/files_$pair
	BOOT_TARGET=$pair INITRD=$rootfs BOOT_TIMEOUT=120 boot "$img" /srv
	files_ran "$pair"
done

# The same program in a host directory shared over 9p: it writes,
# renames, lists and deletes there; the host sees what it left.
share=$TMP/share
mkdir -p "$share"
printf 'from the host\n' >"$share/host.txt"
for pair in kvm-x86_64 kvm-arm64; do
	img=$TMP/files/files_$pair
	[ "$pair" = kvm-arm64 ] && img=$TMP/files-arm64/files_$pair
	BOOT_TARGET=$pair INITRD=$rootfs SHARE=$share:/data BOOT_TIMEOUT=120 \
		boot "$img" /data
	like "$boot_out" '^  host\.txt +file 14 bytes$' "$pair: the share lists the host's file"
	like "$boot_out" '^/data/renamed\.txt says: written by the guest$' \
		"$pair: a file written in the share, renamed, read back"
	is "$boot_rc $boot_err" "0 " "$pair: status 0"
	is "$(ls "$share")" "host.txt" "$pair: on the host, the guest's file is gone again"
done

# From the app's own Makefile (make runs in Kiln's tree), a relative
# INITRD and SHARE name the app's: rootfs, and its etc as a share.
out=$(make -s -C "$KILN/examples/files" run UK_BUILD="$TMP/wrap" \
	C="$TMP/wrap.config" INITRD=rootfs SHARE=rootfs/etc:/data ARGS=/data \
	TIMEOUT=120 KVM=0 2>&1) || true
out=${out//$'\r'/}
like "$out" '^/etc/motd says: Welcome to Kiln\.$' "the app's Makefile: INITRD=rootfs is the app's"
like "$out" '^  motd +file 47 bytes$' "SHARE=rootfs/etc is the app's, shared at /data"
is "$(ls "$KILN/examples/files/rootfs/etc")" "motd" "the guest's file in the app's share is gone again"

# Without an initrd the root holds /dev and /tmp only.
boot "$TMP/files/files_kvm-x86_64"
like "$boot_out" '^no /etc/motd: booted without the initrd' "no INITRD: no /etc/motd"
is "$boot_rc" 0 "no INITRD: status 0"

# Rust's std::fs, unchanged.
rust_ran() {
	like "$boot_out" '^/etc/motd says: Welcome to Kiln\.$' "$1: std::fs reads the initrd"
	like "$boot_out" '^copied 28 bytes$' "$1: fs::copy"
	like "$boot_out" '^from offset 6: from std::fs$' "$1: seek and read_to_string"
	like "$boot_out" '^  renamed\.txt  file 28 bytes$' "$1: read_dir and metadata"
	like "$boot_out" '^canonical: /tmp/rust-fs/a/b$' "$1: canonicalize"
	like "$boot_out" '^exists after remove_dir_all: false$' "$1: remove_dir_all"
	is "$boot_rc $boot_err" "0 " "$1: status 0"
}
if command -v cargo >/dev/null || [ -x "$HOME/.cargo/bin/cargo" ]; then
	check "examples/rust-fs builds for kvm-x86_64" \
		kbuild "$KILN/examples/rust-fs" "$TMP/rfs"
	INITRD=$rootfs boot "$TMP/rfs/rust-fs_kvm-x86_64"
	rust_ran kvm-x86_64
	BOOT_TARGET=kvm-arm64 check "examples/rust-fs builds for kvm-arm64" \
		kbuild "$KILN/examples/rust-fs" "$TMP/rfs-arm64"
	BOOT_TARGET=kvm-arm64 INITRD=$rootfs BOOT_TIMEOUT=120 \
		boot "$TMP/rfs-arm64/rust-fs_kvm-arm64"
	rust_ran kvm-arm64
else
	skip "no cargo" 16
fi

# An archive made by GNU cpio, as a user would: "./" names, no entries
# for /nested and /nested/deep, a hard link pair, a symbolic link.
tree=$TMP/tree
mkdir -p "$tree/etc" "$tree/srv" "$tree/nested/deep"
printf 'motd\n' >"$tree/etc/motd"
chmod 0640 "$tree/etc/motd"
touch -d @1234567890 "$tree/etc/motd"
printf 'deep\n' >"$tree/nested/deep/file"
printf 'shared\n' >"$tree/hard1"
ln "$tree/hard1" "$tree/hard2"
ln -s ../etc/motd "$tree/srv/link"
(cd "$tree" && find . ! -name nested ! -name deep ! -name . | sort |
	cpio -o -H newc --quiet) >"$TMP/tree.cpio"
check "the syscalls app builds" kbuild "$KILN/tests/apps/syscalls" "$TMP/sc"
sc=$TMP/sc/syscalls_kvm-x86_64
INITRD=$TMP/tree.cpio boot "$sc" initrd
like "$boot_out" '^files: cat /etc/motd = "motd' "GNU cpio archive: /etc/motd"
like "$boot_out" '^files: cat /nested/deep/file = "deep' \
	"a file whose directories have no entries of their own"
like "$boot_out" '^initrd: one file, two links = 1$' "hard links stay one file"
like "$boot_out" '^files: cat /hard2 = "shared' "the hard link's data"
like "$boot_out" '^initrd: readlink /srv/link = "\.\./etc/motd"$' "the symbolic link's target"
like "$boot_out" '^files: cat /srv/link = "motd' "and reading through it"
like "$boot_out" '^initrd: its mode = 416$' "modes kept (0640)"
like "$boot_out" '^initrd: its mtime = 1234567890$' "times kept"
like "$boot_out" '^\+more"$' \
	"an initrd file changed in place (its bytes copied on the first write)"
like "$boot_out" '^initrd: /dev/null is there = 0$' "/dev is added to the initrd's tree"
is "$boot_rc $boot_err" "0 " "status 0"

# Bad archives: one line naming the byte; what came before stays.
size=$(stat -c %s "$TMP/tree.cpio")
head -c $((size - 200)) "$TMP/tree.cpio" >"$TMP/cut.cpio"
INITRD=$TMP/cut.cpio boot "$sc" initrd
like "$boot_out" 'initrd: corrupt cpio archive at byte [0-9]+: [a-z ]+ \([0-9]+ entries before it unpacked\)$' \
	"a truncated archive: one line naming the byte"
is "$(grep -c 'initrd: corrupt' <<<"$boot_out")" 1 "just one line"
like "$boot_out" '^files: cat /etc/motd = "motd' "the entries before it are there"
is "$boot_rc" 0 "the boot went on (status 0)"

gzip -c "$TMP/tree.cpio" >"$TMP/tree.cpio.gz"
INITRD=$TMP/tree.cpio.gz boot "$sc" initrd
like "$boot_out" 'initrd: corrupt cpio archive at byte 0: gzip-compressed; Kiln takes an uncompressed newc cpio' \
	"a gzip archive: said so"
is "$boot_rc" 0 "the boot went on"

head -c 100000 /dev/urandom >"$TMP/noise"
INITRD=$TMP/noise boot "$sc" initrd
like "$boot_out" 'initrd: corrupt cpio archive at byte 0: not a newc cpio header' "random bytes: not a cpio"
is "$boot_rc" 0 "the boot went on"

check "the syscalls app builds with LIBUKVFS_INITRD_STRICT" \
	kbuild "$KILN/tests/apps/syscalls" "$TMP/strict" CONFIG_LIBUKVFS_INITRD_STRICT=y
INITRD=$TMP/cut.cpio boot "$TMP/strict/syscalls_kvm-x86_64" initrd
like "$boot_out" 'initrd: corrupt cpio archive at byte [0-9]+' "strict: the same line"
is "$boot_rc" 134 "strict: the boot stops (134)"
INITRD=$TMP/tree.cpio boot "$TMP/strict/syscalls_kvm-x86_64" initrd
is "$boot_rc" 0 "strict: a good archive boots"
plan "$tap_n"
