//! Inline cleaning of a block's text: Markdown inline markup, inline HTML tags and entities,
//! typographic quotes and white space, all in one linear pass.

use crate::text::{push_norm, push_plain, push_space, trim_in_place};

/// A `<sup>` whose content is at most this long and holds no letters is a footnote mark.
const FOOTNOTE_MAX_CHARS: usize = 4;
/// Entity names and numbers are short; a longer `&…;` run is literal text.
const ENTITY_MAX_CHARS: usize = 10;

/// Remembers the next position of one byte so repeated look-ups stay linear overall.
struct NextByte {
    byte: u8,
    at: Option<usize>,
    exhausted: bool,
}

impl NextByte {
    fn new(byte: u8) -> Self {
        NextByte {
            byte,
            at: None,
            exhausted: false,
        }
    }

    /// The first position ≥ `from` holding the byte.
    fn find(&mut self, s: &[u8], from: usize) -> Option<usize> {
        if self.exhausted {
            return None;
        }
        if let Some(at) = self.at {
            if at >= from {
                return Some(at);
            }
        }
        let found = s
            .get(from..)
            .and_then(|rest| memchr::memchr(self.byte, rest))
            .map(|p| p + from);
        self.at = found;
        self.exhausted = found.is_none();
        found
    }
}

/// Bytes that need a look in [`clean_markdown`]: markup, white space and non-ASCII.
const SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    while i < 256 {
        t[i] = i >= 0x80;
        i += 1;
    }
    let marks = b"\\![]*`_<& \t\n\r";
    let mut j = 0;
    while j < marks.len() {
        t[marks[j] as usize] = true;
        j += 1;
    }
    t
};

/// Strips Markdown and inline HTML from one block's joined lines and normalises the text:
/// links keep their text, images go, emphasis marks and tags go, escapes and entities decode.
pub fn clean_markdown(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let mut gt = NextByte::new(b'>');
    let mut lt = NextByte::new(b'<');
    let mut close_paren = NextByte::new(b')');
    let mut close_brace = NextByte::new(b'}');
    let mut close_bracket = NextByte::new(b']');
    let mut comment_end_exhausted = false;
    let mut open_brackets = 0usize;
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        match c {
            b'\\' => match b.get(i + 1) {
                Some(&n) if n.is_ascii_punctuation() => {
                    out.push(n as char);
                    i += 2;
                }
                Some(b' ') | Some(b'\n') | None => {
                    push_space(&mut out);
                    i += 2;
                }
                _ => {
                    out.push('\\');
                    i += 1;
                }
            },
            b'!' if b.get(i + 1) == Some(&b'[') => {
                // An image: alt text and target both go.
                match close_bracket.find(b, i + 2) {
                    Some(end) => {
                        i = skip_target(b, end + 1, &mut close_paren, &mut close_brace);
                    }
                    None => {
                        out.push('!');
                        i += 1;
                    }
                }
            }
            b'[' => {
                open_brackets += 1;
                i += 1;
            }
            b']' if open_brackets > 0 => {
                open_brackets -= 1;
                i = skip_target(b, i + 1, &mut close_paren, &mut close_brace);
            }
            b'*' | b'`' => i += 1,
            b'_' => {
                let prev_word = i > 0 && b.get(i - 1).is_some_and(|p| p.is_ascii_alphanumeric());
                let next_word = b.get(i + 1).is_some_and(|n| n.is_ascii_alphanumeric());
                if prev_word && next_word {
                    out.push('_');
                }
                i += 1;
            }
            b'<' => i = tag(s, i, &mut out, &mut gt, &mut lt, &mut comment_end_exhausted),
            b'&' => i = entity(s, i, &mut out),
            b' ' | b'\t' | b'\n' | b'\r' => {
                push_space(&mut out);
                i += 1;
            }
            0..=0x7F => {
                let start = i;
                i = plain_run_end(b, i + 1);
                out.push_str(s.get(start..i).unwrap_or_default());
            }
            _ => {
                let ch = s.get(i..).and_then(|r| r.chars().next()).unwrap_or(' ');
                push_norm(&mut out, ch);
                i += ch.len_utf8().max(1);
            }
        }
    }
    trim_clean(&mut out);
    out
}

