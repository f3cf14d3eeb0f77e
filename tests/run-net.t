#!/usr/bin/env bash
# make run's network (PORTS=, NET=; docs/running.md): the QEMU arguments
# the run script builds for each machine (a stand-in QEMU records them),
# QEMU itself booting with them on microvm, pc and arm64 (the probe app
# has no driver: the NIC is ignored), the forwarded port bound on the
# host while the guest runs, a TAP when root can make one, and every
# refusal: one "error:" line, 125, QEMU not started.
source "$(dirname "$0")/lib/tap.sh"

check "the probe app builds for kvm-x86_64" \
	kbuild "$KILN/tests/apps/probe" "$TMP/p"
img=$TMP/p/probe_kvm-x86_64

# A stand-in QEMU first on PATH: its arguments, one a line, in
# $TMP/qemu-args; it fails, so the run ends with 125 at once.
mkdir -p "$TMP/bin"
for q in qemu-system-x86_64 qemu-system-aarch64; do
	printf '#!/bin/sh\nprintf "%%s\\n" "$@" >"%s/qemu-args"\nexit 1\n' "$TMP" >"$TMP/bin/$q"
	chmod +x "$TMP/bin/$q"
done
# args_of TARGET [VAR=VALUE...]: the stand-in's arguments for a run with
# those settings, as one line ("-netdev user,... -device ...").
args_of() {
	local t=$1
	shift
	rm -f "$TMP/qemu-args"
	env PATH="$TMP/bin:$PATH" KVM=0 "$@" "$KILN/support/scripts/run" "$t" "$img" >/dev/null 2>&1 || true
	[ ! -e "$TMP/qemu-args" ] || paste -sd ' ' "$TMP/qemu-args"
}
# net_args TARGET [VAR=VALUE...]: only the network's part of them.
net_args() {
	args_of "$@" | grep -oE '(-global virtio-mmio[^ ]*|-netdev [^ ]*|-device virtio-net[^ ]*)' |
		paste -sd ' ' || true
}

is "$(net_args kvm-x86_64 PORTS=8080:80)" \
	"-global virtio-mmio.force-legacy=false -netdev user,id=kiln-net,hostfwd=tcp::8080-:80 -device virtio-net-device,netdev=kiln-net" \
	"microvm: user network, one forward, virtio-net-device on MMIO version 2"
is "$(net_args kvm-x86_64 PORTS=8080:80 QEMU_MACHINE=pc)" \
	"-netdev user,id=kiln-net,hostfwd=tcp::8080-:80 -device virtio-net-pci,netdev=kiln-net" \
	"pc: virtio-net-pci"
is "$(net_args kvm-x86_64 PORTS=8080:80 QEMU_MACHINE=q35)" \
	"-netdev user,id=kiln-net,hostfwd=tcp::8080-:80 -device virtio-net-pci,netdev=kiln-net" \
	"q35: virtio-net-pci"
is "$(net_args kvm-arm64 PORTS=8080:80)" \
	"-global virtio-mmio.force-legacy=false -netdev user,id=kiln-net,hostfwd=tcp::8080-:80 -device virtio-net-device,netdev=kiln-net" \
	"arm64 virt: virtio-net-device on MMIO version 2"
is "$(net_args kvm-x86_64 QEMU_MACHINE=pc PORTS=tcp:127.0.0.1:08081:80,udp:5353:53,8443:0443)" \
	"-netdev user,id=kiln-net,hostfwd=tcp:127.0.0.1:8081-:80,hostfwd=udp::5353-:53,hostfwd=tcp::8443-:443 -device virtio-net-pci,netdev=kiln-net" \
	"several forwards: tcp:/udp:, a bind address, leading zeros dropped"
is "$(net_args kvm-x86_64 PORTS=tcp:127.0.0.1:9000:80,tcp:127.0.0.2:9000:81 QEMU_MACHINE=pc)" \
	"-netdev user,id=kiln-net,hostfwd=tcp:127.0.0.1:9000-:80,hostfwd=tcp:127.0.0.2:9000-:81 -device virtio-net-pci,netdev=kiln-net" \
	"one host port on two addresses"
