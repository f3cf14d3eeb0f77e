#!/usr/bin/env bash
# Changing one app option recompiles exactly the one object that uses it.
source "$(dirname "$0")/lib/tap.sh"
plan 4

cp -r "$KILN/tests/fixtures/twofiles" "$TMP/app"
b=(A="$TMP/app" O="$TMP/build")
check "app builds" kmake "${b[@]}"
sed -i 's/# CONFIG_APPTWOFILES_FOO is not set/CONFIG_APPTWOFILES_FOO=y/' "$TMP/app/.config"
check "olddefconfig accepts the change" kmake "${b[@]}" olddefconfig
grep -q '^CONFIG_APPTWOFILES_FOO=y' "$TMP/app/.config" && tap_r=0 || tap_r=1
ok "$tap_r" "option is set in .config"
is "$(kmake "${b[@]}" 2>&1 | compiled | tr '\n' ' ')" "apptwofiles/a.c.o " \
	"only a.o (the user of the option) is recompiled"
