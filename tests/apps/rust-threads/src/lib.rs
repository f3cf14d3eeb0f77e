// SPDX-License-Identifier: BSD-3-Clause
//! Rust std's threads on Kiln: one check per argument, each printing a
//! "rust-threads: <word>: ..." line the tests read.
//!   spawn    thread::spawn + join return each thread's value
//!   mpsc     4 workers send their sums over one channel
//!   condvar  Mutex + Condvar hand a value back and forth 1,000 times
//!   sleep    thread::sleep(50 ms) in 3 threads is never short
//!   names    Builder names a thread; thread::current() sees it
//!   cores    available_parallelism()
//!   counter  8 threads add to an Arc<Mutex<u64>> and an AtomicU64

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Condvar, Mutex};
use std::thread;
use std::time::{Duration, Instant};

fn spawn() {
    let handles: Vec<_> = (2u64..7).map(|i| thread::spawn(move || i * i)).collect();
    let r: Vec<String> = handles.into_iter().map(|h| h.join().unwrap().to_string()).collect();
    println!("rust-threads: spawn: {}", r.join(" "));
}

fn mpsc_workers() {
    let (tx, rx) = mpsc::channel();
    for w in 0..4u64 {
        let tx = tx.clone();
        thread::spawn(move || {
            let sum: u64 = (w * 1000..(w + 1) * 1000).sum();
            tx.send((w, sum)).unwrap();
        });
    }
    drop(tx);
    let mut got: Vec<(u64, u64)> = rx.iter().collect();
    got.sort();
    let total: u64 = got.iter().map(|(_, s)| s).sum();
    println!("rust-threads: mpsc: {} messages, total {}", got.len(), total);
}

fn condvar() {
    let pair = Arc::new((Mutex::new((0u32, false)), Condvar::new()));
    let p2 = Arc::clone(&pair);
    let t = thread::spawn(move || {
        let (m, c) = &*p2;
        for _ in 0..1000 {
            let mut g = c.wait_while(m.lock().unwrap(), |s| !s.1).unwrap();
            g.0 += 1;
            g.1 = false;
            c.notify_one();
        }
    });
    let (m, c) = &*pair;
    for _ in 0..1000 {
        let mut g = c.wait_while(m.lock().unwrap(), |s| s.1).unwrap();
        g.1 = true;
        c.notify_one();
        drop(g);
    }
    t.join().unwrap();
    let g = c.wait_while(m.lock().unwrap(), |s| s.1).unwrap();
    println!("rust-threads: condvar: {} handoffs", g.0);
}

fn sleep() {
    let handles: Vec<_> = (0..3)
        .map(|_| {
            thread::spawn(|| {
                let t0 = Instant::now();
                thread::sleep(Duration::from_millis(50));
                t0.elapsed().as_micros()
            })
        })
        .collect();
    let us: Vec<String> = handles.into_iter().map(|h| h.join().unwrap().to_string()).collect();
    println!("rust-threads: sleep: {} us", us.join(" "));
}

fn names() {
    let name = thread::Builder::new()
        .name("worker-7".into())
        .spawn(|| thread::current().name().map(String::from))
        .unwrap()
        .join()
        .unwrap();
    println!("rust-threads: names: {:?}", name);
}

fn counter() {
    let m = Arc::new(Mutex::new(0u64));
    let a = Arc::new(AtomicU64::new(0));
    let handles: Vec<_> = (0..8)
        .map(|_| {
            let (m, a) = (Arc::clone(&m), Arc::clone(&a));
            thread::spawn(move || {
                for _ in 0..10_000 {
                    *m.lock().unwrap() += 1;
                    a.fetch_add(1, Ordering::Relaxed);
                }
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    println!("rust-threads: counter: mutex {} atomic {}", *m.lock().unwrap(), a.load(Ordering::Relaxed));
}

#[no_mangle]
pub extern "C" fn main(_argc: i32, _argv: *const *const u8) -> i32 {
    for w in std::env::args().skip(1) {
        match w.as_str() {
            "spawn" => spawn(),
            "mpsc" => mpsc_workers(),
            "condvar" => condvar(),
            "sleep" => sleep(),
            "names" => names(),
            "cores" => println!("rust-threads: cores: {:?}", thread::available_parallelism().map(|n| n.get())),
            "counter" => counter(),
            _ => println!("rust-threads: unknown word {w}"),
        }
    }
    0
}
