// SPDX-License-Identifier: BSD-3-Clause
//! The app's arguments, as main() got them (argv[0] is the app's name).

use core::ffi::CStr;

/// Iterates over the arguments as `&str` (invalid UTF-8 shows as "?").
pub fn args() -> Args {
    Args { next: 0 }
}

pub struct Args {
    next: usize,
}

impl Iterator for Args {
    type Item = &'static str;

    fn next(&mut self) -> Option<&'static str> {
        // SAFETY: ukboot sets argc/argv before any constructor or main()
        // runs and never changes them; the strings live forever.
        unsafe {
            if self.next >= crate::sys::ukboot_argc as usize {
                return None;
            }
            let arg = *crate::sys::ukboot_argv.add(self.next);
            self.next += 1;
            Some(CStr::from_ptr(arg).to_str().unwrap_or("?"))
        }
    }
}
