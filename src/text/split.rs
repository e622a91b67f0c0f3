//! Splitting at white space 64 bytes at a time: the words `str::split_whitespace` gives, found
//! from a bit mask of each block's white-space bytes rather than a branch a byte (a branch a
//! byte mispredicts at every word's two ends, which cost more than the rest of a split).

/// The words of `text` between white space, in order: what `text.split_whitespace()` gives.
pub(crate) fn words(text: &str) -> impl Iterator<Item = &str> {
    word_spans(text).filter_map(|(start, end)| text.get(start..end))
}

/// Where each of the [`words`] of `text` starts and ends (byte offsets).
pub(crate) fn word_spans(text: &str) -> WordSpans<'_> {
    WordSpans::new(text, false)
}

/// Where each run of bytes between `' '` bytes (no other white space) starts and ends: the
/// non-empty pieces of `text.split(' ')`.
pub(crate) fn space_spans(text: &str) -> WordSpans<'_> {
    WordSpans::new(text, true)
}

impl WordSpans<'_> {
    fn new(text: &str, spaces_only: bool) -> WordSpans<'_> {
        WordSpans {
            text,
            spaces_only,
            base: 0,
            edges: 0,
            next: 0,
            space_before: true,
            carry: 0,
            start: None,
        }
    }
}

/// The iterator of [`word_spans`]: the edges of words (where white space gives way to a word
/// or a word to white space) block by block, each block's edges a bit mask.
pub(crate) struct WordSpans<'t> {
    text: &'t str,
    /// Whether only `' '` parts words ([`space_spans`]).
    spaces_only: bool,
    /// Where the current block starts.
    base: usize,
    /// The current block's edges not yet read (bit k: byte `base + k`).
    edges: u64,
    /// Where the next block starts.
    next: usize,
    /// Whether the byte before the next block is white space (true before the text).
    space_before: bool,
    /// White-space bytes of the next block: the end of a space character begun in this one.
    carry: u64,
    /// Where the word being read starts.
    start: Option<usize>,
}

impl Iterator for WordSpans<'_> {
    type Item = (usize, usize);

    // Inlined into each caller's loop, so that reading an edge costs a few instructions and the
    // state may live in registers; the block reading behind it is a call once per 64 bytes.
    #[inline]
    fn next(&mut self) -> Option<(usize, usize)> {
        loop {
            // Edges alternate: a word's start, then its end.
            while self.edges != 0 {
                let at = self.base + self.edges.trailing_zeros() as usize;
                self.edges &= self.edges - 1;
                match self.start.take() {
                    None => self.start = Some(at),
                    Some(start) => return Some((start, at)),
                }
            }
            if self.next >= self.text.len() {
                return self.start.take().map(|start| (start, self.text.len()));
            }
            self.read_block();
        }
    }
}

impl WordSpans<'_> {
    /// Finds the edges of the next block of (up to) 64 bytes.
    #[inline(never)]
    fn read_block(&mut self) {
        let end = (self.next + 64).min(self.text.len());
        let bytes = self.text.as_bytes().get(self.next..end).unwrap_or_default();
        let (mut space, mut maybe) = (std::mem::take(&mut self.carry), 0);
        let mut chunks = bytes.chunks_exact(8);
        for (k, chunk) in (0..).step_by(8).zip(&mut chunks) {
            let x = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
            let (s, m) = if self.spaces_only {
                (gather8(equal8(x, b' ')), 0)
            } else {
                classify8(x)
            };
            space |= s << k;
            maybe |= m << k;
        }
        let k = bytes.len() - chunks.remainder().len();
        for (j, &b) in chunks.remainder().iter().enumerate() {
            let (s, m) = if self.spaces_only {
                (b == b' ', false)
            } else {
                (is_ascii_space(b), may_start_space(b))
            };
            space |= u64::from(s) << (k + j);
            maybe |= u64::from(m) << (k + j);
        }
        // Only the lead bytes of possible non-ASCII spaces are decoded.
        while maybe != 0 {
            let k = maybe.trailing_zeros() as usize;
            maybe &= maybe - 1;
            let c = self
                .text
                .get(self.next + k..)
                .and_then(|t| t.chars().next());
            if let Some(c) = c.filter(|c| c.is_whitespace()) {
                let bits = ((1u128 << c.len_utf8()) - 1) << k;
                space |= bits as u64;
                self.carry |= (bits >> 64) as u64;
            }
        }
        let n = bytes.len();
        let valid = u64::MAX >> (64 - n);
        self.edges = (space ^ ((space << 1) | u64::from(self.space_before))) & valid;
        self.space_before = (space >> (n - 1)) & 1 == 1;
        self.base = self.next;
        self.next = end;
    }
}

