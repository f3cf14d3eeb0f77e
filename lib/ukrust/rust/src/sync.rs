// SPDX-License-Identifier: BSD-3-Clause
//! A mutex for `no_std` code over uksched's (LIBUKSCHED): blocking, not
//! spinning; its guard unlocks when dropped.

use crate::sys;
use core::cell::UnsafeCell;
use core::ops::{Deref, DerefMut};

/// uksched's struct uk_mutex: the owner and a queue (head, tail).
#[repr(C)]
struct RawMutex {
    owner: *mut core::ffi::c_void,
    head: *mut core::ffi::c_void,
    tail: *mut core::ffi::c_void,
}

/// A value only one thread at a time may use.
pub struct Mutex<T> {
    raw: UnsafeCell<RawMutex>,
    data: UnsafeCell<T>,
}

// SAFETY: the lock hands the data to one thread at a time.
unsafe impl<T: Send> Sync for Mutex<T> {}
unsafe impl<T: Send> Send for Mutex<T> {}

impl<T> Mutex<T> {
    pub const fn new(v: T) -> Mutex<T> {
        Mutex {
            raw: UnsafeCell::new(RawMutex {
                owner: core::ptr::null_mut(),
                head: core::ptr::null_mut(),
                tail: core::ptr::null_mut(),
            }),
            data: UnsafeCell::new(v),
        }
    }

    /// Blocks until the mutex is free, then holds it until the guard
    /// drops. Locking it again from the same thread ends the image.
    pub fn lock(&self) -> MutexGuard<'_, T> {
        // SAFETY: raw is a valid uk_mutex for as long as self lives.
        unsafe { sys::uk_mutex_lock(self.raw.get().cast()) };
        MutexGuard { m: self }
    }

    pub fn try_lock(&self) -> Option<MutexGuard<'_, T>> {
        // SAFETY: as for lock.
        if unsafe { sys::uk_mutex_trylock(self.raw.get().cast()) } != 0 {
            Some(MutexGuard { m: self })
        } else {
            None
        }
    }

    pub fn into_inner(self) -> T {
        self.data.into_inner()
    }
}

pub struct MutexGuard<'a, T> {
    m: &'a Mutex<T>,
}

impl<T> Deref for MutexGuard<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        // SAFETY: the guard holds the lock.
        unsafe { &*self.m.data.get() }
    }
}

impl<T> DerefMut for MutexGuard<'_, T> {
    fn deref_mut(&mut self) -> &mut T {
        // SAFETY: the guard holds the lock.
        unsafe { &mut *self.m.data.get() }
    }
}

impl<T> Drop for MutexGuard<'_, T> {
    fn drop(&mut self) {
        // SAFETY: this thread holds the lock.
        unsafe { sys::uk_mutex_unlock(self.m.raw.get().cast()) }
    }
}
