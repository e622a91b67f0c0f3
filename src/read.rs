//! Reading: raw bytes of a pull (plain text, Markdown, HTML) → a document with title, date,
//! source, digest and clean text blocks, page furniture removed.

//!
//! Forms: HTML (by its tags or a `.html`/`.htm` name), Markdown with YAML front matter (a first
//! `---` line), else plain text or Markdown. All three give the same blocks for the same sheet:
//! markup is stripped, curly quotes are straightened, and a block's kind (bullet, paragraph,
//! section) follows its shape, never its bold or italic markup alone.
//!
//! Furniture that never becomes a block: lines before the title line (photo captions) and the
//! title line itself, date lines and datelines ("February 2023", "WASHINGTON —") near the top,
//! `###` end marks, link-only lines such as "Read the full strategy here" or "Click here"
//! (dropped: they carry no claim), and a citation footer (a line repeating the title and ending
//! with a URL, which gives the source) with everything after it.

mod clean;
mod date;
mod front_matter;
mod html;
mod markdown;

pub use date::parse_date;

use crate::error::{Error, Result};
use crate::text::{slug, slug_is};
use chrono::NaiveDate;
use markdown::{RawBlock, RawKind};
use std::path::Path;

/// What the reader puts between the cells of a table row.
pub const CELL_SEPARATOR: &str = " | ";

/// What a block of the document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    /// A list item (`•`, `-`, `*`, `–`, `·`, `1.`…).
    Bullet,
    /// A body paragraph.
    Paragraph,
    /// A section line between bullet groups ("Pillar I: …", a lead-in ending with ':').
    Section,
    /// The first row of a table: its cells, joined by " | ", name the columns.
    HeadRow,
    /// A later row of a table, its non-empty cells joined by " | ".
    Row,
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

/// Reads raw bytes: [`checked_text`], then [`read_text`].
#[cfg(test)]
pub fn read_bytes(bytes: &[u8], path: &Path, digest: Option<String>) -> Result<Document> {
    read_text(checked_text(bytes, path)?, path, digest)
}

/// The raw bytes as text, when they are text: no NUL byte, valid UTF-8 (a leading byte-order
/// mark is kept).
pub(crate) fn checked_text<'b>(bytes: &'b [u8], path: &Path) -> Result<&'b str> {
    // The vectorised memchr: several times faster than `contains` on bytes.
    if let Some(offset) = memchr::memchr(0, bytes) {
        return Err(Error::Binary {
            path: path.to_path_buf(),
            offset,
        });
    }
    // The SIMD check is ten times faster than std's on valid text (which nearly every pull
    // is); only a failure pays for std's walk, which says where the text goes wrong.
    simdutf8::basic::from_utf8(bytes).or_else(|_| {
        std::str::from_utf8(bytes).map_err(|e| Error::Encoding {
            path: path.to_path_buf(),
            offset: e.valid_up_to(),
        })
    })
}

/// Reads the raw text of a pull, as [`checked_text`] gives it (the caller, which needs the
/// text too, checks the bytes once). `path` names the file in errors and may give the date
/// (`2023-02-06.md`). `digest` is the bytes' digest ([`crate::text::digest`]) when the caller
/// has made it already: it is not made again.
pub(crate) fn read_text(raw: &str, path: &Path, digest: Option<String>) -> Result<Document> {
    let text = raw.strip_prefix('\u{FEFF}').unwrap_or(raw);
    if text.trim().is_empty() {
        return Err(Error::Empty {
            path: path.to_path_buf(),
        });
    }
    let digest = digest.unwrap_or_else(|| crate::text::digest(raw.as_bytes()));
    let mut meta = Meta::default();
    let raw_blocks = match detect(text, path) {
        Form::Html => {
            let page = html::read(text);
            if page.too_many_nodes {
                return Err(Error::TooMany {
                    path: path.to_path_buf(),
                    what: "HTML elements and text runs",
                    limit: html::MAX_NODES,
                });
            }
            meta.title = page.title;
            meta.date = page.date;
            meta.source = page.source;
            page.blocks
        }
        Form::Text => {
            // One iterator, cloned: making it looks through the whole text for a CR.
            let lines = markdown::lines(text);
            let start = match front_matter::split(lines.clone()) {
                Some((fm, body)) => {
                    meta.apply_front_matter(&fm);
                    body
                }
                None => 0,
            };
            markdown::blocks(lines, start)
        }
    };
    if raw_blocks.len() > MAX_BLOCKS {
        return Err(Error::TooMany {
            path: path.to_path_buf(),
            what: "blocks of text (bullets, paragraphs, headings)",
            limit: MAX_BLOCKS,
        });
    }
    let raw_blocks = remove_furniture(raw_blocks, &mut meta);
    let blocks = classify(raw_blocks);
    let date = meta.date.or_else(|| {
        path.file_name()
            .and_then(|n| n.to_str())
            .and_then(date::date_in_name)
    });
    Ok(Document {
        title: meta.title,
        date,
        source: meta.source,
        digest,
        blocks,
    })
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    Html,
    Text,
}