/// [`trim_in_place`] for what [`clean_markdown`] writes: white space reaches it through
/// [`push_space`] (never first, never twice), so only a final space is to take; a vertical tab
/// or form feed, copied as plain bytes, sends the text to the full trim.
fn trim_clean(out: &mut String) {
    if out.ends_with(' ') {
        out.pop();
    }
    let edge = |b: Option<&u8>| matches!(b, Some(0x0B | 0x0C));
    if edge(out.as_bytes().first()) || edge(out.as_bytes().last()) {
        trim_in_place(out);
    }
}

/// Bytes the block scan in [`plain_run_end`] looks at together: one SSE2 vector.
const LANES: usize = 16;

/// The end of a run of plain ASCII that a plain byte starts just before `i`: it is copied as
/// it is. A space joins the run unless it follows another: the run then ends in one space,
/// which is what [`push_space`] would add there (the byte before is not a space).
fn plain_run_end(b: &[u8], mut i: usize) -> usize {
    loop {
        // A block of bytes at a time up to one that may need a look, then that byte exactly.
        // The loop tests the block's end only (`i` is at least 1), which the slice then holds.
        while i + LANES <= b.len() {
            let Some(window) = b.get(i - 1..i + LANES).and_then(|w| w.try_into().ok()) else {
                break;
            };
            let stop = special_mask(window);
            if stop != 0 {
                i += stop.trailing_zeros() as usize;
                break;
            }
            i += LANES;
        }
        let Some(&x) = b.get(i) else {
            return i;
        };
        let plain = if x == b' ' {
            b.get(i - 1) != Some(&b' ')
        } else {
            !SPECIAL[x as usize]
        };
        if !plain {
            return i;
        }
        i += 1;
    }
}

/// One bit per byte of `window[1..]` (the lowest first), set where that byte may end a plain
/// run: every byte [`SPECIAL`] holds but a space, a space after a space (`window[0]` is the
/// byte before the block), and a few plain bytes besides (`"#$%'()^`), which the exact test
/// after the scan lets through: covering them saves compares on every block.
#[cfg(target_arch = "x86_64")]
fn special_mask(window: &[u8; LANES + 1]) -> u32 {
    // SAFETY: SSE2 is part of the x86_64 baseline: every CPU that runs this code has it.
    unsafe { sse2_special_mask(window) }
}

/// [`special_mask`] with SSE2: bytes below `+` (controls, `!`, `&`, `*`, and non-ASCII as
/// negative), a space unless it follows a space, `<`, and the range `[`..`` ` `` (brackets,
/// backslash, underscore, backtick), in ten vector operations and a byte mask; the portable
/// form compiled to twice as many.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
fn sse2_special_mask(window: &[u8; LANES + 1]) -> u32 {
    use std::arch::x86_64::{
        __m128i, _mm_add_epi8, _mm_andnot_si128, _mm_cmpeq_epi8, _mm_cmpgt_epi8, _mm_cmplt_epi8,
        _mm_loadu_si128, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8, _mm_xor_si128,
    };
    let at = window.as_ptr();
    // SAFETY: both loads read 16 bytes of the 17 of `window`, from its first and its second
    // byte; `loadu` needs no alignment. (Built from two halves, each took four instructions.)
    let (before, x) = unsafe {
        (
            _mm_loadu_si128(at.cast::<__m128i>()),
            _mm_loadu_si128(at.add(1).cast::<__m128i>()),
        )
    };
    let space = _mm_set1_epi8(b' ' as i8);
    let (is_space, after_space) = (_mm_cmpeq_epi8(x, space), _mm_cmpeq_epi8(before, space));
    // Below '+' as signed bytes, but a space that starts a gap: it joins the run.
    let low = _mm_xor_si128(
        _mm_cmplt_epi8(x, _mm_set1_epi8(b'+' as i8)),
        _mm_andnot_si128(after_space, is_space),
    );
    let lt = _mm_cmpeq_epi8(x, _mm_set1_epi8(b'<' as i8));
    // 0x5B..=0x60 moved to the lowest signed bytes, -128..=-123.
    let shifted = _mm_add_epi8(x, _mm_set1_epi8(0x80u8.wrapping_sub(b'[') as i8));
    let marks = _mm_cmpgt_epi8(_mm_set1_epi8(-122), shifted);
    _mm_movemask_epi8(_mm_or_si128(_mm_or_si128(low, lt), marks)) as u32
}

