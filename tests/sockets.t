#!/usr/bin/env bash
# Sockets (lib/lwip): tests/apps/sockets's checks (TCP and UDP over
# 127.0.0.1: connect/accept4, options, MSG_PEEK/DONTWAIT/TRUNC, FIONREAD,
# timeouts, shutdown, EPIPE, ECONNREFUSED, non-blocking connect and
# accept, poll, epoll level- and edge-triggered) pass on this host's
# Linux and in the image, each check a test; the lease's DNS server in
# /etc/resolv.conf; DHCP and static addresses; and an image booted
# without a NIC says so in one line, socket() failing with ENETDOWN.
source "$(dirname "$0")/lib/tap.sh"

app=$KILN/tests/apps/sockets

# checks NAME TEXT: one test per "sockets: CHECK ok|FAIL" line, then
# the summary.
checks() {
	local line
	while IFS= read -r line; do
		case "$line" in
		"sockets: "*" ok") ok 0 "$1: ${line#sockets: }" ;;
		"sockets: "*" FAIL "*) ok 1 "$1: ${line#sockets: }" ;;
		esac
	done <<<"$2"
	like "$2" '^sockets: 52 checks, 0 failed$' "$1: all 52 checks ran and passed"
}

if command -v musl-gcc >/dev/null && musl-gcc -O2 -static -pthread -o "$TMP/host" "$app/main.c" 2>"$TMP/host.log"; then
	checks "Linux (the host)" "$("$TMP/host" 2>&1)"
else
	skip "no musl-gcc to build the checks for the host" 53
fi

check "kvm-x86_64: the sockets app builds" kbuild "$app" "$TMP/x"
img=$TMP/x/sockets_kvm-x86_64
NET=user boot "$img"
checks "kvm-x86_64 microvm" "$boot_out"
is "$boot_rc" 0 "kvm-x86_64 microvm: exit status 0"

QEMU_MACHINE=pc NET=user boot "$img"
like "$boot_out" '^sockets: 52 checks, 0 failed$' "kvm-x86_64 pc: all 52 checks pass"

NET=user boot "$img" resolv
is "$boot_out" "resolv: nameserver 10.0.2.3" "DHCP's DNS server (QEMU's) is in /etc/resolv.conf"

boot "$img" nonic
like "$boot_out" 'lwip: no network device \(virtio-net: make run PORTS= or NET=user gives QEMU one\): sockets fail with ENETDOWN$' \
	"no NIC: one boot line says so"
like "$boot_out" '^nonic: socket = -1 Network is down$' "no NIC: socket() fails with ENETDOWN"
is "$boot_rc" 0 "no NIC: the program goes on to exit 0"

# Addresses: DHCP's, or the kernel word kiln.ip= (docs/network.md); the
# boot's info line names which.
check "kvm-x86_64: the sockets app builds with info messages" \
	kbuild "$app" "$TMP/i" CONFIG_LIBUKDEBUG_PRINTK_INFO=y
img=$TMP/i/sockets_kvm-x86_64
NET=user boot "$img" nonic
like "$boot_out" 'lwip: en0 10\.0\.2\.15/24 gateway 10\.0\.2\.2 \(DHCP\) on mmio ' \
	"DHCP: QEMU's address, prefix and gateway"
like "$boot_out" '^nonic: bind = 0 ' "DHCP: a socket binds port 80"
KILN_CMDLINE="kiln.ip=10.0.2.15/25,10.0.2.2 -- nonic" NET=user boot "$img"
like "$boot_out" 'lwip: en0 10\.0\.2\.15/25 gateway 10\.0\.2\.2 \(kiln\.ip\) on mmio ' \
	"kiln.ip=ADDR/PREFIX,GATEWAY: that address"
KILN_CMDLINE="kiln.ip=10.0.2.300/24 -- nonic" NET=user boot "$img"
like "$boot_out" 'lwip: kiln\.ip=10\.0\.2\.300/24: not ADDR/PREFIX\[,GATEWAY\]; using DHCP$' \
	"a malformed kiln.ip=: one line, then DHCP"
like "$boot_out" '\(DHCP\) on mmio ' "a malformed kiln.ip=: DHCP's address"

if [ -f /usr/lib/aarch64-linux-musl/libc.a ] && command -v aarch64-linux-gnu-gcc >/dev/null; then
	BOOT_TARGET=kvm-arm64
	check "kvm-arm64: the sockets app builds" kbuild "$app" "$TMP/a"
	BOOT_TIMEOUT=90 NET=user boot "$TMP/a/sockets_kvm-arm64"
	like "$boot_out" '^sockets: 52 checks, 0 failed$' "kvm-arm64: all 52 checks pass"
else
	skip "no arm64 cross compiler or musl-dev:arm64" 2
fi
plan "$tap_n"
