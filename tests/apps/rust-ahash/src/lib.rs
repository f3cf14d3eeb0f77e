// SPDX-License-Identifier: BSD-3-Clause
//! rust-ahash: crates from crates.io (through a directory registry) that
//! call libc: ahash's RandomState (seeded by getrandom) and getrandom.

use std::hash::{BuildHasher, Hash, Hasher};

fn hash_with(state: &ahash::RandomState, value: &str) -> u64 {
    let mut h = state.build_hasher();
    value.hash(&mut h);
    h.finish()
}

#[no_mangle]
pub extern "C" fn main(_argc: i32, _argv: *const *const u8) -> i32 {
    let mut bytes = [0u8; 16];
    match getrandom::getrandom(&mut bytes) {
        Ok(()) => {
            let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
            println!("getrandom: {hex}");
        }
        Err(e) => {
            println!("getrandom failed: {e}");
            return 1;
        }
    }

    let (a, b) = (ahash::RandomState::new(), ahash::RandomState::new());
    let (ha, hb) = (hash_with(&a, "kiln"), hash_with(&b, "kiln"));
    println!("hash of \"kiln\": {ha:016x} {hb:016x}");
    println!("same state, same hash: {}", ha == hash_with(&a, "kiln"));
    println!("two RandomStates differ: {}", ha != hb);

    let mut map: ahash::AHashMap<&str, u32> = ahash::AHashMap::new();
    for (i, w) in ["one", "two", "three"].iter().enumerate() {
        map.insert(w, i as u32 + 1);
    }
    println!("AHashMap: two={} len={}", map["two"], map.len());
    0
}
