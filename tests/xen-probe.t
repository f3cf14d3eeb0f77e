#!/usr/bin/env bash
# Xen x86_64: exit codes and crashes of a PVH dom0. Xen passes no exit
# code out: the guest prints "kiln: exit code N" and shuts down with the
# crash reason; the boot script reads the code from the console and ends
# QEMU instead of waiting out Xen's 5 s reboot delay.
source "$(dirname "$0")/lib/tap.sh"
plan 14

xboot() {
	boot_rc=0
	boot_out=$(TIMEOUT=${BOOT_TIMEOUT:-60} KVM=0 \
		"$KILN/support/scripts/run" xen-x86_64 "$@" 2>&1) || boot_rc=$?
	boot_out=${boot_out//$'\r'/}
}

check "probe app builds for xen" kbuild "$KILN/tests/apps/probe" "$TMP/p" \
	CONFIG_PLAT_XEN=y CONFIG_PLAT_KVM=n
img=$TMP/p/probe_xen-x86_64

start=$(date +%s)
xboot "$img" exit 7
like "$boot_out" '^kiln: exit code 7$' "exit 7: the guest prints its exit code"
like "$boot_out" 'Hardware Dom0 crashed' "exit 7: dom0 shuts down with the crash reason"
is "$boot_rc" 7 "exit 7: run returns 7"

xboot "$img" null
like "$boot_out" '#PF page fault' "NULL dereference: the report names the page fault"
like "$boot_out" 'CR2 +0x0+$' "NULL dereference: the report shows CR2 = 0"
like "$boot_out" '^Backtrace:' "NULL dereference: the report has a backtrace"
like "$boot_out" 'Hardware Dom0 crashed' "NULL dereference: the domain crashes"
is "$boot_rc" 127 "NULL dereference: crash code 127"

xboot "$img" ud2
like "$boot_out" '#UD invalid opcode' "ud2: the report names the invalid opcode"
like "$boot_out" 'Hardware Dom0 crashed' "ud2: the domain crashes"
is "$boot_rc" 127 "ud2: crash code 127"

xboot "$img" args x
is "$boot_rc" 0 "a clean exit after all that: 0"
elapsed=$(($(date +%s) - start))
[ "$elapsed" -lt 40 ]
ok $? "four Xen boots, none waiting for Xen's reboot delay ($elapsed s)"
