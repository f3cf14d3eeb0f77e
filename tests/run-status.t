#!/usr/bin/env bash
# The run script's status on the kvm targets (docs/running.md): exactly
# the app's 0-255, from main and from exit(), on microvm and pc (PVH and
# multiboot) and arm64; a crash is 134 with an "error:" line, which an
# app's own exit(134) has not; a guest that stops without a status is
# 126. QEMU's own exit code plays no part: a user's QEMU without the
# status devices still ends the guest cleanly.
source "$(dirname "$0")/lib/tap.sh"

start=$(date +%s)

# crashes NAME IMAGE COMMAND: 134 and the crash's error line.
crashes() {
	boot "$2" "$3"
	is "$boot_rc" 134 "$1: '$3' gives status 134"
	like "$boot_err" '^error: the guest crashed' "$1: '$3' says the guest crashed"
}

# exit134 NAME IMAGE: the app's own 134 comes without an error line.
exit134() {
	boot "$2" exitcall 134
	is "$boot_rc:$boot_err" "134:" "$1: exit(134) gives 134 without an error line"
}

check "probe app builds (PVH)" kbuild "$KILN/tests/apps/probe" "$TMP/pvh"
check "probe app builds (multiboot)" \
	kbuild "$KILN/tests/apps/probe" "$TMP/mb" CONFIG_KVM_MULTIBOOT=y
pvh=$TMP/pvh/probe_kvm-x86_64
mb=$TMP/mb/probe_kvm-x86_64

QEMU_MACHINE=microvm exit_statuses "microvm" "$pvh"
QEMU_MACHINE=pc exit_statuses "pc PVH" "$pvh"
BOOT=multiboot QEMU_MACHINE=pc exit_statuses "pc multiboot" "$mb"

# The least MEM on pc: a multiboot image has no firmware's 256K added,
# every time (QEMU's own test: magic and checksum in the first 8 KiB).
msgs=$(for i in 1 2 3 4 5 6 7 8 9 10; do
	QEMU_MACHINE=pc MEM=1M boot "$mb" exit 0
	echo "$boot_rc:$boot_err"
done | sort | uniq -c | sed 's/^ *//')
like "$msgs" '^10 125:error: MEM=1M is too little: at least [0-9]+K, for probe_kvm-x86_64 with its \.bss$' \
	"pc multiboot, MEM=1M: 10 times the same least MEM, without the firmware's"
msgs=$(for i in 1 2 3 4 5; do
	QEMU_MACHINE=pc MEM=1M boot "$pvh" exit 0
	echo "$boot_rc:$boot_err"
done | sort | uniq -c | sed 's/^ *//')
like "$msgs" "^5 125:error: MEM=1M is too little: .* and 256K above it for the firmware of QEMU's pc\$" \
	"pc PVH, MEM=1M: 5 times with the firmware's 256K"

for cmd in null abort assert crash; do
	crashes "microvm" "$pvh" "$cmd"
done
QEMU_MACHINE=pc crashes "pc PVH" "$pvh" ud2
QEMU_MACHINE=pc crashes "pc multiboot" "$mb" null
exit134 "microvm" "$pvh"
boot "$pvh" nonl 3
is "$boot_rc" 3 "exit(3) after output without a newline gives 3"

for m in microvm pc; do
	QEMU_MACHINE=$m boot "$pvh" triplefault
	is "$boot_rc" 126 "$m: a triple fault (reset, no status) gives 126"
	like "$boot_err" '^error: the guest stopped without reporting a status' \
		"$m: and says the guest stopped without a status"
done

# A user's own QEMU: without isa-debugcon and isa-debug-exit the guest
# powers off through ACPI (QEMU exits 0); with isa-debug-exit alone,
# QEMU's code is status * 2 + 1 (mod 256), as before.
qemu_x86() {
	(timeout 30 qemu-system-x86_64 -M "$1" -cpu max -m 32M -nodefaults \
		-no-user-config -display none -serial none -no-reboot \
		-kernel "$pvh" "${@:2}" >/dev/null 2>&1)
	echo $?
}
for m in microvm pc; do
	is "$(qemu_x86 "$m" -append "exit 7")" 0 \
		"$m without the status devices: the guest powers off (QEMU exits 0)"
done
is "$(qemu_x86 microvm -device isa-debug-exit,iobase=0xf4,iosize=4 \
	-append "exit 7")" 15 "with isa-debug-exit alone QEMU exits 15 (7 * 2 + 1)"

if kvm_works; then
	KVM=1 boot "$pvh" exit 200
	if kvm_refused; then
		skip "KVM here cannot run this guest ($(kvm_refusal))" 4
	else
		KVM=1 QEMU_MACHINE=microvm exit_statuses "KVM microvm" "$pvh"
		KVM=1 crashes "KVM microvm" "$pvh" null
	fi
else
	skip "KVM does not work on this machine" 4
fi

if command -v aarch64-linux-gnu-gcc >/dev/null &&
	command -v qemu-system-aarch64 >/dev/null; then
	BOOT_TARGET=kvm-arm64 check "probe app builds (arm64)" \
		kbuild "$KILN/tests/apps/probe" "$TMP/a64"
	a64=$TMP/a64/probe_kvm-arm64
	BOOT_TARGET=kvm-arm64 exit_statuses "arm64" "$a64"
	for cmd in null abort; do
		BOOT_TARGET=kvm-arm64 crashes "arm64" "$a64" "$cmd"
	done
	BOOT_TARGET=kvm-arm64 exit134 "arm64" "$a64"
	# Semihosting without a channel: the line goes to QEMU's stderr and
	# QEMU exits with the status itself (134 for a crash).
	for cmd in "exit 200:200" "null:134"; do
		out=$(timeout 30 qemu-system-aarch64 -M virt -cpu cortex-a57 -m 32M \
			-nodefaults -no-user-config -display none -serial none \
			-no-reboot -semihosting-config enable=on,target=native \
			-kernel "$a64" -append "${cmd%%:*}" 2>&1) && rc=0 || rc=$?
		is "$rc" "${cmd##*:}" "arm64, a user's QEMU with semihosting: '${cmd%%:*}' exits ${cmd##*:}"
	done
	like "$out" '^kiln: crash$' "and the crash's status line is on QEMU's stderr"
else
	skip "no arm64 cross compiler or QEMU (support/scripts/deps kvm-arm64)" 12
fi

diag "$(($(date +%s) - start)) s"
plan "$tap_n"