/// True for an ASCII white-space byte (what `char::is_whitespace` holds below 0x80).
fn is_ascii_space(b: u8) -> bool {
    b == b' ' || b.wrapping_sub(b'\t') < 5
}

/// True for the first byte of a character that may be white space: U+0085 and U+00A0 (0xC2),
/// U+1680 (0xE1), U+2000 to U+205F (0xE2), U+3000 (0xE3).
fn may_start_space(b: u8) -> bool {
    b == 0xc2 || b.wrapping_sub(0xe1) < 3
}

/// Eight copies of a byte, and the high bit of each.
const ONES: u64 = 0x0101_0101_0101_0101;
const HIGH: u64 = 0x8080_8080_8080_8080;

/// The [`is_ascii_space`] and [`may_start_space`] bytes of eight (little-endian in `x`), as
/// the low eight bits of two masks, without a branch: each test sets a byte's high bit.
fn classify8(x: u64) -> (u64, u64) {
    // Most text is printable ASCII: there a byte below 0x21 is a space and no byte may start
    // another white-space character.
    let y = x | HIGH;
    let below_space = !y.wrapping_sub(ONES * 0x20) & HIGH;
    if (x | below_space) & HIGH == 0 {
        return (gather8(!y.wrapping_sub(ONES * 0x21) & HIGH), 0);
    }
    let space = equal8(x, b' ') | (low7_within(x, b'\t', b'\r' + 1) & !x);
    let maybe = equal8(x, 0xc2) | (low7_within(x, 0xe1 & 0x7f, (0xe3 & 0x7f) + 1) & x);
    (gather8(space), gather8(maybe))
}

/// The high bit of each byte of `x` equal to `c` (exact: no borrow crosses bytes).
fn equal8(x: u64, c: u8) -> u64 {
    let v = x ^ (ONES * u64::from(c));
    !(((v & !HIGH) + !HIGH) | v) & HIGH
}

/// The high bit of each byte of `x` whose low seven bits are in `lo..hi` (`hi` at most 0x80).
fn low7_within(x: u64, lo: u8, hi: u8) -> u64 {
    let y = x | HIGH;
    y.wrapping_sub(ONES * u64::from(lo)) & !y.wrapping_sub(ONES * u64::from(hi)) & HIGH
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
    fn eight_bytes_classify_as_one_byte_does() {
        for lane in 0..8 {
            for b in 0..=255u8 {
                for fill in [b'a', b' ', b'\n', 0xe2] {
                    let mut bytes = [fill; 8];
                    bytes[lane] = b;
                    let want = bytes.iter().enumerate().fold((0, 0), |(s, m), (k, &c)| {
                        let s = s | u64::from(is_ascii_space(c)) << k;
                        (s, m | u64::from(may_start_space(c)) << k)
                    });
                    assert_eq!(classify8(u64::from_le_bytes(bytes)), want, "{bytes:?}");
                }
            }
        }
    }

    #[test]
    fn words_split_as_split_whitespace_does() {
        let mut text = every_space_text();
        text.push_str("\u{3000}\u{1e00}\u{3001}\u{c2}\u{2060}");
        // Every byte value below 0x80 and every lead byte, at every place of a block.
        let mut all: String = (0..0x80u8).map(char::from).collect();
        all.push_str("\u{80}\u{c0}\u{800}\u{1000}\u{10000}\u{1e00}\u{2014}\u{3001}\u{fffd}");
        for t in [
            text.as_str(),
            &all,
            "",
            " ",
            "one",
            " a  b\tc\u{0b}d ",
            "caf\u{e9} \u{2014} ok",
        ] {
            for lead in 0..70 {
                let t = format!("{}{t}", "y ".repeat(lead / 2) + &"z".repeat(lead % 2));
                let got: Vec<&str> = words(&t).collect();
                let want: Vec<&str> = t.split_whitespace().collect();
                assert_eq!(got, want, "{t:?}");
                let got: Vec<&str> = space_spans(&t).map(|(a, b)| &t[a..b]).collect();
                let want: Vec<&str> = t.split(' ').filter(|w| !w.is_empty()).collect();
                assert_eq!(got, want, "{t:?}");
            }
        }
    }
}