/// One bit per byte of `window[1..]` where that byte may end a plain run (see the x86_64 form).
#[cfg(not(target_arch = "x86_64"))]
fn special_mask(window: &[u8; LANES + 1]) -> u32 {
    window.windows(2).enumerate().fold(0, |mask, (k, pair)| {
        let (before, x) = (pair[0], pair[1]);
        let stop = if x == b' ' {
            before == b' '
        } else {
            SPECIAL[x as usize]
        };
        mask | (u32::from(stop) << k)
    })
}

/// After a link's `]`: skips a `(target)` and a pandoc `{attributes}` block; returns the new index.
fn skip_target(b: &[u8], mut i: usize, paren: &mut NextByte, brace: &mut NextByte) -> usize {
    if b.get(i) == Some(&b'(') {
        if let Some(end) = paren.find(b, i + 1) {
            i = end + 1;
        }
    }
    if b.get(i) == Some(&b'{') {
        if let Some(end) = brace.find(b, i + 1) {
            i = end + 1;
        }
    }
    i
}

/// Tags whose boundary separates words ("a<br>b" is "a b"); other tags join ("<u>Pillar</u>.").
const BREAKING_TAGS: [&str; 22] = [
    "br",
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "td",
    "th",
    "tr",
    "table",
    "tbody",
    "thead",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "figure",
    "figcaption",
    "img",
    "blockquote",
];

/// Handles a `<` at `i`: an HTML tag or comment is dropped, an autolink keeps its URL, a footnote
/// `<sup>` is dropped whole; anything else is a literal `<`. Returns the index after it.
fn tag(
    s: &str,
    i: usize,
    out: &mut String,
    gt: &mut NextByte,
    lt: &mut NextByte,
    comment_end_exhausted: &mut bool,
) -> usize {
    let b = s.as_bytes();
    let rest = s.get(i..).unwrap_or_default();
    if rest.starts_with("<!--") {
        if !*comment_end_exhausted {
            if let Some(p) = rest.find("-->") {
                return i + p + 3;
            }
            *comment_end_exhausted = true;
        }
        out.push('<');
        return i + 1;
    }
    let starts_tag = b
        .get(i + 1)
        .is_some_and(|n| n.is_ascii_alphabetic() || *n == b'/' || *n == b'!' || *n == b'?');
    let Some(end) = gt.find(b, i + 1).filter(|_| starts_tag) else {
        out.push('<');
        return i + 1;
    };
    if lt.find(b, i + 1).is_some_and(|next_lt| next_lt < end) {
        out.push('<');
        return i + 1;
    }
    let inner = s.get(i + 1..end).unwrap_or_default();
    if inner.starts_with("http://") || inner.starts_with("https://") || inner.starts_with("mailto:")
    {
        push_plain(out, inner);
        return end + 1;
    }
    // The tag name: its letters and digits, compared ignoring case (no lower-case copy).
    let named = inner.trim_start_matches('/');
    let name = named
        .get(..named.bytes().take_while(u8::is_ascii_alphanumeric).count())
        .unwrap_or_default();
    if name.eq_ignore_ascii_case("sup") && !inner.starts_with('/') {
        if let Some(after) = footnote_end(s, end + 1) {
            return after;
        }
    }
    if BREAKING_TAGS.iter().any(|t| name.eq_ignore_ascii_case(t)) {
        push_space(out);
    }
    end + 1
}

