// SPDX-License-Identifier: BSD-3-Clause
//! rust-hello: a Rust app on Kiln, using alloc's collections and format!.
//! Run with the argument `panic` to see a panic report.
#![no_std]

extern crate alloc;

use alloc::collections::BTreeMap;
use alloc::format;
use alloc::string::String;
use alloc::vec::Vec;
use uk::println;

#[no_mangle]
pub extern "C" fn main(_argc: i32, _argv: *const *const u8) -> i32 {
    println!("Hello from Rust!");

    let squares: Vec<u64> = (1..=10).map(|n| n * n).collect();
    println!("squares: {:?}", squares);

    let mut words: BTreeMap<String, usize> = BTreeMap::new();
    for w in "the quick brown fox jumps over the lazy dog the end".split(' ') {
        *words.entry(String::from(w)).or_insert(0) += 1;
    }
    let summary: Vec<String> = words.iter().map(|(w, n)| format!("{w}={n}")).collect();
    println!("word counts: {}", summary.join(","));

    let args: Vec<&str> = uk::env::args().collect();
    println!("args: {:?}", args);
    if args.iter().any(|a| *a == "panic") {
        let v: Vec<i32> = Vec::new();
        let i = args.len() + 3;
        println!("about to index {} into an empty Vec", i);
        println!("{}", v[i]);
    }
    println!("uptime: {} us", uk::time::uptime().as_micros());
    0
}
