//! Tokens: one claim's text cut once into numbers, words and symbols with byte spans, and the
//! view ([`Toks`]) every other step reads them through.

use super::masks::{self, alnum_run};
use super::numbers::shapes::{could_be_spelled, initial_run_shaped, is_number_initial};
use super::numbers::words::lead_articles;

/// Typical bytes per token, to size the token buffer once.
const TOKEN_BYTES: usize = 5;
/// Largest token buffer kept between claims (about 1 MB).
const MAX_KEPT_TOKENS: usize = 1 << 15;

/// What one token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// Digits with inner `,` and `.` ("8,000", "4.2").
    Num,
    /// Letters, digits after a letter, inner hyphens, apostrophes and abbreviation dots.
    Word,
    /// Any other single character.
    Sym(char),
    /// A URL or e-mail address, never read.
    Skip,
}

/// One token with its byte span; `gap` is true when whitespace (or the text start) precedes it,
/// `lead` when the token may start a figure (a number, or a word with the shape of a number
/// word: [`could_be_spelled`]), so the reader skips every other token without a look.
#[derive(Debug, Clone, Copy)]
pub(super) struct Tok {
    pub(super) kind: Kind,
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) gap: bool,
    pub(super) lead: bool,
}

/// The buffers [`with_tokens`] reuses: the tokens, the leads and the text's letter and digit
/// masks.
type Buffers = (Vec<Tok>, Vec<usize>, Vec<u64>);

/// Cuts `text` into tokens and runs `f` over them and the indices of the leading tokens
/// ([`Tok::lead`]), reusing one set of buffers per thread: a claim's tokens take several
/// times its bytes, and fresh buffers cost page faults.
pub(super) fn with_tokens<R>(text: &str, f: impl FnOnce(&Toks<'_>, &[usize]) -> R) -> R {
    thread_local! {
        static BUFFERS: std::cell::RefCell<Buffers> =
            const { std::cell::RefCell::new((Vec::new(), Vec::new(), Vec::new())) };
    }
    let (mut toks, mut leads, mut alnum) = BUFFERS.with(|b| b.take());
    toks.clear();
    leads.clear();
    toks.reserve(text.len() / TOKEN_BYTES + 1);
    masks::fill(text.as_bytes(), &mut alnum);
    tokenize(text, &alnum, &mut toks, &mut leads);
    lead_articles(text, &alnum, &mut toks, &mut leads);
    let out = f(&Toks { text, toks: &toks }, &leads);
    // A huge claim's buffers are not kept for the rest of the run.
    if toks.capacity() <= MAX_KEPT_TOKENS {
        BUFFERS.with(|b| b.replace((toks, leads, alnum)));
    }
    out
}

/// What a byte starts, for the tokenizer's dispatch: one table look-up per token instead of a
/// chain of range tests.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    /// ASCII whitespace, `\x0b` included (as `char::is_whitespace` has it).
    Space,
    /// An ASCII digit.
    Digit,
    /// An ASCII letter that starts no number word ("six" starts with one that does).
    Letter,
    /// An ASCII letter that starts some number word (see [`is_number_initial`]).
    Initial,
    /// Any other ASCII byte.
    Other,
    /// A byte of a multi-byte character.
    High,
}

/// The [`Class`] of every byte.
const CLASSES: [Class; 256] = classes();

/// Builds [`CLASSES`].
const fn classes() -> [Class; 256] {
    let mut table = [Class::High; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = if c == b' ' || (c >= b'\t' && c <= b'\r') {
            Class::Space
        } else if c.is_ascii_digit() {
            Class::Digit
        } else if is_number_initial(c) {
            Class::Initial
        } else if c.is_ascii_alphabetic() {
            Class::Letter
        } else {
            Class::Other
        };
        b += 1;
    }
    table
}

