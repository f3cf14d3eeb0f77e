#!/usr/bin/env bash
# The configuration file is never lost: written atomically next to C=
# (whatever file system O= is on), never replaced by an incomplete file
# on a full disk; and what Kconfig would silently fix (recursive
# dependencies, values out of range or of the wrong type) is an error
# naming the file and symbol, with C= left as it was.
source "$(dirname "$0")/lib/tap.sh"
plan 63

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
	grep -qx 'CONFIG_LIBUKBOOT_MAXARGS=9' "$TMP/x.config" && tap_r=0 || tap_r=1
	ok "$tap_r" "the user's value is kept"
	echo 'CONFIG_LIBUKBOOT_SHOW_BOOTTIME=y' >>"$TMP/x.config"
	cp "$TMP/x.config" "$TMP/x.before"
	check "a change is committed" make "${m[@]}" O="$shm/b" C="$TMP/x.config" olddefconfig
	cmp -s "$TMP/x.config.old" "$TMP/x.before" &&
		grep -qx 'CONFIG_LIBUKBOOT_SHOW_BOOTTIME=y' "$TMP/x.config" && tap_r=0 || tap_r=1
	ok "$tap_r" "the previous file is .config.old, the new one has the change"
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
	[ "$rc" != 0 ] && tap_r=0 || tap_r=1
	ok "$tap_r" "olddefconfig on a full disk fails (exit $rc)"
	like "$out" "error: cannot write the configuration next to $full/.config \(disk full\?\); $full/.config is unchanged" \
		"and says why in one line"
	cmp -s "$full/.config" "$TMP/full.saved" && [ ! -e "$full/.config.old" ] && tap_r=0 || tap_r=1
	ok "$tap_r" "the configuration is intact, no .config.old was made"
	rc=0
	make "${m[@]}" O="$TMP/fb" C="$full/.config" >/dev/null 2>&1 || rc=$?
	[ "$rc" = 0 ] && cmp -s "$full/.config" "$TMP/full.saved" && tap_r=0 || tap_r=1
	ok "$tap_r" "a build on the full disk works: it never writes C= (exit $rc)"
	ls -A "$full" | grep -v -x -e .config -e fill >"$TMP/litter" || true
	is "$(cat "$TMP/litter")" "" "no temporary file is left next to it"
	rm -f "$full/fill"
	check "with space again, olddefconfig works" \
		make "${m[@]}" O="$TMP/fb" C="$full/.config" olddefconfig
	grep -qx 'CONFIG_LIBUKBOOT_MAXARGS=64' "$full/.config" &&
		cmp -s "$full/.config.old" "$TMP/full.saved" && tap_r=0 || tap_r=1
	ok "$tap_r" "and commits the settled file, keeping the old one"
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
	[ "$rc" != 0 ] && cmp -s "$TMP/bad.config" "$TMP/bad.saved" && tap_r=0 || tap_r=1
	ok "$tap_r" "$1: the build fails (exit $rc), the file is unchanged"
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
[ "$rc" != 0 ] && [ "$rc" != 124 ] && tap_r=0 || tap_r=1
ok "$tap_r" "C= a FIFO: fails without waiting (exit $rc)"
like "$out" "^error: C=$TMP/fifo is not a regular file" "C= a FIFO: one line says so"

# A recursive dependency in the app's Config.uk.
cp -r "$TMP/app" "$TMP/loop"
n=$(wc -l <"$TMP/loop/Config.uk")
printf 'config LOOP_A\n\tbool "a"\n\tdepends on LOOP_B\nconfig LOOP_B\n\tbool "b"\n\tdepends on LOOP_A\n' \
	>>"$TMP/loop/Config.uk"
rc=0
out=$(make -s -C "$KILN" A="$TMP/loop" O="$TMP/lb" C="$TMP/loop.config" 2>&1) || rc=$?
[ "$rc" != 0 ] && [ ! -e "$TMP/loop.config" ] && tap_r=0 || tap_r=1
ok "$tap_r" "a recursive dependency fails the build (exit $rc) before any .config is written"
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

# --- defconfig replaces only Kconfig's own files ---------------------------
echo 'int main(void) { return 0; }' >"$TMP/src.c"
cp "$TMP/src.c" "$TMP/src.saved"
rc=0
out=$(make "${m[@]}" O="$TMP/d" C="$TMP/src.c" defconfig 2>&1) || rc=$?
[ "$rc" != 0 ] && cmp -s "$TMP/src.c" "$TMP/src.saved" && [ ! -e "$TMP/src.c.old" ] && tap_r=0 || tap_r=1
ok "$tap_r" "defconfig with C= a source file: refused (exit $rc), the file intact"
like "$out" "^error: C=$TMP/src.c is not a configuration Kconfig wrote \(no Kconfig header\): not replacing it$" \
	"and says why in one line"
