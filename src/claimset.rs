//! Claim sets: an edition's claims and figures, their TOML and JSON forms and the exact round trip.

use crate::error::{Error, Result};
use crate::figure::Figure;
pub use crate::segment::TopicKey;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// The claim-set schema version this build writes (and the newest it reads).
pub const SCHEMA_VERSION: u32 = 2;

/// The oldest schema version this build reads. Version 1 had no `label` on claims and no
/// `sentence`, `line` or `fragment` on figures: a version-1 claim set is read as version 2, with
/// labels, sentences and fragments filled from the claims' words where it kept them.
pub const OLDEST_SCHEMA: u32 = 1;

/// One dated release of a fact sheet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Edition {
    /// The sheet's title.
    pub title: String,
    /// The release date.
    #[serde(with = "edition_date")]
    pub date: NaiveDate,
    /// Where it was pulled from, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// `sha256:<hex>` of the raw bytes it was extracted from, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub digest: Option<String>,
    /// A second or later release on the same date (2 for `2023-02-06.2.toml`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revision: Option<u32>,
}

impl Edition {
    /// A label for reports: the date, with the revision when there is one (`2023-02-06.2`).
    pub fn label(&self) -> String {
        match self.revision {
            Some(r) if r > 1 => format!("{}.{r}", self.date),
            _ => self.date.to_string(),
        }
    }
}

/// One unit of assertion: a bullet or a body paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claim {
    /// What the claim is about.
    pub topic: TopicKey,
    /// What the claim is about, for people: its heading, else a short phrase from the sentence
    /// around its lead figure (see [`crate::label`]). Empty in claim sets that predate labels.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label: String,
    /// The lead heading ("Creating Opportunities"), when the claim has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
    /// The section line the claim sits under ("Pillar I: …"), when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// The claim's own words (left out with `--no-text`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The figures in the claim, in reading order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub figures: Vec<Figure>,
}

/// An edition after extraction: the reviewable, stored form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimSet {
    /// The schema version ([`SCHEMA_VERSION`]).
    #[serde(default = "default_schema")]
    pub schema: u32,
    /// The edition header.
    pub edition: Edition,
    /// The claims in document order.
    #[serde(default)]
    pub claims: Vec<Claim>,
}

/// A claim set without a `schema` line is read as the oldest version (and upgraded).
fn default_schema() -> u32 {
    OLDEST_SCHEMA
}

/// The largest claim-set file read: 256 MiB, four times the default input limit (a claim set
/// that keeps its claims' words repeats them with each figure's quote).
pub const MAX_CLAIM_SET_BYTES: u64 = 4 * crate::pipeline::MAX_INPUT_BYTES;

impl ClaimSet {
    /// All figures with the claim each sits in.
    pub fn figures(&self) -> impl Iterator<Item = (&Claim, &Figure)> {
        self.claims
            .iter()
            .flat_map(|c| c.figures.iter().map(move |f| (c, f)))
    }

    /// Drops the source's words beyond the figures (for `--no-text`): every claim's text and
    /// every figure's sentence and fragment. Labels and lines stay, and each figure keeps its
    /// context words and names so matching still has them.
    pub fn without_text(mut self) -> ClaimSet {
        let words: Vec<Vec<Option<crate::text::FigureWords>>> = {
            let lower =
                crate::text::lower_case_words(self.claims.iter().filter_map(|c| c.text.as_deref()));
            self.claims
                .iter()
                .map(|c| {
                    c.figures
                        .iter()
                        .map(|f| {
                            c.text
                                .as_deref()
                                .and_then(|t| crate::text::figure_words(t, &f.quote, &lower))
                        })
                        .collect()
                })
                .collect()
        };
        for (claim, words) in self.claims.iter_mut().zip(words) {
            claim.text = None;
            for (figure, w) in claim.figures.iter_mut().zip(words) {
                if let Some(w) = w {
                    figure.context = w.near;
                    figure.names = w.names;
                }
                figure.sentence.clear();
                figure.fragment.clear();
            }
        }
        self
    }

