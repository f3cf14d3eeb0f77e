#!/usr/bin/env bash
# The in-guest uktest suites (nolibc, allocator, argparse) run under QEMU;
# every TAP line the guest prints is relayed as a test here.
source "$(dirname "$0")/lib/tap.sh"

check "selftest app builds with every library's tests" \
	kbuild "$KILN/tests/apps/selftest" "$TMP/st"
BOOT_TIMEOUT=120 boot "$TMP/st/selftest_kvm-x86_64"
for suite in nolibc tlsf argparse; do
	like "$boot_out" "^ok [0-9]+ - $suite" "the $suite suite ran"
done
relay "TCG:"
is "$boot_rc" 0 "TCG: the guest reports no failure (exit 0)"

if kvm_works; then
	KVM=1 boot "$TMP/st/selftest_kvm-x86_64"
	if kvm_refused; then
		skip "this machine's KVM cannot run the suites' SSE code ($(kvm_refusal))"
	else
		relay "KVM:"
		is "$boot_rc" 0 "KVM: the guest reports no failure (exit 0)"
	fi
else
	skip "KVM does not work on this machine"
fi
plan "$tap_n"
