// SPDX-License-Identifier: BSD-3-Clause
//! Threads for `no_std` code, over uksched's C API (LIBUKSCHED): spawn,
//! join, sleep, yield. Like `std::thread`, a dropped [`JoinHandle`]
//! detaches its thread. A panic in any thread ends the image, as every
//! Kiln panic does.

use crate::sys;
use rust_alloc::boxed::Box;
use core::cell::UnsafeCell;
use core::ffi::c_void;
use core::sync::atomic::{AtomicUsize, Ordering};
use core::time::Duration;

/// What a thread and its handle share: the closure, then its result.
/// Freed by whichever of the two lets go last.
struct Packet<F, T> {
    refs: AtomicUsize,
    f: UnsafeCell<Option<F>>,
    out: UnsafeCell<Option<T>>,
}

unsafe fn release<F, T>(p: *const Packet<F, T>) {
    if (*p).refs.fetch_sub(1, Ordering::AcqRel) == 1 {
        drop(Box::from_raw(p as *mut Packet<F, T>));
    }
}

extern "C" fn start<F: FnOnce() -> T, T>(arg: *mut c_void) -> *mut c_void {
    let p = arg as *const Packet<F, T>;
    // SAFETY: the packet lives until both sides released it; only this
    // thread touches f and out until it releases.
    unsafe {
        let f = (*(*p).f.get()).take().expect("a thread runs once");
        *(*p).out.get() = Some(f());
        release(p);
    }
    core::ptr::null_mut()
}

/// A thread to join for its result.
pub struct JoinHandle<T> {
    thread: *mut c_void,
    packet: *const (),
    join_fn: unsafe fn(*mut c_void, *const ()) -> T,
    detach_fn: unsafe fn(*mut c_void, *const ()),
}

// SAFETY: the handle only joins or detaches; T is Send (spawn's bound).
unsafe impl<T: Send> Send for JoinHandle<T> {}

unsafe fn join_packet<F, T>(thread: *mut c_void, packet: *const ()) -> T {
    let p = packet as *const Packet<F, T>;
    sys::uk_thread_join(thread, core::ptr::null_mut());
    // The thread has ended: its result is there and ours to take.
    let out = (*(*p).out.get()).take().expect("the thread left a result");
    release(p);
    out
}

unsafe fn detach_packet<F, T>(thread: *mut c_void, packet: *const ()) {
    sys::uk_thread_detach(thread);
    release(packet as *const Packet<F, T>);
}

impl<T> JoinHandle<T> {
    /// Waits for the thread to end and returns what it returned.
    pub fn join(self) -> T {
        let me = core::mem::ManuallyDrop::new(self);
        // SAFETY: joined once; the handle is not dropped after.
        unsafe { (me.join_fn)(me.thread, me.packet) }
    }

    /// uksched's id of the thread (1 is main()'s).
    pub fn id(&self) -> i32 {
        // SAFETY: the thread is not freed before it is joined.
        unsafe { sys::uk_thread_id(self.thread) }
    }
}

impl<T> Drop for JoinHandle<T> {
    fn drop(&mut self) {
        // SAFETY: neither joined nor detached before.
        unsafe { (self.detach_fn)(self.thread, self.packet) }
    }
}

/// Starts `f` on a new thread named `name` (for crash and deadlock
/// reports) with the default stack; `None` when memory is short.
pub fn spawn_named<F, T>(name: &str, f: F) -> Option<JoinHandle<T>>
where
    F: FnOnce() -> T + Send + 'static,
    T: Send + 'static,
{
    let mut cname = [0u8; 16];
    let n = name.len().min(15);
    cname[..n].copy_from_slice(&name.as_bytes()[..n]);
    let p: *mut Packet<F, T> = Box::into_raw(Box::new(Packet {
        refs: AtomicUsize::new(2),
        f: UnsafeCell::new(Some(f)),
        out: UnsafeCell::new(None),
    }));
    // SAFETY: start::<F, T> matches the packet's type.
    let t = unsafe {
        sys::uk_thread_create(cname.as_ptr().cast(), start::<F, T>, p.cast(), 0)
    };
    if t.is_null() {
        // SAFETY: the thread never existed; the packet is only ours.
        drop(unsafe { Box::from_raw(p) });
        return None;
    }
    Some(JoinHandle {
        thread: t,
        packet: p as *const (),
        join_fn: join_packet::<F, T>,
        detach_fn: detach_packet::<F, T>,
    })
}

/// Starts `f` on a new thread; panics when memory is short.
pub fn spawn<F, T>(f: F) -> JoinHandle<T>
where
    F: FnOnce() -> T + Send + 'static,
    T: Send + 'static,
{
    spawn_named("rust", f).expect("no memory for a thread")
}

/// Blocks this thread for `d` (other threads run, or the CPU idles).
pub fn sleep(d: Duration) {
    let ns = u64::try_from(d.as_nanos()).unwrap_or(u64::MAX);
    // SAFETY: a plain call.
    unsafe { sys::uk_thread_sleep_ns(ns) }
}

/// Lets the other runnable threads run first.
pub fn yield_now() {
    // SAFETY: a plain call.
    unsafe { sys::uk_thread_yield() }
}

/// The calling thread's uksched id.
pub fn current_id() -> i32 {
    // SAFETY: the current thread exists.
    unsafe { sys::uk_thread_id(sys::uk_thread_current()) }
}
