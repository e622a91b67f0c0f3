//! Sentences cut around quotes: each figure's sentence found once, in reading order, and
//! shared by the stages that read it (classing and citing).

use super::{find_first, sentence_at};

/// A figure's sentence as cut from its claim's text: its span, and where the quote stands in
/// it when that is the quote's first place there (none when not known).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Cut {
    /// The sentence's bytes in the text.
    pub(crate) span: Span,
    /// Where the quote stands in the sentence.
    pub(crate) quote_at: Option<usize>,
}

impl Cut {
    /// The cut of `sentence`, a slice of `text`, for a quote whose first place in `text` is
    /// `first` when it is the one the sentence was cut for.
    pub(crate) fn new(text: &str, sentence: &str, first: Option<usize>, quote: &str) -> Cut {
        let start = sentence.as_ptr() as usize - text.as_ptr() as usize;
        // The first place in the text is the first in the sentence, unless trimming cut it.
        let quote_at = first.and_then(|at| at.checked_sub(start)).filter(|&at| {
            sentence
                .as_bytes()
                .get(at..)
                .is_some_and(|s| s.starts_with(quote.as_bytes()))
        });
        Cut {
            span: (start, start + sentence.len()),
            quote_at,
        }
    }
}

/// Cuts the sentences of one claim's figures, quotes in reading order: each quote is looked
/// for from the end of the one before (a quote written twice gets its own sentence each
/// time), and a sentence holding several quotes is cut once.
pub(crate) struct Cutter<'t> {
    text: &'t str,
    /// Where the next quote is looked for first.
    from: usize,
    /// The sentence cut last and the span of the quote it was cut for.
    last: Option<(&'t str, Span)>,
}

impl<'t> Cutter<'t> {
    /// A cutter at the start of `text`.
    pub(crate) fn new(text: &'t str) -> Cutter<'t> {
        Cutter {
            text,
            from: 0,
            last: None,
        }
    }

    /// Where `quote` stands in reading order: its first place at or after the end of the
    /// quote before, else its first place in the text. `first` is that first place (none for
    /// an empty quote), so the text is searched again only when it is behind the reading.
    pub(crate) fn place(&mut self, quote: &str, first: Option<usize>) -> Option<usize> {
        let at = match first {
            Some(f) if f < self.from => self
                .text
                .get(self.from..)
                .and_then(|rest| find_first(rest.as_bytes(), quote.as_bytes()))
                .map(|i| i + self.from)
                .or(first),
            _ => first,
        };
        if let Some(at) = at {
            self.from = at + quote.len();
        }
        at
    }

    /// The sentence of the `len` bytes at `at` (as [`crate::text::sentence_at`] cuts it), the
    /// one cut last when it holds them.
    pub(crate) fn sentence(&mut self, at: Option<usize>, len: usize) -> Option<&'t str> {
        let Some(at) = at else {
            self.last = None;
            return None;
        };
        let span = (at, at + len);
        let sentence = sentence_of(self.text, span, self.last);
        self.last = sentence.map(|s| (s, span));
        sentence
    }
}

/// Where a quote stands in its text: its first byte and the byte after its last.
pub(crate) type Span = (usize, usize);

