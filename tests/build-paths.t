#!/usr/bin/env bash
# Odd input is one line before anything happens: paths make or the shell
# would misread, a stray C=1 or TARGET with two pairs, apps without a
# Makefile.uk or sources, libraries registered twice. Nothing is created
# where the user did not ask (nor in the Kiln tree).
source "$(dirname "$0")/lib/tap.sh"
plan 92

cp -r "$KILN/tests/fixtures/twofiles" "$TMP/app"
tree_before=$(ls -A "$KILN")

# fails NAME PATTERN ARGS...: make fails with PATTERN in one line, and
# creates nothing in $TMP or at the top of the Kiln tree.
fails() {
	local name=$1 pattern=$2 before rc=0 out
	shift 2
	before=$(find "$TMP" | sort)
	out=$(timeout 120 make -s -C "$KILN" "$@" 2>&1) || rc=$?
	[ "$rc" != 0 ] && [ "$rc" != 124 ] && tap_r=0 || tap_r=1
	ok "$tap_r" "$name: fails (exit $rc)"
	like "$out" "$pattern" "$name: says why"
	is "$(wc -l <<<"$out")" 1 "$name: in one line"
	[ "$before" = "$(find "$TMP" | sort)" ] && [ "$tree_before" = "$(ls -A "$KILN")" ] && tap_r=0 || tap_r=1
	ok "$tap_r" "$name: nothing was created"
}

a=(A="$TMP/app")
fails "O= with a blank" "O=$TMP/my build: contains a blank" "${a[@]}" O="$TMP/my build"
fails "O= with #" "O=$TMP/b#1: contains '#'" "${a[@]}" O="$TMP/b#1"
fails "O= with :" "O=$TMP/b:1: contains ':'" "${a[@]}" O="$TMP/b:1"
fails "O= with \$ (make would expand it)" "O=$TMP/b\\\$HOME: contains '\\\$'" "${a[@]}" "O=$TMP/b\$HOME"
fails "O= with ;" "O=$TMP/b;id: contains ';'" "${a[@]}" "O=$TMP/b;id"
fails "C= with a backquote" "C=$TMP/c\`id\`: contains '\`'" "${a[@]}" "C=$TMP/c\`id\`"
mkdir "$TMP/my app" && cp "$TMP/app/"* "$TMP/my app/"
fails "A= with a blank" "A=$TMP/my app: contains a blank" A="$TMP/my app"
fails "C=1 (not a flag here)" "C=$KILN/1 is in the Kiln tree, outside the app and the build directory" \
	"${a[@]}" C=1
fails "TARGET= with two pairs" "TARGET=kvm-x86_64 kvm-arm64: name one target pair" \
	"${a[@]}" TARGET="kvm-x86_64 kvm-arm64"

mkdir "$TMP/nomk" && echo 'int main(void) { return 0; }' >"$TMP/nomk/main.c"
fails "A= without Makefile.uk" "A=$TMP/nomk: no Makefile.uk there" A="$TMP/nomk" O="$TMP/b"

# Sources: checked after Kconfig, before any compiler runs.
cp -r "$TMP/app" "$TMP/typo" && sed -i 's/_SRCS-y/_SRC-y/' "$TMP/typo/Makefile.uk"
out=$(make -s -C "$KILN" A="$TMP/typo" O="$TMP/tb" C="$TMP/tc" 2>&1) && rc=0 || rc=$?
like "$out" "A=$TMP/typo: the app lists no sources in APPTWOFILES_SRCS-y \(its Makefile.uk sets APPTWOFILES_SRC-y instead\)" \
	"an app with a misspelt SRCS-y: the line names both (exit $rc)"
is "$(grep -cE '^  (CC|AS|LD) ' <<<"$out")" 0 "and nothing was compiled"
cp -r "$TMP/app" "$TMP/nosrc" && sed -i '/_SRCS-y/d' "$TMP/nosrc/Makefile.uk"
out=$(make -s -C "$KILN" A="$TMP/nosrc" O="$TMP/nb" C="$TMP/nc" 2>&1) && rc=0 || rc=$?
like "$out" "A=$TMP/nosrc: the app lists no sources \(APPTWOFILES_SRCS-y\) and no L= library could provide main\(\)" \
	"an app without sources or L= libraries: one line (exit $rc)"
is "$(grep -cE '^  (CC|AS|LD) ' <<<"$out")" 0 "and nothing was compiled"

# Library names: one registration each (in a build directory that
# exists already, so "nothing created" means nothing new in it).
check "the app builds" make -s -C "$KILN" "${a[@]}" O="$TMP/b" C="$TMP/c"
mklib() { # mklib DIR NAME
	mkdir -p "$1"
	printf '$(eval $(call addlib,%s))\n%s_SRCS-y += $(%s_BASE)/x.c\n' "$2" \
		"$(tr a-z A-Z <<<"$2")" "$(tr a-z A-Z <<<"$2")" >"$1/Makefile.uk"
	echo 'int x_of_lib;' >"$1/x.c"
}
mklib "$TMP/l1" libukboot
fails "an L= library named like an in-tree one" \
	"library libukboot is registered twice: by $KILN/lib/ukboot/Makefile.uk and $TMP/l1/Makefile.uk" \
	"${a[@]}" O="$TMP/b" C="$TMP/c" L="$TMP/l1"