/// Cuts `text`, whose letter and digit masks ([`masks::fill`]) are `masks`, into tokens in one
/// pass, noting in `leads` the index of each leading token: the reader visits those alone
/// instead of testing every token.
pub(super) fn tokenize(text: &str, masks: &[u64], out: &mut Vec<Tok>, leads: &mut Vec<usize>) {
    // Links and e-mail addresses need a '/' or '@'; most claims have neither, and then no chunk
    // is scanned twice and the loop built for them makes no test for links at all.
    if memchr::memchr2(b'/', b'@', text.as_bytes()).is_some() {
        cut::<true>(text, masks, out, leads);
    } else {
        cut::<false>(text, masks, out, leads);
    }
}

/// [`tokenize`], where `LINKS` says the text may hold a link.
fn cut<const LINKS: bool>(text: &str, masks: &[u64], out: &mut Vec<Tok>, leads: &mut Vec<usize>) {
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut gap = true;
    while let Some(&b) = bytes.get(i) {
        let class = CLASSES[usize::from(b)];
        let start = i;
        let step = match class {
            Class::Space => Step::Space(i + 1),
            // Most tokens are ASCII words: they take the short way unless they may open a link.
            Class::Letter | Class::Initial if !(gap && LINKS) => Step::Word,
            _ => other_token(text, masks, i, class, gap && LINKS),
        };
        let (kind, lead) = match step {
            Step::Word => {
                let lead;
                (i, lead) = read_word(text, masks, i, class == Class::Initial);
                (Kind::Word, lead)
            }
            Step::Token(kind, lead, end) => {
                i = end;
                (kind, lead)
            }
            Step::Space(end) => {
                gap = true;
                i = end;
                continue;
            }
            Step::End => break,
        };
        if lead {
            leads.push(out.len());
        }
        out.push(Tok {
            kind,
            start,
            end: i,
            gap,
            lead,
        });
        gap = false;
        // Most tokens are followed by one space and another token: that space is passed here,
        // saving a trip through the loop.
        if bytes.get(i) == Some(&b' ') {
            gap = true;
            i += 1;
        }
    }
}

/// What the tokenizer finds at a byte.
enum Step {
    /// An ASCII word, read by [`read_word`].
    Word,
    /// A token of this kind, leading or not, ending at this byte.
    Token(Kind, bool, usize),
    /// A whitespace character ending at this byte.
    Space(usize),
    /// No character (never, for a `str`).
    End,
}

/// The token (or whitespace) at byte `i` of class `class`, which is no ASCII space; `may_link`
/// when a link may start there. Always inlined: the tokenizer's two loops each keep it in
/// line, as the single loop did.
#[inline(always)]
fn other_token(text: &str, masks: &[u64], i: usize, class: Class, may_link: bool) -> Step {
    let bytes = text.as_bytes();
    // A multi-byte character is decoded once; ASCII bytes need no decoding.
    let ch = match class {
        Class::High => match text.get(i..).and_then(|s| s.chars().next()) {
            Some(c) => c,
            None => return Step::End,
        },
        _ => bytes.get(i).map_or(' ', |&b| char::from(b)),
    };
    if class == Class::High && ch.is_whitespace() {
        return Step::Space(i + ch.len_utf8());
    }
    if let Some(end) = may_link.then(|| link_end(bytes, i)).flatten() {
        return Step::Token(Kind::Skip, false, end);
    }
    match class {
        Class::Letter | Class::Initial => Step::Word,
        Class::Digit => Step::Token(Kind::Num, true, scan_number(bytes, i)),
        Class::Other if leading_dot(bytes, i) => {
            Step::Token(Kind::Num, true, scan_number(bytes, i))
        }
        Class::High if ch.is_alphabetic() => {
            Step::Token(Kind::Word, false, scan_word_from(text, masks, i, 0))
        }
        _ => Step::Token(Kind::Sym(ch), false, i + ch.len_utf8()),
    }
}

/// The end of the whitespace-free chunk at `i` when it is a link; one pass finds the chunk's
/// end and whether it could be a link at all.
fn link_end(bytes: &[u8], i: usize) -> Option<usize> {
    let mut end = i;
    let mut suspect = false;
    while let Some(&c) = bytes.get(end) {
        if c.is_ascii_whitespace() {
            break;
        }
        suspect |= c == b'@' || c == b'/';
        end += 1;
    }
    (suspect && is_link(bytes.get(i..end)?)).then_some(end)
}

