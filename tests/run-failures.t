#!/usr/bin/env bash
# Failures of QEMU and of the host are never a guest's status
# (docs/running.md): 125 with QEMU's own message and one "error:" line
# (bad QEMU_ARGS, KVM=1 without a usable KVM, too little memory, no
# image, QEMU killed), 124 when TIMEOUT expires; MEM too small for the
# image is refused before QEMU starts.
source "$(dirname "$0")/lib/tap.sh"

run=$KILN/support/scripts/run
# runs TARGET IMAGE ARGS...: sets out (stdout and stderr), err (the
# "error:" lines) and rc, from the run script with a 30 s TIMEOUT.
runs() {
	rc=0
	out=$(TIMEOUT=${TIMEOUT:-30} KVM=${KVM:-0} "$run" "$@" 2>&1) || rc=$?
	out=${out//$'\r'/}
	err=$(grep '^error: ' <<<"$out") || true
}
# one_error: exactly one "error:" line.
one_error() { is "$(grep -c '^error: ' <<<"$out")" 1 "$1: one error line"; }

check "probe app builds" kbuild "$KILN/tests/apps/probe" "$TMP/p"
img=$TMP/p/probe_kvm-x86_64

QEMU_ARGS=-bogus runs kvm-x86_64 "$img" exit 0
is "$rc" 125 "QEMU_ARGS=-bogus: status 125, not the guest's 0"
like "$out" '^qemu-system-x86_64: -bogus: invalid option$' "QEMU_ARGS=-bogus: QEMU's message"
like "$err" '^error: QEMU failed \(exit status 1\)' "QEMU_ARGS=-bogus: the error line"
one_error "QEMU_ARGS=-bogus"

# KVM=1 where KVM cannot work: /dev/kvm hidden behind /dev/null in a
# mount namespace of this test's own (root only).
if [ "$(id -u)" = 0 ] && [ -e /dev/kvm ] &&
	unshare -m true 2>/dev/null; then
	rc=0
	out=$(unshare -m bash -c 'mount --bind /dev/null /dev/kvm &&
		KVM=1 TIMEOUT=30 "$1" kvm-x86_64 "$2" exit 0' _ "$run" "$img" 2>&1) ||
		rc=$?
	is "$rc" 125 "KVM=1 without a usable KVM: status 125"
	like "$out" 'failed to initialize kvm' "KVM=1 without a usable KVM: QEMU's message"
	one_error "KVM=1 without a usable KVM"
else
	skip "hiding /dev/kvm needs root, /dev/kvm and unshare -m" 3
fi

MEM=1M runs kvm-x86_64 "$img" exit 0
is "$rc" 125 "MEM=1M on kvm-x86_64: status 125"
like "$err" '^error: MEM=1M is too little: at least [0-9]+K, for probe_kvm-x86_64 with its \.bss$' \
	"MEM=1M: refused before QEMU starts, naming MEM and the minimum"
min=$(sed -n 's/.*at least \([0-9]*\)K.*/\1/p' <<<"$err")
MEM=${min}K runs kvm-x86_64 "$img" exit 5
is "$rc" 5 "MEM at the minimum named (${min}K) boots"
QEMU_MACHINE=pc MEM=$((min + 200))K runs kvm-x86_64 "$img" exit 0
like "$err" "^error: MEM=$((min + 200))K is too little: at least $((min + 256))K, for probe_kvm-x86_64 with its \.bss and 256K above it for the firmware of QEMU's pc\$" \
	"pc, PVH: the firmware's own need is named"
QEMU_MACHINE=pc MEM=$((min + 256))K runs kvm-x86_64 "$img" exit 5
is "$rc" 5 "pc, PVH: MEM at the minimum named boots"
MEM=lots runs kvm-x86_64 "$img" exit 0
is "$rc:$err" "125:error: MEM=lots is not a size (examples: 64M, 1G)" "MEM=lots: one error line, 125"

start=$(date +%s)
TIMEOUT=2 QEMU_ARGS=-S runs kvm-x86_64 "$img" exit 0
is "$rc" 124 "TIMEOUT expired (QEMU stopped with -S): status 124"
like "$err" '^error: QEMU did not exit within 2s' "TIMEOUT: the error line"
one_error "TIMEOUT"
ended_within "$start" 6 "TIMEOUT=2 ends the run within seconds"

runs kvm-x86_64 "$TMP/none" exit 0
is "$rc:$err" "125:error: no image $TMP/none: build it first (make)" "no image: 125"
runs no-such-pair "$img"
is "$rc" 125 "an unknown target pair: 125"

# QEMU killed from outside before the guest ends: 125, never a status.
kill_qemu KILL "killme-$$" &
QEMU_ARGS=-S runs kvm-x86_64 "$img" "killme-$$"
wait
is "$rc" 125 "QEMU killed by SIGKILL: status 125"
like "$err" 'killed by signal 9' "QEMU killed: the error line names the signal"
kill_qemu TERM "termme-$$" &
QEMU_ARGS=-S runs kvm-x86_64 "$img" "termme-$$"
wait
is "$rc" 125 "QEMU ended by SIGTERM (it exits 0 then): status 125, not 126"
like "$err" 'signal 15' "QEMU ended by SIGTERM: the error line says so"

if command -v aarch64-linux-gnu-gcc >/dev/null &&
	command -v qemu-system-aarch64 >/dev/null; then
	BOOT_TARGET=kvm-arm64 check "probe app builds (arm64)" \
		kbuild "$KILN/tests/apps/probe" "$TMP/a64"
	MEM=1M runs kvm-arm64 "$TMP/a64/probe_kvm-arm64" exit 0
	is "$rc" 125 "arm64, MEM=1M: status 125"
	like "$out" '^qemu-system-aarch64: Not enough space for DTB' "arm64, MEM=1M: QEMU's message"
	one_error "arm64, MEM=1M"
	QEMU_ARGS=-bogus runs kvm-arm64 "$TMP/a64/probe_kvm-arm64" exit 0
	is "$rc" 125 "arm64, QEMU_ARGS=-bogus: status 125"
	# QEMU would take -m 0 for its default, 128M.
	MEM=0 runs kvm-arm64 "$TMP/a64/probe_kvm-arm64" exit 3
	is "$rc:$err" "125:error: MEM=0 is no memory at all" "arm64, MEM=0: refused, not QEMU's default"
	# A raw Image cut short (or grown): its header's res2 (byte 32) has
	# the length; refused before QEMU starts (a cut one hung, crashed
	# or ran).
	a64=$TMP/a64/probe_kvm-arm64
	size=$(stat -c %s "$a64")
	start=$(date +%s%N)
	for n in 4096 20000 $((size - 1)); do
		head -c "$n" "$a64" >"$TMP/cut"
		runs kvm-arm64 "$TMP/cut" exit 3
		is "$rc:$out" "125:error: the image $TMP/cut is $n bytes, its arm64 header says $size: cut short?" \
			"arm64 Image cut to $n of $size bytes: refused, one line"
	done
	[ $(($(date +%s%N) - start)) -lt 3000000000 ] && r=0 || r=1
	ok $r "without starting QEMU"
	head -c 40 "$a64" >"$TMP/cut"
	runs kvm-arm64 "$TMP/cut" exit 3
	is "$rc:$out" "125:error: the image $TMP/cut is 40 bytes, too short for an arm64 Image (cut short?)" \
		"arm64 Image cut inside its header: refused"
	{ cat "$a64"; echo; } >"$TMP/grown"
	runs kvm-arm64 "$TMP/grown" exit 3
	is "$rc:$out" "125:error: the image $TMP/grown is $((size + 1)) bytes, its arm64 header says $size: not the file the header was linked for" \
		"arm64 Image with a byte more: refused"
	# res2 0 (Linux's and others' Images): no length to check.
	{ head -c 32 "$a64"; head -c 8 /dev/zero; tail -c +41 "$a64"; } >"$TMP/nolen"
	runs kvm-arm64 "$TMP/nolen" exit 3
	is "$rc:$err" "3:" "an Image with res2 0 boots (3)"
else
	skip "no arm64 cross compiler or QEMU" 12
fi
plan "$tap_n"
