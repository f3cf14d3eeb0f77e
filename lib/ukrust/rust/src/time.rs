// SPDX-License-Identifier: BSD-3-Clause
//! Monotonic time since the first instruction of the boot.

use core::time::Duration;

/// Nanoseconds since the unikernel started.
pub fn monotonic_ns() -> u64 {
    // SAFETY: a pure read of the platform clock.
    unsafe { crate::sys::ukplat_monotonic_ns() }
}

/// Time since the unikernel started.
pub fn uptime() -> Duration {
    Duration::from_nanos(monotonic_ns())
}

/// A point in monotonic time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Instant(u64);

impl Instant {
    pub fn now() -> Instant {
        Instant(monotonic_ns())
    }

    pub fn elapsed(&self) -> Duration {
        Duration::from_nanos(monotonic_ns().saturating_sub(self.0))
    }
}
