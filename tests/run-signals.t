#!/usr/bin/env bash
# The run script's status against its own output and its own end
# (docs/running.md): a reader of its output that has gone changes no
# status (no SIGPIPE: 141 was the shell's); KILN_STATUS_FILE gets the
# status on every path, written atomically, and the script exits 0;
# SIGTERM, SIGINT or SIGHUP end QEMU, say so in one line and end the
# script by that signal (125 in KILN_STATUS_FILE).
source "$(dirname "$0")/lib/tap.sh"

run=$KILN/support/scripts/run
export KVM=0
check "probe app builds" kbuild "$KILN/tests/apps/probe" "$TMP/p"
img=$TMP/p/probe_kvm-x86_64

# closed WHAT CMD...: CMD (with SIGPIPE's default action, as from a
# shell) with WHAT (out: stdout; all: stdout and stderr) on a pipe whose
# reader has gone, stderr otherwise into $TMP/closed.err; sets rc.
closed() {
	rc=0
	perl -e 'my $what = shift;
		pipe(my $r, my $w) or die "pipe: $!";
		close $r;
		open(STDOUT, ">&", $w) or die;
		open(STDERR, ">&", $w) or die if $what eq "all";
		$SIG{PIPE} = "DEFAULT";
		exec { $ARGV[0] } @ARGV or exit 99' "$@" 2>"$TMP/closed.err" || rc=$?
}

# --- A reader that has gone ------------------------------------------
# (pipefail: the pipeline's status is the run's, head's being 0.)
rc=0
TIMEOUT=30 "$run" kvm-x86_64 "$img" say hello abort 2>&1 | head -1 >/dev/null || rc=$?
is "$rc" 134 "a crash piped into head -1: 134, not SIGPIPE's 141"
closed all env TIMEOUT=30 "$run" kvm-x86_64 "$img" say hello abort
is "$rc" 134 "a crash, stdout and stderr a pipe nobody reads: 134"
closed all env TIMEOUT=30 QEMU_ARGS=-bogus "$run" kvm-x86_64 "$img" exit 0
is "$rc" 125 "QEMU failing (QEMU_ARGS=-bogus), output to nobody: 125"
closed all env TIMEOUT=30 "$run" kvm-x86_64 "$TMP/none" exit 0
is "$rc" 125 "no image, the error line to nobody: 125"
closed all env TIMEOUT=30 V=1 GDB=0 "$run" kvm-x86_64 "$img" exit 200
is "$rc" 200 "V=1 and the status 200, output to nobody: 200"
# Many lines to a console nobody reads: QEMU is not held up.
words=()
for ((i = 0; i < 30; i++)); do words+=(say "line $i of a console nobody reads"); done
start=$(date +%s%N)
closed out env TIMEOUT=30 "$run" kvm-x86_64 "$img" "${words[@]}" exit 3
is "$rc:$(grep '^error: ' "$TMP/closed.err")" "3:" \
	"30 lines to a stdout nobody reads: the guest's 3, no error line"
[ $(($(date +%s%N) - start)) -lt 10000000000 ] && r=0 || r=1
ok $r "and without waiting on the console"

# --- KILN_STATUS_FILE ------------------------------------------------
mkdir "$TMP/st"
sf=$TMP/st/status
# srun ARGS...: the run script with KILN_STATUS_FILE=$sf; sets rc, out,
# err and st (the file's bytes, a newline shown as \n).
srun() {
	rc=0
	out=$(TIMEOUT=${TIMEOUT:-30} KILN_STATUS_FILE=$sf "$run" "$@" 2>&1) || rc=$?
	err=$(grep '^error: ' <<<"$out") || true
	st=$(od -An -c "$sf" 2>/dev/null | tr -d ' ') || st='(none)'
}
srun kvm-x86_64 "$img" exit 7
is "$rc:$st" '0:7\n' "KILN_STATUS_FILE: the app's 7 and a newline in it, exit 0"
is "$(ls -A "$TMP/st")" status "and nothing else left in its directory"
srun kvm-x86_64 "$img" exit 200
is "$rc:$st:$err" '0:200\n:' "the app's 200"
srun kvm-x86_64 "$img" abort
is "$rc:$st" '0:134\n' "a crash: 134"
like "$err" '^error: the guest crashed' "with its error line"
TIMEOUT=1 QEMU_ARGS=-S srun kvm-x86_64 "$img" exit 0
is "$rc:$st" '0:124\n' "TIMEOUT: 124"
srun kvm-x86_64 "$TMP/none" exit 0
is "$rc:$st:$err" "0:125\\n:error: no image $TMP/none: build it first (make)" \
	"no image: 125, the error line as without the file"
