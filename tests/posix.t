#!/usr/bin/env bash
# examples/posix on musl: on kvm-x86_64 (microvm and pc), kvm-arm64 and
# xen-x86_64 its sections print exactly what the same source built with
# musl-gcc prints on this Linux host; a 10 ms nanosleep takes 10 ms;
# uname names the arch; main's return value and exit()'s argument come
# back as the run's status. Image sizes: the nolibc helloworld has not
# grown since musl came, a musl hello stays within 96 KiB (it carries the
# file system since files came: ukvfs is 25 KB of it). callcost's
# getpid goes through the trap.
source "$(dirname "$0")/lib/tap.sh"

start=$(date +%s)
app=$KILN/examples/posix
codes=(0 1 3 127 128 200 255)

# The reference: the same program on Linux, with an empty environment
# but TZ=UTC0 (the host's /etc/localtime may be any zone; Kiln has none,
# which musl reads as UTC) and stdin at its end, as on Kiln's console.
ref=''
if command -v musl-gcc >/dev/null; then
	check "examples/posix builds on the host with musl-gcc" \
		musl-gcc -static -Os -ffreestanding -fno-builtin \
		-o "$TMP/posix-host" "$app"/main.c "$app"/show.c
	ref=$(env -i TZ=UTC0 "$TMP/posix-host" </dev/null) || true
	like "$ref" '^== sys$' "the host's run reaches the last section"
else
	skip "no musl-gcc (support/scripts/deps --test installs musl-tools)" 2
fi

# same_as_host NAME: boot_out (less the target's own lines) is the host's.
same_as_host() {
	local got
	got=$(grep -Ev '^\(XEN\) |^kiln: exit code [0-9]+$' <<<"$boot_out") || true
	if [ -z "$ref" ]; then
		skip "no host reference to compare with"
	elif [ "$got" = "$ref" ]; then
		ok 0 "$1: every section prints the host's bytes"
	else
		ok 1 "$1: every section prints the host's bytes"
		{ diff <(echo "$ref") <(echo "$got") || true; } | sed -n '1,20s/^/# /p'
	fi
}

# sleeps NAME: a 10 ms nanosleep takes at least 10 ms (at most 1 s: TCG
# and Xen's console are slow, but not that slow).
sleeps() {
	local us
	us=$(sed -n 's/^slept \([0-9]*\) us for 10 ms$/\1/p' <<<"$boot_out")
	if [ -n "$us" ] && [ "$us" -ge 10000 ] && [ "$us" -lt 1000000 ]; then
		ok 0 "$1: nanosleep(10 ms) took ${us} us"
	else
		ok 1 "$1: nanosleep(10 ms) took '${us}' us (10000-999999 expected)"
	fi
}

# statuses NAME IMAGE HOW...: "HOW N" (exit: main returns N; exitcall:
# exit(N), after which the atexit handler printed) gives status N, with
# no error line, for every N in codes.
statuses() {
	local name=$1 img=$2 how code got errs atexit
	shift 2
	for how in "$@"; do
		got='' errs='' atexit=0
		for code in "${codes[@]}"; do
			boot "$img" "$how" "$code"
			got+="${got:+ }$boot_rc"
			errs+=$boot_err
			[ "$how" = exit ] || grep -qx 'atexit handler ran' <<<"$boot_out" ||
				atexit=1
		done
		is "$got" "${codes[*]}" "$name: $how N gives status N for N in ${codes[*]}"
		is "$errs" "" "$name: $how N: no error line"
		[ "$how" = exit ] || ok "$atexit" "$name: exit(N) ran the atexit handler every time"
	done
}

# on_pair NAME MACHINE: the whole check of one pair's image in $img.
on_pair() {
	local name=$1 arch=$2
	boot "$img"
	is "$boot_rc:$boot_err" "0:" "$name: with no arguments it ends with status 0"
	same_as_host "$name"
	boot "$img" uname sleep 10 math exit 3
	is "$boot_rc" 3 "$name: commands in a row, then exit 3"
	like "$boot_out" "^uname: Linux kiln 6\.1\.0-kiln Kiln $arch\$" \
		"$name: uname says Linux on $arch"
	like "$boot_out" '^sqrt\(2\) = 1\.4142135623730951$' "$name: math after sleep"
	sleeps "$name"
}

