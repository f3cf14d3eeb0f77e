#!/usr/bin/env bash
# examples/httpd as a Linux program on the host (musl-gcc -static, as
# the bench's Linux guest runs it; and gcc with AddressSanitizer and
# UBSan, which turn a memory error on hostile input into a failure):
# tests/lib/httpd.sh's checks against it, with a files directory, and
# its start line and its refusals of bad arguments.
source "$(dirname "$0")/lib/tap.sh"
source "$(dirname "$0")/lib/httpd.sh"
for tool in musl-gcc curl; do
	if ! command -v "$tool" >/dev/null; then
		echo "1..0 # SKIP no $tool (support/scripts/deps --test)"
		exit 0
	fi
done
src=$KILN/examples/httpd/main.c
check "httpd builds with musl-gcc -static, no warnings" \
	bash -c "musl-gcc -static -O2 -pthread -Wall -Wextra -Werror -o '$TMP/httpd' '$src'"
sanitized=0
gcc -O1 -g -pthread -fsanitize=address,undefined -fno-sanitize-recover=all \
	-o "$TMP/httpd-san" "$src" 2>/dev/null && sanitized=1

# free_port: a TCP port nothing listens on now.
free_port() {
	perl -MSocket -e 'socket(my $s, PF_INET, SOCK_STREAM, 0); bind($s, pack_sockaddr_in(0, INADDR_ANY));
		print((unpack_sockaddr_in(getsockname($s)))[0], "\n")'
}
# serve BINARY ARGS...: start it; sets srv (its pid) and log.
serve() {
	log=$TMP/log.$RANDOM
	"$@" >"$log" 2>&1 &
	srv=$!
	for ((i = 0; i < 100; i++)); do
		grep -q '^httpd: listening' "$log" && return 0
		sleep 0.05
	done
	return 1
}
# ended NAME: the server still ran, then stopped on SIGTERM; its log has
# nothing but the start line (no sanitizer report).
ended() {
	check "$1: still running at the end" kill -0 "$srv"
	kill "$srv" 2>/dev/null || true
	wait "$srv" 2>/dev/null || true
	is "$(cat "$log")" "httpd: listening on port $port" "$1: its only line is the start line"
}

httpd_files "$TMP/www"
port=$(free_port)
serve "$TMP/httpd" "$port" "$TMP/www"
is "$(cat "$log")" "httpd: listening on port $port" "musl: one line at start"
httpd_checks musl 127.0.0.1 "$port" "$TMP/www"
ended musl

if [ "$sanitized" = 1 ]; then
	port=$(free_port)
	serve "$TMP/httpd-san" "$TMP/www" "$port"
	httpd_checks "ASan+UBSan (DIR before PORT)" 127.0.0.1 "$port" "$TMP/www"
	ended "ASan+UBSan"
else
	skip "gcc cannot build with -fsanitize=address,undefined" 28
fi

# No directory: the fixed pages only, other paths 404.
port=$(free_port)
serve "$TMP/httpd" "$port"
is "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/a.txt")" 404 \
	"no directory: files are 404"
is "$(curl -s "http://127.0.0.1:$port/hello")" "$httpd_hello" "no directory: /hello"
ended "no directory"

# Bad arguments: one line, status 1.
for a in 0 70000 "$TMP/nope"; do
	rc=0
	out=$("$TMP/httpd" "$a" 2>&1) || rc=$?
	is "$rc $(wc -l <<<"$out")" "1 1" "httpd $a: status 1, one line ($out)"
done
port=$(free_port)
serve "$TMP/httpd" "$port"
rc=0
out=$("$TMP/httpd" "$port" 2>&1) || rc=$?
is "$rc:$out" "1:httpd: port $port: Address in use" "a port in use: status 1, one line"
kill "$srv"
plan "$tap_n"
