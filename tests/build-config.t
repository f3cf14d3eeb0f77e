#!/usr/bin/env bash
# Configuration round trips: savedefconfig + UK_DEFCONFIG, TARGET= switching
# an existing configuration (other options kept), clean and distclean,
# and compile_commands.json as valid JSON.
source "$(dirname "$0")/lib/tap.sh"
plan 9

cp -r "$KILN/tests/fixtures/twofiles" "$TMP/app"
b=(-s -C "$KILN" A="$TMP/app" O="$TMP/b")
make "${b[@]}" defconfig >/dev/null
sed -i 's/# CONFIG_APPTWOFILES_FOO is not set/CONFIG_APPTWOFILES_FOO=y/' "$TMP/app/.config"
make "${b[@]}" olddefconfig >/dev/null
make "${b[@]}" savedefconfig >/dev/null
grep -qx 'CONFIG_APPTWOFILES_FOO=y' "$TMP/b/defconfig" && tap_r=0 || tap_r=1
ok "$tap_r" "savedefconfig keeps the changed option"
rm "$TMP/app/.config"
make "${b[@]}" defconfig UK_DEFCONFIG="$TMP/b/defconfig" >/dev/null
grep -qx 'CONFIG_APPTWOFILES_FOO=y' "$TMP/app/.config" && tap_r=0 || tap_r=1
ok "$tap_r" "defconfig from UK_DEFCONFIG= restores it"

check "the app builds for kvm-x86_64" make "${b[@]}"
check "TARGET=kvm-arm64 switches the existing configuration and builds" \
	make "${b[@]}" TARGET=kvm-arm64
grep -qx 'CONFIG_ARCH_ARM_64=y' "$TMP/app/.config" &&
	grep -qx 'CONFIG_APPTWOFILES_FOO=y' "$TMP/app/.config" && tap_r=0 || tap_r=1
ok "$tap_r" ".config is now arm64 and keeps the app's option"
test -f "$TMP/b/app_kvm-arm64" && tap_r=0 || tap_r=1
ok "$tap_r" "the arm64 image is built"

make "${b[@]}" compile_commands.json >/dev/null
python3 -c 'import json, sys; d = json.load(open(sys.argv[1])); assert len(d) > 10 and all("command" in e for e in d)' \
	"$TMP/b/compile_commands.json" && tap_r=0 || tap_r=1
ok "$tap_r" "compile_commands.json is valid JSON with a command per object"

make "${b[@]}" clean >/dev/null
test ! -e "$TMP/b/libnolibc.o" && test -f "$TMP/app/.config" && tap_r=0 || tap_r=1
ok "$tap_r" "clean removes objects and keeps the configuration"
make "${b[@]}" distclean >/dev/null
test ! -e "$TMP/b" && test ! -e "$TMP/app/.config" && tap_r=0 || tap_r=1
ok "$tap_r" "distclean removes the build directory and the configuration"
