#!/usr/bin/env bash
# Threads on kvm-x86_64: uksched's C API (nolibc), musl's pthreads and Rust
# std's threads, preemption, sleeps that idle, the deadlock and
# per-thread fault reports (tests/lib/threads.sh).
source "$(dirname "$0")/lib/tap.sh"
source "$(dirname "$0")/lib/idle.sh"
source "$(dirname "$0")/lib/threads.sh"
BOOT_TARGET=kvm-x86_64

thread_checks
plan "$tap_n"