srun
is "$rc:$st" '0:125\n' "no arguments at all: 125"
MEM=lots srun kvm-x86_64 "$img" exit 0
is "$rc:$st:$err" "0:125\\n:error: MEM=lots is not a size (examples: 64M, 1G)" "MEM=lots: 125"
# Replaced by a rename: a reader sees the old file or the new, whole.
echo 99 >"$sf"
before=$(stat -c %i "$sf")
srun kvm-x86_64 "$img" exit 5
is "$rc:$st" '0:5\n' "an old status file: replaced"
[ "$(stat -c %i "$sf")" != "$before" ] && r=0 || r=1
ok $r "by a rename (a new inode), not rewritten in place"
# What it cannot be: refused (125, exit status 125), nothing replaced.
for bad in /dev/null "$TMP/st" "$TMP/nodir/status"; do
	rc=0
	out=$(TIMEOUT=30 KILN_STATUS_FILE=$bad "$run" kvm-x86_64 "$img" exit 0 2>&1) || rc=$?
	case $bad in
	/dev/null | "$TMP/st") why="is not a regular file" ;;
	*) why="cannot be written: No such file or directory" ;;
	esac
	is "$rc:$out" "125:error: KILN_STATUS_FILE=$bad $why" "KILN_STATUS_FILE=$bad: refused, exit 125"
done
cp "$img" "$TMP/st/image"
rc=0
out=$(TIMEOUT=30 KILN_STATUS_FILE=$TMP/st/image "$run" kvm-x86_64 "$TMP/st/image" exit 0 2>&1) || rc=$?
is "$rc:$out" "125:error: KILN_STATUS_FILE=$TMP/st/image is the image" "the image itself: refused"
cmp -s "$img" "$TMP/st/image" && r=0 || r=1
ok $r "and the image is still whole"
rm "$TMP/st/image"
[ -c /dev/null ] && r=0 || r=1
ok $r "/dev/null is still a character device"
ln -s "$TMP/st/target" "$TMP/st/link"
rc=0
out=$(TIMEOUT=30 KILN_STATUS_FILE=$TMP/st/link "$run" kvm-x86_64 "$img" exit 0 2>&1) || rc=$?
is "$rc:$out" "125:error: KILN_STATUS_FILE=$TMP/st/link is not a regular file" \
	"a symbolic link: refused"
rm -f "$TMP/st/link"
# A KVM that cannot run the guest, guessed: the run boots again (a
# stand-in QEMU that fails again): one status, from the second run.
mkdir "$TMP/bin"
printf '%s\n' '#!/bin/sh' 'echo "KVM internal error. Suberror: 1" >&2' \
	'exec sleep 30' >"$TMP/bin/qemu-system-x86_64"
