#!/usr/bin/env bash
# The configuration file is never lost: written atomically next to C=
# (whatever file system O= is on), never replaced by an incomplete file
# on a full disk; and what Kconfig would silently fix (recursive
# dependencies, values out of range or of the wrong type) is an error
# naming the file and symbol, with C= left as it was.
source "$(dirname "$0")/lib/tap.sh"
plan 27

cp -r "$KILN/tests/fixtures/twofiles" "$TMP/app"
m=(-s -C "$KILN" A="$TMP/app")

# --- O= and C= on different file systems -----------------------------------
shm=$(mktemp -d /dev/shm/kiln-test.XXXXXX 2>/dev/null || true)
if [ -n "$shm" ] && [ "$(stat -f -c %T "$shm")" != "$(stat -f -c %T "$TMP")" ]; then
	trap 'rm -rf "$TMP" "$shm"' EXIT
	check "a build with O= on tmpfs and C= on $(stat -f -c %T "$TMP")" \
		make "${m[@]}" O="$shm/b" C="$TMP/x.config"
	sed -i 's/^CONFIG_LIBUKBOOT_MAXARGS=.*/CONFIG_LIBUKBOOT_MAXARGS=9/' "$TMP/x.config"
	cp "$TMP/x.config" "$TMP/x.saved"
	check "olddefconfig across file systems" make "${m[@]}" O="$shm/b" C="$TMP/x.config" olddefconfig
	grep -qx 'CONFIG_LIBUKBOOT_MAXARGS=9' "$TMP/x.config"
	ok $? "the user's value is kept"
	echo 'CONFIG_LIBUKBOOT_SHOW_BOOTTIME=y' >>"$TMP/x.config"
	cp "$TMP/x.config" "$TMP/x.before"
	check "a change is committed" make "${m[@]}" O="$shm/b" C="$TMP/x.config" olddefconfig
	cmp -s "$TMP/x.config.old" "$TMP/x.before" &&
		grep -qx 'CONFIG_LIBUKBOOT_SHOW_BOOTTIME=y' "$TMP/x.config"
	ok $? "the previous file is .config.old, the new one has the change"
else
	skip "no tmpfs /dev/shm on another file system here" 5
fi

# --- A full disk ---------------------------------------------------------
full=$TMP/full
mkdir "$full"
if [ "$(id -u)" = 0 ] && mount -t tmpfs -o size=64k tmpfs "$full" 2>/dev/null; then
	trap 'umount "$full" 2>/dev/null; rm -rf "$TMP" "${shm:-}"' EXIT
	check "configure with C= on a small file system" \
		make "${m[@]}" O="$TMP/fb" C="$full/.config" defconfig
	# A change olddefconfig must write, then no space left at all.
	sed -i '/^CONFIG_LIBUKBOOT_MAXARGS=/d' "$full/.config"
	cp "$full/.config" "$TMP/full.saved"
	dd if=/dev/zero of="$full/fill" bs=1k count=128 2>/dev/null || true
	rc=0
	out=$(make "${m[@]}" O="$TMP/fb" C="$full/.config" olddefconfig 2>&1) || rc=$?
	[ "$rc" != 0 ]
	ok $? "olddefconfig on a full disk fails (exit $rc)"
	like "$out" "error: cannot write the configuration next to $full/.config \(disk full\?\); $full/.config is unchanged" \
		"and says why in one line"
	cmp -s "$full/.config" "$TMP/full.saved" && [ ! -e "$full/.config.old" ]
	ok $? "the configuration is intact, no .config.old was made"
	rc=0
	make "${m[@]}" O="$TMP/fb" C="$full/.config" >/dev/null 2>&1 || rc=$?
	[ "$rc" != 0 ] && cmp -s "$full/.config" "$TMP/full.saved"
	ok $? "a build on the full disk fails too and keeps the file (exit $rc)"
	ls -A "$full" | grep -v -x -e .config -e fill >"$TMP/litter" || true
	is "$(cat "$TMP/litter")" "" "no temporary file is left next to it"
	rm -f "$full/fill"
	check "with space again, olddefconfig works" \
		make "${m[@]}" O="$TMP/fb" C="$full/.config" olddefconfig
	grep -qx 'CONFIG_LIBUKBOOT_MAXARGS=64' "$full/.config" &&
		cmp -s "$full/.config.old" "$TMP/full.saved"
	ok $? "and commits the settled file, keeping the old one"
else
	skip "mounting a small tmpfs needs root" 7
fi

