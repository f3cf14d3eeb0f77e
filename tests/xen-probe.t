#!/usr/bin/env bash
# Xen x86_64: statuses, crashes and limits of a PVH dom0 (Xen in QEMU).
# Xen passes no exit code out: the guest prints its status line ("kiln:
# exit code N" or "kiln: crash") and shuts down; the boot script reads
# the line from the console and ends QEMU instead of waiting out Xen's
# 5 s reboot delay. Each boot costs about 1.5 s of TCG: the list below
# is the issue's, and little more.
source "$(dirname "$0")/lib/tap.sh"

BOOT_TARGET=xen-x86_64 BOOT_TIMEOUT=${BOOT_TIMEOUT:-60} KVM=0

check "probe app builds for xen" kbuild "$KILN/tests/apps/probe" "$TMP/p" \
	CONFIG_PLAT_XEN=y CONFIG_PLAT_KVM=n
img=$TMP/p/probe_xen-x86_64

start=$(date +%s)
exit_statuses "xen dom0" "$img"
like "$boot_out" '^kiln: exit code 255$' "the guest prints its status line"
like "$boot_out" 'Hardware Dom0 crashed' "a non-zero status shuts dom0 down with the crash reason"
ended_within "$start" 80 "16 Xen boots, none waiting for Xen's reboot delay"

boot "$img" nonl 3
is "$boot_rc" 3 "a status line after output without a newline is read (3)"

boot "$img" null
like "$boot_out" '#PF page fault' "NULL dereference: the report names the page fault"
like "$boot_out" 'CR2 +0x0+$' "NULL dereference: the report shows CR2 = 0"
like "$boot_out" '^Backtrace:' "NULL dereference: the report has a backtrace"
like "$boot_out" '^kiln: crash$' "NULL dereference: the status line says crash"
is "$boot_rc" 134 "NULL dereference: status 134"
like "$boot_err" '^error: the guest crashed' "NULL dereference: the error line says so"

boot "$img" exitcall 134
is "$boot_rc:$boot_err" "134:" "exit(134) gives 134 without an error line"

boot "$img" triplefault
is "$boot_rc" 126 "a triple fault (Xen reboots dom0, no status line) gives 126"
like "$boot_err" 'stopped without reporting a status \(Xen: Hardware Dom0 rebooted' \
	"and the error line says how it ended"

# Xen's own failure: dom0_mem too small for the image.
MEM=600K boot "$img" exit 3
is "$boot_rc" 125 "MEM=600K: Xen cannot build dom0: status 125"
like "$boot_err" '^error: Xen failed: panic: Could not construct domain 0$' \
	"and the error line gives Xen's panic"

# What the app prints decides nothing (docs/running.md): its status line
# counts only when Xen then ends dom0 as that line says, Xen's words
# only on lines that start "(XEN) ", a panic only as its whole frame.
boot "$img" say "log: Hardware Dom0 crashed" \
	say "(XEN) ****************************************" \
	say "(XEN) Panic on CPU 0:" say "(XEN) Reboot in five seconds..." exit 3
is "$boot_rc:$boot_err" "3:" "an app printing Xen's words and a panic's first lines: its own 3"
boot "$img" say "kiln: exit code 5" triplefault
is "$boot_rc" 126 "a status line of 5, then a reset (Xen reboots, 5 would crash dom0): 126"
# (Xen's line then follows "abc" on the same line: Xen goes on where
# dom0 left its line unfinished.)
BOOT_TIMEOUT=20 boot "$img" say "kiln: exit code 0" part abc halt
is "$boot_rc:$boot_err" \
	"126:error: the guest stopped without reporting a status (Xen: Hardware Dom0 halted; status 126)" \
	"a status line, unfinished output, then a halt with interrupts off: 126, Xen's halt"
BOOT_TIMEOUT=5 boot "$img" say "kiln: exit code 0" hang
is "$boot_rc:$boot_err" "124:error: QEMU did not exit within 5s (TIMEOUT; status 124)" \
	"a status line, then a hang: TIMEOUT's 124"
like "$boot_out" '^kiln: exit code 0$' "(the line came before the timeout)"
# QEMU killed after the app printed a status line: 125.
# killed SIGNAL: the app prints a status line and hangs; once it is on
# the console, QEMU gets SIGNAL.
killed() {
	local tag=kill$1-$$ pid i
	TIMEOUT=60 KVM=0 "$KILN/support/scripts/run" xen-x86_64 "$img" \
		say "kiln: exit code 0" say "$tag" hang >"$TMP/killed" 2>&1 &
	pid=$!
	for ((i = 0; i < 300; i++)); do
		grep -q "^$tag" "$TMP/killed" && break
		sleep 0.1
	done
	pkill "-$1" -f "^qemu-system-x86_64 .*$tag" || true
	boot_rc=0
	wait "$pid" || boot_rc=$?
	boot_err=$(grep '^error: ' "$TMP/killed") || true
}
killed KILL
is "$boot_rc:$boot_err" \
	"125:error: QEMU was killed by signal 9 (SIGKILL) before the guest reported a status" \
	"a status line, then SIGKILL of QEMU: 125"
