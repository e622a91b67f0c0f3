//! Reading: raw bytes of a pull (plain text, Markdown, HTML) → a document with title, date,
//! source, digest and clean text blocks, page furniture removed.

use crate::error::{Error, Result};
use chrono::NaiveDate;
use std::path::Path;

/// What a block of the document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// A list item (`•`, `-`, `*`, `–`, `·`, `1.`…).
    Bullet,
    /// A body paragraph.
    Paragraph,
    /// A section line between bullet groups ("Pillar I: …", a lead-in ending with ':').
    Section,
}

/// One block of clean text: markup stripped, line breaks and runs of spaces folded to one space.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// What the block is.
    pub kind: BlockKind,
    /// The clean text, on one line ("Creating Opportunities: U.S. Government support …").
    pub text: String,
    /// 1-based line in the raw file where the block starts.
    pub line: usize,
}

/// A pull after reading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// The sheet's title, when found.
    pub title: Option<String>,
    /// The edition date, when found (front matter, date line, file name).
    pub date: Option<NaiveDate>,
    /// The source URL, when found (front matter, citation footer).
    pub source: Option<String>,
    /// `sha256:<hex>` of the raw bytes.
    pub digest: String,
    /// The sheet's blocks in order, without page furniture.
    pub blocks: Vec<Block>,
}

/// Reads a file from disk; see [`read_bytes`].
pub fn read_file(path: &Path) -> Result<Document> {
    if path.is_dir() {
        return Err(Error::IsDirectory {
            path: path.to_path_buf(),
        });
    }
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    read_bytes(&bytes, path)
}

/// Reads raw bytes; `path` names the file in errors and may give the date (`2023-02-06.md`).
pub fn read_bytes(bytes: &[u8], path: &Path) -> Result<Document> {
    let _ = (bytes, path);
    unimplemented!()
}

/// Parses a date given by hand or on a date line (YYYY-MM-DD and common English forms).
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok()
}