    /// The TOML form: edition first, a TOML date literal, stable field order. Written by hand
    /// (the shape is fixed and the bytes are a contract): 3–5× faster than `toml::to_string`
    /// with half its allocations (docs/performance.md).
    pub fn to_toml(&self) -> String {
        // Sized once from the parts (a doubling string would hold one and a half times the
        // text while it grows).
        let mut out = String::with_capacity(self.toml_size_hint());
        self.toml_header(&mut out);
        for claim in &self.claims {
            toml_claim(&mut out, claim);
        }
        out
    }

    /// Writes the TOML form of [`to_toml`](Self::to_toml) a part at a time, never the whole
    /// text at once (for a large claim set, the text is ten times its pull).
    pub fn write_toml(&self, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        const CHUNK: usize = 64 * 1024;
        let mut buf = String::with_capacity(CHUNK + 4096);
        self.toml_header(&mut buf);
        for claim in &self.claims {
            toml_claim(&mut buf, claim);
            if buf.len() >= CHUNK {
                out.write_all(buf.as_bytes())?;
                buf.clear();
            }
        }
        out.write_all(buf.as_bytes())
    }

    /// Writes the JSON form of [`to_json`](Self::to_json) without holding the whole text.
    pub fn write_json(&self, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        serde_json::to_writer_pretty(&mut *out, self).map_err(std::io::Error::other)?;
        out.write_all(b"\n")
    }

    /// About the length of the TOML form: the strings plus the keys and quotes around them.
    fn toml_size_hint(&self) -> usize {
        let opt = |s: &Option<String>| s.as_ref().map_or(0, |s| s.len() + 16);
        let claims: usize = self
            .claims
            .iter()
            .map(|c| {
                let figures: usize = c
                    .figures
                    .iter()
                    .map(|f| {
                        let list = |l: &[String]| l.iter().map(|w| w.len() + 4).sum::<usize>();
                        f.measure.len()
                            + f.noun.len()
                            + f.quote.len()
                            + f.written.len()
                            + list(&f.context)
                            + list(&f.names)
                            + f.sentence.len()
                            + f.fragment.len()
                            + 240
                    })
                    .sum();
                c.topic.as_str().len()
                    + c.label.len()
                    + 16
                    + opt(&c.heading)
                    + opt(&c.section)
                    + opt(&c.text)
                    + 32
                    + figures
            })
            .sum();
        512 + self.edition.title.len() + claims + claims / 16
    }

    fn toml_header(&self, out: &mut String) {
        use std::fmt::Write as _;
        let e = &self.edition;
        // Writing to a String cannot fail.
        let _ = write!(out, "schema = {}\n\n[edition]\n", self.schema);
        toml_pair(out, "title", &e.title);
        let _ = writeln!(out, "date = {}", e.date.format("%Y-%m-%d"));
        if let Some(v) = &e.source {
            toml_pair(out, "source", v);
        }
        if let Some(v) = &e.digest {
            toml_pair(out, "digest", v);
        }
        if let Some(r) = e.revision {
            let _ = writeln!(out, "revision = {r}");
        }
    }
}

/// Appends one claim (and its figures) in the TOML form.
fn toml_claim(out: &mut String, claim: &Claim) {
    out.push_str("\n[[claims]]\n");
    toml_pair(out, "topic", claim.topic.as_str());
    if !claim.label.is_empty() {
        toml_pair(out, "label", &claim.label);
    }
    for (key, value) in [
        ("heading", &claim.heading),
        ("section", &claim.section),
        ("text", &claim.text),
    ] {
        if let Some(v) = value {
            toml_pair(out, key, v);
        }
    }
    for f in &claim.figures {
        out.push_str("\n[[claims.figures]]\n");
        toml_pair(out, "measure", &f.measure);
        // A decimal's digits, sign and point need no escape: written in place, no copy.
        toml_decimal(out, "value", &f.value);
        if let Some(max) = &f.max {
            toml_decimal(out, "max", max);
        }
        toml_pair(out, "unit", f.unit.as_str());
        toml_pair(out, "noun", &f.noun);
        if !f.noun_from.is_after() {
            toml_pair(out, "noun_from", f.noun_from.as_str());
        }
        toml_pair(out, "qualifier", f.qualifier.as_str());
        toml_pair(out, "quote", &f.quote);
        if !f.written.is_empty() {
            toml_pair(out, "written", &f.written);
        }
        if !f.class.is_plain() {
            toml_pair(out, "class", f.class.as_str());
        }
        toml_list(out, "context", &f.context);
        toml_list(out, "names", &f.names);
        if !f.sentence.is_empty() {
            toml_pair(out, "sentence", &f.sentence);
        }
        if let Some(line) = f.line {
            out.push_str("line = ");
            push_decimal(out, line);
            out.push('\n');
        }
        if !f.fragment.is_empty() {
            toml_pair(out, "fragment", &f.fragment);
        }
    }
}

