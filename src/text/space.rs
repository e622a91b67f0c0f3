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

/// `s.trim()`, without decoding a character when both ends are visible ASCII (most lines) or
/// ASCII white space before visible ASCII (indented lines).
pub(crate) fn trim(s: &str) -> &str {
    // The ASCII bytes `char::is_whitespace` holds: tab to carriage return, and space.
    let blank = |b: &u8| matches!(b, b'\t'..=b'\r' | b' ');
    let bytes = s.as_bytes();
    let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
        return s;
    };
    // Most lines start and end with visible ASCII: nothing to take, nothing to scan.
    let visible = |b: u8| (b'!'..0x80).contains(&b);
    if visible(first) && visible(last) {
        return s;
    }
    let start = leading_spaces(bytes);
    let start = bytes
        .get(start..)
        .and_then(|rest| rest.iter().position(|b| !blank(b)))
        .map_or(bytes.len(), |i| start + i);
    let end = bytes
        .iter()
        .rposition(|b| !blank(b))
        .map_or(start, |i| i + 1);
    let inner = s.get(start..end).unwrap_or_default();
    // A non-ASCII end may be white space (a no-break space) that `trim` also takes.
    match (inner.as_bytes().first(), inner.as_bytes().last()) {
        (Some(first), Some(last)) if first.is_ascii() && last.is_ascii() => inner,
        // Blank lines: nothing left to decode.
        (None, _) => inner,
        _ => inner.trim(),
    }
}

/// How many `' '` bytes start `bytes`, eight at a time: indentation is mostly spaces.
fn leading_spaces(bytes: &[u8]) -> usize {
    let mut n = 0;
    while let Some(chunk) = bytes
        .get(n..n + 8)
        .and_then(|c| <[u8; 8]>::try_from(c).ok())
    {
        // A space is a zero byte after the XOR: the zero bits below the first other byte.
        let others = u64::from_le_bytes(chunk) ^ 0x2020_2020_2020_2020;
        let spaces = (others.trailing_zeros() / 8) as usize;
        n += spaces;
        if spaces < 8 {
            return n;
        }
    }
    n
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

    #[test]
    fn trim_is_str_trim() {
        for s in [
            "",
            " ",
            "a",
            " a",
            "a ",
            "\u{a0}a\u{2003}",
            "a\u{e9}",
            "\u{e9} ",
            "x\ty",
            "    indented",
            "\t\u{b}\u{c}\r x \u{85}",
            "  \u{a0} \u{e9} \u{2003} ",
            "   ",
            "\u{2003}",
            "\u{1c}x\u{1f}",
            "        ",
            "         ",
            "                 x  ",
            "        \tx",
            "       \u{a0}x",
            "\u{7f}x\u{7f}",
            "! ~",
            " ~!",
        ] {
            assert_eq!(trim(s), s.trim(), "{s:?}");
        }
    }
}
