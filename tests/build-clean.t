#!/usr/bin/env bash
# clean and distclean remove only what Kiln made: a build directory it
# created (marked with .kiln-build) and a configuration Kconfig wrote.
# Everything else is refused in one line, with nothing removed. The
# refusals are tried on real directories: an app copy and a Kiln copy.
source "$(dirname "$0")/lib/tap.sh"
plan 53

# snapshot DIR: every path under DIR with its size, to compare.
# The lock file holds the pid of the last make ("pid N"): its size
# changes with the pid's digits, which is no loss.
snapshot() { find "$1" -printf '%P %s\n' | sed 's/\(\.kiln-lock\) [0-9]*$/\1/' | sort; }

# refused NAME PATTERN ARGS...: make fails, prints PATTERN as its only
# line, and removes nothing under $TMP.
refused() {
	local name=$1 pattern=$2 before after rc=0 out r
	shift 2
	before=$(snapshot "$TMP")
	out=$(make -s -C "$KILN" "$@" 2>&1) || rc=$?
	after=$(snapshot "$TMP")
	[ "$rc" != 0 ] && [ "$before" = "$after" ] && r=0 || r=1
	ok $r "$name: refused (exit $rc), nothing removed"
	[ "$r" = 0 ] || diff <(echo "$before") <(echo "$after") | sed 's/^/# /' | head -20 >&2 || true
	like "$out" "$pattern" "$name: the line says why"
	is "$(wc -l <<<"$out")" 1 "$name: one line"
}

cp -r "$KILN/tests/fixtures/twofiles" "$TMP/app"
app=$TMP/app
check "the app builds in its default build directory" kmake A="$app"
[ -f "$app/build/.kiln-build" ] && tap_r=0 || tap_r=1
ok "$tap_r" "Kiln marked the build directory it created"

refused "O= the app directory" "O=$app is the app directory" clean A="$app" O="$app"
refused "distclean O= a parent of the app" "O=$TMP contains the app directory" \
	distclean A="$app" O="$TMP"
mkdir "$TMP/other" && echo keep >"$TMP/other/notes.txt"
refused "O= a directory Kiln did not create" \
	"O=$TMP/other was not created by Kiln \(no .kiln-build in it\): not cleaning it" \
	clean A="$app" O="$TMP/other"
refused "O= empty" "O= is empty: name a build directory" clean A="$app" O=

# A copy of Kiln: as another tree's O=, and as its own O=.
mkdir "$TMP/kiln"
(cd "$KILN" && git ls-files --cached --others --exclude-standard |
	while IFS= read -r f; do [ ! -e "$f" ] || cp --parents "$f" "$TMP/kiln"; done)
cp -r "$KILN/.git" "$TMP/kiln/.git"
refused "O= a Kiln copy" "O=$TMP/kiln was not created by Kiln" clean A="$app" O="$TMP/kiln"
before=$(snapshot "$TMP")
rc=0
out=$(make -s -C "$TMP/kiln" distclean O="$TMP/kiln" 2>&1) || rc=$?
[ "$rc" != 0 ] && [ "$before" = "$(snapshot "$TMP")" ] && tap_r=0 || tap_r=1
ok "$tap_r" "distclean O= the Kiln tree itself: refused (exit $rc), nothing removed"
like "$out" "O=$TMP/kiln is the Kiln tree" "the line says it is the Kiln tree"

# / only ever with -n: whatever happens, nothing is run.
out=$(make -n -s -C "$KILN" clean A="$app" O=/ 2>&1) || true
like "$out" "O=/ is /: name a build directory" "O=/ is refused"
if grep -q 'rm ' <<<"$out"; then ok 1 "O=/: no rm command even planned"; else ok 0 "O=/: no rm command even planned"; fi

# distclean of a C= that Kconfig did not write.
echo 'int important;' >"$TMP/notconfig.c"
refused "distclean C= a source file" \
	"$TMP/notconfig.c is not a configuration Kiln wrote" \
	distclean A="$app" C="$TMP/notconfig.c"

