#!/usr/bin/env bash
# Every link runs `ukimg check`; a failing image fails the build, is kept
# as <image>.dbg.rejected, and the next make checks (links) again.
source "$(dirname "$0")/lib/tap.sh"
plan 7

b=(-s -C "$KILN" A="$KILN/examples/helloworld" O="$TMP/b" C="$TMP/c")
check "helloworld builds (its image passes ukimg check)" make "${b[@]}"
img=$TMP/b/helloworld_kvm-x86_64
"$TMP/b/tools/ukimg" check --plat kvm "$img.dbg" && tap_r=0 || tap_r=1
ok "$tap_r" "ukimg check passes on the .dbg image"

# A checker that rejects everything stands in for a broken image.
printf '#!/bin/sh\necho "$4: segment 1 is writable and executable" >&2\nexit 1\n' >"$TMP/reject"
chmod +x "$TMP/reject"
rm "$img.dbg"
rc=0
out=$(make "${b[@]}" UKIMG="$TMP/reject" 2>&1) || rc=$?
[ "$rc" != 0 ] && tap_r=0 || tap_r=1
ok "$tap_r" "a rejected image fails the build (exit $rc)"
like "$out" "error: helloworld_kvm-x86_64.dbg fails ukimg check \(kept as helloworld_kvm-x86_64.dbg.rejected\)" \
	"with one line naming the image"
test -f "$img.dbg.rejected" && test ! -e "$img.dbg" && tap_r=0 || tap_r=1
ok "$tap_r" "the image is kept as .dbg.rejected, not under its real name"
out=$(make "${b[@]}" 2>&1)
like "$out" "LD +helloworld_kvm-x86_64.dbg" "the next make links and checks again"
make "${b[@]}" size >"$TMP/size" 2>&1
like "$(cat "$TMP/size")" '^libnolibc +[0-9]+ +[0-9]+ +[0-9]+ +[0-9]+ +[0-9]+ #*$' \
	"make size prints a row per library with a bar"
