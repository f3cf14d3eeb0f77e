#!/usr/bin/env bash
# Cargo inside make: no-op builds start no cargo, an edit rebuilds and
# relinks, a compile error fails with rustc's message, everything offline.
source "$(dirname "$0")/lib/tap.sh"
plan 10

cp -r "$KILN/examples/rust-hello" "$TMP/app"
rm -rf "$TMP/app/build" "$TMP/app/.config"
# The copy's Cargo.toml points at the uk crate relative to the tree.
sed -i "s|path = \"../../lib/ukrust/rust\"|path = \"$KILN/lib/ukrust/rust\"|" "$TMP/app/Cargo.toml"
b=(-s -C "$KILN" A="$TMP/app" O="$TMP/b")

# No network: an unreachable proxy, and Cargo's home is a fresh directory.
export http_proxy=http://127.0.0.1:9 https_proxy=http://127.0.0.1:9
check "rust-hello builds offline" make "${b[@]}"
test ! -e "$TMP/b/rust/cargo-home/registry" && tap_r=0 || tap_r=1
ok "$tap_r" "Cargo's home under the build directory stayed empty (no registry)"

strace -f -qq -e trace=execve -o "$TMP/trace" make "${b[@]}" >/dev/null
is "$(grep -c 'execve(' "$TMP/trace")" 1 "a no-op build starts no process (no cargo)"

touch "$TMP/app/src/lib.rs"
out=$(make "${b[@]}" 2>&1)
like "$out" 'CARGO +rust/libkiln_rust.a' "touching a .rs file runs cargo"
like "$out" 'LD +app.*\.dbg|LD +rust-hello_kvm-x86_64.dbg' "and relinks the image"

echo 'fn broken() -> u32 { "not a number" }' >> "$TMP/app/src/lib.rs"
rc=0
out=$(make "${b[@]}" 2>&1) || rc=$?
[ "$rc" != 0 ] && tap_r=0 || tap_r=1
ok "$tap_r" "a Rust compile error fails the build (exit $rc)"
like "$out" 'error\[E0308\]: mismatched types' "and shows rustc's message"
like "$out" 'src/lib.rs:[0-9]+' "naming the file and line"

rc=0
out=$(make "${b[@]}" CARGO=/nonexistent/cargo 2>&1) || rc=$?
like "$out" '^error: cargo not found \(/nonexistent/cargo\)' \
	"a missing cargo is named in one error line (exit $rc)"
[ "$rc" != 0 ] && tap_r=0 || tap_r=1
ok "$tap_r" "and the build fails"
