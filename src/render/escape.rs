//! Escaping at the output boundary: one function per target (Markdown, HTML, CSV) makes source
//! text inert — no markup, no links, no mentions, no formulas. Reports keep their text raw.

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
            c if c.is_control() => {}
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
