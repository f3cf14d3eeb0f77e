#!/usr/bin/env bash
# examples/httpd and examples/rust-http in Kiln images, served to the
# host through make run's PORTS= (QEMU's user network): tests/lib/
# httpd.sh's checks (pages byte for byte, garbage, pipelining, 1,000
# sequential requests, 50 concurrent connections, resets mid-request, an
# idle close) against httpd on microvm with files from the initrd; a
# shorter set on pc and arm64; rust-http's pages; and, as root with a
# TAP device, 50 connections opened in one burst straight to the guest.
# The guest is still running and printed nothing unexpected at the end.
source "$(dirname "$0")/lib/tap.sh"
source "$(dirname "$0")/lib/httpd.sh"
command -v curl >/dev/null || { echo "1..0 # SKIP no curl"; exit 0; }

free_port() {
	perl -MSocket -e 'socket(my $s, PF_INET, SOCK_STREAM, 0); bind($s, pack_sockaddr_in(0, INADDR_ANY));
		print((unpack_sockaddr_in(getsockname($s)))[0], "\n")'
}
# start NAME IMAGE [VAR=VALUE...] -- ARGS...: boots it in the background
# (TCG, at most 20 min) until its start line; sets guest (pid), console.
start() {
	local name=$1 img=$2 i
	shift 2
	local env=()
	while [ "$1" != -- ]; do env+=("$1"); shift; done
	shift
	console=$TMP/console.$name
	env TIMEOUT=1200 KVM=0 "${env[@]}" "$KILN/support/scripts/run" "${BOOT_TARGET:-kvm-x86_64}" "$img" "$@" >"$console" 2>&1 &
	guest=$!
	for ((i = 0; i < 600; i++)); do
		grep -q 'listening on port' "$console" && return 0
		kill -0 "$guest" 2>/dev/null || break
		sleep 0.1
	done
	return 1
}
# stop NAME: the guest still ran, and its console has no error line.
stop() {
	check "$1: the guest still runs at the end" kill -0 "$guest"
	unlike "$(cat "$console")" 'ERR|CRIT|crash|error:' "$1: nothing went wrong on its console"
	kill "$guest" 2>/dev/null || true
	wait "$guest" 2>/dev/null || true
}

check "examples/httpd builds for kvm-x86_64" kbuild "$KILN/examples/httpd" "$TMP/x"
httpd_files "$TMP/root/www"
HTTPD_RAMP=0.005	# see tests/lib/httpd.sh: QEMU's user network's backlog

port=$(free_port)
check "microvm: httpd starts" start microvm "$TMP/x/httpd_kvm-x86_64" \
	PORTS="$port:80" INITRD="$TMP/root" -- 80 /www
httpd_checks "microvm" 127.0.0.1 "$port" "$TMP/root/www"
stop microvm

port=$(free_port)
check "pc: httpd starts" start pc "$TMP/x/httpd_kvm-x86_64" \
	QEMU_MACHINE=pc PORTS="$port:80" --
is "$(curl -sS --max-time 30 "http://127.0.0.1:$port/")" "$httpd_page" "pc: GET / byte for byte"
is "$(for ((i = 0; i < 200; i++)); do echo "url = \"http://127.0.0.1:$port/hello\""; done |
	curl -sS --max-time 120 -K - | grep -c "^$httpd_hello\$")" 200 "pc: 200 sequential requests"
stop pc

