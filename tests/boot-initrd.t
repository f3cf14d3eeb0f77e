#!/usr/bin/env bash
# The initial RAM disk (ukplat_initrd(), uk/plat/bootinfo.h; make run
# INITRD=, docs/running.md). A tiny nolibc app prints where the initrd
# is, whether any free RAM range overlaps it, its length and POSIX cksum
# of its bytes, then ("fill") takes and writes the whole heap and sums
# the initrd again ("write": writes its first byte, which must fault).
# The figures must be the host's `cksum` of the same
# file, on kvm-x86_64 (PVH on microvm and pc, multiboot on pc),
# kvm-arm64 and xen-x86_64 (dom0 in QEMU), for a directory packed by
# the run script and for a 10 MB file with MEM=64M; without INITRD the
# app gets NULL and 0. The packer gives the same bytes for the same tree
# however it was made (mtimes, owners, creation order); a missing INITRD
# is one error line and 125 before QEMU starts. On arm64 the device
# tree's /chosen is rewritten (QEMU's -dtb) to give 64-bit cells and
# absurd ranges: those boot with one warning line and no initrd.
source "$(dirname "$0")/lib/tap.sh"

mkinitrd=$KILN/support/scripts/mkinitrd

# The app, in the scratch directory.
app=$TMP/app
mkdir -p "$app"
cat >"$app/Config.uk" <<'EOF'
config APPINITRD
	bool
	default y
	select LIBNOLIBC if !HAVE_LIBC
EOF
cat >"$app/Makefile.uk" <<'EOF'
$(eval $(call addlib,appinitrd))
APPINITRD_SRCS-y += $(APPINITRD_BASE)/main.c
EOF
cat >"$app/main.c" <<'EOF'
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <uk/plat/bootinfo.h>
#include <uk/plat/memory.h>

/* POSIX cksum (coreutils' cksum without options): CRC-32, polynomial
 * 0x04c11db7, most significant bit first, the length's bytes after the
 * data, complemented.
 */
static uint32_t cksum(const unsigned char *p, size_t n)
{
	static uint32_t t[256];
	uint32_t c = 0, v;
	size_t i;
	int k;

	for (i = 0; i < 256; i++) {
		for (v = (uint32_t)i << 24, k = 0; k < 8; k++)
			v = v & 0x80000000u ? (v << 1) ^ 0x04c11db7u : v << 1;
		t[i] = v;
	}
	for (i = 0; i < n; i++)
		c = (c << 8) ^ t[(c >> 24) ^ p[i]];
	for (i = n; i; i >>= 8)
		c = (c << 8) ^ t[(c >> 24) ^ (i & 0xff)];
	return ~c;
}

int main(int argc, char **argv)
{
	size_t len = 12345, heap = 0;
	const unsigned char *p = ukplat_initrd(&len);
	int i, overlap = 0;
	void *m;

	if (!p) {
		printf("initrd: none, length %lu\n", (unsigned long)len);
		return 0;
	}
	printf("initrd: at %p\n", (void *)p);
	for (i = 0; i < ukplat_memregion_count(); i++) {
		const struct ukplat_memregion *r = ukplat_memregion_get(i);

		if (r->base < (uintptr_t)p + len &&
		    (uintptr_t)p < r->base + r->len)
			overlap = 1;
	}
	printf("initrd: free RAM overlaps it: %s\n", overlap ? "yes" : "no");
	printf("initrd: sum %lu %lu\n", (unsigned long)cksum(p, len),
	       (unsigned long)len);
	if (argc > 1 && !strcmp(argv[1], "write")) {
		*(volatile unsigned char *)p = 1;
		printf("initrd: written\n");
	}
	if (argc > 1 && !strcmp(argv[1], "fill")) {
		while ((m = malloc(65536))) {
			memset(m, 0xa5, 65536);
			heap += 65536;
		}
		printf("initrd: heap filled, %lu KiB\n",
		       (unsigned long)(heap >> 10));
		printf("initrd: sum %lu %lu\n", (unsigned long)cksum(p, len),
		       (unsigned long)len);
	}
	return 0;
}
EOF

