#!/usr/bin/env bash
# The guest's command line on the kvm targets: KILN_CMDLINE (make run's
# ARGS) arrives byte for byte and nothing in it runs on the host; every
# layer keeps 4095 bytes, and more is refused (before QEMU starts by the
# run script, at boot by the guest), never cut; more arguments than
# CONFIG_LIBUKBOOT_MAXARGS (64) is an error at boot (docs/running.md).
source "$(dirname "$0")/lib/tap.sh"

check "probe app builds (PVH)" kbuild "$KILN/tests/apps/probe" "$TMP/pvh"
check "probe app builds (multiboot)" \
	kbuild "$KILN/tests/apps/probe" "$TMP/mb" CONFIG_KVM_MULTIBOOT=y
pvh=$TMP/pvh/probe_kvm-x86_64
mb=$TMP/mb/probe_kvm-x86_64

# xs N: N bytes of x.
xs() { printf '%*s' "$1" '' | tr ' ' x; }

# What make run passes: raw text the host must not touch.
evil="args \$5 \$HOME \`touch $TMP/backtick\` ; touch $TMP/semicolon \$(touch $TMP/dollar) 'a b' \"c d\""
KILN_CMDLINE=$evil boot "$pvh"
like "$boot_out" '^arg2=<\$5>$' "KILN_CMDLINE: \$5 arrives as is"
like "$boot_out" '^arg3=<\$HOME>$' "KILN_CMDLINE: \$HOME arrives as is"
like "$boot_out" '^arg4=<`touch>$' "KILN_CMDLINE: a backtick arrives as is"
like "$boot_out" '^arg6=<;>$' "KILN_CMDLINE: ; arrives as is"
like "$boot_out" '^arg11=<a b>$' "KILN_CMDLINE: the guest splits 'a b' as one argument"
like "$boot_out" '^arg12=<c d>$' "KILN_CMDLINE: and \"c d\""
ran=$(cd "$TMP" && echo backtick* semicolon* dollar*)
is "$ran" "backtick* semicolon* dollar*" "KILN_CMDLINE: nothing in it ran on the host"
KILN_CMDLINE=$'args one\ttwo\nthree' boot "$pvh" 'four five'
like "$boot_out" '^arg3=<two>$' "KILN_CMDLINE: a tab separates"
like "$boot_out" '^arg4=<three>$' "KILN_CMDLINE: a newline separates"
like "$boot_out" '^arg5=<four five>$' "positional arguments follow KILN_CMDLINE, quoted"
# A lone -- : in KILN_CMDLINE, as the guest takes it (words before the
# first are the kernel's); a positional -- arrives as an argument, the
# run script starting the command line with a -- of its own when
# KILN_CMDLINE has none (quoted ones count: the guest unquotes first).
# argv: the guest's argv, one line.
argv() { grep '^arg[0-9]*=' <<<"$boot_out" | tr '\n' ' '; }
boot "$pvh" args a -- b
is "$(argv)" "arg0=<probe> arg1=<args> arg2=<a> arg3=<--> arg4=<b> " \
	"a positional -- arrives as an argument, nothing dropped before it"
KILN_CMDLINE="kernel words -- args 1" boot "$pvh"
is "$(argv)" "arg0=<probe> arg1=<args> arg2=<1> " \
	"KILN_CMDLINE: words before its -- are the kernel's"
KILN_CMDLINE="kernel '--' args" boot "$pvh" x -- y
is "$(argv)" "arg0=<probe> arg1=<args> arg2=<x> arg3=<--> arg4=<y> " \
	"KILN_CMDLINE with a quoted -- of its own, then positional x -- y"
KILN_CMDLINE="args k" boot "$pvh" -- z
is "$(argv)" "arg0=<probe> arg1=<args> arg2=<k> arg3=<--> arg4=<z> " \
	"KILN_CMDLINE without --, then a positional --: all are main's"
KILN_CMDLINE="args 'open" boot "$pvh"
like "$boot_out" "^ukboot: bad command line: unterminated quote in: args 'open\$" \
	"an unterminated quote: one line at boot"
is "$boot_rc" 1 "and status 1"

