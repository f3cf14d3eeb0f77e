#!/usr/bin/env bash
# One build directory, one make at a time: a second make on the same O=
# waits (saying so) and both succeed; a make killed with SIGKILL leaves
# nothing that breaks the next one; a guest booted by `make run` does not
# keep the directory locked.
source "$(dirname "$0")/lib/tap.sh"
plan 12

app=$KILN/tests/apps/probe
m=(-s -C "$KILN" A="$app")

# Reference image, built alone.
check "a reference build" make "${m[@]}" O="$TMP/ref" C="$TMP/ref.config" -j2
ref=$TMP/ref/probe_kvm-x86_64

# wait_for FILE: until FILE exists (at most 30 s).
wait_for() {
	local i
	for ((i = 0; i < 300; i++)); do
		[ ! -e "$1" ] || return 0
		sleep 0.1
	done
	return 1
}

# Two makes on one fresh directory.
b=(O="$TMP/two" C="$TMP/two.config")
make "${m[@]}" "${b[@]}" >"$TMP/first.log" 2>&1 &
first=$!
wait_for "$TMP/two/.kiln-lock"
rc=0
make "${m[@]}" "${b[@]}" >"$TMP/second.log" 2>&1 || rc=$?
rc1=0
wait "$first" || rc1=$?
is "$rc1 $rc" "0 0" "two makes on one O=: both succeed"
like "$(cat "$TMP/second.log")" "^kiln: O=$TMP/two is in use by another make \(pid $first\); waiting$" \
	"the second says it waits, naming the first"
cmp -s "$TMP/two/probe_kvm-x86_64" "$ref" && tap_r=0 || tap_r=1
ok "$tap_r" "the image is the reference image, byte for byte"
[ -x "$TMP/two/tools/fixdep" ] && [ -x "$TMP/two/tools/ukimg" ] && tap_r=0 || tap_r=1
ok "$tap_r" "the host tools are executable"
is "$(find "$TMP/two" -name '*.tmp*' | wc -l)" 0 "no temporary file is left"

# Four at once, after a change that rebuilds a few objects.
sed -i 's/^CONFIG_LIBUKBOOT_MAXARGS=.*/CONFIG_LIBUKBOOT_MAXARGS=32/' "$TMP/two.config"
pids=()
for i in 1 2 3 4; do
	make "${m[@]}" "${b[@]}" >"$TMP/four.$i.log" 2>&1 &
	pids+=($!)
done
rcs=
for p in "${pids[@]}"; do
	r=0
	wait "$p" || r=$?
	rcs+="$r"
done
is "$rcs" "0000" "four makes at once: all succeed"
n=0
for i in 1 2 3 4; do
	! grep -qE '^  (CC|AS) ' "$TMP/four.$i.log" || n=$((n + 1))
done
is "$n" 1 "only one of them compiled anything"

# SIGKILL in the middle of a build, then build again.
k=(O="$TMP/kill" C="$TMP/kill.config")
make "${m[@]}" "${k[@]}" -j2 >"$TMP/kill.log" 2>&1 &
victim=$!
for ((i = 0; i < 300; i++)); do
	grep -q '  CC ' "$TMP/kill.log" 2>/dev/null && break
	sleep 0.05
done
kill -KILL "$victim"
wait "$victim" 2>/dev/null || true
check "after SIGKILL, the next make succeeds" make "${m[@]}" "${k[@]}"
cmp -s "$TMP/kill/probe_kvm-x86_64" "$ref" && tap_r=0 || tap_r=1
ok "$tap_r" "and its image is the reference image"

# A guest that QEMU keeps paused (-S) does not keep the directory locked.
make "${m[@]}" "${b[@]}" run QEMU_ARGS=-S >"$TMP/paused.log" 2>&1 &
runner=$!
qemu_up "$TMP/two/probe" >/dev/null || true
rc=0
out=$(timeout 30 make "${m[@]}" "${b[@]}" 2>&1) || rc=$?
is "$rc" 0 "a build while make run's guest is paused: no wait"
if grep -q 'waiting' <<<"$out"; then ok 1 "and no lock message"; else ok 0 "and no lock message"; fi
pkill -f "qemu-system-x86_64.*$TMP/two/probe" || true
wait "$runner" 2>/dev/null || true
