// SPDX-License-Identifier: BSD-3-Clause
//! print!, println!, eprint!, eprintln! on the platform console.

use core::fmt::{self, Write};

/// The console as a `core::fmt::Write` sink.
pub struct Console;

impl Write for Console {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        // SAFETY: the pointer and length describe a live &str.
        unsafe { crate::sys::ukplat_console_write(s.as_ptr().cast(), s.len()) };
        Ok(())
    }
}

/// Formats into a small stack buffer first so one message reaches the
/// console in as few writes as possible.
struct Buffered<'a> {
    out: &'a mut Console,
    buf: [u8; 128],
    len: usize,
}

impl Buffered<'_> {
    fn flush(&mut self) {
        if self.len > 0 {
            // SAFETY: buf[..len] only ever holds whole UTF-8 strings.
            let s = unsafe { core::str::from_utf8_unchecked(&self.buf[..self.len]) };
            let _ = self.out.write_str(s);
            self.len = 0;
        }
    }
}

impl Write for Buffered<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        if self.len + s.len() > self.buf.len() {
            self.flush();
        }
        if s.len() > self.buf.len() {
            return self.out.write_str(s);
        }
        self.buf[self.len..self.len + s.len()].copy_from_slice(s.as_bytes());
        self.len += s.len();
        Ok(())
    }
}

#[doc(hidden)]
pub fn _print(args: fmt::Arguments) {
    let mut console = Console;
    let mut b = Buffered { out: &mut console, buf: [0; 128], len: 0 };
    let _ = b.write_fmt(args);
    b.flush();
}

#[macro_export]
macro_rules! print {
    ($($arg:tt)*) => { $crate::console::_print(format_args!($($arg)*)) };
}

#[macro_export]
macro_rules! println {
    () => { $crate::print!("\n") };
    ($($arg:tt)*) => { $crate::console::_print(format_args!("{}\n", format_args!($($arg)*))) };
}

/// The console is the only output: stderr goes there too.
#[macro_export]
macro_rules! eprint {
    ($($arg:tt)*) => { $crate::print!($($arg)*) };
}

#[macro_export]
macro_rules! eprintln {
    ($($arg:tt)*) => { $crate::println!($($arg)*) };
}
