//! Line structure of Markdown and plain text: hard-wrapped lines → blocks (bullets, paragraphs,
//! `#` headings, HTML table rows), before furniture removal and section classification.

use super::clean::clean_markdown;

/// What a block looked like in the source, before its shape decides Paragraph vs Section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RawKind {
    /// A list item.
    Bullet,
    /// Any other run of text.
    Para,
    /// A `#` heading or an HTML `h1`–`h6`.
    Heading,
    /// The first row of a table, which names its columns.
    HeadRow,
    /// Any later row of a table.
    Row,
}

/// A cleaned block and the 1-based line it starts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawBlock {
    /// The source shape.
    pub kind: RawKind,
    /// Clean one-line text.
    pub text: String,
    /// 1-based line in the raw file.
    pub line: usize,
}

/// Indentation (in columns) that makes a line after a blank line continue the current bullet.
const CONTINUATION_INDENT: usize = 2;
/// Numbered list markers have at most this many digits ("12." yes, "2023." no).
const NUMBER_MARKER_MAX_DIGITS: usize = 3;
/// Unicode bullet characters that start an item wherever they appear at a line start.
const BULLET_CHARS: [char; 9] = ['•', '–', '·', '‣', '▪', '◦', '●', '○', '■'];

/// Splits text on LF, CRLF or CR.
#[cfg(test)]
pub fn split_lines(text: &str) -> Vec<&str> {
    lines(text).collect()
}

/// The lines of `text`, split on LF, CRLF or CR, one at a time: a list of every line would
/// cost 16 bytes per line (a megabyte of blank lines, a million entries).
pub fn lines(text: &str) -> Lines<'_> {
    // A final line break does not open another line.
    let body = text
        .strip_suffix("\r\n")
        .or_else(|| text.strip_suffix(['\n', '\r']))
        .unwrap_or(text);
    Lines {
        body,
        start: 0,
        ends: LineEnds::new(body.as_bytes()),
        has_cr: memchr::memchr(b'\r', body.as_bytes()).is_some(),
        cr_parts: None,
    }
}

/// See [`lines`].
#[derive(Clone)]
pub struct Lines<'a> {
    body: &'a str,
    /// Where the next line starts; past the end of `body` once the last line is out.
    start: usize,
    /// The LFs of `body` after `start`.
    ends: LineEnds<'a>,
    /// Whether any CR is in the text (rare): lines are then split at lone CRs too.
    has_cr: bool,
    /// The rest of a piece split at lone CRs.
    cr_parts: Option<std::str::Split<'a, char>>,
}

impl<'a> Iterator for Lines<'a> {
    type Item = &'a str;

    /// The next line; inlined into the block loop, where a call per line cost some twenty
    /// instructions of saved registers.
    #[inline(always)]
    fn next(&mut self) -> Option<&'a str> {
        if let Some(parts) = &mut self.cr_parts {
            if let Some(part) = parts.next() {
                return Some(part);
            }
            self.cr_parts = None;
        }
        let start = self.start;
        // The LF sits at an ASCII byte, so the line is on char boundaries.
        let piece = match self.ends.next() {
            Some(end) => {
                self.start = end + 1;
                self.body.get(start..end)
            }
            None => {
                self.start = self.body.len() + 1;
                self.body.get(start..)
            }
        }?;
        if !self.has_cr {
            return Some(piece);
        }
        self.split_cr(piece)
    }
}

impl<'a> Lines<'a> {
    /// The first line of `piece` in a text with CRs: its CRLF's CR goes, and a lone CR ends
    /// it too (the lines after it are kept in `cr_parts`). Out of line: no sheet has a CR,
    /// and `next` keeps fewer registers without this.
    #[cold]
    #[inline(never)]
    fn split_cr(&mut self, piece: &'a str) -> Option<&'a str> {
        let piece = piece.strip_suffix('\r').unwrap_or(piece);
        if !piece.contains('\r') {
            return Some(piece);
        }
        let mut parts = piece.split('\r');
        let first = parts.next();
        self.cr_parts = Some(parts);
        first
    }
}

/// Bytes of text looked at together by [`LineEnds`].
const BLOCK: usize = 64;

/// The places of the LFs of a text, in order, found a block of [`BLOCK`] bytes at a time as a
/// bit mask: a few instructions per block, where a `memchr` call per line cost some seventy.
#[derive(Clone)]
struct LineEnds<'a> {
    bytes: &'a [u8],
    /// Where the block of `mask` starts.
    block: usize,
    /// The LFs of that block not handed out yet, one bit per byte.
    mask: u64,
}

