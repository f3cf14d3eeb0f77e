# SPDX-License-Identifier: BSD-3-Clause
# shellcheck shell=bash
# Threads on any target (sourced after tap.sh and idle.sh by
# tests/threads-*.t): thread_checks builds tests/apps/threads (uksched's
# C API, nolibc), tests/apps/pthreads (musl's pthreads over clone and
# futex), tests/apps/rust-threads (Rust std) and tests/apps/rust-uk-threads
# (the uk crate, no_std) for BOOT_TARGET and
# checks what each prints, the deadlock and fault reports, and that a
# sleep idles the CPU while another thread is blocked.

# words_ok IMAGE NAME WORDS... : boots IMAGE with WORDS; exit status 0.
words_ok() {
	local img=$1 name=$2
	shift 2
	boot "$img" "$@"
	is "$boot_rc" 0 "$name: exits with 0"
}

# report_ok NAME WHAT REGEX: the last boot crashed (134) with REGEX.
report_ok() {
	is "$boot_rc" 134 "$1: $2 ends the image with the crash status"
	like "$boot_out" "$3" "$1: $2 is reported"
}

# sleeps_ok NAME PREFIX N: the line "PREFIX <N numbers> us" has N
# sleeps of 50 ms, none shorter, none over 1 s.
sleeps_ok() {
	local line us n=0 bad=0
	line=$(sed -n "s/^$2 \\([0-9 ]*\\) us$/\\1/p" <<<"$boot_out")
	for us in $line; do
		n=$((n + 1))
		[ "$us" -ge 50000 ] && [ "$us" -lt 1000000 ] || bad=1
	done
	[ "$n" = "$3" ] && [ "$bad" = 0 ] && tap_r=0 || tap_r=1
	ok "$tap_r" "$1: $3 sleeps of 50 ms in threads, none short (${line:-none} us)"
}

