//! White space and quotes: the normalisation every reader applies to plain text.

/// Appends one plain character, normalised: white space runs (NBSP included) fold to one space,
/// zero-width characters vanish, curly quotes become straight ones so every copy of a sheet
/// (the archive's Markdown uses ’, the presidency text ') gives the same words.
#[inline]
pub(crate) fn push_norm(out: &mut String, c: char) {
    match c {
        ' ' | '\t' | '\n' | '\r' => push_space(out),
        c if c.is_ascii() => out.push(c),
        '\u{2018}' | '\u{2019}' => out.push('\''),
        '\u{201C}' | '\u{201D}' => out.push('"'),
        '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}' => {}
        c if c.is_whitespace() => push_space(out),
        c => out.push(c),
    }
}

/// Appends plain text (no markup), normalised as in [`push_norm`].
pub(crate) fn push_plain(out: &mut String, text: &str) {
    for c in text.chars() {
        push_norm(out, c);
    }
}

/// Plain text normalised and trimmed (titles, HTML text).
pub(crate) fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_plain(&mut out, text);
    trim_in_place(&mut out);
    out
}

/// Appends one space unless the text is empty or already ends in one.
#[inline]
pub(crate) fn push_space(out: &mut String) {
    if !out.is_empty() && !out.ends_with(' ') {
        out.push(' ');
    }
}

/// Trims both ends without reallocating when nothing leads.
pub(crate) fn trim_in_place(s: &mut String) {
    let end = s.trim_end().len();
    s.truncate(end);
    let start = s.len() - s.trim_start().len();
    if start > 0 {
        s.drain(..start);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaces_and_quotes_normalise() {
        let cases = [
            ("  a\u{a0}\u{a0}b\t\nc  ", "a b c"),
            ("\u{2018}it\u{2019}s\u{201C}", "'it's\""),
            ("zero\u{200b}width\u{ad}", "zerowidth"),
            ("", ""),
        ];
        for (text, want) in cases {
            assert_eq!(normalize(text), want, "{text:?}");
        }
    }
}