/// The most blocks of text a pull may hold: fact sheets hold tens. Each becomes a claim of a
/// few hundred bytes in memory, so a pull of millions of tiny bullets within the input limit
/// would need gigabytes; reading stops past this many and the pull is refused.
pub const MAX_BLOCKS: usize = 1_000_000;

/// How far into the file HTML tags are looked for.
const HTML_SNIFF_BYTES: usize = 1024;

fn detect(text: &str, path: &Path) -> Form {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    if matches!(ext.as_deref(), Some("html" | "htm" | "xhtml")) {
        return Form::Html;
    }
    let head = text.trim_start();
    if head.starts_with("---") {
        return Form::Text;
    }
    let end = head
        .char_indices()
        .map(|(i, _)| i)
        .find(|&i| i >= HTML_SNIFF_BYTES)
        .unwrap_or(head.len());
    let sniff = head.get(..end).unwrap_or(head).to_ascii_lowercase();
    let html = sniff.starts_with("<!doctype html")
        || sniff.starts_with("<html")
        || ["<body", "<article", "<main"]
            .iter()
            .any(|t| sniff.contains(t));
    if html {
        Form::Html
    } else {
        Form::Text
    }
}

/// Title, date and source as found so far.
#[derive(Debug, Default)]
struct Meta {
    title: Option<String>,
    date: Option<NaiveDate>,
    source: Option<String>,
}

impl Meta {
    fn apply_front_matter(&mut self, fm: &front_matter::FrontMatter) {
        self.title = fm
            .get("title")
            .map(crate::text::normalize)
            .filter(|t| !t.is_empty());
        self.date = fm.get("date").and_then(parse_date).or_else(|| {
            fm.get("published_time")
                .and_then(|t| t.trim().get(..10))
                .and_then(parse_date)
        });
        self.source = ["source_url", "source", "url"]
            .iter()
            .find_map(|k| fm.get(k))
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_string);
    }
}

/// How many leading blocks may hold the title line, date lines and datelines.
const HEAD_WINDOW: usize = 8;
/// A title line is at most this many words.
const TITLE_MAX_WORDS: usize = 40;
/// A link-only line ("Read the full strategy here") is at most this many words.
const LINK_LINE_MAX_WORDS: usize = 15;
/// How link-only lines start (lower case).
const LINK_LINE_STARTS: [&str; 7] = [
    "read the full",
    "read more",
    "click here",
    "learn more",
    "see the full",
    "view the full",
    "read the report",
];

/// Words in clean text (single spaces, trimmed); any figure above `limit` means "too many".
fn word_count(s: &str, limit: usize) -> usize {
    // Spaces counted a chunk at a time (the count vectorises), stopping once over the limit:
    // past it, the exact figure does not matter to any caller.
    let mut words = usize::from(!s.is_empty());
    for chunk in s.as_bytes().chunks(64) {
        words += space_count(chunk);
        if words > limit {
            break;
        }
    }
    words
}

/// How many `' '` bytes `bytes` holds, eight at a time (SWAR: a byte's high bit is set when it
/// is a space, exactly, as no carry crosses bytes).
fn space_count(bytes: &[u8]) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut chunks = bytes.chunks_exact(8);
    let mut n = 0;
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let v = u64::from_le_bytes(word) ^ 0x2020_2020_2020_2020;
        n += (!(((v & !HIGH) + !HIGH) | v) & HIGH).count_ones() as usize;
    }
    n + chunks.remainder().iter().filter(|&&b| b == b' ').count()
}

