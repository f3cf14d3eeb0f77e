#!/usr/bin/env bash
# The one-shot timer and idle on kvm-x86_64 (tests/apps/idle), microvm
# and pc under TCG: sleeps never end early, wake the CPU a few times
# (not per tick), and an idle guest costs QEMU almost no CPU. QEMU's own
# CPU time is read by a qemu-system-x86_64 ahead in PATH that runs the
# real one under /usr/bin/time; a guest without an APIC (nothing to wake
# it, so it spins) shows that the measure sees a busy guest.
source "$(dirname "$0")/lib/tap.sh"
plan 15

MAX_CPU=0.20	# seconds of QEMU CPU a 2 s sleep may add to a boot

check "idle app builds" kbuild "$KILN/tests/apps/idle" "$TMP/i"
check "idle app builds with the multiboot header" \
	kbuild "$KILN/tests/apps/idle" "$TMP/mb" CONFIG_KVM_MULTIBOOT=y
img=$TMP/i/idle_kvm-x86_64

real_qemu=$(command -v qemu-system-x86_64)
mkdir "$TMP/bin"
cat >"$TMP/bin/qemu-system-x86_64" <<EOS
#!/bin/sh
exec /usr/bin/time -f '%U %S' -o "$TMP/cpu" "$real_qemu" "\$@"
EOS
chmod +x "$TMP/bin/qemu-system-x86_64"

# cpu_boot IMAGE ARGS...: boot (as tap.sh's boot) and set cpu to QEMU's
# user + system seconds.
cpu_boot() {
	rm -f "$TMP/cpu"
	PATH=$TMP/bin:$PATH boot "$@"
	cpu=$(awk 'END { printf "%.2f", $1 + $2 }' "$TMP/cpu" 2>/dev/null) ||
		cpu=none
}

# slept MS: the microseconds and wakeups of the app's "sleep MS" line.
slept() {
	sed -n "s/^idle: slept $1 ms: \([0-9]*\) us, \([0-9]*\) wakeups$/\1 \2/p" \
		<<<"$boot_out"
}

# at_most A B: A <= B, both decimal.
at_most() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a <= b) }'; }

if [ ! -x /usr/bin/time ]; then
	skip "no /usr/bin/time (Debian: apt-get install time)" 13
	exit 0
fi

for m in microvm pc; do
	QEMU_MACHINE=$m cpu_boot "$img" sleep 0
	base=$cpu
	QEMU_MACHINE=$m cpu_boot "$img" sleep 50 sleep 2000
	is "$boot_rc" 0 "$m: the idle app exits 0"
	read -r us50 wake50 <<<"$(slept 50)" || true
	read -r us2k wake2k <<<"$(slept 2000)" || true
	at_most 50000 "${us50:-0}" && tap_r=0 || tap_r=1
	ok "$tap_r" "$m: sleep 50 lasts at least 50 ms by the guest's clock (${us50:-?} us)"
	at_most 2000000 "${us2k:-0}" && tap_r=0 || tap_r=1
	ok "$tap_r" "$m: sleep 2000 lasts at least 2000 ms (${us2k:-?} us)"
	at_most "$((${wake50:-99999} + ${wake2k:-99999}))" 10 && tap_r=0 || tap_r=1
	ok "$tap_r" "$m: the two sleeps wake the CPU a few times (${wake50:-?} + ${wake2k:-?})"
	diag "$m: QEMU CPU: ${cpu}s booting and sleeping 2.05 s, ${base}s booting and sleeping 0"
	at_most "$(awk -v a="$cpu" -v b="$base" 'BEGIN { print a - b }')" "$MAX_CPU" &&
		tap_r=0 || tap_r=1
	ok "$tap_r" "$m: 2 s of sleep cost QEMU at most ${MAX_CPU}s of CPU ($cpu - $base)"
done

BOOT=multiboot QEMU_MACHINE=pc boot "$TMP/mb/idle_kvm-x86_64" sleep 50
read -r us50 wake50 <<<"$(slept 50)" || true
at_most 50000 "${us50:-0}" && at_most "${wake50:-99999}" 5 && tap_r=0 || tap_r=1
ok "$tap_r" "pc multiboot: sleep 50 lasts 50 ms with few wakeups (${us50:-?} us, ${wake50:-?})"

# The control: without an APIC, ukplat_idle() returns at once and the
# app spins on the clock. Still on time, but busy, and measured so.
QEMU_MACHINE=microvm QEMU_ARGS="-cpu max,-apic" cpu_boot "$img" sleep 2000
read -r us2k wake2k <<<"$(slept 2000)" || true
at_most 2000000 "${us2k:-0}" && tap_r=0 || tap_r=1
ok "$tap_r" "no APIC: sleep 2000 still lasts 2000 ms (${us2k:-?} us, spinning)"
diag "no APIC: QEMU CPU ${cpu}s, ${wake2k:-?} wakeups"
at_most 1.0 "$cpu" && tap_r=0 || tap_r=1
ok "$tap_r" "no APIC: the measure sees the spin (${cpu}s of QEMU CPU)"
