//! The extraction path: raw bytes → read → segment → extract → a claim set.

use crate::claimset::{Claim, ClaimSet, Edition, SCHEMA_VERSION};
use crate::error::{Error, Result};
use crate::topics::TopicRules;
use crate::{cite, class, extract, read, segment};
use chrono::NaiveDate;
use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

/// What the caller knows better than the document.
#[derive(Debug, Clone)]
pub struct ExtractOptions {
    /// The edition date, overriding what the document says.
    pub date: Option<NaiveDate>,
    /// The title, overriding what the document says.
    pub title: Option<String>,
    /// The source URL, overriding what the document says.
    pub source: Option<String>,
    /// Keep each claim's own words, and each figure's sentence and fragment, in the claim set
    /// (labels and lines are kept either way).
    pub keep_text: bool,
    /// The series' rules, applied to headless claims and figures.
    pub rules: TopicRules,
    /// The largest input read, in bytes ([`MAX_INPUT_BYTES`] by default); a larger one is
    /// refused with [`Error::TooLarge`], counted while reading (see [`crate::input`]).
    pub max_input_bytes: u64,
    /// The digest of the bytes ([`crate::text::digest`]) when the caller has made it already,
    /// so that it is not made twice; it must be of the same bytes.
    pub digest: Option<String>,
}

impl Default for ExtractOptions {
    fn default() -> Self {
        ExtractOptions {
            date: None,
            title: None,
            source: None,
            keep_text: false,
            rules: TopicRules::default(),
            max_input_bytes: MAX_INPUT_BYTES,
            digest: None,
        }
    }
}

/// The largest pull read by default: 64 MiB. Fact sheets are tens of kilobytes. With
/// [`crate::MAX_BLOCKS`] and [`MAX_FIGURES`] this bounds the extraction of one pull to under
/// 1 GB of memory (measured in `docs/limits.md`).
pub const MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

/// The most figures a pull may hold: fact sheets hold tens. Each costs up to a kilobyte or so
/// in memory (its sentence and fragment are kept); past this many the pull is refused.
pub const MAX_FIGURES: usize = 500_000;

fn check_len(size: u64, path: &Path, limit: u64) -> Result<()> {
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
    let bytes = crate::input::read_regular_file(path, options.max_input_bytes)?;
    extract_bytes(&bytes, path, options)
}

/// Extracts a claim set from raw bytes; `path` names the source in errors.
pub fn extract_bytes(bytes: &[u8], path: &Path, options: &ExtractOptions) -> Result<ClaimSet> {
    check_len(bytes.len() as u64, path, options.max_input_bytes)?;
    // Checked once: the reader reads the text, and its raw lines place each figure.
    let raw = read::checked_text(bytes, path)?;
    let doc = read::read_text(raw, path, options.digest.clone())?;
    build(doc, raw, path, options)
}

/// Each claim's block: its first line and the first line of the block after it (end
/// exclusive), so that a figure is looked for in its own block's lines only.
fn claim_spans(blocks: &[read::Block]) -> Vec<(usize, usize)> {
    blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| b.kind != read::BlockKind::Section)
        .map(|(i, b)| {
            let next = blocks.get(i + 1).map_or(usize::MAX, |n| n.line);
            (b.line, next.max(b.line + 1))
        })
        .collect()
}

/// A table's identity: where its head's cells are, which its rows share. Every head is
/// allocated before any segment is consumed, so two live tables never share an address.
fn table_id(head: &Arc<[String]>) -> *const String {
    head.as_ptr()
}

/// The most cells a row has, per table.
fn table_widths(segments: &[segment::Segment]) -> HashMap<*const String, usize> {
    let mut widths = HashMap::new();
    for seg in segments {
        if let Some(head) = &seg.columns {
            let cells = seg.text.split(read::CELL_SEPARATOR).count();
            let w = widths.entry(table_id(head)).or_insert(0);
            *w = cells.max(*w);
        }
    }
    widths
}

/// The first cell of a table row, as its label.
fn first_cell(row: &str) -> String {
    row.split(read::CELL_SEPARATOR)
        .next()
        .unwrap_or_default()
        .to_string()
}

