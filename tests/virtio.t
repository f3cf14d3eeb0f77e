#!/usr/bin/env bash
# lib/ukvirtio (docs/virtio.md) with its virtio-rng driver: tests/apps/virtio
# lists the virtio devices it finds, reads 64 bytes twice through
# uk_virtq_call() from a second virtio-rng device it drives itself (the
# driver holds the first) and 64 bytes through getrandom(). Booted on
# pc and q35 with virtio-rng-pci (modern PCI transport), on microvm
# with virtio-rng-device (virtio-mmio version 2, named in the ACPI DSDT,
# or with acpi=off on the command line) and on arm64 virt (the device tree's virtio,mmio
# nodes), each time with the CPU's random instruction off (x86
# -rdrand; QEMU's cortex-a57 has no RNDR), so getrandom() must use the
# device to stay quiet; without a device the app says none and
# getrandom() falls back, as before.
source "$(dirname "$0")/lib/tap.sh"

plan 51

app=$KILN/tests/apps/virtio
mmio_v2="-global virtio-mmio.force-legacy=false"

# hexes NAME: the app's lines of bytes for NAME, hex only.
hexes() { sed -n "s/^$1: 64 bytes \([0-9a-f]*\)$/\1/p" <<<"$boot_out"; }

# rng_checks NAME TRANSPORT-REGEX: the checks of a boot with two
# virtio-rng devices at TRANSPORT-REGEX, and arguments a b.
rng_checks() {
	local name=$1 tr=$2 a b g
	is "$boot_rc" 0 "$name: status 0"
	like "$boot_out" "Info .*virtio-rng: $tr" "$name: the driver names its device at boot"
	is "$(grep -Ec "^virtio device [01]: type 4 at $tr" <<<"$boot_out")" 2 "$name: two virtio-rng devices listed, transport $tr"
	a=$(hexes uk_virtq_call | sed -n 1p)
	b=$(hexes uk_virtq_call | sed -n 2p)
	g=$(hexes getrandom)
	[[ ${#a} = 128 && ${#b} = 128 && $a =~ [1-9a-f] && $b =~ [1-9a-f] ]] &&
		tap_r=0 || tap_r=1
	ok "$tap_r" "$name: uk_virtq_call gives 64 bytes twice, not all zero"
	[[ -n $a && $a != "$b" ]] && tap_r=0 || tap_r=1
	ok "$tap_r" "$name: the two reads differ"
	like "$boot_out" '^nine buffers: -22$' "$name: more buffers than the queue holds: -EINVAL"
	[[ ${#g} = 128 && $g =~ [1-9a-f] ]] && tap_r=0 || tap_r=1
	ok "$tap_r" "$name: getrandom gives 64 bytes"
	unlike "$boot_out" 'no random number instruction' "$name: getrandom used the device (no fallback warning without the CPU's instruction)"
	is "$(grep '^argv' <<<"$boot_out" | tr '\n' ' ')" "argv[1]: a argv[2]: b " "$name: the app's arguments are a and b only"
}

BOOT_TARGET=kvm-x86_64
if kbuild "$app" "$TMP/x86" CONFIG_LIBUKDEBUG_PRINTK_INFO=y; then
	img=$TMP/x86/virtio_kvm-x86_64
	ok 0 "kvm-x86_64: the app builds"
	for m in pc q35; do
		QEMU_MACHINE=$m QEMU_ARGS="-cpu max,-rdrand -device virtio-rng-pci -device virtio-rng-pci" boot "$img" a b
		rng_checks "$m" 'pci 0000:00:0[0-9a-f]\.0'
	done
	for m in microvm microvm,acpi=off; do
		QEMU_MACHINE=$m QEMU_ARGS="-cpu max,-rdrand $mmio_v2 -device virtio-rng-device -device virtio-rng-device" boot "$img" a b
		rng_checks "$m" 'mmio 0xfeb0[0-2][0-9a-f]00'
	done
	QEMU_MACHINE=microvm boot "$img"
	like "$boot_out" '^virtio devices: none$' "microvm, no device: the app says none"
	like "$boot_out" '^second virtio-rng: none$' "microvm, no device: no virtio-rng"
	[[ $(hexes getrandom) =~ [1-9a-f] ]] && tap_r=0 || tap_r=1
	ok "$tap_r" "microvm, no device: getrandom still gives bytes (RDRAND)"
else
	ok 1 "kvm-x86_64: the app builds"
	sed 's/^/#   /' "$TMP/x86.log" | tail -20
	skip "no image" 39
fi

BOOT_TARGET=kvm-arm64
if kbuild "$app" "$TMP/arm64" CONFIG_LIBUKDEBUG_PRINTK_INFO=y; then
	ok 0 "kvm-arm64: the app builds"
	QEMU_ARGS="$mmio_v2 -device virtio-rng-device -device virtio-rng-device" BOOT_TIMEOUT=60 boot "$TMP/arm64/virtio_kvm-arm64" a b
	rng_checks arm64 'mmio 0xa00[0-3][0-9a-f]00'
	QEMU_ARGS="-device virtio-rng-device" BOOT_TIMEOUT=60 boot "$TMP/arm64/virtio_kvm-arm64"
	like "$boot_out" 'mmio 0xa003e00 \(type 4\) is a version 1 transport, not driven' "arm64: a legacy transport is named, not driven"
else
	ok 1 "kvm-arm64: the app builds"
	skip "no image" 10
fi
exit $((tap_failed > 0))
