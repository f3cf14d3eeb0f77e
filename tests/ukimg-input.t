#!/usr/bin/env bash
# ukimg refuses inputs that are not regular files before it could block
# on them (a FIFO's open waits for a writer, /dev/zero never ends), and
# bounds what it reads: one line naming the file, exit 1, in seconds.
source "$(dirname "$0")/lib/tap.sh"
source "$(dirname "$0")/fixtures/ukimg/lib.sh"
plan 15

uk=$TMP/ukimg
img=$TMP/img
check "ukimg builds with ASan and UBSan" ukimg_build_san "$uk"
check "the test image builds" ukimg_images "$img" good

mkfifo "$TMP/fifo"
mkdir "$TMP/dir"
# Sparse: no disk space used, the size is what counts.
truncate -s 300M "$TMP/huge.map"
truncate -s 1100M "$TMP/huge.img"

# refused EXPECTED-LINE DESCRIPTION ARGS...: `ukimg ARGS` prints exactly
# EXPECTED-LINE and exits 1, within 10 s (124 is a hang).
refused() {
	local want=$1 desc=$2 out rc=0
	shift 2
	out=$(timeout 10 "$uk" "$@" 2>&1 </dev/null) || rc=$?
	is "$rc: $out" "1: $want" "$desc"
}

for cmd in check info size; do
	refused "$TMP/fifo: not a regular file (a FIFO)" \
		"$cmd on a FIFO: one line, exit 1, no hang" "$cmd" "$TMP/fifo"
done
refused "$TMP/dir: not a regular file (a directory)" \
	"check on a directory: one line, exit 1" check "$TMP/dir"
refused "/dev/zero: not a regular file (a character device)" \
	"info on /dev/zero: one line, exit 1, not read forever" info /dev/zero
refused "$TMP/huge.img: too large (1153433600 bytes, at most 1073741824)" \
	"an image over 1 GiB is refused unread" check "$TMP/huge.img"

refused "$TMP/fifo: not a regular file (a FIFO)" \
	"size --map FIFO: one line, exit 1, no hang" \
	size "$img/good" --map "$TMP/fifo"
refused "/dev/zero: not a regular file (a character device)" \
	"size --map /dev/zero: one line, exit 1, memory bounded" \
	size "$img/good" --map /dev/zero
refused "$TMP/dir: not a regular file (a directory)" \
	"size --map DIR: one line, exit 1" size "$img/good" --map "$TMP/dir"
refused "$TMP/huge.map: too large (314572800 bytes, at most 67108864)" \
	"a map over 64 MiB is refused unread" \
	size "$img/good" --map "$TMP/huge.map"

# A FIFO found as the default map (IMAGE.map) is refused the same way.
cp "$img/good" "$TMP/fifoimg"
mkfifo "$TMP/fifoimg.map"
refused "$TMP/fifoimg.map: not a regular file (a FIFO)" \
	"a FIFO as the default IMAGE.map: one line, exit 1" size "$TMP/fifoimg"

# A FIFO with a writer that never writes: still refused at once.
sleep 30 >"$TMP/fifo" &
writer=$!
refused "$TMP/fifo: not a regular file (a FIFO)" \
	"a FIFO with an idle writer: refused, not read" check "$TMP/fifo"
kill "$writer" 2>/dev/null || true
wait "$writer" 2>/dev/null || true

# Through a symbolic link, the file opened is the one checked.
ln -s /dev/zero "$TMP/zero.map"
refused "$TMP/zero.map: not a regular file (a character device)" \
	"a link to /dev/zero as a map: refused" \
	size "$img/good" --map "$TMP/zero.map"
