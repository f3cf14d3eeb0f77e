#!/usr/bin/env bash
# Rust std on kvm-arm64 (the prebuilt std of aarch64-unknown-linux-gnu,
# e.g. Debian's rustc-web with libstd-rust-web-dev:arm64, over musl):
# examples/rust-std's std features, exit codes and panics, and the
# unwinding variant.
source "$(dirname "$0")/lib/tap.sh"
BOOT_TARGET=kvm-arm64

needs_arm64
if [ -z "$("$KILN/support/scripts/rust-target" --std arm64)" ]; then
	echo "1..0 # SKIP no Rust std for aarch64-unknown-linux-gnu (support/scripts/deps kvm-arm64)"
	exit 0
fi
# std's system calls reach uk_syscall() from arm64's trap path once it
# takes svc #0 (docs/libc.md); until some arm64 code calls it, skip.
if ! grep -qs 'uk_syscall' "$KILN"/plat/common/arm64/*.[cS] "$KILN"/lib/uksyscall/arm64/*; then
	echo "1..0 # SKIP uksyscall does not take svc #0 on arm64 yet"
	exit 0
fi
plan 17

app=$KILN/examples/rust-std
check "rust-std builds for kvm-arm64" kbuild "$app" "$TMP/a"
img=$TMP/a/rust-std_kvm-arm64
size=$(stat -c %s "$img" 2>/dev/null || echo 0)
[ "$size" -gt 0 ] && [ "$size" -le $((320 * 1024)) ]
ok $? "the Image is at most 320 KiB ($size bytes)"

boot "$img" one
like "$boot_out" '^Hello from Rust std!$' "println! reaches the console"
like "$boot_out" '^args: \["rust-std", "one"\]$' "env::args() gives argv"
like "$boot_out" '^word counts: brown=1,dog=1,end=1,fox=1,jumps=1,lazy=1,over=1,quick=1,the=3$' \
	"HashMap works"
like "$boot_out" '^thread_local: 42$' "thread_local! works"
like "$boot_out" '^seconds since 1970: [0-9]+$' "SystemTime::now() works"
like "$boot_out" '^elapsed: [0-9]+ ns \(monotonic: true\)$' "Instant is monotonic"
is "$boot_rc" 0 "main returning 0 is status 0"

boot "$img" exit
is "$boot_rc" 7 "process::exit(7) is status 7"

boot "$img" panic
like "$boot_out" "^thread '[^']*'( \([0-9]+\))? panicked at app/src/lib.rs:[0-9]+:[0-9]+:$" \
	"a panic names its thread and file:line:column"
like "$boot_out" '^index out of bounds: the len is 0 but the index is 5$' "and its message"
is "$boot_rc" 134 "then std aborts: status 134"

check "rust-std builds with LIBUKRUST_UNWIND" kbuild "$app" "$TMP/u" CONFIG_LIBUKRUST_UNWIND=y
boot "$TMP/u/rust-std_kvm-arm64" catch
like "$boot_out" '^dropped while unwinding$' "unwinding runs destructors"
like "$boot_out" '^catch_unwind: caught$' "catch_unwind catches the panic"
is "$boot_rc" 0 "and the app goes on to exit 0"
