//! Arbitrary bytes read as an HTML page → the whole extraction path; errors are fine, panics not.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    // The `.html` name makes the reader treat the bytes as HTML; the date in it gets past the
    // "no date" check so segmenting and extraction run too.
    let _ =
        factdiff::pipeline::extract_bytes(data, Path::new("2023-01-01.html"), &Default::default());
});