if [ "$(id -u)" = 0 ] && mknod "$TMP/null" c 1 3 2>/dev/null; then
	rc=0
	make "${m[@]}" O="$TMP/d" C="$TMP/null" defconfig >/dev/null 2>&1 || rc=$?
	[ "$rc" != 0 ] && [ -c "$TMP/null" ] && tap_r=0 || tap_r=1
	ok "$tap_r" "defconfig with C= a device node: refused (exit $rc), the node intact"
else
	skip "mknod needs root" 1
fi

# --- The build takes the file as it is -------------------------------------
# A copy of the app with options of each kind.
cp -r "$TMP/app" "$TMP/opts"
cat >>"$TMP/opts/Config.uk" <<'KC'
config OPTS_NAME
	string "a name"
	default "kiln"
config OPTS_FEATURE
	bool "a feature"
	default n
config OPTS_NEEDS_FEATURE
	bool "needs the feature"
	depends on OPTS_FEATURE
choice
	prompt "a choice"
config OPTS_ONE
	bool "one"
config OPTS_TWO
	bool "two"
endchoice
KC
o=(-s -C "$KILN" A="$TMP/opts" O="$TMP/ob" C="$TMP/opts.config")
check "the app with options builds" make "${o[@]}"
cp "$TMP/opts.config" "$TMP/opts.good"
# strict NAME EDIT PATTERN: the build of the config edited by EDIT (sed)
# fails with PATTERN and leaves the file as edited.
strict() {
	local rc=0 out
	cp "$TMP/opts.good" "$TMP/opts.config"
	sed -i "$2" "$TMP/opts.config"
	cp "$TMP/opts.config" "$TMP/opts.edited"
	out=$(make "${o[@]}" 2>&1) || rc=$?
	[ "$rc" != 0 ] && cmp -s "$TMP/opts.config" "$TMP/opts.edited" && tap_r=0 || tap_r=1
	ok "$tap_r" "$1: the build fails (exit $rc), the file is as edited"
	like "$out" "$3" "$1: one line says why"
}
strict "a symbol no Config.uk defines" '$a CONFIG_OPTS_NAMME="typo"' \
	'^error: .*opts.config:[0-9]+: CONFIG_OPTS_NAMME is set, but no Config.uk defines it \(a library missing from L=\? a typo\?\); make olddefconfig drops it$'
strict "a setting whose dependency is off" '$a CONFIG_OPTS_NEEDS_FEATURE=y' \
	'^error: .*opts.config:[0-9]+: CONFIG_OPTS_NEEDS_FEATURE=y: Kconfig makes it n, as it depends on OPTS_FEATURE \[=n\]$'
strict "two members of a choice" 's/^# CONFIG_OPTS_TWO is not set$/CONFIG_OPTS_TWO=y/' \
	'^error: .*opts.config:[0-9]+: CONFIG_OPTS_ONE=y: another member of its choice is set$'
strict "a string without quotes" 's/^CONFIG_OPTS_NAME=.*/CONFIG_OPTS_NAME=unquoted/' \
	'^error: .*opts.config:[0-9]+: CONFIG_OPTS_NAME=unquoted is not a value Kconfig takes for a string \(in double quotes\)$'
strict "a line without =" 's/^CONFIG_OPTS_NAME=.*/CONFIG_OPTS_NAME "x"/' \
	'^error: .*opts.config:[0-9]+: not a setting \(CONFIG_NAME=value\): CONFIG_OPTS_NAME "x"$'
cp "$TMP/opts.good" "$TMP/opts.config"
echo 'CONFIG_OPTS_GONE=y' >>"$TMP/opts.config"
check "olddefconfig, asked for, drops what no Config.uk defines" make "${o[@]}" olddefconfig
if grep -q OPTS_GONE "$TMP/opts.config"; then ok 1 "it is gone"; else ok 0 "it is gone"; fi

# --- make -n writes no configuration ---------------------------------------
cp "$TMP/opts.good" "$TMP/opts.config"
sed -i 's/^CONFIG_LIBUKBOOT_MAXARGS=.*/CONFIG_LIBUKBOOT_MAXARGS=9/' "$TMP/opts.config"
cp "$TMP/opts.config" "$TMP/opts.edited"
cp "$TMP/ob/include/config/auto.conf" "$TMP/auto.saved"
rc=0
out=$(timeout 120 make -n "${o[@]}" TARGET=xen-x86_64 2>&1) || rc=$?
cmp -s "$TMP/opts.config" "$TMP/opts.edited" && cmp -s "$TMP/ob/include/config/auto.conf" "$TMP/auto.saved" && tap_r=0 || tap_r=1
ok "$tap_r" "make -n TARGET=xen-x86_64 (exit $rc): neither .config nor auto.conf changed"
like "$out" 'libxenplat' "and it shows what it would build for xen"
rc=0
out=$(make -n -s -C "$KILN" A="$TMP/app" O="$TMP/never" C="$TMP/never.config" 2>&1) || rc=$?
[ "$rc" != 0 ] && [ ! -e "$TMP/never" ] && [ ! -e "$TMP/never.config" ] && tap_r=0 || tap_r=1
ok "$tap_r" "make -n on a new build directory creates nothing (exit $rc)"