# A burst straight to the guest over a TAP (no user network between):
# root only, as creating the device is.
tap=kilntap$$
if [ "$(id -u)" = 0 ] && ip tuntap add dev "$tap" mode tap 2>/dev/null; then
	ip addr add 192.168.213.1/24 dev "$tap" && ip link set "$tap" up
	check "TAP: httpd starts with kiln.ip=" start tap "$TMP/x/httpd_kvm-x86_64" \
		NET="tap:$tap" KILN_CMDLINE="kiln.ip=192.168.213.2/24 --" -- 80
	got=$(raw 192.168.213.2 80 'my @c; push @c, conn() for 1 .. 50;
		print $_ "GET /hello HTTP/1.1\r\nConnection: close\r\n\r\n" for @c;
		my $ok = 0; for my $c (@c) { $ok++ if all($c) =~ /\r\n\r\nHello, world!\n\z/ } print $ok')
	is "$got" 50 "TAP: 50 connections opened at once, 50 complete responses"
	stop tap
	ip tuntap del dev "$tap" mode tap
else
	skip "not root, or no TAP device here" 4
fi

# rust-http's page, as examples/rust-http/src/lib.rs has it.
rust_page='<!DOCTYPE html>
<html><body><h1>Hello from Kiln</h1><p>Rust std::net on lwIP.</p></body></html>'
check "examples/rust-http builds" kbuild "$KILN/examples/rust-http" "$TMP/r"
port=$(free_port)
check "rust-http starts" start rust "$TMP/r/rust-http_kvm-x86_64" PORTS="$port:80" --
is "$(curl -sS --max-time 30 "http://127.0.0.1:$port/")" "$rust_page" "rust-http: GET / byte for byte"
is "$(curl -s --max-time 30 -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/nope")" 404 "rust-http: 404"
is "$(raw 127.0.0.1 "$port" 'print $s "garbage\r\n\r\n"; print first(all($s))')" \
	"HTTP/1.1 400 Bad Request" "rust-http: garbage is 400"
is "$(for ((i = 0; i < 1000; i++)); do echo "url = \"http://127.0.0.1:$port/hello\""; done |
	curl -sS --max-time 300 -K - | grep -c '<h1>Hello from Kiln</h1>')" 1000 \
	"rust-http: 1,000 sequential requests on one keep-alive connection"
check "rust-http: 20 peers reset mid-head" raw 127.0.0.1 "$port" \
	'for (1 .. 20) { my $c = conn(); print $c "GET /hel"; reset_close($c) }'
got=$(raw 127.0.0.1 "$port" 'use Time::HiRes qw(sleep); my @c; for (1 .. 50) { push @c, conn(); sleep 0.005 }
	print $_ "GET /hello HTTP/1.1\r\nConnection: close\r\n\r\n" for @c;
	my $ok = 0; for my $c (@c) { $ok++ if all($c) =~ /Rust std::net on lwIP/ } print $ok')
is "$got" 50 "rust-http: 50 concurrent connections, 50 complete responses"
stop rust

port=$(free_port)
check "pc: rust-http starts" start rustpc "$TMP/r/rust-http_kvm-x86_64" QEMU_MACHINE=pc PORTS="$port:80" --
is "$(curl -sS --max-time 30 "http://127.0.0.1:$port/")" "$rust_page" "pc: rust-http: GET / byte for byte"
stop rustpc

if [ -f /usr/lib/aarch64-linux-musl/libc.a ] && command -v qemu-system-aarch64 >/dev/null; then
	BOOT_TARGET=kvm-arm64
	check "examples/httpd builds for kvm-arm64" kbuild "$KILN/examples/httpd" "$TMP/a"
	port=$(free_port)
	check "arm64: httpd starts" start arm64 "$TMP/a/httpd_kvm-arm64" PORTS="$port:80" --
	is "$(curl -sS --max-time 30 "http://127.0.0.1:$port/")" "$httpd_page" "arm64: GET / byte for byte"
	is "$(raw 127.0.0.1 "$port" 'print $s "\x00\xff garbage\r\n\r\n"; print first(all($s))')" \
		"HTTP/1.1 400 Bad Request" "arm64: garbage is 400"
	stop arm64
	if [ -n "$("$KILN/support/scripts/rust-target" arm64)" ]; then
		check "examples/rust-http builds for kvm-arm64" kbuild "$KILN/examples/rust-http" "$TMP/ra"
		port=$(free_port)
		check "arm64: rust-http starts" start rustarm "$TMP/ra/rust-http_kvm-arm64" PORTS="$port:80" --
		is "$(curl -sS --max-time 30 "http://127.0.0.1:$port/")" "$rust_page" \
			"arm64: rust-http: GET / byte for byte"
		stop rustarm
	else
		skip "no Rust standard library for arm64 here" 5
	fi
else
	skip "no arm64 musl or QEMU" 11
fi
plan "$tap_n"