/// When `<sup>` content from `start` is a footnote mark ("1", "*", "†") closed by `</sup>`,
/// the index after `</sup>`.
fn footnote_end(s: &str, start: usize) -> Option<usize> {
    let rest = s.get(start..)?;
    let close = rest
        .char_indices()
        .take(FOOTNOTE_MAX_CHARS + 1)
        .find(|(_, c)| *c == '<')
        .map(|(p, _)| p)?;
    let content = rest.get(..close)?;
    let after = rest.get(close..)?;
    let is_mark = !content.trim().is_empty() && !content.chars().any(char::is_alphabetic);
    if is_mark
        && after
            .get(..6)
            .is_some_and(|t| t.eq_ignore_ascii_case("</sup>"))
    {
        Some(start + close + 6)
    } else {
        None
    }
}

/// Decodes an HTML entity at `i` (`&amp;`, `&nbsp;`, `&#8217;`, `&#x2019;`); else a literal `&`.
fn entity(s: &str, i: usize, out: &mut String) -> usize {
    let rest = s.get(i + 1..).unwrap_or_default();
    let semi = rest
        .bytes()
        .take(ENTITY_MAX_CHARS + 1)
        .position(|c| c == b';');
    let decoded = semi.and_then(|p| rest.get(..p)).and_then(decode_entity);
    match (decoded, semi) {
        (Some(c), Some(p)) => {
            push_norm(out, c);
            i + 1 + p + 1
        }
        _ => {
            out.push('&');
            i + 1
        }
    }
}