fn starts_with_fact_sheet(s: &str) -> bool {
    s.get(..10)
        .is_some_and(|p| p.eq_ignore_ascii_case("fact sheet"))
}

/// Drops page furniture and fills title, date and source from what it held.
fn remove_furniture(mut blocks: Vec<RawBlock>, meta: &mut Meta) -> Vec<RawBlock> {
    // The title line: it and every line before it (photo captions, breadcrumbs) go.
    let mut title_slug = meta.title.as_deref().map(slug);
    let title_at = blocks.iter().take(HEAD_WINDOW).position(|b| {
        b.kind != RawKind::Bullet
            && word_count(&b.text, TITLE_MAX_WORDS) <= TITLE_MAX_WORDS
            && (title_slug.as_deref().is_some_and(|t| slug_is(&b.text, t))
                || starts_with_fact_sheet(&b.text))
    });
    match title_at {
        Some(i) => {
            let removed: Vec<RawBlock> = blocks.drain(..=i).collect();
            if meta.title.is_none() {
                meta.title = removed.last().map(|b| b.text.clone());
                title_slug = meta.title.as_deref().map(slug);
            }
        }
        None if meta.title.is_none() => {
            let first_is_title = blocks.first().is_some_and(|b| {
                b.kind != RawKind::Bullet
                    && word_count(&b.text, TITLE_MAX_WORDS) <= TITLE_MAX_WORDS
                    && !ends_sentence(&b.text)
                    && !b.text.ends_with(':')
                    && parse_date(&b.text).is_none()
            });
            if first_is_title {
                meta.title = Some(blocks.remove(0).text);
                title_slug = meta.title.as_deref().map(slug);
            }
        }
        None => {}
    }

    // The citation footer and everything after it.
    let footer_at = blocks
        .iter()
        .position(|b| is_citation(&b.text, title_slug.as_deref()));
    if let Some(i) = footer_at {
        let url = blocks
            .get(i)
            .and_then(|b| b.text.split_whitespace().last())
            .map(str::to_string);
        if meta.source.is_none() {
            meta.source = url;
        }
        blocks.truncate(i);
    }

    let mut kept = Vec::with_capacity(blocks.len());
    for (i, b) in blocks.into_iter().enumerate() {
        if i < HEAD_WINDOW && b.kind != RawKind::Bullet {
            if let Some(d) = parse_date(&b.text) {
                meta.date.get_or_insert(d);
                continue;
            }
            if is_dateline(&b.text) {
                continue;
            }
        }
        if date::is_month_year(&b.text) || is_end_mark(&b.text) || is_link_line(&b.text) {
            continue;
        }
        let is_title = |t: &str| slug_is(&b.text, t);
        if b.kind == RawKind::Heading && title_slug.as_deref().is_some_and(is_title) {
            continue;
        }
        kept.push(b);
    }
    kept
}

/// "Name, Title Online by … https://…": repeats the title and ends with a URL.
fn is_citation(text: &str, title_slug: Option<&str>) -> bool {
    let Some(title_slug) = title_slug.filter(|t| !t.is_empty()) else {
        return false;
    };
    let ends_with_url =
        last_word(text).is_some_and(|w| w.starts_with("http://") || w.starts_with("https://"));
    ends_with_url && text.len() > title_slug.len() && slug(text).contains(title_slug)
}

/// `text.split_whitespace().last()`, read from the end: after a last space, a tail of visible
/// ASCII is the last word as it is (each block is asked, and most end so).
fn last_word(text: &str) -> Option<&str> {
    let bytes = text.as_bytes();
    match bytes.iter().rposition(|b| !(b'!'..0x80).contains(b)) {
        None => (!text.is_empty()).then_some(text),
        Some(k) if bytes[k] == b' ' && k + 1 < bytes.len() => text.get(k + 1..),
        Some(_) => text.split_whitespace().last(),
    }
}

