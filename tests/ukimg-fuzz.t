#!/usr/bin/env bash
# A short, bounded libFuzzer run over ukimg's ELF parsing (info, check)
# from the seed corpus: it must find no crash, leak or undefined behaviour.
source "$(dirname "$0")/lib/tap.sh"
source "$(dirname "$0")/fixtures/ukimg/lib.sh"
plan 3

# Seconds of fuzzing; UKIMG_FUZZ_TIME=600 for a longer hunt.
secs=${UKIMG_FUZZ_TIME:-20}
fuzz=$TMP/fuzz
if ! command -v clang >/dev/null; then
	skip "clang is not installed" 3
	exit 0
fi
check "the fuzz harness builds (clang, libFuzzer, ASan, UBSan)" \
	ukimg_build_fuzz "$fuzz"

# New inputs go to a scratch corpus; the committed seeds are only read.
mkdir -p "$TMP/corpus"
rc=0
timeout $((secs * 3 + 60)) "$fuzz" -max_total_time="$secs" -timeout=5 \
	-rss_limit_mb=2048 -artifact_prefix="$TMP/" "$TMP/corpus" \
	"$UKIMG_FIXTURES/corpus" >"$TMP/log" 2>&1 || rc=$?
is "$rc" 0 "$secs s of fuzzing: no crash, leak, hang or UB"
[ "$rc" = 0 ] || tail -n 40 "$TMP/log" | sed 's/^/# /'
like "$(tail -n 5 "$TMP/log")" "^Done [0-9]+ runs" "the run ended by itself"
