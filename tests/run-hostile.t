#!/usr/bin/env bash
# The run script against a hostile host and hostile input
# (docs/running.md): whatever fails on the host is 125 with one "error:"
# line naming the cause and no QEMU left running; a signal is told from
# an exit code; a timeout is decided by the limit, precisely; MEM is
# parsed strictly; QEMU_ARGS is split without globbing and QEMU reads no
# input that is not a terminal.
source "$(dirname "$0")/lib/tap.sh"

run=$KILN/support/scripts/run
# runs TARGET IMAGE ARGS...: sets out (stdout and stderr), err (the
# "error:" lines) and rc, from the run script with a 30 s TIMEOUT.
runs() {
	rc=0
	out=$(TIMEOUT=${TIMEOUT-30} KVM=${KVM:-0} "$run" "$@" 2>&1) || rc=$?
	out=${out//$'\r'/}
	err=$(grep '^error: ' <<<"$out") || true
}
# one_error: exactly one "error:" line.
one_error() { is "$(grep -c '^error: ' <<<"$out")" 1 "$1: one error line"; }
# no_qemu_left: no QEMU of this test runs.
no_qemu_left() {
	local left
	left=$(pgrep -f "^qemu-system-[a-z0-9_]+ .*$TMP/" || true)
	is "$left" "" "$1: no QEMU left running"
}

check "probe app builds" kbuild "$KILN/tests/apps/probe" "$TMP/p"
img=$TMP/p/probe_kvm-x86_64

# --- The host --------------------------------------------------------
TMPDIR=/nonexistent runs kvm-x86_64 "$img" exit 3
is "$rc:$err" \
	"125:error: cannot make a temporary directory in /nonexistent (TMPDIR): No such file or directory" \
	"TMPDIR that does not exist: 125 and one line naming it"

# A full TMPDIR: a tmpfs of 64 KiB filled up, in a mount namespace of
# this test's own (root only). Nothing the status needs goes through a
# file: the guest's status still arrives; without an inode left, the
# temporary directory cannot be made.
if [ "$(id -u)" = 0 ] && unshare -m true 2>/dev/null; then
	mkdir "$TMP/full"
	# full INODES: the run, in TMPDIR=$TMP/full with INODES inodes.
	full() {
		rc=0
		out=$(unshare -m bash -c '
			mount -t tmpfs -o "size=64k,nr_inodes=$4" tmpfs "$1" || exit 99
			dd if=/dev/zero of="$1/fill" bs=4k 2>/dev/null
			TMPDIR=$1 KVM=0 TIMEOUT=30 "$2" kvm-x86_64 "$3" exit 7
			echo "rc=$?"
			echo "left:" $(ls -A "$1")' _ "$TMP/full" "$run" "$img" "$1" 2>&1) ||
			rc=$?
		out=${out//$'\r'/}
		err=$(grep '^error: ' <<<"$out") || true
	}
	full 1000
	like "$out" '^rc=7$' "a full TMPDIR: the guest's status (7) arrives"
	is "$err" "" "a full TMPDIR: no error line"
	like "$out" '^left: fill$' "a full TMPDIR: nothing left in it"
	no_qemu_left "a full TMPDIR"
	full 2
	like "$out" '^rc=125$' "a TMPDIR without a free inode: 125"
	like "$err" "^error: cannot make a temporary directory in $TMP/full \(TMPDIR\): No space left on device$" \
		"and one line naming it and the cause"
else
	skip "a full tmpfs needs root and unshare -m" 6
fi

# An image cut short: one line, no shell arithmetic error.
for n in 100 5000; do
	head -c "$n" "$img" >"$TMP/cut$n"
	runs kvm-x86_64 "$TMP/cut$n" exit 3
	is "$rc:$err" \
		"125:error: the image $TMP/cut$n is not a whole ELF file ($n bytes: its headers or segments end past it; cut short?)" \
		"an image cut to $n bytes: 125, one line"
	one_error "an image cut to $n bytes"
done

# --- How QEMU ended --------------------------------------------------
# QEMU's exit codes from the guest's isa-debug-exit without a status
# line (probe portexit N: N * 2 + 1) are exit codes, not signals nor
# "could not run".
runs kvm-x86_64 "$img" portexit 63
is "$rc:$err" \
	"125:error: QEMU exited with status 127 without the guest's status line (isa-debug-exit or semihosting used directly?)" \
	"QEMU exiting 127 (isa-debug-exit): said as an exit status"
runs kvm-x86_64 "$img" portexit 68
is "$rc:$err" \
	"125:error: QEMU exited with status 137 without the guest's status line (isa-debug-exit or semihosting used directly?)" \
	"QEMU exiting 137 (isa-debug-exit): an exit status, not SIGKILL"

# A SIGKILL before TIMEOUT is a kill, not a timeout: TIMEOUT=1.9 and a
# kill 1.2 s after the start (whole seconds would have called it 124).
at=$(($(date +%s%N) + 1200000000))
kill_qemu KILL "early-$$" "$at" &
TIMEOUT=1.9 QEMU_ARGS=-S runs kvm-x86_64 "$img" "early-$$"
wait
is "$rc:$err" \
	"125:error: QEMU was killed by signal 9 (SIGKILL) before the guest reported a status" \
	"SIGKILL at 1.2 s of TIMEOUT=1.9: 125, killed, not a timeout"
# TIMEOUT=0.0 and 00 are no limit (as timeout's 0): a kill is a kill.
for t in 0.0 00; do
	kill_qemu KILL "zero-$$" &
	TIMEOUT=$t QEMU_ARGS=-S runs kvm-x86_64 "$img" "zero-$$"
	wait
	is "$rc:$err" \
		"125:error: QEMU was killed by signal 9 (SIGKILL) before the guest reported a status" \
		"TIMEOUT=$t is no limit: a SIGKILL is 125, not 124"
done
TIMEOUT=1.5 QEMU_ARGS=-S runs kvm-x86_64 "$img" exit 0
is "$rc:$err" "124:error: QEMU did not exit within 1.5s (TIMEOUT; status 124)" \
	"TIMEOUT=1.5 expired: 124"
no_qemu_left "after a timeout"
# The run script itself ended (SIGTERM: its EXIT trap; SIGKILL: none):
# QEMU does not outlive it.
for sig in TERM KILL; do
	TMPDIR=$TMP KVM=0 "$run" kvm-x86_64 "$img" hang "script$sig-$$" >/dev/null 2>&1 &
	pid=$!
	qemu_up "script$sig-$$" >/dev/null || true
	kill "-$sig" "$pid" || true
	wait "$pid" 2>/dev/null || true
	left=$(procs_left "^qemu-system-x86_64 .*script$sig-$$")
	is "$left" "" "the run script killed by SIG$sig: its QEMU ends within 3 s"
done
TIMEOUT=1x runs kvm-x86_64 "$img" exit 0
is "$rc:$err" "125:error: TIMEOUT=1x is not a number of seconds" "TIMEOUT=1x: refused"

# A KVM that cannot run the guest (a stand-in QEMU that says so and
# waits): QEMU is ended at once; KVM=1 is 125, a guessed KVM boots again
# under TCG (where the stand-in says it again: then 125).
mkdir "$TMP/bin"
printf '%s\n' '#!/bin/sh' 'echo "KVM internal error. Suberror: 1" >&2' \
	'exec sleep 30' >"$TMP/bin/qemu-system-x86_64"
chmod +x "$TMP/bin/qemu-system-x86_64"
start=$(date +%s)
PATH=$TMP/bin:$PATH KVM=1 runs kvm-x86_64 "$img" exit 0
is "$rc:$err" "125:error: KVM could not run the guest (KVM internal error. Suberror: 1); try KVM=0" \
	"KVM=1 and a KVM error: 125, one line"
ended_within "$start" 6 "QEMU ended at once, not waited for"
rc=0
out=$(PATH=$TMP/bin:$PATH TIMEOUT=30 env -u KVM "$run" kvm-x86_64 "$img" exit 0 2>&1) || rc=$?
like "$out" '^note: KVM could not run the guest \(KVM internal error. Suberror: 1\); booting again under TCG$' \
	"KVM guessed and a KVM error: booted again under TCG"
is "$rc" 125 "(where the stand-in fails again: 125)"

# --- MEM -------------------------------------------------------------
for m in "0:is no memory at all" "0K:is no memory at all" \
	"1.5B:is not a whole number of bytes" "0.1K:is not a whole number of bytes" \
	"9999999T:is too large (at most 1024T)" "1e3:is not a size (examples: 64M, 1G)" \
	"0.18452847589334551616T:is not a whole number of bytes" \
	"0.$(printf '%0100d' 5)T:is not a whole number of bytes" \
	"0.0000000000009094947017729282379150390624T:is not a whole number of bytes" \
	"1024.0000000000009094947017729282379150390625T:is too large (at most 1024T)"; do
	MEM=${m%%:*} runs kvm-x86_64 "$img" exit 0
	is "$rc:$err" "125:error: MEM=${m%%:*} ${m#*:}" "MEM=${m%%:*}: refused in one line"
done
MEM=1.5M QEMU_MACHINE=microvm runs kvm-x86_64 "$img" exit 6
is "$rc" 6 "MEM=1.5M (a fraction that is whole bytes) boots"
# Fractions of many digits that are whole bytes, exactly (the shell's
# 64 bits held 18 digits): a stand-in QEMU shows its -m.
mkdir "$TMP/argbin"
printf '%s\n' '#!/bin/sh' 'echo "qemu: $*" >&2' 'exit 1' >"$TMP/argbin/qemu-system-x86_64"
chmod +x "$TMP/argbin/qemu-system-x86_64"
for m in "0.9536838531494140625T:1000010M" \
	"1023.9999999999990905052982270717620849609375T:1125899906842623B" \
	"0.0009765625000000000000000000000000000000000000T:1024M"; do
	MEM=${m%%:*} PATH=$TMP/argbin:$PATH runs kvm-x86_64 "$img" exit 0
	like "$out" "^qemu: .* -m ${m#*:} " "MEM=${m%%:*}: QEMU gets -m ${m#*:}"
done
MEM=0.0000000000009094947017729282379150390625T runs kvm-x86_64 "$img" exit 0
like "$err" '^error: MEM=0\.0+9094947017729282379150390625T is too little: at least ' \
	"MEM of 40 fractional digits, 1 byte: whole, and too little"

# --- QEMU_ARGS and stdin ---------------------------------------------
mkdir "$TMP/glob"
touch "$TMP/glob/Mone" "$TMP/glob/Mtwo"
rc=0
out=$(cd "$TMP/glob" && QEMU_ARGS='-name M*' V=1 TIMEOUT=30 KVM=0 \
	"$run" kvm-x86_64 "$img" exit 3 2>&1) || rc=$?
like "$out" ' -name M\*$' "QEMU_ARGS='-name M*': no file names expanded"
is "$rc" 3 "and the guest runs (3)"
x=$(printf '%*s' 4096 '' | tr ' ' x)
QEMU_ARGS="-append $x" runs kvm-x86_64 "$img"
is "$rc:$err" "125:error: QEMU_ARGS: -append's command line is 4096 bytes, more than the 4095 kvm-x86_64 keeps" \
	"QEMU_ARGS with an -append of 4096 bytes: refused like ARGS"
# QEMU takes --append as -append.
QEMU_ARGS="--append $x$x" runs kvm-x86_64 "$img"
is "$rc:$err" "125:error: QEMU_ARGS: --append's command line is 8192 bytes, more than the 4095 kvm-x86_64 keeps" \
	"QEMU_ARGS with --append (two dashes) of 8192 bytes: refused too"
QEMU_ARGS="--append args" runs kvm-x86_64 "$img"
is "$rc:$(grep -c '^arg1=<args>$' <<<"$out")" 0:1 "QEMU_ARGS='--append args' alone: the guest's command line"
# An -append of QEMU_ARGS would replace ARGS' (QEMU takes the last).
for a in "-append" "--append"; do
	QEMU_ARGS="$a args" runs kvm-x86_64 "$img" exit 3
	is "$rc:$err" "125:error: QEMU_ARGS: $a would replace the command line of ARGS (or the run's arguments, or SHARE's guest path): give it in one place" \
		"QEMU_ARGS='$a ...' with the run's arguments: refused"
done
QEMU_ARGS="-append args" KILN_CMDLINE="exit 3" runs kvm-x86_64 "$img"
like "$err" "^error: QEMU_ARGS: -append would replace the command line of ARGS" \
	"QEMU_ARGS='-append ...' with ARGS (KILN_CMDLINE): refused"

# QEMU reads no stdin but a terminal's: a loop reading lines keeps them.
got=''
while IFS= read -r line; do
	got+="$line,"
	TIMEOUT=1 KVM=0 "$run" kvm-x86_64 "$img" hang >/dev/null 2>&1 || true
done < <(printf 'line1\nline2\n')
is "$got" "line1,line2," "a 'while read' loop around the run keeps its input"
plan "$tap_n"
