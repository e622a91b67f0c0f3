//! Sentences: the sentence of a text that holds a quote.

/// The sentence of `text` that holds `quote` (split at '.', '!', '?', ';' followed by a space).
pub fn sentence_around<'t>(text: &'t str, quote: &str) -> Option<&'t str> {
    if quote.is_empty() {
        return None;
    }
    let at = text.find(quote)?;
    let bytes = text.as_bytes();
    // "U.S." and initials end in a capital letter before the period: not a sentence end.
    let abbreviation = |i: usize| {
        bytes.get(i) == Some(&b'.')
            && i >= 1
            && bytes.get(i - 1).is_some_and(u8::is_ascii_uppercase)
            && (i < 2 || matches!(bytes.get(i - 2), Some(b'.' | b' ')))
    };
    let is_end = |i: usize| {
        matches!(bytes.get(i), Some(b'.' | b'!' | b'?' | b';'))
            && bytes.get(i + 1).is_none_or(|b| *b == b' ')
            && !abbreviation(i)
    };
    let start = (0..at).rev().find(|&i| is_end(i)).map_or(0, |i| i + 1);
    let end = (at + quote.len()..text.len())
        .find(|&i| is_end(i))
        .map_or(text.len(), |i| i + 1);
    text.get(start..end).map(str::trim)
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
    }
}