killed TERM
is "$boot_rc" 125 "a status line, then SIGTERM of QEMU: 125"
like "$boot_err" '^error: QEMU was ended by a signal \(signal 15 ' "and the error line says so"
# The console goes on being read when its reader has gone (grep -q
# stops at Xen's first line): the status is the guest's, not SIGPIPE's.
rc=0
TIMEOUT=60 KVM=0 "$KILN/support/scripts/run" xen-x86_64 "$img" say hello exit 3 |
	grep -q XEN || rc=$?
is "$rc" 3 "stdout into grep -q, which stops at Xen's first line: 3, not SIGPIPE's 141"
# An image cut short: refused before QEMU starts (Xen's panic said
# nothing of the file).
head -c 20000 "$img" >"$TMP/cut"
boot "$TMP/cut" exit 3
is "$boot_rc:$boot_err" \
	"125:error: the image $TMP/cut is not a whole ELF file (20000 bytes: its headers or segments end past it; cut short?)" \
	"an image cut to 20000 bytes: refused in one line, before Xen"
# QEMU's -append is Xen's command line here: one in QEMU_ARGS is refused.
QEMU_ARGS="--append x" boot "$img" exit 3
is "$boot_rc:$boot_err" \
	"125:error: QEMU_ARGS: --append would replace Xen's command line: give Xen's options in XEN_ARGS, the guest's in ARGS" \
	"QEMU_ARGS with --append on Xen: refused"

# dom0_mem counts whole pages: 1 byte is one page (Xen took 0K for no
# dom0_mem at all).
MEM=1B boot "$img" exit 3
is "$boot_rc:$boot_err" "125:error: Xen failed: panic: Could not construct domain 0" \
	"MEM=1B: one page, too little for dom0 (Xen's panic), not Xen's default"

# xl-config (xl's domU): whole MiB, a leading 0 is no octal, 0 refused.
cp "$img" "$TMP/xl-probe"
cfg=$(MEM=08G "$KILN/support/scripts/xl-config" "$TMP/xl-probe" 2>&1) || true
like "$(cat "$cfg" 2>/dev/null)" '^memory = 8192$' "xl-config: MEM=08G is 8192 MiB"
rc=0
out=$(MEM=0 "$KILN/support/scripts/xl-config" "$TMP/xl-probe" 2>&1) || rc=$?
is "$rc:$out" "2:error: MEM=0 is not a size in whole MiB (examples: 32M, 1G)" "xl-config: MEM=0 refused"

# Unpacking Xen onto a full disk: one line, nothing left behind (root:
# a tmpfs in a mount namespace of this test's own).
if [ "$(id -u)" = 0 ] && unshare -m true 2>/dev/null &&
	[ -f /boot/xen-4.17-amd64.gz ]; then
	mkdir "$TMP/full"
	rc=0
	out=$(unshare -m bash -c '
		mount -t tmpfs -o size=1m tmpfs "$1" || exit 99
		cp "$3" "$1/probe" && dd if=/dev/zero of="$1/fill" bs=4k 2>/dev/null
		KVM=0 TIMEOUT=30 "$2" xen-x86_64 "$1/probe" exit 7
		echo "rc=$?"
		echo "left:" $(ls -A "$1")' _ "$TMP/full" "$KILN/support/scripts/run" "$img" 2>&1) ||
		rc=$?
	like "$out" '^rc=125$' "unpacking Xen onto a full disk: 125"
	like "$out" "^error: could not unpack /boot/xen-4.17-amd64.gz into $TMP/full: the disk is full\$" \
		"and one line saying the disk is full"
	like "$out" '^left: fill probe$' "and no partial Xen left"
else
	skip "a full tmpfs needs root, unshare -m and /boot/xen-4.17-amd64.gz" 3
fi

# Xen keeps 1023 bytes of dom0's command line and cuts the rest: the
# run script refuses more than 1022 before QEMU starts, the guest
# refuses 1023 (cut or not). "-- extra!" on Xen's command line makes Xen
# append " extra!" to dom0's, past what the script checked: 1017 + 7
# bytes, cut to 1023.
x=$(printf '%*s' 1014 '' | tr ' ' x)
KILN_CMDLINE="argstat $x" boot "$img"
like "$boot_out" '^probe: argc=3 bytes=1021$' "1022 bytes of command line arrive whole"
is "$boot_rc" 0 "and the app exits 0"
KILN_CMDLINE="argstat ${x}y" boot "$img"
is "$boot_rc:$boot_err" \
	"125:error: the command line is 1023 bytes, more than the 1022 xen-x86_64 keeps" \
	"1023 bytes: refused before QEMU starts (125)"
is "$(grep -c '(XEN)' <<<"$boot_out")" 0 "without starting QEMU (not a line from Xen)"
KILN_CMDLINE="argstat ${x:5}" XEN_ARGS="-- extra!" boot "$img"
like "$boot_out" "^kiln: bad command line: longer than 1022 bytes, the limit for Xen's dom0$" \
	"Xen's own words past the limit: the guest says so"
is "$boot_rc" 1 "and exits 1"
plan "$tap_n"