/// The columns of the table being read, by its head row's cells (rows share them).
type Table = Option<(Arc<[String]>, Vec<extract::Column>)>;

/// The figures of one segment: a table row's by its table's columns (`table` keeps those of
/// the table being read), else its text's.
fn segment_figures(
    seg: &segment::Segment,
    table: &mut Table,
    widths: &HashMap<*const String, usize>,
) -> Vec<crate::figure::Figure> {
    match &seg.columns {
        Some(head) => {
            if !table.as_ref().is_some_and(|(h, _)| Arc::ptr_eq(h, head)) {
                *table = Some((head.clone(), extract::columns(head)));
            }
            let columns = table.as_ref().map_or(&[][..], |(_, c)| c.as_slice());
            let width = widths.get(&table_id(head)).copied().unwrap_or(0);
            extract::extract_row(&seg.text, columns, width)
        }
        None => extract::extract_figures(&seg.text),
    }
}

fn build(
    doc: read::Document,
    raw: &str,
    path: &Path,
    options: &ExtractOptions,
) -> Result<ClaimSet> {
    let date = options.date.or(doc.date).ok_or_else(|| Error::NoDate {
        path: path.to_path_buf(),
    })?;
    let spans = claim_spans(&doc.blocks);
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
    let mut claims = Vec::with_capacity(segments.len());
    let mut figure_count = 0;
    let widths = table_widths(&segments);
    let mut table: Table = None;
    let mut class_scratch = class::Scratch::default();
    // Each figure's sentence, cut once for its class and its citation.
    let mut cuts = Vec::new();
    for seg in segments {
        let mut figures = segment_figures(&seg, &mut table, &widths);
        class::classify(&seg.text, &mut figures, &title_figures, &mut class_scratch);
        cuts.extend_from_slice(class_scratch.cuts());
        // A growing vector keeps room for four figures: most claims hold one or two.
        figures.shrink_to_fit();
        figure_count += figures.len();
        if figure_count > MAX_FIGURES {
            return Err(Error::TooMany {
                path: path.to_path_buf(),
                what: "figures",
                limit: MAX_FIGURES,
            });
        }
        // A table row is labelled by its name, the first cell ("Ohio").
        let label = match seg.columns {
            Some(_) => first_cell(&seg.text),
            None => String::new(),
        };
        let mut claim = Claim {
            figures,
            topic: seg.topic,
            label,
            heading: seg.heading,
            section: seg.section,
            text: Some(seg.text),
        };
        options.rules.apply(&mut claim);
        claims.push(claim);
    }
    // One claim per block that is not a section (see `segment_blocks`).
    debug_assert_eq!(claims.len(), spans.len());
    cite::locate_lines(&mut claims, raw, &spans);
    let mut set = ClaimSet {
        schema: SCHEMA_VERSION,
        edition: Edition {
            title,
            date,
            source: options.source.clone().or(doc.source),
            digest: Some(doc.digest),
            revision: None,
        },
        claims,
    };
    // One cut per figure, claim after claim: no step since classing drops or moves a figure.
    debug_assert_eq!(cuts.len(), figure_count);
    cite::annotate_cut(&mut set, &cuts);
    Ok(if options.keep_text {
        set
    } else {
        set.without_text()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHEET: &[u8] = b"FACT SHEET: Limits\n\nMarch 14, 2023\n\n- Over 500 jobs were created.\n";

    #[test]
    fn the_input_limit_is_an_option_of_each_call() {
        let path = Path::new("sheet.txt");
        let small = ExtractOptions {
            max_input_bytes: 10,
            ..ExtractOptions::default()
        };
        let err = extract_bytes(SHEET, path, &small).unwrap_err();
        assert!(
            matches!(err, Error::TooLarge { size, limit: 10, .. } if size == SHEET.len() as u64),
            "{err}"
        );
        // Another call in the same process is not affected: no global setting.
        assert_eq!(ExtractOptions::default().max_input_bytes, MAX_INPUT_BYTES);
        assert!(extract_bytes(SHEET, path, &ExtractOptions::default()).is_ok());
        let exact = ExtractOptions {
            max_input_bytes: SHEET.len() as u64,
            ..ExtractOptions::default()
        };
        assert!(extract_bytes(SHEET, path, &exact).is_ok());
    }
}