impl<'a> LineEnds<'a> {
    fn new(bytes: &'a [u8]) -> LineEnds<'a> {
        LineEnds {
            bytes,
            block: 0,
            mask: newline_mask(bytes, 0),
        }
    }
}

impl Iterator for LineEnds<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        while self.mask == 0 {
            let next = self.block + BLOCK;
            if next >= self.bytes.len() {
                return None;
            }
            self.block = next;
            self.mask = newline_mask(self.bytes, next);
        }
        let bit = self.mask.trailing_zeros() as usize;
        self.mask &= self.mask - 1;
        Some(self.block + bit)
    }
}

/// The LFs of the [`BLOCK`] bytes of `bytes` from `at` (fewer near its end), one bit per byte.
fn newline_mask(bytes: &[u8], at: usize) -> u64 {
    match bytes.get(at..at + BLOCK).and_then(|b| b.try_into().ok()) {
        Some(block) => block_mask(block),
        None => tail_mask(bytes.get(at..).unwrap_or_default()),
    }
}

/// [`newline_mask`] of the last bytes, fewer than a block, padded with NULs (no LF); out of
/// line, as it runs once per text.
#[cold]
#[inline(never)]
fn tail_mask(rest: &[u8]) -> u64 {
    let mut tail = [0u8; BLOCK];
    tail[..rest.len()].copy_from_slice(rest);
    block_mask(&tail)
}

/// The LFs of a block, one bit per byte (lowest first).
#[cfg(target_arch = "x86_64")]
fn block_mask(block: &[u8; BLOCK]) -> u64 {
    // SAFETY: SSE2 is part of the x86_64 baseline: every CPU that runs this code has it.
    unsafe { sse2_block_mask(block) }
}

/// [`block_mask`] with SSE2: a compare and a byte mask per sixteen bytes (the portable loop
/// is not turned into these by the compiler).
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
fn sse2_block_mask(block: &[u8; BLOCK]) -> u64 {
    use std::arch::x86_64::{
        __m128i, _mm_cmpeq_epi8, _mm_loadu_si128, _mm_movemask_epi8, _mm_set1_epi8,
    };
    let lf = _mm_set1_epi8(b'\n' as i8);
    let mut mask = 0u64;
    for (k, lanes) in block.chunks_exact(16).enumerate() {
        // SAFETY: `lanes` holds 16 bytes, which the load reads; `loadu` needs no alignment.
        // (Built from two halves, the vector took four instructions.)
        let v = unsafe { _mm_loadu_si128(lanes.as_ptr().cast::<__m128i>()) };
        let bits = _mm_movemask_epi8(_mm_cmpeq_epi8(v, lf)) as u16;
        mask |= u64::from(bits) << (16 * k);
    }
    mask
}

/// The LFs of a block, one bit per byte (lowest first).
#[cfg(not(target_arch = "x86_64"))]
fn block_mask(block: &[u8; BLOCK]) -> u64 {
    block
        .iter()
        .enumerate()
        .fold(0, |mask, (i, &b)| mask | (u64::from(b == b'\n') << i))
}

/// The block being built; its raw text lives in one buffer reused across blocks.
struct Open {
    kind: RawKind,
    line: usize,
    table: bool,
}

