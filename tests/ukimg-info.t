#!/usr/bin/env bash
# `ukimg info`: machine, entry, segments and the boot protocols found.
source "$(dirname "$0")/lib/tap.sh"
source "$(dirname "$0")/fixtures/ukimg/lib.sh"
plan 9

uk=$TMP/ukimg
img=$TMP/img
check "ukimg builds" ukimg_build "$uk"
check "the test images build" ukimg_images "$img" good a64raw notelf badnote

# sym IMG NAME: a symbol's address, as ukimg prints it.
sym() { printf '0x%x' "0x$(nm "$1" | awk -v s="$2" '$3 == s { print $1 }')"; }

out=$("$uk" info "$img/good")
like "$out" "^$img/good: ELF64 x86_64 executable" "machine and type"
like "$out" "^entry: $(sym "$img/good" _start)$" "entry point"
like "$out" "^  0 +LOAD +r-x +0x1000 +0x100000 +0x100000 " \
	"segments with their permissions"
like "$out" "^  pvh +entry $(sym "$img/good" pvh_entry)$" "the PVH entry"
mb="header_addr 0x100000 load_addr 0x100000"
mb+=" load_end_addr $(sym "$img/good" _edata)"
mb+=" bss_end_addr $(sym "$img/good" _end)"
mb+=" entry_addr $(sym "$img/good" mb_entry)"
like "$out" "^ +$mb$" "the multiboot address fields"
like "$out" '^  Xen GUEST_OS +"Kiln"$' "other Xen notes"
if [ -f "$img/a64raw" ]; then
	a="^  arm64 +Image header at file offset 0x0, text_offset 0x0"
	a+=" image_size 0x[0-9a-f]+ flags 0xa$"
	like "$("$uk" info "$img/a64raw")" "$a" \
		"a raw arm64 Image and its header"
else
	skip "no aarch64 cross tools"
fi