impl ClaimSet {
    /// Reads the TOML form of this or an older schema (an older one comes back upgraded to
    /// [`SCHEMA_VERSION`]); errors name the file, line and column.
    pub fn from_toml(text: &str, path: &Path) -> Result<ClaimSet> {
        let mut set: ClaimSet = toml::from_str(text).map_err(|e| toml_error(text, path, &e))?;
        if !(OLDEST_SCHEMA..=SCHEMA_VERSION).contains(&set.schema) {
            return Err(Error::Schema {
                path: path.to_path_buf(),
                found: set.schema,
                supported: SCHEMA_VERSION,
            });
        }
        set.validate(path)?;
        if set.schema < SCHEMA_VERSION {
            crate::cite::annotate(&mut set);
            set.schema = SCHEMA_VERSION;
        }
        Ok(set)
    }

    /// Reads a claim-set file from disk: a regular file (after following symbolic links) of at
    /// most [`MAX_CLAIM_SET_BYTES`].
    pub fn load(path: &Path) -> Result<ClaimSet> {
        let bytes = crate::input::read_regular_file(path, MAX_CLAIM_SET_BYTES)?;
        let text = String::from_utf8(bytes).map_err(|e| Error::Encoding {
            path: path.to_path_buf(),
            offset: e.utf8_error().valid_up_to(),
        })?;
        ClaimSet::from_toml(&text, path)
    }

    /// The JSON form (same field names as the TOML, `date` as `YYYY-MM-DD`, `value` as a string).
    pub fn to_json(&self) -> String {
        let mut out = serde_json::to_string_pretty(self).unwrap_or_default();
        out.push('\n');
        out
    }

    fn validate(&self, path: &Path) -> Result<()> {
        for (i, claim) in self.claims.iter().enumerate() {
            if claim.topic.as_str().is_empty() {
                return Err(Error::Invalid {
                    path: path.to_path_buf(),
                    message: format!("claim {} has an empty topic", i + 1),
                });
            }
        }
        Ok(())
    }
}

/// `key = ["a", "b"]` on one line; nothing for an empty list.
fn toml_list(out: &mut String, key: &str, values: &[String]) {
    if values.is_empty() {
        return;
    }
    out.push_str(key);
    out.push_str(" = [");
    for (i, v) in values.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        let mut one = String::new();
        toml_pair(&mut one, "", v);
        // toml_pair wrote ` = "…"\n`: keep the quoted string only.
        out.push_str(one.trim_start_matches(" = ").trim_end_matches('\n'));
    }
    out.push_str("]\n");
}

/// Appends `key = "value"` as a TOML basic string, escaping quotes, backslashes and control
/// characters.
#[inline(always)]
fn toml_pair(out: &mut String, key: &str, value: &str) {
    // Inlined: each key is a literal, copied by a few moves instead of a call.
    out.push_str(key);
    push_quoted(out, value);
}

/// Appends ` = "value"` and the line's end, `value` escaped as a TOML basic string: copied
/// whole, then checked where it was copied to (the bytes before it masked off, so that a short
/// value needs no padded copy), and written again escaped only when it holds something to
/// escape (few do).
fn push_quoted(out: &mut String, value: &str) {
    out.push_str(" = \"");
    let start = out.len();
    out.push_str(value);
    if needs_escape_from(out.as_bytes(), start) {
        out.truncate(start);
        push_escaped(out, value);
    }
    out.push_str("\"\n");
}