/// Parses the lines from index `start` on into blocks.
pub fn blocks<'a>(lines: impl Iterator<Item = &'a str>, start: usize) -> Vec<RawBlock> {
    let mut out = Vec::new();
    let mut cur: Option<Open> = None;
    let mut raw = String::new();
    let mut blank_before = false;
    // Rows of the Markdown pipe table being read (0: none).
    let mut pipe_rows = 0usize;
    for (idx, line) in lines.enumerate().skip(start) {
        if out.len() > super::MAX_BLOCKS {
            // Refused by the caller: reading on would only fill memory.
            return out;
        }
        let line_no = idx + 1;
        let trimmed = crate::text::trim(line);
        if cur.as_ref().is_some_and(|o| o.table) {
            raw.push('\n');
            raw.push_str(line);
            if contains_ignore_case(trimmed, "</table>") {
                flush(&mut cur, &mut raw, &mut out);
            }
            continue;
        }
        if trimmed.is_empty() {
            blank_before = true;
            continue;
        }
        // Most lines go on the block above and start with a letter, which no separator, pipe
        // row, heading or list marker starts with: they skip those tests.
        let letter_first = trimmed
            .as_bytes()
            .first()
            .is_some_and(u8::is_ascii_alphabetic);
        if letter_first && cur.is_some() && !blank_before {
            raw.push(' ');
            raw.push_str(trimmed);
            pipe_rows = 0;
            continue;
        }
        if is_separator(trimmed) {
            flush(&mut cur, &mut raw, &mut out);
            blank_before = true;
            pipe_rows = 0;
            continue;
        }
        if is_pipe_row(trimmed) {
            flush(&mut cur, &mut raw, &mut out);
            pipe_row(trimmed, line_no, &mut pipe_rows, &mut out);
            blank_before = false;
            continue;
        }
        pipe_rows = 0;
        if let Some(text) = atx_heading(trimmed) {
            flush(&mut cur, &mut raw, &mut out);
            let text = clean_markdown(text);
            if !text.is_empty() {
                out.push(RawBlock {
                    kind: RawKind::Heading,
                    text,
                    line: line_no,
                });
            }
            blank_before = false;
            continue;
        }
        let allow_numbered = match &cur {
            None => true,
            Some(open) => blank_before || open.kind == RawKind::Bullet,
        };
        if let Some(rest) = bullet_body(trimmed, allow_numbered) {
            flush(&mut cur, &mut raw, &mut out);
            raw.push_str(rest);
            cur = Some(Open {
                kind: RawKind::Bullet,
                line: line_no,
                table: false,
            });
            blank_before = false;
            continue;
        }
        let continues = match &cur {
            Some(_) if !blank_before => true,
            Some(open) => open.kind == RawKind::Bullet && indent(line) >= CONTINUATION_INDENT,
            None => false,
        };
        match cur.as_mut() {
            Some(_) if continues => {
                // A space, not the line break: cleaning reads both as one space, and after
                // the trimmed line before it a space stays in the plain run being copied,
                // where a line break would end it.
                raw.push(' ');
                raw.push_str(trimmed);
            }
            _ => {
                flush(&mut cur, &mut raw, &mut out);
                let table = starts_with_ignore_case(trimmed, "<table");
                raw.push_str(trimmed);
                cur = Some(Open {
                    kind: RawKind::Para,
                    line: line_no,
                    table,
                });
                if table && contains_ignore_case(trimmed, "</table>") {
                    flush(&mut cur, &mut raw, &mut out);
                }
            }
        }
        blank_before = false;
    }
    flush(&mut cur, &mut raw, &mut out);
    out
}

fn flush(cur: &mut Option<Open>, raw: &mut String, out: &mut Vec<RawBlock>) {
    let Some(open) = cur.take() else {
        raw.clear();
        return;
    };
    if open.table {
        table_rows(raw, open.line, out);
        raw.clear();
        return;
    }
    let text = clean_markdown(raw);
    raw.clear();
    if !text.is_empty() {
        out.push(RawBlock {
            kind: open.kind,
            text,
            line: open.line,
        });
    }
}

/// An HTML table inside Markdown: one block per row, non-empty cells joined by " | "; the
/// first row that holds any text is the head row.
fn table_rows(raw: &str, first_line: usize, out: &mut Vec<RawBlock>) {
    let lower = raw.to_ascii_lowercase();
    let mut line = first_line;
    let mut pos = 0;
    let mut kind = RawKind::HeadRow;
    for chunk in lower.split("</tr>") {
        let end = pos + chunk.len();
        let original = raw.get(pos..end).unwrap_or_default();
        let row_line = line
            + original
                .bytes()
                .take_while(|b| b.is_ascii_whitespace())
                .filter(|b| *b == b'\n')
                .count();
        let cells: Vec<String> = split_cells(original, chunk)
            .into_iter()
            .map(clean_markdown)
            .filter(|c| !c.is_empty())
            .collect();
        if !cells.is_empty() {
            out.push(RawBlock {
                kind,
                text: cells.join(super::CELL_SEPARATOR),
                line: row_line,
            });
            kind = RawKind::Row;
        }
        line += original.bytes().filter(|b| *b == b'\n').count();
        pos = end + "</tr>".len();
    }
}

