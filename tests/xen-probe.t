#!/usr/bin/env bash
# Xen x86_64: statuses, crashes and limits of a PVH dom0 (Xen in QEMU).
# Xen passes no exit code out: the guest prints its status line ("kiln:
# exit code N" or "kiln: crash") and shuts down; the boot script reads
# the line from the console and ends QEMU instead of waiting out Xen's
# 5 s reboot delay. Each boot costs about 1.5 s of TCG: the list below
# is the issue's, and little more.
source "$(dirname "$0")/lib/tap.sh"

xboot() {
	boot_rc=0
	boot_out=$(TIMEOUT=${BOOT_TIMEOUT:-60} KVM=0 \
		"$KILN/support/scripts/run" xen-x86_64 "$@" 2>&1) || boot_rc=$?
	boot_out=${boot_out//$'\r'/}
	boot_err=$(grep '^error: ' <<<"$boot_out") || true
}

check "probe app builds for xen" kbuild "$KILN/tests/apps/probe" "$TMP/p" \
	CONFIG_PLAT_XEN=y CONFIG_PLAT_KVM=n
img=$TMP/p/probe_xen-x86_64

start=$(date +%s)
codes=(0 1 3 127 128 200 254 255)
for how in exit exitcall; do
	got='' errs=''
	for code in "${codes[@]}"; do
		xboot "$img" "$how" "$code"
		got+="${got:+ }$boot_rc"
		errs+=$boot_err
	done
	is "$got" "${codes[*]}" "$how N gives status N for N in ${codes[*]}"
	is "$errs" "" "$how N: no error line"
done
like "$boot_out" '^kiln: exit code 255$' "the guest prints its status line"
like "$boot_out" 'Hardware Dom0 crashed' "a non-zero status shuts dom0 down with the crash reason"
elapsed=$(($(date +%s) - start))
[ "$elapsed" -lt 80 ]
ok $? "16 Xen boots, none waiting for Xen's reboot delay ($elapsed s)"

xboot "$img" nonl 3
is "$boot_rc" 3 "a status line after output without a newline is read (3)"

xboot "$img" null
like "$boot_out" '#PF page fault' "NULL dereference: the report names the page fault"
like "$boot_out" 'CR2 +0x0+$' "NULL dereference: the report shows CR2 = 0"
like "$boot_out" '^Backtrace:' "NULL dereference: the report has a backtrace"
like "$boot_out" '^kiln: crash$' "NULL dereference: the status line says crash"
is "$boot_rc" 134 "NULL dereference: status 134"
like "$boot_err" '^error: the guest crashed' "NULL dereference: the error line says so"

xboot "$img" exitcall 134
is "$boot_rc:$boot_err" "134:" "exit(134) gives 134 without an error line"

xboot "$img" triplefault
is "$boot_rc" 126 "a triple fault (Xen reboots dom0, no status line) gives 126"
like "$boot_err" 'stopped without reporting a status \(Xen: Hardware Dom0 rebooted' \
	"and the error line says how it ended"

# Xen's own failure: dom0_mem too small for the image.
MEM=600K xboot "$img" exit 3
is "$boot_rc" 125 "MEM=600K: Xen cannot build dom0: status 125"
like "$boot_err" '^error: Xen failed: panic: Could not construct domain 0$' \
	"and the error line gives Xen's panic"

# Xen keeps 1023 bytes of dom0's command line and cuts the rest: the
# run script refuses more than 1022 before QEMU starts, the guest
# refuses 1023 (cut or not). "-- extra!" on Xen's command line makes Xen
# append " extra!" to dom0's, past what the script checked: 1017 + 7
# bytes, cut to 1023.
x=$(printf '%*s' 1014 '' | tr ' ' x)
KILN_CMDLINE="argstat $x" xboot "$img"
like "$boot_out" '^probe: argc=3 bytes=1021$' "1022 bytes of command line arrive whole"
is "$boot_rc" 0 "and the app exits 0"
start=$(date +%s%N)
KILN_CMDLINE="argstat ${x}y" xboot "$img"
is "$boot_rc:$boot_err" \
	"125:error: the command line is 1023 bytes, more than the 1022 xen-x86_64 keeps" \
	"1023 bytes: refused before QEMU starts (125)"
[ $(($(date +%s%N) - start)) -lt 500000000 ]
ok $? "without starting QEMU (well under a Xen boot)"
KILN_CMDLINE="argstat ${x:5}" XEN_ARGS="-- extra!" xboot "$img"
like "$boot_out" "^kiln: bad command line: longer than 1022 bytes, the limit for Xen's dom0$" \
	"Xen's own words past the limit: the guest says so"
is "$boot_rc" 1 "and exits 1"
plan "$tap_n"
