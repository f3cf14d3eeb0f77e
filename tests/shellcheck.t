#!/usr/bin/env bash
# Kiln's shell scripts pass shellcheck (warnings and errors).
source "$(dirname "$0")/lib/tap.sh"
if ! command -v shellcheck >/dev/null; then
	echo "1..0 # SKIP shellcheck is not installed"
	exit 0
fi
scripts=("$KILN"/support/scripts/{deps,run,bench,rust-root,rust-target,xl-config,kconfig,kvm-works} \
	"$KILN"/support/scripts/boot/* "$KILN"/.ci/run "$KILN"/lib/nolibc/tests/host/run.sh)
plan ${#scripts[@]}
for f in "${scripts[@]}"; do
	out=$(cd "$(dirname "$f")" && shellcheck -x -S warning "$f" 2>&1) && r=0 || r=1
	ok $r "shellcheck ${f#"$KILN"/}"
	[ $r = 0 ] || diag "$out"
done
