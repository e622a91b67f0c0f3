//! Escaping at the output boundary: one function per target (Markdown, HTML, CSV) makes source
//! text inert — no markup, no links, no mentions, no formulas. Reports keep their text raw.
//!
//! Markdown stays readable as plain text: only what would render or ping is escaped, with
//! backslashes (`\[`, `\|`, `\*`) or code spans (a URL or `@mention` becomes `` `@everyone` ``),
//! so `$7 million` is still `$7 million` in the raw output.

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
        } else if !c.is_control() {
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
