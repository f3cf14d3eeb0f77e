#!/usr/bin/env bash
# Too little memory for the guest: one clear line within seconds, then
# the crash path; never silence. QEMU runs directly here, so the run
# script's own check of MEM does not hide the guest's.
#
# What happens per target (image end E, about 1.2 MiB for the probe):
# - kvm-x86_64 (microvm, pc; PVH, multiboot): RAM up to 1 MiB holds none
#   of the image, nothing runs (the host must refuse it). From 1 MiB + 8
#   KiB to below E, the 32-bit entry finds its end is not RAM and says
#   "Boot failed: not enough memory: N KiB of RAM, at least M KiB
#   needed" (M = E). Multiboot puts the command line after the image: a
#   machine ending there gets the same line from C. From E on it boots,
#   except on pc from about E + 88 to E + 200 KiB: SeaBIOS keeps tables
#   at the top of RAM, over the image. A multiboot image, copied after
#   SeaBIOS ran, reads the reservation in the memory map and says the
#   line; a PVH image, loaded before, is overwritten (code included) and
#   fails in assorted ways, or hangs: the host must refuse those sizes.
# - kvm-arm64 (virt): QEMU itself refuses any RAM without room for the
#   image and its device tree (exit 1, its own line); the guest always
#   has 512 KiB below the image for its heap.
# - xen-x86_64 (PVH dom0): Xen refuses a dom0_mem too small for the
#   image ("Failed to load Dom0 kernel", then a panic); dom0 always has
#   the low 640 KiB for its heap.
source "$(dirname "$0")/lib/tap.sh"
plan 16

probe=$KILN/tests/apps/probe
check "probe app builds for kvm-x86_64 (PVH)" kbuild "$probe" "$TMP/pvh"
check "probe app builds for kvm-x86_64 (multiboot) and xen-x86_64" \
	kbuild "$probe" "$TMP/mb" CONFIG_KVM_MULTIBOOT=y CONFIG_PLAT_XEN=y
pvh=$TMP/pvh/probe_kvm-x86_64
mb=$TMP/mb/probe_kvm-x86_64

