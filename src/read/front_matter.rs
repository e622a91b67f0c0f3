//! YAML front matter: a small hand-written reader for the top-level scalar keys a pull carries
//! (title, date, source_url, published_time…), with YAML quoting, escapes and line folding.

use std::str::Chars;

/// The keys of a front matter block that are in [`KEYS`], in file order, values decoded.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct FrontMatter {
    /// `(key, value)` pairs; later duplicates are kept but [`FrontMatter::get`] returns the first.
    pub entries: Vec<(String, String)>,
}

impl FrontMatter {
    /// The decoded value of a key.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.entries
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

/// The keys that reading uses (title, date, source); the others are skipped.
pub const KEYS: [&str; 6] = [
    "title",
    "date",
    "published_time",
    "source_url",
    "source",
    "url",
];

/// Splits front matter off `lines` when the first line is `---`: returns the front matter and
/// the index of the first body line. Without a closing `---`/`...` line there is no front matter.
pub fn split<'a>(mut lines: impl Iterator<Item = &'a str> + Clone) -> Option<(FrontMatter, usize)> {
    if lines.next().map(str::trim_end) != Some("---") {
        return None;
    }
    // The closing line is looked for first, so no line is kept when there is none.
    let close = lines
        .clone()
        .position(|l| matches!(l.trim_end(), "---" | "..."))?;
    let inner: Vec<&str> = lines.take(close).collect();
    Some((parse(&inner), close + 2))
}

/// Parses `key: value` lines; indented lines continue the previous value.
fn parse(lines: &[&str]) -> FrontMatter {
    let mut entries = Vec::new();
    let mut current: Option<(String, String)> = None;
    for line in lines {
        let starts_indented = line.starts_with([' ', '\t']);
        if starts_indented || line.trim().is_empty() {
            if let Some((_, raw)) = current.as_mut() {
                raw.push('\n');
                raw.push_str(line);
            }
            continue;
        }
        if line.trim_start().starts_with('#') {
            continue;
        }
        if let Some((k, raw)) = current.take() {
            entries.push((k, scalar(&raw)));
        }
        // Keys reading does not use are not decoded; their continuation lines go with them.
        current = line
            .split_once(':')
            .map(|(key, value)| (key.trim(), value))
            .filter(|(key, _)| KEYS.contains(key))
            .map(|(key, value)| (key.to_string(), value.to_string()));
    }
    if let Some((k, raw)) = current.take() {
        entries.push((k, scalar(&raw)));
    }
    FrontMatter { entries }
}

/// Decodes a raw scalar (everything after `key:`, continuation lines included).
pub fn scalar(raw: &str) -> String {
    let t = raw.trim_start();
    if let Some(rest) = t.strip_prefix('"') {
        double_quoted(rest)
    } else if let Some(rest) = t.strip_prefix('\'') {
        single_quoted(rest)
    } else {
        plain(t)
    }
}

/// Plain scalars fold lines into spaces and end at a ` #` comment.
fn plain(t: &str) -> String {
    let mut out = String::new();
    for line in t.lines() {
        let line = line.get(..comment_at(line)).unwrap_or(line);
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(line);
    }
    out
}

/// Where a plain scalar's ` #` comment starts on `line` (its length when it has none).
fn comment_at(line: &str) -> usize {
    let bytes = line.as_bytes();
    memchr::memchr_iter(b'#', bytes)
        .find(|&i| i > 0 && bytes[i - 1] == b' ')
        .map_or(line.len(), |i| i - 1)
}

/// Copies the run of `chars` up to the first of the ASCII bytes `stops` into `out` at once,
/// rather than a character at a time, and leaves `chars` at that byte.
fn copy_run(chars: &mut Chars<'_>, stops: (u8, u8, u8), out: &mut String) {
    let rest = chars.as_str();
    let run = memchr::memchr3(stops.0, stops.1, stops.2, rest.as_bytes()).unwrap_or(rest.len());
    // The stops are ASCII, so `run` is on a character boundary.
    out.push_str(rest.get(..run).unwrap_or_default());
    *chars = rest.get(run..).unwrap_or_default().chars();
}

/// The next character of `chars` without taking it.
fn peek(chars: &Chars<'_>) -> Option<char> {
    chars.as_str().chars().next()
}

/// Single-quoted: `''` is a quote, line breaks fold.
fn single_quoted(rest: &str) -> String {
    let mut out = String::with_capacity(rest.len());
    let mut chars = rest.chars();
    loop {
        copy_run(&mut chars, (b'\'', b'\n', b'\n'), &mut out);
        let Some(c) = chars.next() else { break };
        match c {
            '\'' if peek(&chars) == Some('\'') => {
                chars.next();
                out.push('\'');
            }
            '\'' => break,
            '\n' => fold_line_break(&mut out, &mut chars),
            _ => out.push(c),
        }
    }
    out
}

