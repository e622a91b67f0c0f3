//! Segmenting: a document's blocks → claims with topic keys, headings and section context.
//!
//! Every bullet and paragraph is a claim; section blocks only set the context of the claims under
//! them. A "Heading: text" lead names the topic; without one, the key comes from the claim's first
//! significant words, digits left out, so re-wrapping, re-formatting or a changed figure keep it.

use crate::read::{Block, BlockKind, CELL_SEPARATOR};
use crate::text::{
    ascii_alnum_run, ascii_letter_run, is_packed_stop_word, is_stop_word, pack_letters, slug,
    StopRole, WordHash,
};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::sync::Arc;

/// A stable slug naming what a claim is about (`creating-opportunities`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct TopicKey(String);

impl TopicKey {
    /// Makes a key from any text: lower case, ASCII-folded, words joined by hyphens.
    ///
    /// ```
    /// use factdiff::TopicKey;
    /// let key = TopicKey::from_text("Combatting Migrant Smuggling and Human Trafficking");
    /// assert_eq!(key.as_str(), "combatting-migrant-smuggling-and-human-trafficking");
    /// assert_eq!(TopicKey::from_text("Centroamérica Local").as_str(), "centroamerica-local");
    /// ```
    pub fn from_text(text: &str) -> TopicKey {
        TopicKey(slug(text))
    }

    /// Wraps a string that is already a slug (from a stored claim set or a rule).
    pub fn from_slug(slug: impl Into<String>) -> TopicKey {
        TopicKey(slug.into())
    }

    /// The slug.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for TopicKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A claim before its figures are extracted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// The topic key: from the heading, else derived from the content.
    pub topic: TopicKey,
    /// The "Heading:" lead, without its colon.
    pub heading: Option<String>,
    /// The section line the claim sits under.
    pub section: Option<String>,
    /// The claim's words without the heading lead.
    pub text: String,
    /// The 1-based line of the raw file where the claim's block starts.
    pub line: usize,
    /// For a table row, the cells of its table's head row, which name the columns.
    pub columns: Option<Arc<[String]>>,
}

/// A heading lead has at most this many words.
pub const HEADING_MAX_WORDS: usize = 12;
/// A heading lead is at most this many bytes (12 long words).
const HEADING_MAX_BYTES: usize = 200;
/// A derived key is made of this many significant words.
pub const DERIVED_KEY_WORDS: usize = 6;
/// The key of a claim with no significant word at all.
pub const FALLBACK_KEY: &str = "claim";

/// Splits a document into claims (a copy of its blocks; tests compare documents this way).
#[cfg(test)]
fn segment(doc: &crate::read::Document) -> Vec<Segment> {
    segment_blocks(doc.blocks.clone())
}

/// Splits a document's blocks into claims, taking them: a claim without a heading keeps its
/// block's text as it is, with no copy.
pub fn segment_blocks(blocks: Vec<Block>) -> Vec<Segment> {
    let mut out = Vec::with_capacity(blocks.len());
    let mut section: Option<String> = None;
    let mut head: Option<Arc<[String]>> = None;
    for block in blocks {
        let columns = match block.kind {
            BlockKind::Section => {
                section = Some(block.text);
                continue;
            }
            BlockKind::HeadRow => {
                head = Some(
                    block
                        .text
                        .split(CELL_SEPARATOR)
                        .map(str::to_string)
                        .collect(),
                );
                None
            }
            // A head of one cell followed by a row of words is the table's caption: that row
            // names the columns.
            BlockKind::Row
                if head.as_ref().is_none_or(|h| h.len() < 2)
                    && !block.text.bytes().any(|b| b.is_ascii_digit()) =>
            {
                head = Some(
                    block
                        .text
                        .split(CELL_SEPARATOR)
                        .map(str::to_string)
                        .collect(),
                );
                None
            }
            BlockKind::Row => head.clone(),
            BlockKind::Bullet | BlockKind::Paragraph => {
                head = None;
                None
            }
        };
        // A row's cells stay whole: "Note: …" in a cell is no heading.
        let is_row = matches!(block.kind, BlockKind::HeadRow | BlockKind::Row);
        let split = (!is_row)
            .then(|| split_heading(&block.text))
            .flatten()
            .map(|(h, t)| (h.to_string(), offset_in(&block.text, t), t.len()));
        let (heading, text) = match split {
            Some((heading, start, len)) => {
                // The text after the lead, kept in the block's own buffer.
                let mut text = block.text;
                text.truncate(start + len);
                text.drain(..start);
                (Some(heading), text)
            }
            None => (None, block.text),
        };
        let base = match &heading {
            Some(h) => slug(h),
            None => derived_key(&text),
        };
        let base = if base.is_empty() {
            FALLBACK_KEY.to_string()
        } else {
            base
        };
        out.push(Segment {
            topic: TopicKey::from_slug(base),
            heading,
            section: section.clone(),
            text,
            line: block.line,
            columns,
        });
    }
    make_keys_unique(&mut out);
    out
}

