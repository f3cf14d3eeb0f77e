# SPDX-License-Identifier: BSD-3-Clause
# shellcheck shell=bash
# Checks of examples/httpd from the host, wherever it runs (sourced after
# tap.sh): httpd_checks NAME HOST PORT [FILES] talks HTTP to HOST:PORT
# with curl and perl: the pages byte for byte, HEAD, 404, 405, garbage
# (400) and an oversized head (431), pipelining, 1,000 sequential
# requests on one connection and 1,000 on a connection each, 50
# concurrent connections, peers that reset mid-request, an idle
# connection closed; the server answering after each. FILES is the
# directory the server serves (its a.txt and big.bin are checked).

# The fixed pages, as examples/httpd/main.c has them.
httpd_page='<!DOCTYPE html>
<html><head><title>Kiln httpd</title></head>
<body><h1>Hello from Kiln'"'"'s httpd</h1></body></html>'
httpd_hello='Hello, world!'

# httpd_files DIR: a directory for the server (a.txt, big.bin of 300 KB).
httpd_files() {
	mkdir -p "$1"
	echo "a file" >"$1/a.txt"
	head -c 300000 /dev/urandom >"$1/big.bin"
}

# raw HOST PORT PERL-CODE: runs the code with $s a connected socket and
# sub all() reading to the end (60 s at most).
raw() {
	# shellcheck disable=SC2016 # perl's variables
	timeout 60 perl -MIO::Socket::INET -MSocket -e '
		my ($h, $p, $code) = @ARGV;
		sub conn { IO::Socket::INET->new(PeerAddr => $h, PeerPort => $p) or die "connect: $!\n" }
		sub all { my $s = shift; local $/; my $r = <$s>; defined $r ? $r : "" }
		sub first { (split /\r\n/, $_[0])[0] // "" }
		sub reset_close { setsockopt($_[0], SOL_SOCKET, SO_LINGER, pack("ii", 1, 0)); close $_[0] }
		our $s = conn();
		eval $code; die $@ if $@;' "$@"
}

httpd_checks() {
	local n=$1 h=$2 p=$3 files=${4:-} url="http://$2:$3" got i
	is "$(curl -sS --max-time 30 "$url/")" "$httpd_page" "$n: GET / byte for byte"
	got=$(curl -sS --max-time 30 -D - -o "$TMP/hello.body" "$url/hello" | tr -d '\r')
	is "$(cat "$TMP/hello.body")" "$httpd_hello" "$n: GET /hello"
	like "$got" '^Content-Length: 14$' "$n: its Content-Length"
	like "$got" '^Connection: keep-alive$' "$n: keep-alive by default (HTTP/1.1)"
	got=$(curl -sS --max-time 30 -I "$url/hello" | tr -d '\r')
	like "$got" '^HTTP/1.1 200 OK$' "$n: HEAD /hello"
	like "$got" '^Content-Length: 14$' "$n: HEAD's Content-Length, no body"
	is "$(curl -s --max-time 30 -o /dev/null -w '%{http_code}' "$url/no/such/page")" 404 "$n: 404"
	got=$(curl -s --max-time 30 -X POST -d x -D - -o /dev/null "$url/" | tr -d '\r')
	like "$got" '^HTTP/1.1 405 ' "$n: POST is 405"
	like "$got" '^Allow: GET, HEAD$' "$n: with Allow"
	is "$(raw "$h" "$p" 'print $s "GET / HTTP/1.0\r\n\r\n"; print all($s) =~ /Connection: close/ ? "closed" : "kept"')" \
		closed "$n: HTTP/1.0 closes"
	is "$(raw "$h" "$p" 'print $s "\x00\xff\x01 garbage\r\n\r\n"; print first(all($s))')" \
		"HTTP/1.1 400 Bad Request" "$n: garbage is 400"
	is "$(raw "$h" "$p" 'print $s "GET / HTTP/1.1\r\nno colon\r\n\r\n"; print first(all($s))')" \
		"HTTP/1.1 400 Bad Request" "$n: a header without a colon is 400"
	is "$(raw "$h" "$p" 'print $s "GET / HTTP/3.0\r\n\r\n"; print first(all($s))')" \
		"HTTP/1.1 400 Bad Request" "$n: another version is 400"
	is "$(raw "$h" "$p" 'print $s "GET /" . "a" x 9000; print first(all($s))')" \
		"HTTP/1.1 431 Request Header Fields Too Large" "$n: a head over 8 KiB is 431"
	is "$(raw "$h" "$p" 'open my $r, "<", "/dev/urandom"; read $r, my $g, 20000;
		syswrite $s, $g; print all($s) =~ /^HTTP\/1.1 4\d\d / ? "4xx" : "none"')" 4xx \
		"$n: 20 KB of random bytes: a 4xx"
	is "$(raw "$h" "$p" 'print $s "GET /hello HTTP/1.1\r\n\r\nHEAD /hello HTTP/1.1\r\n\r\nGET / HTTP/1.1\r\nConnection: close\r\n\r\n";
		my $r = all($s); my @c = $r =~ /HTTP\/1.1 200 OK/g; print scalar(@c), " ", $r =~ /Hello, world!\n.*<!DOCTYPE/s ? "in order" : "?"')" \
		"3 in order" "$n: three pipelined requests answered in order"
	# 1,000 sequential requests on one connection (curl reuses it) and
	# 1,000 on a connection each.
	got=$(for ((i = 0; i < 1000; i++)); do echo "url = \"$url/hello\""; done |
		curl -sS --max-time 300 -K - | grep -c "^$httpd_hello\$" || true)
	is "$got" 1000 "$n: 1,000 sequential requests on one keep-alive connection"
	is "$(raw "$h" "$p" 'my $ok = 0; for (1 .. 1000) { my $c = conn();
		print $c "GET /hello HTTP/1.1\r\nConnection: close\r\n\r\n";
		$ok++ if all($c) =~ /\r\n\r\nHello, world!\n\z/ } print $ok')" 1000 \
		"$n: 1,000 sequential requests, a connection each"
	# 50 at once: 50 connections open together, then a request on each,
	# then every response read. HTTPD_RAMP (seconds, default 0) spaces
	# the connects: QEMU's user network accepts forwarded connections
	# from a listen backlog of 1, so a burst of connects waits out the
	# host's SYN retries (1 s, 3 s, ...) whatever the guest.
	local what=hello
	[ -z "$files" ] || what=big.bin
	got=$(raw "$h" "$p" 'use Time::HiRes qw(sleep); my @c;
		for (1 .. 50) { push @c, conn(); sleep '"${HTTPD_RAMP:-0}"' }
		print $_ "GET /'"$what"' HTTP/1.1\r\nConnection: close\r\n\r\n" for @c;
		open my $f, "<", $ARGV[3] or die; my $want = do { local $/; <$f> };
		my $ok = 0; for my $c (@c) { my $r = all($c); $r =~ s/^.*?\r\n\r\n//s; $ok++ if $r eq $want }
		print $ok' "$(if [ -n "$files" ]; then echo "$files/big.bin"; else echo "$httpd_hello" >"$TMP/hello.want"; echo "$TMP/hello.want"; fi)")
	is "$got" 50 "$n: 50 concurrent connections, every response complete ($what)"
	# Peers that reset: mid-head, and mid-response.
	check "$n: 20 peers reset mid-head, one mid-response" raw "$h" "$p" 'for (1 .. 20) { my $c = conn(); print $c "GET /hel"; reset_close($c) }
		print $s "GET /'"${files:+big.bin}"' HTTP/1.1\r\n\r\n"; sysread $s, my $x, 100; reset_close($s)'
	is "$(curl -sS --max-time 30 "$url/hello")" "$httpd_hello" "$n: still answers after 21 resets"
	if [ -n "$files" ]; then
		is "$(curl -sS --max-time 30 "$url/a.txt")" "a file" "$n: a file from the directory"
		curl -sS --max-time 60 -o "$TMP/big.got" "$url/big.bin"
		check "$n: 300 KB file byte for byte" cmp "$TMP/big.got" "$files/big.bin"
		is "$(curl -s --path-as-is --max-time 30 -o /dev/null -w '%{http_code}' "$url/../a.txt")" 404 \
			"$n: .. is 404"
		is "$(curl -s --path-as-is --max-time 30 -o /dev/null -w '%{http_code}' "$url//etc/passwd")" 404 \
			"$n: an absolute path is 404"
	else
		skip "no files directory" 4
	fi
	# An idle connection is closed by the server (10 s), not kept.
	is "$(raw "$h" "$p" 'my $t = time; print $s "GET /hello HTTP/1.1\r\n\r\n"; my $r = all($s);
		print $r =~ /Hello, world!\n\z/ && time - $t >= 8 ? "closed" : "early"')" closed \
		"$n: an idle keep-alive connection closed by the server after about 10 s"
	is "$(curl -sS --max-time 30 "$url/")" "$httpd_page" "$n: answers at the end"
}