/// Double-quoted: YAML escapes, `\` at line end joins lines, other line breaks fold.
fn double_quoted(rest: &str) -> String {
    let mut out = String::with_capacity(rest.len());
    let mut chars = rest.chars();
    loop {
        copy_run(&mut chars, (b'"', b'\n', b'\\'), &mut out);
        let Some(c) = chars.next() else { break };
        match c {
            '"' => break,
            '\n' => fold_line_break(&mut out, &mut chars),
            '\\' => {
                let Some(e) = chars.next() else { break };
                match e {
                    '\n' => {
                        // Escaped line break: join, dropping the next line's indentation.
                        let rest = chars.as_str();
                        chars = rest.trim_start_matches([' ', '\t']).chars();
                    }
                    '0' => out.push('\0'),
                    'a' => out.push('\u{07}'),
                    'b' => out.push('\u{08}'),
                    't' | '\t' => out.push('\t'),
                    'n' => out.push('\n'),
                    'v' => out.push('\u{0B}'),
                    'f' => out.push('\u{0C}'),
                    'r' => out.push('\r'),
                    'e' => out.push('\u{1B}'),
                    ' ' => out.push(' '),
                    '_' => out.push('\u{A0}'),
                    'N' => out.push('\u{85}'),
                    'L' => out.push('\u{2028}'),
                    'P' => out.push('\u{2029}'),
                    'x' => push_hex(&mut out, &mut chars, 2),
                    'u' => push_hex(&mut out, &mut chars, 4),
                    'U' => push_hex(&mut out, &mut chars, 8),
                    other => out.push(other), // `\"`, `\\`, `\/` and unknown escapes: the char itself.
                }
            }
            _ => out.push(c),
        }
    }
    out
}

/// Reads `n` hex digits and pushes that code point (invalid ones are dropped).
fn push_hex(out: &mut String, chars: &mut Chars<'_>, n: usize) {
    let mut code = 0u32;
    for _ in 0..n {
        match peek(chars).and_then(|c| c.to_digit(16)) {
            Some(d) => {
                code = code * 16 + d;
                chars.next();
            }
            None => return,
        }
    }
    if let Some(c) = char::from_u32(code) {
        out.push(c);
    }
}

/// A line break inside a quoted scalar: trailing blanks before it and indentation after it go;
/// one break becomes a space, each further empty line a newline.
fn fold_line_break(out: &mut String, chars: &mut Chars<'_>) {
    let kept = out.trim_end_matches([' ', '\t']).len();
    out.truncate(kept);
    let mut newlines = 0;
    loop {
        match peek(chars) {
            Some(' ') | Some('\t') => {
                chars.next();
            }
            Some('\n') => {
                newlines += 1;
                chars.next();
            }
            _ => break,
        }
    }
    if newlines == 0 {
        out.push(' ');
    } else {
        for _ in 0..newlines {
            out.push('\n');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalars() {
        let cases = [
            ("plain value", "plain value"),
            (" '2023-02-06'", "2023-02-06"),
            (" 'it''s'", "it's"),
            (" \"a \\\"quoted\\\" word\"", "a \"quoted\" word"),
            (" \"back\\\\slash\"", "back\\slash"),
            (" \"nb\\_sp\"", "nb\u{A0}sp"),
            (" \"COVID-\\u206019\"", "COVID-\u{2060}19"),
            (" \"Biden\\u2019s plan\"", "Biden\u{2019}s plan"),
            (" \"joined \\\n  \\ here\"", "joined  here"),
            (" \"Causes of\\\n  \\ Migration\"", "Causes of Migration"),
            (" \"folded\n  line\"", "folded line"),
            (" \"para\n\n  two\"", "para\ntwo"),
            (" 2023-02-06 11:13:55-05:00", "2023-02-06 11:13:55-05:00"),
            (" value # a comment", "value"),
            (" \"unterminated", "unterminated"),
            (" \"bad \\u12\"", "bad "),
            (" \"trailing \\", "trailing "),
            (" https://x.gov/a#frag # note", "https://x.gov/a#frag"),
            (" '\u{e9}t\u{e9} ''q''\n  next'", "\u{e9}t\u{e9} 'q' next"),
            (
                " \"caf\u{e9}\\t\\x41\\\"\u{2019}\" after",
                "caf\u{e9}\tA\"\u{2019}",
            ),
        ];
        for (raw, want) in cases {
            assert_eq!(scalar(raw), want, "{raw:?}");
        }
    }

    #[test]
    fn comments_start_at_a_spaced_hash() {
        let cases = [
            ("a # b", 1),
            ("a#b", 3),
            ("#x", 2),
            ("a  #", 2),
            ("a#b #c", 3),
            ("", 0),
        ];
        for (line, want) in cases {
            assert_eq!(comment_at(line), want, "{line:?}");
            assert_eq!(comment_at(line), line.find(" #").unwrap_or(line.len()));
        }
    }

    #[test]
    fn splits_front_matter() {
        let text = "---\ndate: '2023-02-06'\ntitle: \"FACT SHEET: An Update on\\\n  \\ the\\_Plan\"\nsource_url: https://example.gov/a\n---\nbody\n";
        let lines: Vec<&str> = text.lines().collect();
        let (fm, body) = split(lines.iter().copied()).unwrap();
        assert_eq!(fm.get("date"), Some("2023-02-06"));
        assert_eq!(
            fm.get("title"),
            Some("FACT SHEET: An Update on the\u{A0}Plan")
        );
        assert_eq!(fm.get("source_url"), Some("https://example.gov/a"));
        assert_eq!(lines.get(body), Some(&"body"));
    }

    #[test]
    fn no_front_matter_without_closing_line() {
        let lines = ["---", "title: x", "body"];
        assert!(split(lines.into_iter()).is_none());
        assert!(split(["text"].into_iter()).is_none());
    }
}