/// Appends `key = "value"` for a decimal, written as its `Display` writes it.
fn toml_decimal(out: &mut String, key: &str, value: &Decimal) {
    out.push_str(key);
    out.push_str(" = \"");
    push_decimal_value(out, value);
    out.push_str("\"\n");
}

/// Appends a decimal as `Display` writes it, without the formatting machinery (ten times the
/// cost): `-` for a negative sign (zero too), the mantissa's digits with the point `scale`
/// places from the right (zeros before them as needed, `0.` before a bare fraction), `0` for a
/// zero of scale 0.
fn push_decimal_value(out: &mut String, value: &Decimal) {
    if value.is_sign_negative() {
        out.push('-');
    }
    // A mantissa has at most 29 digits (96 bits); the scale is at most 28.
    let mut digits = [b'0'; 40];
    let mut at = digits.len();
    let mantissa = value.mantissa().unsigned_abs();
    // Most mantissas fit 64 bits, whose division is much cheaper than 128 bits'.
    match u64::try_from(mantissa) {
        Ok(mut n) => {
            while n != 0 {
                at -= 1;
                // `n % 10` is a digit: the cast cannot truncate.
                digits[at] = b'0' + (n % 10) as u8;
                n /= 10;
            }
        }
        Err(_) => {
            let mut n = mantissa;
            while n != 0 {
                at -= 1;
                digits[at] = b'0' + (n % 10) as u8;
                n /= 10;
            }
        }
    }
    let scale = usize::try_from(value.scale())
        .unwrap_or(0)
        .min(digits.len() - 1);
    // Zeros (already in the buffer) up to the scale's width.
    at = at.min(digits.len() - scale);
    let (whole, fraction) = digits[at..].split_at(digits.len() - at - scale);
    let push_all = |out: &mut String, d: &[u8]| d.iter().for_each(|&b| out.push(char::from(b)));
    if whole.is_empty() {
        out.push('0');
    }
    push_all(out, whole);
    if !fraction.is_empty() {
        out.push('.');
        push_all(out, fraction);
    }
}