/// Where `part`, a slice of `whole`, starts in it.
fn offset_in(whole: &str, part: &str) -> usize {
    part.as_ptr() as usize - whole.as_ptr() as usize
}

/// Makes the segments' keys unique in order: a key handed out before becomes the first free
/// `key-2`, `key-3`…. The set borrows the keys from the segments, so a key seen first (nearly
/// every one) is not copied; remembering the next suffix per base keeps 10^5 repeats of one
/// heading linear. The hashes are FNV: the keys are short slugs, and nothing here is keyed by
/// input an attacker could shape into collisions worse than a slow pull.
fn make_keys_unique(segments: &mut [Segment]) {
    let mut renames = Vec::new();
    {
        let mut used: HashSet<Cow<'_, str>, WordHash> =
            HashSet::with_capacity_and_hasher(segments.len(), WordHash);
        let mut next_suffix: HashMap<&str, usize, WordHash> = HashMap::with_hasher(WordHash);
        for (i, segment) in segments.iter().enumerate() {
            let base = segment.topic.as_str();
            if used.insert(Cow::Borrowed(base)) {
                continue;
            }
            let n = next_suffix.entry(base).or_insert(2);
            loop {
                let candidate = format!("{base}-{n}");
                *n += 1;
                if !used.contains(candidate.as_str()) {
                    used.insert(Cow::Owned(candidate.clone()));
                    renames.push((i, candidate));
                    break;
                }
            }
        }
    }
    for (i, key) in renames {
        if let Some(segment) = segments.get_mut(i) {
            segment.topic = TopicKey::from_slug(key);
        }
    }
}

/// Splits "Heading: text" when the part before the first ':' reads as a title-case heading:
/// at most [`HEADING_MAX_WORDS`] words, a capital first, no digits, no sentence punctuation,
/// every word capitalised except small words, and text after the colon.
pub fn split_heading(text: &str) -> Option<(&str, &str)> {
    // The lead is short: look for its colon near the start only.
    let head = text.as_bytes();
    let colon = memchr::memchr(b':', head.get(..HEADING_MAX_BYTES).unwrap_or(head))?;
    let lead = text.get(..colon)?;
    let rest = text.get(colon + 1..)?;
    let lead = lead.trim();
    let rest = rest.trim();
    if lead.is_empty() || rest.is_empty() {
        return None;
    }
    // Abbreviation dots ("U.S.", "D.C.") follow a capital; any other dot ends a sentence.
    let mut prev = ' ';
    for c in lead.chars() {
        let sentence_dot = c == '.' && !prev.is_uppercase();
        if c.is_ascii_digit() || sentence_dot || matches!(c, '?' | '!' | ';' | '"') {
            return None;
        }
        prev = c;
    }
    if lead.split_whitespace().nth(HEADING_MAX_WORDS).is_some() {
        return None;
    }
    let first_upper = lead.chars().next().is_some_and(char::is_uppercase);
    let all_capitalised = lead.split_whitespace().all(|w| {
        let bare = w.trim_matches(|c: char| !c.is_alphanumeric());
        match bare.chars().next() {
            None => true,
            Some(c) if c.is_uppercase() => true,
            // The stop-word look-up lower-cases ASCII itself.
            Some(_) if bare.is_ascii() => is_stop_word(bare, StopRole::TitleLower),
            Some(_) => is_stop_word(&bare.to_lowercase(), StopRole::TitleLower),
        }
    });
    (first_upper && all_capitalised).then_some((lead, rest))
}

/// A key from the first [`DERIVED_KEY_WORDS`] significant words: ASCII-folded, lower case,
/// abbreviation dots and apostrophes joined ("U.S." → "us"), digits and stop words left out.
pub fn derived_key(text: &str) -> String {
    let mut key = KeyWords::default();
    // Most keys are full before any non-ASCII character (a dash, an accent) comes up.
    if !derived_key_ascii(text, &mut key) {
        key = KeyWords::default();
        derived_key_chars(text, &mut key);
    }
    key.into_string()
}

