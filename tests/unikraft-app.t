#!/usr/bin/env bash
# An app written for Unikraft's build system builds and boots unchanged:
# its Makefile calls make -C $(UK_ROOT) A=$(PWD) L=$(LIBS), its Makefile.uk
# uses addlib and APPX_SRCS-y, its Config.uk selects LIBNOLIBC if !HAVE_LIBC,
# and its source includes <uk/config.h> and standard C headers.
source "$(dirname "$0")/lib/tap.sh"
plan 4

app=$TMP/apps/helloworld
mkdir -p "$app"
cat >"$app/Makefile" <<MK
UK_ROOT ?= $KILN
UK_LIBS ?= \$(PWD)/../../libs
LIBS :=

all:
	@\$(MAKE) -C \$(UK_ROOT) A=\$(PWD) L=\$(LIBS)

\$(MAKECMDGOALS):
	@\$(MAKE) -C \$(UK_ROOT) A=\$(PWD) L=\$(LIBS) \$(MAKECMDGOALS)
MK
cat >"$app/Makefile.uk" <<'MK'
$(eval $(call addlib,apphelloworld))

APPHELLOWORLD_SRCS-y += $(APPHELLOWORLD_BASE)/main.c
MK
cat >"$app/Config.uk" <<'KC'
### Invisible option for dependencies
config APPHELLOWORLD_DEPENDENCIES
	bool
	default y
	select LIBNOLIBC if !HAVE_LIBC
KC
cat >"$app/main.c" <<'C'
#include <stdio.h>
#include <string.h>
#include <uk/config.h>

int main(int argc, char *argv[])
{
	printf("Hello from a Unikraft-style app with %d args (%s)\n",
	       argc, argc > 1 ? argv[1] : "none");
#ifdef CONFIG_APPHELLOWORLD_DEPENDENCIES
	printf("its Config.uk option is on\n");
#endif
	return (int)strlen("abc");
}
C

(cd "$app" && make -s >/dev/null 2>&1) && tap_r=0 || tap_r=1
ok "$tap_r" "the app builds with 'make' in its own directory"
test -f "$app/build/helloworld_kvm-x86_64" && tap_r=0 || tap_r=1
ok "$tap_r" "the image is build/helloworld_kvm-x86_64, as Unikraft names it"
boot "$app/build/helloworld_kvm-x86_64" kiln
like "$boot_out" '^Hello from a Unikraft-style app with 2 args \(kiln\)$' \
	"it boots and prints its arguments"
is "$boot_rc" 3 "main's return value is the exit code"
