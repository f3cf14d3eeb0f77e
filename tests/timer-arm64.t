#!/usr/bin/env bash
# kvm-arm64's one-shot timer and idle (the virtual timer through the
# GIC, wfi): tests/apps/idle sleeps 50 ms, never less, then 2000 ms, on
# a GICv3 and a GICv2, and QEMU's host CPU over the 2000 ms is measured
# (tests/lib/idle.sh).
source "$(dirname "$0")/lib/tap.sh"
source "$(dirname "$0")/lib/idle.sh"
BOOT_TARGET=kvm-arm64

needs_arm64

check "idle app builds for kvm-arm64" kbuild "$KILN/tests/apps/idle" "$TMP/idle"
for gic in 3 2; do
	GIC=$gic idle_checks "GICv$gic" "$TMP/idle/idle_kvm-arm64"
done
plan "$tap_n"
