//! The extraction path: raw bytes → read → segment → extract → a claim set.

use crate::claimset::{Claim, ClaimSet, Edition, SCHEMA_VERSION};
use crate::error::{Error, Result};
use crate::topics::TopicRules;
use crate::{class, extract, read, segment};
use chrono::NaiveDate;
use std::path::Path;

/// What the caller knows better than the document.
#[derive(Debug, Clone, Default)]
pub struct ExtractOptions {
    /// The edition date, overriding what the document says.
    pub date: Option<NaiveDate>,
    /// The title, overriding what the document says.
    pub title: Option<String>,
    /// The source URL, overriding what the document says.
    pub source: Option<String>,
    /// Keep each claim's own words in the claim set.
    pub keep_text: bool,
    /// The series' rules, applied to headless claims and figures.
    pub rules: TopicRules,
}

/// The largest pull read by default: 64 MiB. Fact sheets are tens of kilobytes; extraction
/// takes about 60–90 bytes of memory per input byte, so this bounds a run to a few GB.
pub const MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

/// The input limit in force for this process (set once by the front end).
static INPUT_LIMIT: std::sync::atomic::AtomicU64 =
    std::sync::atomic::AtomicU64::new(MAX_INPUT_BYTES);

/// The input limit in force: [`MAX_INPUT_BYTES`] unless [`set_max_input_bytes`] changed it.
pub fn max_input_bytes() -> u64 {
    INPUT_LIMIT.load(std::sync::atomic::Ordering::Relaxed)
}

/// Changes the input limit for the whole process (the CLI maps `FACTDIFF_MAX_INPUT_MB` here;
/// the library itself reads no environment).
pub fn set_max_input_bytes(limit: u64) {
    INPUT_LIMIT.store(limit, std::sync::atomic::Ordering::Relaxed);
}

/// Refuses a file larger than [`max_input_bytes`] before reading it (a folder or a missing
/// file is left to the reader, which names the problem).
pub fn check_size(path: &Path) -> Result<()> {
    if let Ok(meta) = std::fs::metadata(path) {
        check_len(meta.len(), path)?;
    }
    Ok(())
}

fn check_len(size: u64, path: &Path) -> Result<()> {
    let limit = max_input_bytes();
    if size > limit {
        return Err(Error::TooLarge {
            path: path.to_path_buf(),
            size,
            limit,
        });
    }
    Ok(())
}

/// Extracts a claim set from a file on disk.
pub fn extract_file(path: &Path, options: &ExtractOptions) -> Result<ClaimSet> {
    check_size(path)?;
    let doc = read::read_file(path)?;
    build(doc, path, options)
}

/// Extracts a claim set from raw bytes; `path` names the source in errors.
pub fn extract_bytes(bytes: &[u8], path: &Path, options: &ExtractOptions) -> Result<ClaimSet> {
    check_len(bytes.len() as u64, path)?;
    let doc = read::read_bytes(bytes, path)?;
    build(doc, path, options)
}

fn build(doc: read::Document, path: &Path, options: &ExtractOptions) -> Result<ClaimSet> {
    let date = options.date.or(doc.date).ok_or_else(|| Error::NoDate {
        path: path.to_path_buf(),
    })?;
    let segments = segment::segment_blocks(doc.blocks);
    if segments.is_empty() {
        return Err(Error::NoClaims {
            path: path.to_path_buf(),
        });
    }
    let title = options.title.clone().or(doc.title).unwrap_or_else(|| {
        path.file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default()
    });
    let title_figures = extract::extract_figures(&title);
    let claims = segments
        .into_iter()
        .map(|seg| {
            let mut figures = extract::extract_figures(&seg.text);
            class::classify(&seg.text, &mut figures, &title_figures);
            let mut claim = Claim {
                figures,
                topic: seg.topic,
                heading: seg.heading,
                section: seg.section,
                text: Some(seg.text),
            };
            options.rules.apply(&mut claim);
            if !options.keep_text {
                claim.text = None;
            }
            claim
        })
        .collect();
    Ok(ClaimSet {
        schema: SCHEMA_VERSION,
        edition: Edition {
            title,
            date,
            source: options.source.clone().or(doc.source),
            digest: Some(doc.digest),
            revision: None,
        },
        claims,
    })
}
