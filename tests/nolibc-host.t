#!/usr/bin/env bash
# nolibc against glibc on the host: random printf formats, strtol, string
# and memory functions, qsort/bsearch, ctype, setjmp (differential test).
exec bash "$(dirname "$0")/../lib/nolibc/tests/host/run.sh" 4
