// SPDX-License-Identifier: BSD-3-Clause
//! The uk crate's threads (no_std): spawn + join with results, a shared
//! uk::sync::Mutex counter, sleeps in threads, a dropped handle.
#![no_std]

extern crate alloc;

use alloc::string::String;
use alloc::sync::Arc;
use alloc::vec::Vec;
use core::time::Duration;
use uk::println;
use uk::sync::Mutex;
use uk::thread;
use uk::time::Instant;

static TOTAL: Mutex<u64> = Mutex::new(0);

#[no_mangle]
pub extern "C" fn main(_argc: i32, _argv: *const *const u8) -> i32 {
    let squares: Vec<String> = (2u64..7)
        .map(|i| thread::spawn(move || i * i))
        .collect::<Vec<_>>()
        .into_iter()
        .map(|h| alloc::format!("{}", h.join()))
        .collect();
    println!("uk-threads: spawn: {}", squares.join(" "));

    let local = Arc::new(Mutex::new(0u64));
    let adders: Vec<_> = (0..8)
        .map(|_| {
            let local = Arc::clone(&local);
            thread::spawn(move || {
                for _ in 0..10_000 {
                    *TOTAL.lock() += 1;
                    *local.lock() += 2;
                    if *local.lock() % 1000 == 0 {
                        thread::yield_now();
                    }
                }
            })
        })
        .collect();
    for h in adders {
        h.join();
    }
    println!("uk-threads: mutex: static {} arc {}", *TOTAL.lock(), *local.lock());

    let sleepers: Vec<_> = (0..3)
        .map(|_| {
            thread::spawn(|| {
                let t0 = Instant::now();
                thread::sleep(Duration::from_millis(50));
                t0.elapsed().as_micros()
            })
        })
        .collect();
    let us: Vec<String> = sleepers.into_iter().map(|h| alloc::format!("{}", h.join())).collect();
    println!("uk-threads: sleep: {} us", us.join(" "));

    // Dropped without a join: detached, it still runs to its end.
    let done = Arc::new(Mutex::new(false));
    let d2 = Arc::clone(&done);
    drop(thread::spawn_named("detached", move || *d2.lock() = true));
    thread::sleep(Duration::from_millis(5));
    println!("uk-threads: detached: ran {}, main is thread {}", *done.lock(), thread::current_id());
    0
}