/// A derived key being written: lower-case ASCII words joined by '-', as bytes, so that a word
/// is copied with one sixteen-byte store.
struct KeyWords {
    bytes: Vec<u8>,
    /// Words in the key so far.
    count: usize,
}

impl Default for KeyWords {
    fn default() -> KeyWords {
        KeyWords {
            bytes: Vec::with_capacity(64),
            count: 0,
        }
    }
}

impl KeyWords {
    fn is_full(&self) -> bool {
        self.count >= DERIVED_KEY_WORDS
    }

    /// Appends the ASCII letters `text[at..at + len]` in lower case unless they are empty, a
    /// stop word or one word too many.
    fn push_letters(&mut self, text: &[u8], at: usize, len: usize) {
        if len == 0 || self.is_full() {
            return;
        }
        let packed = pack_letters(text, at, len);
        if packed.is_some_and(|p| is_packed_stop_word(p, len, StopRole::Key)) {
            return;
        }
        if !self.bytes.is_empty() {
            self.bytes.push(b'-');
        }
        match packed {
            Some(packed) => {
                // All sixteen bytes, then the word's length kept: no copy of a varying length.
                let from = self.bytes.len();
                self.bytes.extend_from_slice(&packed.to_le_bytes());
                self.bytes.truncate(from + len);
            }
            // Longer than any stop word: rare.
            None => {
                let word = text.get(at..at + len).unwrap_or_default();
                self.bytes.extend(word.iter().map(u8::to_ascii_lowercase));
            }
        }
        self.count += 1;
    }

    /// The key; it holds ASCII letters and '-' only, so the check cannot fail.
    fn into_string(self) -> String {
        String::from_utf8(self.bytes).unwrap_or_default()
    }
}

/// [`derived_key`] for any text, character by character.
fn derived_key_chars(text: &str, key: &mut KeyWords) {
    // Words go straight into the key: no list of words, one buffer for the word being read.
    let (mut word, mut folded) = (String::new(), String::new());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if key.is_full() {
            break;
        }
        let joiner = matches!(c, '.' | '\'' | '\u{2019}')
            && !word.is_empty()
            && chars.peek().is_some_and(|n| n.is_alphanumeric());
        if c.is_alphanumeric() {
            word.push(c);
        } else if joiner || (c == '.' && !word.is_empty()) {
            // "U.S." and "Harris's" stay one word; a final dot just ends it.
            if !joiner {
                finish_word(&mut word, &mut folded, key);
            }
        } else {
            finish_word(&mut word, &mut folded, key);
        }
    }
    finish_word(&mut word, &mut folded, key);
}

/// [`derived_key`] a run of letters and digits at a time, the same words without decoding
/// characters, as long as the bytes read are ASCII: false (and a partial key) at the first one
/// that is not.
fn derived_key_ascii(text: &str, key: &mut KeyWords) -> bool {
    let bytes = text.as_bytes();
    // Letters of a word made of several runs ("U.S.") or holding digits; most words are one
    // run of letters, pushed from the text itself.
    let mut word: Vec<u8> = Vec::new();
    let mut i = 0;
    loop {
        let start = i;
        i += ascii_letter_run(bytes, i);
        // Digits are rare: the run of letters and digits is read only when one follows.
        let digits = bytes.get(i).is_some_and(u8::is_ascii_digit);
        if digits {
            i = start + ascii_alnum_run(bytes, start);
        }
        let run = bytes.get(start..i).unwrap_or_default();
        let next = bytes.get(i).copied();
        if next.is_some_and(|b| !b.is_ascii()) {
            return false;
        }
        // A dot or apostrophe inside a word joins it ("U.S.", "Harris's"); any other byte
        // ends the word.
        let joiner = matches!(next, Some(b'.' | b'\''))
            && !run.is_empty()
            && bytes.get(i + 1).is_some_and(u8::is_ascii_alphanumeric);
        if joiner || digits || !word.is_empty() {
            // Digits are read as part of the word but left out.
            word.extend(run.iter().filter(|b| b.is_ascii_alphabetic()));
            if joiner {
                i += 1;
                continue;
            }
            key.push_letters(&word, 0, word.len());
            word.clear();
        } else {
            key.push_letters(bytes, start, run.len());
        }
        if next.is_none() {
            return true;
        }
        i += 1;
        if key.is_full() {
            // Full; the byte after is still checked, as the character reading would stop at it.
            return bytes.get(i).is_none_or(u8::is_ascii);
        }
    }
}

