//! Arbitrary text → `ClaimSet::from_toml`; whatever parses must survive `to_toml` → `from_toml`.
#![no_main]

use factdiff::ClaimSet;
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let path = Path::new("fuzz.toml");
    let Ok(set) = ClaimSet::from_toml(text, path) else {
        return;
    };
    let written = set.to_toml();
    let back = ClaimSet::from_toml(&written, path)
        .unwrap_or_else(|e| panic!("to_toml wrote what from_toml refuses: {e}\n{written}"));
    assert_eq!(back, set, "round trip changed the claim set:\n{written}");
});
