# SPDX-License-Identifier: BSD-3-Clause
# shellcheck shell=bash
# TAP helpers for Kiln's host tests (sourced by tests/*.t, run by prove).
set -euo pipefail

KILN=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
export KILN
tap_n=0
tap_failed=0
# A condition's status for ok: "COND && tap_r=0 || tap_r=1" (set -e would end
# the script at a bare failing COND before ok could report it).
tap_r=0

plan() { echo "1..$1"; }

ok() { # ok CONDITION-EXIT-STATUS DESCRIPTION
	tap_n=$((tap_n + 1))
	if [ "$1" = 0 ]; then
		echo "ok $tap_n - $2"
	else
		echo "not ok $tap_n - $2"
		tap_failed=$((tap_failed + 1))
	fi
}

# check DESCRIPTION COMMAND...: a test that passes when COMMAND succeeds.
check() {
	local desc=$1 rc=0
	shift
	"$@" >/dev/null 2>&1 || rc=$?
	ok "$rc" "$desc"
}

is() { # is GOT EXPECTED DESCRIPTION
	if [ "$1" = "$2" ]; then
		ok 0 "$3"
	else
		ok 1 "$3"
		diag "got:      '$1'"
		diag "expected: '$2'"
	fi
}

like() { # like TEXT EXTENDED-REGEX DESCRIPTION
	if grep -Eq -- "$2" <<<"$1"; then
		ok 0 "$3"
	else
		ok 1 "$3"
		diag "no line matches /$2/ in:"
		head -n 30 <<<"$1" | sed 's/^/#   /'
	fi
}

unlike() { # unlike TEXT EXTENDED-REGEX DESCRIPTION
	if grep -Eq -- "$2" <<<"$1"; then
		ok 1 "$3"
		diag "a line matches /$2/:"
		grep -Em3 -- "$2" <<<"$1" | sed 's/^/#   /'
	else
		ok 0 "$3"
	fi
}

skip() { # skip REASON [COUNT]
	local i
	for ((i = 0; i < ${2:-1}; i++)); do
		tap_n=$((tap_n + 1))
		echo "ok $tap_n # SKIP $1"
	done
}

diag() { echo "# $*"; }

