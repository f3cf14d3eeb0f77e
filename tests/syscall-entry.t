#!/usr/bin/env bash
# The system-call entries (x86_64 syscall, arm64 svc #0, in Kiln's own
# mode) under hostile callers, through tests/apps/trapregs (musl): every
# register but the result (and x86's rcx, r11) comes back as it was,
# vector registers, FP control and flags (DF) included, also across a
# signal handler that clobbers them; x86's red zone survives; numbers
# beyond the table give ENOSYS; a call with almost no stack left is a
# reported crash, a call with a little more works. Without LIBUKSYSCALL
# the instruction is a reported crash. kvm-x86_64, kvm-arm64 (also with
# -cpu max: RNDR), kvm-x86_64 on QEMU's pc too and, briefly (~2 s a
# boot), xen-x86_64.
source "$(dirname "$0")/lib/tap.sh"

calls=("getpid 1" "write 14" "kill 0" "100000 -38" "-1 -38"
	"0x7fffffffffffffff -38" "512 -38")
per_target=$((2 * ${#calls[@]} + 13))
plan $((2 * per_target + 2 + 2 + 4 + 6))

libc_line='^libc: argc=2 sqrt2=1\.414214 pid=1 tls=5 0x1p\+0 0\.3333333333 big clock$'

# missing TARGET: what the pair lacks to build and boot a musl app.
missing() {
	local need
	case $1 in
	kvm-arm64) need="aarch64-linux-gnu-gcc qemu-system-aarch64 /usr/lib/aarch64-linux-musl/libc.a" ;;
	xen-x86_64) need="qemu-system-x86_64 /usr/lib/x86_64-linux-musl/libc.a /boot/xen-4.17-amd64.gz" ;;
	*) need="qemu-system-x86_64 /usr/lib/x86_64-linux-musl/libc.a" ;;
	esac
	for need in $need; do
		if [[ $need == /* ]]; then
			[ -e "$need" ] || { echo "$need"; return 0; }
		else
			command -v "$need" >/dev/null || { echo "$need"; return 0; }
		fi
	done
	return 1
}

# entry_tests TARGET: the per_target tests on one pair.
entry_tests() {
	local t=$1 lack img call name want report start
	BOOT_TARGET=$t
	if lack=$(missing "$t"); then
		skip "no $lack (support/scripts/deps $t)" "$per_target"
		return
	fi
	check "$t: trapregs builds" kbuild "$KILN/tests/apps/trapregs" "$TMP/$t"
	img=$TMP/$t/trapregs_$t

	for call in "${calls[@]}"; do
		name=${call% *} want=${call#* }
		boot "$img" regs "$name"
		like "$boot_out" "^regs $name: result $want, all kept\$" \
			"$t: system call $name returns $want, every other register kept"
		is "$boot_rc" 0 "$t: system call $name: exit 0"
		[ "$name" != kill ] ||
			like "$boot_out" '^handler: signal 10$' \
				"$t: the signal handler ran within kill() and made a call itself"
	done

	boot "$img" lowstack 2048
	like "$boot_out" '^lowstack 2048: result 18$' \
		"$t: write() with 2 KiB of stack left works"
	is "$boot_rc" 0 "$t: and exits 0"

	start=$(date +%s)
	boot "$img" lowstack 64
	is "$boot_rc" 134 "$t: a call with 64 bytes of stack left is a crash (134)"
	[ "$t" = kvm-arm64 ] && report='data abort, translation fault' ||
		report='#PF page fault'
	like "$boot_out" "$report" "$t: reported as the fault on the guard page"
	like "$boot_out" '^lowstack 64: calling$' "$t: after the call was made"
	is "$(grep -c '^lowstack 64: result' <<<"$boot_out")" 0 \
		"$t: and nothing ran on"
	ended_within "$start" 20 "$t: the crash ends the VM within seconds"

	boot "$img" rand
	like "$boot_out" '^rand: 16 16 differ' "$t: getrandom() gives 16 bytes, twice different"
	boot "$img" libc
	like "$boot_out" "$libc_line" "$t: printf, libm, long double, TLS, malloc, clocks"
	is "$boot_rc" 0 "$t: exit 0"

	boot "$img" stackuse
	like "$boot_out" '^stackuse write: [0-9]+ bytes$' "$t: stack use measured"
	diag "$t: $(grep '^stackuse [a-z0-9_]*:' <<<"$boot_out" | tr '\n' ' ')"
}

entry_tests kvm-x86_64
entry_tests kvm-arm64

# RNDR at EL1 under QEMU's max CPU (the default cortex-a57 has none).
if missing kvm-arm64 >/dev/null; then
	skip "no arm64 toolchain or QEMU" 2
else
	QEMU_CPU=max boot "$TMP/kvm-arm64/trapregs_kvm-arm64" rand
	like "$boot_out" '^rand rndr: a number$' "kvm-arm64 -cpu max: RNDR gives a number at EL1"
	like "$boot_out" '^rand: 16 16 differ, hardware yes$' "kvm-arm64 -cpu max: getrandom() uses it"
fi

# QEMU's pc machine (SeaBIOS runs first) as well as the default microvm.
if missing kvm-x86_64 >/dev/null; then
	skip "no x86_64 QEMU or musl" 2
else
	BOOT_TARGET=kvm-x86_64
	QEMU_MACHINE=pc boot "$TMP/kvm-x86_64/trapregs_kvm-x86_64" regs kill
	like "$boot_out" '^regs kill: result 0, all kept$' "kvm-x86_64 pc: kill() and its handler keep every register"
	QEMU_MACHINE=pc boot "$TMP/kvm-x86_64/trapregs_kvm-x86_64" libc
	like "$boot_out" "$libc_line" "kvm-x86_64 pc: the libc line"
fi

# Without LIBUKSYSCALL (nolibc), the instruction is a reported crash.
for t in kvm-x86_64 kvm-arm64; do
	if missing "$t" >/dev/null; then
		skip "no tools for $t" 2
		continue
	fi
	BOOT_TARGET=$t
	kbuild "$KILN/tests/apps/probe" "$TMP/probe-$t" || true
	boot "$TMP/probe-$t/probe_$t" syscall
	is "$boot_rc" 134 "$t: without LIBUKSYSCALL the system-call instruction is a crash"
	[ "$t" = kvm-arm64 ] && report='Fatal synchronous exception: SVC instruction' ||
		report='#UD invalid opcode'
	like "$boot_out" "$report" "$t: reported as such"
done

# Xen (PVH dom0; ~2 s a boot): the MSRs, the console and the status.
BOOT_TARGET=xen-x86_64
if lack=$(missing xen-x86_64); then
	skip "no $lack (support/scripts/deps xen-x86_64)" 6
else
	check "xen-x86_64: trapregs builds" kbuild "$KILN/tests/apps/trapregs" "$TMP/xen"
	BOOT_TIMEOUT=60 boot "$TMP/xen/trapregs_xen-x86_64" regs kill
	like "$boot_out" '^regs kill: result 0, all kept$' "xen-x86_64: kill() and its handler keep every register"
	is "$boot_rc" 0 "xen-x86_64: exit 0"
	BOOT_TIMEOUT=60 boot "$TMP/xen/trapregs_xen-x86_64" libc
	like "$boot_out" "$libc_line" "xen-x86_64: the libc line"
	BOOT_TIMEOUT=60 boot "$TMP/xen/trapregs_xen-x86_64" lowstack 64
	is "$boot_rc" 134 "xen-x86_64: a call without stack is a crash (134)"
	like "$boot_out" '#PF page fault' "xen-x86_64: reported as the page fault"
fi
