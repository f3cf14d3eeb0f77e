#!/usr/bin/env bash
# Guard pages (ukplat_page_guard, uk/plat/memory.h): a page of RAM made
# inaccessible faults on a write, with a crash report naming its
# address, while the pages around it stay read-write; mapped back, it
# is written again. Through the probe app's "guard" and "guard-off" on
# kvm-x86_64, kvm-arm64 and xen-x86_64 (TCG). Without an address the
# page lies in a 2 MiB page the platform mapped at boot (one split);
# with MEM=2G and an address in the second (x86) or third (arm64) GiB,
# in a 1 GiB page (two splits), the tables taken from the pages next to
# it, so that they lie inside the blocks they split: arm64 cannot unmap
# such a block while it changes it (break-before-make faulted there).
source "$(dirname "$0")/lib/tap.sh"

probe=$KILN/tests/apps/probe
check "probe app builds for kvm-x86_64 and xen-x86_64" \
	kbuild "$probe" "$TMP/x86" CONFIG_PLAT_XEN=y
kvm=$TMP/x86/probe_kvm-x86_64
xen=$TMP/x86/probe_xen-x86_64

# guarded NAME ADDR: the last boot ran "guard [ADDR]": the pages around
# stayed writable, the write to the page faulted and was reported with
# its address, and the guest ended as a crash (status 134).
guarded() {
	local name=$1 addr=${2:-} bad=
	if [ -z "$addr" ]; then
		addr=$(sed -n 's/^probe: guard 0x\([0-9a-f]*\)$/\1/p' <<<"$boot_out")
		[ -n "$addr" ] || bad+=" no-address"
	fi
	grep -q "^probe: guard 0x0*$addr\$" <<<"$boot_out" || bad+=" not-started"
	grep -q '^probe: guard: pages around writable; writing the page$' \
		<<<"$boot_out" || bad+=" pages-around"
	case $BOOT_TARGET in
	kvm-arm64)
		grep -q '^Fatal synchronous exception: data abort, translation fault, level 3, on write$' \
			<<<"$boot_out" || bad+=" no-abort-line"
		grep -Eq "FAR +0x0*$addr\$" <<<"$boot_out" || bad+=" no-FAR"
		;;
	*)
		# Error code 2: a write to a page not present.
		grep -Eq '^Fatal exception 14 \(#PF page fault\), error code 0x0{15}2$' \
			<<<"$boot_out" || bad+=" no-#PF-line"
		grep -Eq "^CR2 +0x0*$addr\$" <<<"$boot_out" || bad+=" no-CR2"
		;;
	esac
	! grep -q '^probe: guard: the write did not fault' <<<"$boot_out" ||
		bad+=" no-fault"
	[ "$boot_rc" = 134 ] || bad+=" status-$boot_rc"
	ok "$([ -z "$bad" ]; echo $?)" "$name: a write to the guarded page faults and is reported"
	[ -z "$bad" ] || { diag "missing:$bad"; head -n 20 <<<"$boot_out" | sed 's/^/#   /'; }
}

# unguarded NAME: the last boot ran "guard-off": what must be refused
# was (leaving the page writable), the page was guarded and mapped back
# twice and written each time, and the guest exited 0.
unguarded() {
	like "$boot_out" '^probe: refused: unaligned -1 code -1 null -1 no-table -1; page writable$' \
		"$1: an unaligned address, code, the NULL guard and a failed table allocation are refused"
	is "$(grep -c '^probe: guard 0, unguard 0, write ok$' <<<"$boot_out"):$boot_rc" 2:0 \
		"$1: guarded, mapped back and written, twice; exit 0"
}

# both NAME IMAGE [ADDR]: "guard" and "guard-off" on one target.
both() {
	boot "$2" guard ${3:+"$3"}
	guarded "$1" "${3:-}"
	boot "$2" guard-off ${3:+"$3"}
	unguarded "$1"
}

start=$(date +%s)
both "microvm, 2 MiB page" "$kvm"
MEM=2G both "microvm, 1 GiB page" "$kvm" 40123000
QEMU_MACHINE=pc both "pc, 2 MiB page" "$kvm"
ended_within "$start" 60 "6 x86 boots end in time"

# Under KVM (this machine's KVM may refuse instructions it cannot
# emulate: then the reason is given as a skip).
if kvm_works; then
	for cmd in guard:134 guard-off:0; do
		KVM=1 boot "$kvm" "${cmd%%:*}"
		if kvm_refused; then
			skip "KVM here cannot run this guest ($(kvm_refusal))"
		else
			is "$boot_rc" "${cmd##*:}" "KVM: '${cmd%%:*}' ends with status ${cmd##*:}"
		fi
	done
else
	skip "KVM does not work on this machine" 2
fi

BOOT_TARGET=xen-x86_64 BOOT_TIMEOUT=60
both "xen dom0, 2 MiB page" "$xen"
MEM=2G both "xen dom0, 1 GiB page" "$xen" 40123000

if command -v qemu-system-aarch64 >/dev/null &&
	command -v aarch64-linux-gnu-gcc >/dev/null; then
	BOOT_TARGET=kvm-arm64 BOOT_TIMEOUT=30
	check "probe app builds for kvm-arm64" kbuild "$probe" "$TMP/arm"
	both "arm64 virt, 2 MiB block" "$TMP/arm/probe_kvm-arm64"
	MEM=2G both "arm64 virt, 1 GiB block" "$TMP/arm/probe_kvm-arm64" 80123000
else
	skip "no aarch64-linux-gnu-gcc or qemu-system-aarch64" 7
fi
plan "$tap_n"
