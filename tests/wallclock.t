#!/usr/bin/env bash
# The wall clock (CLOCK_REALTIME and time(), through the probe app's
# "realtime"): within seconds of the host's on every target pair, and
# exactly the date QEMU's RTC is given with -rtc base=..., which the
# guest reads from the CMOS RTC (kvm-x86_64), the PL031 (kvm-arm64) or
# Xen's shared info (xen-x86_64, where Xen read the CMOS RTC). microvm
# with rtc=off has no wall clock: the time then counts from 1970.
source "$(dirname "$0")/lib/tap.sh"

BASE=2001-02-03T04:05:06
BASE_S=$(date -u -d "$BASE" +%s)
SLACK=2	# seconds: the RTC's whole seconds, a boot's start-up

# realtime NAME IMAGE [QEMU_ARGS]: boots "realtime" for BOOT_TARGET;
# sets rt (CLOCK_REALTIME's seconds), tm (time()'s) and the host's
# seconds before (t0) and after (t1) the boot.
realtime() {
	t0=$(date +%s)
	QEMU_ARGS=${3:-} boot "$2" realtime
	t1=$(date +%s)
	rt='' tm=''
	if [[ $boot_out =~ probe:\ realtime\ ([0-9]+)\.[0-9]{9}\ time\ ([0-9]+) ]]; then
		rt=${BASH_REMATCH[1]} tm=${BASH_REMATCH[2]}
	fi
	is "$boot_rc:${rt:+printed}" "0:printed" "$1: the guest prints its wall clock"
}

# within NAME LOW HIGH: rt and tm lie in [LOW, HIGH], tm no earlier.
within() {
	local rc=0
	[ -n "$rt" ] && ((rt >= $2 && rt <= $3 && tm >= rt && tm <= rt + 1)) || rc=1
	ok "$rc" "$1 (guest $rt/$tm, expected $2..$3)"
}

# clocks NAME IMAGE: the host's time, then QEMU's -rtc base.
clocks() {
	realtime "$1" "$2"
	within "$1: within ${SLACK}s of the host's time" \
		$((t0 - SLACK)) $((t1 + SLACK))
	realtime "$1 -rtc base=$BASE" "$2" "-rtc base=$BASE"
	within "$1 -rtc base=$BASE: that date, plus the boot's time" \
		"$BASE_S" $((BASE_S + t1 - t0 + 1))
}

check "probe app builds for kvm-x86_64" kbuild "$KILN/tests/apps/probe" "$TMP/p"
for m in microvm pc; do
	QEMU_MACHINE=$m clocks "kvm-x86_64 $m" "$TMP/p/probe_kvm-x86_64"
done
QEMU_MACHINE=microvm,rtc=off realtime "kvm-x86_64 microvm,rtc=off" \
	"$TMP/p/probe_kvm-x86_64"
within "microvm,rtc=off: no wall clock, the time counts from 1970" 0 "$SLACK"

if command -v aarch64-linux-gnu-gcc >/dev/null &&
	command -v qemu-system-aarch64 >/dev/null; then
	BOOT_TARGET=kvm-arm64 check "probe app builds for kvm-arm64" \
		kbuild "$KILN/tests/apps/probe" "$TMP/a"
	BOOT_TARGET=kvm-arm64 clocks "kvm-arm64 virt" "$TMP/a/probe_kvm-arm64"
else
	skip "no aarch64 cross compiler or QEMU (support/scripts/deps kvm-arm64)" 5
fi

BOOT_TARGET=xen-x86_64 check "probe app builds for xen" \
	kbuild "$KILN/tests/apps/probe" "$TMP/x" CONFIG_PLAT_XEN=y CONFIG_PLAT_KVM=n
BOOT_TARGET=xen-x86_64 BOOT_TIMEOUT=60 clocks "xen-x86_64" "$TMP/x/probe_xen-x86_64"
plan "$tap_n"
