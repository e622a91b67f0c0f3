//! Escaping at the output boundary: one function per target (terminal, Markdown, HTML, CSV)
//! makes source text inert — no control sequences, no markup, no links, no mentions, no
//! formulas, no right-to-left overrides. Reports keep their text raw.

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

/// Zero-width space, written as an entity so the break stays visible in the Markdown source.
const ZWSP: &str = "&#8203;";

/// Makes `text` inert in GitHub-flavoured Markdown: in a paragraph, a table cell, a list item
/// and inside raw HTML (`<summary>`), all at once.
///
/// Only character references are used (no backslash escapes), because those also work inside
/// HTML blocks. Line breaks become spaces so a value can never leave its table cell or line.
/// GitHub links URLs and `@mentions` again *after* decoding entities, so those are broken with a
/// zero-width space instead: `@&#8203;everyone`, `http:&#8203;//…`, `www&#8203;.…`.
pub(crate) fn markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\r' | '\n' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}' | '\t' => {
                // Folds a run of line breaks and tabs into one space.
                if !out.ends_with(' ') {
                    out.push(' ');
                }
                i += 1;
                continue;
            }
            c if c.is_control() || is_bidi_control(c) => {}
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '|' => out.push_str("&#124;"),
            '\\' => out.push_str("&#92;"),
            '`' => out.push_str("&#96;"),
            '*' => out.push_str("&#42;"),
            '_' => out.push_str("&#95;"),
            '~' => out.push_str("&#126;"),
            '[' => out.push_str("&#91;"),
            ']' => out.push_str("&#93;"),
            '#' => out.push_str("&#35;"),
            '$' => out.push_str("&#36;"), // GitHub renders `$…$` as math.
            '@' => {
                out.push('@');
                out.push_str(ZWSP);
            }
            ':' if chars.get(i + 1) == Some(&'/') && chars.get(i + 2) == Some(&'/') => {
                out.push(':');
                out.push_str(ZWSP);
            }
            '.' if i >= 3 && chars[i - 3..i].iter().all(|w| w.eq_ignore_ascii_case(&'w')) => {
                out.push_str(ZWSP);
                out.push('.');
            }
            // Block markers count only at the start of a line and before a space: a list
            // (`- `, `+ `, `1. `) or a rule/setext line (`---`, `===`); `+160,000` stays as it is.
            '-' | '+' | '=' if out.trim_start().is_empty() && opens_block(&chars, i) => {
                out.push_str(&format!("&#{};", c as u32))
            }
            '.' | ')' if at_start_of_number(&chars, i) && ends_marker(&chars, i) => {
                out.push_str(&format!("&#{};", c as u32))
            }
            c => out.push(c),
        }
        i += 1;
    }
    out
}

/// True when the marker at `chars[i]` is followed by a space or the end.
fn ends_marker(chars: &[char], i: usize) -> bool {
    chars.get(i + 1).is_none_or(|c| c.is_whitespace())
}

/// True when a leading `-`, `+` or `=` would open a list item, a rule or a setext underline.
/// A leading `=` is always escaped: raw tables pasted into a spreadsheet then hold no formula.
fn opens_block(chars: &[char], i: usize) -> bool {
    let c = chars[i];
    let rule = chars[i..].iter().all(|&d| d == c || d.is_whitespace());
    c == '=' || rule || ends_marker(chars, i)
}

/// True when `chars[i]` ends a run of digits that opens the text (an ordered-list marker `1.`).
fn at_start_of_number(chars: &[char], i: usize) -> bool {
    let lead = chars[..i].iter().skip_while(|c| c.is_whitespace());
    let digits: Vec<&char> = lead.collect();
    !digits.is_empty() && digits.iter().all(|c| c.is_ascii_digit())
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