/// The sentence of `text` that holds the quote at `at..end`, as [`crate::text::sentence_at`]
/// cuts it. `last` is the sentence cut last and the span of the quote it was cut for: a quote
/// after that one and before the sentence's last byte, with no sentence end in that quote, has
/// the same sentence (no end stands between the two quotes, nor from that one's end to the
/// last byte), so it is not cut again.
fn sentence_of<'t>(
    text: &'t str,
    (at, end): Span,
    last: Option<(&'t str, Span)>,
) -> Option<&'t str> {
    if let Some((cut, (last_at, last_end))) = last {
        let start = (cut.as_ptr() as usize)
            .checked_sub(text.as_ptr() as usize)
            .filter(|&s| s + cut.len() <= text.len());
        let bytes = text.as_bytes();
        // A sentence end is one of these before a space or the text's end (the rule of
        // `sentence_at`, less its exception for abbreviations: a few more quotes are cut again).
        let may_end = |i: usize| {
            matches!(bytes[i], b'.' | b'!' | b'?' | b';')
                && bytes.get(i + 1).is_none_or(|&b| b == b' ')
        };
        if start.is_some_and(|s| s <= last_at && last_end <= at && end < s + cut.len())
            && !(last_at..last_end).any(may_end)
        {
            return Some(cut);
        }
    }
    sentence_at(text, at, end - at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cutters_read_quotes_in_order_as_a_search_from_each_end_does() {
        // Each quote at or after the end of the one before, else its first place.
        let find_from = |text: &str, needle: &str, from: usize| {
            let find = |h: &str| h.find(needle).filter(|_| !needle.is_empty());
            find(&text[from..]).map(|i| i + from).or_else(|| find(text))
        };
        let text = "It gave 5 jobs. Then 5 jobs; and 7 more, 5 jobs. U.S. 7 more.";
        let quotes = [
            "5 jobs", "5 jobs", "7 more", "5 jobs", "", "7 more", "absent", "5 jobs",
        ];
        for skip in 0..quotes.len() {
            let mut cutter = Cutter::new(text);
            let mut from = 0;
            for quote in &quotes[skip..] {
                let want = find_from(text, quote, from);
                let first = text.find(quote).filter(|_| !quote.is_empty());
                let at = cutter.place(quote, first);
                assert_eq!(at, want, "{quote} from {from}");
                if let Some(at) = at {
                    from = at + quote.len();
                }
                let want = at.and_then(|at| sentence_at(text, at, quote.len()));
                assert_eq!(cutter.sentence(at, quote.len()), want, "{quote}");
            }
        }
    }

    #[test]
    fn cuts_keep_the_quote_place_only_where_it_is_first_in_the_sentence() {
        let text = "Over 5 jobs. Then 5 jobs and 5 jobs.  x ";
        let cases = [
            ("Over 5 jobs.", Some(5), Some(5)),
            ("Then 5 jobs and 5 jobs.", Some(18), Some(5)),
            ("Then 5 jobs and 5 jobs.", None, None),
            // A place before the sentence, or past what trimming left of it.
            ("Then 5 jobs and 5 jobs.", Some(5), None),
            ("x", Some(39), None),
        ];
        for (sentence, first, want) in cases {
            let start = text.find(sentence).unwrap();
            let cut = Cut::new(text, &text[start..start + sentence.len()], first, "5 jobs");
            assert_eq!(cut.span, (start, start + sentence.len()), "{sentence}");
            assert_eq!(cut.quote_at, want, "{sentence} {first:?}");
        }
    }

    #[test]
    fn sentences_of_later_quotes_are_those_sentence_at_cuts() {
        let texts = [
            "It grew 5.2 percent. The U.S. gave 4 jobs; then 6.5 more! Next? x",
            " a. b.  c; U.S. D.C. ok. J. Smith 5 ",
            "no end here at all",
            "ends. ",
        ];
        for text in texts {
            let n = text.len();
            let spans = (0..n).flat_map(|a| (a + 1..=n.min(a + 4)).map(move |e| (a, e)));
            for (a1, e1) in spans.clone() {
                let Some(cut) = sentence_at(text, a1, e1 - a1) else {
                    continue;
                };
                for (a2, e2) in spans.clone() {
                    let want = sentence_at(text, a2, e2 - a2);
                    let got = sentence_of(text, (a2, e2), Some((cut, (a1, e1))));
                    assert_eq!(got, want, "{text:?} {a1}..{e1} {a2}..{e2}");
                    let same = |s: Option<&str>| s.map(|s| (s.as_ptr(), s.len()));
                    assert_eq!(same(got), same(want), "{text:?} {a1}..{e1} {a2}..{e2}");
                }
            }
        }
        assert_eq!(sentence_of("a. b", (3, 4), Some(("", (0, 1)))), Some("b"));
    }
}
