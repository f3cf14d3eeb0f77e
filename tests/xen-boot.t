#!/usr/bin/env bash
# Xen x86_64: helloworld and rust-hello boot as the PVH dom0 of Debian's
# Xen 4.17 inside QEMU (TCG, q35 with an IOMMU), print through
# console_io and shut down cleanly (Xen reboots; QEMU's -no-reboot exits).
source "$(dirname "$0")/lib/tap.sh"
plan 12

xen=(CONFIG_PLAT_XEN=y CONFIG_PLAT_KVM=n)
# xboot IMAGE [args...]: boot under Xen; sets boot_out and boot_rc.
xboot() {
	boot_rc=0
	boot_out=$(TIMEOUT=${BOOT_TIMEOUT:-60} KVM=0 \
		"$KILN/support/scripts/run" xen-x86_64 "$@" 2>&1) || boot_rc=$?
	boot_out=${boot_out//$'\r'/}
}

check "helloworld builds for xen" kbuild "$KILN/examples/helloworld" "$TMP/h" "${xen[@]}"
img=$TMP/h/helloworld_xen-x86_64
notes=$(readelf -n "$img" 2>&1)
like "$notes" 'Unknown note type: \(0x00000012\)' "the image has the PVH entry note"
like "$notes" 'Unknown note type: \(0x00000006\)' "and Xen's guest OS note"

start=$(date +%s)
xboot "$img" one 'two words'
like "$boot_out" '^\(XEN\) Xen version 4\.17' "Xen 4.17 boots in QEMU"
like "$boot_out" '^Hello world!$' "helloworld prints through console_io as dom0"
like "$boot_out" '^argv\[2\]: two words$' "its arguments arrive, quoted"
like "$boot_out" 'Hardware Dom0 shutdown: rebooting machine' "exit 0 shuts dom0 down cleanly"
is "$boot_rc" 0 "exit code 0"
ended_within "$start" 30 "the Xen boot ends within seconds"

check "rust-hello builds for xen" kbuild "$KILN/examples/rust-hello" "$TMP/r" "${xen[@]}"
xboot "$TMP/r/rust-hello_xen-x86_64" one
like "$boot_out" '^Hello from Rust!$' "rust-hello greets under Xen"
like "$boot_out" '^args: \["rust-hello", "one"\]$' "and gets its arguments"
