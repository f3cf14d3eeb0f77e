#!/usr/bin/env bash
# Rust apps: rust-hello (collections, format!, panics on request) and
# mixed (C main, two Rust crates, one calling back into C).
source "$(dirname "$0")/lib/tap.sh"
plan 13

check "rust-hello builds" kbuild "$KILN/examples/rust-hello" "$TMP/rh"
boot "$TMP/rh/rust-hello_kvm-x86_64" one two
like "$boot_out" '^Hello from Rust!$' "rust-hello greets"
like "$boot_out" '^squares: \[1, 4, 9, 16, 25, 36, 49, 64, 81, 100\]$' "Vec and iterators work"
like "$boot_out" '^word counts: brown=1,dog=1,end=1,fox=1,jumps=1,lazy=1,over=1,quick=1,the=3$' \
	"BTreeMap, String and format! work"
like "$boot_out" '^args: \["rust-hello", "one", "two"\]$' "uk::env::args() gives the arguments"
is "$boot_rc" 0 "rust-hello exits 0"

boot "$TMP/rh/rust-hello_kvm-x86_64" panic
like "$boot_out" '^panicked at app/src/lib.rs:[0-9]+:[0-9]+:$' "a panic names file:line:column"
like "$boot_out" '^index out of bounds: the len is 0 but the index is 5$' "and the panic message"
is "$boot_rc" 101 "a panic exits with 101"

check "mixed builds" kbuild "$KILN/examples/mixed" "$TMP/mx"
boot "$TMP/mx/mixed_kvm-x86_64" Kiln
like "$boot_out" '^Rust greet: hello, Kiln!$' "C calls the greet crate"
like "$boot_out" '^C: sum of squares of scaled values = 3000$' \
	"C calls the stats crate, which calls back into C"
syms=$(nm "$TMP/mx/mixed_kvm-x86_64.dbg")
is "$(grep -c 'core3fmt5write' <<<"$syms")/$(grep -c 'rust_begin_unwind' <<<"$syms")" "1/1" \
	"two crates, one copy of core::fmt::write and one panic handler"