chmod +x "$TMP/bin/qemu-system-x86_64"
rc=0
out=$(PATH=$TMP/bin:$PATH TIMEOUT=30 KILN_STATUS_FILE=$sf env -u KVM "$run" kvm-x86_64 "$img" exit 0 2>&1) || rc=$?
is "$rc:$(cat "$sf")" 0:125 "booted again after a KVM error: the second run's 125 in the file"
is "$(grep -c '^error: ' <<<"$out")" 1 "and one error line"
# The disk full when the status is written (root: a tmpfs in a mount
# namespace of this test's own): said, exit 125, nothing left.
if [ "$(id -u)" = 0 ] && unshare -m true 2>/dev/null; then
	mkdir "$TMP/full"
	rc=0
	out=$(unshare -m bash -c '
		mount -t tmpfs -o size=64k tmpfs "$1" || exit 99
		dd if=/dev/zero of="$1/fill" bs=4k 2>/dev/null
		KILN_STATUS_FILE=$1/status TIMEOUT=30 "$2" kvm-x86_64 "$3" exit 7
		echo "rc=$?"
		echo "left:" $(ls -A "$1")' _ "$TMP/full" "$run" "$img" 2>&1) || rc=$?
	like "$out" '^rc=125$' "KILN_STATUS_FILE on a full disk: exit 125"
	like "$out" "^error: could not write the status \\(7\\) to KILN_STATUS_FILE=$TMP/full/status: the disk is full\$" \
		"and one line saying so"
	like "$out" '^left: fill$' "and nothing left"
else
	skip "a full tmpfs needs root and unshare -m" 3
fi

# --- Signals to the run script ---------------------------------------
# ended SIGNAL [FILE]: the run script (with SIGINT not ignored, as from
# a terminal, and KILN_STATUS_FILE=FILE) runs a hanging guest; once the
# guest has said so, the script gets SIGNAL; sets rc, out, err, left (a
# QEMU of this run still running 3 s later) and secs (from the signal
# to the script's end).
ended() {
	local tag=sig$1-$$ pid i t0
	rm -f "$sf"
	KILN_STATUS_FILE=${2:-} TIMEOUT=60 perl -e '$SIG{INT} = "DEFAULT"; exec @ARGV' \
		"$run" kvm-x86_64 "$img" say "$tag" hang >"$TMP/ended" 2>&1 &
	pid=$!
	for ((i = 0; i < 300; i++)); do
		grep -q "^$tag" "$TMP/ended" && break
		sleep 0.1
	done
	t0=$(date +%s%N)
	kill "-$1" "$pid"
	rc=0
	{ wait "$pid" || rc=$?; } 2>/dev/null
	secs=$((($(date +%s%N) - t0) / 1000000000))
	left=$(procs_left "^qemu-system-x86_64 .*$tag")
	out=$(tr -d '\r' <"$TMP/ended")
	err=$(grep '^error: ' <<<"$out") || true
}
ended TERM "$sf"
is "$rc:$(cat "$sf" 2>/dev/null)" 0:125 "SIGTERM with KILN_STATUS_FILE: 125 in it, exit 0"
is "$err" "error: the run was ended by SIGTERM before the guest reported a status" \
	"and one error line"
is "$(tail -n 1 <<<"$out")" "$err" "the error line is the last"
is "$left" "" "and no QEMU left"
[ "$secs" -le 3 ] && r=0 || r=1
ok $r "within seconds ($secs s)"
for s in "INT:130" "HUP:129" "TERM:143"; do
	ended "${s%%:*}"
	is "$rc:$err" \
		"${s#*:}:error: the run was ended by SIG${s%%:*} before the guest reported a status" \
		"SIG${s%%:*} without KILN_STATUS_FILE: the script ends by SIG${s%%:*} (${s#*:}), one error line"
	is "$left" "" "SIG${s%%:*}: no QEMU left"
done
ended INT "$sf"
is "$rc:$(cat "$sf" 2>/dev/null)" 0:125 "SIGINT with KILN_STATUS_FILE: 125 in it, exit 0"

# make run execs the script from its recipe's shell: a SIGTERM to that
# process (what make sends its child) is the script's.
rm -f "$sf"
sh -c 'KILN_STATUS_FILE=$1 TIMEOUT=60 exec "$2" kvm-x86_64 "$3" hang "exec-$4"' \
	_ "$sf" "$run" "$img" "$$" >/dev/null 2>&1 &
pid=$!
qemu_up "exec-$$" >/dev/null || true
kill -TERM "$pid"
rc=0
wait "$pid" || rc=$?
left=$(procs_left "^qemu-system-x86_64 .*exec-$$")
is "$rc:$(cat "$sf" 2>/dev/null):$left" 0:125: \
	"exec'd from sh -c as make run does, SIGTERM to it: 125 in the file, no QEMU left"
plan "$tap_n"
