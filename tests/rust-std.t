#!/usr/bin/env bash
# Rust std on kvm-x86_64 (LIBUKRUST_STD: the prebuilt std of
# x86_64-unknown-linux-gnu over musl and uksyscall): examples/rust-std's
# println!, HashMap, env::args, Instant, SystemTime, thread_local!, exit
# codes and panics, with panic = "abort" (the default) and with
# LIBUKRUST_UNWIND; examples/mixed's no_std crates in a std image;
# tests/apps/rust-ahash (crates from Debian's registry calling libc:
# ahash seeded by getrandom).
source "$(dirname "$0")/lib/tap.sh"
plan 38

app=$KILN/examples/rust-std
check "rust-std builds (panic = \"abort\")" kbuild "$app" "$TMP/a"
img=$TMP/a/rust-std_$BOOT_TARGET
size=$(stat -c %s "$img" 2>/dev/null || echo 0)
[ "$size" -gt 0 ] && [ "$size" -le $((320 * 1024)) ]
ok $? "the stripped image is at most 320 KiB ($size bytes)"
syms=$(nm "$img.dbg" 2>/dev/null) || true
is "$(grep -c ' T _Unwind_RaiseException$' <<<"$syms")" 0 \
	"no unwinder is linked (std's _Unwind_* are stubs)"

now=$(date +%s)
boot "$img" one 'two words'
like "$boot_out" '^Hello from Rust std!$' "println! reaches the console"
like "$boot_out" '^args: \["rust-std", "one", "two words"\]$' "env::args() gives argv"
like "$boot_out" '^word counts: brown=1,dog=1,end=1,fox=1,jumps=1,lazy=1,over=1,quick=1,the=3$' \
	"HashMap (std's RandomState) works"
like "$boot_out" '^thread_local: 42$' "thread_local! starts at its initial value (41) and counts"
secs=$(sed -n 's/^seconds since 1970: \([0-9]*\)$/\1/p' <<<"$boot_out")
[ -n "$secs" ] && [ "$secs" -lt $((now + 86400)) ]
ok $? "SystemTime::now() works, after 1970 and not in the future (${secs:-none} s)"
# CLOCK_REALTIME counts from boot until a platform reads a wall clock
# (plat/common/wallclock.c); from then on this must hold.
if [ -n "$secs" ] && [ "$secs" -lt 1000000000 ]; then
	skip "no wall clock yet: SystemTime counts from boot ($secs s)"
else
	[ -n "$secs" ] && [ "$secs" -gt $((now - 86400)) ]
	ok $? "SystemTime::now() is the wall clock (guest ${secs:-none}, host $now)"
fi
like "$boot_out" '^uk crate: uptime [0-9]+ us$' "the uk crate works beside std"
like "$boot_out" '^elapsed: [0-9]+ ns \(monotonic: true\)$' "Instant is monotonic"
like "$boot_out" '^bye' "stdout is flushed at exit (a last line without a newline)"
is "$boot_rc" 0 "main returning 0 is status 0"
is "$boot_err" "" "no error line"

boot "$img" exit
like "$boot_out" '^exiting with 7$' "exit: the app gets there"
is "$boot_rc" 7 "process::exit(7) is status 7"

boot "$img" panic
like "$boot_out" "^thread '[^']*'( \([0-9]+\))? panicked at app/src/lib.rs:[0-9]+:[0-9]+:$" \
	"a panic names its thread and file:line:column"
like "$boot_out" '^index out of bounds: the len is 0 but the index is 5$' "and its message"
is "$boot_rc" 134 "then std aborts: SIGABRT, status 134"

boot "$img" catch
like "$boot_out" '^panic inside catch_unwind$' "catch_unwind without unwinding: the panic is reported"
is "$boot_rc" 134 "and aborts (134)"

# panic = "unwind": libgcc's unwinder over the image's .eh_frame.
check "rust-std builds with LIBUKRUST_UNWIND" kbuild "$app" "$TMP/u" CONFIG_LIBUKRUST_UNWIND=y
boot "$TMP/u/rust-std_$BOOT_TARGET" catch
like "$boot_out" '^dropped while unwinding$' "unwinding runs destructors"
like "$boot_out" '^catch_unwind: caught$' "catch_unwind catches the panic"
is "$boot_rc" 0 "and the app goes on to exit 0"
boot "$TMP/u/rust-std_$BOOT_TARGET" panic
like "$boot_out" '^index out of bounds: the len is 0 but the index is 5$' \
	"a panic out of main is reported"
is "$boot_rc" 134 "and aborts (it cannot unwind out of extern \"C\" main): 134"

# no_std crates (with alloc) beside std: examples/mixed's, over musl.
check "mixed builds with LIBUKRUST_STD" kbuild "$KILN/examples/mixed" "$TMP/m" CONFIG_LIBUKRUST_STD=y
boot "$TMP/m/mixed_$BOOT_TARGET" Kiln
like "$boot_out" '^Rust greet: hello, Kiln!$' "a no_std crate works in a std image"
like "$boot_out" '^C: sum of squares of scaled values = 3000$' \
	"and one using alloc (std's allocator) and calling back into C"
syms=$(nm "$TMP/m/mixed_$BOOT_TARGET.dbg" 2>/dev/null) || true
is "$(grep -c 'core3fmt5write' <<<"$syms")" 1 "one copy of core::fmt::write"

# Crates from Debian's directory registry (the app's Config.uk names it).
check "rust-ahash builds (ahash and getrandom from /usr/share/cargo/registry)" \
	kbuild "$KILN/tests/apps/rust-ahash" "$TMP/h"
boot "$TMP/h/rust-ahash_$BOOT_TARGET"
first=$(sed -n 's/^getrandom: \([0-9a-f]\{32\}\)$/\1/p' <<<"$boot_out")
[ -n "$first" ] && [ "$first" != 00000000000000000000000000000000 ]
ok $? "getrandom fills 16 bytes (${first:-none})"
like "$boot_out" '^same state, same hash: true$' "one RandomState hashes alike"
like "$boot_out" '^two RandomStates differ: true$' "two RandomStates hash differently"
like "$boot_out" '^AHashMap: two=2 len=3$' "AHashMap works"
is "$boot_rc" 0 "rust-ahash exits 0"
boot "$TMP/h/rust-ahash_$BOOT_TARGET"
second=$(sed -n 's/^getrandom: \([0-9a-f]\{32\}\)$/\1/p' <<<"$boot_out")
[ -n "$second" ] && [ "$second" != "$first" ]
ok $? "another boot gets other random bytes (${second:-none})"