# --- kvm-x86_64: one PVH image, microvm and pc ---------------------------
check "examples/posix builds for kvm-x86_64" kbuild "$app" "$TMP/x86"
img=$TMP/x86/posix_kvm-x86_64
for m in microvm pc; do
	QEMU_MACHINE=$m on_pair "kvm-x86_64 $m" x86_64
done
# The machine plays no part in how the status gets out once musl's exit
# reaches exit_group (tests/run-status.t covers each machine): microvm.
QEMU_MACHINE=microvm statuses "kvm-x86_64" "$img" exit exitcall

# --- kvm-arm64 -----------------------------------------------------------
if command -v aarch64-linux-gnu-gcc >/dev/null &&
	command -v qemu-system-aarch64 >/dev/null; then
	BOOT_TARGET=kvm-arm64 check "examples/posix builds for kvm-arm64" \
		kbuild "$app" "$TMP/a64"
	img=$TMP/a64/posix_kvm-arm64
	BOOT_TARGET=kvm-arm64 on_pair "kvm-arm64" aarch64
	BOOT_TARGET=kvm-arm64 statuses "kvm-arm64" "$img" exit exitcall
else
	skip "no arm64 cross compiler or QEMU (support/scripts/deps kvm-arm64)" 12
fi

# --- xen-x86_64: dom0 under Xen in QEMU ----------------------------------
# Each boot is mostly Xen's own (seconds): exit() only, the path main's
# return takes too (ukboot calls exit(main(...))).
BOOT_TARGET=xen-x86_64 check "examples/posix builds for xen-x86_64" \
	kbuild "$app" "$TMP/xen"
img=$TMP/xen/posix_xen-x86_64
BOOT_TARGET=xen-x86_64 BOOT_TIMEOUT=120 on_pair "xen-x86_64" x86_64
BOOT_TARGET=xen-x86_64 BOOT_TIMEOUT=120 statuses "xen-x86_64" "$img" exitcall

# --- sizes ---------------------------------------------------------------
# 25232 bytes: helloworld on nolibc before musl and the system-call layer
# came (3558e03) and after (5b1da29); 25304 with device interrupts
# (x86_dev_irq, the I/O APIC mapping: 2939a3a) and the libc's room at
# every thread pointer (8480801). Raise it only on purpose.
check "helloworld builds (nolibc)" kbuild "$KILN/examples/helloworld" "$TMP/hn"
size=$(stat -c %s "$TMP/hn/helloworld_kvm-x86_64")
ok "$([ "$size" -le 25304 ] && echo 0 || echo 1)" \
	"the nolibc helloworld has not grown: $size bytes (at most 25304)"
syms=$(nm "$TMP/hn/helloworld_kvm-x86_64.dbg" | grep -cE ' (uk_syscall|__libc_start_main)$') || true
is "$syms" 0 "the nolibc helloworld links no system-call layer and no musl"
check "helloworld builds with musl" kbuild "$KILN/examples/helloworld" "$TMP/hm" \
	CONFIG_LIBMUSL=y
size=$(stat -c %s "$TMP/hm/helloworld_kvm-x86_64")
ok "$([ "$size" -le 98304 ] && echo 0 || echo 1)" \
	"a musl helloworld, stripped, is within 96 KiB: $size bytes"
nm "$TMP/hm/helloworld_kvm-x86_64.dbg" >"$TMP/hm.nm"
like "$(cat "$TMP/hm.nm")" ' __libc_start_main$' "and it is musl's (__libc_start_main)"
boot "$TMP/hm/helloworld_kvm-x86_64" one
like "$boot_out" '^argv\[1\]: one$' "the musl helloworld boots and gets its argument"

# --- callcost: getpid through the trap -----------------------------------
check "callcost builds" kbuild "$KILN/tests/apps/callcost" "$TMP/cc"
boot "$TMP/cc/callcost_kvm-x86_64" 1000
like "$boot_out" '^calls 1000, function sum 500500, getpid returned 1$' \
	"callcost: 1000 calls, every getpid through the trap returned pid 1"
like "$boot_out" '^getpid system call: [0-9]+\.[0-9] ns per call$' \
	"callcost: prints ns per system call"

diag "$(($(date +%s) - start)) s"
plan "$tap_n"
