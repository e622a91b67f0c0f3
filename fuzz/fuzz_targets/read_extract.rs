//! Arbitrary bytes as a Markdown/text pull → the whole extraction path; errors are fine, panics not.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    // The dated name gives the edition its date, so the input reaches segmenting and extraction.
    let _ =
        factdiff::pipeline::extract_bytes(data, Path::new("2023-01-01.md"), &Default::default());
    let _ = factdiff::extract::extract_figures(&String::from_utf8_lossy(data));
});