/// True for a whitespace-free chunk that is a URL, e-mail address or web path.
fn is_link(chunk: &[u8]) -> bool {
    chunk.len() > 4
        && (chunk.starts_with(b"www.")
            || chunk.contains(&b'@')
            || chunk.windows(3).any(|w| w == b"://")
            || chunk.windows(4).any(|w| {
                w == b".gov" || w == b".com" || w == b".org" || w == b".edu" || w == b".net"
            }))
}

/// True for a decimal written without its zero (".5 percent"): a dot before a digit after
/// whitespace, the text start or a sign ("$.50", "(.5%)", "-.3"); "PM2.5" and "cases).97%"
/// stay apart.
fn leading_dot(bytes: &[u8], i: usize) -> bool {
    let before = i.checked_sub(1).and_then(|p| bytes.get(p));
    bytes.get(i) == Some(&b'.')
        && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
        && before.is_none_or(|b| b.is_ascii_whitespace() || b"$([-~+".contains(b))
}

/// Ends a number: digits, and `,` or `.` only when a digit follows.
fn scan_number(bytes: &[u8], mut i: usize) -> usize {
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii_digit() {
            i += 1;
        } else if (b == b',' || b == b'.') && bytes.get(i + 1).is_some_and(u8::is_ascii_digit) {
            i += 2;
        } else {
            break;
        }
    }
    i
}

/// Ends the word that starts with the ASCII letter at `start`: letters and digits, inner
/// hyphens and apostrophes, and the dots of short abbreviations ("U.S.", "E.O.", "p.m."). Also
/// tells whether the word may start a figure ([`could_be_spelled`]); `initial` when its first
/// letter starts some number word, so other words skip that test.
#[inline(always)]
fn read_word(text: &str, masks: &[u64], start: usize, initial: bool) -> (usize, bool) {
    let bytes = text.as_bytes();
    // Most words are a few ASCII letters ended by a space or a sign: the masks give their end,
    // and the rarer endings go to the full scan.
    let end = start + alnum_run(masks, start);
    let more = bytes
        .get(end)
        .is_some_and(|&b| GLUE[usize::from(b)] && (b != b'.' || end - start <= 2));
    if more {
        let end = scan_word_from(text, masks, end, end - start);
        let word = bytes.get(start..end).unwrap_or_default();
        (end, initial && could_be_spelled(word))
    } else {
        // Only words whose first letter starts a number word are looked at.
        (
            end,
            initial && initial_run_shaped(bytes.get(start..end).unwrap_or_default()),
        )
    }
}

/// Bytes after a word's letters and digits that may go on with it: `-`, `'`, `.` and any byte
/// of a multi-byte character (one look-up where a space, the usual end, failed four tests).
const GLUE: [bool; 256] = glue();

/// Builds [`GLUE`].
const fn glue() -> [bool; 256] {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = b >= 0x80 || b == b'-' as usize || b == b'\'' as usize || b == b'.' as usize;
        b += 1;
    }
    table
}

/// [`read_word`] from byte `i`, where the word's current segment (since its start or its last
/// hyphen or dot) holds `seg` letters and digits.
fn scan_word_from(text: &str, masks: &[u64], mut i: usize, mut seg: usize) -> usize {
    let bytes = text.as_bytes();
    let mut dotted = false;
    let next_is =
        |j: usize, f: fn(char) -> bool| text.get(j..).and_then(|s| s.chars().next()).is_some_and(f);
    loop {
        // The byte after the run is never a letter or digit.
        let run = alnum_run(masks, i);
        i += run;
        seg += run;
        let Some(&b) = bytes.get(i) else {
            break;
        };
        if b == b'-' && next_is(i + 1, char::is_alphanumeric) {
            i += 1;
            seg = 0;
        } else if b == b'\'' && next_is(i + 1, char::is_alphabetic) {
            i += 1;
        } else if b == b'.'
            && seg > 0
            && seg <= 2
            && (dotted || next_is(i + 1, char::is_alphabetic))
        {
            i += 1;
            seg = 0;
            dotted = true;
        } else if b.is_ascii() {
            break;
        } else {
            let Some(c) = text.get(i..).and_then(|s| s.chars().next()) else {
                break;
            };
            if c.is_alphanumeric() {
                i += c.len_utf8();
                seg += 1;
            } else if c == '’' && next_is(i + c.len_utf8(), char::is_alphabetic) {
                i += c.len_utf8();
            } else {
                break;
            }
        }
    }
    i
}

