#!/usr/bin/env bash
# Rust std on xen-x86_64: examples/rust-std boots as the PVH dom0 of Xen
# inside QEMU, with its arguments, exit codes and panics.
source "$(dirname "$0")/lib/tap.sh"
plan 8

# xboot IMAGE [args...]: boot under Xen; sets boot_out and boot_rc.
xboot() {
	boot_rc=0
	boot_out=$(TIMEOUT=${BOOT_TIMEOUT:-60} KVM=0 \
		"$KILN/support/scripts/run" xen-x86_64 "$@" 2>&1) || boot_rc=$?
	boot_out=${boot_out//$'\r'/}
}

check "rust-std builds for xen" kbuild "$KILN/examples/rust-std" "$TMP/x" \
	CONFIG_PLAT_XEN=y CONFIG_PLAT_KVM=n
img=$TMP/x/rust-std_xen-x86_64
xboot "$img" one
like "$boot_out" '^Hello from Rust std!$' "rust-std greets under Xen"
like "$boot_out" '^args: \["rust-std", "one"\]$' "with its arguments"
like "$boot_out" '^thread_local: 42$' "thread_local! works"
is "$boot_rc" 0 "exit code 0"
xboot "$img" exit
is "$boot_rc" 7 "process::exit(7) is status 7"
xboot "$img" panic
like "$boot_out" '^index out of bounds: the len is 0 but the index is 5$' "a panic prints its message"
is "$boot_rc" 134 "and aborts: 134"
