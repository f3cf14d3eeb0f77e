// SPDX-License-Identifier: BSD-3-Clause
//! greet: called from C with a C string.
#![no_std]

extern crate alloc;

use alloc::string::String;
use core::ffi::{c_char, CStr};
use uk::println;

/// # Safety
/// `name` must be a valid NUL-terminated string.
#[no_mangle]
pub unsafe extern "C" fn greet_rust(name: *const c_char) {
    let name = CStr::from_ptr(name).to_str().unwrap_or("?");
    let mut msg = String::from("Rust greet: hello, ");
    msg.push_str(name);
    println!("{}!", msg);
}