/// The tokens of one text, read by position.
#[derive(Clone, Copy)]
pub(super) struct Toks<'a> {
    pub(super) text: &'a str,
    pub(super) toks: &'a [Tok],
}

impl<'a> Toks<'a> {
    /// Token `i`, if there is one.
    pub(super) fn tok(&self, i: usize) -> Option<Tok> {
        self.toks.get(i).copied()
    }

    /// How many tokens there are.
    pub(super) fn len(&self) -> usize {
        self.toks.len()
    }

    /// The source words of a token.
    pub(super) fn str_of(&self, t: Tok) -> &'a str {
        self.text.get(t.start..t.end).unwrap_or("")
    }

    /// The source text between two bytes ("" when out of range).
    pub(super) fn span(&self, start: usize, end: usize) -> &'a str {
        self.text.get(start..end).unwrap_or("")
    }

    /// The first byte of token `i`.
    pub(super) fn start_of(&self, i: usize) -> Option<usize> {
        self.tok(i).map(|t| t.start)
    }

    /// The byte after token `i`.
    pub(super) fn end_of(&self, i: usize) -> Option<usize> {
        self.tok(i).map(|t| t.end)
    }

    /// True when token `i` may start a figure (see [`Tok`]).
    pub(super) fn is_lead(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.lead)
    }

    /// True when token `i` is a number written in digits.
    pub(super) fn is_num(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.kind == Kind::Num)
    }

    /// The word at `i`, if token `i` is a word.
    pub(super) fn word(&self, i: usize) -> Option<&'a str> {
        self.tok(i)
            .filter(|t| t.kind == Kind::Word)
            .map(|t| self.str_of(t))
    }

    /// True when token `i` is a word equal to `w` in any case.
    pub(super) fn word_is(&self, i: usize, w: &str) -> bool {
        // Bytes are compared: a token's span needs no char-boundary checks to be read.
        self.tok(i).is_some_and(|t| {
            t.kind == Kind::Word
                && self
                    .text
                    .as_bytes()
                    .get(t.start..t.end)
                    .is_some_and(|x| x.eq_ignore_ascii_case(w.as_bytes()))
        })
    }

    /// The symbol at `i`, if token `i` is one.
    pub(super) fn sym(&self, i: usize) -> Option<char> {
        match self.tok(i)?.kind {
            Kind::Sym(c) => Some(c),
            _ => None,
        }
    }

    /// True when token `i` exists and touches the token before it.
    pub(super) fn glued(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| !t.gap)
    }

    /// The word before token `i`, looking through one abbreviation dot ("Sept. 5", "L. 117").
    pub(super) fn word_before(&self, i: usize) -> Option<&'a str> {
        let p = i.checked_sub(1)?;
        if self.sym(p) == Some('.') && self.glued(p) {
            return self.word(p.checked_sub(1)?);
        }
        self.word(p)
    }
}

