#!/usr/bin/env bash
# Makefile.uk's fetch (support/scripts/fetch): a library's sources from
# an archive, downloaded once into the cache, checked against its
# SHA-256, unpacked into $(LIB_ORIGIN) before anything is compiled; no
# work on a no-op build; offline builds from the cache; a wrong sum, a
# damaged cached archive or an unreachable URL is one line and a failed
# build with no origin tree left. (lib/lwip is the real user: its
# archive is Debian's, tests/sockets.t builds it.)
source "$(dirname "$0")/lib/tap.sh"

# The archive: fetchlib-1.0/{hello.c,include/fetchlib.h}.
mkdir -p "$TMP/src/fetchlib-1.0/include"
cat >"$TMP/src/fetchlib-1.0/hello.c" <<'C'
#include <fetchlib.h>
const char *fetchlib_hello(void) { return "hello from a fetched file"; }
C
echo 'const char *fetchlib_hello(void);' >"$TMP/src/fetchlib-1.0/include/fetchlib.h"
tar -C "$TMP/src" -cJf "$TMP/fetchlib-1.0.tar.xz" fetchlib-1.0
sum=$(sha256sum <"$TMP/fetchlib-1.0.tar.xz" | cut -d' ' -f1)

mkdir -p "$TMP/app"
cat >"$TMP/app/Makefile.uk" <<MK
\$(eval \$(call addlib,appfetch))
APPFETCH_SHA256 := $sum
\$(eval \$(call fetch,appfetch,file://$TMP/fetchlib-1.0.tar.xz))
APPFETCH_CINCLUDES-y += -I\$(APPFETCH_ORIGIN)/fetchlib-1.0/include
APPFETCH_SRCS-y += \$(APPFETCH_BASE)/main.c
APPFETCH_SRCS-y += \$(APPFETCH_ORIGIN)/fetchlib-1.0/hello.c
MK
cat >"$TMP/app/main.c" <<'C'
#include <stdio.h>
#include <fetchlib.h>
int main(void) { printf("%s\n", fetchlib_hello()); return 0; }
C
export KILN_CACHE=$TMP/cache
build() { # build O [make args]: sets out and rc
	local o=$1
	shift
	rc=0
	out=$(make -s -C "$KILN" A="$TMP/app" O="$o" C="$o.config" "$@" 2>&1) || rc=$?
}
make -s -C "$KILN" A="$TMP/app" O="$TMP/o1" C="$TMP/o1.config" defconfig >/dev/null 2>&1

build "$TMP/o1"
is "$rc" 0 "the app with a fetched source builds"
like "$out" '^  FETCH   appfetch fetchlib-1\.0\.tar\.xz$' "one FETCH line"
ok "$(test -f "$TMP/cache/origins/fetchlib-1.0.tar.xz"; echo $?)" "the archive is in the cache"
like "$out" 'CC +appfetch/_origin/fetchlib-1\.0/hello\.c\.o' "its source is compiled under _origin/"
boot "$TMP/o1/app_kvm-x86_64"
like "$boot_out" '^hello from a fetched file$' "the image runs the fetched code"

build "$TMP/o1"
is "$rc:$out" "0:" "a no-op build fetches and compiles nothing"

# Offline: the URL is gone, the cache serves a new build directory.
mv "$TMP/fetchlib-1.0.tar.xz" "$TMP/away.tar.xz"
cp "$TMP/o1.config" "$TMP/o2.config"
build "$TMP/o2"
is "$rc" 0 "offline, a new build directory builds from the cache"

# Errors: one line, a failed build, no origin tree.
cp "$TMP/o1.config" "$TMP/o3.config"
build "$TMP/o3" APPFETCH_SHA256=0000
ok "$(test "$rc" != 0; echo $?)" "a cached archive with another sum: the build fails"
like "$out" "^fetch: $TMP/cache/origins/fetchlib-1\.0\.tar\.xz does not have the SHA-256 0000 \(a different or damaged file\); remove it$" \
	"it says so in one line"
ok "$(test ! -e "$TMP/o3/appfetch/origin"; echo $?)" "nothing is unpacked"

rm -rf "$TMP/cache" "$TMP/o3"
build "$TMP/o3"
ok "$(test "$rc" != 0; echo $?)" "offline with an empty cache: the build fails"
like "$out" "^fetch: cannot download file://$TMP/fetchlib-1\.0\.tar\.xz \(.*\); offline, put fetchlib-1\.0\.tar\.xz in $TMP/cache/origins$" \
	"one line says where to put the archive"
ok "$(test ! -e "$TMP/o3/appfetch/origin"; echo $?)" "no origin tree is left"

mv "$TMP/away.tar.xz" "$TMP/fetchlib-1.0.tar.xz"
build "$TMP/o3" APPFETCH_SHA256=1111
like "$out" "^fetch: file://$TMP/fetchlib-1\.0\.tar\.xz does not have the SHA-256 1111; not unpacked$" \
	"a download with another sum is refused"
ok "$(test ! -e "$TMP/cache/origins/fetchlib-1.0.tar.xz"; echo $?)" "and not kept in the cache"

KILN_ORIGINS=$TMP build "$TMP/o3"
is "$rc" 0 "KILN_ORIGINS names a directory holding the archive: it builds"
for f in ../up.tar.xz sub/dir.tar.xz .hidden "a b.tar.xz"; do
	rc=0
	out=$("$KILN/support/scripts/fetch" "file://$TMP/fetchlib-1.0.tar.xz" '' "$TMP/o9" "$f" 2>&1) || rc=$?
	is "$rc:$out" "1:fetch: '$f': not a plain file name for the cache (fetch's FILE)" \
		"FILE '$f' is refused in one line"
done
ok "$(test ! -e "$TMP/o9"; echo $?)" "and nothing is unpacked"
plan "$tap_n"