# A scratch directory removed when the test ends.
TMP=$(mktemp -d "${TMPDIR:-/tmp}/kiln-test.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

# kmake ARGS...: make at the top of Kiln, quiet about directories.
kmake() { make -s -C "$KILN" "$@"; }

# Lines of a build's output that name a compiled object: "CC libfoo/a.o".
compiled() { grep -E '^  (CC|AS) ' | awk '{print $2}' | sort; }

# The target pair kbuild configures for and boot boots (default: the
# build's default, kvm-x86_64).
BOOT_TARGET=${BOOT_TARGET:-kvm-x86_64}

# kbuild APP OUT [CONFIG_X=y ...]: configure APP in OUT for BOOT_TARGET
# (defconfig plus the given lines; config file OUT.config) and build it;
# log in OUT.log.
kbuild() {
	local app=$1 out=$2
	shift 2
	local args=(-s -C "$KILN" A="$app" O="$out" C="$out.config")
	make "${args[@]}" TARGET="$BOOT_TARGET" defconfig >/dev/null 2>&1 ||
		return 1
	if [ $# -gt 0 ]; then
		printf '%s\n' "$@" >>"$out.config"
		make "${args[@]}" olddefconfig >/dev/null 2>&1 || return 1
	fi
	make "${args[@]}" -j2 >"$out.log" 2>&1
}

# boot IMAGE [app args...]: boot for BOOT_TARGET under QEMU (TCG unless
# KVM=1), bounded by BOOT_TIMEOUT seconds; sets boot_out (console text
# and messages), boot_err (the run script's own "error:" lines) and
# boot_rc (its status: the app's, or 124-126/134, docs/running.md).
boot() {
	boot_rc=0
	boot_out=$(TIMEOUT=${BOOT_TIMEOUT:-30} KVM=${KVM:-0} \
		"$KILN/support/scripts/run" "$BOOT_TARGET" "$@" 2>&1) || boot_rc=$?
	boot_out=${boot_out//$'\r'/}
	boot_err=$(grep '^error: ' <<<"$boot_out") || true
}

# exit_statuses NAME IMAGE: the probe app's "exit N" (main returns N)
# and "exitcall N" (exit(N)) come back as status N, without an "error:"
# line, for the codes of the issue (0 1 3 127 128 200 254 255).
exit_statuses() {
	local name=$1 img=$2 how code got errs
	local codes=(0 1 3 127 128 200 254 255)
	for how in exit exitcall; do
		got='' errs=''
		for code in "${codes[@]}"; do
			boot "$img" "$how" "$code"
			got+="${got:+ }$boot_rc"
			errs+=$boot_err
		done
		is "$got" "${codes[*]}" "$name: $how N gives status N for N in ${codes[*]}"
		is "$errs" "" "$name: $how N: no error line"
	done
}

# qemu_up PATTERN: once a QEMU whose command line matches PATTERN runs
# (within 10 s), its process id.
qemu_up() {
	local i pid
	for ((i = 0; i < 100; i++)); do
		# The newest: one pid, even if an earlier run's QEMU matches.
		pid=$(pgrep -n -f "^qemu-system-[a-z0-9_]+ .*$1") && { echo "$pid"; return 0; }
		sleep 0.1
	done
	return 1
}

# procs_left PATTERN: the processes matching PATTERN still there 3 s on
# (printed, then killed, so a failing test leaves nothing behind).
procs_left() {
	local i left
	for ((i = 0; i < 30; i++)); do
		pgrep -f "$1" >/dev/null || return 0
		sleep 0.1
	done
	left=$(pgrep -f "$1") || return 0
	echo $left
	kill -KILL $left 2>/dev/null || true
}

# kill_qemu SIGNAL TAG [AT]: once the QEMU with "-append TAG" runs (and,
# with AT, once AT nanoseconds since the epoch have passed), send it
# SIGNAL.
kill_qemu() {
	local pid
	pid=$(qemu_up "-append $2( |\$)") || return 0
	while [ -n "${3:-}" ] && [ "$(date +%s%N)" -lt "$3" ]; do sleep 0.02; done
	kill "-$1" "$pid"
}

# kvm_works: QEMU can start with KVM here (the KVM variants then run).
kvm_works() { "$KILN/support/scripts/kvm-works"; }

# kvm_refused: the last boot ended because this machine's KVM could not
# run an instruction (nested KVM that emulates, e.g. rejecting SSE).
kvm_refused() { [ "$boot_rc" = 125 ] && [[ $boot_err == *"KVM could not run"* ]]; }
kvm_refusal() { grep -m1 -E 'emulation failure|KVM internal error' <<<"$boot_out" || echo "KVM error"; }

# relay PREFIX: one test here per "ok"/"not ok" line the guest printed
# (in-guest uktest suites), comments passed through.
shopt -s extglob
relay() {
	local line
	while IFS= read -r line; do
		case "$line" in
		"ok "*) ok 0 "$1 ${line#ok +([0-9]) - }" ;;
		"not ok "*) ok 1 "$1 ${line#not ok +([0-9]) - }" ;;
		"# "*) echo "$line" ;;
		esac
	done <<<"$boot_out"
}

# ended_within START LIMIT DESCRIPTION: what began at START (date +%s)
# ended in less than LIMIT seconds. It guards against waits for a
# timeout, never measures speed (that is make bench's).
ended_within() {
	local elapsed=$(($(date +%s) - $1)) rc=0
	[ "$elapsed" -lt "$2" ] || rc=1
	ok "$rc" "$3 ($elapsed s)"
}

# needs_arm64: the whole test skips without the arm64 cross compiler or
# QEMU's arm64 system emulator.
needs_arm64() {
	local tool
	for tool in aarch64-linux-gnu-gcc qemu-system-aarch64; do
		if ! command -v "$tool" >/dev/null; then
			echo "1..0 # SKIP no $tool (support/scripts/deps kvm-arm64)"
			exit 0
		fi
	done
}
