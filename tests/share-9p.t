#!/usr/bin/env bash
# Host directories shared over 9p (lib/uk9pfs, make run SHARE=,
# docs/files.md): tests/apps/share lists, reads, writes, renames, makes
# and removes directories, links and files in the share, and walks ".."
# above its root; the host then checks the directory byte for byte, and
# that nothing beside it changed. On kvm-x86_64 microvm (virtio-mmio),
# pc (virtio-pci) with a guest path of its own (a space in it, and a
# comma and a space in the host's path), and kvm-arm64 (virtio-mmio, the
# default /share). Refusals before QEMU starts: a missing or non-
# directory SHARE, a guest path of /, Xen.
source "$(dirname "$0")/lib/tap.sh"

check "the share app builds for kvm-x86_64" \
	kbuild "$KILN/tests/apps/share" "$TMP/x86"
arm64=1
for tool in aarch64-linux-gnu-gcc qemu-system-aarch64; do
	command -v "$tool" >/dev/null || arm64=0
done
if [ "$arm64" = 1 ]; then
	BOOT_TARGET=kvm-arm64 check "the share app builds for kvm-arm64" \
		kbuild "$KILN/tests/apps/share" "$TMP/arm64"
else
	skip "no arm64 tools (support/scripts/deps kvm-arm64)"
fi

# make_share TOP: TOP/outside.txt and TOP/"share,x y" (the share) with
# the files the app expects; TOP's state is kept in TOP.before.
make_share() {
	local top=$1 d="$1/share,x y" i
	mkdir -p "$d/sub" "$d/many"
	echo outside >"$top/outside.txt"
	echo "hello from the host" >"$d/hello.txt"
	head -c 300000 /dev/urandom >"$d/big.bin"
	echo one >"$d/append.txt"
	echo truncated >"$d/trunc.txt"
	echo bye >"$d/delete-me.txt"
	for ((i = 1; i <= 300; i++)); do
		: >"$d/many/file-with-a-longish-name-$i"
	done
	(cd "$top" && ls -la --time-style=+%s outside.txt && sha256sum outside.txt) >"$top.before"
}

# The bytes the app writes: byte i is i * 7 + 3 + i / 256, mod 256.
perl -e 'print pack("C*", map { ($_ * 7 + 3 + ($_ >> 8)) & 255 } 0 .. 19999)' \
	>"$TMP/pattern"

# share_ran NAME TOP GUEST-PATH: the guest's lines and the host's files.
share_ran() {
	local n=$1 top=$2 guest=$3 d="$2/share,x y"
	like "$boot_out" '^mounted: yes$' "$n: the share is a mount of its own"
	like "$boot_out" "^statfs: type $(stat -f -c %t "$d")\$" \
		"$n: statfs answers for the host's file system"
	like "$boot_out" '^ls: \. \.\. append\.txt big\.bin delete-me\.txt hello\.txt many sub trunc\.txt$' \
		"$n: the share lists as on the host, . and .. included"
	like "$boot_out" '^hello: hello from the host$' "$n: a host file read"
	unlike "$boot_out" '^env: ' "$n: no kernel word in the app's environment"
	like "$boot_out" '^copied: 300000 bytes$' "$n: 300000 bytes copied in 200000-byte reads and writes"
	check "$n: the copy is the host file byte for byte" cmp "$d/big.bin" "$d/copy.bin"
	like "$boot_out" '^written: size 20000 mode 640$' "$n: a new file's size and mode"
	like "$boot_out" '^written\.bin read back: ok$' "$n: read back"
	check "$n: the written, renamed file is there byte for byte" cmp "$TMP/pattern" "$d/renamed.bin"
	check "$n: its old name is gone" test ! -e "$d/written.bin"
	like "$boot_out" '^renamed: old gone$' "$n: the guest sees the old name gone"
	is "$(cat "$d/append.txt")" $'one\ntwo' "$n: O_APPEND wrote at the end"
	is "$(cat "$d/trunc.txt")" "tru" "$n: truncate"
	is "$(stat -c '%a %Y' "$d/hello.txt" 2>&1)" "604 1234567890" "$n: chmod and utimes reach the host"
	like "$boot_out" '^hello\.txt: mode 604 mtime 1234567890$' "$n: and the guest's stat"
	# security_model=none: QEMU's user's rights; chown is root's.
	if [ "$(id -u)" = 0 ]; then
		like "$boot_out" '^chown: ok, owner 4321:4321$' "$n: chown (QEMU as root)"
		is "$(stat -c %u:%g "$d/append.txt")" 4321:4321 "$n: chown on the host"
	else
		like "$boot_out" "^chown: Operation not permitted, owner $(id -u):" \
			"$n: chown is EPERM (QEMU not root), the owner unchanged"
		is "$(stat -c %u "$d/append.txt")" "$(id -u)" "$n: the host's owner unchanged"
	fi
	like "$boot_out" '^rmdir non-empty: Directory not empty$' "$n: rmdir of a non-empty directory: ENOTEMPTY"
	check "$n: mkdir, rmdir: newdir gone" test ! -e "$d/newdir"
	is "$(stat -c %a "$d/keepdir" 2>&1) $(cat "$d/keepdir/inner.txt" 2>&1)" "750 inner" \
		"$n: a directory made with its mode, a file in it"
	is "$(readlink "$d/link" 2>&1)" hello.txt "$n: symlink on the host"
	like "$boot_out" '^readlink: hello\.txt$' "$n: readlink"
	like "$boot_out" '^through the link: hello from the host$' "$n: a file read through the link"
	is "$(stat -c %i "$d/hard.bin" 2>&1)" "$(stat -c %i "$d/renamed.bin" 2>&1)" "$n: a hard link"
	like "$boot_out" '^hard link: nlink 2$' "$n: nlink 2"
	check "$n: the unlinked file is gone" test ! -e "$d/delete-me.txt"
	like "$boot_out" '^deleted: ENOENT$' "$n: and gone for the guest"
	like "$boot_out" '^unlink missing: No such file or directory$' "$n: errors are the host's (ENOENT)"
	like "$boot_out" '^open under a file: Not a directory$' "$n: ENOTDIR"
	like "$boot_out" '^many: 302 entries$' "$n: a directory of 300 files (several Treaddir)"
	like "$boot_out" "^cwd: $guest/sub\$" "$n: getcwd inside the share"
	like "$boot_out" '^relative: hello from the host$' "$n: a relative path with .."
	like "$boot_out" '^dotdot: guest$' "$n: .. above the share root is the guest's directory"
	like "$boot_out" '^dotdot ls: \. \.\. ' "$n: and lists as the guest's"
	unlike "$boot_out" '^dotdot ls: .*outside\.txt' "$n: not the host's parent"
	like "$boot_out" '^outside via \.\.: ENOENT$' "$n: the host's parent cannot be reached by .."
	like "$boot_out" '^outside via sub/\.\./\.\.: ENOENT$' "$n: nor by sub/../.."
	is "$(cd "$top" && ls -la --time-style=+%s outside.txt && sha256sum outside.txt)" \
		"$(cat "$top.before")" "$n: the file beside the share is untouched"
	is "$(cd "$top" && ls -A)" $'outside.txt\nshare,x y' "$n: nothing new beside the share"
	like "$boot_out" '^done$' "$n: the app ran to its end"
	is "$boot_rc $boot_err" "0 " "$n: status 0, no error line"
}

