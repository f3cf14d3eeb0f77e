// SPDX-License-Identifier: BSD-3-Clause
//! rust-fs: Rust's std::fs on Kiln, unchanged: lists the root (an
//! initrd's tree with `make run INITRD=../files/rootfs`), reads a file
//! from it, then creates a directory tree in /tmp (or the directory given
//! as the first argument), writes, appends, copies, renames, reads back,
//! lists and removes it. Any error ends the program with status 1 after
//! naming what failed.

use std::env;
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::Path;

fn list(dir: &Path) -> io::Result<()> {
    let mut names: Vec<String> = Vec::new();
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let meta = fs::symlink_metadata(entry.path())?;
        let kind = if meta.is_dir() {
            "dir "
        } else if meta.file_type().is_symlink() {
            "link"
        } else {
            "file"
        };
        names.push(format!(
            "  {:<12} {} {} bytes",
            entry.file_name().to_string_lossy(),
            kind,
            meta.len()
        ));
    }
    names.sort();
    println!("{}:", dir.display());
    for n in names {
        println!("{}", n);
    }
    Ok(())
}

fn run(dir: &Path) -> io::Result<()> {
    list(Path::new("/"))?;
    match fs::read_to_string("/etc/motd") {
        Ok(text) => print!("/etc/motd says: {}", text),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            println!("no /etc/motd: booted without the initrd")
        }
        Err(e) => return Err(e),
    }

    let top = dir.join("rust-fs");
    fs::create_dir_all(top.join("a/b"))?;
    fs::write(top.join("a/b/hello.txt"), "hello from std::fs\n")?;
    let mut f = OpenOptions::new()
        .append(true)
        .open(top.join("a/b/hello.txt"))?;
    f.write_all(b"appended\n")?;
    drop(f);
    let copied = fs::copy(top.join("a/b/hello.txt"), top.join("copy.txt"))?;
    println!("copied {} bytes", copied);
    fs::rename(top.join("copy.txt"), top.join("a/renamed.txt"))?;

    let mut f = File::open(top.join("a/renamed.txt"))?;
    f.seek(SeekFrom::Start(6))?;
    let mut rest = String::new();
    f.read_to_string(&mut rest)?;
    print!("from offset 6: {}", rest);
    let meta = f.metadata()?;
    println!(
        "renamed.txt: {} bytes, read-only: {}, modified: {}",
        meta.len(),
        meta.permissions().readonly(),
        meta.modified().is_ok()
    );

    match File::open(top.join("missing")) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            println!("opening a missing file: NotFound, as expected")
        }
        other => {
            return Err(io::Error::new(
                io::ErrorKind::Other,
                format!("a missing file opened: {:?}", other),
            ))
        }
    }
    list(&top.join("a"))?;
    println!("canonical: {}", fs::canonicalize(top.join("a/b/../b"))?.display());
    fs::remove_dir_all(&top)?;
    println!("exists after remove_dir_all: {}", top.exists());
    Ok(())
}

#[no_mangle]
pub extern "C" fn main(_argc: i32, _argv: *const *const u8) -> i32 {
    let dir = env::args().nth(1).unwrap_or_else(|| "/tmp".to_string());
    match run(Path::new(&dir)) {
        Ok(()) => {
            println!("rust-fs: done");
            0
        }
        Err(e) => {
            eprintln!("rust-fs: {}", e);
            1
        }
    }
}