# limits NAME IMAGE: 4095 bytes arrive whole, 4096 are refused before
# QEMU starts, in bytes (not characters).
limits() {
	local name=$1 img=$2
	KILN_CMDLINE="argstat $(xs 4087)" boot "$img"
	like "$boot_out" '^probe: argc=3 bytes=4094$' "$name: 4095 bytes of command line arrive whole"
	is "$boot_rc" 0 "$name: 4095 bytes: status 0"
	KILN_CMDLINE="argstat $(xs 4088)" boot "$img"
	is "$boot_rc:$boot_err" \
		"125:error: the command line is 4096 bytes, more than the 4095 $BOOT_TARGET keeps" \
		"$name: 4096 bytes: refused before QEMU starts (125)"
	KILN_CMDLINE="argstat $(printf 'é%.0s' {1..2044})" boot "$img"
	like "$boot_err" 'is 4096 bytes' "$name: the limit counts bytes: 2044 é are 4096"
}
limits "microvm" "$pvh"
BOOT=multiboot QEMU_MACHINE=pc limits "pc multiboot" "$mb"

# The guest's own check, without the run script: QEMU passes 4096.
qemu_x86() {
	(timeout 30 qemu-system-x86_64 -M "$1" -cpu max -m 32M -nodefaults \
		-no-user-config -display none -serial stdio -no-reboot \
		-device isa-debug-exit,iobase=0xf4,iosize=4 -kernel "${@:2}" \
		2>&1; echo "qemu exit $?") | tr -d '\r'
}
for n in 4096 9000; do
	out=$(qemu_x86 microvm "$pvh" -append "argstat $(xs $((n - 8)))")
	like "$out" '^kiln: bad command line: longer than 4095 bytes$' \
		"microvm: $n bytes straight from QEMU: the guest refuses them in one line"
	like "$out" '^qemu exit 3$' "and exits 1 (QEMU: 3)"
done
out=$(qemu_x86 pc "$mb" -append "argstat $(xs 4088)")
like "$out" '^kiln: bad command line: longer than 4095 bytes$' \
	"pc multiboot: 4096 bytes after the image's name: refused"
out=$(qemu_x86 pc "$mb" -append "argstat $(xs 4087)")
like "$out" '^probe: argc=3 bytes=4094$' "pc multiboot: 4095 bytes after the image's name arrive"

# An image path with spaces: a multiboot loader puts it first.
mkdir "$TMP/a dir"
cp "$mb" "$TMP/a dir/probe"
BOOT=multiboot QEMU_MACHINE=pc boot "$TMP/a dir/probe" args x
like "$boot_out" '^arg2=<x>$' "pc multiboot, image path with a space: argv intact"
is "$(grep -c '^arg' <<<"$boot_out")" 3 "and no word of the path among them"

# Arguments: CONFIG_LIBUKBOOT_MAXARGS words (default 64) and no more.
# shellcheck disable=SC2046 # one word per number
boot "$pvh" argstat $(seq 2 64)
like "$boot_out" '^probe: argc=65 ' "64 arguments arrive (argc 65)"
# shellcheck disable=SC2046
boot "$pvh" argstat $(seq 2 65)
like "$boot_out" '^ukboot: bad command line: 65 arguments, more than 64 \(CONFIG_LIBUKBOOT_MAXARGS\)$' \
	"65 arguments: one line at boot"
is "$boot_rc" 1 "65 arguments: status 1, nothing dropped silently"

if command -v aarch64-linux-gnu-gcc >/dev/null &&
	command -v qemu-system-aarch64 >/dev/null; then
	BOOT_TARGET=kvm-arm64 check "probe app builds (arm64)" \
		kbuild "$KILN/tests/apps/probe" "$TMP/a64"
	BOOT_TARGET=kvm-arm64 limits "arm64" "$TMP/a64/probe_kvm-arm64"
	out=$( (timeout 30 qemu-system-aarch64 -M virt -cpu cortex-a57 -m 32M \
		-nodefaults -no-user-config -display none -serial stdio \
		-no-reboot -kernel "$TMP/a64/probe_kvm-arm64" \
		-append "argstat $(xs 4088)" 2>&1) | tr -d '\r')
	like "$out" '^kiln: bad command line: longer than 4095 bytes$' \
		"arm64: 4096 bytes straight from QEMU: the guest refuses them"
	KILN_CMDLINE=$evil BOOT_TARGET=kvm-arm64 boot "$TMP/a64/probe_kvm-arm64"
	like "$boot_out" '^arg3=<\$HOME>$' "arm64: KILN_CMDLINE arrives as is"
else
	skip "no arm64 cross compiler or QEMU" 7
fi
plan "$tap_n"
