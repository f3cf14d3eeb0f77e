#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
# Differential test of nolibc against glibc on the host; prints TAP.
# Usage: run.sh [scale]   (scale multiplies the number of random cases)
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
nolibc=$(cd "$here/../.." && pwd)
root=$(cd "$nolibc/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

CC=${CC:-cc}
# As in the unikernel, but for the host: nolibc's headers, no host libc.
flags=(-std=gnu11 -ffreestanding -nostdinc
       -isystem "$("$CC" -print-file-name=include)"
       -I "$nolibc/include" -fno-pic -fno-stack-protector
       -fno-tree-loop-distribute-patterns -Os -Wall -Wextra
       -Wno-unused-parameter)
srcs=(printf.c printf_fp.c sprintf.c mem.c string.c strdup.c strerror.c
      errno.c strtol.c qsort.c)

objs=()
for s in "${srcs[@]}"; do
	"$CC" "${flags[@]}" -c "$nolibc/$s" -o "$work/${s%.c}.o"
	objs+=("$work/${s%.c}.o")
done
"$CC" "${flags[@]}" -c "$here/ctype_wrap.c" -o "$work/ctype_wrap.o"
"$CC" -c "$root/arch/x86/x86_64/setjmp.S" -o "$work/setjmp.o"
ld -r -o "$work/nolibc.o" "${objs[@]}" "$work/ctype_wrap.o" "$work/setjmp.o"
# Every symbol, defined or referenced, gets the prefix: nolibc calls only
# itself, plus nl_malloc which difftest.c provides.
objcopy --prefix-symbols=nl_ "$work/nolibc.o"
"$CC" -O1 -no-pie -fno-builtin -Wall -Wextra "$here/difftest.c" "$work/nolibc.o" \
	-lm -o "$work/difftest"
"$work/difftest" "${1:-1}"
