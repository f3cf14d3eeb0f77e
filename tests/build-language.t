#!/usr/bin/env bash
# The Makefile.uk language: variants, relative sources, exportsyms.uk.
source "$(dirname "$0")/lib/tap.sh"
plan 5

cp -r "$KILN/tests/fixtures/twofiles" "$TMP/app"
cp -r "$KILN/tests/fixtures/extlib" "$TMP/extlib"
b=(A="$TMP/app" O="$TMP/build" L="$TMP/extlib")
check "app with the L= library builds" kmake "${b[@]}"
lib=$TMP/build/libextlib
test -f "$lib/other.c.o" && test -f "$lib/other.c.v2.o" && tap_r=0 || tap_r=1
ok "$tap_r" "other.c|v2 gives a second object, other.c.v2.o, beside other.c.o"
like "$(cat "$lib/.other.c.v2.o.cmd")" "-DEXTLIB_V2" "the variant's flags are on its command line"
grep -q -- "-DEXTLIB_V2" "$lib/.other.c.o.cmd" && r=1 || r=0
ok $r "and not on the plain object's"
syms=$(nm "$TMP/build/libextlib.o" | awk '$2 ~ /^[TDBR]$/ {print $3}' | sort | tr '\n' ' ')
is "$syms" "extlib_other_v2 extlib_user " \
	"exportsyms.uk: only the listed symbols stay global after prelink"
