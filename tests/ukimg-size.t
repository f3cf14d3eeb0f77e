#!/usr/bin/env bash
# `ukimg size`: bytes per library from the link map; the rows add up to
# the loaded size (sum of PT_LOAD p_memsz); bad maps give one line.
source "$(dirname "$0")/lib/tap.sh"
source "$(dirname "$0")/fixtures/ukimg/lib.sh"
plan 14

uk=$TMP/ukimg
img=$TMP/img
check "ukimg builds with ASan and UBSan" ukimg_build_san "$uk"
check "the test images build" ukimg_images "$img" good mbpast notelf

rc=0
csv=$("$uk" size "$img/good" --csv 2>&1) || rc=$?
is "$rc" 0 "size --csv succeeds (map found next to the image)"
is "$(head -n 1 <<<"$csv")" "library,text,rodata,data,bss,total" "CSV header"
is "$(csv_sum "$csv")" "$(load_size "$img/good")" \
	"rows add up to the sum of PT_LOAD p_memsz"
like "$csv" "^good,[0-9]+,[0-9]+,[0-9]+,4096," "the object's row, with its bss"
like "$csv" "^libextra\.a,8,0,8,0,16$" "an archive is one row named after it"
sorted=$(awk -F, 'NR > 1 { print $6 }' <<<"$csv")
is "$sorted" "$(sort -rn <<<"$sorted")" "largest first"

table=$("$uk" size "$img/good" 2>&1)
like "$table" "^total( +[0-9]+){4} +$(load_size "$img/good")$" \
	"the table's total line is the loaded size"

cp "$img/good.map" "$TMP/elsewhere.map"
rm "$img/good.map"
is "$("$uk" size "$img/good" --map "$TMP/elsewhere.map" --csv 2>&1)" "$csv" \
	"--map FILE gives the same rows"

rc=0
out=$("$uk" size "$img/good" 2>&1) || rc=$?
like "$rc: $out" "^1: .*cannot open the link map .*good\.map" \
	"a missing map: one line, exit 1"
rc=0
out=$("$uk" size "$img/good" --map "$img/mbpast.map" 2>&1) || rc=$?
like "$rc: $out" "^1: .*mbpast\.map: does not match .*stale map" \
	"another image's map is refused"
rc=0
out=$("$uk" size "$img/notelf" --map "$TMP/elsewhere.map" 2>&1) || rc=$?
like "$rc: $out" "^1: .*notelf: not an ELF file" "not an ELF: one line, exit 1"

# Damaged maps: cut short, shuffled, fields reversed, random bytes.
bad=0
full=$TMP/elsewhere.map
for i in 1 2 3 4 5 6; do
	m=$TMP/bad$i.map
	case $i in
	1 | 2 | 3) head -c $((i * $(stat -c %s "$full") / 4)) "$full" >"$m" ;;
	4) shuf "$full" >"$m" ;;
	5) awk '{ for (i = NF; i > 0; i--) printf "%s ", $i; print "" }' \
		"$full" >"$m" ;;
	6) { echo "Linker script and memory map"
	     head -c 20000 /dev/urandom; } >"$m" ;;
	esac
	rc=0
	out=$(timeout 20 "$uk" size "$img/good" --map "$m" 2>&1) || rc=$?
	if [ "$rc" -gt 1 ] || ! sanitized "$out"; then
		diag "map $i: exit $rc: $out"
		bad=1
	fi
done
ok "$bad" "damaged maps: no crash, no hang"
