#!/usr/bin/env bash
# kvm-arm64 on QEMU's virt machine (TCG): the raw Image boots with GICv3
# and GICv2, passes arguments and exit codes (semihosting), powers off
# without semihosting too, reports crashes, and runs the in-guest suites.
source "$(dirname "$0")/lib/tap.sh"
BOOT_TARGET=kvm-arm64

needs_arm64

check "helloworld builds for kvm-arm64" kbuild "$KILN/examples/helloworld" "$TMP/hello"
hello=$TMP/hello/helloworld_kvm-arm64
is "$(dd if="$hello" bs=1 skip=56 count=4 2>/dev/null)" "ARMd" \
	"the image is a raw Linux arm64 Image (\"ARM\\x64\" at byte 56)"

# The header records the raw Image's length: ukimg check tells a cut or
# grown file, which QEMU would boot into a hang or a crash.
uk=$TMP/hello/tools/ukimg
size=$(stat -c %s "$hello")
check "ukimg check takes the Image as linked" "$uk" check "$hello"
for len in 212 $((size - 1)); do
	head -c "$len" "$hello" >"$TMP/cut"
	rc=0
	out=$("$uk" check "$TMP/cut" 2>&1) || rc=$?
	is "$rc: $out" "1: $TMP/cut: arm64 Image is $len bytes long, its header says $size: truncated file?" \
		"an Image cut to $len bytes: one line, exit 1"
done
{ cat "$hello"; echo x; } >"$TMP/grown"
rc=0
"$uk" check "$TMP/grown" >/dev/null 2>&1 || rc=$?
is "$rc" 1 "an Image with bytes appended: exit 1"

for gic in 3 2; do
	GIC=$gic boot "$hello" one
	like "$boot_out" '^Hello world!$' "GICv$gic: prints Hello world!"
	like "$boot_out" '^argv\[1\]: one$' "GICv$gic: the argument arrives in argv[1]"
	is "$boot_rc" 0 "GICv$gic: exit code 0"
done
MEM=8M boot "$hello"
is "$boot_rc" 0 "boots with -m 8M"

# qemu_direct ARGS...: QEMU's own exit code, console to /dev/null.
qemu_direct() {
	(timeout 30 qemu-system-aarch64 -M virt -cpu cortex-a57 -m 32M \
		-nodefaults -no-user-config -display none -serial none \
		-no-reboot "$@" >/dev/null 2>&1)
	echo $?
}

check "probe app builds" kbuild "$KILN/tests/apps/probe" "$TMP/p"
img=$TMP/p/probe_kvm-arm64
boot "$img" tls
is "$(grep '^tls:' <<<"$boot_out")" "tls: counter=42 small=3 zeroed=yes aligned=yes heap=intact" \
	"thread-local variables, initialised, zeroed and 64-byte aligned"

boot "$img" exit 7
is "$boot_rc" 7 "main returning 7 gives exit code 7"
is "$(qemu_direct -semihosting-config enable=on,target=native -kernel "$img" \
	-append "exit 7")" 7 "QEMU itself exits with 7 (semihosting)"
is "$(qemu_direct -kernel "$img" -append "exit 7")" 0 \
	"without -semihosting the image powers off through PSCI (QEMU exits 0)"

boot "$img" args "a b" "it's" 'say "hi"' 'back\slash' ""
like "$boot_out" '^arg2=<a b>$' "a quoted argument with a space arrives intact"
like "$boot_out" "^arg3=<it's>\$" "a single quote arrives intact"
like "$boot_out" '^arg4=<say "hi">$' "double quotes arrive intact"
like "$boot_out" '^arg5=<back\\slash>$' "a backslash arrives intact"
like "$boot_out" '^arg6=<>$' "an empty argument arrives"

start=$(date +%s)
boot "$img" null
is "$boot_rc" 134 "NULL dereference: the VM ends with the crash status 134"
like "$boot_out" 'data abort, translation fault' "NULL dereference: the report names the data abort"
like "$boot_out" 'FAR +0x0+\b' "NULL dereference: the report shows FAR = 0"
like "$boot_out" 'ELR +0x0*4' "NULL dereference: the report shows registers"
like "$boot_out" '^Backtrace:' "NULL dereference: the report has a backtrace"

GIC=2 boot "$img" ud2
is "$boot_rc" 134 "__builtin_trap (brk): the VM ends with the crash status 134"
like "$boot_out" 'BRK instruction' "__builtin_trap (brk): the report names the BRK"
is "$(qemu_direct -kernel "$img" -append null)" 0 \
	"a crash without -semihosting still ends the VM (PSCI power-off)"
ended_within "$start" 20 "the crashes end the VM within seconds"

check "selftest app builds with every library's tests" \
	kbuild "$KILN/tests/apps/selftest" "$TMP/st"
BOOT_TIMEOUT=120 boot "$TMP/st/selftest_kvm-arm64"
for suite in nolibc tlsf argparse; do
	like "$boot_out" "^ok [0-9]+ - $suite" "the $suite suite ran"
done
relay "arm64:"
is "$boot_rc" 0 "arm64: the guest reports no failure (exit 0)"
plan "$tap_n"
