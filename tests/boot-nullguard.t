#!/usr/bin/env bash
# The NULL guard: nothing is mapped in [0, 64 KiB) on any target, so a
# read or a write through a NULL pointer at any offset below 64 KiB (a
# field at 0x3100 of a NULL struct pointer) faults, with a crash report
# naming the address, instead of reaching memory. Through the probe
# app's "peek/poke HEXADDR", on kvm-x86_64 (microvm and pc booting PVH,
# pc booting multiboot), kvm-arm64 and xen-x86_64 (three boots: Xen
# takes seconds under TCG).
source "$(dirname "$0")/lib/tap.sh"
plan 39

probe=$KILN/tests/apps/probe
check "probe app builds for kvm-x86_64 (PVH)" kbuild "$probe" "$TMP/pvh"
check "probe app builds for kvm-x86_64 (multiboot) and xen-x86_64" \
	kbuild "$probe" "$TMP/mb" CONFIG_KVM_MULTIBOOT=y CONFIG_PLAT_XEN=y
pvh=$TMP/pvh/probe_kvm-x86_64
mb=$TMP/mb/probe_kvm-x86_64
xen=$TMP/mb/probe_xen-x86_64

# faults NAME CMD ADDR: the last boot ran "CMD ADDR", which faulted at
# ADDR before completing; the report names the fault and the address,
# and the guest ended as a crash (status 134, docs/running.md).
faults() {
	local name=$1 cmd=$2 addr=$3 bad=
	case $BOOT_TARGET in
	kvm-arm64)
		local how=read
		[ "$cmd" = peek ] || how="write"
		grep -Eq "^Fatal synchronous exception: data abort, translation fault, level [0-3], on $how\$" \
			<<<"$boot_out" || bad+=" no-abort-line"
		grep -Eq "FAR +0x0*$addr\$" <<<"$boot_out" || bad+=" no-FAR"
		;;
	*)
		# Page fault error code: bit 1 set for a write, 0 for a read.
		local code=0
		[ "$cmd" = peek ] || code=2
		grep -Eq "^Fatal exception 14 \(#PF page fault\), error code 0x0{15}$code\$" \
			<<<"$boot_out" || bad+=" no-#PF-line"
		grep -Eq "^CR2 +0x0*$addr\$" <<<"$boot_out" || bad+=" no-CR2"
		;;
	esac
	grep -q "^probe: $cmd 0x$addr\$" <<<"$boot_out" || bad+=" not-started"
	! grep -q "^probe: $cmd done" <<<"$boot_out" || bad+=" completed"
	[ "$boot_rc" = 134 ] || bad+=" status-$boot_rc"
	ok "$([ -z "$bad" ]; echo $?)" "$name: $cmd 0x$addr faults and is reported"
	[ -z "$bad" ] || { diag "missing:$bad"; head -n 20 <<<"$boot_out" | sed 's/^/#   /'; }
}

# mapped NAME ADDR: the last boot read ADDR (legitimately mapped RAM
# past the guard) and exited 0.
mapped() {
	like "$boot_out" "^probe: peek done\$" "$1: peek 0x$2 (past the guard) reads"
	is "$boot_rc" 0 "$1: peek 0x$2 exits 0"
}

start=$(date +%s)
for how in microvm:pvh pc:pvh pc:mb; do
	machine=${how%%:*} image=$pvh boot=pvh
	[ "${how#*:}" = pvh ] || image=$mb boot=multiboot
	for addr in 0 3100 fff8; do
		for cmd in peek poke; do
			QEMU_MACHINE=$machine BOOT=$boot boot "$image" $cmd $addr
			faults "$machine $boot" $cmd $addr
		done
	done
	QEMU_MACHINE=$machine BOOT=$boot boot "$image" peek 10000
	mapped "$machine $boot" 10000
done
ended_within "$start" 120 "21 x86 boots end in time"

if command -v qemu-system-aarch64 >/dev/null &&
	command -v aarch64-linux-gnu-gcc >/dev/null; then
	BOOT_TARGET="kvm-arm64"
	check "probe app builds for kvm-arm64" kbuild "$probe" "$TMP/arm"
	for addr in 0 3100; do
		for cmd in peek poke; do
			boot "$TMP/arm/probe_kvm-arm64" $cmd $addr
			faults "arm64 virt" $cmd $addr
		done
	done
	boot "$TMP/arm/probe_kvm-arm64" poke fff8
	faults "arm64 virt" poke fff8
	# QEMU's virt has RAM at 1 GiB and nothing below its devices at
	# 128 MiB: the first RAM page is the legitimate address here.
	boot "$TMP/arm/probe_kvm-arm64" peek 40000000
	mapped "arm64 virt" 40000000
	BOOT_TARGET="kvm-x86_64"
else
	skip "no arm64 cross compiler or QEMU" 8
fi

if [ -f /boot/xen-4.17-amd64.gz ]; then
	BOOT_TARGET="xen-x86_64"
	boot "$xen" poke 3100
	faults "xen dom0" poke 3100
	boot "$xen" peek fff8
	faults "xen dom0" peek fff8
	boot "$xen" peek 10000
	mapped "xen dom0" 10000
	BOOT_TARGET="kvm-x86_64"
else
	skip "no Xen 4.17 (xen-hypervisor-4.17-amd64)" 4
fi
