#!/usr/bin/env bash
# Interrupted builds leave nothing make takes for current, and builds are
# reproducible: -j1, -j4, and builds in other directories are byte-identical.
source "$(dirname "$0")/lib/tap.sh"
plan 6

# Digest of what a build produces: prelinked libraries and images.
outputs() {
	(cd "$1" && shopt -s nullglob && sha256sum ./*.o ./*_*-x86_64 ./*_*-x86_64.dbg ./*_*-arm64 ./*_*-arm64.dbg)
}
build() { # build DIR [make args]
	local d=$1
	shift
	make -s -C "$KILN" O="$d" C="$TMP/config" "$@" >/dev/null 2>&1
}

check "reference build (-j1)" build "$TMP/ref" -j1
ref=$(outputs "$TMP/ref")
[ -n "$ref" ] && tap_r=0 || tap_r=1
ok "$tap_r" "the reference build produced outputs"

# Interrupt a -j2 build at several points, then finish it.
for delay in 0.2 0.5 0.9 1.4 2.0; do
	setsid make -s -C "$KILN" O="$TMP/int" C="$TMP/config" -j2 \
		>/dev/null 2>&1 &
	pid=$!
	sleep "$delay"
	kill -INT -- "-$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
done
check "the interrupted build completes" build "$TMP/int" -j2
is "$(outputs "$TMP/int")" "$ref" \
	"after interruptions, outputs are byte-identical to a clean build"

build "$TMP/j4" -j4
is "$(outputs "$TMP/j4")" "$ref" "-j4 in another directory gives identical outputs"
mkdir -p "$TMP/elsewhere"
cp -r "$KILN/examples/helloworld" "$TMP/elsewhere/"
rm -rf "$TMP/elsewhere/helloworld/build" "$TMP/elsewhere/helloworld/.config"
make -s -C "$KILN" A="$TMP/elsewhere/helloworld" O="$TMP/other/deep/dir" C="$TMP/config2" >/dev/null 2>&1
is "$(outputs "$TMP/other/deep/dir")" "$ref" \
	"the app copied elsewhere and built in another directory gives identical outputs"
