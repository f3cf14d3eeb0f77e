# SPDX-License-Identifier: BSD-3-Clause
# shellcheck shell=bash
# TAP helpers for Kiln's host tests (sourced by tests/*.t, run by prove).
set -euo pipefail

KILN=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
export KILN
tap_n=0
tap_failed=0

plan() { echo "1..$1"; }

ok() { # ok CONDITION-EXIT-STATUS DESCRIPTION
	tap_n=$((tap_n + 1))
	if [ "$1" = 0 ]; then
		echo "ok $tap_n - $2"
	else
		echo "not ok $tap_n - $2"
		tap_failed=$((tap_failed + 1))
	fi
}

# check DESCRIPTION COMMAND...: a test that passes when COMMAND succeeds.
check() {
	local desc=$1 rc=0
	shift
	"$@" >/dev/null 2>&1 || rc=$?
	ok "$rc" "$desc"
}

is() { # is GOT EXPECTED DESCRIPTION
	if [ "$1" = "$2" ]; then
		ok 0 "$3"
	else
		ok 1 "$3"
		diag "got:      '$1'"
		diag "expected: '$2'"
	fi
}

like() { # like TEXT EXTENDED-REGEX DESCRIPTION
	if grep -Eq -- "$2" <<<"$1"; then
		ok 0 "$3"
	else
		ok 1 "$3"
		diag "no line matches /$2/ in:"
		head -n 30 <<<"$1" | sed 's/^/#   /'
	fi
}

skip() { # skip REASON [COUNT]
	local i
	for ((i = 0; i < ${2:-1}; i++)); do
		tap_n=$((tap_n + 1))
		echo "ok $tap_n # SKIP $1"
	done
}

diag() { echo "# $*"; }

# A scratch directory removed when the test ends.
TMP=$(mktemp -d "${TMPDIR:-/tmp}/kiln-test.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

# kmake ARGS...: make at the top of Kiln, quiet about directories.
kmake() { make -s -C "$KILN" "$@"; }

# Lines of a build's output that name a compiled object: "CC libfoo/a.o".
compiled() { grep -E '^  (CC|AS) ' | awk '{print $2}' | sort; }