img=$TMP/x86/share_kvm-x86_64
make_share "$TMP/microvm"
SHARE="$TMP/microvm/share,x y" QEMU_MACHINE=microvm boot "$img"
like "$boot_out" '^args: 1$' "microvm: no argument from SHARE"
share_ran microvm "$TMP/microvm" /share

make_share "$TMP/pc"
SHARE="$TMP/pc/share,x y:/host data" QEMU_MACHINE=pc boot "$img" "/host data"
like "$boot_out" '^args: 2$' "pc: the app's one argument, no kernel word"
share_ran pc "$TMP/pc" "/host data"

if [ "$arm64" = 1 ]; then
	make_share "$TMP/arm"
	SHARE="$TMP/arm/share,x y" BOOT_TARGET=kvm-arm64 BOOT_TIMEOUT=60 \
		boot "$TMP/arm64/share_kvm-arm64"
	share_ran arm64 "$TMP/arm" /share
else
	skip "no arm64 tools" 40
fi

# Refusals: one error line, 125, and QEMU never started (a stand-in
# QEMU first on PATH would leave a mark).
mkdir -p "$TMP/bin"
for q in qemu-system-x86_64 qemu-system-aarch64; do
	printf '#!/bin/sh\ntouch "%s/qemu-ran"\nexit 1\n' "$TMP" >"$TMP/bin/$q"
	chmod +x "$TMP/bin/$q"
done
# refused NAME SHARE PATTERN [TARGET]: a run with SHARE refused so.
refused() {
	rm -f "$TMP/qemu-ran"
	PATH="$TMP/bin:$PATH" SHARE=$2 BOOT_TARGET=${4:-kvm-x86_64} boot "$img"
	is "$boot_rc" 125 "$1: status 125"
	like "$boot_err" "$3" "$1: said so"
	is "$(wc -l <<<"$boot_out")" 1 "$1: one line"
	check "$1: QEMU not started" test ! -e "$TMP/qemu-ran"
}
refused "a missing SHARE" "$TMP/nope" "^error: SHARE=$TMP/nope: no such directory: $TMP/nope\$"
refused "a missing SHARE with a guest path" "$TMP/nope:/data" "^error: SHARE=$TMP/nope:/data: no such directory: $TMP/nope\$"
refused "a file as SHARE" "$TMP/pattern" "is not a directory"
refused "a guest path of /" "$TMP/pc:/" "the guest path cannot be /"
refused "SHARE on Xen" "$TMP/pc" "xen-x86_64 has no virtio-9p" xen-x86_64
plan "$tap_n"
