// SPDX-License-Identifier: BSD-3-Clause
//! rust-std: a Rust app on Kiln using std (LIBUKRUST_STD): println!,
//! HashMap, env::args, Instant, SystemTime, thread_local!, exit codes and
//! panics. Arguments: `exit` ends with process::exit(7), `panic` panics
//! (its message, then abort(): status 134), `catch` panics inside
//! catch_unwind (caught with LIBUKRUST_UNWIND; without, like `panic`).

use std::cell::Cell;
use std::collections::HashMap;
use std::env;
use std::process;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

thread_local! {
    static COUNTER: Cell<u32> = const { Cell::new(41) };
}

/// Prints its message when dropped.
struct Noisy(&'static str);

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("{}", self.0);
    }
}

#[no_mangle]
pub extern "C" fn main(_argc: i32, _argv: *const *const u8) -> i32 {
    let start = Instant::now();
    println!("Hello from Rust std!");

    let args: Vec<String> = env::args().collect();
    println!("args: {:?}", args);

    let mut words: HashMap<&str, usize> = HashMap::new();
    for w in "the quick brown fox jumps over the lazy dog the end".split(' ') {
        *words.entry(w).or_insert(0) += 1;
    }
    let mut counts: Vec<_> = words.iter().map(|(w, n)| format!("{w}={n}")).collect();
    counts.sort();
    println!("word counts: {}", counts.join(","));

    COUNTER.with(|c| c.set(c.get() + 1));
    println!("thread_local: {}", COUNTER.with(|c| c.get()));

    let since_epoch = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs());
    match since_epoch {
        Ok(s) => println!("seconds since 1970: {s}"),
        Err(e) => println!("SystemTime before 1970: {e}"),
    }
    uk::println!("uk crate: uptime {} us", uk::time::uptime().as_micros());

    if args.iter().any(|a| a == "exit") {
        println!("exiting with 7");
        process::exit(7);
    }
    if args.iter().any(|a| a == "catch") {
        let r = std::panic::catch_unwind(|| {
            let _guard = Noisy("dropped while unwinding");
            panic!("panic inside catch_unwind");
        });
        println!("catch_unwind: {}", if r.is_err() { "caught" } else { "returned" });
    }
    if args.iter().any(|a| a == "panic") {
        let v: Vec<i32> = Vec::new();
        let i = args.len() + 3;
        println!("about to index {i} into an empty Vec");
        println!("{}", v[i]);
    }
    let elapsed = start.elapsed();
    println!("elapsed: {} ns (monotonic: {})", elapsed.as_nanos(), Instant::now() >= start);
    // Line-buffered stdout still holds this when main returns.
    print!("bye");
    0
}