/// Appends `n` in decimal (what `write!` gives, without the formatting machinery).
fn push_decimal(out: &mut String, mut n: u32) {
    let mut digits = [0u8; 10];
    let mut at = digits.len();
    loop {
        at -= 1;
        // `n % 10` is a digit: the cast cannot truncate.
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &d in &digits[at..] {
        out.push(char::from(d));
    }
}

/// True when `bytes[from..]` holds a byte a TOML basic string escapes: C0 controls, `"`, `\`,
/// DEL, or 0xC2 (which leads the C1 controls U+0080–U+009F). Checked 16 bytes at a time into
/// one accumulated mask, read once at the end (the compiler compares the 16 at once); the last
/// few bytes as the last 16 of `bytes` with the lanes before them masked off, or, when `bytes`
/// is shorter, a padded copy: most values are short, and a byte-at-a-time tail cost more than
/// the rest.
fn needs_escape_from(bytes: &[u8], from: usize) -> bool {
    // Lanes from 16 - n on: `TAIL[n..n + 16]` keeps the last n of 16 bytes.
    const TAIL: [u8; 32] = {
        let mut t = [0u8; 32];
        let mut i = 16;
        while i < 32 {
            t[i] = 0xff;
            i += 1;
        }
        t
    };
    let value = bytes.get(from..).unwrap_or_default();
    let mut found = [0u8; 16];
    let (chunks, rest) = value.as_chunks::<16>();
    for chunk in chunks {
        or_escape_mask(&mut found, chunk);
    }
    if !rest.is_empty() {
        match (
            bytes.last_chunk::<16>(),
            TAIL.get(rest.len()..rest.len() + 16),
        ) {
            (Some(last), Some(keep)) => {
                for ((f, m), k) in found.iter_mut().zip(escape_mask(last)).zip(keep) {
                    *f |= m & k;
                }
            }
            _ => {
                let mut padded = [b' '; 16];
                padded[..rest.len()].copy_from_slice(rest);
                or_escape_mask(&mut found, &padded);
            }
        }
    }
    found != [0u8; 16]
}

/// Adds `chunk`'s [`escape_mask`] to `found`. A function inlined, not a closure: a closure
/// was called once a chunk (and its constants loaded each time), twice the compares' cost.
#[inline(always)]
fn or_escape_mask(found: &mut [u8; 16], chunk: &[u8; 16]) {
    for (f, m) in found.iter_mut().zip(escape_mask(chunk)) {
        *f |= m;
    }
}

/// 0xFF for each byte of `chunk` that [`needs_escape_from`] looks for, else 0: lanes all ones or
/// all zeros need no masking to one bit. Inlined into the loops, whose compared constants
/// then stay in registers.
#[inline(always)]
fn escape_mask(chunk: &[u8; 16]) -> [u8; 16] {
    let mut mask = [0u8; 16];
    for (m, &b) in mask.iter_mut().zip(chunk) {
        let hit = (b < 0x20) | (b == b'"') | (b == b'\\') | (b == 0x7f) | (b == 0xc2);
        *m = 0u8.wrapping_sub(u8::from(hit));
    }
    mask
}

/// Appends `value` with quotes, backslashes and control characters (C0, DEL, C1) escaped,
/// copying the runs between them whole: 16 bytes with nothing to escape are passed over at
/// once, the others looked at a byte at a time.
fn push_escaped(out: &mut String, value: &str) {
    let bytes = value.as_bytes();
    let (mut run, mut i) = (0, 0);
    while i < bytes.len() {
        let chunk = bytes
            .get(i..i + 16)
            .and_then(|c| <&[u8; 16]>::try_from(c).ok());
        if chunk.is_some_and(|c| escape_mask(c) == [0u8; 16]) {
            i += 16;
            continue;
        }
        let end = (i + 16).min(bytes.len());
        while let Some(&b) = bytes.get(i).filter(|_| i < end) {
            // Every escaped character starts with an ASCII byte or 0xC2: a char boundary.
            let (width, code) = match (b, bytes.get(i + 1)) {
                (b'"' | b'\\' | 0x00..=0x1f | 0x7f, _) => (1, u32::from(b)),
                // U+0080–U+009F are 0xC2 0x80–0x9F: the code point is the second byte.
                (0xc2, Some(&c @ 0x80..=0x9f)) => (2, u32::from(c)),
                _ => {
                    i += 1;
                    continue;
                }
            };
            out.push_str(&value[run..i]);
            push_escape(out, b, code);
            i += width;
            run = i;
        }
    }
    out.push_str(&value[run..]);
}

/// Appends the escape of one character: `b` its first byte, `code` its code point.
fn push_escape(out: &mut String, b: u8, code: u32) {
    use std::fmt::Write as _;
    match b {
        b'"' => out.push_str("\\\""),
        b'\\' => out.push_str("\\\\"),
        b'\n' => out.push_str("\\n"),
        b'\t' => out.push_str("\\t"),
        b'\r' => out.push_str("\\r"),
        _ => {
            // Writing to a String cannot fail.
            let _ = write!(out, "\\u{code:04X}");
        }
    }
}

/// Turns a toml error into ours, with 1-based line and column from its byte span.
pub(crate) fn toml_error(text: &str, path: &Path, err: &toml::de::Error) -> Error {
    let (line, column) = match err.span() {
        Some(span) => line_column(text, span.start),
        None => (1, 1),
    };
    let message = err.message().replace('\n', " ").trim().to_string();
    Error::Toml {
        path: path.to_path_buf(),
        line,
        column,
        message,
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub(crate) fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[line_start..].chars().count() + 1;
    (line, column)
}

/// Stores dates as `YYYY-MM-DD` and reads them from a string or a TOML date literal.
mod edition_date {
    use chrono::NaiveDate;
    use serde::de::{self, MapAccess, Visitor};
    use serde::{Deserializer, Serializer};
    use std::fmt;

    pub fn serialize<S: Serializer>(date: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&date.format("%Y-%m-%d"))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        d.deserialize_any(DateVisitor)
    }

    struct DateVisitor;

    impl<'de> Visitor<'de> for DateVisitor {
        type Value = NaiveDate;

        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("a date YYYY-MM-DD")
        }

        fn visit_str<E: de::Error>(self, v: &str) -> Result<NaiveDate, E> {
            NaiveDate::parse_from_str(v.trim(), "%Y-%m-%d")
                .map_err(|_| E::custom(format!("invalid date {v:?}, expected YYYY-MM-DD")))
        }

        // toml hands a date literal over as a one-entry map holding its text.
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<NaiveDate, A::Error> {
            let Some((_, text)) = map.next_entry::<String, String>()? else {
                return Err(de::Error::custom("empty date"));
            };
            self.visit_str(&text)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::figure::{Qualifier, Unit};
    use rust_decimal::Decimal;
    use std::str::FromStr;

    #[test]
    fn the_escape_check_sees_each_byte_at_every_place_and_length() {
        let naive = |v: &[u8]| {
            v.iter()
                .any(|&b| b < 0x20 || b == b'"' || b == b'\\' || b == 0x7f || b == 0xc2)
        };
        // Checked alone, and after bytes (to escape, themselves) that must not count.
        let prefixes: [&[u8]; 4] = [b"", b"k = \"", b"\"\\\n\x7f\xc2\"", &[b'"'; 40]];
        for prefix in prefixes {
            let check = |v: &[u8]| needs_escape_from(&[prefix, v].concat(), prefix.len());
            for len in [0, 1, 15, 16, 17, 31, 32, 33, 47, 100] {
                let plain = vec![b'a'; len];
                assert!(!check(&plain), "{len}");
                for at in 0..len {
                    for bad in [0u8, b'\n', 0x1f, b'"', b'\\', 0x7f, 0xc2] {
                        let mut v = plain.clone();
                        v[at] = bad;
                        assert!(check(&v), "{prefix:?} {len} {at} {bad:#x}");
                    }
                    for good in [b' ', b'~', 0x80, 0xc3, 0xe2, 0xff] {
                        let mut v = plain.clone();
                        v[at] = good;
                        assert_eq!(check(&v), naive(&v), "{prefix:?} {len} {at} {good:#x}");
                    }
                }
            }
        }
    }

    #[test]
    fn numbers_are_written_as_write_writes_them() {
        for n in [
            0,
            1,
            9,
            10,
            99,
            100,
            1234,
            65_535,
            1_000_000,
            u32::MAX - 1,
            u32::MAX,
        ] {
            let mut out = String::from("x");
            push_decimal(&mut out, n);
            assert_eq!(out, format!("x{n}"));
        }
    }

    #[test]
    fn escapes_agree_with_a_char_at_a_time_escape_at_every_place() {
        let naive = |v: &str| {
            v.chars()
                .map(|c| match c {
                    '"' => "\\\"".to_string(),
                    '\\' => "\\\\".to_string(),
                    '\n' => "\\n".to_string(),
                    '\t' => "\\t".to_string(),
                    '\r' => "\\r".to_string(),
                    c if c < ' ' || ('\u{7f}'..='\u{9f}').contains(&c) => {
                        format!("\\u{:04X}", u32::from(c))
                    }
                    c => c.to_string(),
                })
                .collect::<String>()
        };
        let alphabet = [
            'a', '"', '\\', '\n', '\u{1}', '\u{7f}', '\u{85}', '\u{a0}', 'é', '…',
        ];
        let mut seed = 0x2545_f491_4f6c_dd1d_u64;
        for len in 0..48 {
            for _ in 0..20 {
                let value: String = (0..len)
                    .map(|_| {
                        seed ^= seed << 13;
                        seed ^= seed >> 7;
                        seed ^= seed << 17;
                        // Mostly plain letters, so that clean runs of 16 occur.
                        let k = (seed % 40) as usize;
                        alphabet.get(k).copied().unwrap_or('b')
                    })
                    .collect();
                let mut out = String::new();
                push_escaped(&mut out, &value);
                assert_eq!(out, naive(&value), "{value:?}");
            }
        }
    }

    #[test]
    fn decimals_are_written_as_display_writes_them() {
        let mut cases: Vec<Decimal> = [
            "0",
            "0.00",
            "1",
            "-1",
            "9",
            "10",
            "90000",
            "0.5",
            "0.05",
            "-0.001",
            "1.50",
            "123.456",
            "5200000000",
            "-7.25",
            "0.0000000000000000000000000001",
            "18446744073709551615",
            "18446744073709551616",
            "-18446744073709551616.5",
        ]
        .iter()
        .map(|s| Decimal::from_str(s).unwrap())
        .collect();
        cases.extend([
            Decimal::MAX,
            Decimal::MIN,
            Decimal::from_parts(0, 0, 0, true, 0),
            Decimal::from_parts(0, 0, 0, true, 3),
            Decimal::from_parts(u32::MAX, u32::MAX, u32::MAX, false, 28),
            Decimal::from_parts(12, 0, 0, false, 5),
        ]);
        for d in cases {
            let mut out = String::from("x");
            push_decimal_value(&mut out, &d);
            assert_eq!(out, format!("x{d}"), "{d:?}");
        }
    }

    proptest::proptest! {
        /// Any decimal, not only the hand-picked ones, is written as `Display` writes it.
        #[test]
        fn any_decimal_is_written_as_display_writes_it(
            lo: u32, mid: u32, hi: u32, negative: bool, scale in 0u32..=28,
        ) {
            let d = Decimal::from_parts(lo, mid, hi, negative, scale);
            let mut out = String::new();
            push_decimal_value(&mut out, &d);
            proptest::prop_assert_eq!(out, d.to_string());
        }
    }

    #[test]
    fn values_are_escaped_as_toml_basic_strings() {
        // (value, what is written between the quotes)
        let cases = [
            ("plain words", "plain words"),
            ("say \"yes\"", "say \\\"yes\\\""),
            ("a\\b", "a\\\\b"),
            ("line\nnext\tcol\rback", "line\\nnext\\tcol\\rback"),
            ("bell\u{7}del\u{7f}", "bell\\u0007del\\u007F"),
            ("c1\u{85}nbsp\u{a0}é", "c1\\u0085nbsp\u{a0}é"),
            ("\u{9f}\"", "\\u009F\\\""),
            ("§ 8 at 90°", "§ 8 at 90°"),
            (
                "a run of sixteen+ bytes, then \"quoted\" words\u{85} and more of them",
                "a run of sixteen+ bytes, then \\\"quoted\\\" words\\u0085 and more of them",
            ),
            ("0123456789abcdef\\", "0123456789abcdef\\\\"),
            ("0123456789abcde\u{85}x", "0123456789abcde\\u0085x"),
            ("0123456789abcdefé\u{9f}", "0123456789abcdefé\\u009F"),
        ];
        for (value, quoted) in cases {
            let mut out = String::new();
            toml_pair(&mut out, "k", value);
            assert_eq!(out, format!("k = \"{quoted}\"\n"), "{value:?}");
            // What is written reads back as the value.
            let back: toml::Table = toml::from_str(&out).unwrap();
            assert_eq!(back["k"].as_str(), Some(value), "{value:?}");
        }
    }

    fn sample() -> ClaimSet {
        ClaimSet {
            schema: SCHEMA_VERSION,
            edition: Edition {
                title: "FACT SHEET: Update".into(),
                date: NaiveDate::from_ymd_opt(2023, 2, 6).unwrap(),
                source: Some("https://example.gov/x".into()),
                digest: Some("sha256:00".into()),
                revision: None,
            },
            claims: vec![Claim {
                topic: TopicKey::from_text("Creating Opportunities"),
                label: "Creating Opportunities".into(),
                heading: Some("Creating Opportunities".into()),
                section: None,
                text: Some("more than 90,000 jobs".into()),
                figures: vec![Figure {
                    measure: "jobs".into(),
                    value: Decimal::from_str("90000").unwrap(),
                    max: None,
                    unit: Unit::Count,
                    noun: "jobs".into(),
                    noun_from: Default::default(),
                    qualifier: Qualifier::Over,
                    quote: "more than 90,000 jobs".into(),
                    written: "90,000".into(),
                    class: Default::default(),
                    context: Vec::new(),
                    names: Vec::new(),
                    sentence: "It brought \"more than\" 90,000 jobs.".into(),
                    line: Some(12),
                    fragment: "more than 90,000 jobs".into(),
                }],
            }],
        }
    }

    #[test]
    fn toml_round_trip_is_exact() {
        let set = sample();
        let text = set.to_toml();
        assert!(text.contains("date = 2023-02-06\n"), "{text}");
        assert!(text.starts_with("schema = 2\n"), "{text}");
        assert!(text.contains("\nline = 12\n"), "{text}");
        let back = ClaimSet::from_toml(&text, Path::new("x.toml")).unwrap();
        assert_eq!(back, set);
        assert_eq!(back.to_toml(), text);
    }

    #[test]
    fn noun_from_is_written_only_when_not_after() {
        let mut set = sample();
        assert!(!set.to_toml().contains("noun_from"));
        set.claims[0].figures[0].noun_from = crate::figure::NounFrom::Subject;
        let text = set.to_toml();
        assert!(
            text.contains("noun = \"jobs\"\nnoun_from = \"subject\"\n"),
            "{text}"
        );
        let back = ClaimSet::from_toml(&text, Path::new("x.toml")).unwrap();
        assert_eq!(back, set);
        assert!(set.to_json().contains("\"noun_from\": \"subject\""));
    }

    #[test]
    fn reads_quoted_dates_too() {
        let text = sample()
            .to_toml()
            .replace("date = 2023-02-06", "date = \"2023-02-06\"");
        let back = ClaimSet::from_toml(&text, Path::new("x.toml")).unwrap();
        assert_eq!(back.edition.date, sample().edition.date);
    }

    #[test]
    fn malformed_toml_names_line_and_column() {
        let err = ClaimSet::from_toml("schema = 2\n[edition\n", Path::new("bad.toml")).unwrap_err();
        let msg = err.to_string();
        assert!(msg.starts_with("bad.toml:2:"), "{msg}");
    }

    #[test]
    fn version_1_is_read_and_upgraded() {
        let v1 = "schema = 1\n\n[edition]\ntitle = \"T\"\ndate = 2023-02-06\n\n[[claims]]\ntopic = \"overall\"\ntext = \"It began in 2021. Today's news brings the overall total to more than $5.2 billion since May 2021.\"\n\n[[claims.figures]]\nmeasure = \"usd\"\nvalue = \"5200000000\"\nunit = \"USD\"\nqualifier = \"over\"\nquote = \"more than $5.2 billion\"\n\n[[claims]]\ntopic = \"creating-jobs\"\nheading = \"Creating Jobs\"\n";
        let set = ClaimSet::from_toml(v1, Path::new("old.toml")).unwrap();
        assert_eq!(set.schema, SCHEMA_VERSION);
        let f = &set.claims[0].figures[0];
        assert_eq!(
            f.sentence,
            "Today's news brings the overall total to more than $5.2 billion since May 2021."
        );
        assert_eq!(
            f.fragment, f.sentence,
            "a short sentence is its own fragment"
        );
        assert_eq!(f.line, None);
        assert_eq!(set.claims[0].label, "overall total");
        assert_eq!(set.claims[1].label, "Creating Jobs");
        // Written back, it is a claim set of this version.
        let again = ClaimSet::from_toml(&set.to_toml(), Path::new("new.toml")).unwrap();
        assert_eq!(again, set);
    }

    #[test]
    fn unknown_schema_is_refused() {
        let text = sample().to_toml().replace("schema = 2", "schema = 9");
        let err = ClaimSet::from_toml(&text, Path::new("x.toml")).unwrap_err();
        assert!(matches!(err, Error::Schema { found: 9, .. }), "{err}");
    }

    #[test]
    fn the_toml_size_hint_covers_the_text() {
        let set = sample();
        let (hint, len) = (set.toml_size_hint(), set.to_toml().len());
        assert!(len <= hint && hint < 2 * len + 1024, "{len} {hint}");
    }

    #[test]
    fn written_forms_equal_the_texts() {
        let mut set = sample();
        // Enough claims to cross the chunk size several times.
        let one = set.claims[0].clone();
        set.claims = (0..2000).map(|_| one.clone()).collect();
        let mut toml = Vec::new();
        set.write_toml(&mut toml).unwrap();
        assert_eq!(String::from_utf8(toml).unwrap(), set.to_toml());
        let mut json = Vec::new();
        set.write_json(&mut json).unwrap();
        assert_eq!(String::from_utf8(json).unwrap(), set.to_json());
    }
}
