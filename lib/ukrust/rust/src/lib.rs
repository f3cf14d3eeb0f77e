// SPDX-License-Identifier: BSD-3-Clause
//! The `uk` crate: Kiln's Rust API over its C libraries.
//!
//! The build's root crate installs [`alloc::UkAllocator`] as the global
//! allocator and calls [`rt::panic`] from the one panic handler, so
//! crates only use this API and never define those themselves.
#![no_std]

// Named apart from this crate's own `alloc` module (the allocator).
#[cfg(CONFIG_LIBUKSCHED)]
extern crate alloc as rust_alloc;

pub mod alloc;
pub mod console;
pub mod env;
pub mod process;
pub mod rt;
#[cfg(CONFIG_LIBUKSCHED)]
pub mod sync;
#[cfg(CONFIG_LIBUKSCHED)]
pub mod thread;
pub mod time;

mod sys;
