# SPDX-License-Identifier: BSD-3-Clause
# shellcheck shell=bash
# The one-shot timer and idle, for any target (sourced after tap.sh by
# tests/timer-*.t): idle_checks boots tests/apps/idle for BOOT_TARGET
# ("sleep 50 sleep 2000 sleep 1000") and reads QEMU's CPU time (user +
# sys, /proc) when the 50 ms and the 2000 ms sleeps end: an idling guest
# costs QEMU almost none, a spinning one a whole CPU.

CPU_MAX_MS=${CPU_MAX_MS:-200}	# host CPU allowed for the 2000 ms sleep

# cpu_ms PID: the user + sys time of PID so far, in milliseconds.
cpu_ms() {
	awk -v hz="$(getconf CLK_TCK)" \
		'{ print int(($14 + $15) * 1000 / hz) }' "/proc/$1/stat"
}

# await_line FILE REGEX: once FILE has a line matching REGEX (within
# 90 s); fails when it never comes.
await_line() {
	local i
	for ((i = 0; i < 4500; i++)); do
		grep -Eq -- "$2" "$1" && return 0
		sleep 0.02
	done
	return 1
}

# idle_checks NAME IMAGE [WORD]: five tests (exit 0, sleep 50 not short,
# sleep 2000 about right, few wakeups, QEMU's CPU for the 2000 ms sleep);
# four when the app does not count wakeups. WORD (default "sleep") is
# the app's word for a sleep of N ms. The guest's output follows any
# failure.
idle_checks() {
	local name=$1 img=$2 word=${3:-sleep} out=$TMP/idle-out run pid cpu=''
	local text us50='' n50='' us2k='' n2k='' failed=$tap_failed t0 t1 rc=0
	: >"$out"
	# qemu_up must find this run's QEMU, not an earlier boot's on its
	# way out.
	for ((t0 = 0; t0 < 50; t0++)); do
		pgrep -f "^qemu-system-[a-z0-9_]+ .*$img" >/dev/null || break
		sleep 0.1
	done
	# The last sleep keeps QEMU there while the second CPU time is read.
	TIMEOUT=120 KVM=0 "$KILN/support/scripts/run" "$BOOT_TARGET" \
		"$img" "$word" 50 "$word" 2000 "$word" 1000 >"$out" 2>&1 &
	run=$!
	if pid=$(qemu_up "$img"); then
		await_line "$out" '^idle: slept 50 ms' && t0=$(cpu_ms "$pid") &&
			await_line "$out" '^idle: slept 2000 ms' &&
			t1=$(cpu_ms "$pid") && cpu=$((t1 - t0))
	fi
	wait "$run" || rc=$?
	text=$(tr -d '\r' <"$out" | grep -v '^(XEN)') || true
	is "$rc" 0 "$name: the idle app exits with 0"
	# "idle: slept MS ms: US us[, N wakeups]"
	read -r us50 n50 < <(sed -nE 's/^idle: slept 50 ms: ([0-9]+) us(, ([0-9]+) wakeups)?$/\1 \3/p' <<<"$text") || true
	read -r us2k n2k < <(sed -nE 's/^idle: slept 2000 ms: ([0-9]+) us(, ([0-9]+) wakeups)?$/\1 \3/p' <<<"$text") || true
	[ "${us50:-0}" -ge 50000 ] && tap_r=0 || tap_r=1
	ok "$tap_r" "$name: sleep 50 lasts at least 50 ms (${us50:-none} us)"
	[ "${us2k:-0}" -ge 2000000 ] && [ "$us2k" -lt 3000000 ] && tap_r=0 || tap_r=1
	ok "$tap_r" "$name: sleep 2000 lasts 2 to 3 s (${us2k:-none} us)"
	if [ "$word" = sleep ]; then
		[ -n "$n50" ] && [ "$n50" -le 3 ] && [ "${n2k:-9}" -le 3 ] && tap_r=0 || tap_r=1
		ok "$tap_r" "$name: at most 3 wakeups a sleep (${n50:-none}, ${n2k:-none})"
	fi
	[ -n "$cpu" ] && [ "$cpu" -le "$CPU_MAX_MS" ] && tap_r=0 || tap_r=1
	ok "$tap_r" "$name: the 2000 ms sleep costs QEMU at most $CPU_MAX_MS ms of host CPU (${cpu:-not measured} ms)"
	[ "$tap_failed" = "$failed" ] || head -n 20 <<<"$text" | sed 's/^/#   /'
}
