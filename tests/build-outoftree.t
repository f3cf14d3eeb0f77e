#!/usr/bin/env bash
# An app and an L= library outside the tree build; a disabled library
# leaves no trace: no build directory, no include path on any command line.
source "$(dirname "$0")/lib/tap.sh"
plan 6

cp -r "$KILN/tests/fixtures/twofiles" "$TMP/app"
cp -r "$KILN/tests/fixtures/extlib" "$TMP/extlib"
# The app's own Makefile, as a Unikraft app has it.
cat > "$TMP/app/Makefile" <<MK
UK_ROOT ?= $KILN
UK_BUILD ?= \$(CURDIR)/build
LIBS ?= $TMP/extlib
all:
	@\$(MAKE) -C \$(UK_ROOT) A=\$(CURDIR) L=\$(LIBS) O=\$(UK_BUILD) \$(MAKECMDGOALS)
compile_commands.json print-libs: all
MK
check "out-of-tree app builds through its own Makefile" make -s -C "$TMP/app"
test -f "$TMP/app/build/libextlib.o" && tap_r=0 || tap_r=1
ok "$tap_r" "the L= library is built into the app's build directory"

make -s -C "$TMP/app" compile_commands.json >/dev/null
cc_json=$TMP/app/build/compile_commands.json
like "$(cat "$cc_json")" '"file":"'"$TMP"'/extlib/user.c"' \
	"compile_commands.json lists the L= library's sources"

libs=$(make -s -C "$TMP/app" print-libs | sed -n 's/^disabled: //p')
like "$libs" 'libuktest' "libuktest is disabled in this configuration"
test ! -e "$TMP/app/build/libuktest" && tap_r=0 || tap_r=1
ok "$tap_r" "a disabled library has no build directory"
grep -q "lib/uktest" "$cc_json" && r=1 || r=0
ok $r "no command line names the disabled library (no -I)"