# --- Kconfig's silent fixes are errors -------------------------------------
# bad_config NAME LINE PATTERN: C= with LINE fails the build with PATTERN
# as an error line, and C= is left as it was.
kbuild "$TMP/app" "$TMP/good" >/dev/null 2>&1 || true
bad_config() {
	local rc=0 out
	cp "$TMP/good.config" "$TMP/bad.config"
	sed -i "s/^CONFIG_LIBUKBOOT_MAXARGS=.*/$2/" "$TMP/bad.config"
	cp "$TMP/bad.config" "$TMP/bad.saved"
	out=$(make "${m[@]}" O="$TMP/good" C="$TMP/bad.config" 2>&1) || rc=$?
	[ "$rc" != 0 ] && cmp -s "$TMP/bad.config" "$TMP/bad.saved"
	ok $? "$1: the build fails (exit $rc), the file is unchanged"
	like "$out" "$3" "$1: one line names the file, line and symbol"
}
line=$(grep -n '^CONFIG_LIBUKBOOT_MAXARGS=' "$TMP/good.config" | cut -d: -f1)
bad_config "an int above its range" CONFIG_LIBUKBOOT_MAXARGS=100000 \
	"^error: $TMP/bad.config:$line: CONFIG_LIBUKBOOT_MAXARGS=100000 is out of range \(2 to 4096, $KILN/lib/ukboot/Config.uk:[0-9]+\)$"
bad_config "an int below its range" CONFIG_LIBUKBOOT_MAXARGS=1 \
	"^error: $TMP/bad.config:$line: CONFIG_LIBUKBOOT_MAXARGS=1 is out of range"
bad_config "a non-numeric int" CONFIG_LIBUKBOOT_MAXARGS=lots \
	"^error: $TMP/bad.config:$line: symbol value 'lots' invalid for LIBUKBOOT_MAXARGS$"
bad_config "a malformed line" 'this is not a setting' \
	"^error: $TMP/bad.config:$line: unexpected data: this is not a setting$"

# A FIFO as C=: refused at once (Kconfig would wait on it forever).
mkfifo "$TMP/fifo"
rc=0
out=$(timeout 60 make "${m[@]}" O="$TMP/good" C="$TMP/fifo" 2>&1) || rc=$?
[ "$rc" != 0 ] && [ "$rc" != 124 ]
ok $? "C= a FIFO: fails without waiting (exit $rc)"
like "$out" "^error: $TMP/fifo: not a regular file$" "C= a FIFO: one line says so"

# A recursive dependency in the app's Config.uk.
cp -r "$TMP/app" "$TMP/loop"
n=$(wc -l <"$TMP/loop/Config.uk")
printf 'config LOOP_A\n\tbool "a"\n\tdepends on LOOP_B\nconfig LOOP_B\n\tbool "b"\n\tdepends on LOOP_A\n' \
	>>"$TMP/loop/Config.uk"
rc=0
out=$(make -s -C "$KILN" A="$TMP/loop" O="$TMP/lb" C="$TMP/loop.config" 2>&1) || rc=$?
[ "$rc" != 0 ] && [ ! -e "$TMP/loop.config" ]
ok $? "a recursive dependency fails the build (exit $rc) before any .config is written"
# (Kconfig starts the report from either symbol.)
like "$out" "^error: $TMP/loop/Config.uk:($((n + 1))|$((n + 4))): recursive dependency: symbol LOOP_(A depends on LOOP_B; symbol LOOP_B depends on LOOP_A|B depends on LOOP_A; symbol LOOP_A depends on LOOP_B)$" \
	"one line names the file, line and symbols"

# A select of an unknown symbol matters only when it takes effect.
cp -r "$TMP/app" "$TMP/sel"
printf 'config APPTWOFILES_EXTRA\n\tbool "extra"\n\tdefault n\n\tselect LIBNOSUCHTHING\n' \
	>>"$TMP/sel/Config.uk"
check "an inactive select of an unknown symbol builds" \
	make -s -C "$KILN" A="$TMP/sel" O="$TMP/sb" C="$TMP/sel.config"
echo 'CONFIG_APPTWOFILES_EXTRA=y' >>"$TMP/sel.config"
rc=0
out=$(make -s -C "$KILN" A="$TMP/sel" O="$TMP/sb" C="$TMP/sel.config" 2>&1) || rc=$?
like "$out" "^error: $TMP/sel/Config.uk:[0-9]+: selects LIBNOSUCHTHING, which no Config.uk defines" \
	"once enabled, it is an error naming the file and line (exit $rc)"
