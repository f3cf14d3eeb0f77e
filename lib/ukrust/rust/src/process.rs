// SPDX-License-Identifier: BSD-3-Clause
//! Ending the unikernel.

/// Exits with `code` (atexit handlers run; the host sees the code).
pub fn exit(code: i32) -> ! {
    // SAFETY: exit() never returns.
    unsafe { crate::sys::exit(code) }
}