# What Kiln made is cleaned as before.
check "clean in the marked directory" kmake A="$app" clean
[ -f "$app/.config" ] && [ -f "$app/build/.kiln-build" ] && [ ! -e "$app/build/apptwofiles" ] && tap_r=0 || tap_r=1
ok "$tap_r" "clean removed the objects, kept the configuration and the mark"
check "distclean in the marked directory" kmake A="$app" distclean
[ ! -e "$app/build" ] && [ ! -e "$app/.config" ] && [ -f "$app/a.c" ] && [ -f "$app/Makefile.uk" ] && tap_r=0 || tap_r=1
ok "$tap_r" "distclean removed the build directory and .config, not the sources"

# An empty directory the user made is adopted (marked) by a build.
mkdir "$TMP/empty"
check "a build in an empty directory" kmake A="$app" O="$TMP/empty" C="$TMP/empty.config"
[ -f "$TMP/empty/.kiln-build" ] && tap_r=0 || tap_r=1
ok "$tap_r" "the empty directory was marked"

# File names make would split: clean passes them to rm whole.
b=$TMP/named
check "a build for the odd names" kmake A="$app" O="$b" C="$TMP/named.config"
touch "$b/z;touch PWNED" "$b/z README.md" "$b/z \$(id)"
tree_before=$(cd "$KILN" && ls -A)
check "clean with odd file names in O=" kmake A="$app" O="$b" C="$TMP/named.config" clean
[ ! -e "$KILN/PWNED" ] && [ ! -e "$b/z;touch PWNED" ] && [ ! -e "$b/z README.md" ] &&
	[ "$tree_before" = "$(cd "$KILN" && ls -A)" ] && tap_r=0 || tap_r=1
ok "$tap_r" "they are removed, nothing in their names ran, the Kiln tree is intact"

# A C= in the build directory: clean keeps it; one deeper is refused.
check "a build with C= in O=" kmake A="$app" O="$b" C="$b/my.config"
check "clean" kmake A="$app" O="$b" C="$b/my.config" clean
[ -f "$b/my.config" ] && tap_r=0 || tap_r=1
ok "$tap_r" "clean kept C= in O="
mkdir -p "$b/sub" && cp "$b/my.config" "$b/sub/my.config"
refused "clean with C= in a subdirectory of O=" "$b/sub/my.config is inside O=$b: cleaning would remove it" \
	clean A="$app" O="$b" C="$b/sub/my.config"
# A UK_DEFCONFIG= in O= is the user's too (make's override of the
# variable once hid that it was given, and clean removed it).
cp "$b/my.config" "$b/sub/def.config"
refused "clean with UK_DEFCONFIG= in O=" "$b/sub/def.config is inside O=$b: cleaning would remove it" \
	clean A="$app" O="$b" C="$b/my.config" UK_DEFCONFIG="$b/sub/def.config"

# distclean: C.old must be Kconfig's too.
mkdir -p "$TMP/site.old/sub" && echo keep >"$TMP/site.old/sub/important"
refused "distclean with C=.old a directory" "$TMP/site.old is not a configuration Kiln wrote" \
	distclean A="$app" O="$b" C="$TMP/site"

# distclean through a symlink to the build directory removes the directory.
ln -s "$b" "$TMP/link"
check "distclean O= a symlink" kmake A="$app" O="$TMP/link" C="$b/my.config" distclean
[ ! -e "$b" ] && tap_r=0 || tap_r=1
ok "$tap_r" "the build directory it points to is gone"

# Clean goals alone.
refused "distclean with a build goal" "make distclean all: run distclean in a make of its own" \
	distclean all A="$app"

# A C= that is a symlink to a file in O=: clean keeps the file.
check "a build with C= in O=, named through a symlink" kmake A="$app" O="$b" C="$b/real.config"
ln -s "$b/real.config" "$TMP/cfg.link"
check "clean through the symlink" kmake A="$app" O="$b" C="$TMP/cfg.link" clean
[ -f "$b/real.config" ] && tap_r=0 || tap_r=1
ok "$tap_r" "the configuration it points to is kept"