/// The character an entity name or number stands for.
pub fn decode_entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        return char::from_u32(code).filter(|c| *c != '\0');
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{A0}',
        "ndash" => '\u{2013}',
        "mdash" => '\u{2014}',
        "lsquo" => '\u{2018}',
        "rsquo" => '\u{2019}',
        "ldquo" => '\u{201C}',
        "rdquo" => '\u{201D}',
        "hellip" => '\u{2026}',
        "bull" => '\u{2022}',
        "middot" => '\u{B7}',
        "eacute" => '\u{E9}',
        "aacute" => '\u{E1}',
        "iacute" => '\u{ED}',
        "oacute" => '\u{F3}',
        "uacute" => '\u{FA}',
        "ntilde" => '\u{F1}',
        "copy" => '\u{A9}',
        "reg" => '\u{AE}',
        "trade" => '\u{2122}',
        "shy" => '\u{AD}',
        "zwj" => '\u{200D}',
        "zwnj" => '\u{200C}',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_inline_cleaning() {
        let cases = [
            ("**Bold Lead:** rest", "Bold Lead: rest"),
            ("**Lead: **The rest", "Lead: The rest"),
            (
                "*italic* and _under_ and snake_case",
                "italic and under and snake_case",
            ),
            (
                "see [the plan](https://x.gov/a_b \"t\") now",
                "see the plan now",
            ),
            (
                "[Root\nCauses,](https://x.gov/p.pdf)\nwhich",
                "Root Causes, which",
            ),
            ("[Pillar]{.underline} one", "Pillar one"),
            (
                "before ![a map](img.png){width=\"3in\"} after",
                "before after",
            ),
            ("costs \\$4.2 billion \\*", "costs $4.2 billion *"),
            ("\\###", "###"),
            ("jobs.<sup>1</sup> More", "jobs. More"),
            ("the 21<sup>st</sup> century", "the 21st century"),
            ("<u>Pillar I: Growth</u>.", "Pillar I: Growth."),
            ("a<br />b", "a b"),
            ("a<BR>b<Td>c</TH>d<brx>e<SUP>2</Sup>", "a b c de"),
            (
                "<a href=\"https://x.gov\"\ndata-id=\"7\">Read the full strategy here </a>",
                "Read the full strategy here",
            ),
            (
                "Tom &amp; Jerry&nbsp;&#8217;s &#x201C;x&#x201D; &bogus; & more",
                "Tom & Jerry 's \"x\" &bogus; & more",
            ),
            ("Harris\u{2019}s \u{201C}Call\u{201D}", "Harris's \"Call\""),
            ("a  \u{A0} b\u{2060}c\n  d  ", "a bc d"),
            ("x < 5 and y > 3", "x < 5 and y > 3"),
            ("<https://example.gov/x>", "https://example.gov/x"),
            ("kept <!-- hidden --> text", "kept text"),
            ("open <!-- never closed", "open <!-- never closed"),
            ("[unclosed link text", "unclosed link text"),
            ("trailing \\", "trailing"),
        ];
        for (raw, want) in cases {
            assert_eq!(clean_markdown(raw), want, "{raw:?}");
        }
    }

    #[test]
    fn plain_runs_end_where_a_byte_loop_ends_them() {
        // The run rule byte by byte, as the block scan must give it.
        let by_bytes = |b: &[u8], mut i: usize| {
            while let Some(&x) = b.get(i) {
                let plain = if x == b' ' {
                    b.get(i - 1) != Some(&b' ')
                } else {
                    !SPECIAL[x as usize]
                };
                if !plain {
                    break;
                }
                i += 1;
            }
            i
        };
        let mut texts: Vec<Vec<u8>> =
            vec![b"a  b c d e f g h i j k  l m n o p q r s  t u v w x y  z".to_vec()];
        for lane in 0..2 * LANES + 1 {
            for x in 0..=255u8 {
                let mut t = b"ab cd ef gh ij kl mn op qr st uv wx yz AB CD".to_vec();
                t[lane + 1] = x;
                texts.push(t.clone());
                t[lane] = b' ';
                texts.push(t);
            }
        }
        for t in &texts {
            for start in 1..t.len() {
                assert_eq!(plain_run_end(t, start), by_bytes(t, start), "{t:?} {start}");
            }
        }
    }

    #[test]
    fn the_special_mask_covers_every_byte_that_ends_a_run() {
        // Every byte value in every lane, after a space and after a letter: the mask holds
        // each byte the exact rule stops at, and no letter, digit or lone space.
        for lane in 0..LANES {
            for x in 0..=255u8 {
                for before in [b' ', b'a'] {
                    let mut window = [b'a'; LANES + 1];
                    window[lane + 1] = x;
                    window[lane] = before;
                    let stops = if x == b' ' {
                        before == b' '
                    } else {
                        SPECIAL[x as usize]
                    };
                    let bit = special_mask(&window) >> lane & 1 == 1;
                    assert!(bit || !stops, "{x:#x} after {before:#x} in lane {lane}");
                    if x.is_ascii_alphanumeric() || (x == b' ' && before != b' ') {
                        assert!(!bit, "{x:#x} after {before:#x} in lane {lane}");
                    }
                    // The other lanes hold letters and at most a space after one.
                    assert_eq!(special_mask(&window) & !(1 << lane), 0);
                }
            }
        }
    }

    #[test]
    fn cleaned_text_is_trimmed_as_the_full_trim_does() {
        let cases = [
            "", " ", "a", "a ", "a b", "\u{b}", "\u{b}a", "a\u{c}", "a \u{b}", "a\u{b} ", "\u{c} a",
        ];
        for text in cases {
            let (mut fast, mut full) = (text.to_string(), text.to_string());
            trim_clean(&mut fast);
            trim_in_place(&mut full);
            assert_eq!(fast, full, "{text:?}");
        }
        // Through the cleaner: spaces, breaks and entities at both ends.
        for (raw, want) in [
            (" \n a <br> ", "a"),
            ("&#11;a&#32;", "a"),
            ("a\u{c}&nbsp;", "a"),
            ("\u{b} a b \t", "a b"),
        ] {
            assert_eq!(clean_markdown(raw), want, "{raw:?}");
        }
    }

    #[test]
    fn pathological_inputs_stay_linear() {
        let many_lt = "<a".repeat(200_000);
        assert_eq!(clean_markdown(&many_lt).len(), many_lt.len());
        let many_links = "](".repeat(200_000);
        let _ = clean_markdown(&format!("{}{many_links}", "[".repeat(200_000)));
        let _ = clean_markdown(&"<!--".repeat(100_000));
        let _ = clean_markdown(&"&amp".repeat(100_000));
        let _ = clean_markdown("\u{e9}<\u{e9}&\u{e9}\\\u{e9}");
    }
}
