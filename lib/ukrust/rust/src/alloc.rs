// SPDX-License-Identifier: BSD-3-Clause
//! The global allocator: the C heap, i.e. ukalloc's default allocator.

use crate::sys;
use core::alloc::{GlobalAlloc, Layout};
use core::ffi::c_void;
use core::ptr;

/// malloc() results are 16-byte aligned (ukalloc's guarantee).
const MALLOC_ALIGN: usize = 16;

pub struct UkAllocator;

unsafe impl GlobalAlloc for UkAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if layout.align() <= MALLOC_ALIGN {
            return sys::malloc(layout.size()).cast();
        }
        let mut p: *mut c_void = ptr::null_mut();
        if sys::posix_memalign(&mut p, layout.align(), layout.size()) != 0 {
            return ptr::null_mut();
        }
        p.cast()
    }

    unsafe fn dealloc(&self, p: *mut u8, _layout: Layout) {
        sys::free(p.cast());
    }

    unsafe fn realloc(&self, p: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if layout.align() <= MALLOC_ALIGN {
            return sys::realloc(p.cast(), new_size).cast();
        }
        let q = self.alloc(Layout::from_size_align_unchecked(new_size, layout.align()));
        if !q.is_null() {
            ptr::copy_nonoverlapping(p, q, layout.size().min(new_size));
            self.dealloc(p, layout);
        }
        q
    }
}
