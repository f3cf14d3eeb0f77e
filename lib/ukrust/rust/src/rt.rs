// SPDX-License-Identifier: BSD-3-Clause
//! What the build's root crate calls from its panic handler.

use core::panic::PanicInfo;

/// Exit code of a panic, as with Rust's std.
pub const PANIC_EXIT_CODE: i32 = 101;

/// Prints the panic message and where it happened, then exits non-zero.
pub fn panic(info: &PanicInfo) -> ! {
    match info.location() {
        Some(l) => crate::println!(
            "panicked at {}:{}:{}:\n{}",
            l.file(),
            l.line(),
            l.column(),
            info.message()
        ),
        None => crate::println!("panicked:\n{}", info.message()),
    }
    crate::process::exit(PANIC_EXIT_CODE)
}
