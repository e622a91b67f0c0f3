//! Escaping at the output boundary: one function per target (terminal, Markdown, HTML, CSV)
//! makes source text inert — no control sequences, no markup, no links, no mentions, no
//! formulas, no right-to-left overrides. Reports keep their text raw.
//!
//! Markdown stays readable as plain text: only what would render or ping is escaped, with
//! backslashes (`\[`, `\|`, `\*`) or code spans (a URL or `@mention` becomes `` `@everyone` ``),
//! so `$7 million` is still `$7 million` in the raw output.

use std::borrow::Cow;

/// The bidirectional overrides and isolates (U+202A–U+202E, U+2066–U+2069): they reorder what
/// a reader sees without changing the text ("Trojan Source"). Every human format drops them.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Makes `text` safe to print on a terminal: control sequences and control characters that a
/// document (or a hand-edited claim set) carries never reach it.
///
/// - Escape sequences are removed whole, each leaving one U+FFFD: CSI (`ESC [` … or C1 `0x9B`,
///   colours, `ESC[8m` concealed text, cursor moves), OSC (`ESC ]` … or `0x9D`, to BEL or ST:
///   OSC 8 hyperlinks, OSC 52 clipboard writes, window titles), DCS/SOS/PM/APC strings, and
///   two-character escapes (`ESC c` reset, `ESC 7`, charset designations).
/// - Any other C0 control, DEL and C1 control (NUL, BEL, backspace, carriage return…) becomes
///   U+FFFD; newline and tab stay, for layouts that need them.
/// - Bidirectional overrides and isolates are dropped.
///
/// Text without any of these is returned as it is, without a copy.
pub fn terminal(text: &str) -> Cow<'_, str> {
    let clean = |c: char| (!c.is_control() || c == '\n' || c == '\t') && !is_bidi_control(c);
    if text.chars().all(clean) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if clean(c) {
            out.push(c);
            continue;
        }
        if is_bidi_control(c) {
            continue;
        }
        // A string sequence (OSC, DCS, SOS, PM, APC) runs to BEL or ST; one left open stops at
        // the end of the line, so it never swallows the rest of the output.
        let skip_string = |chars: &mut std::iter::Peekable<std::str::Chars<'_>>| {
            while let Some(&d) = chars.peek() {
                match d {
                    '\u{07}' | '\u{9C}' => {
                        chars.next();
                        break;
                    }
                    '\u{1B}' => {
                        chars.next();
                        if chars.peek() == Some(&'\\') {
                            chars.next();
                        }
                        break;
                    }
                    '\n' => break,
                    _ => {
                        chars.next();
                    }
                }
            }
        };
        // CSI: parameter and intermediate bytes, then one final byte.
        let skip_csi = |chars: &mut std::iter::Peekable<std::str::Chars<'_>>| {
            while let Some(&d) = chars.peek() {
                match d {
                    '\u{20}'..='\u{3F}' => {
                        chars.next();
                    }
                    '\u{40}'..='\u{7E}' => {
                        chars.next();
                        break;
                    }
                    _ => break,
                }
            }
        };
        match c {
            '\u{1B}' => match chars.peek() {
                Some('[') => {
                    chars.next();
                    skip_csi(&mut chars);
                }
                Some(']' | 'P' | 'X' | '^' | '_') => {
                    chars.next();
                    skip_string(&mut chars);
                }
                Some('\u{20}'..='\u{7E}') => {
                    // Intermediates (`ESC ( B`), then the final character (`ESC c`).
                    while chars
                        .peek()
                        .is_some_and(|d| matches!(d, '\u{20}'..='\u{2F}'))
                    {
                        chars.next();
                    }
                    if chars
                        .peek()
                        .is_some_and(|d| matches!(d, '\u{30}'..='\u{7E}'))
                    {
                        chars.next();
                    }
                }
                _ => {}
            },
            '\u{9B}' => skip_csi(&mut chars),
            '\u{9D}' | '\u{90}' | '\u{98}' | '\u{9E}' | '\u{9F}' => skip_string(&mut chars),
            _ => {}
        }
        out.push('\u{FFFD}');
    }
    Cow::Owned(out)
}

/// Makes `text` inert in GitHub-flavoured Markdown wherever it goes: a paragraph, a list item,
/// a table cell, link text, the start of a line. Line breaks become spaces so a value can never
/// leave its table cell or line.
pub(crate) fn markdown(text: &str) -> String {
    let inline = markdown_inline(text);
    escape_line_start(&inline)
}

/// As [`markdown`], for text that continues a line (it never starts one): the same escapes
/// without those for a line's first characters.
pub(crate) fn markdown_inline(text: &str) -> String {
    let flat = flatten(text);
    let mut out = String::with_capacity(flat.len() + flat.len() / 8);
    for (i, token) in flat.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        match risky_core(token) {
            Some((lead, core, trail)) => {
                escape_chars(lead, &mut out);
                code_span(core, &mut out);
                escape_chars(trail, &mut out);
            }
            None => escape_chars(token, &mut out),
        }
    }
    out
}