mklib "$TMP/l2" libsame
mklib "$TMP/l3" libsame
fails "two L= libraries with one name" \
	"library libsame is registered twice: by $TMP/l2/Makefile.uk and $TMP/l3/Makefile.uk" \
	"${a[@]}" O="$TMP/b" C="$TMP/c" L="$TMP/l2:$TMP/l3"
fails "one L= directory twice" "L= names $TMP/l2 twice" \
	"${a[@]}" O="$TMP/b" C="$TMP/c" L="$TMP/l2:$TMP/l2"
cp -r "$TMP/app" "$TMP/clash" && sed -i 's/apptwofiles/libnolibc/; s/APPTWOFILES/LIBNOLIBC/g' "$TMP/clash/Makefile.uk"
fails "an app named like a library" \
	"library libnolibc is registered twice: by $KILN/lib/nolibc/Makefile.uk and $TMP/clash/Makefile.uk" \
	A="$TMP/clash" O="$TMP/b" C="$TMP/c"

# Characters that are fine in a path do work.
mkdir -p "$TMP/ok+@,~" && cp -r "$TMP/app" "$TMP/ok+@,~/app"
check "A= and O= with + @ , ~ build" make -s -C "$KILN" A="$TMP/ok+@,~/app" O="$TMP/ok+@,~/b" C="$TMP/ok+@,~/c"

# More blanks, the Kiln tree as the app, a missing UK_DEFCONFIG.
fails "O= with a vertical tab" "contains a blank" "${a[@]}" O="$TMP/b"$'\v'"x"
fails "A= the Kiln tree" "A=$KILN is the Kiln tree or holds it" A="$KILN" O="$TMP/b" C="$TMP/c"
fails "UK_DEFCONFIG= a missing file" "UK_DEFCONFIG=$TMP/nope.def: no such file" \
	"${a[@]}" O="$TMP/b" C="$TMP/c" UK_DEFCONFIG="$TMP/nope.def" defconfig

# Files make would block on, and library names that are paths.
cp -r "$TMP/app" "$TMP/fifo" && rm "$TMP/fifo/Makefile.uk" && mkfifo "$TMP/fifo/Makefile.uk"
fails "A= with a FIFO for Makefile.uk" "$TMP/fifo/Makefile.uk is not a regular file" \
	A="$TMP/fifo" O="$TMP/b" C="$TMP/c"
cp -r "$TMP/app" "$TMP/esc" && sed -i 's|addlib,apptwofiles|addlib,../../escaped|' "$TMP/esc/Makefile.uk"
fails "a library name with /" "library name '../../escaped' is not a plain name" \
	A="$TMP/esc" O="$TMP/b" C="$TMP/c"

# Nothing in ARGS or V runs on the host, also in a plain build.
check "a build with \$(shell) in ARGS" make -s -C "$KILN" "${a[@]}" O="$TMP/b" C="$TMP/c" \
	"ARGS=\$(shell touch $TMP/pwned1)"
[ ! -e "$TMP/pwned1" ] && tap_r=0 || tap_r=1
ok "$tap_r" "the \$(shell) in ARGS did not run"
probe=(-s -C "$KILN" A="$KILN/tests/apps/probe" O="$TMP/pb" C="$TMP/pc")
rc=0
out=$(make "${probe[@]}" run "ARGS=args \$(shell touch $TMP/pwned2)" "V=0;touch $TMP/pwned3" 2>&1) || rc=$?
[ "$rc" = 0 ] && [ ! -e "$TMP/pwned2" ] && [ ! -e "$TMP/pwned3" ] && tap_r=0 || tap_r=1
ok "$tap_r" "make run: nothing in ARGS or V ran on the host (exit $rc)"
like "$(tr -d '\r' <<<"$out")" "^arg2=<\\\$\(shell>$" "and the guest got the text as typed"

# The run script's settings on make's command line go to it as typed.
rc=0
out=$(make "${probe[@]}" run ARGS="exit 4" V=1 "QEMU_ARGS=-name k\$(shell touch $TMP/pwned4)" 2>&1) || rc=$?
# (QEMU then takes the words after -name's for disk images: 125.)
[ "$rc" = 125 ] && [ ! -e "$TMP/pwned4" ] && tap_r=0 || tap_r=1
ok "$tap_r" "QEMU_ARGS with \$(shell): nothing ran on the host (exit $rc)"
like "$out" "-name k\\\$\(shell" "and QEMU got it as typed"
fails "run with another goal" "make run print-libs: run goes in a make of its own" \
	"${probe[@]:1}" run print-libs
