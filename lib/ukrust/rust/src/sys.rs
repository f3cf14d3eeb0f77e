// SPDX-License-Identifier: BSD-3-Clause
//! The C functions this crate calls (platform API, libc, ukboot).

use core::ffi::{c_char, c_int, c_void};

extern "C" {
    pub fn ukplat_console_write(buf: *const c_char, len: usize);
    pub fn ukplat_monotonic_ns() -> u64;
    pub fn malloc(size: usize) -> *mut c_void;
    pub fn free(ptr: *mut c_void);
    pub fn realloc(ptr: *mut c_void, size: usize) -> *mut c_void;
    pub fn posix_memalign(out: *mut *mut c_void, align: usize, size: usize) -> c_int;
    pub fn exit(status: c_int) -> !;
    pub static ukboot_argc: c_int;
    pub static ukboot_argv: *const *const c_char;
}
