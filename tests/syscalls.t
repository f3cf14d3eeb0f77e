#!/usr/bin/env bash
# The Linux system-call layer (lib/uksyscall) under musl: the syscalls
# app's words (tests/apps/syscalls) print one line per result. Every
# line must be the one in tests/fixtures/syscalls/ARCH.out, and every
# line not marked '~' (Kiln differs by design) the one Linux gives the
# same program built with musl-gcc on this host.
source "$(dirname "$0")/lib/tap.sh"

words=(enosys mmap brk malloc signal time futex random fds ids hostile paths files pipes hostilefs)
app=$KILN/tests/apps/syscalls

# lines WORD TEXT: the app's lines for WORD (marked or not) in TEXT.
lines() { grep -E "^~?$1: " <<<"$2" || true; }

# same GOT EXPECTED DESCRIPTION: is, with a diff when they differ.
same() {
	if [ "$1" = "$2" ]; then
		ok 0 "$3"
	else
		ok 1 "$3"
		{ diff <(echo "$2") <(echo "$1") || true; } | sed 's/^/#   /' | head -n 20
	fi
}

# ENDINGS: word(s), status, a line the output must have ('' for none).
endings=(
	"abort|134|"
	"term|143|^term: raise SIGTERM$"
	"kill|137|^kill: SIGKILL to itself$"
	"blockkill|137|^blockkill: SIGTERM blocked, still here$"
	"exit 7|7|"
	"exit 300|44|"
	"close1|0|^close1: printf after close\\(1\\) = -1 EBADF$"
)

# The host's answers: Linux's, with stdin /dev/null and stdout a pipe.
host=
if command -v musl-gcc >/dev/null &&
	musl-gcc -O2 -static -o "$TMP/host" "$app"/*.c >"$TMP/host.log" 2>&1; then
	host=$TMP/host
	host_out=$("$host" "${words[@]}" </dev/null 5>&- 2>&1) || true
fi

# suite TARGET [N]: the words in one boot, then the first N endings
# (all), one boot each.
suite() {
	local t=$1 n=${2:-${#endings[@]}} arch=x86_64 img e w rc want line
	[ "$t" = kvm-arm64 ] && arch=arm64
	img=$TMP/$t/syscalls_$t
	BOOT_TARGET=$t BOOT_TIMEOUT=120 boot "$img" "${words[@]}"
	is "$boot_rc $boot_err" "0 " "$t: all words run, exit status 0"
	for w in "${words[@]}"; do
		same "$(lines "$w" "$boot_out")" \
			"$(lines "$w" "$(cat "$KILN/tests/fixtures/syscalls/$arch.out")")" \
			"$t: $w: every line as expected"
	done
	if [ -n "$host" ] && [ "$arch" = x86_64 ]; then
		for w in "${words[@]}"; do
			same "$(lines "$w" "$boot_out" | grep -v '^~')" \
				"$(lines "$w" "$host_out" | grep -v '^~')" \
				"$t: $w: as Linux answers (the host, musl-gcc)"
		done
	else
		skip "no host to compare with (musl-gcc, x86_64)" ${#words[@]}
	fi
	# One line for io_setup, called twice, and one for 100000 and -1
	# (numbers past the table share theirs); the program goes on.
	e=$(grep -c 'system call 206 (io_setup) is not implemented: ENOSYS$' <<<"$boot_out" || true)
	[ "$arch" = arm64 ] && e=$(grep -c 'system call 0 (io_setup) is not implemented: ENOSYS$' <<<"$boot_out" || true)
	is "$e" 1 "$t: io_setup, called twice, is named once on the console"
	e=$(grep -c 'is not implemented: ENOSYS$' <<<"$boot_out" || true)
	is "$e" 2 "$t: two ENOSYS lines in all (io_setup; 100000 and -1 share one)"
	like "$boot_out" '^abc$' "$t: writev's two buffers reach the console"

	for e in "${endings[@]:0:n}"; do
		IFS='|' read -r w want line <<<"$e"
		# shellcheck disable=SC2086 # the words are split on purpose
		BOOT_TARGET=$t boot "$img" $w
		is "$boot_rc" "$want" "$t: '$w' ends with status $want"
		is "$boot_err" "" "$t: '$w': the app's status, no error line"
		if [ -n "$line" ]; then
			like "$boot_out" "$line" "$t: '$w': $line"
		fi
		if [ -n "$host" ] && [ "$arch" = x86_64 ]; then
			# Through sh, whose "Killed" goes nowhere.
			# shellcheck disable=SC2086,SC2016
			rc=$(sh -c '"$0" "$@" </dev/null >/dev/null 2>&1; echo $?' \
				"$host" $w 2>/dev/null)
			is "$rc" "$want" "$t: '$w': Linux ends it with $want too"
		else
			skip "no host to compare with"
		fi
	done
}

build_for() { BOOT_TARGET=$1 kbuild "$app" "$TMP/$1"; }

check "kvm-x86_64: the syscalls app builds" build_for kvm-x86_64
suite kvm-x86_64
img=$TMP/kvm-x86_64/syscalls_kvm-x86_64

# A bad pointer: Linux answers EFAULT. Kiln has no user/kernel split: the
# handler's own access faults the guest, a crash with its report (134),
# not a write somewhere (the first page is unmapped, the code read-only).
for b in write clock uname text; do
	boot "$img" badptr "$b"
	is "$boot_rc" 134 "badptr $b: the guest crashes (134)"
	like "$boot_out" 'page fault' "badptr $b: the report names the page fault"
	if [ -n "$host" ]; then
		like "$("$host" badptr "$b" 2>&1)" "^badptr: $b = -1 EFAULT$" \
			"badptr $b: Linux answers EFAULT"
	else
		skip "no host to compare with"
	fi
done

# Files fill the heap: ENOSPC, not a crash, and unlinking gives the room
# back (on the guest only: the host's /tmp is a disk).
boot "$img" fill
like "$boot_out" '^fill: the last write = -1 ENOSPC$' "fill: a full tmpfs says ENOSPC"
like "$boot_out" '^fill: then 1 MiB fits again = 1048576$' \
	"fill: after unlink the room is back"
is "$boot_rc" 0 "fill: the image goes on to exit 0"

# getrandom past the 32 MiB - 1 of older kernels: Linux 6 gives it all.
MEM=128M boot "$img" bigrandom
like "$boot_out" '^bigrandom: getrandom 48 MiB = 50331648$' \
	"getrandom of 48 MiB gives 48 MiB"

# arm64 (lib/uksyscall/arm64: the svc entry): the same words, where it
# builds (musl-dev:arm64 installed, the entry there).
if [ -d "$KILN/lib/uksyscall/arm64" ] && [ -f /usr/lib/aarch64-linux-musl/libc.a ]; then
	check "kvm-arm64: the syscalls app builds" build_for kvm-arm64
	suite kvm-arm64 3	# abort, SIGTERM, SIGKILL
else
	skip "kvm-arm64: no arm64 system-call entry or no musl-dev:arm64 here" 1
fi
plan "$tap_n"
