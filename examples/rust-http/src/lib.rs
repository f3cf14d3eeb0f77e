// SPDX-License-Identifier: BSD-3-Clause
//! rust-http: a small HTTP/1.1 server on Rust's std::net, unchanged:
//! a TcpListener on port 80 (or the first argument), one thread (with a
//! 128 KiB stack) per connection, keep-alive. GET or HEAD of / or /hello answers a fixed
//! page; other paths 404, other methods 405, what is not HTTP 400.
//! Idle connections close after 30 s.

use std::env;
use std::io::{self, BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::thread;
use std::time::Duration;

const PAGE: &str = "<!DOCTYPE html>\n<html><body><h1>Hello from Kiln</h1>\
<p>Rust std::net on lwIP.</p></body></html>\n";
const MAX_HEADER: usize = 8192;

/// One request's first line and whether the client wants to go on.
struct Request {
    method: String,
    path: String,
    keep_alive: bool,
}

/// Reads a request head; None at a clean end of the connection.
fn read_request(r: &mut BufReader<TcpStream>) -> io::Result<Option<Result<Request, ()>>> {
    let mut line = String::new();
    let mut total = 0;
    if r.read_line(&mut line)? == 0 {
        return Ok(None);
    }
    total += line.len();
    let mut words = line.split_whitespace();
    let (method, path, version) = match (words.next(), words.next(), words.next()) {
        (Some(m), Some(p), Some(v)) if v.starts_with("HTTP/1.") => {
            (m.to_string(), p.to_string(), v.to_string())
        }
        _ => return Ok(Some(Err(()))),
    };
    let mut keep_alive = version == "HTTP/1.1";
    loop {
        let mut h = String::new();
        if r.read_line(&mut h)? == 0 {
            return Ok(None);
        }
        total += h.len();
        if total > MAX_HEADER {
            return Ok(Some(Err(())));
        }
        let h = h.trim_end();
        if h.is_empty() {
            break;
        }
        if let Some((name, value)) = h.split_once(':') {
            if name.eq_ignore_ascii_case("connection") {
                let v = value.trim();
                if v.eq_ignore_ascii_case("close") {
                    keep_alive = false;
                } else if v.eq_ignore_ascii_case("keep-alive") {
                    keep_alive = true;
                }
            }
        } else {
            return Ok(Some(Err(())));
        }
    }
    Ok(Some(Ok(Request { method, path, keep_alive })))
}

fn respond(w: &mut TcpStream, status: &str, body: &str, head: bool, keep: bool) -> io::Result<()> {
    let mut out = format!(
        "HTTP/1.1 {}\r\nServer: kiln-rust-http\r\nContent-Type: text/html\r\n\
Content-Length: {}\r\nConnection: {}\r\n\r\n",
        status,
        body.len(),
        if keep { "keep-alive" } else { "close" }
    );
    if !head {
        out.push_str(body);
    }
    w.write_all(out.as_bytes())
}

fn serve(stream: TcpStream) -> io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(30)))?;
    stream.set_nodelay(true)?;
    let mut w = stream.try_clone()?;
    let mut r = BufReader::new(stream);
    loop {
        let req = match read_request(&mut r)? {
            None => return Ok(()),
            Some(Err(())) => {
                return respond(&mut w, "400 Bad Request", "bad request\n", false, false)
            }
            Some(Ok(req)) => req,
        };
        let head = req.method == "HEAD";
        let keep = req.keep_alive;
        if req.method != "GET" && !head {
            respond(&mut w, "405 Method Not Allowed", "method not allowed\n", false, keep)?;
        } else if req.path == "/" || req.path == "/hello" {
            respond(&mut w, "200 OK", PAGE, head, keep)?;
        } else {
            respond(&mut w, "404 Not Found", "not found\n", head, keep)?;
        }
        if !keep {
            return Ok(());
        }
    }
}

#[no_mangle]
pub extern "C" fn main(_argc: i32, _argv: *const *const u8) -> i32 {
    let port: u16 = match env::args().nth(1).map(|a| a.parse()) {
        None => 80,
        Some(Ok(p)) => p,
        Some(Err(_)) => {
            eprintln!("rust-http: the port must be a number from 1 to 65535");
            return 2;
        }
    };
    let listener = match TcpListener::bind(("0.0.0.0", port)) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("rust-http: cannot listen on port {}: {}", port, e);
            return 1;
        }
    };
    println!("rust-http: listening on port {}", port);
    for conn in listener.incoming() {
        match conn {
            Ok(stream) => {
                // A connection's failure (a reset, a timeout) is its own.
                // Kiln gives a thread its whole stack up front: 128 KiB,
                // not std's 2 MiB, so 50 connections fit in 32 MiB. When
                // memory runs out the connection is dropped, not the server.
                let spawned = thread::Builder::new()
                    .stack_size(128 * 1024)
                    .spawn(move || {
                        let _ = serve(stream);
                    });
                if let Err(e) = spawned {
                    eprintln!("rust-http: no thread for a connection: {}", e);
                }
            }
            Err(e) => eprintln!("rust-http: accept: {}", e),
        }
    }
    0
}
