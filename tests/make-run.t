#!/usr/bin/env bash
# `make run`: builds if needed, boots, passes ARGS as typed, exits with
# the app's status (or the run script's own); GDB=1 waits for gdb and
# prints how to attach.
source "$(dirname "$0")/lib/tap.sh"

r=(-s -C "$KILN" A="$KILN/tests/apps/probe" O="$TMP/b" C="$TMP/c" KVM=0)
rc=0
out=$(make "${r[@]}" run ARGS="args 'two words' x" 2>&1) || rc=$?
like "$out" 'CC +appprobe/main.c.o' "make run builds first"
like "$(tr -d '\r' <<<"$out")" '^arg2=<two words>$' "ARGS reach main() with their quoting"
is "$rc" 0 "exit code 0"

# make run's status is the run script's (docs/running.md): the app's
# 0-255, or 124-126/134 of its own with an error line.
# mrun ARGS...: make run, setting rc and out.
mrun() {
	rc=0
	out=$(make "${r[@]}" run "$@" 2>&1) || rc=$?
	out=${out//$'\r'/}
}
for cmd in "exit 9:9" "exit 200:200" "exitcall 255:255" "exit 0:0" "null:134"; do
	mrun ARGS="${cmd%%:*}"
	is "$rc" "${cmd##*:}" "make run ARGS='${cmd%%:*}' exits ${cmd##*:}"
done
like "$out" '^error: the guest crashed' "a crash: the run script's error line comes through"
mrun QEMU_ARGS=-bogus ARGS="exit 0"
is "$rc" 125 "QEMU failing (QEMU_ARGS=-bogus): make run exits 125"
like "$out" '^error: QEMU failed' "and says so"
mrun TIMEOUT=1 QEMU_ARGS=-S ARGS="exit 0"
is "$rc" 124 "TIMEOUT expired: make run exits 124"

# make killed by SIGTERM passes it on to its child (only): the recipe
# execs the run script (with KILN_STATUS_FILE), which ends QEMU, so
# nothing keeps running (a shell in between used to take the signal
# alone: the script, its supervisor and QEMU ran on for ever).
make "${r[@]}" run ARGS="hang makerun-$$" >"$TMP/term.out" 2>&1 &
pid=$!
qemu_up "makerun-$$" >/dev/null || true
kill -TERM "$pid"
{ wait "$pid" || true; } 2>/dev/null
is "$(procs_left "makerun-$$")" "" "make run ended by SIGTERM: no run script, supervisor or QEMU left"
like "$(cat "$TMP/term.out")" '^error: the run was ended by SIGTERM' "and the run script says so"

# make itself failing before the boot (a build error): make's 2, with
# make's own error lines, and no run.
cp -r "$KILN/tests/apps/probe" "$TMP/broken"
echo 'int broken(void) { return }' >>"$TMP/broken/main.c"
rc=0
out=$(make -s -C "$KILN" A="$TMP/broken" O="$TMP/bb" C="$TMP/bc" KVM=0 -j2 \
	run ARGS="exit 0" 2>&1) || rc=$?
is "$rc" 2 "a build error: make run exits 2"
# (make[N] when this test runs under make test.)
like "$out" '^make(\[[0-9]+\])?: \*\*\* \[.*\] Error [0-9]+$' "with make's own error line"
if grep -q '^kiln: exit code' <<<"$out"; then ok 1 "and nothing boots"; else ok 0 "and nothing boots"; fi

# ARGS reaches the guest as typed: nothing in it is expanded or run on
# the host, by make or a shell; the guest's parser splits it.
mrun ARGS="args \$5 \$HOME \`touch $TMP/bq\` ; touch $TMP/x 'a b'"
like "$out" '^arg2=<\$5>$' "ARGS: \$5 arrives as is"
like "$out" '^arg3=<\$HOME>$' "ARGS: \$HOME arrives as is"
like "$out" '^arg4=<`touch>$' "ARGS: a backtick arrives as is"
like "$out" '^arg6=<;>$' "ARGS: ; arrives as is"
like "$out" '^arg9=<a b>$' "ARGS: 'a b' is one argument"
is "$rc" 0 "ARGS: exit 0"
[ ! -e "$TMP/x" ] && [ ! -e "$TMP/bq" ] && tap_r=0 || tap_r=1
ok "$tap_r" "ARGS: nothing ran on the host (no file was created)"
mrun ARGS="$(printf 'args one\ntwo')"
like "$out" '^arg3=<two>$' "ARGS with a newline: the newline separates arguments"

# GDB=1: QEMU waits for gdb on :1234; gdb attaches and lets it run.
: >"$TMP/gdb.out"
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
plan "$tap_n"