/// Control characters dropped; line breaks, tabs and runs of spaces folded to one space.
fn flatten(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_whitespace() {
            if !out.ends_with(' ') {
                out.push(' ');
            }
        } else if !c.is_control() && !is_bidi_control(c) {
            out.push(c);
        }
    }
    out
}

/// A token GitHub would turn into a link or a ping — a URL (`http://`, `https://`, `www.`),
/// an e-mail address, an `@mention`, an issue reference (`#12`) — split into what comes before
/// it, the risky part, and what follows (trailing punctuation stays outside).
fn risky_core(token: &str) -> Option<(&str, &str, &str)> {
    let lower = token.to_ascii_lowercase();
    let start = ["http://", "https://", "www."]
        .iter()
        .filter_map(|p| lower.find(p))
        .min()
        .or_else(|| {
            // A mention or an e-mail address: the word around an `@` followed by a letter.
            let at = token.char_indices().find(|&(i, c)| {
                c == '@'
                    && token[i + 1..]
                        .chars()
                        .next()
                        .is_some_and(|n| n.is_ascii_alphanumeric())
            })?;
            let local = token[..at.0]
                .char_indices()
                .rev()
                .take_while(|(_, c)| {
                    c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '%' | '+' | '-')
                })
                .last()
                .map_or(at.0, |(i, _)| i);
            Some(local)
        })
        .or_else(|| {
            // An issue reference: `#` and digits at the start of a word.
            token.char_indices().find_map(|(i, c)| {
                let word_start = token[..i]
                    .chars()
                    .next_back()
                    .is_none_or(|p| matches!(p, '(' | '[' | '{' | '"' | '\''));
                (c == '#' && word_start && token[i + 1..].starts_with(|d: char| d.is_ascii_digit()))
                    .then_some(i)
            })
        })?;
    let end = token
        .rfind(|c: char| {
            !matches!(
                c,
                ')' | ']' | '}' | '>' | '"' | '\'' | '.' | ',' | ';' | ':' | '!' | '?' | '*' | '_'
            )
        })
        .map_or(token.len(), |i| {
            i + token[i..].chars().next().map_or(1, char::len_utf8)
        });
    (end > start).then(|| (&token[..start], &token[start..end], &token[end..]))
}

/// Writes `text` as a code span: a fence of backticks longer than any run inside it, padded
/// when the text starts or ends with a backtick; `|` escaped so a table cell holds.
fn code_span(text: &str, out: &mut String) {
    let run = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(run + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    out.push_str(&fence);
    out.push_str(pad);
    out.push_str(&text.replace('|', "\\|"));
    out.push_str(pad);
    out.push_str(&fence);
}

/// Backslash-escapes, in text that is not at a line's start, each character that would render:
/// emphasis and code marks, link brackets, table pipes, tags, math, entities.
fn escape_chars(text: &str, out: &mut String) {
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).and_then(|j| chars.get(j)).copied();
        let next = chars.get(i + 1).copied();
        let escape = match c {
            '\\' | '`' | '*' | '~' | '[' | ']' | '|' => true,
            // Inside a word `_` is a plain character ("snake_case").
            '_' => {
                !(prev.is_some_and(char::is_alphanumeric)
                    && next.is_some_and(char::is_alphanumeric))
            }
            // A tag, a closing tag, a comment or an autolink needs a letter, `/`, `!` or `?`.
            '<' => next.is_some_and(|n| n.is_ascii_alphabetic() || matches!(n, '/' | '!' | '?')),
            // GitHub's math needs `$` before a non-digit ("$7 million" never opens it).
            '$' => !next.is_some_and(|n| n.is_ascii_digit()),
            '&' => starts_entity(&chars[i..]),
            _ => false,
        };
        if escape {
            out.push('\\');
        }
        out.push(c);
    }
}

/// True when `chars` open a character reference (`&amp;`, `&#36;`, `&#x24;`).
fn starts_entity(chars: &[char]) -> bool {
    let body: String = chars
        .iter()
        .skip(1)
        .take(33)
        .take_while(|c| **c != ';')
        .collect();
    let closed =
        chars.len() > body.chars().count() + 1 && chars.get(body.chars().count() + 1) == Some(&';');
    let named = body.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && body.chars().all(|c| c.is_ascii_alphanumeric());
    let numeric = body.strip_prefix('#').is_some_and(|n| {
        let n = n.strip_prefix(['x', 'X']).unwrap_or(n);
        !n.is_empty() && n.chars().all(|c| c.is_ascii_hexdigit())
    });
    closed && !body.is_empty() && (named || numeric)
}

