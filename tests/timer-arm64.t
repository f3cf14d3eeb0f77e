#!/usr/bin/env bash
# kvm-arm64's one-shot timer and idle (the virtual timer through the
# GIC, wfi): tests/apps/idle sleeps 50 ms, never less, then 2000 ms, on
# a GICv3 and a GICv2. The host reads QEMU's CPU time (user + sys, from
# /proc) when each sleep ends: an idling guest costs QEMU almost none,
# a spinning one a whole CPU.
source "$(dirname "$0")/lib/tap.sh"
BOOT_TARGET=kvm-arm64

needs_arm64

CPU_MAX_MS=${CPU_MAX_MS:-200}	# host CPU allowed for the 2000 ms sleep
hz=$(getconf CLK_TCK)

check "idle app builds for kvm-arm64" kbuild "$KILN/tests/apps/idle" "$TMP/idle"
img=$TMP/idle/idle_kvm-arm64

# cpu_ms PID: the user + sys time of PID so far, in milliseconds.
cpu_ms() {
	awk -v hz="$hz" '{ print int(($14 + $15) * 1000 / hz) }' "/proc/$1/stat"
}

# await_line FILE REGEX: once FILE has a line matching REGEX (within
# 30 s); fails when it never comes.
await_line() {
	local i
	for ((i = 0; i < 1500; i++)); do
		grep -Eq -- "$2" "$1" && return 0
		sleep 0.02
	done
	return 1
}

for gic in 3 2; do
	out=$TMP/out$gic
	: >"$out"
	# The last sleep keeps QEMU there while the second CPU time is read.
	GIC=$gic TIMEOUT=60 KVM=0 "$KILN/support/scripts/run" kvm-arm64 \
		"$img" sleep 50 sleep 2000 sleep 1000 >"$out" 2>&1 &
	run=$!
	cpu=''
	if pid=$(qemu_up "-kernel $img"); then
		await_line "$out" '^idle: slept 50 ms' && t0=$(cpu_ms "$pid") &&
			await_line "$out" '^idle: slept 2000 ms' &&
			t1=$(cpu_ms "$pid") && cpu=$((t1 - t0))
	fi
	rc=0
	wait "$run" || rc=$?
	text=$(tr -d '\r' <"$out")
	is "$rc" 0 "GICv$gic: the idle app exits with 0"
	# "idle: slept MS ms: US us, N wakeups"
	read -r us50 n50 < <(sed -nE 's/^idle: slept 50 ms: ([0-9]+) us, ([0-9]+) wakeups$/\1 \2/p' <<<"$text") || true
	read -r us2k n2k < <(sed -nE 's/^idle: slept 2000 ms: ([0-9]+) us, ([0-9]+) wakeups$/\1 \2/p' <<<"$text") || true
	[ "${us50:-0}" -ge 50000 ] && tap_r=0 || tap_r=1
	ok "$tap_r" "GICv$gic: sleep 50 lasts at least 50 ms (${us50:-none} us)"
	[ "${us2k:-0}" -ge 2000000 ] && [ "$us2k" -lt 3000000 ] && tap_r=0 || tap_r=1
	ok "$tap_r" "GICv$gic: sleep 2000 lasts 2 to 3 s (${us2k:-none} us)"
	[ -n "${n50:-}" ] && [ "$n50" -le 3 ] && [ "${n2k:-9}" -le 3 ] && tap_r=0 || tap_r=1
	ok "$tap_r" "GICv$gic: at most 3 wakeups a sleep (${n50:-none}, ${n2k:-none})"
	[ -n "$cpu" ] && [ "$cpu" -le "$CPU_MAX_MS" ] && tap_r=0 || tap_r=1
	ok "$tap_r" "GICv$gic: the 2000 ms sleep costs QEMU at most $CPU_MAX_MS ms of host CPU (${cpu:-not measured} ms)"
	[ "$tap_r" = 0 ] || head -n 20 <<<"$text" | sed 's/^/#   /'
done
plan "$tap_n"
