#!/usr/bin/env bash
# A second make right after a build starts no process at all.
source "$(dirname "$0")/lib/tap.sh"
plan 5

out=$TMP/build
export C=$TMP/config
check "helloworld builds" kmake O="$out" C="$C"
is "$(kmake O="$out" C="$C" 2>&1 | compiled | wc -l)" 0 "second make compiles nothing"
strace -f -qq -e trace=execve -o "$TMP/trace" make -s -C "$KILN" O="$out" C="$C" >/dev/null
execs=$(grep -c 'execve(' "$TMP/trace")
is "$execs" 1 "no-op make runs no command (only make itself is exec'd)"

# The same with fetched sources (examples/httpd: lwIP's archive).
check "examples/httpd (lwIP, fetched) builds" \
	kmake A="$KILN/examples/httpd" O="$TMP/httpd" C="$TMP/httpd.config"
strace -f -qq -e trace=execve -o "$TMP/trace2" make -s -C "$KILN" \
	A="$KILN/examples/httpd" O="$TMP/httpd" C="$TMP/httpd.config" >/dev/null
is "$(grep -c 'execve(' "$TMP/trace2")" 1 "examples/httpd: a no-op make runs no command either"
