#!/usr/bin/env bash
# ukimg on the real images: every example's image (default target) and
# helloworld's image for every other target pass `ukimg check` for their
# platform, and `ukimg size` rows add up to their loaded size.
source "$(dirname "$0")/lib/tap.sh"
source "$(dirname "$0")/fixtures/ukimg/lib.sh"

apps=()
for a in "$KILN"/examples/*/; do
	[ -f "$a/Config.uk" ] && apps+=("$(basename "$a")")
done
targets=()
for t in "$KILN"/targets/*; do
	[ "$(basename "$t")" = kvm-x86_64 ] || targets+=("$(basename "$t")")
done
plan $((1 + 4 * ${#apps[@]} + 4 * ${#targets[@]} + 2))

uk=$TMP/ukimg
check "ukimg builds with ASan and UBSan" ukimg_build_san "$uk"

# image_checks OUT: check each image of build dir OUT (4 tests).
image_checks() {
	local out=$1 dbg img plat=kvm rc csv
	dbg=$(find "$out" -maxdepth 1 -name '*_*-*.dbg' | head -n 1)
	img=${dbg%.dbg}
	[[ $img =~ _(kvm|xen)-[^/]*$ ]] && plat=${BASH_REMATCH[1]}
	rc=0
	o=$("$uk" check --plat "$plat" "$img" 2>&1) || rc=$?
	is "$rc:$o" "0:" "$(basename "$img"): check --plat $plat passes"
	rc=0
	o=$("$uk" check --plat "$plat" "$dbg" 2>&1) || rc=$?
	is "$rc:$o" "0:" "$(basename "$dbg"): check --plat $plat passes"
	if [ ! -f "$dbg.map" ]; then
		skip "no link map $dbg.map" 2
		return
	fi
	rc=0
	csv=$("$uk" size --csv "$dbg" 2>&1) || rc=$?
	is "$rc" 0 "$(basename "$dbg"): size succeeds"
	is "$(csv_sum "$csv")" "$(load_size "$dbg")" \
		"$(basename "$dbg"): size rows add up to the loaded size"
}

for a in "${apps[@]}"; do
	out=$TMP/build-$a
	if ! kmake A="examples/$a" O="$out" C="$TMP/$a.config" \
		>"$TMP/$a.log" 2>&1; then
		skip "examples/$a does not build here" 4
		continue
	fi
	image_checks "$out"
done

for t in "${targets[@]}"; do
	out=$TMP/build-$t
	if ! kmake TARGET="$t" O="$out" C="$TMP/$t.config" \
		>"$TMP/$t.log" 2>&1; then
		skip "helloworld for $t does not build here" 4
		continue
	fi
	image_checks "$out"
done

# helloworld with the multiboot header as well as the PVH note.
c=$TMP/mb.config
cp "$TMP/helloworld.config" "$c"
sed -i 's/^# CONFIG_KVM_MULTIBOOT is not set$/CONFIG_KVM_MULTIBOOT=y/' "$c"
if kmake O="$TMP/build-mb" C="$c" olddefconfig >/dev/null 2>&1 &&
	kmake O="$TMP/build-mb" C="$c" >"$TMP/mb.log" 2>&1; then
	img=$TMP/build-mb/helloworld_kvm-x86_64
	rc=0
	o=$("$uk" check -v --plat kvm "$img" 2>&1) || rc=$?
	is "$rc:$o" "0:$img: ok (pvh multiboot)" \
		"helloworld with multiboot: both protocols, check passes"
	rc=0
	o=$("$uk" check --plat kvm "$img.dbg" 2>&1) || rc=$?
	is "$rc:$o" "0:" "its .dbg passes too"
else
	skip "helloworld with CONFIG_KVM_MULTIBOOT does not build here" 2
fi