/// The tokens of `text`, for tests of single steps.
#[cfg(test)]
pub(super) fn tokens_of(text: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut alnum = Vec::new();
    masks::fill(text.as_bytes(), &mut alnum);
    tokenize(text, &alnum, &mut out, &mut Vec::new());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A token written as its kind's letter and its text: `N8,000`, `Wjobs`, `S$`, `K…`, with
    /// `_` before a token that follows whitespace.
    fn shapes(text: &str) -> Vec<String> {
        tokens_of(text)
            .iter()
            .map(|t| {
                let kind = match t.kind {
                    Kind::Num => 'N',
                    Kind::Word => 'W',
                    Kind::Sym(_) => 'S',
                    Kind::Skip => 'K',
                };
                let gap = if t.gap { "_" } else { "" };
                format!("{gap}{kind}{}", &text[t.start..t.end])
            })
            .collect()
    }

    #[test]
    fn cuts_numbers_words_and_symbols() {
        let cases: &[(&str, &[&str])] = &[
            ("8,000 jobs", &["_N8,000", "_Wjobs"]),
            ("$4.2B.", &["_S$", "N4.2", "WB", "S."]),
            ("1,000, then", &["_N1,000", "S,", "_Wthen"]),
            ("U.S. firms", &["_WU.S.", "_Wfirms"]),
            ("at-risk youth's", &["_Wat-risk", "_Wyouth's"]),
            ("COVID-19", &["_WCOVID-19"]),
            ("3-fold", &["_N3", "S-", "Wfold"]),
            ("10–20", &["_N10", "S–", "N20"]),
            (".5 percent", &["_N.5", "_Wpercent"]),
            ("$.50", &["_S$", "N.50"]),
            ("(.5%)", &["_S(", "N.5", "S%", "S)"]),
            ("PM2.5", &["_WPM2", "S.", "N5"]),
            ("end. 5", &["_Wend", "S.", "_N5"]),
            ("cases).97%", &["_Wcases", "S)", "S.", "N97", "S%"]),
            ("Sept. 5", &["_WSept", "S.", "_N5"]),
            ("Café’s", &["_WCafé’s"]),
            ("p.m.", &["_Wp.m."]),
            ("", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(shapes(text), *want, "{text}");
        }
    }

    #[test]
    fn byte_classes_agree_with_the_char_tests() {
        for b in 0..=u8::MAX {
            let c = char::from(b);
            let want = if !b.is_ascii() {
                Class::High
            } else if c.is_whitespace() {
                Class::Space
            } else if b.is_ascii_digit() {
                Class::Digit
            } else if is_number_initial(b) {
                Class::Initial
            } else if b.is_ascii_alphabetic() {
                Class::Letter
            } else {
                Class::Other
            };
            assert!(CLASSES[usize::from(b)] == want, "{b}");
            assert_eq!(
                GLUE[usize::from(b)],
                !b.is_ascii() || b"-'.".contains(&b),
                "{b}"
            );
        }
    }

    #[test]
    fn links_are_one_skipped_token() {
        let cases: &[(&str, &[&str])] = &[
            (
                "see https://x.gov/a-2023 now",
                &["_Wsee", "_Khttps://x.gov/a-2023", "_Wnow"],
            ),
            ("mail info@example.gov", &["_Wmail", "_Kinfo@example.gov"]),
            // A slash alone is no link.
            ("24/7", &["_N24", "S/", "N7"]),
            ("and/or", &["_Wand", "S/", "Wor"]),
        ];
        for (text, want) in cases {
            assert_eq!(shapes(text), *want, "{text}");
        }
    }

    #[test]
    fn only_numbers_and_number_shaped_words_lead() {
        let text = "The six firms hired 40 staff, some twenty-five of them.";
        let leads: Vec<&str> = tokens_of(text)
            .iter()
            .filter(|t| t.lead)
            .map(|t| &text[t.start..t.end])
            .collect();
        assert_eq!(leads, ["six", "firms", "40", "twenty-five"]);
    }

    #[test]
    fn view_reads_words_symbols_and_glue() {
        let text = "In Sept. 5, $3";
        let toks = tokens_of(text);
        let t = Toks { text, toks: &toks };
        assert_eq!(t.word(0), Some("In"));
        assert!(t.word_is(1, "SEPT"));
        assert_eq!(t.sym(2), Some('.'));
        assert_eq!(t.word_before(3), Some("Sept"));
        assert!(t.is_num(3) && !t.glued(3));
        assert_eq!(t.sym(5), Some('$'));
        assert!(t.glued(6));
        assert_eq!(t.word(99), None);
        assert_eq!(t.span(3, 99), "");
    }
}