thread_checks() {
	local t=$BOOT_TARGET img
	check "threads app builds for $t" kbuild "$KILN/tests/apps/threads" "$TMP/th"
	img=$TMP/th/threads_$t
	words_ok "$img" "uk threads" counter prodcons join tls preempt sleep sem
	like "$boot_out" '^threads: counter: 1000000$' "uk threads: 100 threads x 10,000 under a mutex: exact"
	like "$boot_out" '^threads: prodcons: sum 500500 \(expected 500500\)$' "uk threads: producer/consumer over a condition variable"
	like "$boot_out" '^threads: join: 4 9 16 25 36$' "uk threads: join returns each thread's value"
	like "$boot_out" '^threads: tls: main 7, a 107, b 207$' "uk threads: thread-local variables are per thread"
	like "$boot_out" '^threads: preempt: a ran, b ran$' "uk threads: two busy threads both run (preemption)"
	like "$boot_out" '^threads: sleep: slept ([5-9][0-9]{4}|[0-9]{6}) us, main ran 1$' "uk threads: a 50 ms sleep is not short; main runs meanwhile"
	like "$boot_out" '^threads: sem: 3 then 5; timed out -1$' "uk threads: a semaphore counts and times out"
	words_ok "$img" "uk threads (hostile)" hugestack
	like "$boot_out" '^threads: hugestack: refused, then 9$' "uk threads: a stack size that wraps is refused, the heap intact"
	boot "$img" deadlock
	report_ok "uk threads" "a deadlock" 'deadlock: every thread is blocked and no timer can wake one$'
	like "$boot_out" 'thread 2 "lock-ba" waits for mutex 0x[0-9a-f]+$' "uk threads: the deadlock report lists the second thread and its mutex"
	like "$boot_out" 'thread 1 "main" waits for mutex 0x[0-9a-f]+$' "uk threads: the deadlock report lists main and its mutex"
	boot "$img" fault
	report_ok "uk threads" "a fault in a thread" '^Fatal (exception 14 \(#PF page fault\)|synchronous exception: data abort)'
	like "$boot_out" '^In thread 2 "faulter"$' "uk threads: the fault report names the thread"
	boot "$img" overflow
	report_ok "uk threads" "a stack overflow" '^In thread 2 "overflow": stack overflow \(the guard page below its stack\)$'

	check "pthreads app builds for $t" kbuild "$KILN/tests/apps/pthreads" "$TMP/pt"
	img=$TMP/pt/pthreads_$t
	words_ok "$img" "pthreads" counter prodcons join tls preempt sleep timedwait detach
	like "$boot_out" '^pthreads: counter: 1000000 from 100 threads$' "pthreads: 100 threads x 10,000 under a mutex: exact"
	like "$boot_out" '^pthreads: prodcons: sum 500500 \(expected 500500\)$' "pthreads: producer/consumer over a condition variable"
	like "$boot_out" '^pthreads: join: 4 9 16 25 36$' "pthreads: pthread_join returns each thread's value"
	like "$boot_out" '^pthreads: tls: main 7, a 107, b 207; tids 1 [0-9]+ [0-9]+$' "pthreads: __thread is per thread; gettid"
	like "$boot_out" '^pthreads: preempt: a ran, b ran$' "pthreads: two busy threads both run (preemption)"
	sleeps_ok "pthreads" "pthreads: sleep:" 4
	like "$boot_out" '^pthreads: timedwait: ETIMEDOUT after ([2-9][0-9]{4}|[0-9]{6}) us$' "pthreads: cond_timedwait times out, not early"
	like "$boot_out" '^pthreads: detach: 50 ran$' "pthreads: detached threads run and end"
	words_ok "$img" "pthreads (hostile)" spinwait sigmask protnone pollthread
	like "$boot_out" '^pthreads: spinwait: the woken thread ran$' "pthreads: a thread woken by a spinning one gets its time slice"
	like "$boot_out" '^pthreads: sigmask: SIGUSR1 unblocked, handler ran$' "pthreads: an ending thread's signal mask stays its own"
	like "$boot_out" '^pthreads: protnone: mremap moved it$' "pthreads: mremap moves a PROT_NONE mapping"
	like "$boot_out" '^pthreads: pollthread: main returns$' "pthreads: a thread polling for ever does not stop the image"
	boot "$img" deadlock
	report_ok "pthreads" "a deadlock" 'thread 2 "clone" waits for futex 0x[0-9a-f]+$'
	like "$boot_out" 'thread 1 "main" waits for futex 0x[0-9a-f]+$' "pthreads: the deadlock report lists main and its futex"
	boot "$img" fault
	report_ok "pthreads" "a fault in a thread" '^In thread 2 "clone"$'
	boot "$img" overflow
	report_ok "pthreads" "a stack overflow into musl's guard page" '^In thread 2 "clone": stack overflow \(the guard page below its stack\)$'
	boot "$img" exit 7
	is "$boot_rc" 7 "pthreads: exit(7) in a thread ends the image with 7"
	idle_checks "pthreads" "$img" sleepms

	check "rust-threads app builds for $t" kbuild "$KILN/tests/apps/rust-threads" "$TMP/rt"
	img=$TMP/rt/rust-threads_$t
	words_ok "$img" "Rust std" spawn mpsc condvar sleep names cores counter
	like "$boot_out" '^rust-threads: spawn: 4 9 16 25 36$' "Rust std: thread::spawn + join"
	like "$boot_out" '^rust-threads: mpsc: 4 messages, total 7998000$' "Rust std: mpsc between 4 workers"
	like "$boot_out" '^rust-threads: condvar: 1000 handoffs$' "Rust std: Mutex + Condvar"
	sleeps_ok "Rust std" "rust-threads: sleep:" 3
	like "$boot_out" '^rust-threads: names: Some\("worker-7"\)$' "Rust std: thread names"
	like "$boot_out" '^rust-threads: cores: Ok\(1\)$' "Rust std: available_parallelism() is 1"
	like "$boot_out" '^rust-threads: counter: mutex 80000 atomic 80000$' "Rust std: Arc<Mutex> and atomics across 8 threads"
	unlike "$boot_out" 'not implemented: ENOSYS' "Rust std: no system call is missing"

	check "rust-uk-threads app builds for $t" kbuild "$KILN/tests/apps/rust-uk-threads" "$TMP/ut"
	words_ok "$TMP/ut/rust-uk-threads_$t" "uk crate"
	like "$boot_out" '^uk-threads: spawn: 4 9 16 25 36$' "uk crate: thread::spawn + join"
	like "$boot_out" '^uk-threads: mutex: static 80000 arc 160000$' "uk crate: sync::Mutex, static and in an Arc, across 8 threads"
	sleeps_ok "uk crate" "uk-threads: sleep:" 3
	like "$boot_out" '^uk-threads: detached: ran true, main is thread 1$' "uk crate: a dropped handle detaches; current_id"
}