/// "WASHINGTON —", "WASHINGTON, D.C. –": a place in capitals and a dash, nothing else.
fn is_dateline(text: &str) -> bool {
    let Some(place) = text
        .strip_suffix('—')
        .or_else(|| text.strip_suffix('–'))
        .or_else(|| text.strip_suffix("--"))
        .or_else(|| text.strip_suffix('-'))
    else {
        return false;
    };
    let place = place.trim();
    !place.is_empty()
        && place.chars().any(char::is_alphabetic)
        && place
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, ' ' | ',' | '.'))
}

/// "###", "***", "* * *": end marks and rules that survived as text.
fn is_end_mark(text: &str) -> bool {
    text.chars()
        .all(|c| matches!(c, '#' | '*' | ' ' | '-' | '_'))
}

fn is_link_line(text: &str) -> bool {
    let text = text.trim_start_matches(|c: char| !c.is_alphanumeric());
    // Most blocks start with a letter no start has: their first byte settles them.
    let first = text.as_bytes().first().map(u8::to_ascii_lowercase);
    LINK_LINE_STARTS.iter().any(|s| {
        first == s.as_bytes().first().copied()
            && text
                .get(..s.len())
                .is_some_and(|p| p.eq_ignore_ascii_case(s))
    }) && word_count(text, LINK_LINE_MAX_WORDS) <= LINK_LINE_MAX_WORDS
}

/// Ends like a sentence: '.', '!' or '?', before any closing quotes or brackets.
fn ends_sentence(text: &str) -> bool {
    let t = text.trim_end_matches(['"', '\'', ')', ']', ' ']);
    t.ends_with(['.', '!', '?'])
}

/// A lead-in ending with ':' is a section when at most this many words.
const LEAD_IN_MAX_WORDS: usize = 20;
/// A "Pillar …" or Roman-numeral line is a section when at most this many words.
const PILLAR_MAX_WORDS: usize = 30;
/// A standalone line without a final period is a section when at most this many words.
const SECTION_MAX_WORDS: usize = 12;

/// Gives each block its kind by shape: bullets stay bullets, headings are sections, and a
/// paragraph is a section when it is a lead-in, a pillar line or a short title-like line.
fn classify(raw: Vec<RawBlock>) -> Vec<Block> {
    let next_kinds: Vec<Option<RawKind>> = raw
        .iter()
        .skip(1)
        .map(|b| Some(b.kind))
        .chain(std::iter::once(None))
        .collect();
    raw.into_iter()
        .zip(next_kinds)
        .map(|(b, next)| {
            let kind = match b.kind {
                RawKind::Bullet => BlockKind::Bullet,
                RawKind::Heading => BlockKind::Section,
                RawKind::Para if is_section_shape(&b.text, next) => BlockKind::Section,
                RawKind::Para => BlockKind::Paragraph,
                RawKind::HeadRow => BlockKind::HeadRow,
                RawKind::Row => BlockKind::Row,
            };
            Block {
                kind,
                text: b.text,
                line: b.line,
            }
        })
        .collect()
}

fn is_section_shape(text: &str, next: Option<RawKind>) -> bool {
    let Some(next) = next else { return false };
    // Words are counted last: most paragraphs end a sentence and are no section.
    let words = || word_count(text, PILLAR_MAX_WORDS);
    if text.ends_with(':') && words() <= LEAD_IN_MAX_WORDS {
        return true;
    }
    if starts_like_pillar(text) && words() <= PILLAR_MAX_WORDS {
        return true;
    }
    let starts_upper = text.chars().next().is_some_and(|c| !c.is_lowercase());
    starts_upper
        && !ends_sentence(text)
        && (next == RawKind::Bullet || !text.bytes().any(|c| c.is_ascii_digit()))
        && words() <= SECTION_MAX_WORDS
}

/// "Pillar I: …", "Pillar 2 – …", "IV. …": an outline label first.
fn starts_like_pillar(text: &str) -> bool {
    let mut words = text.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    if first == "Pillar" {
        return words.next().is_some();
    }
    let label = first.trim_end_matches(['.', ':', ')']);
    label.len() < first.len()
        && !label.is_empty()
        && label.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
}

#[cfg(test)]
mod tests;