# end_kib IMAGE: the image's end (_end, stacks included) in KiB, rounded up.
end_kib() {
	local e
	e=$(nm "$1.dbg" | awk '$3 == "_end" { print $1 }')
	echo $(((16#$e + 1023) >> 10))
}

# qx MACHINE IMAGE KIB ARGS...: boots QEMU directly with KIB KiB of RAM
# (QEMU rounds it up to 8 KiB); sets out (console), status (the
# isa-debugcon status line), rc (QEMU's) and ms (wall time).
qx() {
	local machine=$1 image=$2 kib=$3 t0
	shift 3
	: >"$TMP/status"
	t0=$(date +%s%N)
	rc=0
	out=$(timeout 20 qemu-system-x86_64 -M "$machine" -cpu max \
		-m "${kib}K" -nodefaults -no-user-config -display none \
		-serial stdio -no-reboot \
		-chardev "file,id=st,path=$TMP/status" \
		-device isa-debugcon,iobase=0xe9,chardev=st \
		-device isa-debug-exit,iobase=0xf4,iosize=4 \
		-kernel "$image" -append "$*" 2>&1) || rc=$?
	ms=$((($(date +%s%N) - t0) / 1000000))
	out=${out//$'\r'/}
	status=$(cat "$TMP/status")
}

# too_small NAME N M: the last boot printed exactly the line for N KiB
# of RAM and M needed, ended as a crash, in under 10 s.
too_small() {
	local want="Boot failed: not enough memory: $2 KiB of RAM, at least $3 KiB needed" bad=
	[ "$out" = "$want" ] || bad+=" line"
	[ "$status" = "kiln: crash" ] || bad+=" status($status)"
	[ "$rc" != 124 ] && [ "$ms" -lt 10000 ] || bad+=" time(${ms}ms,rc=$rc)"
	ok "$([ -z "$bad" ]; echo $?)" "$1: '$want', crash, ${ms} ms"
	[ -z "$bad" ] || { diag "wrong:$bad"; diag "got: $out"; }
}

# boots NAME: the last boot ran "exit 5" to its end.
boots() {
	is "$status" "kiln: exit code 5" "$1: boots and exits 5 (${ms} ms)"
}

E=$(end_kib "$pvh")
# The largest RAM QEMU gives (8 KiB steps) that ends before the image.
fail=$(((E - 1) / 8 * 8))
for machine in microvm pc; do
	qx $machine "$pvh" 1032 exit 5
	too_small "$machine PVH, 1032 KiB (the image's first pages)" 1032 "$E"
	qx $machine "$pvh" $fail exit 5
	too_small "$machine PVH, $fail KiB (all but the stacks)" $fail "$E"
done
qx microvm "$pvh" $((fail + 8)) exit 5
boots "microvm PVH, $((fail + 8)) KiB (the image fits)"

Emb=$(end_kib "$mb")
failmb=$(((Emb - 1) / 8 * 8))
qx pc "$mb" 1032 exit 5
too_small "pc multiboot, 1032 KiB" 1032 "$Emb"
qx pc "$mb" $failmb exit 5
too_small "pc multiboot, $failmb KiB" $failmb "$Emb"
# The image fits; QEMU's multiboot puts the command line on the next
# page, where at most 4 KiB of RAM are left: 4100 bytes cannot fit. The
# parser sees its end is not RAM, instead of reading it cut short. RAM
# comes in 8 KiB steps: an image that ends on one leaves no page there
# at that size (then even a short line is past RAM) and 8 KiB at the
# next (where 4100 bytes fit, and are refused as too long).
okmb=$((failmb + 8)) line=$(printf 'x%.0s' {1..4100})
[ $((Emb % 8)) != 0 ] || line=short
qx pc "$mb" $okmb exit 5 "$line"
too_small "pc multiboot, $okmb KiB, command line past RAM" $okmb $((okmb + 1))
[ $((Emb % 8)) != 0 ] || okmb=$((okmb + 8))
qx pc "$mb" $okmb exit 5
boots "pc multiboot, $okmb KiB, short command line"
# From 1296 KiB on, SeaBIOS keeps the top 128 KiB of RAM for itself
# (reserved in the memory map): up to E + 128 KiB that is over the image,
# which the C check of the map reports. Multiboot only: QEMU copies a
# multiboot image after SeaBIOS ran, a PVH one before (then SeaBIOS
# overwrites it and the guest cannot say anything reliably).
if [ $((Emb + 128)) -gt 1296 ]; then
	qx pc "$mb" 1296 exit 5
	like "$out" "^Boot failed: not enough memory: [0-9]+ KiB of RAM, at least [0-9]+ KiB needed\$" \
		"pc multiboot, 1296 KiB, SeaBIOS's reserve over the image: said"
else
	skip "the image ends before SeaBIOS's reserve at 1296 KiB"
fi

if command -v qemu-system-aarch64 >/dev/null &&
	command -v aarch64-linux-gnu-gcc >/dev/null; then
	BOOT_TARGET="kvm-arm64"
	check "probe app builds for kvm-arm64" kbuild "$probe" "$TMP/arm"
	a64() {
		rc=0
		out=$(timeout 20 qemu-system-aarch64 -M virt -accel tcg \
			-cpu cortex-a57 -m "$1" -nodefaults -no-user-config \
			-display none -serial stdio -no-reboot \
			-semihosting-config enable=on,target=native \
			-kernel "$TMP/arm/probe_kvm-arm64" -append "exit 5" 2>&1) ||
			rc=$?
		out=${out//$'\r'/}
	}
	a64 2048K
	like "$rc: $out" "^1: qemu-system-aarch64: Not enough space for DTB after kernel/initrd" \
		"arm64 2 MiB: QEMU refuses, one line, exit 1"
	a64 2560K
	like "$out" "^kiln: exit code 5$" "arm64 2.5 MiB: boots and exits 5"
else
	skip "no arm64 cross compiler or QEMU" 3
fi

# One Xen boot (seconds under TCG): a dom0_mem below the image's size.
if [ -f /boot/xen-4.17-amd64.gz ]; then
	gunzip -c /boot/xen-4.17-amd64.gz >"$TMP/xen"
	t0=$(date +%s)
	out=$(timeout 60 qemu-system-x86_64 -device intel-iommu,intremap=on \
		-M q35 -cpu max -m 128M -kernel "$TMP/xen" \
		-append "console=com1 com1=115200,8n1 dom0=pvh dom0_mem=512K" \
		-initrd "$TMP/mb/probe_xen-x86_64 exit 5" -nodefaults \
		-no-user-config -display none -serial stdio -no-reboot 2>&1) ||
		true
	secs=$(($(date +%s) - t0))
	out=${out//$'\r'/}
	like "$out" "^\(XEN\) Failed to load Dom0 kernel$" \
		"xen dom0_mem=512K: Xen refuses the image, in one line (${secs} s)"
else
	skip "no Xen 4.17 (xen-hypervisor-4.17-amd64)"
fi
