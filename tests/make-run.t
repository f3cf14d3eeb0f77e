#!/usr/bin/env bash
# `make run`: builds if needed, boots, passes ARGS, returns the app's exit
# code; GDB=1 waits for gdb and prints how to attach.
source "$(dirname "$0")/lib/tap.sh"
plan 6

r=(-s -C "$KILN" A="$KILN/tests/apps/probe" O="$TMP/b" C="$TMP/c" KVM=0)
rc=0
out=$(make "${r[@]}" run ARGS="args 'two words' x" 2>&1) || rc=$?
like "$out" 'CC +appprobe/main.c.o' "make run builds first"
like "$(tr -d '\r' <<<"$out")" '^arg2=<two words>$' "ARGS reach main() with their quoting"
is "$rc" 0 "exit code 0"
rc=0
make "${r[@]}" run ARGS="exit 9" >/dev/null 2>&1 || rc=$?
is "$rc" 2 "a non-zero exit code from main fails make run (make exits 2)"

# GDB=1: QEMU waits for gdb on :1234; gdb attaches and lets it run.
make "${r[@]}" run GDB=1 ARGS="args attached" >"$TMP/gdb.out" 2>&1 &
pid=$!
for ((i = 0; i < 50; i++)); do grep -q "Waiting for gdb" "$TMP/gdb.out" && break; sleep 0.1; done
like "$(cat "$TMP/gdb.out")" "Waiting for gdb: gdb -ex 'target remote :1234' .*probe_kvm-x86_64.dbg" \
	"GDB=1 prints the gdb command"
timeout 30 gdb -batch -nx -ex 'target remote :1234' -ex continue \
	"$TMP/b/probe_kvm-x86_64.dbg" >"$TMP/gdb.log" 2>&1 || true
wait "$pid" 2>/dev/null || true
like "$(tr -d '\r' <"$TMP/gdb.out")" '^arg2=<attached>$' \
	"after gdb attaches and continues, the app runs to the end"