/// Escapes what would open a block at a line's start: a heading (`#`), a quote (`>`), a list
/// item (`-`, `+`, `*`, `1.`, `1)`), a rule or setext underline (`---`, `===`) and, for
/// spreadsheets the text may be pasted into, any leading `=`.
fn escape_line_start(text: &str) -> String {
    let mut chars = text.chars();
    let Some(first) = chars.next() else {
        return String::new();
    };
    let rest = chars.as_str();
    let marker_end = rest.is_empty() || rest.starts_with(' ');
    match first {
        '#' | '>' | '=' => format!("\\{text}"),
        '-' | '+' if marker_end || rest.chars().all(|c| c == first || c == ' ') => {
            format!("\\{text}")
        }
        d if d.is_ascii_digit() => {
            let digits = text.chars().take_while(char::is_ascii_digit).count();
            let after = &text[digits..];
            match after.chars().next() {
                Some(m @ ('.' | ')')) if after[1..].is_empty() || after[1..].starts_with(' ') => {
                    format!("{}\\{m}{}", &text[..digits], &after[1..])
                }
                _ => text.to_string(),
            }
        }
        _ => text.to_string(),
    }
}

/// A link destination for Markdown: `<…>` around the URL, with spaces, `<`, `>` and `\`
/// percent-encoded (reports link only to checked `http(s)` addresses).
pub(crate) fn markdown_url(url: &str) -> String {
    let mut out = String::with_capacity(url.len() + 2);
    out.push('<');
    for c in url.chars() {
        match c {
            ' ' => out.push_str("%20"),
            '<' => out.push_str("%3C"),
            '>' => out.push_str("%3E"),
            '\\' => out.push_str("%5C"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out.push('>');
    out
}

/// Escapes `text` for HTML element content and quoted attribute values.
pub(crate) fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters other than whitespace are invalid in HTML text.
            c if c.is_control() && !matches!(c, '\n' | '\t') => out.push('\u{FFFD}'),
            c if is_bidi_control(c) => {}
            c => out.push(c),
        }
    }
    out
}

/// True for a plain decimal number (`-2`, `177.8`), which a spreadsheet reads as a number.
fn is_plain_number(cell: &str) -> bool {
    let digits = cell.strip_prefix('-').unwrap_or(cell);
    let (int, frac) = match digits.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (digits, None),
    };
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    all_digits(int) && frac.is_none_or(all_digits)
}

/// One RFC 4180 field: a cell opening with `=`, `+`, `-`, `@`, TAB or CR gets a leading `'` so
/// spreadsheets read it as text, not a formula — except plain numbers such as `-2`, which
/// cannot run anything. The cell is quoted when it holds `,` `"` CR or LF (inner `"` doubled).
pub(crate) fn csv_field(cell: &str) -> String {
    let guarded;
    let cell = if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) && !is_plain_number(cell) {
        guarded = format!("'{cell}");
        guarded.as_str()
    } else {
        cell
    };
    if cell.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_string()
    }
}

#[cfg(test)]
mod terminal_tests {
    use super::*;

    #[test]
    fn terminal_removes_sequences_whole_and_replaces_controls() {
        let cases = [
            ("plain text\twith tab\n", "plain text\twith tab\n"),
            ("a\x1b]52;c;ZXZpbA==\x07b", "a\u{FFFD}b"),
            (
                "a\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\b",
                "a\u{FFFD}link\u{FFFD}b",
            ),
            ("\x1b[8mhidden\x1b[0m", "\u{FFFD}hidden\u{FFFD}"),
            ("\x1b[38;5;196mred", "\u{FFFD}red"),
            ("x\x1bcy", "x\u{FFFD}y"),
            ("x\x1b(By", "x\u{FFFD}y"),
            ("x\u{9b}31my", "x\u{FFFD}y"),
            ("x\u{9d}0;title\u{9c}y", "x\u{FFFD}y"),
            ("x\0y\x7fz\x08\r", "x\u{FFFD}y\u{FFFD}z\u{FFFD}\u{FFFD}"),
            ("\u{202e}evil\u{202c} \u{2066}iso\u{2069}", "evil iso"),
            // An OSC left open stops at the end of the line.
            ("a\x1b]0;title\nnext", "a\u{FFFD}\nnext"),
            ("trailing\x1b", "trailing\u{FFFD}"),
        ];
        for (input, want) in cases {
            assert_eq!(terminal(input), want, "{input:?}");
        }
        assert!(matches!(terminal("ünïcode ok"), Cow::Borrowed(_)));
    }

    #[test]
    fn markdown_and_html_drop_bidi_overrides() {
        let text = "a\u{202e}b\u{2066}c\u{2069}d\u{202a}";
        assert_eq!(markdown(text), "abcd");
        assert_eq!(html(text), "abcd");
    }
}
