#!/usr/bin/env bash
# What Rust's prebuilt std needs from C: the staticlib of examples/rust-std
# (LIBUKRUST_STD, panic = "abort"), reduced to what a link starting at
# main() pulls in (ld -r --gc-sections), names symbols it does not define.
# Each arch's must all be in tests/fixtures/rust-std/symbols-<arch>, and
# musl's libc.a must define those the list says musl gives: a Rust
# release that needs something new fails here, naming it.
source "$(dirname "$0")/lib/tap.sh"
arches=(x86_64 arm64)
plan $((${#arches[@]} * 4))

# defined LIBC.A: the global and weak symbols the archive defines.
defined() {
	readelf -sW "$1" | awk '$1 ~ /^[0-9]+:$/ && ($5 == "GLOBAL" || $5 == "WEAK") &&
		$7 != "UND" { print $8 }' | sort -u
}

for arch in "${arches[@]}"; do
	case $arch in
	x86_64) ld=ld musl=/usr/lib/x86_64-linux-musl/libc.a ;;
	arm64) ld=aarch64-linux-gnu-ld musl=/usr/lib/aarch64-linux-musl/libc.a ;;
	esac
	triple=$("$KILN/support/scripts/rust-target" --std "$arch")
	if [ -z "$triple" ] || ! command -v "$ld" >/dev/null; then
		skip "$arch: no Rust std or no $ld (support/scripts/deps kvm-$arch)" 4
		continue
	fi
	out=$TMP/$arch lib=$TMP/$arch/rust/libkiln_rust.a
	args=(-s -C "$KILN" A="$KILN/examples/rust-std" O="$out" C="$out.config")
	rc=0
	{ make "${args[@]}" TARGET="kvm-$arch" defconfig &&
		make "${args[@]}" "$lib"; } >"$out.log" 2>&1 || rc=$?
	ok $rc "$arch: the std staticlib of examples/rust-std builds ($triple)"
	if [ $rc != 0 ]; then
		sed 's/^/#   /' "$out.log" | tail -n 20
		skip "$arch: no staticlib" 3
		continue
	fi

	"$ld" -r -e main -u main --gc-sections -o "$TMP/$arch.o" "$lib"
	readelf -sW "$TMP/$arch.o" | awk '$1 ~ /^[0-9]+:$/ && $7 == "UND" && $8 != "" { print $8 }' |
		sort -u >"$TMP/$arch.needed"
	list=$KILN/tests/fixtures/rust-std/symbols-$arch
	sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$list" | sort -u -k1,1 >"$TMP/$arch.list"
	new=$(cut -d' ' -f1 "$TMP/$arch.list" | comm -23 "$TMP/$arch.needed" -)
	is "$(echo $new)" "" "$arch: std needs no symbol outside ${list#"$KILN"/}"
	[ -z "$new" ] || diag "new: $(echo $new) (check musl and uksyscall handle them, then list them)"
	gone=$(cut -d' ' -f1 "$TMP/$arch.list" | comm -13 "$TMP/$arch.needed" -)
	[ -z "$gone" ] || diag "listed but no longer needed: $(echo $gone)"

	if [ -r "$musl" ]; then
		defined "$musl" >"$TMP/$arch.musl"
		missing=$(awk '$2 == "musl" { print $1 }' "$TMP/$arch.list" | comm -23 - "$TMP/$arch.musl")
		is "$(echo $missing)" "" "$arch: musl's libc.a defines every symbol listed as musl's"
	else
		skip "$arch: no $musl (musl-dev:$( [ $arch = arm64 ] && echo arm64 || echo amd64))"
	fi
	bad=$(awk '$2 != "musl" && $2 != "kiln" { print $1 }' "$TMP/$arch.list")
	is "$(echo $bad)" "" "$arch: every listed symbol says who gives it (musl or kiln)"
done
