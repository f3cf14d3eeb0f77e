#!/usr/bin/env bash
# helloworld boots through PVH (microvm and pc) and multiboot (pc), under
# TCG and, where it works, KVM; with little memory; with quoted arguments.
source "$(dirname "$0")/lib/tap.sh"
plan 15

hello=$KILN/examples/helloworld
check "helloworld builds (PVH only, the default)" kbuild "$hello" "$TMP/pvh"
check "helloworld builds with the multiboot header" \
	kbuild "$hello" "$TMP/mb" CONFIG_KVM_MULTIBOOT=y
pvh=$TMP/pvh/helloworld_kvm-x86_64
mb=$TMP/mb/helloworld_kvm-x86_64

# boots NAME IMAGE: the image greets, prints its arguments and exits 0.
boots() {
	like "$boot_out" '^Hello world!' "$1: prints Hello world!"
	is "$boot_rc" 0 "$1: exit code 0"
}

QEMU_MACHINE=microvm boot "$pvh" one
boots "TCG microvm PVH"
QEMU_MACHINE=pc boot "$pvh" one
boots "TCG pc PVH"
BOOT=multiboot QEMU_MACHINE=pc boot "$mb" one
boots "TCG pc multiboot"
like "$boot_out" '^argv\[1\]: one$' "the argument arrives in argv[1]"

MEM=4M boot "$pvh"
boots "TCG microvm PVH with -m 4M"

if kvm_works; then
	KVM=1 QEMU_MACHINE=microvm boot "$pvh"
	boots "KVM microvm PVH"
	KVM=1 BOOT=multiboot QEMU_MACHINE=pc boot "$mb"
	boots "KVM pc multiboot"
else
	skip "KVM does not work on this machine" 4
fi