# --- One writer of a configuration at a time --------------------------------
cp "$TMP/opts.good" "$TMP/opts.config"
flock "$TMP" sleep 3 &
holder=$!
sleep 0.5
rc=0
out=$(make "${o[@]}" olddefconfig 2>&1) || rc=$?
wait "$holder"
is "$rc" 0 "olddefconfig while C='s directory is locked: waits, then succeeds"
like "$out" "^kiln: $TMP/opts.config is being configured by another make; waiting$" "and says so"

# --- The build never writes C=, and reads the C= it is given ---------------
cp "$TMP/opts.good" "$TMP/opts.config"
echo '# a note of mine' >>"$TMP/opts.config"
sed -i '/^CONFIG_LIBUKBOOT_MAXARGS=/d' "$TMP/opts.config"
cp "$TMP/opts.config" "$TMP/opts.edited"
check "a build from a hand-edited .config" make "${o[@]}"
cmp -s "$TMP/opts.config" "$TMP/opts.edited" && tap_r=0 || tap_r=1
ok "$tap_r" "the build left the file as the user wrote it (the note, the missing line)"
strict "a bool written yes" 's/^CONFIG_LIBUKDEBUG=y$/CONFIG_LIBUKDEBUG=yes/' \
	'^error: .*opts.config:[0-9]+: CONFIG_LIBUKDEBUG=yes: Kconfig reads it as CONFIG_LIBUKDEBUG=y; write that \(make olddefconfig does\)$'
strict "a computed symbol" 's/^CONFIG_UK_ARCH=.*/CONFIG_UK_ARCH="arm64"/' \
	'^error: .*opts.config:[0-9]+: CONFIG_UK_ARCH="arm64": Kconfig reads it as CONFIG_UK_ARCH="x86_64"'
# A configuration restored with its old mtime (cp -p) is read again.
cp -p "$TMP/opts.good" "$TMP/opts.config"
sed -i 's/^CONFIG_LIBUKBOOT_MAXARGS=.*/CONFIG_LIBUKBOOT_MAXARGS=99/' "$TMP/opts.config"
check "a build with MAXARGS=99" make "${o[@]}"
cp -p "$TMP/opts.good" "$TMP/opts.config"
check "the old file restored with cp -p, a build" make "${o[@]}"
grep -qx 'CONFIG_LIBUKBOOT_MAXARGS=64' "$TMP/ob/include/config/auto.conf" && tap_r=0 || tap_r=1
ok "$tap_r" "the build uses the restored value, older mtime or not"
# Another C= on the same O=.
sed 's/^CONFIG_LIBUKBOOT_MAXARGS=.*/CONFIG_LIBUKBOOT_MAXARGS=77/' "$TMP/opts.good" >"$TMP/other.config"
touch -d '1 hour ago' "$TMP/other.config"
check "a build with another, older C= on the same O=" make "${o[@]}" C="$TMP/other.config"
grep -qx 'CONFIG_LIBUKBOOT_MAXARGS=77' "$TMP/ob/include/config/auto.conf" && tap_r=0 || tap_r=1
ok "$tap_r" "the build uses that C='s values"

# --- TARGET= never drops a setting of the user's ----------------------------
cp "$TMP/opts.good" "$TMP/opts.config"
sed -i 's/^# CONFIG_KVM_MULTIBOOT is not set$/CONFIG_KVM_MULTIBOOT=y/' "$TMP/opts.config"
cp "$TMP/opts.config" "$TMP/opts.edited"
rc=0
out=$(make "${o[@]}" TARGET=kvm-arm64 2>&1) || rc=$?
[ "$rc" != 0 ] && cmp -s "$TMP/opts.config" "$TMP/opts.edited" && tap_r=0 || tap_r=1
ok "$tap_r" "switching to arm64 with CONFIG_KVM_MULTIBOOT=y: refused (exit $rc), the file intact"
like "$out" "^error: switching $TMP/opts.config to the new target would drop 'CONFIG_KVM_MULTIBOOT=y', which the target does not have" \
	"and the line names the setting"
cp "$TMP/opts.good" "$TMP/opts.config"
check "switching a configuration with only defaults there works" make "${o[@]}" TARGET=kvm-arm64
grep -qx 'CONFIG_ARCH_ARM_64=y' "$TMP/opts.config" && tap_r=0 || tap_r=1
ok "$tap_r" "and the switch is written to C="
