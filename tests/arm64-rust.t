#!/usr/bin/env bash
# Rust on kvm-arm64: rust-hello (collections, format!, panics) and mixed
# (C main, two Rust crates, one calling back into C) boot on QEMU's virt
# machine; without a Rust standard library for arm64 the build says so in
# one line.
source "$(dirname "$0")/lib/tap.sh"
BOOT_TARGET=kvm-arm64

needs_arm64
plan 14

# A build directory whose cached toolchain facts name no Rust triple.
rc=0
out=$(make -s -C "$KILN" A="$KILN/examples/rust-hello" O="$TMP/none" \
	C="$TMP/none.config" TARGET=kvm-arm64 RUST_TRIPLE= 2>&1) || rc=$?
[ "$rc" != 0 ] && tap_r=0 || tap_r=1
ok "$tap_r" "no Rust standard library for arm64: the build fails (exit $rc)"
is "$(grep -c '^error:' <<<"$out")" 1 "with one error line"
like "$out" '^error: no Rust standard library for arm64 .*support/scripts/deps kvm-arm64' \
	"naming the arch and how to install one"

triple=$("$KILN/support/scripts/rust-target" arm64)
if [ -z "$triple" ]; then
	skip "no Rust standard library for arm64 (support/scripts/deps kvm-arm64)" 11
	exit 0
fi
diag "Rust for arm64: $triple from $("$KILN/support/scripts/rust-target" --bin arm64)"

check "rust-hello builds for kvm-arm64" kbuild "$KILN/examples/rust-hello" "$TMP/rh"
boot "$TMP/rh/rust-hello_kvm-arm64" one two
like "$boot_out" '^Hello from Rust!$' "rust-hello greets"
like "$boot_out" '^squares: \[1, 4, 9, 16, 25, 36, 49, 64, 81, 100\]$' "Vec and iterators work"
like "$boot_out" '^word counts: brown=1,dog=1,end=1,fox=1,jumps=1,lazy=1,over=1,quick=1,the=3$' \
	"BTreeMap, String and format! work"
like "$boot_out" '^args: \["rust-hello", "one", "two"\]$' "uk::env::args() gives the arguments"
is "$boot_rc" 0 "rust-hello exits 0"

boot "$TMP/rh/rust-hello_kvm-arm64" panic
like "$boot_out" '^index out of bounds: the len is 0 but the index is 5$' "a panic prints its message"
is "$boot_rc" 101 "a panic exits with 101"

check "mixed builds for kvm-arm64" kbuild "$KILN/examples/mixed" "$TMP/mx"
boot "$TMP/mx/mixed_kvm-arm64" Kiln
like "$boot_out" '^Rust greet: hello, Kiln!$' "C calls the greet crate"
like "$boot_out" '^C: sum of squares of scaled values = 3000$' \
	"C calls the stats crate, which calls back into C"
