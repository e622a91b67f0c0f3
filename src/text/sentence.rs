//! Sentences: the sentence of a text that holds a quote.

/// The sentence of `text` that holds `quote` (split at '.', '!', '?', ';' followed by a space).
pub fn sentence_around<'t>(text: &'t str, quote: &str) -> Option<&'t str> {
    if quote.is_empty() {
        return None;
    }
    let at = memchr::memmem::find(text.as_bytes(), quote.as_bytes())?;
    sentence_at(text, at, quote.len())
}

/// The sentence of `text` that holds the `len` bytes at byte offset `at` (a quote found by the
/// caller, e.g. its second occurrence).
pub fn sentence_at(text: &str, at: usize, len: usize) -> Option<&str> {
    let bytes = text.as_bytes();
    let start = end_before(bytes, at).map_or(0, |i| i + 1);
    let end = end_from(bytes, at + len).map_or(text.len(), |i| i + 1);
    text.get(start..end).map(str::trim)
}

/// The last sentence end before byte `at`: candidates are found with `memchr` (a sentence is
/// scanned once per figure it holds). A ';' is only looked for after the last '.', '!' or '?'
/// found: a text without one is not scanned to its start for it.
fn end_before(bytes: &[u8], at: usize) -> Option<usize> {
    let mut hay = bytes.get(..at)?;
    loop {
        let stop = memchr::memrchr3(b'.', b'!', b'?', hay);
        let after = stop.map_or(0, |i| i + 1);
        let semi = memchr::memrchr(b';', &hay[after..]).map(|i| after + i);
        let i = semi.or(stop)?;
        if is_sentence_end(bytes, i) {
            return Some(i);
        }
        hay = &hay[..i];
    }
}

/// The first sentence end at or after byte `from` (a ';' only looked for before the first '.',
/// '!' or '?', as in [`end_before`]).
fn end_from(bytes: &[u8], from: usize) -> Option<usize> {
    end_within(bytes, from, bytes.len())
}

/// The first sentence end at or after byte `from` and before byte `limit` (as [`end_from`]
/// finds it, `bytes` read past `limit` only to tell an end): a caller that reads only a
/// text's first words looks for its first sentence's end among them alone.
pub(crate) fn end_within(bytes: &[u8], from: usize, limit: usize) -> Option<usize> {
    let mut at = from;
    loop {
        let hay = bytes.get(at..limit)?;
        let stop = memchr::memchr3(b'.', b'!', b'?', hay);
        let semi = memchr::memchr(b';', &hay[..stop.unwrap_or(hay.len())]);
        let i = at + semi.or(stop)?;
        if is_sentence_end(bytes, i) {
            return Some(i);
        }
        at = i + 1;
    }
}

/// The sentences of `text`, in order, trimmed (split as in [`sentence_around`]).
pub fn sentences(text: &str) -> Vec<&str> {
    sentence_iter(text).collect()
}

/// The first sentence of `text` (see [`sentences`]), found without splitting the rest (labels
/// find it among their first words: see `label::opening_phrase`).
#[cfg(test)]
pub fn first_sentence(text: &str) -> Option<&str> {
    sentence_iter(text).next()
}

fn sentence_iter(text: &str) -> impl Iterator<Item = &str> {
    let bytes = text.as_bytes();
    let (mut start, mut i) = (0, 0);
    std::iter::from_fn(move || {
        while start <= bytes.len() {
            let end = end_from(bytes, i).map_or(bytes.len(), |k| k + 1);
            let piece = text.get(start..end).map(str::trim);
            start = end + usize::from(end == bytes.len());
            i = end;
            if let Some(s) = piece.filter(|s| !s.is_empty()) {
                return Some(s);
            }
        }
        None
    })
}

/// True when byte `i` ends a sentence: '.', '!', '?' or ';' before a space or the end, except
/// the period of "U.S." and of initials (a capital letter before it).
fn is_sentence_end(bytes: &[u8], i: usize) -> bool {
    let abbreviation = bytes.get(i) == Some(&b'.')
        && i >= 1
        && bytes.get(i - 1).is_some_and(u8::is_ascii_uppercase)
        && (i < 2 || matches!(bytes.get(i - 2), Some(b'.' | b' ')));
    matches!(bytes.get(i), Some(b'.' | b'!' | b'?' | b';'))
        && bytes.get(i + 1).is_none_or(|b| *b == b' ')
        && !abbreviation
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_around_quotes() {
        let text = "It reached 465,000 youth through school support. In addition, 2,400 youth found work; 12,000 finished.";
        assert_eq!(
            sentence_around(text, "465,000 youth"),
            Some("It reached 465,000 youth through school support.")
        );
        assert_eq!(
            sentence_around(text, "2,400 youth"),
            Some("In addition, 2,400 youth found work;")
        );
        assert_eq!(sentence_around(text, "12,000"), Some("12,000 finished."));
        assert_eq!(
            sentence_around("U.S. firms hired 5 people.", "5 people"),
            Some("U.S. firms hired 5 people.")
        );
        assert_eq!(sentence_around(text, "missing"), None);
        let decimals = "In 2.5 years the U.S. gave 4.5 billion; then 6.5 more. Next";
        assert_eq!(
            sentence_around(decimals, "4.5"),
            Some("In 2.5 years the U.S. gave 4.5 billion;")
        );
        assert_eq!(sentence_around(decimals, "6.5"), Some("then 6.5 more."));
        let second = text.rfind("youth").unwrap();
        assert_eq!(
            sentence_at(text, second, 5),
            Some("In addition, 2,400 youth found work;")
        );
    }

    #[test]
    fn sentences_split_like_sentence_around() {
        let text = "The U.S. trained 5 people. Then 6 more; and 7!  Last one";
        assert_eq!(
            sentences(text),
            [
                "The U.S. trained 5 people.",
                "Then 6 more;",
                "and 7!",
                "Last one"
            ]
        );
        assert!(sentences("  ").is_empty());
        assert!(sentences("").is_empty());
        assert_eq!(sentences("a. b."), ["a.", "b."]);
        assert_eq!(sentences(". ; x"), [".", ";", "x"]);
        assert_eq!(first_sentence(" ; Then 6. More"), Some(";"));
        assert_eq!(first_sentence("No end"), Some("No end"));
    }

    #[test]
    fn ends_within_a_limit_are_the_ends_before_it() {
        for text in [
            "The U.S. trained 5 people. Then 6 more; and 7!  Last one",
            "a. b.",
            ". ; x",
            "In 2.5 years the U.S. gave 4.5 billion; then 6.5 more. Next",
            "No end",
            "",
            "Ends.",
        ] {
            let bytes = text.as_bytes();
            for from in 0..=bytes.len() {
                for limit in from..=bytes.len() {
                    let end = end_from(bytes, from).filter(|&i| i < limit);
                    assert_eq!(
                        end_within(bytes, from, limit),
                        end,
                        "{text:?} {from} {limit}"
                    );
                }
            }
        }
        assert_eq!(end_within(b"a. b", 0, 2), Some(1));
        assert_eq!(end_within(b"a. b", 0, 1), None);
        assert_eq!(end_within(b"a.b c. d", 0, 8), Some(5));
    }
}