/// A line of a Markdown pipe table: `| a | b |`.
fn is_pipe_row(t: &str) -> bool {
    t.len() >= 3 && t.starts_with('|') && t.ends_with('|')
}

/// Reads one line of a pipe table: its delimiter row (`|---|:--:|`) makes the row before it,
/// when that is the table's first, the head row; any other line is a row of its non-empty
/// cells, joined as HTML rows are.
fn pipe_row(t: &str, line: usize, rows: &mut usize, out: &mut Vec<RawBlock>) {
    let inner = &t[1..t.len() - 1];
    let delimiter = inner
        .bytes()
        .all(|b| matches!(b, b'-' | b':' | b'|' | b' '))
        && inner.contains('-');
    if delimiter {
        if *rows == 1 {
            if let Some(head) = out.last_mut().filter(|b| b.kind == RawKind::Row) {
                head.kind = RawKind::HeadRow;
            }
        }
        *rows += 1;
        return;
    }
    *rows += 1;
    // A `\|` is a bar inside a cell.
    let cells: Vec<String> = split_pipes(inner)
        .into_iter()
        .map(|c| clean_markdown(&c.replace("\\|", "|")))
        .filter(|c| !c.is_empty())
        .collect();
    if !cells.is_empty() {
        out.push(RawBlock {
            kind: RawKind::Row,
            text: cells.join(super::CELL_SEPARATOR),
            line,
        });
    }
}

/// Splits a pipe row's inside on bars that are not escaped.
fn split_pipes(inner: &str) -> Vec<&str> {
    let mut cells = Vec::new();
    let mut start = 0;
    let bytes = inner.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'|' && (i == 0 || bytes[i - 1] != b'\\') {
            cells.push(&inner[start..i]);
            start = i + 1;
        }
    }
    cells.push(&inner[start..]);
    cells
}

/// Splits a row's HTML on cell ends (`</td>`, `</th>`), ignoring case: `lower` is the row in
/// lower case (the table's copy), where the ends are looked for.
fn split_cells<'r>(row: &'r str, lower: &str) -> Vec<&'r str> {
    let mut cells = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while let Some(p) = lower.get(i..).and_then(|r| r.find("</t")) {
        let at = i + p;
        let is_cell = matches!(lower.get(at..at + 5), Some("</td>") | Some("</th>"));
        if is_cell {
            cells.push(row.get(start..at).unwrap_or_default());
            start = at + 5;
            i = start;
        } else {
            i = at + 3;
        }
    }
    cells.push(row.get(start..).unwrap_or_default());
    cells
}

fn starts_with_ignore_case(s: &str, prefix: &str) -> bool {
    s.get(..prefix.len())
        .is_some_and(|p| p.eq_ignore_ascii_case(prefix))
}

/// Whether `s` holds `needle` in any ASCII case, found by its first byte: no lower-case copy
/// of each line of a table.
fn contains_ignore_case(s: &str, needle: &str) -> bool {
    let (hay, needle) = (s.as_bytes(), needle.as_bytes());
    let Some(&first) = needle.first() else {
        return true;
    };
    let (lower, upper) = (first.to_ascii_lowercase(), first.to_ascii_uppercase());
    memchr::memchr2_iter(lower, upper, hay).any(|at| {
        hay.get(at..at + needle.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(needle))
    })
}

/// Width of leading white space, a tab counting four.
fn indent(line: &str) -> usize {
    line.chars()
        .take_while(|c| c.is_whitespace())
        .map(|c| if c == '\t' { 4 } else { 1 })
        .sum()
}

/// Lines that only separate blocks: `<!-- -->` comments, rules, pandoc `:::` fences.
fn is_separator(t: &str) -> bool {
    if !t.starts_with(['<', ':', '-', '_', '*']) {
        return false;
    }
    if t.starts_with("<!--") && t.ends_with("-->") {
        return true;
    }
    if t.starts_with(":::") {
        return true;
    }
    // Rules are made of one mark and spaces: the shape is checked first, as a bullet line
    // ("- text", "* text") fails it within a few bytes.
    let only = |mark: u8| t.bytes().all(|c| c == mark || c == b' ');
    let rule = only(b'-') || only(b'_') || only(b'*');
    // Those lines hold ASCII only: the marks are the bytes that are not spaces.
    rule && t.bytes().filter(|c| *c != b' ').count() >= 3
}

