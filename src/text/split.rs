//! Splitting at white space eight bytes at a time: the words `str::split_whitespace` gives,
//! found from a bit mask of each chunk's white-space bytes rather than a branch a byte (a branch
//! a byte mispredicts at every word's two ends, which cost more than the rest of a split).

/// Calls `f(start, end)` for each word of `text` in order, until it returns false: the words
/// `str::split_whitespace` gives, or with `spaces_only` the non-empty pieces of
/// `text.split(' ')`. Eight bytes are classified at a time and each word costs a few
/// operations, without the state of an iterator between words (an iterator cost three times as much a
/// word). `f` is called from one place, so that it is inlined.
pub(crate) fn each_word(text: &str, spaces_only: bool, mut f: impl FnMut(usize, usize) -> bool) {
    let bytes = text.as_bytes();
    let (mut start, mut in_word) = (0, false);
    // Space bits of the next chunk: the end of a space character begun in this one.
    let mut carry = 0u32;
    let mut space_before = 1u64;
    let mut at = 0;
    let mut chunks = bytes.chunks_exact(8);
    // The last chunk is padded with spaces: they close its last word (all eight are spaces
    // when the text ends a chunk).
    let mut tail = [b' '; 8];
    tail[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    let mut tail = Some(u64::from_le_bytes(tail));
    loop {
        let x = match chunks.next() {
            Some(chunk) => u64::from_le_bytes(chunk.try_into().unwrap_or_default()),
            None => match tail.take() {
                Some(x) => x,
                None => return,
            },
        };
        let space = if spaces_only {
            equal8(x, b' ')
        } else {
            ascii_space8(x)
        };
        let mut bits = std::mem::take(&mut carry);
        if !spaces_only && x & HIGH != 0 {
            // Only the lead bytes of possible non-ASCII spaces are decoded.
            let mut maybe = gather8(equal8(x, 0xc2) | (low7_within(x, 0x61, 0x64) & x));
            while maybe != 0 {
                let i = maybe.trailing_zeros() as usize;
                maybe &= maybe - 1;
                let c = text.get(at + i..).and_then(|t| t.chars().next());
                if let Some(c) = c.filter(|c| c.is_whitespace()) {
                    let run = ((1u32 << c.len_utf8()) - 1) << i;
                    bits |= run & 0xff;
                    carry |= run >> 8;
                }
            }
        }
        let space = gather8(space) | u64::from(bits);
        let mut edges = (space ^ ((space << 1) | space_before)) & 0xff;
        space_before = space >> 7;
        while edges != 0 {
            let i = at + edges.trailing_zeros() as usize;
            edges &= edges - 1;
            if in_word && !f(start, i) {
                return;
            }
            start = i;
            in_word = !in_word;
        }
        at += 8;
    }
}

/// Eight copies of a byte, and the high bit of each.
const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The high bit of each byte of `x` equal to `c` (exact: no borrow crosses bytes).
pub(crate) fn equal8(x: u64, c: u8) -> u64 {
    let v = x ^ (ONES * u64::from(c));
    !(((v & !HIGH) + !HIGH) | v) & HIGH
}

/// The high bit of each byte of `x` whose low seven bits are in `lo..hi` (`hi` at most 0x80).
fn low7_within(x: u64, lo: u8, hi: u8) -> u64 {
    let y = x | HIGH;
    y.wrapping_sub(ONES * u64::from(lo)) & !y.wrapping_sub(ONES * u64::from(hi)) & HIGH
}

/// The high bit of each ASCII white-space byte of `x` (`' '` and `'\t'..='\r'`): bytes below
/// `'!'` are spaces but for the rare control characters, which are told apart only when
/// there are any.
fn ascii_space8(x: u64) -> u64 {
    let below = |c: u8| !(x | HIGH).wrapping_sub(ONES * u64::from(c)) & !x & HIGH;
    let low = below(b'!');
    if below(b' ') == 0 {
        return low;
    }
    equal8(x, b' ') | (low7_within(x, b'\t', b'\r' + 1) & !x)
}

/// The high bits of the eight bytes of `bits` (no other bit set) as bits 0 to 7.
fn gather8(bits: u64) -> u64 {
    ((bits >> 7).wrapping_mul(0x0102_0408_1020_4080)) >> 56
}

/// Words between every white-space character Unicode has, ASCII and not, for tests of
/// splitters against `split_whitespace`.
#[cfg(test)]
pub(crate) fn every_space_text() -> String {
    let spaces = (0..=0x3000)
        .filter_map(char::from_u32)
        .filter(|c| c.is_whitespace());
    let mut text = String::from("\u{a0} ");
    for (k, c) in spaces.enumerate() {
        text.push_str(&format!("w{k}\u{e9}\u{2014}\u{85}\u{2003}{c}\u{1680}x{c}"));
    }
    text.push_str("\u{2060}end");
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_split_as_split_whitespace_does() {
        let mut all: String = (0..0x80u8).map(char::from).collect();
        all.push_str("\u{80}\u{c0}\u{800}\u{1000}\u{10000}\u{1e00}\u{2014}\u{3001}\u{fffd}");
        let every = every_space_text();
        let mut texts = vec![every.clone(), all, String::new(), " ".into(), "one".into()];
        texts.push(" a  b\tc\u{0b}d \u{a0}e\u{3000}".into());
        // Every place of a chunk, for words, spaces and spaces of three bytes.
        for shift in 0..9 {
            texts.push(format!(
                "{}ab\u{2003}cd  e\u{85}f g\u{2029}",
                "x".repeat(shift)
            ));
            texts.push(format!(
                "{}{}",
                " ".repeat(shift),
                every.get(..200).unwrap_or("")
            ));
        }
        for text in &texts {
            let mut got = Vec::new();
            each_word(text, false, |a, b| {
                got.push(&text[a..b]);
                true
            });
            let want: Vec<&str> = text.split_whitespace().collect();
            assert_eq!(got, want, "{text:?}");
            let mut got = Vec::new();
            each_word(text, true, |a, b| {
                got.push(&text[a..b]);
                true
            });
            // Stopped after the first word.
            let mut first = None;
            each_word(text, false, |a, b| {
                assert!(first.replace(&text[a..b]).is_none());
                false
            });
            assert_eq!(first, text.split_whitespace().next());
            let want: Vec<&str> = text.split(' ').filter(|w| !w.is_empty()).collect();
            assert_eq!(got, want, "{text:?}");
        }
    }

    #[test]
    fn eight_bytes_find_spaces_as_one_byte_does() {
        for lane in 0..8 {
            for b in 0..=127u8 {
                for fill in [b'a', b' ', b'\n', 0x7f] {
                    let mut bytes = [fill; 8];
                    bytes[lane] = b;
                    let want = bytes.iter().enumerate().fold(0, |s, (k, &c)| {
                        s | u64::from(char::from(c).is_whitespace()) << k
                    });
                    let got = gather8(ascii_space8(u64::from_le_bytes(bytes)));
                    assert_eq!(got, want, "{bytes:?}");
                }
            }
        }
    }
}
