#!/usr/bin/env bash
# Threads on xen-x86_64: uksched's C API (nolibc), musl's pthreads and Rust
# std's threads, preemption, sleeps that idle, the deadlock and
# per-thread fault reports (tests/lib/threads.sh).
source "$(dirname "$0")/lib/tap.sh"
# Xen itself, idle under TCG, costs QEMU 130-170 ms over 2 s: its own
# limit (as tests/timer-xen.t).
CPU_MAX_MS=${CPU_MAX_MS:-400}
source "$(dirname "$0")/lib/idle.sh"
source "$(dirname "$0")/lib/threads.sh"
BOOT_TARGET=xen-x86_64
BOOT_TIMEOUT=${BOOT_TIMEOUT:-90}

thread_checks
plan "$tap_n"
