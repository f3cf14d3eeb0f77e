#!/usr/bin/env bash
# A second make right after a build starts no process at all.
source "$(dirname "$0")/lib/tap.sh"
plan 3

out=$TMP/build
export C=$TMP/config
check "helloworld builds" kmake O="$out" C="$C"
is "$(kmake O="$out" C="$C" 2>&1 | compiled | wc -l)" 0 "second make compiles nothing"
strace -f -qq -e trace=execve -o "$TMP/trace" make -s -C "$KILN" O="$out" C="$C" >/dev/null
execs=$(grep -c 'execve(' "$TMP/trace")
is "$execs" 1 "no-op make runs no command (only make itself is exec'd)"