# A tree: files of assorted sizes (one not a multiple of 4, one empty),
# nested directories (one empty), a symbolic link, an executable.
dirs=(etc etc/conf.d bin var var/lib var/lib/a var/lib/b)
files=(etc/hostname etc/conf.d/big empty bin/run var/lib/b/three)
content() {
	case $1 in
	etc/hostname) printf 'kiln\n' ;;
	etc/conf.d/big) head -c 70001 /dev/zero | tr '\0' x ;;
	bin/run) printf '#!/bin/sh\n' ;;
	var/lib/b/three) printf abc ;;
	esac
}
# mktree DIR fwd|rev: the tree, its entries made in one order or the
# other (other inode numbers, another readdir order).
mktree() {
	local d=$1 i n k
	n=${#dirs[@]}
	for ((i = 0; i < n; i++)); do
		k=$i
		[ "$2" = fwd ] || k=$((n - 1 - i))
		mkdir -p "$d/${dirs[k]}"
	done
	n=${#files[@]}
	for ((i = 0; i < n; i++)); do
		k=$i
		[ "$2" = fwd ] || k=$((n - 1 - i))
		content "${files[k]}" >"$d/${files[k]}"
	done
	ln -s ../etc/hostname "$d/bin/link"
	find "$d" -type d -exec chmod 755 {} +
	find "$d" -type f -exec chmod 644 {} +
	chmod 755 "$d/bin/run"
}
mktree "$TMP/t1" fwd
mktree "$TMP/t2" rev
touch -h -d '2001-02-03 04:05:06' "$TMP/t2/etc/hostname" "$TMP/t2/bin/link" "$TMP/t2/var"
# (root here: other owners too)
[ "$(id -u)" != 0 ] || chown -R -h 65534:65534 "$TMP/t2"

# Host side: packing.
"$mkinitrd" "$TMP/t1" "$TMP/p1.cpio" && tap_r=0 || tap_r=1
ok "$tap_r" "mkinitrd packs a directory"
sleep 1
touch "$TMP/t1/etc/hostname"
"$mkinitrd" "$TMP/t1" "$TMP/p1b.cpio" && "$mkinitrd" "$TMP/t2" "$TMP/p2.cpio" && tap_r=0 || tap_r=1
ok "$tap_r" "and again, and the same tree made otherwise"
cmp -s "$TMP/p1.cpio" "$TMP/p1b.cpio" && tap_r=0 || tap_r=1
ok "$tap_r" "the same tree with another mtime packs to the same bytes"
cmp -s "$TMP/p1.cpio" "$TMP/p2.cpio" && tap_r=0 || tap_r=1
ok "$tap_r" "a tree made in the other order, with other times, inodes and owners, packs to the same bytes"
if command -v cpio >/dev/null; then
	names=$(cpio -it --quiet <"$TMP/p1.cpio" | tr '\n' ' ')
	is "$names" "bin bin/link bin/run empty etc etc/conf.d etc/conf.d/big etc/hostname var var/lib var/lib/a var/lib/b var/lib/b/three " \
		"GNU cpio reads it: relative names, no ./, sorted, directories first"
	mkdir "$TMP/x"
	(cd "$TMP/x" && cpio -id --quiet <"$TMP/p1.cpio") &&
		diff -r --no-dereference "$TMP/t1" "$TMP/x" >/dev/null &&
		[ "$(stat -c %a "$TMP/x/bin/run")" = 755 ] && tap_r=0 || tap_r=1
	ok "$tap_r" "and unpacks it to the same tree (contents, link, modes)"
	like "$(cpio -itv --quiet <"$TMP/p1.cpio")" '^-rw-r--r-- +1 root +root +5 Jan  1  1970 etc/hostname$' \
		"owner root, time 0"
else
	skip "no GNU cpio (apt-get install cpio)" 3
fi
mkdir -p "$TMP/t4" && mkfifo "$TMP/t4/fifo"
out=$("$mkinitrd" "$TMP/t4" "$TMP/p4.cpio" 2>&1) && tap_r=1 || tap_r=0
[ ! -e "$TMP/p4.cpio" ] || tap_r=1
ok "$tap_r" "a FIFO in the tree is refused, and no archive is left ($out)"

head -c 10000000 /dev/urandom >"$TMP/big"
# sum FILE: what the app prints for FILE, "sum CKSUM LENGTH".
sum() { echo "sum $(cksum <"$1")"; }
dir_sum=$(sum "$TMP/p1.cpio")
big_sum=$(sum "$TMP/big")

# figures NAME WANT [fill]: the last boot ended with status 0 and the app
# printed WANT ("sum C L") once, or twice around a heap fill, and found
# the initrd outside free RAM.
figures() {
	local name=$1 want=$2 n=1 got bad=
	[ "${3:-}" != fill ] || n=2
	got=$(sed -n 's/^initrd: \(sum .*\)$/\1/p' <<<"$boot_out")
	[ "$got" = "$(for ((i = 0; i < n; i++)); do echo "$want"; done)" ] || bad+=" sums"
	grep -q '^initrd: free RAM overlaps it: no$' <<<"$boot_out" || bad+=" overlap"
	[ "$n" = 1 ] || grep -q '^initrd: heap filled, [0-9]* KiB$' <<<"$boot_out" || bad+=" fill"
	[ "$boot_rc" = 0 ] || bad+=" status-$boot_rc"
	ok "$([ -z "$bad" ]; echo $?)" "$name: the guest reads '$want'$([ "$n" = 1 ] || echo ", also after filling the heap")"
	if [ -n "$bad" ]; then
		diag "wrong:$bad"
		grep -v '^(XEN)' <<<"$boot_out" | head -n 20 | sed 's/^/#   /'
	fi
	where=$(sed -n 's/^initrd: at \(0x[0-9a-f]*\)$/\1/p' <<<"$boot_out")
	[ -z "$where" ] || diag "$name: the loader put it at $where"
}
# read_only NAME PATTERN: the last boot ("write") faulted on the write
# (PATTERN: the fault's line), a crash.
read_only() {
	is "$(grep -c "$2" <<<"$boot_out"):$(grep -c '^initrd: written' <<<"$boot_out"):$boot_rc" \
		1:0:134 "$1: the initrd is read-only: a write faults"
}
# none NAME: the last boot got no initrd (NULL, length 0), no warning.
none() {
	is "$(grep -c '^initrd: none, length 0$' <<<"$boot_out"):$(grep -c 'initrd ignored' <<<"$boot_out"):$boot_rc" \
		1:0:0 "$1: without an initrd the app gets NULL and length 0"
}

check "the app builds for kvm-x86_64 (PVH) and xen-x86_64" \
	kbuild "$app" "$TMP/pvh" CONFIG_PLAT_XEN=y
check "the app builds for kvm-x86_64 (multiboot)" \
	kbuild "$app" "$TMP/mb" CONFIG_KVM_MULTIBOOT=y
pvh=$TMP/pvh/app_kvm-x86_64
mb=$TMP/mb/app_kvm-x86_64
xen=$TMP/pvh/app_xen-x86_64

INITRD=$TMP/t1 boot "$pvh" fill
figures "microvm, PVH, a directory" "$dir_sum" fill
boot "$pvh"
none "microvm, PVH"
INITRD=$TMP/t1 boot "$pvh" write
read_only "microvm, PVH" '^Fatal exception 14 (#PF page fault), error code 0x0*3$'
INITRD=$TMP/p1.cpio MEM=64M QEMU_MACHINE=pc boot "$pvh"
figures "pc, PVH, the cpio file" "$dir_sum"
INITRD=$TMP/big MEM=64M boot "$pvh" fill
figures "microvm, PVH, 10 MB, MEM=64M" "$big_sum" fill
INITRD=$TMP/t2 boot "$mb" fill
figures "pc, multiboot, a directory" "$dir_sum" fill
boot "$mb"
none "pc, multiboot"
INITRD=$TMP/big MEM=64M boot "$mb" fill
figures "pc, multiboot, 10 MB, MEM=64M" "$big_sum" fill

# make run passes INITRD (and ARGS) through to the run script.
out=$(make -s -C "$KILN" A="$app" O="$TMP/pvh" C="$TMP/pvh.config" run \
	INITRD="$TMP/t1" ARGS=fill TIMEOUT=30 KVM=0 2>&1) && rc=0 || rc=$?
out=${out//$'\r'/}
is "$rc:$(grep -c "^initrd: $dir_sum\$" <<<"$out")" 0:2 "make run INITRD=dir: the same figures"

# A missing INITRD: one error line, 125, QEMU never started (a fake one
# on PATH would leave a mark).
mkdir -p "$TMP/fakebin"
printf '#!/bin/sh\ntouch %s/qemu-ran\nexit 1\n' "$TMP" >"$TMP/fakebin/qemu-system-x86_64"
chmod +x "$TMP/fakebin/qemu-system-x86_64"
out=$(PATH=$TMP/fakebin:$PATH INITRD=$TMP/no/such "$KILN/support/scripts/run" kvm-x86_64 "$pvh" 2>&1) && rc=0 || rc=$?
is "$rc|$out|$([ -e "$TMP/qemu-ran" ] && echo ran)" \
	"125|error: INITRD=$TMP/no/such: no such file or directory|" \
	"a missing INITRD: one error line and 125, before QEMU starts"
out=$(PATH=$TMP/fakebin:$PATH INITRD=$TMP/t4 "$KILN/support/scripts/run" kvm-x86_64 "$pvh" 2>&1) && rc=0 || rc=$?
is "$rc|$(grep -c . <<<"$out")|$(grep -c '^error: INITRD=.*: cannot pack it: cannot pack .*fifo' <<<"$out")|$([ -e "$TMP/qemu-ran" ] && echo ran)" \
	"125|1|1|" "a directory that cannot be packed: one error line and 125, before QEMU starts"
out=$(PATH=$TMP/fakebin:$PATH INITRD=$TMP/t1 QEMU_ARGS="-initrd $TMP/big" \
	"$KILN/support/scripts/run" kvm-x86_64 "$pvh" 2>&1) && rc=0 || rc=$?
like "$rc: $out" '^125: error: QEMU_ARGS: -initrd would replace the initrd of INITRD' \
	"QEMU_ARGS' -initrd with INITRD is refused"

# xl's configuration (xl itself is not needed to write it).
RAMDISK=$TMP/big "$KILN/support/scripts/xl-config" "$xen" >/dev/null 2>&1 || true
like "$(cat "$xen.xl" 2>/dev/null)" "^ramdisk = \"$TMP/big\"\$" "xl-config names RAMDISK as the domain's ramdisk"

BOOT_TARGET=xen-x86_64 BOOT_TIMEOUT=90
INITRD=$TMP/t1 boot "$xen" fill
figures "xen dom0, a directory" "$dir_sum" fill
INITRD=$TMP/big MEM=64M boot "$xen" fill
figures "xen dom0, 10 MB, MEM=64M" "$big_sum" fill
boot "$xen"
none "xen dom0"

if command -v qemu-system-aarch64 >/dev/null &&
	command -v aarch64-linux-gnu-gcc >/dev/null; then
	BOOT_TARGET=kvm-arm64 BOOT_TIMEOUT=30
	check "the app builds for kvm-arm64" kbuild "$app" "$TMP/arm"
	arm=$TMP/arm/app_kvm-arm64
	INITRD=$TMP/t1 boot "$arm" fill
	figures "arm64 virt, a directory" "$dir_sum" fill
	INITRD=$TMP/big MEM=64M boot "$arm" fill
	figures "arm64 virt, 10 MB, MEM=64M" "$big_sum" fill
	boot "$arm"
	none "arm64 virt"
	INITRD=$TMP/t1 boot "$arm" write
	read_only "arm64 virt" '^Fatal synchronous exception: data abort, permission fault, level 3, on write$'

	# QEMU's own tree for this machine, with /chosen's initrd range
	# replaced: setdtb CELLS START END (hex) writes $TMP/t.dtb.
	qemu-system-aarch64 -M "virt,gic-version=3,dumpdtb=$TMP/base.dtb" \
		-cpu cortex-a57 -m 64M -display none >/dev/null 2>&1 || true
	setdtb() {
		perl -e '
use strict; use warnings;
my ($in, $out, $cells, $start, $end) = @ARGV;
open(my $f, "<:raw", $in) or die "$in: $!\n"; local $/; my $b = <$f>; close $f;
my ($magic, $total, $ostruct, $ostr, $orsv, $ver, $lcv, $boot, $sstr, $sstruct) = unpack("N10", $b);
die "not a device tree\n" unless $magic == 0xd00dfeed;
my $rsv = substr($b, $orsv, $ostruct - $orsv);
my $st = substr($b, $ostruct, $sstruct);
my $strs = substr($b, $ostr, $sstr);
sub stroff { my $i = index($strs, "$_[0]\0"); if ($i < 0) { $i = length $strs; $strs .= "$_[0]\0"; } $i }
sub val { my ($h, $l) = (hex(substr($_[0], 0, -8) || 0), hex(substr($_[0], -8)));
	$cells == 2 ? pack("NN", $h, $l) : pack("N", $l) }
my ($o, $depth, $new) = (0, -1, "");
while ($o < length $st) {
	my $tok = unpack("N", substr($st, $o, 4));
	if ($tok == 1) {
		my $e = index($st, "\0", $o + 4);
		my $name = substr($st, $o + 4, $e - $o - 4);
		my $len = (($e + 4) & ~3) - $o;
		$new .= substr($st, $o, $len);
		$depth++;
		if ($depth == 1 && $name eq "chosen") {
			for (["linux,initrd-start", $start], ["linux,initrd-end", $end]) {
				my $v = val($_->[1]);
				$new .= pack("NNN", 3, length $v, stroff($_->[0])) . $v;
			}
		}
		$o += $len;
	} elsif ($tok == 3) {
		my ($plen, $noff) = unpack("NN", substr($st, $o + 4, 8));
		my $len = 12 + (($plen + 3) & ~3);
		my $n = substr($strs, $noff, index($strs, "\0", $noff) - $noff);
		$new .= substr($st, $o, $len) unless $n =~ /^linux,initrd-/;
		$o += $len;
	} else {
		$depth-- if $tok == 2;
		$new .= substr($st, $o, 4);
		$o += 4;
	}
}
my $ns = 40 + length $rsv;
open(my $g, ">:raw", $out) or die "$out: $!\n";
print $g pack("N10", $magic, $ns + length($new) + length($strs), $ns,
	$ns + length $new, 40, $ver, $lcv, $boot, length $strs, length $new),
	$rsv, $new, $strs;
close $g or die "$out: $!\n";
' "$TMP/base.dtb" "$TMP/t.dtb" "$@"
	}
	# 64-bit cells (QEMU writes 32-bit ones): 4 KiB of RAM nothing
	# wrote (RAM is 0x40000000-0x44000000; QEMU's own tree goes at
	# 0x42000000), read as zeros.
	setdtb 2 43000000 43001000 && tap_r=0 || tap_r=1
	ok "$tap_r" "QEMU's device tree for virt, rewritten"
	MEM=64M QEMU_ARGS="-dtb $TMP/t.dtb" boot "$arm" fill
	figures "arm64, 64-bit cells" "$(head -c 4096 /dev/zero | sum /dev/stdin)" fill
	# absurd NAME CELLS START END WHY: one warning line, no initrd.
	absurd() {
		setdtb "$2" "$3" "$4"
		MEM=64M QEMU_ARGS="-dtb $TMP/t.dtb" boot "$arm"
		is "$(grep -c '^kiln: initrd ignored ' <<<"$boot_out"):$(grep -c "^kiln: initrd ignored (at 0x0*$3, 0x[0-9a-f]* bytes): $5\$" <<<"$boot_out"):$(grep -c '^initrd: none, length 0$' <<<"$boot_out"):$boot_rc" \
			1:1:1:0 "arm64, $1: one warning line, no initrd, status 0"
		[ "$(grep -c '^kiln: initrd ignored ' <<<"$boot_out")" = 1 ] ||
			head -n 5 <<<"$boot_out" | sed 's/^/#   /'
	}
	absurd "a range that wraps" 1 43000000 42fff000 "its end wraps around the address space"
	absurd "no length" 1 43000000 43000000 "it is empty"
	absurd "outside RAM" 1 10000000 10001000 "not all of it is free RAM (outside RAM or over the image)"
	absurd "over the image" 1 40080000 40081000 "not all of it is free RAM (outside RAM or over the image)"
	absurd "past the end of RAM" 2 43fff000 44001000 "not all of it is free RAM (outside RAM or over the image)"
	absurd "beyond the 39-bit map" 2 8000000000 8000001000 "it ends beyond the addresses Kiln maps"
else
	skip "no aarch64-linux-gnu-gcc or qemu-system-aarch64" 14
fi
plan "$tap_n"
