#!/usr/bin/env bash
# Exit codes, argument quoting and crash reports, through the probe app.
source "$(dirname "$0")/lib/tap.sh"
plan 27

check "probe app builds" kbuild "$KILN/tests/apps/probe" "$TMP/p"
img=$TMP/p/probe_kvm-x86_64

boot "$img" exit 7
is "$boot_rc" 7 "main returning 7 gives exit code 7"
QEMU_RC=$( (TIMEOUT=30 qemu-system-x86_64 -M microvm -cpu max -m 32M -nodefaults \
	-no-user-config -display none -serial none -no-reboot \
	-device isa-debug-exit,iobase=0xf4,iosize=4 -kernel "$img" \
	-append "exit 7" >/dev/null 2>&1); echo $?)
is "$QEMU_RC" 15 "QEMU itself exits with 15 (7 << 1 | 1)"

# Thread-local storage: PT_TLS covers the zeroed block's alignment
# padding (its size once left the padding out), with nolibc and musl.
want="tls: counter=42 small=3 zeroed=yes aligned=yes heap=intact"
boot "$img" tls
is "$(grep '^tls:' <<<"$boot_out")" "$want" "nolibc: thread-local variables, initialised, zeroed and aligned"
check "probe app builds on musl" kbuild "$KILN/tests/apps/probe" "$TMP/pm" CONFIG_LIBMUSL=y
boot "$TMP/pm/probe_kvm-x86_64" tls
is "$(grep '^tls:' <<<"$boot_out")" "$want" "musl: the same"
is "$boot_rc" 0 "and exits 0"

# A command line the guest cannot parse: one clear line, exit code 1.
out=$(timeout 30 qemu-system-x86_64 -M microvm -cpu max -m 32M -nodefaults \
	-no-user-config -display none -serial stdio -no-reboot \
	-device isa-debug-exit,iobase=0xf4,iosize=4 -kernel "$img" \
	-append "args 'unterminated" 2>&1; echo "qemu exit $?") || true
out=${out//$'\r'/}
like "$out" "^ukboot: bad command line: unterminated quote in: args 'unterminated$" \
	"an unterminated quote on the command line is reported in one line"
like "$out" "^qemu exit 3$" "and the guest exits with code 1 (QEMU: 3)"

boot "$img" args "a b" "it's" 'say "hi"' 'back\slash' ""
like "$boot_out" '^arg2=<a b>$' "a quoted argument with a space arrives intact"
like "$boot_out" "^arg3=<it's>\$" "a single quote arrives intact"
like "$boot_out" '^arg4=<say "hi">$' "double quotes arrive intact"
like "$boot_out" '^arg5=<back\\slash>$' "a backslash arrives intact"
like "$boot_out" '^arg6=<>$' "an empty argument arrives"
is "$(grep -c '^env' <<<"$boot_out")" 0 "without kernel words, the environment is empty"

KILN_CMDLINE="HOME=/root 'A=b c' noeq =x -- args one" boot "$img"
is "$(grep -E '^(arg|env)' <<<"$boot_out" | tr '\n' ' ')" \
	"arg0=<probe> arg1=<args> arg2=<one> env0=<HOME=/root> env1=<A=b c> " \
	"NAME=VALUE words before -- are the environment; other kernel words are dropped"

# crashes NAME: the report is printed and the VM ends with the crash
# status 134 (docs/running.md).
crashes() {
	is "$boot_rc" 134 "$1: the VM ends in time with the crash status 134"
}

start=$(date +%s)
boot "$img" null
crashes "NULL dereference"
like "$boot_out" 'Page fault|#PF|vector 14' "NULL dereference: the report names the page fault"
like "$boot_out" 'CR2[:= ]+0x0+\b' "NULL dereference: the report shows CR2 = 0"
like "$boot_out" 'RIP' "NULL dereference: the report shows registers"
like "$boot_out" '[Bb]acktrace' "NULL dereference: the report has a backtrace"

boot "$img" ud2
crashes "ud2"
like "$boot_out" 'Invalid opcode|#UD|vector 6' "ud2: the report names the invalid opcode"
ended_within "$start" 20 "both crashes end the VM within seconds"

# The same under KVM, where it works (this machine's KVM may refuse
# instructions it cannot emulate: then the reason is given as a skip).
if kvm_works; then
	for cmd in "exit 7:7" "null:134" "ud2:134"; do
		KVM=1 boot "$img" ${cmd%%:*}
		if kvm_refused; then
			skip "KVM here cannot run this guest ($(kvm_refusal))"
		else
			is "$boot_rc" "${cmd##*:}" "KVM: '${cmd%%:*}' ends with exit code ${cmd##*:}"
		fi
	done
else
	skip "KVM does not work on this machine" 3
fi
