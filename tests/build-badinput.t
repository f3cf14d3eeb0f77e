#!/usr/bin/env bash
# Bad input: one clear line naming the file or tool, and a non-zero exit.
source "$(dirname "$0")/lib/tap.sh"
plan 12

# run_bad NAME ARGS...: make must fail; keeps its output in $out.
run_bad() {
	local name=$1 rc=0
	shift
	out=$(make -s -C "$KILN" "$@" 2>&1) || rc=$?
	[ "$rc" != 0 ] && tap_r=0 || tap_r=1
	ok "$tap_r" "$name: make fails (exit $rc)"
}

cp -r "$KILN/tests/fixtures/twofiles" "$TMP/app"
printf 'config APPTWOFILES_BROKEN\n\tbool "x"\n\tdepends on (\n' >> "$TMP/app/Config.uk"
run_bad "syntax error in the app's Config.uk" A="$TMP/app" O="$TMP/b1"
like "$out" "$TMP/app/Config.uk:[0-9]+: syntax error" \
	"the error names the file and line"

run_bad "nonexistent L= directory" O="$TMP/b2" C="$TMP/c2" L="$TMP/nope"
like "$out" "L=$TMP/nope: not a library directory" "the error names the directory"

run_bad "unknown TARGET" O="$TMP/b3" C="$TMP/c3" TARGET=kvm-sparc
like "$out" "TARGET=kvm-sparc: unknown target pair; supported: .*kvm-x86_64" \
	"the error names the target and lists the supported ones"

run_bad "missing cross compiler" O="$TMP/b4" C="$TMP/c4" CROSS_COMPILE=nonexistent-
like "$out" "compiler nonexistent-gcc not found" "the error names the compiler"

run_bad "nonexistent app directory" A="$TMP/noapp"
like "$out" "A=$TMP/noapp: no such app directory" "the error names the app directory"

cp -r "$KILN/tests/fixtures/twofiles" "$TMP/app2"
sed -i 's/select LIBNOLIBC if !HAVE_LIBC/&\n\tselect LIBDOESNOTEXIST/' "$TMP/app2/Config.uk"
run_bad "the app selects an unknown library" A="$TMP/app2" O="$TMP/b5"
like "$out" "error: $TMP/app2/Config.uk:5: selects LIBDOESNOTEXIST, which no Config.uk defines" \
	"the error names the file, line and library"
