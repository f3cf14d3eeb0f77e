#!/usr/bin/env bash
# lib/ukvirtio's virtio-net driver (uk/netdev.h, docs/virtio.md):
# tests/apps/net talks to QEMU's user network (slirp) with frames built
# by hand: an ARP request for the gateway (slirp's MAC comes back), a
# DHCP DISCOVER (slirp offers 10.0.2.15), a frame one byte too long
# (-EMSGSIZE), a receive that does not wait, and 4 threads sending 50
# ARP requests each at once (every one answered), then 50 UDP round
# trips through slirp to an echo server on the host (answered from
# slirp's own loop: the guest waits for each, woken by the device's
# interrupt). Booted on pc (virtio-net-pci, MSI-X; also with
# host_mtu=9000), microvm (virtio-net-device on virtio-mmio version 2,
# I/O APIC lines; with ACPI and with acpi=off) and arm64 virt (GIC
# SPIs); once with CONFIG_LIBUKVIRTIO_IRQ off (polled); without a
# network device uk_netdev_get(0) is NULL.
source "$(dirname "$0")/lib/tap.sh"

plan 42

app=$KILN/tests/apps/net
user="-netdev user,id=n0"
mmio="-global virtio-mmio.force-legacy=false $user -device virtio-net-device,netdev=n0"

# A UDP echo server on the host's loopback (slirp's 10.0.2.2), gone
# with the test.
perl -MIO::Socket::INET -e '
	my $s = IO::Socket::INET->new(LocalAddr => "127.0.0.1",
		LocalPort => 0, Proto => "udp") or die "udp: $!\n";
	print $s->sockport, "\n";
	close STDOUT;
	my $b;
	while (my $peer = $s->recv($b, 2048)) { $s->send($b, 0, $peer) }
' >"$TMP/port" &
echo_pid=$!
trap 'kill $echo_pid 2>/dev/null; rm -rf "$TMP"' EXIT
for _ in $(seq 50); do [ -s "$TMP/port" ] && break; sleep 0.1; done
port=$(cat "$TMP/port")

# net_checks NAME TRANSPORT-REGEX MTU HOW: the checks of a boot with one
# network device at TRANSPORT-REGEX, completions HOW (a regex).
net_checks() {
	local name=$1 tr=$2 mtu=$3 how=$4
	is "$boot_rc" 0 "$name: status 0"
	like "$boot_out" "Info .*virtio-net: $tr mac 52:54:00:12:34:56 mtu $mtu" "$name: the driver names its device, MAC and MTU at boot"
	like "$boot_out" '^arp: 10\.0\.2\.2 is at 52:55:0a:00:02:02$' "$name: slirp answers the ARP request with its MAC"
	like "$boot_out" '^dhcp offer: 10\.0\.2\.15$' "$name: slirp offers 10.0.2.15 to the DHCP DISCOVER"
	like "$boot_out" '^4 threads: 200 sent, 0 failed, 200 replies$' "$name: 4 threads send at once, every request answered"
	like "$boot_out" "Info .*virtio: $tr: completions $how" "$name: the boot line says how completions come: $how"
	like "$boot_out" '^udp round trips: 50 of 50 ' "$name: 50 UDP round trips to the host's echo server"
}

BOOT_TARGET=kvm-x86_64
if kbuild "$app" "$TMP/x86" CONFIG_LIBUKDEBUG_PRINTK_INFO=y; then
	img=$TMP/x86/net_kvm-x86_64
	ok 0 "kvm-x86_64: the app builds"
	QEMU_MACHINE=pc QEMU_ARGS="$user -device virtio-net-pci,netdev=n0" boot "$img" udp "$port" 50
	net_checks pc 'pci 0000:00:0[0-9a-f]\.0' 1500 'by interrupt \(MSI-X\)' 
	like "$boot_out" '^recv, no wait: 0$' "pc: a receive that may not wait returns 0 at once"
	like "$boot_out" '^mtu \+ 15 bytes: EMSGSIZE$' "pc: a frame longer than mtu + 14: -EMSGSIZE"
	QEMU_MACHINE=pc QEMU_ARGS="$user -device virtio-net-pci,netdev=n0,host_mtu=9000" boot "$img"
	like "$boot_out" '^netdev: .* mtu 9000$' "pc, host_mtu=9000: the device's MTU (VIRTIO_NET_F_MTU)"
	like "$boot_out" '^mtu \+ 15 bytes: EMSGSIZE$' "pc, host_mtu=9000: 9015 bytes: -EMSGSIZE"
	for m in microvm microvm,acpi=off; do
		QEMU_MACHINE=$m QEMU_ARGS="$mmio" boot "$img" udp "$port" 50
		net_checks "$m" 'mmio 0xfeb0[0-2][0-9a-f]00' 1500 'by interrupt \(line [0-9]+\)'
	done
	QEMU_MACHINE=microvm boot "$img"
	like "$boot_out" '^netdev: none$' "microvm, no device: uk_netdev_get(0) is NULL"
else
	ok 1 "kvm-x86_64: the app builds"
	sed 's/^/#   /' "$TMP/x86.log" | tail -20
	skip "no image" 26
fi

if kbuild "$app" "$TMP/poll" CONFIG_LIBUKDEBUG_PRINTK_INFO=y '# CONFIG_LIBUKVIRTIO_IRQ is not set'; then
	QEMU_MACHINE=microvm QEMU_ARGS="$mmio" boot "$TMP/poll/net_kvm-x86_64" udp "$port" 50
	net_checks "microvm, polled" 'mmio 0xfeb0[0-2][0-9a-f]00' 1500 'polled \(CONFIG_LIBUKVIRTIO_IRQ off\)'
else
	skip "no image without CONFIG_LIBUKVIRTIO_IRQ" 7
fi

BOOT_TARGET=kvm-arm64
if kbuild "$app" "$TMP/arm64" CONFIG_LIBUKDEBUG_PRINTK_INFO=y; then
	ok 0 "kvm-arm64: the app builds"
	QEMU_ARGS="$mmio" BOOT_TIMEOUT=60 boot "$TMP/arm64/net_kvm-arm64" udp "$port" 50
	net_checks arm64 'mmio 0xa00[0-3][0-9a-f]00' 1500 'by interrupt \(line [0-9]+\)'
else
	ok 1 "kvm-arm64: the app builds"
	skip "no image" 7
fi
exit $((tap_failed > 0))
