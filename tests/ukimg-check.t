#!/usr/bin/env bash
# `ukimg check` on crafted images: each bad one fails with its own line,
# exit status 1, no sanitizer report and no hang; good ones pass silently.
source "$(dirname "$0")/lib/tap.sh"
source "$(dirname "$0")/fixtures/ukimg/lib.sh"

# variant|check options|pattern the output must match
bad=(
	"wx||segment 0 .*is both writable and executable"
	"truncated||runs past the end of the file .*truncated file"
	"badnote||bad note at file offset 0x[0-9a-f]+"
	"mbpast||multiboot header at file offset 0x4000 is past the first 8 KiB"
	"notelf||not an ELF file"
	"mbmisalign||multiboot header .* is not 4-byte aligned"
	"mbbadsum||multiboot header .* has a bad checksum"
	"mbloadend||multiboot load_end_addr .* past the end of the file"
	"mbloadbss||load_end_addr 0x[0-9a-f]+ loads file bytes over .bss"
	"mbentrydata||multiboot entry_addr 0x[0-9a-f]+ is not in an executable"
	"entrydata||entry point 0x[0-9a-f]+ is not in an executable segment"
	"overlap||segments [0-9]+ and [0-9]+ overlap in physical memory"
	"notealign8||QEMU reads PVH entry 0x0, not 0x[0-9a-f]+"
	"noboot||no boot protocol for x86"
	"noboot|--plat kvm|no boot protocol for kvm"
	"mbonly|--plat xen|no boot protocol for xen: no PVH note"
	"mbonly|--plat xen|no XEN_ELFNOTE_GUEST_OS note"
	"badphoff||program headers .* run past the end of the file"
	"hugeseg||segment 0 .* runs past the end of the file"
	"hugeshnum||section headers .* run past the end of the file"
	"a64nohdr|--plat kvm|no arm64 Linux Image header"
)
good=(
	"good|" "good|--plat kvm" "good|--plat xen" "pvhonly|--plat xen"
	"mbonly|--plat kvm" "mbraw|--plat kvm" "a64|--plat kvm"
	"a64raw|--plat kvm"
)
plan $((2 + 2 * ${#bad[@]} + ${#good[@]} + 7))

uk=$TMP/ukimg
img=$TMP/img
check "ukimg builds with ASan and UBSan" ukimg_build_san "$uk"
check "the test images build" ukimg_images "$img"
have_a64=
[ ! -f "$img/a64" ] || have_a64=y

# run VARIANT OPTIONS: sets out and rc.
run() {
	rc=0
	# shellcheck disable=SC2086 # options are words
	out=$(timeout 20 "$uk" check $2 "$img/$1" 2>&1) || rc=$?
}

for t in "${bad[@]}"; do
	IFS='|' read -r v opts pat <<<"$t"
	if [[ $v == a64* && -z $have_a64 ]]; then
		skip "no aarch64 cross tools" 2
		continue
	fi
	run "$v" "$opts"
	is "$rc" 1 "$v${opts:+ $opts}: exit status 1 (no crash, no hang)"
	like "$out" "^$img/$v: .*$pat" "$v${opts:+ $opts}: reports /$pat/"
	sanitized "$out" || diag "$out"
done

for t in "${good[@]}"; do
	IFS='|' read -r v opts <<<"$t"
	if [[ $v == a64* && -z $have_a64 ]]; then
		skip "no aarch64 cross tools"
		continue
	fi
	run "$v" "$opts"
	is "$rc:$out" "0:" "$v${opts:+ $opts}: passes silently"
done

run good "-v --plat kvm"
like "$out" "^$img/good: ok \(pvh multiboot\)$" "-v prints one ok line"

all_clean=0
for f in "$img"/* "$UKIMG_FIXTURES"/corpus/*; do
	[[ $f == *.* ]] && continue
	r=0
	o=$(timeout 20 "$uk" info "$f" 2>&1) || r=$?
	[ "$r" = 0 ] || [ "$r" = 1 ] || r=1000
	o+=$(timeout 20 "$uk" check "$f" 2>&1) || r=$((r + $?))
	if [ "$r" -gt 2 ] || ! sanitized "$o"; then
		diag "$f: exit $r: $o"
		all_clean=1
	fi
done
ok "$all_clean" "info and check on every image and seed: no crash, no hang"

rc=0
out=$(timeout 20 "$uk" check "$TMP/nonexistent" 2>&1) || rc=$?
like "$rc: $out" "^1: .*nonexistent: No such file" \
	"a missing file: one line, exit 1"
: >"$TMP/empty"
rc=0
out=$(timeout 20 "$uk" check "$TMP/empty" 2>&1) || rc=$?
is "$rc: $out" "1: $TMP/empty: empty file" "an empty file: one line, exit 1"
rc=0
out=$(timeout 20 "$uk" check /dev/zero 2>&1) || rc=$?
is "$rc: $out" "1: /dev/zero: not a regular file (a character device)" \
	"a device is refused, not read forever"

# A raw arm64 Image cut before the code its first instruction branches
# to: the header alone can tell (a cut further on it cannot: its
# image_size includes .bss).
if [ -n "$have_a64" ]; then
	head -c 64 "$img/a64raw" >"$TMP/a64cut"
	rc=0
	out=$(timeout 20 "$uk" check "$TMP/a64cut" 2>&1) || rc=$?
	is "$rc: $out" "1: $TMP/a64cut: arm64 Image entry (code0 branches to file offset 0x40) is outside the file (64 bytes): truncated file?" \
		"a raw arm64 Image cut before its entry: one line, exit 1"
	head -c 68 "$img/a64raw" >"$TMP/a64cut"
	rc=0
	out=$(timeout 20 "$uk" check "$TMP/a64cut" 2>&1) || rc=$?
	is "$rc: $out" "0: " "cut just after its entry instruction: the header cannot tell"
else
	skip "no aarch64 cross tools" 2
fi
