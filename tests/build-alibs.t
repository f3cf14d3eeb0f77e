#!/usr/bin/env bash
# LIBX_ALIBS-y links an externally built static archive into the image.
source "$(dirname "$0")/lib/tap.sh"
plan 3

mkdir -p "$TMP/app"
cat >"$TMP/extra.c" <<'C'
int extra_answer(int x) { return x * 6; }
C
# Built outside Kiln, as a user's own toolchain would, with kernel-safe flags.
gcc -c -O2 -ffreestanding -fno-pic -fno-stack-protector -mno-red-zone \
	-o "$TMP/extra.o" "$TMP/extra.c"
ar rcs "$TMP/app/libextra.a" "$TMP/extra.o"
cat >"$TMP/app/Makefile.uk" <<'MK'
$(eval $(call addlib,appalibs))
APPALIBS_SRCS-y += $(APPALIBS_BASE)/main.c
APPALIBS_ALIBS-y += $(APPALIBS_BASE)/libextra.a
MK
cat >"$TMP/app/Config.uk" <<'KC'
config APPALIBS
	bool
	default y
	select LIBNOLIBC if !HAVE_LIBC
KC
cat >"$TMP/app/main.c" <<'C'
#include <stdio.h>
int extra_answer(int x);
int main(void) { printf("answer %d\n", extra_answer(7)); return 0; }
C
check "an app with LIBX_ALIBS-y builds" kbuild "$TMP/app" "$TMP/b"
boot "$TMP/b/app_kvm-x86_64"
like "$boot_out" '^answer 42$' "the archive's function is linked and runs"
like "$(cat "$TMP/b/.app_kvm-x86_64.dbg.cmd")" "--start-group $TMP/app/libextra.a --end-group" \
	"the link command names the archive in a group"
