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

#[cfg(CONFIG_LIBUKSCHED)]
extern "C" {
    pub fn uk_thread_create(
        name: *const c_char,
        f: extern "C" fn(*mut c_void) -> *mut c_void,
        arg: *mut c_void,
        stack_size: usize,
    ) -> *mut c_void;
    pub fn uk_thread_join(t: *mut c_void, ret: *mut *mut c_void) -> c_int;
    pub fn uk_thread_detach(t: *mut c_void);
    pub fn uk_thread_yield();
    pub fn uk_thread_sleep_ns(ns: u64);
    pub fn uk_thread_current() -> *mut c_void;
    pub fn uk_thread_id(t: *const c_void) -> c_int;
    pub fn uk_mutex_lock(m: *mut c_void);
    pub fn uk_mutex_trylock(m: *mut c_void) -> c_int;
    pub fn uk_mutex_unlock(m: *mut c_void);
}