/// Folds the word just read and appends it to `key` unless it is a stop word or the key is full.
fn finish_word(word: &mut String, folded: &mut String, key: &mut KeyWords) {
    if word.is_empty() {
        return;
    }
    // ASCII words need no folding; others go through the slug's ASCII folding.
    folded.clear();
    let letters = |c: &char| c.is_ascii_alphabetic();
    if word.is_ascii() {
        folded.extend(word.chars().filter(letters));
    } else {
        folded.extend(slug(word).chars().filter(letters));
    }
    key.push_letters(folded.as_bytes(), 0, folded.len());
    word.clear();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::read::Document;
    use crate::read::{read_bytes, Block};
    use std::path::Path;

    #[test]
    fn heading_detection() {
        let cases = [
            (
                "Creating Opportunities: support for firms",
                Some("Creating Opportunities"),
            ),
            (
                "Investing in Entrepreneurs in the Region: DFC will",
                Some("Investing in Entrepreneurs in the Region"),
            ),
            (
                "Assisting GBV Survivors and Protecting Children: The U.S.",
                Some("Assisting GBV Survivors and Protecting Children"),
            ),
            (
                "Supporting At-Risk Youth: reached",
                Some("Supporting At-Risk Youth"),
            ),
            (
                "Enhancing Food Security, Agricultural Productivity, and Finance: Through",
                Some("Enhancing Food Security, Agricultural Productivity, and Finance"),
            ),
            ("Note: figures are estimates", Some("Note")),
            ("For example: in one country", None),
            ("The President announced: new funds", None),
            ("Pillar 2: Growth", None),
            ("Highlights to date include:", None),
            ("As of 10:30 the count", None),
            ("See the U.S. plan: details", None),
            (
                "U.S. Strategy on Women, Peace, and Security (WPS Strategy): The",
                Some("U.S. Strategy on Women, Peace, and Security (WPS Strategy)"),
            ),
            ("It ended. Then: more", None),
            ("one two: three", None),
            ("A B C D E F G H I J K L M: too long", None),
            (": empty lead", None),
        ];
        for (text, want) in cases {
            assert_eq!(split_heading(text).map(|(h, _)| h), want, "{text:?}");
        }
    }

    #[test]
    fn ascii_keys_match_the_character_reading() {
        let mut texts: Vec<String> = [
            "U.S. initiatives are providing micro and small businesses access to $100 million",
            "Harris's plan. A.B.C. 2.5 times 3,000 doses; e.g. x.'y z'",
            "The Vice President's Call to Action: 'quoted' words... and ..dots.",
            "a-b c_d 12abc abc12def .lead trailing. ''  ",
            "it its the of u s on or as at",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        // Random ASCII over the bytes that matter, from a fixed seed.
        let alphabet = b"aAzZ09 .'-_,;:$%\tU.S";
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        for _ in 0..2000 {
            let len = (seed % 40) as usize;
            let mut t = String::new();
            for _ in 0..len {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                t.push(char::from(
                    alphabet[(seed % alphabet.len() as u64) as usize],
                ));
            }
            texts.push(t);
        }
        for text in &texts {
            let (mut by_bytes, mut by_chars) = (KeyWords::default(), KeyWords::default());
            assert!(derived_key_ascii(text, &mut by_bytes));
            derived_key_chars(text, &mut by_chars);
            assert_eq!(by_bytes.into_string(), by_chars.into_string(), "{text:?}");
        }
        // Text that turns non-ASCII anywhere: the mixed reading gives the character reading.
        let tails = [
            "\u{e9}t\u{e9}",
            "\u{2014}",
            ".\u{e9}",
            "'\u{e9}x",
            "\u{2019}s",
        ];
        for (n, text) in texts.iter().enumerate() {
            for cut in [0, text.len() / 2, text.len()] {
                let tail = tails[n % tails.len()];
                let mixed = format!("{}{tail}{}", &text[..cut], &text[cut..]);
                let mut by_chars = KeyWords::default();
                derived_key_chars(&mixed, &mut by_chars);
                assert_eq!(derived_key(&mixed), by_chars.into_string(), "{mixed:?}");
            }
        }
    }

    #[test]
    fn derived_keys_skip_stop_words_and_digits() {
        let cases = [
            (
                "U.S. initiatives are providing micro and small businesses access to $100 million",
                "us-initiatives-providing-micro-small-businesses",
            ),
            (
                "U.S. initiatives are providing micro and small businesses access to $250 million",
                "us-initiatives-providing-micro-small-businesses",
            ),
            (
                "To combat the COVID-19 pandemic, the U.S. Government has delivered",
                "combat-covid-pandemic-us-government-delivered",
            ),
            (
                "The Vice President's Call to Action",
                "vice-presidents-call-action",
            ),
            ("Centroamérica Local works.", "centroamerica-local-works"),
            ("2023 1,200 $4.5", ""),
        ];
        for (text, want) in cases {
            assert_eq!(derived_key(text), want, "{text:?}");
        }
    }

    fn doc(blocks: &[(BlockKind, &str)]) -> Document {
        Document {
            title: None,
            date: None,
            source: None,
            digest: String::new(),
            blocks: blocks
                .iter()
                .enumerate()
                .map(|(i, (kind, text))| Block {
                    kind: *kind,
                    text: text.to_string(),
                    line: i + 1,
                })
                .collect(),
        }
    }

    #[test]
    fn table_rows_carry_their_head() {
        let d = doc(&[
            (BlockKind::HeadRow, "Impact by state"),
            (BlockKind::Row, "State | Enrollees | Note: rounded"),
            (BlockKind::Row, "Ohio | 1,200 | Note: est."),
            (BlockKind::Paragraph, "After the table."),
            (BlockKind::HeadRow, "Amount (billions)"),
            (BlockKind::Row, "Total | $579"),
        ]);
        let segs = segment(&d);
        let heads: Vec<Option<Vec<&str>>> = segs
            .iter()
            .map(|s| {
                s.columns
                    .as_ref()
                    .map(|c| c.iter().map(String::as_str).collect())
            })
            .collect();
        // A one-cell caption gives way to the row of words after it; a one-cell head over a
        // row of numbers is the head (the row-name column's head is left empty).
        let caption_head = vec!["State", "Enrollees", "Note: rounded"];
        assert_eq!(
            heads,
            [
                None,
                None,
                Some(caption_head),
                None,
                None,
                Some(vec!["Amount (billions)"])
            ]
        );
        // A row's "Note:" cell is no heading lead.
        assert_eq!(segs[2].heading, None);
        assert_eq!(segs[2].text, "Ohio | 1,200 | Note: est.");
    }

    #[test]
    fn sections_headings_and_unique_keys() {
        let d = doc(&[
            (BlockKind::Paragraph, "An intro with 5 figures."),
            (BlockKind::Section, "Highlights include:"),
            (BlockKind::Bullet, "Training Police: 100 officers trained."),
            (BlockKind::Bullet, "Training Police: 50 more."),
            (BlockKind::Section, "Pillar II: Governance."),
            (BlockKind::Bullet, "Plain bullet about police training."),
            (BlockKind::Bullet, "training-police-2 is here"),
        ]);
        let segs = segment(&d);
        let keys: Vec<&str> = segs.iter().map(|s| s.topic.as_str()).collect();
        assert_eq!(
            keys,
            [
                "intro-figures",
                "training-police",
                "training-police-2",
                "plain-bullet-police-training",
                "training-police-here"
            ]
        );
        assert_eq!(segs[0].section, None);
        assert_eq!(segs[1].section.as_deref(), Some("Highlights include:"));
        assert_eq!(segs[1].heading.as_deref(), Some("Training Police"));
        assert_eq!(segs[1].text, "100 officers trained.");
        assert_eq!(segs[3].section.as_deref(), Some("Pillar II: Governance."));
    }

    #[test]
    fn repeated_keys_take_the_first_free_suffix_in_order() {
        let cases: [(&[&str], &[&str]); 4] = [
            (&["a", "b"], &["a", "b"]),
            (&["a", "a", "a"], &["a", "a-2", "a-3"]),
            // A suffixed key handed out earlier is taken: the next one, or a suffix of its own.
            (&["a-2", "a", "a"], &["a-2", "a", "a-3"]),
            (&["a", "a", "a-2", "a"], &["a", "a-2", "a-2-2", "a-3"]),
        ];
        for (bases, want) in cases {
            let mut segments: Vec<Segment> = bases
                .iter()
                .map(|b| Segment {
                    topic: TopicKey::from_slug(*b),
                    heading: None,
                    section: None,
                    text: String::new(),
                    line: 1,
                    columns: None,
                })
                .collect();
            make_keys_unique(&mut segments);
            let keys: Vec<&str> = segments.iter().map(|s| s.topic.as_str()).collect();
            assert_eq!(keys, want, "{bases:?}");
        }
    }

    #[test]
    fn many_repeats_of_one_key_stay_linear() {
        let blocks: Vec<(BlockKind, &str)> =
            vec![(BlockKind::Bullet, "Same Heading: 3 jobs."); 100_000];
        let segs = segment(&doc(&blocks));
        assert_eq!(
            segs.last().map(|s| s.topic.as_str()),
            Some("same-heading-100000")
        );
    }

    /// One edition in its canonical form; variants below must give identical segments.
    const EDITION: &str = "---
title: \"FACT SHEET: Progress on the\\_Regional Plan\"
date: '2023-05-02'
---

**May 2023**

The Administration continues to carry out the Regional Plan, which
addresses the causes of hardship.  It covers jobs, schools and safety.

Highlights to date include:

-   **Growing Jobs:** Support for nearly 3,000 firms has helped create
    more than 40,000 jobs.

<!-- -->

-   **Building Schools: **The Government has reached more than 120,000
    pupils in the region\u{2019}s schools.

**<u>Pillar I: Addressing economic insecurity and
inequality.</u>**

-   U.S. programs trained over 2,000 teachers.

<!-- -->

-   **Training Police:**  Over 9,000 police trained.

\\###
";

    fn segments_of(text: &str, name: &str) -> Vec<Segment> {
        let d = read_bytes(text.as_bytes(), Path::new(name), None).unwrap();
        segment(&d)
    }

    /// The segments' content, lines left out (another layout puts a claim on another line).
    fn contents(segs: &[Segment]) -> Vec<(&TopicKey, Option<&str>, Option<&str>, &str)> {
        segs.iter()
            .map(|s| {
                let (heading, section) = (s.heading.as_deref(), s.section.as_deref());
                (&s.topic, heading, section, s.text.as_str())
            })
            .collect()
    }

    #[test]
    fn format_invariance() {
        let base = segments_of(EDITION, "a.md");
        assert_eq!(base.len(), 5, "{base:#?}");
        assert_eq!(base[3].topic.as_str(), "us-programs-trained-teachers");
        assert_eq!(
            base[3].section.as_deref(),
            Some("Pillar I: Addressing economic insecurity and inequality.")
        );
        let rewrapped = EDITION
            .replace(
                "carry out the Regional Plan, which\naddresses",
                "carry out the\nRegional Plan, which addresses",
            )
            .replace("help create\n    more than", "help\n    create more than");
        let plain_headings = EDITION
            .replace("**Growing Jobs:**", "Growing Jobs:")
            .replace(
                "**<u>Pillar I: Addressing economic insecurity and\ninequality.</u>**",
                "Pillar I: Addressing economic insecurity and inequality.",
            );
        let variants = [
            rewrapped,
            EDITION.replace('\n', "\r\n"),
            format!("\u{FEFF}{EDITION}"),
            EDITION.replace("-   ", "\u{2022} "),
            EDITION.replace("-   ", "* "),
            EDITION.replace("-   ", "\u{2013} "),
            EDITION.replace("-   ", "\u{B7} "),
            EDITION.replace("-   ", "1. "),
            EDITION.replace('\n', "\r"),
            plain_headings,
            EDITION.replace('\u{2019}', "'"),
        ];
        for v in &variants {
            assert_eq!(contents(&segments_of(v, "a.md")), contents(&base), "{v}");
        }
        // Lines point into the raw file: "-   U.S. programs trained…" is line 24.
        assert_eq!(base[3].line, 24);
    }

    #[test]
    fn plain_text_copy_matches_markdown() {
        let text = "Photo of the building\n\nFACT SHEET: Progress on the Regional Plan\n\nMay 02, 2023\n\nMay 2023\n\nThe Administration continues to carry out the Regional Plan, which addresses the causes of hardship. It covers jobs, schools and safety.\n\nHighlights to date include:\n\n  \u{2022} Growing Jobs: Support for nearly 3,000 firms has helped create more than 40,000 jobs.\n  \u{2022} Building Schools: The Government has reached more than 120,000 pupils in the region's schools.\n\nPillar I: Addressing economic insecurity and inequality.\n\n  \u{2022} U.S. programs trained over 2,000 teachers.\n  \u{2022} Training Police: Over 9,000 police trained.\n\nJane Doe, FACT SHEET: Progress on the Regional Plan Online by Some Archive https://archive.example.org/node/42\n\nSearch Our Archives\n";
        let d = read_bytes(text.as_bytes(), Path::new("copy.txt"), None).unwrap();
        assert_eq!(
            d.title.as_deref(),
            Some("FACT SHEET: Progress on the Regional Plan")
        );
        assert_eq!(
            d.source.as_deref(),
            Some("https://archive.example.org/node/42")
        );
        assert_eq!(d.date, chrono::NaiveDate::from_ymd_opt(2023, 5, 2));
        let md = read_bytes(EDITION.as_bytes(), Path::new("a.md"), None).unwrap();
        assert_eq!(md.title, d.title);
        assert_eq!(contents(&segment(&d)), contents(&segment(&md)));
    }

    #[test]
    fn html_page_matches_markdown() {
        let page = "<!DOCTYPE html>
<html><head><title>Progress - Example Office</title>
<link rel=\"canonical\" href=\"https://example.gov/progress\">
<script>window.stats = {visits: 12345, year: 2023};</script>
<style>.x{width:100px}</style></head>
<body>
<header><a href=\"/\">Home</a> <span>Call 555-0100</span></header>
<nav><ul><li>Briefings 2023</li><li>Statements (42)</li></ul></nav>
<main>
<h1>FACT SHEET: Progress on the&nbsp;Regional Plan</h1>
<time datetime=\"2023-05-02T10:00:00-04:00\">May 2, 2023</time>
<p><strong>May 2023</strong></p>
<p>The Administration continues to carry out the Regional Plan, which
addresses the causes of hardship.&nbsp; It covers jobs, schools and safety.</p>
<p>Highlights to date include:</p>
<ul>
<li><p><strong>Growing Jobs:</strong> Support for nearly 3,000 firms has helped create more than 40,000 jobs.</p></li>
<li><strong>Building Schools: </strong>The Government has reached more than 120,000 pupils in the region&#8217;s schools.</li>
</ul>
<p><strong><u>Pillar I: Addressing economic insecurity and inequality.</u></strong></p>
<ul><li>U.S. programs trained over 2,000 teachers.<sup>1</sup></li>
<li><b>Training Police:</b>  Over 9,000 police trained.</li></ul>
<aside>Related: 7 more sheets</aside>
</main>
<footer>Page 1 of 3 &copy; 2024 <form><input value=\"99\"></form></footer>
</body></html>";
        let d = read_bytes(page.as_bytes(), Path::new("page.html"), None).unwrap();
        let md = read_bytes(EDITION.as_bytes(), Path::new("a.md"), None).unwrap();
        assert_eq!(d.title, md.title);
        assert_eq!(d.date, md.date);
        assert_eq!(d.source.as_deref(), Some("https://example.gov/progress"));
        assert_eq!(contents(&segment(&d)), contents(&segment(&md)));
        let kinds = |doc: &Document| doc.blocks.iter().map(|b| b.kind).collect::<Vec<_>>();
        assert_eq!(kinds(&d), kinds(&md));
    }

    /// The real corpus beside the project: the Markdown and the plain-text copy of one edition
    /// must give the same claims.
    #[test]
    #[ignore = "needs ../shared (run by .ci/run)"]
    fn corpus_markdown_and_text_copies_agree() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/root-causes");
        let load = |name: &str| {
            let path = dir.join(name);
            std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        };
        let (md, txt) = (load("2023-02-06.md"), load("2023-02-06.presidency.txt"));
        let md = read_bytes(&md, Path::new("2023-02-06.md"), None).unwrap();
        let txt = read_bytes(&txt, Path::new("2023-02-06.presidency.txt"), None).unwrap();
        assert_eq!(md.title, txt.title);
        assert_eq!(md.date, txt.date);
        assert_eq!(
            txt.source.as_deref(),
            Some("https://www.presidency.ucsb.edu/node/359612")
        );
        let (a, b) = (segment(&md), segment(&txt));
        assert_eq!(a.len(), 21);
        assert_eq!(contents(&a), contents(&b));
    }
}
