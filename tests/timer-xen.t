#!/usr/bin/env bash
# xen-x86_64's one-shot timer and idle (VCPUOP_set_singleshot_timer,
# VIRQ_TIMER's upcall, hlt = SCHEDOP_block): tests/apps/idle as dom0 of
# Xen 4.17 in QEMU sleeps 50 ms, never less, then 2000 ms, and QEMU's
# host CPU over the 2000 ms is measured (tests/lib/idle.sh).
source "$(dirname "$0")/lib/tap.sh"
# Xen itself, idle under TCG, costs QEMU 130-170 ms over those 2 s (a
# spinning guest 1.2 s): its own limit.
CPU_MAX_MS=${CPU_MAX_MS:-400}
source "$(dirname "$0")/lib/idle.sh"
BOOT_TARGET=xen-x86_64

check "idle app builds for xen" kbuild "$KILN/tests/apps/idle" "$TMP/idle" \
	CONFIG_PLAT_XEN=y CONFIG_PLAT_KVM=n
idle_checks "xen" "$TMP/idle/idle_xen-x86_64"
plan "$tap_n"
