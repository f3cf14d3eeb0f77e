// SPDX-License-Identifier: BSD-3-Clause
//! stats: sums squares of values that C scales for it (a callback into C).
#![no_std]

extern crate alloc;

use alloc::vec::Vec;
use uk::println;

extern "C" {
    fn mixed_scale(v: i32) -> i32;
}

/// # Safety
/// `values` must point to `n` readable i32 values.
#[no_mangle]
pub unsafe extern "C" fn stats_sum_of_squares(values: *const i32, n: usize) -> i64 {
    let scaled: Vec<i64> = core::slice::from_raw_parts(values, n)
        .iter()
        .map(|&v| i64::from(mixed_scale(v)))
        .collect();
    println!("Rust stats: scaled by C to {:?}", scaled);
    scaled.iter().map(|v| v * v).sum()
}
