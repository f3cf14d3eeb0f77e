#!/usr/bin/env bash
# Library flags rebuild that library only; a header rebuilds its includers.
source "$(dirname "$0")/lib/tap.sh"
plan 4

cp -r "$KILN/tests/fixtures/twofiles" "$TMP/app"
cp -r "$KILN/tests/fixtures/extlib" "$TMP/extlib"
b=(A="$TMP/app" O="$TMP/build" L="$TMP/extlib")
check "app with L= library builds" kmake "${b[@]}"

sed -i 's/-DEXTLIB_LEVEL=1/-DEXTLIB_LEVEL=2/' "$TMP/extlib/Makefile.uk"
is "$(kmake "${b[@]}" 2>&1 | compiled | tr '\n' ' ')" \
	"libextlib/other.c.o libextlib/other.c.v2.o libextlib/user.c.o " \
	"changing LIBEXTLIB_CFLAGS-y recompiles libextlib's objects only"

echo '#define EXTLIB_MORE 1' >> "$TMP/extlib/include/extlib.h"
is "$(kmake "${b[@]}" 2>&1 | compiled | tr '\n' ' ')" "libextlib/user.c.o " \
	"editing a header recompiles only its includer"
is "$(kmake "${b[@]}" 2>&1 | compiled | wc -l)" 0 "and then nothing"