/// The text of an ATX heading line (`## Title ##`, `# Title {#id}`).
fn atx_heading(t: &str) -> Option<&str> {
    let hashes = t.bytes().take_while(|b| *b == b'#').count();
    if hashes == 0 || hashes > 6 {
        return None;
    }
    let rest = t.get(hashes..)?;
    if !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    let mut text = rest.trim();
    if text.ends_with('}') {
        if let Some(p) = text.rfind(" {") {
            text = text.get(..p).unwrap_or(text).trim_end();
        }
    }
    Some(text.trim_end_matches('#').trim_end())
}

/// The text after a list marker: `-`, `*`, `+` and a space; a bullet character; `1.` / `1)`.
fn bullet_body(t: &str, allow_numbered: bool) -> Option<&str> {
    let mut chars = t.chars();
    let first = chars.next()?;
    if matches!(first, '-' | '*' | '+') {
        let rest = chars.as_str();
        return rest
            .starts_with([' ', '\t'])
            .then(|| rest.trim_start())
            .filter(|r| !r.is_empty());
    }
    if BULLET_CHARS.contains(&first) {
        let rest = chars.as_str().trim_start();
        return (!rest.is_empty()).then_some(rest);
    }
    if allow_numbered && first.is_ascii_digit() {
        let digits = t.bytes().take_while(u8::is_ascii_digit).count();
        if digits <= NUMBER_MARKER_MAX_DIGITS {
            let after = t.get(digits..)?;
            let rest = after.strip_prefix(['.', ')'])?;
            if rest.starts_with([' ', '\t']) {
                let rest = rest.trim_start();
                return (!rest.is_empty()).then_some(rest);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contains_ignore_case_finds_any_case() {
        let cases = [
            ("</td></TABLE>", "</table>", true),
            ("x </Table> y", "</table>", true),
            ("</tabl", "</table>", false),
            ("<</table", "</table>", false),
            ("", "</table>", false),
            ("a TABLE b", "table", true),
            ("a tabl", "table", false),
            ("\u{e9}</table>", "</table>", true),
            ("anything", "", true),
        ];
        for (s, needle, want) in cases {
            assert_eq!(contains_ignore_case(s, needle), want, "{s:?} {needle:?}");
        }
    }

    #[test]
    fn cells_split_on_their_ends_in_any_case() {
        let row = "<TD>a</td><th>B</TH></tbody>c";
        let lower = row.to_ascii_lowercase();
        assert_eq!(split_cells(row, &lower), ["<TD>a", "<th>B", "</tbody>c"]);
    }

    fn parse(text: &str) -> Vec<(RawKind, String, usize)> {
        blocks(lines(text), 0)
            .into_iter()
            .map(|b| (b.kind, b.text, b.line))
            .collect()
    }

    #[test]
    fn lines_split_at_lf_crlf_and_lone_cr() {
        let cases: [(&str, &[&str]); 9] = [
            ("", &[""]),
            ("one", &["one"]),
            ("one\n", &["one"]),
            ("one\r\n", &["one"]),
            ("one\n\n", &["one", ""]),
            ("a\nb\r\nc\rd\n", &["a", "b", "c", "d"]),
            (
                "\u{e9}t\u{e9}\n\u{2022} x\r",
                &["\u{e9}t\u{e9}", "\u{2022} x"],
            ),
            ("\n\na", &["", "", "a"]),
            ("a\r\r\nb", &["a", "", "b"]),
        ];
        for (text, want) in cases {
            assert_eq!(split_lines(text), want, "{text:?}");
        }
    }

    #[test]
    fn line_ends_are_the_lfs_across_blocks() {
        // LFs at the edges of blocks, texts of whole blocks and of a few bytes past them.
        let mut texts: Vec<Vec<u8>> = vec![Vec::new(), b"\n".to_vec(), b"\n\n".to_vec()];
        for len in [1, 63, 64, 65, 127, 128, 129, 200] {
            for lf in [0, 1, 62, 63, 64, 65, 127, 128, 190] {
                let mut t = vec![b'a'; len];
                for at in (lf..len).step_by(61) {
                    t[at] = b'\n';
                }
                if let Some(last) = t.last_mut() {
                    *last = b'\n';
                }
                texts.push(t.clone());
                t.pop();
                texts.push(t);
            }
        }
        for t in texts {
            let want: Vec<usize> = memchr::memchr_iter(b'\n', &t).collect();
            assert_eq!(LineEnds::new(&t).collect::<Vec<_>>(), want, "{t:?}");
            let text = String::from_utf8(t).unwrap();
            let body = text.strip_suffix('\n').unwrap_or(&text);
            assert_eq!(split_lines(&text), body.split('\n').collect::<Vec<_>>());
        }
    }

    #[test]
    fn wrapped_bullets_and_paragraphs() {
        let text = "Intro line one\nline two.  \n  \nLead-in:\n\n-   **Alpha Beta:** first\n    wrapped\n\n<!-- -->\n\n-   second\nlazy\n* third\n1. fourth\n2) fifth\n\n    indented continuation\n\n# A Heading {#h}\n\nLast para\n";
        let got = parse(text);
        let want = vec![
            (RawKind::Para, "Intro line one line two.".to_string(), 1),
            (RawKind::Para, "Lead-in:".to_string(), 4),
            (RawKind::Bullet, "Alpha Beta: first wrapped".to_string(), 6),
            (RawKind::Bullet, "second lazy".to_string(), 11),
            (RawKind::Bullet, "third".to_string(), 13),
            (RawKind::Bullet, "fourth".to_string(), 14),
            (
                RawKind::Bullet,
                "fifth indented continuation".to_string(),
                15,
            ),
            (RawKind::Heading, "A Heading".to_string(), 19),
            (RawKind::Para, "Last para".to_string(), 21),
        ];
        assert_eq!(got, want);
    }

    #[test]
    fn numbers_inside_wrapped_paragraphs_are_not_bullets() {
        let got = parse("five pillars: 1) one; 2) two;\n3) three.\n");
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].1, "five pillars: 1) one; 2) two; 3) three.");
    }

    #[test]
    fn unicode_bullets_and_line_endings() {
        for text in [
            "Lead:\r\n  • one\r\n  • two\r\n",
            "Lead:\r  · one\r  · two\r",
            "Lead:\n– one\n–two\n",
        ] {
            let got: Vec<String> = parse(text).into_iter().map(|b| b.1).collect();
            assert_eq!(got, ["Lead:", "one", "two"], "{text:?}");
        }
    }

    #[test]
    fn separators_and_end_marks() {
        let got = parse("a\n\n* * *\n\nb\n\n---\n\n\\###\n\n ###\n");
        let texts: Vec<String> = got.into_iter().map(|b| b.1).collect();
        assert_eq!(texts, ["a", "b", "###"]);
    }

    #[test]
    fn pipe_tables_become_rows() {
        let text = "Intro.\n\n| State | Jobs \\| roles |\n|:---|---:|\n| **Ohio** | 1,200 |\n|  | |\n\nAfter.\n|\n";
        let got = parse(text);
        let rows: Vec<(RawKind, &str)> = got.iter().map(|b| (b.0, b.1.as_str())).collect();
        assert_eq!(
            rows,
            [
                (RawKind::Para, "Intro."),
                (RawKind::HeadRow, "State | Jobs | roles"),
                (RawKind::Row, "Ohio | 1,200"),
                (RawKind::Para, "After. |"),
            ]
        );
        assert_eq!(got[2].2, 5);
        // Without a delimiter row, bar lines are rows with no head.
        let got = parse("| a | 1 |\n| b | 2 |\n");
        assert!(got.iter().all(|b| b.0 == RawKind::Row), "{got:?}");
    }

    #[test]
    fn html_tables_become_rows() {
        let text = "<table>\n<tbody>\n<tr>\n<td><strong>State</strong></td>\n<td>Total</td>\n</tr>\n\n<tr>\n<td>Alabama</td>\n<td>1,234</td>\n</tr>\n</tbody>\n</table>\n\nAfter.\n";
        let got = parse(text);
        let texts: Vec<&str> = got.iter().map(|b| b.1.as_str()).collect();
        assert_eq!(texts, ["State | Total", "Alabama | 1,234", "After."]);
        let kinds: Vec<RawKind> = got.iter().map(|b| b.0).collect();
        assert_eq!(kinds, [RawKind::HeadRow, RawKind::Row, RawKind::Para]);
        assert_eq!(got[1].2, 8);
    }
}