is "$(net_args kvm-x86_64 NET=user)" \
	"-global virtio-mmio.force-legacy=false -netdev user,id=kiln-net -device virtio-net-device,netdev=kiln-net" \
	"NET=user: the NIC, nothing forwarded"
is "$(net_args kvm-x86_64)" "" "no PORTS, no NET: no NIC"
is "$(net_args kvm-x86_64 NET=none)" "" "NET=none: no NIC"
mkdir -p "$TMP/share"
all=$(args_of kvm-x86_64 PORTS=8080:80 SHARE="$TMP/share")
is "$(grep -o 'virtio-mmio.force-legacy=false' <<<"${all// /$'\n'}" | wc -l)" 1 \
	"SHARE and PORTS on microvm: the -global once"
like "$all" "-device virtio-9p-device,fsdev=kiln-share,mount_tag=share -netdev user" \
	"and both devices"

# Refusals. refused NAME PATTERN [TARGET] VAR=VALUE...: one line, 125,
# QEMU never started.
refused() {
	local n=$1 pat=$2 t=kvm-x86_64 out rc=0
	shift 2
	if [[ $1 != *=* ]]; then t=$1; shift; fi
	rm -f "$TMP/qemu-args"
	out=$(env PATH="$TMP/bin:$PATH" KVM=0 "$@" "$KILN/support/scripts/run" "$t" "$img" 2>&1) || rc=$?
	is "$rc" 125 "$n: status 125"
	like "$out" "$pat" "$n: said so"
	is "$(wc -l <<<"$out")" 1 "$n: one line"
	check "$n: QEMU not started" test ! -e "$TMP/qemu-args"
}
refused "PORTS=abc" "^error: PORTS=abc: 'abc' is not \[tcp:\|udp:\]\[ADDR:\]HOST:GUEST \(as in 8080:80\)\$" PORTS=abc
refused "PORTS=8080" "is not \[tcp:" PORTS=8080
refused "PORTS=sctp:1:1" "'sctp:1:1' is not" PORTS=sctp:1:1
refused "host port 0" "^error: PORTS=0:80: host port 0 is not a port \(1-65535\)\$" PORTS=0:80
refused "guest port 0" "guest port 0 is not a port" PORTS=8080:0
refused "port 65536" "guest port 65536 is not a port" PORTS=8080:65536
refused "port 99999999999999999999" "host port 99999999999999999999 is not a port" PORTS=99999999999999999999:80
refused "an empty entry" "^error: PORTS=8080:80,: an empty entry" PORTS=8080:80,
refused "a bad address" "^error: PORTS=300.0.0.1:8080:80: 300.0.0.1 is not an IPv4 address\$" PORTS=300.0.0.1:8080:80
refused "an address not the host's" "cannot listen on host port 8080 \(tcp\) on 192.0.2.1: Cannot assign requested address" \
	PORTS=192.0.2.1:8080:80
refused "a host port twice" "host port 8080 \(tcp\) is forwarded twice" PORTS=8080:80,127.0.0.1:8080:81
refused "PORTS with NET=none" "forwarded ports need NET=user" PORTS=8080:80 NET=none
refused "PORTS with NET=tap" "with NET=tap:tap0 the guest is reached at its own address" PORTS=8080:80 NET=tap:tap0
refused "NET=bogus" "^error: NET=bogus: not none, user or tap:IFNAME\$" NET=bogus
refused "a TAP that is not there" "^error: NET=tap:kiln-nope: no such network interface \(make one: ip tuntap add" NET=tap:kiln-nope
refused "a TAP name with a comma" "is no interface name" NET=tap:a,b
refused "lo as a TAP" "lo is not a TAP interface" NET=tap:lo
refused "PORTS on Xen" "^error: PORTS=8080:80: xen-x86_64 has no network device yet \(no netfront; PORTS and NET work on kvm-x86_64 and kvm-arm64\)\$" \
	xen-x86_64 PORTS=8080:80
refused "NET=user on Xen" "^error: NET=user: xen-x86_64 has no network device yet" xen-x86_64 NET=user

# A host port in use: a listener of the test's own on a free port.
exec {lst}< <(exec perl -MSocket -e '
	socket(my $s, PF_INET, SOCK_STREAM, 0) or die;
	setsockopt($s, SOL_SOCKET, SO_REUSEADDR, 1);
	bind($s, pack_sockaddr_in(0, INADDR_ANY)) && listen($s, 5) or die;
	print((unpack_sockaddr_in(getsockname($s)))[0], "\n");
	close STDOUT;
	sleep 60')
lst_pid=$!
read -r busy <&"$lst"
refused "a host port in use" "^error: PORTS=$busy:80: host port $busy \(tcp\) is in use\$" PORTS="$busy:80"
refused "a host port in use, on one address" "host port $busy \(tcp\) on 127.0.0.1 is in use" PORTS="127.0.0.1:$busy:80"
kill "$lst_pid"

# free_port: a TCP port nothing listens on now.
free_port() {
	perl -MSocket -e 'socket(my $s, PF_INET, SOCK_STREAM, 0); bind($s, pack_sockaddr_in(0, INADDR_ANY));
		print((unpack_sockaddr_in(getsockname($s)))[0], "\n")'
}

# The real QEMU takes these arguments: the probe boots and exits 3.
for m in microvm pc q35; do
	PORTS="127.0.0.1:$(free_port):80,udp:$(free_port):53" QEMU_MACHINE=$m boot "$img" exit 3
	is "$boot_rc $boot_err" "3 " "$m: QEMU boots with PORTS (status 3, no error)"
done
NET=user boot "$img" exit 4
is "$boot_rc $boot_err" "4 " "microvm: QEMU boots with NET=user"
SHARE=$TMP/share PORTS=$(free_port):80 boot "$img" exit 5
is "$boot_rc $boot_err" "5 " "microvm: with SHARE and PORTS"

# While the guest runs, QEMU listens on the forwarded port.
port=$(free_port)
PORTS=127.0.0.1:$port:80 BOOT_TIMEOUT=20 boot "$img" hang &
bg=$!
listening=1
for ((i = 0; i < 100; i++)); do
	ss -Htlnp "sport = :$port" 2>/dev/null | grep -q qemu-system && { listening=0; break; }
	sleep 0.1
done
ok "$listening" "QEMU listens on 127.0.0.1:$port while the guest runs"
pid=$(qemu_up "hostfwd=tcp:127.0.0.1:$port-:80") && kill -TERM "$pid"
wait "$bg" || true
is "$(procs_left "hostfwd=tcp:127.0.0.1:$port-")" "" "no QEMU left"

# arm64: QEMU's virt takes the device too.
if command -v aarch64-linux-gnu-gcc >/dev/null && command -v qemu-system-aarch64 >/dev/null &&
	BOOT_TARGET=kvm-arm64 kbuild "$KILN/tests/apps/probe" "$TMP/a"; then
	PORTS=127.0.0.1:$(free_port):80 BOOT_TARGET=kvm-arm64 BOOT_TIMEOUT=60 \
		boot "$TMP/a/probe_kvm-arm64" exit 3
	is "$boot_rc $boot_err" "3 " "arm64: QEMU boots with PORTS"
else
	skip "no arm64 tools (support/scripts/deps kvm-arm64)"
fi

# TAP: root makes one (down, no address: the host's network is not
# touched), QEMU attaches to it, the interface is removed again.
tap=kilnt$$
tap=${tap:0:15}
if [ "$(id -u)" = 0 ] && [ -c /dev/net/tun ] && ip tuntap add dev "$tap" mode tap 2>/dev/null; then
	is "$(net_args kvm-x86_64 NET="tap:$tap" QEMU_MACHINE=pc)" \
		"-netdev tap,id=kiln-net,ifname=$tap,script=no,downscript=no -device virtio-net-pci,netdev=kiln-net" \
		"NET=tap: QEMU's tap netdev, no scripts"
	NET=tap:$tap boot "$img" exit 6
	is "$boot_rc $boot_err" "6 " "microvm: QEMU boots on the TAP"
	ip link del "$tap"
else
	skip "TAP: needs root and /dev/net/tun" 2
fi
plan "$tap_n"
