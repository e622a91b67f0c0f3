//! Extracting figures: one claim's text → its numbers with exact value, unit, qualifier,
//! counted noun, measure and quote.
//!
//! A hand-written, linear scanner: the text is cut once into tokens (numbers, words, symbols)
//! with byte spans, then each number-like token is read outward — money prefix and qualifier
//! before it, scale words, range, unit and counted noun after it. Context rules reject what a
//! watchdog would not track (years, dates, times, ids, names with digits, list numbering, ages,
//! durations, compound adjectives such as "10-year"). When in doubt a number is left out: a false
//! figure is worse than a missed one.
//!
//! Noun rule: after the number (and scale word) take up to [`MAX_NOUN_WORDS`] words; stop at any
//! punctuation, another number, a preposition, verb or other stop word (`text::is_stop_word` in its noun-end role; "of" is a
//! stop word, so "3,500 hours of training" counts "hours"), an "-ly" adverb, or — after a plural
//! head noun ("firms", "youth") — any word that is not itself plural ("vaccine doses free-of-cost"
//! → "vaccine doses"). "and"/"or" join two noun words ("individuals and entities"). Money takes the
//! noun after "in" ("$179 million in financing") or a singular noun right after it ("a $3 million
//! project"). A count with no noun is dropped; money, percent and multiples may have none.

use crate::figure::{Figure, Qualifier, Unit};
use crate::text::{
    ascii_alnum_run, is_month_name, is_stop_word, lower_ascii, slug, StopRole, WORD_BUF,
};
use rust_decimal::Decimal;
use std::str::FromStr;

/// Most words a counted noun may have ("national and local government officials").
pub const MAX_NOUN_WORDS: usize = 5;
/// Most significant digits a number may have; longer ones are ids or overflow `Decimal`.
const MAX_DIGITS: usize = 28;
/// A bare four-digit integer in this range is read as a year.
const YEAR_MIN: u32 = 1800;
/// See [`YEAR_MIN`].
const YEAR_MAX: u32 = 2100;
/// Typical bytes per token, to size the token buffer once.
const TOKEN_BYTES: usize = 5;
/// Shortest and longest spelled compound ("forty-one", "seventy-seven").
const COMPOUND_MIN_LEN: usize = 9;
/// See [`COMPOUND_MIN_LEN`].
const COMPOUND_MAX_LEN: usize = 13;

/// Hedge phrases before a number, as tokens, longest first so that "up to an estimated" wins
/// over "an estimated".
const QUALIFIERS: &[(&[&str], Qualifier)] = &[
    (&["up", "to", "an", "estimated"], Qualifier::UpTo),
    (&["up", "to", "approximately"], Qualifier::UpTo),
    (&["up", "to", "nearly"], Qualifier::UpTo),
    (&["just", "shy", "of"], Qualifier::Nearly),
    (&["in", "excess", "of"], Qualifier::Over),
    (&["a", "minimum", "of"], Qualifier::AtLeast),
    (&["a", "maximum", "of"], Qualifier::UpTo),
    (&["as", "many", "as"], Qualifier::UpTo),
    (&["as", "much", "as"], Qualifier::UpTo),
    (&["no", "less", "than"], Qualifier::AtLeast),
    (&["no", "fewer", "than"], Qualifier::AtLeast),
    (&["not", "less", "than"], Qualifier::AtLeast),
    (&["not", "fewer", "than"], Qualifier::AtLeast),
    (&["no", "more", "than"], Qualifier::UpTo),
    (&["not", "more", "than"], Qualifier::UpTo),
    (&["not", "to", "exceed"], Qualifier::UpTo),
    (&["slightly", "more", "than"], Qualifier::Over),
    (&["well", "over"], Qualifier::Over),
    (&["just", "over"], Qualifier::Over),
    (&["more", "than"], Qualifier::Over),
    (&["greater", "than"], Qualifier::Over),
    (&["upwards", "of"], Qualifier::Over),
    (&["upward", "of"], Qualifier::Over),
    (&["north", "of"], Qualifier::Over),
    (&["at", "least"], Qualifier::AtLeast),
    (&["minimum", "of"], Qualifier::AtLeast),
    (&["just", "under"], Qualifier::Nearly),
    (&["close", "to"], Qualifier::Nearly),
    (&["an", "estimated"], Qualifier::Approximately),
    (&["approx", "."], Qualifier::Approximately),
    (&["up", "to"], Qualifier::UpTo),
    (&["less", "than"], Qualifier::UpTo),
    (&["fewer", "than"], Qualifier::UpTo),
    (&["maximum", "of"], Qualifier::UpTo),
    (&["over"], Qualifier::Over),
    (&["exceeding"], Qualifier::Over),
    (&["above"], Qualifier::Over),
    (&["nearly"], Qualifier::Nearly),
    (&["almost"], Qualifier::Nearly),
    (&["nearing"], Qualifier::Nearly),
    (&["approaching"], Qualifier::Nearly),
    (&["approximately"], Qualifier::Approximately),
    (&["about"], Qualifier::Approximately),
    (&["around"], Qualifier::Approximately),
    (&["roughly"], Qualifier::Approximately),
    (&["estimated"], Qualifier::Approximately),
    (&["some"], Qualifier::Approximately),
    (&["approx"], Qualifier::Approximately),
    (&["~"], Qualifier::Approximately),
    (&["under"], Qualifier::UpTo),
];

/// Scale words written apart from the number ("4.2 billion").
const SCALE_WORDS: &[(&str, u64)] = &[
    ("thousand", 1_000),
    ("million", 1_000_000),
    ("billion", 1_000_000_000),
    ("trillion", 1_000_000_000_000),
    ("mn", 1_000_000),
    ("mln", 1_000_000),
    ("bn", 1_000_000_000),
    ("bln", 1_000_000_000),
];

/// Scale suffixes glued to a number ("$1.2B", "$500K"), matched case-sensitively; the bool says
/// whether the suffix also counts without a money sign.
const SCALE_SUFFIXES: &[(&str, u64, bool)] = &[
    ("K", 1_000, false),
    ("k", 1_000, false),
    ("M", 1_000_000, false),
    ("m", 1_000_000, false),
    ("mn", 1_000_000, true),
    ("MN", 1_000_000, true),
    ("B", 1_000_000_000, false),
    ("b", 1_000_000_000, false),
    ("bn", 1_000_000_000, true),
    ("BN", 1_000_000_000, true),
    ("Bn", 1_000_000_000, true),
    ("T", 1_000_000_000_000, false),
    ("tn", 1_000_000_000_000, false),
];

/// Spelled numbers below twenty.
const SMALL_NUMBERS: &[&str] = &[
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];

/// Spelled tens, from twenty.
const TENS: &[&str] = &[
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// Words before a spelled number that make it a reference, not a count ("the two countries").
const DEFINITE_WORDS: &[&str] = &[
    "the", "these", "those", "both", "its", "their", "our", "his", "her", "all", "first", "last",
    "next", "past", "each", "every", "other", "any", "which", "whose", "my", "your",
];

/// Words before a number that make it a name or an id ("Section 232", "E.O. 14008", "FY 23").
const NAME_WORDS: &[&str] = &[
    "section",
    "sec",
    "title",
    "order",
    "law",
    "chapter",
    "article",
    "pillar",
    "phase",
    "tier",
    "level",
    "round",
    "part",
    "rule",
    "resolution",
    "route",
    "highway",
    "interstate",
    "room",
    "suite",
    "box",
    "docket",
    "proclamation",
    "amendment",
    "stage",
    "step",
    "item",
    "figure",
    "table",
    "annex",
    "appendix",
    "volume",
    "class",
    "category",
    "grade",
    "form",
    "division",
    "no",
    "number",
    "fy",
    "year",
    "flight",
    "mission",
    "cop",
    "e.o.",
    "eo",
    "h.r.",
    "s.res.",
    "h.res.",
    "rin",
    "cfda",
    "omb",
    "s.",
    "l",
    "pub",
    "top",
    "bill",
    "ward",
    "zone",
    "district",
    "region",
    "precinct",
    "station",
    "unit",
    "ch",
    "art",
    "para",
    "paragraph",
    "clause",
    "act",
    "cfr",
    "u.s.c.",
    "c.f.r.",
    "version",
    "v",
    "model",
    "type",
    "ssn",
    "id",
    "tel",
    "fax",
    "phone",
    "call",
];

/// Words before a number that make it an age ("ages 16 to 24", "aged 65").
const AGE_WORDS: &[&str] = &["age", "ages", "aged"];

/// Words after "and"/"or" that make the number an age bound ("65 and older").
const AGE_BOUNDS: &[&str] = &[
    "older", "over", "up", "under", "younger", "above", "below", "older.",
];

/// Time nouns: a number counting these is a duration, not a tracked figure ("over four years"),
/// except "hours of …" (hours of training or service are counted).
const DURATION_WORDS: &[&str] = &[
    "year",
    "years",
    "month",
    "months",
    "week",
    "weeks",
    "day",
    "days",
    "decade",
    "decades",
    "hour",
    "hours",
    "minute",
    "minutes",
    "second",
    "seconds",
    "century",
    "centuries",
    "night",
    "nights",
    "a.m.",
    "p.m.",
    "am",
    "pm",
];

/// Currencies other than the dollar: a number in one of these is not a USD figure, and not a
/// count either ("CAD $1.5 billion", "7.7 trillion JPY", "€40 million").
const OTHER_CURRENCIES: &[&str] = &[
    "cad",
    "aud",
    "eur",
    "gbp",
    "jpy",
    "mxn",
    "cny",
    "rmb",
    "inr",
    "chf",
    "nzd",
    "hkd",
    "sgd",
    "krw",
    "brl",
    "zar",
    "c",
    "a",
    "nz",
    "hk",
    "s",
    "euro",
    "euros",
    "yen",
    "pesos",
    "rupees",
    "francs",
    "won",
    "yuan",
    "reais",
    "rand",
    "shillings",
    "naira",
    "dinars",
    "rubles",
    "hryvnia",
];

/// Words after "N times" that make it a multiple ("three times the price", "1.4 times higher");
/// other uses count occasions ("met four times with"), which are not tracked.
const MULTIPLE_FOLLOWERS: &[&str] = &[
    "as",
    "the",
    "their",
    "its",
    "his",
    "her",
    "our",
    "that",
    "what",
    "more",
    "higher",
    "larger",
    "greater",
    "bigger",
    "faster",
    "lower",
    "less",
    "fewer",
    "smaller",
    "cheaper",
    "over",
    "above",
    "below",
    "better",
    "worse",
    "likelier",
    "likely",
    "stronger",
    "longer",
    "wider",
    "than",
    "normal",
    "pre-pandemic",
];
/// Largest believable multiple: "777X" is a model name, not a 777-fold rise.
const MAX_TIMES: u32 = 100;

/// Lower-case words after "$… in" that start a place or time, not what the money is
/// ("in northern Central America", "in fiscal year 2024").
const MONEY_IN_NOT_NOUNS: &[&str] = &[
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "rural",
    "urban",
    "fiscal",
    "total",
    "addition",
    "each",
    "every",
    "recent",
    "coming",
    "partnership",
    "support",
];

/// "-ly" words that are nouns or adjectives, not adverbs, so they do not end a noun.
const LY_WORDS: &[&str] = &[
    "family",
    "supply",
    "assembly",
    "ally",
    "elderly",
    "early",
    "daily",
    "weekly",
    "monthly",
    "quarterly",
    "yearly",
    "italy",
    "july",
    "rally",
    "anomaly",
    "monopoly",
    "lily",
    "belly",
    "jelly",
    "bully",
    "holy",
    "only",
];

/// Collective nouns that act as plurals without an "s" ("youth", "people", "police").
const PLURAL_WORDS: &[&str] = &[
    "people",
    "youth",
    "children",
    "women",
    "men",
    "staff",
    "personnel",
    "police",
    "data",
    "media",
    "livestock",
    "cattle",
    "alumni",
    "faculty",
    "clergy",
    "crew",
    "teeth",
    "feet",
    "geese",
    "mice",
    "infantry",
    "military",
    "aircraft",
    "spacecraft",
    "fish",
    "sheep",
    "deer",
    "swine",
    "poultry",
    "offspring",
];

/// Adjectives dropped from a measure (not from the noun): they say nothing about what is counted.
pub const MEASURE_DROP_WORDS: &[&str] = &[
    "free-of-cost",
    "free-of-charge",
    "free",
    "new",
    "newly",
    "additional",
    "more",
    "total",
    "other",
    "further",
    "extra",
    "cumulative",
    // The nationality names no different thing: "74 U.S. convictions" counts convictions.
    "u.s.",
    "u.s.-supported",
    "u.s.-funded",
    "u.s.-backed",
    "u.s.-financed",
    "usg-supported",
    "usg-funded",
    "usaid-supported",
    "usaid-funded",
];

/// What one token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Digits with inner `,` and `.` ("8,000", "4.2").
    Num,
    /// Letters, digits after a letter, inner hyphens, apostrophes and abbreviation dots.
    Word,
    /// Any other single character.
    Sym(char),
    /// A URL or e-mail address, never read.
    Skip,
}

/// One token with its byte span; `gap` is true when whitespace (or the text start) precedes it.
#[derive(Debug, Clone, Copy)]
struct Tok {
    kind: Kind,
    start: usize,
    end: usize,
    gap: bool,
}

/// A number read at a token, with its scale.
#[derive(Debug, Clone, Copy)]
struct Amount {
    /// The number before scale words.
    base: Decimal,
    /// The product of the scale words (1 when none).
    factor: Decimal,
    /// `base × factor`.
    value: Decimal,
    /// True when a scale word or suffix was written.
    scaled: bool,
    /// Byte where the number's own words start.
    start: usize,
    /// Byte where its own words end (after the scale word).
    end: usize,
    /// The token after the amount.
    next: usize,
    /// Written as a multiple ("2x", "five-fold").
    times: bool,
    /// Written in words ("six").
    spelled: bool,
    /// A bare four-digit integer that reads as a year.
    year_like: bool,
    /// Digits without separators or decimals, and how many ("456", "1111").
    plain_digits: usize,
}

/// A unit written after an amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Percent,
    Points,
    Dollars,
    Times,
}

/// Finds every figure a watchdog would track in `text`, in reading order.
pub fn extract_figures(text: &str) -> Vec<Figure> {
    thread_local! {
        // One token buffer per thread, reused from claim to claim: a claim's tokens take
        // several times its bytes, and fresh buffers cost page faults.
        static TOKENS: std::cell::RefCell<Vec<Tok>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    let mut toks = TOKENS.with(|t| t.take());
    toks.clear();
    toks.reserve(text.len() / TOKEN_BYTES + 1);
    tokenize(text, &mut toks);
    let sc = Scanner { text, toks: &toks };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let (fig, next) = sc.figure_at(i);
        if let Some(fig) = fig {
            out.push(fig);
        }
        i = next.max(i + 1);
    }
    // A huge claim's buffer is not kept for the rest of the run.
    if toks.capacity() <= MAX_KEPT_TOKENS {
        TOKENS.with(|t| t.replace(toks));
    }
    out
}

/// Largest token buffer kept between claims (about 1 MB).
const MAX_KEPT_TOKENS: usize = 1 << 15;

/// The measure slug for a noun (and unit when the noun is empty): lower case, ASCII-folded, hyphens.
pub fn measure_for(noun: &str, unit: Unit) -> String {
    let kept: Vec<&str> = noun
        .split_whitespace()
        .filter(|w| {
            !MEASURE_DROP_WORDS
                .iter()
                .any(|d| d.eq_ignore_ascii_case(w.trim_end_matches([',', ';'])))
        })
        .collect();
    let mut measure = slug(&kept.join(" "));
    if measure.is_empty() {
        measure = slug(noun);
    }
    if measure.is_empty() {
        measure = match unit {
            Unit::Usd => "usd",
            Unit::Percent => "percent",
            Unit::Times => "times",
            Unit::Count => "count",
        }
        .to_string();
    }
    measure
}

/// Cuts `text` into tokens in one pass.
fn tokenize(text: &str, out: &mut Vec<Tok>) {
    let bytes = text.as_bytes();
    // Links and e-mail addresses need a '/' or '@'; most claims have neither, and then no chunk
    // is scanned twice.
    let maybe_links = bytes.contains(&b'/') || bytes.contains(&b'@');
    let mut i = 0;
    let mut gap = true;
    while let Some(&b) = bytes.get(i) {
        if b.is_ascii_whitespace() {
            gap = true;
            i += 1;
            continue;
        }
        let ch = if b.is_ascii() {
            b as char
        } else {
            match text.get(i..).and_then(|s| s.chars().next()) {
                Some(c) => c,
                None => break,
            }
        };
        if ch.is_whitespace() {
            gap = true;
            i += ch.len_utf8();
            continue;
        }
        if gap && maybe_links {
            // One pass finds the chunk's end and whether it could be a link at all.
            let mut chunk_end = i;
            let mut suspect = false;
            while let Some(&c) = bytes.get(chunk_end) {
                if c.is_ascii_whitespace() {
                    break;
                }
                suspect |= c == b'@' || c == b'/';
                chunk_end += 1;
            }
            let chunk = bytes.get(i..chunk_end).unwrap_or_default();
            if suspect && is_link(chunk) {
                out.push(Tok {
                    kind: Kind::Skip,
                    start: i,
                    end: chunk_end,
                    gap,
                });
                i = chunk_end;
                gap = false;
                continue;
            }
        }
        let start = i;
        let kind = if b.is_ascii_digit() {
            i = scan_number(bytes, i);
            Kind::Num
        } else if ch.is_alphabetic() {
            i = scan_word(text, i);
            Kind::Word
        } else {
            i += ch.len_utf8();
            Kind::Sym(ch)
        };
        out.push(Tok {
            kind,
            start,
            end: i,
            gap,
        });
        gap = false;
    }
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

/// Ends a word: letters and digits, inner hyphens and apostrophes, and the dots of short
/// abbreviations ("U.S.", "E.O.", "p.m.").
fn scan_word(text: &str, mut i: usize) -> usize {
    let bytes = text.as_bytes();
    let mut seg = 0usize;
    let mut dotted = false;
    let next_is =
        |j: usize, f: fn(char) -> bool| text.get(j..).and_then(|s| s.chars().next()).is_some_and(f);
    while let Some(&b) = bytes.get(i) {
        // Eight letters and digits at a time: most words end within one such step.
        let run = ascii_alnum_run(bytes, i);
        if run > 0 {
            i += run;
            seg += run;
            continue;
        }
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

/// True when `word` (any case) ends a counted noun (a stop word in that role).
fn is_noun_end(word: &str) -> bool {
    is_stop_word(word, StopRole::NounEnd)
}

/// True when `word` (any case) is in `list`.
fn in_list(word: &str, list: &[&str]) -> bool {
    list.iter().any(|x| x.eq_ignore_ascii_case(word))
}

/// Bit `c` is set when some number word ("zero" … "ninety") starts with letter `c`.
const NUMBER_INITIALS: u32 = number_initials();

const fn number_initials() -> u32 {
    let mut mask = 0u32;
    let mut n = 0;
    while n < NUMBER_WORD_SHAPES.len() {
        mask |= NUMBER_WORD_SHAPES[n];
        n += 1;
    }
    mask
}

/// True when byte `b` (any case) starts some number word: a bit test, no search.
fn is_number_initial(b: u8) -> bool {
    let letter = b.to_ascii_lowercase().wrapping_sub(b'a');
    letter < 26 && NUMBER_INITIALS & (1 << letter) != 0
}

/// Bit `c` of entry `n` is set when a number word of `n` bytes starts with letter `c`.
const NUMBER_WORD_SHAPES: [u32; 16] = number_word_shapes();

/// Builds [`NUMBER_WORD_SHAPES`] from [`SMALL_NUMBERS`] and [`TENS`].
const fn number_word_shapes() -> [u32; 16] {
    let mut table = [0u32; 16];
    let lists: [&[&str]; 2] = [SMALL_NUMBERS, TENS];
    let mut l = 0;
    while l < lists.len() {
        let list = lists[l];
        let mut k = 0;
        while k < list.len() {
            let b = list[k].as_bytes();
            if b.len() < table.len() {
                table[b.len()] |= 1 << (b[0] - b'a');
            }
            k += 1;
        }
        l += 1;
    }
    table
}

/// True when `word` has the length and first letter of some number word.
fn maybe_number_word(word: &str) -> bool {
    let Some(first) = word.as_bytes().first() else {
        return false;
    };
    let letter = first.to_ascii_lowercase().wrapping_sub(b'a');
    letter < 26
        && NUMBER_WORD_SHAPES
            .get(word.len())
            .is_some_and(|bits| bits & (1 << letter) != 0)
}

/// A cheap test before [`Scanner::spelled_start`] that turns away almost every word: only the
/// shape of a number word, a "-fold" word or a hyphenated compound ("twenty-five") passes.
fn could_be_spelled(w: &[u8]) -> bool {
    let Some(&first) = w.first() else {
        return false;
    };
    if !is_number_initial(first) {
        return false;
    }
    let len = w.len();
    let letter = first.to_ascii_lowercase().wrapping_sub(b'a');
    NUMBER_WORD_SHAPES
        .get(len)
        .is_some_and(|bits| bits & (1 << letter) != 0)
        || (COMPOUND_MIN_LEN..=COMPOUND_MAX_LEN).contains(&len)
        || (len > 4
            && w.get(len - 4..)
                .is_some_and(|tail| tail.eq_ignore_ascii_case(b"fold")))
}

/// The value of a lower-case word of [`SMALL_NUMBERS`]: a `match` the compiler turns into a
/// length switch and a few compares, where a list search compared every entry.
fn unit_value(w: &[u8]) -> Option<u32> {
    Some(match w {
        b"zero" => 0,
        b"one" => 1,
        b"two" => 2,
        b"three" => 3,
        b"four" => 4,
        b"five" => 5,
        b"six" => 6,
        b"seven" => 7,
        b"eight" => 8,
        b"nine" => 9,
        b"ten" => 10,
        b"eleven" => 11,
        b"twelve" => 12,
        b"thirteen" => 13,
        b"fourteen" => 14,
        b"fifteen" => 15,
        b"sixteen" => 16,
        b"seventeen" => 17,
        b"eighteen" => 18,
        b"nineteen" => 19,
        _ => return None,
    })
}

/// The value of a lower-case word of [`TENS`].
fn tens_value(w: &[u8]) -> Option<u32> {
    Some(match w {
        b"twenty" => 20,
        b"thirty" => 30,
        b"forty" => 40,
        b"fifty" => 50,
        b"sixty" => 60,
        b"seventy" => 70,
        b"eighty" => 80,
        b"ninety" => 90,
        _ => return None,
    })
}

/// The value of one spelled number word below a hundred ("six", "twenty-five").
fn small_number(w: &str) -> Option<u32> {
    if w.len() < 3 || w.len() > COMPOUND_MAX_LEN {
        return None;
    }
    let mut buf = [0u8; COMPOUND_MAX_LEN];
    let lower = buf.get_mut(..w.len())?;
    for (d, s) in lower.iter_mut().zip(w.as_bytes()) {
        *d = s.to_ascii_lowercase();
    }
    let lower: &[u8] = lower;
    if let Some(v) = unit_value(lower).or_else(|| tens_value(lower)) {
        return Some(v);
    }
    if lower.len() < COMPOUND_MIN_LEN {
        return None;
    }
    let dash = lower.iter().position(|&b| b == b'-')?;
    let t = tens_value(lower.get(..dash)?)?;
    let u = unit_value(lower.get(dash + 1..)?).filter(|u| (1..10).contains(u))?;
    Some(t + u)
}

/// A plural-looking word: "firms", "doses", "youth" (but not "business", "census", "analysis").
fn is_plural(word: &str) -> bool {
    let word = word.rsplit('-').next().unwrap_or(word);
    if in_list(word, PLURAL_WORDS) {
        return true;
    }
    let w = word.as_bytes();
    let last = w.last().map(u8::to_ascii_lowercase);
    let before = w
        .len()
        .checked_sub(2)
        .and_then(|k| w.get(k))
        .map(u8::to_ascii_lowercase);
    w.len() > 3
        && last == Some(b's')
        && !matches!(before, Some(b's' | b'u' | b'i' | b'\''))
        && !word.ends_with("’s")
}

/// An "-ly" adverb ("recently", "annually") that ends a noun.
fn is_adverb(word: &str) -> bool {
    word.len() > 4 && (word.ends_with("ly") || word.ends_with("LY")) && !in_list(word, LY_WORDS)
}

/// A word that reads as a verb form after "and" ("and trained", "and providing").
fn is_verb_form(word: &str) -> bool {
    word.len() > 4 && !word.contains('-') && (word.ends_with("ed") || word.ends_with("ing"))
}

/// The scale of a scale word ("million" → 10⁶).
fn scale_factor(word: &str) -> Option<u64> {
    let mut buf = [0u8; WORD_BUF];
    let w = lower_ascii(word, &mut buf);
    SCALE_WORDS.iter().find(|(s, _)| *s == w).map(|(_, v)| *v)
}

/// Parses a number token's digits ("8,000", "4.2"); rejects malformed groups and leading zeros.
fn parse_digits(s: &str) -> Option<(Decimal, usize)> {
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    if frac.is_some_and(|f| f.contains(['.', ','])) {
        return None;
    }
    let mut groups = int.split(',');
    let first = groups.next()?;
    if first.is_empty() || (first.len() > 1 && first.starts_with('0')) {
        return None;
    }
    let mut grouped = false;
    for g in groups {
        grouped = true;
        if g.len() != 3 {
            return None;
        }
    }
    if grouped && first.len() > 3 {
        return None;
    }
    let digits = s.bytes().filter(u8::is_ascii_digit).count();
    if digits > MAX_DIGITS {
        return None;
    }
    let mut clean = String::with_capacity(s.len());
    clean.extend(s.chars().filter(|c| *c != ','));
    let plain = if grouped || frac.is_some() { 0 } else { digits };
    Decimal::from_str(&clean).ok().map(|d| (d, plain))
}

/// The tokens of one text with the rules that read them.
struct Scanner<'a> {
    text: &'a str,
    toks: &'a [Tok],
}

impl<'a> Scanner<'a> {
    fn tok(&self, i: usize) -> Option<Tok> {
        self.toks.get(i).copied()
    }

    fn str_of(&self, t: Tok) -> &'a str {
        self.text.get(t.start..t.end).unwrap_or("")
    }

    /// The word at `i`, if token `i` is a word.
    fn word(&self, i: usize) -> Option<&'a str> {
        self.tok(i)
            .filter(|t| t.kind == Kind::Word)
            .map(|t| self.str_of(t))
    }

    /// True when token `i` is a word equal to `w` in any case.
    fn word_is(&self, i: usize, w: &str) -> bool {
        self.word(i).is_some_and(|x| x.eq_ignore_ascii_case(w))
    }

    fn sym(&self, i: usize) -> Option<char> {
        match self.tok(i)?.kind {
            Kind::Sym(c) => Some(c),
            _ => None,
        }
    }

    /// True when token `i` exists and touches the token before it.
    fn glued(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| !t.gap)
    }

    /// The word before token `i`, looking through one abbreviation dot ("Sept. 5", "L. 117").
    fn word_before(&self, i: usize) -> Option<&'a str> {
        let p = i.checked_sub(1)?;
        if self.sym(p) == Some('.') && self.glued(p) {
            return self.word(p.checked_sub(1)?);
        }
        self.word(p)
    }

    /// Reads a figure starting at token `i`; returns it (if any) and the token to go on from.
    fn figure_at(&self, i: usize) -> (Option<Figure>, usize) {
        let Some(t) = self.tok(i) else {
            return (None, i + 1);
        };
        let spelled = match t.kind {
            Kind::Num => false,
            // Cheap first-letter test before the word look-ups: most words stop here.
            Kind::Word
                if could_be_spelled(
                    self.text.as_bytes().get(t.start..t.end).unwrap_or_default(),
                ) && self.spelled_start(i) =>
            {
                true
            }
            _ => return (None, i + 1),
        };

        // Money prefix: "$", "US$", "USD ".
        let mut money = false;
        let mut lead = i;
        if !spelled {
            if let Some(p) = i.checked_sub(1) {
                if self.sym(p) == Some('$') && !t.gap {
                    money = true;
                    lead = p;
                    if let Some(pp) = p.checked_sub(1) {
                        if self.word_is(pp, "US") && self.glued(p) {
                            lead = pp;
                        }
                    }
                } else if self.word_is(p, "USD") {
                    money = true;
                    lead = p;
                }
            }
        }
        if self.glued_to_name(lead) || self.other_currency_before(lead) || self.ratio_before(lead) {
            return (None, i + 1);
        }
        if spelled
            && self
                .word_before(lead)
                .is_some_and(|w| in_list(w, DEFINITE_WORDS))
        {
            return (None, i + 1);
        }

        let (qualifier, qual_start) = self.qualifier_before(lead);
        let Some(a) = self.amount(i, money) else {
            return (None, i + 1);
        };
        // "one" alone is a pronoun or article; "zero" is a goal ("net zero emissions"), not a count.
        if spelled && a.base <= Decimal::ONE && !a.scaled && !a.times {
            return (None, a.next);
        }

        let mut qualifier = qualifier.unwrap_or(Qualifier::Exact);
        let mut quote_start = qual_start.unwrap_or(self.tok(lead).map_or(t.start, |l| l.start));
        let mut end = a
            .end
            .max(self.tok(a.next.saturating_sub(1)).map_or(a.end, |t| t.end));
        let mut k = a.next;

        // Trailing plus: "3,500+ hours".
        if self.sym(k) == Some('+') && self.glued(k) {
            if qualifier == Qualifier::Exact {
                qualifier = Qualifier::Over;
            }
            end = self.tok(k).map_or(end, |t| t.end);
            k += 1;
        }

        let (mut mark, after) = self.mark_after(k);
        if a.times {
            mark = Some(Mark::Times);
        }
        if let Some(m_end) = after.map(|n| self.tok(n.saturating_sub(1)).map_or(end, |t| t.end)) {
            end = m_end;
        }
        let mut next = after.unwrap_or(k);

        // Range: "10–20", "10 to 20 percent", "$5-$10 million", "between 10 and 20".
        let between = self.word_is(lead.wrapping_sub(1), "between") && qual_start.is_none();
        let from = self.word_is(lead.wrapping_sub(1), "from");
        let mut value = a.value;
        let mut max = None;
        let mut written_end = a.end;
        let mut range_rejected = false;
        if let Some(r) = self.range_after(next, &a, money, mark, between, from) {
            match r {
                Range::Reject(n) => {
                    range_rejected = true;
                    next = n;
                }
                Range::Found {
                    low,
                    b,
                    b_money,
                    b_mark,
                    b_next,
                } => {
                    value = low;
                    max = Some(b.value);
                    money |= b_money;
                    mark = mark.or(b_mark);
                    written_end = b.end;
                    end = self.tok(b_next.saturating_sub(1)).map_or(b.end, |t| t.end);
                    next = b_next;
                    if between {
                        if let Some(bt) = self.tok(lead.wrapping_sub(1)) {
                            quote_start = quote_start.min(bt.start);
                        }
                    }
                }
            }
        }

        // Context rules that make the number something other than a figure.
        let reject = range_rejected
            || (a.year_like && !money && mark.is_none() && !a.scaled)
            || (!money && self.is_date_or_time(lead, a.next))
            || (!money && self.is_age(lead, next))
            || (!money && !spelled && qual_start.is_none() && self.after_name(lead));
        if reject {
            return (None, next);
        }

        // Unit and noun.
        let mut unit = match mark {
            Some(Mark::Percent | Mark::Points) => Unit::Percent,
            Some(Mark::Times) => Unit::Times,
            Some(Mark::Dollars) => Unit::Usd,
            None if money => Unit::Usd,
            None => Unit::Count,
        };
        let mut noun = "";
        match unit {
            Unit::Percent if mark == Some(Mark::Points) => {
                noun = self
                    .text
                    .get(self.tok(next.saturating_sub(2)).map_or(end, |t| t.start)..end)
                    .unwrap_or("");
            }
            Unit::Usd => {
                if let Some((s, e, n)) = self.money_noun(next) {
                    noun = self.text.get(s..e).unwrap_or("");
                    end = e;
                    next = n;
                }
            }
            Unit::Count => {
                // A counted noun ends in a plural ("firms", "youth"); a singular tail is a
                // modifier or a verb ("30 gigawatt goal", "two died"), so cut back to the plural.
                if let Some((s, _, n)) = self.noun_at(next, false) {
                    let last_plural = (next..n)
                        .rev()
                        .find(|&j| self.word(j).is_some_and(is_plural));
                    if let Some(j) = last_plural {
                        let e = self.tok(j).map_or(s, |t| t.end);
                        noun = self.text.get(s..e).unwrap_or("");
                        end = e;
                        next = j + 1;
                    }
                }
            }
            _ => {}
        }
        let first_noun_word = noun.split_whitespace().next().unwrap_or("");
        if unit == Unit::Count
            && in_list(first_noun_word, OTHER_CURRENCIES)
            && first_noun_word != "A"
        {
            return (None, next);
        }
        if unit == Unit::Count && (noun.is_empty() || self.is_duration(noun, next)) {
            return (None, next);
        }
        // "60 cents of every dollar" is money: $0.60.
        if unit == Unit::Count && in_list(noun, &["cents", "cent"]) {
            let Some(v) = value.checked_div(Decimal::ONE_HUNDRED) else {
                return (None, next);
            };
            value = v;
            max = max.and_then(|m| m.checked_div(Decimal::ONE_HUNDRED));
            unit = Unit::Usd;
            noun = "";
        }

        let written: String = self
            .text
            .get(a.start..written_end)
            .unwrap_or("")
            .chars()
            .filter(|c| !matches!(c, '$' | '%'))
            .collect();
        let quote = self.text.get(quote_start..end).unwrap_or("").to_string();
        let fig = Figure {
            sentence: String::new(),
            line: None,
            fragment: String::new(),
            measure: measure_for(noun, unit),
            value: value.normalize(),
            max: max.map(|m: Decimal| m.normalize()),
            unit,
            noun: noun.to_string(),
            qualifier,
            quote,
            written: written.trim().to_string(),
            class: Default::default(),
        };
        (Some(fig), next)
    }

    /// True when the word at `i` starts a spelled number ("six", "twenty-five", "fivefold").
    fn spelled_start(&self, i: usize) -> bool {
        let Some(w) = self.word(i) else {
            return false;
        };
        // The word, or its part before "-" / "fold", must have a number word's length and
        // first letter: a table look-up that turns away almost every word cheaply.
        if !w.as_bytes().first().is_some_and(|&b| is_number_initial(b)) {
            return false;
        }
        if maybe_number_word(w) && small_number(w).is_some() {
            return true;
        }
        if let Some(head) = fold_prefix(w) {
            return small_number(head).is_some();
        }
        // "twenty-five": only compounds of a tens word are long enough to check.
        (COMPOUND_MIN_LEN..=COMPOUND_MAX_LEN).contains(&w.len())
            && w.as_bytes()
                .iter()
                .position(|&b| b == b'-')
                .is_some_and(|p| {
                    w.get(..p).is_some_and(maybe_number_word) && small_number(w).is_some()
                })
    }

    /// True when a non-dollar currency precedes the number ("CAD $1.5 billion", "€40 million",
    /// "C$5 million").
    fn other_currency_before(&self, lead: usize) -> bool {
        let Some(p) = lead.checked_sub(1) else {
            return false;
        };
        if matches!(self.sym(p), Some('€' | '£' | '¥' | '₹' | '₩' | '₽')) {
            return true;
        }
        if self.sym(lead) == Some('$') && self.glued(lead) && self.word(p).is_some() {
            return !self.word_is(p, "US");
        }
        self.word(p).is_some_and(|w| {
            in_list(w, OTHER_CURRENCIES)
                && w.len() == 3
                && w.chars().all(|c| c.is_ascii_uppercase())
        })
    }

    /// True for the second number of a ratio ("1 in 7 households", "three in ten Americans").
    fn ratio_before(&self, lead: usize) -> bool {
        let Some(p) = lead.checked_sub(1) else {
            return false;
        };
        if !self.word_is(p, "in") && !self.word_is(p, "out") && !self.word_is(p, "of") {
            return false;
        }
        let q = if self.word_is(p, "of") && self.word_is(p.wrapping_sub(1), "out") {
            p.wrapping_sub(1)
        } else {
            p
        };
        let Some(r) = q.checked_sub(1) else {
            return false;
        };
        self.tok(r).is_some_and(|t| t.kind == Kind::Num)
            || self.word(r).is_some_and(|w| small_number(w).is_some())
    }

    /// True when the number at `lead` is glued to a word or id before it ("COVID-19", "PM2.5",
    /// "#5", "§ 232").
    fn glued_to_name(&self, lead: usize) -> bool {
        let Some(p) = lead.checked_sub(1) else {
            return false;
        };
        if matches!(self.sym(p), Some('#' | '§' | '№')) {
            return true;
        }
        if !self.glued(lead) {
            return false;
        }
        match self.tok(p).map(|t| t.kind) {
            Some(Kind::Word | Kind::Num | Kind::Skip) => true,
            Some(Kind::Sym(c)) => {
                matches!(c, '-' | '–' | '.' | '/' | ':' | '_' | '&' | '@' | '=')
                    && self.glued(p)
                    && p.checked_sub(1)
                        .and_then(|q| self.tok(q))
                        .is_some_and(|q| matches!(q.kind, Kind::Word | Kind::Num))
            }
            None => false,
        }
    }

    /// The qualifier phrase ending right before token `lead`, with its start byte.
    fn qualifier_before(&self, lead: usize) -> (Option<Qualifier>, Option<usize>) {
        let Some(last) = lead.checked_sub(1).and_then(|p| self.tok(p)) else {
            return (None, None);
        };
        let last = self.str_of(last);
        for (phrase, q) in QUALIFIERS {
            // Compare the word next to the number first: it rules out almost every phrase.
            if !phrase.last().is_some_and(|p| p.eq_ignore_ascii_case(last)) {
                continue;
            }
            let Some(first) = lead.checked_sub(phrase.len()) else {
                continue;
            };
            let hit = phrase.iter().enumerate().all(|(n, p)| {
                self.tok(first + n)
                    .is_some_and(|t| self.str_of(t).eq_ignore_ascii_case(p))
            });
            if hit {
                return (Some(*q), self.tok(first).map(|t| t.start));
            }
        }
        (None, None)
    }

    /// Reads the number at `i` with its glued suffix and scale words.
    fn amount(&self, i: usize, money: bool) -> Option<Amount> {
        let t = self.tok(i)?;
        let mut next = i + 1;
        let mut end = t.end;
        let mut times = false;
        let mut factor = Decimal::ONE;
        let mut scaled = false;
        let (base, spelled, plain) = if t.kind == Kind::Num {
            let (base, plain) = parse_digits(self.str_of(t))?;
            // What touches the number decides whether it is one.
            if self.glued(next) {
                match self.tok(next)?.kind {
                    Kind::Word => {
                        let w = self.word(next)?;
                        if let Some((_, s, _)) = SCALE_SUFFIXES
                            .iter()
                            .find(|(s, _, bare)| *s == w && (money || *bare))
                        {
                            factor = Decimal::from(*s);
                            scaled = true;
                            end = self.tok(next)?.end;
                            next += 1;
                        } else if (w == "x" || w == "X") && base <= Decimal::from(MAX_TIMES) {
                            times = true;
                            next += 1;
                        } else {
                            return None;
                        }
                    }
                    Kind::Sym('-') if self.glued(next + 1) => match self.tok(next + 1)?.kind {
                        Kind::Word if self.word_is(next + 1, "fold") => {
                            times = true;
                            next += 2;
                        }
                        Kind::Word => return None,
                        _ => {}
                    },
                    Kind::Sym(':' | '/' | '(') => return None,
                    Kind::Sym('\'' | '’') if self.word_is(next + 1, "s") => return None,
                    Kind::Sym(')') if !money => return None,
                    Kind::Sym('.') if i == 0 => return None,
                    _ => {}
                }
            }
            (base, false, plain)
        } else {
            let (v, n, e, fold) = self.spelled(i)?;
            next = n;
            end = e;
            times = fold;
            (Decimal::from(v), true, 0)
        };
        if spelled && base >= Decimal::ONE_HUNDRED {
            scaled = true;
        }
        // One scale word; a chain ("trillion trillion") is no real amount.
        if !times {
            if let Some(s) = self.word(next).and_then(scale_factor) {
                if scaled || self.word(next + 1).and_then(scale_factor).is_some() {
                    return None;
                }
                factor = factor.checked_mul(Decimal::from(s))?;
                scaled = true;
                end = self.tok(next)?.end;
                next += 1;
            }
        }
        let value = base.checked_mul(factor)?;
        let year_like = plain == 4
            && u32::try_from(base.mantissa())
                .ok()
                .is_some_and(|y| (YEAR_MIN..=YEAR_MAX).contains(&y));
        Some(Amount {
            base,
            factor,
            value,
            scaled,
            start: t.start,
            end,
            next,
            times,
            spelled,
            year_like,
            plain_digits: plain,
        })
    }

    /// Reads spelled numbers: "six", "twenty-five", "one hundred", "three hundred fifty",
    /// "fivefold". Returns value, next token, end byte and whether it was a "-fold" multiple.
    fn spelled(&self, i: usize) -> Option<(u32, usize, usize, bool)> {
        let w = self.word(i)?;
        let t = self.tok(i)?;
        if let Some(prefix) = fold_prefix(w) {
            let v = small_number(prefix)?;
            return Some((v, i + 1, t.start + prefix.len(), true));
        }
        let mut v = small_number(w)?;
        let mut next = i + 1;
        let mut end = t.end;
        if v > 0 && v < 10 && self.word_is(next, "hundred") {
            v *= 100;
            end = self.tok(next)?.end;
            next += 1;
            let skip_and = usize::from(self.word_is(next, "and"));
            if let Some(rest) = self.word(next + skip_and).and_then(small_number) {
                if rest > 0 {
                    v += rest;
                    end = self.tok(next + skip_and)?.end;
                    next += skip_and + 1;
                }
            }
        }
        Some((v, next, end, false))
    }

    /// A unit word or sign at token `k`; returns it and the token after it.
    fn mark_after(&self, k: usize) -> (Option<Mark>, Option<usize>) {
        if self.sym(k) == Some('%') {
            return (Some(Mark::Percent), Some(k + 1));
        }
        let Some(w) = self.word(k) else {
            return (None, None);
        };
        let mut buf = [0u8; WORD_BUF];
        match lower_ascii(w, &mut buf) {
            "percent" => (Some(Mark::Percent), Some(k + 1)),
            "per" if self.word_is(k + 1, "cent") => (Some(Mark::Percent), Some(k + 2)),
            "percentage" if self.word_is(k + 1, "points") || self.word_is(k + 1, "point") => {
                (Some(Mark::Points), Some(k + 2))
            }
            "dollars" | "usd" => (Some(Mark::Dollars), Some(k + 1)),
            "u.s." if self.word_is(k + 1, "dollars") => (Some(Mark::Dollars), Some(k + 2)),
            // "four times the rate", "1.4 times higher" — not "spoke four times with".
            "times"
                if self
                    .word(k + 1)
                    .is_some_and(|n| in_list(n, MULTIPLE_FOLLOWERS)) =>
            {
                (Some(Mark::Times), Some(k + 1))
            }
            _ => (None, None),
        }
    }

    /// Reads the high end of a range after the low end `a`, which ends before token `k`.
    fn range_after(
        &self,
        k: usize,
        a: &Amount,
        a_money: bool,
        a_mark: Option<Mark>,
        between: bool,
        from: bool,
    ) -> Option<Range> {
        let sep = self.tok(k)?;
        let dash = match sep.kind {
            Kind::Sym('-') => {
                if !self.glued(k) || !self.glued(k + 1) {
                    return None;
                }
                true
            }
            Kind::Sym('–') => true,
            Kind::Word if !from && !between && self.word_is(k, "to") => false,
            Kind::Word if between && self.word_is(k, "and") => false,
            _ => return None,
        };
        let mut b_at = k + 1;
        let mut b_money = false;
        if self.sym(b_at) == Some('$') {
            b_money = true;
            b_at += 1;
        }
        let bt = self.tok(b_at)?;
        if bt.kind != Kind::Num && !(bt.kind == Kind::Word && self.spelled_start(b_at)) {
            return None;
        }
        if a.year_like && !a_money {
            // "2021–2023", "2021-22": both ends are years.
            return Some(Range::Reject(b_at + 1));
        }
        let b = self.amount(b_at, b_money || a_money)?;
        // "1-800-318-2596", "456-1111": phone numbers.
        if dash
            && (matches!(self.sym(b.next), Some('-' | '–')) && self.glued(b.next)
                || (a.plain_digits == 3 && b.plain_digits == 4))
        {
            let mut n = b.next;
            while matches!(self.sym(n), Some('-' | '–')) && self.glued(n) {
                n += 2;
            }
            return Some(Range::Reject(n));
        }
        let mut n = b.next;
        if self.sym(n) == Some('+') && self.glued(n) {
            return None;
        }
        let (b_mark, b_after) = self.mark_after(n);
        if let Some(after) = b_after {
            n = after;
        }
        let b_mark = if b.times { Some(Mark::Times) } else { b_mark };
        if a_mark.is_some() && a_mark != b_mark {
            return None;
        }
        if a.scaled && !b.scaled {
            return None;
        }
        if a.spelled != b.spelled && !dash && !between {
            return None;
        }
        let low = if b.scaled && !a.scaled {
            a.base.checked_mul(b.factor)?
        } else {
            a.value
        };
        if b.value <= low {
            return None;
        }
        Some(Range::Found {
            low,
            b,
            b_money,
            b_mark,
            b_next: n,
        })
    }

    /// True when the number is part of a date or clock time ("June 15", "19 August", "3 p.m.").
    fn is_date_or_time(&self, lead: usize, after_num: usize) -> bool {
        if self.word_before(lead).is_some_and(is_month_name) {
            return true;
        }
        self.word(after_num).is_some_and(|w| {
            is_month_name(w) || in_list(w, &["a.m.", "p.m.", "am", "pm", "a.m", "p.m"])
        })
    }

    /// True when the number is an age ("ages 16 to 24", "aged 65", "65 and older").
    fn is_age(&self, lead: usize, next: usize) -> bool {
        let before = lead.checked_sub(1);
        let age_word = |i: Option<usize>| {
            i.and_then(|i| self.word(i))
                .is_some_and(|w| in_list(w, AGE_WORDS))
        };
        if age_word(before) {
            return true;
        }
        if before.is_some_and(|b| self.word_is(b, "of") || self.word_is(b, "between"))
            && age_word(lead.checked_sub(2))
        {
            return true;
        }
        (self.word_is(next, "and") || self.word_is(next, "or"))
            && self.word(next + 1).is_some_and(|w| in_list(w, AGE_BOUNDS))
    }

    /// True when the bare number follows a name word ("Section 232", "Executive Order 14010",
    /// "COP 26"): a listed name word, or a capitalised word in mid-sentence.
    fn after_name(&self, lead: usize) -> bool {
        let Some(p) = lead.checked_sub(1) else {
            return false;
        };
        let Some(w) = self.word_before(lead) else {
            return false;
        };
        if in_list(w, NAME_WORDS) {
            return true;
        }
        let capital = w.chars().next().is_some_and(char::is_uppercase);
        let p = if self.sym(p) == Some('.') {
            p.saturating_sub(1)
        } else {
            p
        };
        let mid_sentence = p
            .checked_sub(1)
            .and_then(|q| self.tok(q))
            .is_some_and(|q| matches!(q.kind, Kind::Word | Kind::Num));
        capital && mid_sentence
    }

    /// True when a counted noun is a span of time ("four years"), not a tracked count; "hours
    /// of …" stays a figure ("3,500 hours of training").
    fn is_duration(&self, noun: &str, next: usize) -> bool {
        let first = noun.split_whitespace().next().unwrap_or("");
        let first = first.split('-').next().unwrap_or("");
        let last = noun.split_whitespace().last().unwrap_or("");
        if !in_list(first, DURATION_WORDS) && !in_list(last, DURATION_WORDS) {
            return false;
        }
        // "3,500 hours of training", "2,000 pro bono hours" are counted work.
        let hours = in_list(last, &["hours", "hour"]);
        !(hours && (self.word_is(next, "of") || noun.contains(' ')))
    }

    /// The noun after a money amount: "in financing", "in humanitarian assistance", or a
    /// singular noun right after ("project", "Centroamérica Local initiative").
    fn money_noun(&self, k: usize) -> Option<(usize, usize, usize)> {
        if self.word_is(k, "in") || (self.word_is(k, "worth") && self.word_is(k + 1, "of")) {
            let at = if self.word_is(k, "in") { k + 1 } else { k + 2 };
            let w = self.word(at)?;
            let lower_case = w.chars().next().is_some_and(char::is_lowercase) || w == "U.S.";
            if !lower_case || in_list(w, MONEY_IN_NOT_NOUNS) {
                return None;
            }
            return self.noun_at(at, false);
        }
        let w = self.word(k)?;
        if is_plural(w) || is_verb_form(w) {
            return None;
        }
        self.noun_at(k, true)
    }

    /// Reads a counted noun from token `k`: (start byte, end byte, token after).
    fn noun_at(&self, k: usize, singular_head: bool) -> Option<(usize, usize, usize)> {
        let start = self.tok(k)?.start;
        let mut end = None;
        let mut words = 0;
        let mut i = k;
        let mut prev_plural = false;
        let mut after_joiner = false;
        let mut before_joiner = None;
        let mut prev_capital = false;
        while words < MAX_NOUN_WORDS {
            let Some(w) = self.word(i) else {
                break;
            };
            if in_list(w, &["and", "or", "&"]) {
                // A lone singular word before a stop word is a verb ("and create around").
                let then_stops = self
                    .word(i + 2)
                    .is_none_or(|m| is_noun_end(m) || small_number(m).is_some());
                let ok = words > 0
                    && self.word(i + 1).is_some_and(|n| {
                        !is_noun_end(n)
                            && !is_verb_form(n)
                            && !is_adverb(n)
                            && small_number(n).is_none()
                            && (is_plural(n) || !then_stops)
                    })
                    // "jobs and companies announced": a new clause, not a joined noun.
                    && !self.word(i + 2).is_some_and(is_verb_form);
                if !ok {
                    break;
                }
                before_joiner = end.map(|e| (e, i, prev_plural));
                words += 1;
                i += 1;
                after_joiner = true;
                prev_plural = false;
                continue;
            }
            let first_ok = words == 0 && in_list(w, MEASURE_DROP_WORDS);
            if (is_noun_end(w) && !first_ok)
                || is_adverb(w)
                || small_number(w).is_some()
                || scale_factor(w).is_some()
                || is_month_name(w)
                || (prev_plural && !is_plural(w))
                || (after_joiner && is_verb_form(w))
            {
                break;
            }
            // A plural inside a capitalised name ("Local Works initiative") is no head noun.
            let capital = w.chars().next().is_some_and(char::is_uppercase);
            let in_name = capital && prev_capital;
            prev_capital = capital;
            words += 1;
            prev_plural = is_plural(w) && !in_name;
            if singular_head && prev_plural && words == 1 {
                break;
            }
            after_joiner = false;
            end = Some(self.tok(i)?.end);
            i += 1;
            // "returning/potential migrants": a glued slash joins two words.
            if self.sym(i) == Some('/')
                && self.glued(i)
                && self.glued(i + 1)
                && self.word(i + 1).is_some()
            {
                i += 1;
                prev_plural = false;
            }
        }
        let mut end = end?;
        // The cap cut a joined phrase short ("migrants and at-risk | youth"): keep its first part.
        // A plural head joins only another plural ("lives and cost | trillions" is a verb).
        let cut_short = words >= MAX_NOUN_WORDS
            && self
                .word(i)
                .is_some_and(|w| !is_noun_end(w) && !is_adverb(w));
        if let Some((e, j, head_plural)) = before_joiner {
            if cut_short || (head_plural && !prev_plural) {
                end = e;
                i = j;
            }
        }
        // "$1,200 more": drop words alone are no noun.
        if self
            .text
            .get(start..end)?
            .split_whitespace()
            .all(|w| in_list(w, MEASURE_DROP_WORDS))
        {
            return None;
        }
        let last = self.text.get(start..end)?.rsplit([' ', '/']).next()?;
        if last.chars().next().is_some_and(char::is_uppercase) && !is_plural(last) && last != "U.S."
        {
            // "11 Department of Labor projects": a proper name, not the counted noun.
            let whole_name = self
                .text
                .get(start..end)?
                .split(' ')
                .all(|w| w.chars().next().is_some_and(char::is_uppercase));
            if whole_name && !singular_head {
                return None;
            }
        }
        // Drop a trailing joiner that the word cap cut off ("teachers and").
        let mut next = i;
        while next > k && self.tok(next - 1).is_some_and(|t| t.end > end) {
            next -= 1;
        }
        Some((start, end, next))
    }
}

/// What follows a low end: a range, or a run of numbers that are no figure (years, phones).
#[derive(Debug)]
enum Range {
    Found {
        low: Decimal,
        b: Amount,
        b_money: bool,
        b_mark: Option<Mark>,
        b_next: usize,
    },
    Reject(usize),
}

/// The number part of a "-fold" word ("fivefold" → "five", "two-fold" → "two").
fn fold_prefix(word: &str) -> Option<&str> {
    let len = word.len();
    let cut = len.checked_sub(4)?;
    let tail = word.get(cut..)?;
    if !tail.eq_ignore_ascii_case("fold") {
        return None;
    }
    let head = word.get(..cut)?;
    let head = head.strip_suffix('-').unwrap_or(head);
    (!head.is_empty()).then_some(head)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One expected figure: value, max, unit, qualifier, noun, quote.
    type Want = (
        &'static str,
        Option<&'static str>,
        Unit,
        Qualifier,
        &'static str,
        &'static str,
    );

    use Qualifier::{Approximately as Approx, AtLeast, Exact, Nearly, Over, UpTo};
    use Unit::{Count, Percent, Times, Usd};

    const CASES: &[(&str, &[Want])] = &[
        // Counts with qualifiers and nouns.
        ("Federal support for nearly 6,500 small firms in the region has helped sustain more than 41,000 jobs.", &[
            ("6500", None, Count, Nearly, "small firms", "nearly 6,500 small firms"),
            ("41000", None, Count, Over, "jobs", "more than 41,000 jobs"),
        ]),
        ("The program trained over 300 labor inspectors on child labor standards.", &[
            ("300", None, Count, Over, "labor inspectors", "over 300 labor inspectors"),
        ]),
        ("The trade mission included more than 120 participants representing 58 U.S. companies from 19 states.", &[
            ("120", None, Count, Over, "participants", "more than 120 participants"),
            ("58", None, Count, Exact, "U.S. companies", "58 U.S. companies"),
            ("19", None, Count, Exact, "states", "19 states"),
        ]),
        ("Approximately 52 companies and organizations have pledged new investments.", &[
            ("52", None, Count, Approx, "companies and organizations", "Approximately 52 companies and organizations"),
        ]),
        ("The effort has resulted in 61 U.S. convictions of smuggling network members.", &[
            ("61", None, Count, Exact, "U.S. convictions", "61 U.S. convictions"),
        ]),
        ("Partners have carried out over 95,000 disruption activities and over 6,100 arrests.", &[
            ("95000", None, Count, Over, "disruption activities", "over 95,000 disruption activities"),
            ("6100", None, Count, Over, "arrests", "over 6,100 arrests"),
        ]),
        ("Treasury has sanctioned 21 individuals and entities for corruption.", &[
            ("21", None, Count, Exact, "individuals and entities", "21 individuals and entities"),
        ]),
        ("The State Department has trained more than 4,000 national and local government officials to apply audit standards.", &[
            ("4000", None, Count, Over, "national and local government officials", "more than 4,000 national and local government officials"),
        ]),
        ("Police academies graduated over 8,200 civilian police in the region.", &[
            ("8200", None, Count, Over, "civilian police", "over 8,200 civilian police"),
        ]),
        ("Programs reached more than 44,000 at-risk youth with prevention services.", &[
            ("44000", None, Count, Over, "at-risk youth", "more than 44,000 at-risk youth"),
        ]),
        ("In addition, more than 1,900 youth obtained jobs, with nearly 10,500 youth recently finishing their courses.", &[
            ("1900", None, Count, Over, "youth", "more than 1,900 youth"),
            ("10500", None, Count, Nearly, "youth", "nearly 10,500 youth"),
        ]),
        ("USAID reached more than 2,100 women, youth, and indigenous people with literacy classes.", &[
            ("2100", None, Count, Over, "women", "more than 2,100 women"),
        ]),
        ("The mission is training more than 350 staff from 54 organizations to improve child protection.", &[
            ("350", None, Count, Over, "staff", "more than 350 staff"),
            ("54", None, Count, Exact, "organizations", "54 organizations"),
        ]),
        ("Shelters provided care to 615 victims of human trafficking last year.", &[
            ("615", None, Count, Exact, "victims", "615 victims"),
        ]),
        ("The government has delivered more than 12 million vaccine doses free-of-cost to partner countries.", &[
            ("12000000", None, Count, Over, "vaccine doses", "more than 12 million vaccine doses"),
        ]),
        ("The United States shipped more than 9 million free-of-cost vaccine doses bilaterally.", &[
            ("9000000", None, Count, Over, "free-of-cost vaccine doses", "more than 9 million free-of-cost vaccine doses"),
        ]),
        ("Grants will support at least 40 community health centers across the state.", &[
            ("40", None, Count, AtLeast, "community health centers", "at least 40 community health centers"),
        ]),
        ("The initiative will serve a minimum of 2,000 rural households.", &[
            ("2000", None, Count, AtLeast, "rural households", "a minimum of 2,000 rural households"),
        ]),
        ("No fewer than 15 agencies signed the pledge.", &[
            ("15", None, Count, AtLeast, "agencies", "No fewer than 15 agencies"),
        ]),
        ("The corps has deployed almost 3,000 volunteers since the storm.", &[
            ("3000", None, Count, Nearly, "volunteers", "almost 3,000 volunteers"),
        ]),
        ("Close to 700 schools have been rebuilt.", &[
            ("700", None, Count, Nearly, "schools", "Close to 700 schools"),
        ]),
        ("The network now includes just under 90 clinics.", &[
            ("90", None, Count, Nearly, "clinics", "just under 90 clinics"),
        ]),
        ("Roughly 1,200 families received emergency cash.", &[
            ("1200", None, Count, Approx, "families", "Roughly 1,200 families"),
        ]),
        ("The program supports about 430 cooperatives and some 2,600 farmers.", &[
            ("430", None, Count, Approx, "cooperatives", "about 430 cooperatives"),
            ("2600", None, Count, Approx, "farmers", "some 2,600 farmers"),
        ]),
        ("Feed the Future reached an estimated 58,000 farmers in the highlands.", &[
            ("58000", None, Count, Approx, "farmers", "an estimated 58,000 farmers"),
        ]),
        ("The expansion could create up to an estimated 180,000 jobs.", &[
            ("180000", None, Count, UpTo, "jobs", "up to an estimated 180,000 jobs"),
        ]),
        ("Support reached as many as 21,000 private sector firms.", &[
            ("21000", None, Count, UpTo, "private sector firms", "as many as 21,000 private sector firms"),
        ]),
        ("The facility can house up to 500 unaccompanied children.", &[
            ("500", None, Count, UpTo, "unaccompanied children", "up to 500 unaccompanied children"),
        ]),
        ("Fewer than 30 counties still lack a testing site.", &[
            ("30", None, Count, UpTo, "counties", "Fewer than 30 counties"),
        ]),
        ("The rule covers a maximum of 75 ports of entry.", &[
            ("75", None, Count, UpTo, "ports", "a maximum of 75 ports"),
        ]),
        ("Volunteers logged over 3,500 hours of service this spring.", &[
            ("3500", None, Count, Over, "hours", "over 3,500 hours"),
        ]),
        ("Mentors provided 2,800+ hours of coaching to new entrepreneurs.", &[
            ("2800", None, Count, Over, "hours", "2,800+ hours"),
        ]),
        ("The partnership will connect 4,500 new businesses to export markets.", &[
            ("4500", None, Count, Exact, "new businesses", "4,500 new businesses"),
        ]),
        ("The agency distributed 250,000 U.S.-supported water filters.", &[
            ("250000", None, Count, Exact, "U.S.-supported water filters", "250,000 U.S.-supported water filters"),
        ]),
        ("Crews removed over 12 metric tons of illegal fishing gear.", &[
            ("12", None, Count, Over, "metric tons", "over 12 metric tons"),
        ]),
        ("Authorities seized over 3,200 small arms and light weapons.", &[
            ("3200", None, Count, Over, "small arms and light weapons", "over 3,200 small arms and light weapons"),
        ]),
        ("Shelters assisted over 900 domestic and gender-based violence survivors.", &[
            ("900", None, Count, Over, "domestic and gender-based violence survivors", "over 900 domestic and gender-based violence survivors"),
        ]),
        ("Scholarships helped nearly 14,000 returning/potential migrants stay in school.", &[
            ("14000", None, Count, Nearly, "returning/potential migrants", "nearly 14,000 returning/potential migrants"),
        ]),
        ("More than 9,000 young people completed the course.", &[
            ("9000", None, Count, Over, "young people", "More than 9,000 young people"),
        ]),
        ("Upwards of 600 teachers joined the network, and in excess of 80 districts adopted it.", &[
            ("600", None, Count, Over, "teachers", "Upwards of 600 teachers"),
            ("80", None, Count, Over, "districts", "in excess of 80 districts"),
        ]),
        ("The fund backed exceeding 70 startups.", &[
            ("70", None, Count, Over, "startups", "exceeding 70 startups"),
        ]),
        ("The project trained ~400 midwives.", &[
            ("400", None, Count, Approx, "midwives", "~400 midwives"),
        ]),
        ("The hotline handled approx. 5,000 calls.", &[
            ("5000", None, Count, Approx, "calls", "approx. 5,000 calls"),
        ]),
        ("The program enrolled 1,234,567 students.", &[
            ("1234567", None, Count, Exact, "students", "1,234,567 students"),
        ]),
        ("Field teams vaccinated 4.5 million children.", &[
            ("4500000", None, Count, Exact, "children", "4.5 million children"),
        ]),
        ("The 3M plant in Ohio employs 1,000 workers.", &[
            ("1000", None, Count, Exact, "workers", "1,000 workers"),
        ]),
        ("Exports reached 1.2bn tonnes.", &[
            ("1200000000", None, Count, Exact, "tonnes", "1.2bn tonnes"),
        ]),
        // Spelled numbers.
        ("A new project will combat violence in seven municipalities along the border.", &[
            ("7", None, Count, Exact, "municipalities", "seven municipalities"),
        ]),
        ("The company is connecting three million people to broadband.", &[
            ("3000000", None, Count, Exact, "people", "three million people"),
        ]),
        ("The plan funds one hundred rural clinics and twenty-five mobile units.", &[
            ("100", None, Count, Exact, "rural clinics", "one hundred rural clinics"),
            ("25", None, Count, Exact, "mobile units", "twenty-five mobile units"),
        ]),
        ("The firm will digitize one million micro and small businesses.", &[
            ("1000000", None, Count, Exact, "micro and small businesses", "one million micro and small businesses"),
        ]),
        ("Prosecutors indicted eight leaders of smuggling organizations.", &[
            ("8", None, Count, Exact, "leaders", "eight leaders"),
        ]),
        // Money.
        ("Micro and small businesses have accessed $142 million in financing to support recovery.", &[
            ("142000000", None, Usd, Exact, "financing", "$142 million in financing"),
        ]),
        ("Private partners have committed to invest more than $3.8 billion to strengthen livelihoods.", &[
            ("3800000000", None, Usd, Over, "", "more than $3.8 billion"),
        ]),
        ("The government provided $96 million in assistance for school meals.", &[
            ("96000000", None, Usd, Exact, "assistance", "$96 million in assistance"),
        ]),
        ("The effort leveraged an estimated $164 million from public and private sources.", &[
            ("164000000", None, Usd, Approx, "", "an estimated $164 million"),
        ]),
        ("The Department of State launched a $2 million project to reduce violence.", &[
            ("2000000", None, Usd, Exact, "project", "$2 million project"),
        ]),
        ("Through the four-year, $250 million Local Works initiative—partners lead the design.", &[
            ("250000000", None, Usd, Exact, "Local Works initiative", "$250 million Local Works initiative"),
        ]),
        ("The United States also provided nearly $380 million in humanitarian assistance to the region.", &[
            ("380000000", None, Usd, Nearly, "humanitarian assistance", "nearly $380 million in humanitarian assistance"),
        ]),
        ("The grants total $26.4 million this year.", &[
            ("26400000", None, Usd, Exact, "", "$26.4 million"),
        ]),
        ("Budget authority of $4,200 million was enacted.", &[
            ("4200000000", None, Usd, Exact, "", "$4,200 million"),
        ]),
        ("The bank approved a $1.2B credit line and a $500K pilot.", &[
            ("1200000000", None, Usd, Exact, "credit line", "$1.2B credit line"),
            ("500000", None, Usd, Exact, "pilot", "$500K pilot"),
        ]),
        ("The guarantee covers US$45 million in loans.", &[
            ("45000000", None, Usd, Exact, "loans", "US$45 million in loans"),
        ]),
        ("Partners pledged USD 12 million for clean water.", &[
            ("12000000", None, Usd, Exact, "", "USD 12 million"),
        ]),
        ("The state will receive 15 million dollars in new funding.", &[
            ("15000000", None, Usd, Exact, "new funding", "15 million dollars in new funding"),
        ]),
        ("The facility received $7.5 million for ports and another $7.5 million for roads.", &[
            ("7500000", None, Usd, Exact, "", "$7.5 million"),
            ("7500000", None, Usd, Exact, "", "$7.5 million"),
        ]),
        ("Funding rose to $3.1 trillion.", &[
            ("3100000000000", None, Usd, Exact, "", "$3.1 trillion"),
        ]),
        ("The lender extended a $2.5bn facility.", &[
            ("2500000000", None, Usd, Exact, "facility", "$2.5bn facility"),
        ]),
        ("Seizures exceeded $9 billion in illegal drugs last year.", &[
            ("9000000000", None, Usd, Exact, "illegal drugs", "$9 billion in illegal drugs"),
        ]),
        ("PepsiCo is investing at least $170 million in northern Central America.", &[
            ("170000000", None, Usd, AtLeast, "", "at least $170 million"),
        ]),
        ("The program pays $15 per hour.", &[
            ("15", None, Usd, Exact, "", "$15"),
        ]),
        ("Families will save $800 a year on premiums.", &[
            ("800", None, Usd, Exact, "", "$800"),
        ]),
        // Percent and multiples.
        ("Exports to the region rose 30% last year.", &[
            ("30", None, Percent, Exact, "", "30%"),
        ]),
        ("The program cut wait times by over 50%.", &[
            ("50", None, Percent, Over, "", "over 50%"),
        ]),
        ("Nearly 40 percent of recipients were women.", &[
            ("40", None, Percent, Nearly, "", "Nearly 40 percent"),
        ]),
        ("Emissions fell 12.5 per cent below the baseline.", &[
            ("12.5", None, Percent, Exact, "", "12.5 per cent"),
        ]),
        ("Unemployment fell by 2.1 percentage points.", &[
            ("2.1", None, Percent, Exact, "percentage points", "2.1 percentage points"),
        ]),
        ("Lending to women-owned firms grew five-fold.", &[
            ("5", None, Times, Exact, "", "five-fold"),
        ]),
        ("Lending to small farms grew fivefold in two years.", &[
            ("5", None, Times, Exact, "", "fivefold"),
        ]),
        ("Clean energy output is 1.4 times higher than in 2020.", &[
            ("1.4", None, Times, Exact, "", "1.4 times"),
        ]),
        ("Broadband speeds improved 2x for rural users.", &[
            ("2", None, Times, Exact, "", "2x"),
        ]),
        ("Demand grew 3-fold.", &[
            ("3", None, Times, Exact, "", "3-fold"),
        ]),
        // Ranges.
        ("Each hub will employ between 10 and 20 technicians.", &[
            ("10", Some("20"), Count, Exact, "technicians", "between 10 and 20 technicians"),
        ]),
        ("Premiums will fall 10 to 20 percent for most enrollees.", &[
            ("10", Some("20"), Percent, Exact, "", "10 to 20 percent"),
        ]),
        ("Each award will range from $5-$10 million.", &[
            ("5000000", Some("10000000"), Usd, Exact, "", "$5-$10 million"),
        ]),
        ("Grants of $5-10 million in seed capital are available.", &[
            ("5000000", Some("10000000"), Usd, Exact, "seed capital", "$5-10 million in seed capital"),
        ]),
        ("The centers will host 200–300 trainees each season.", &[
            ("200", Some("300"), Count, Exact, "trainees", "200–300 trainees"),
        ]),
        ("The plan covers 2 to 3 million acres of forest.", &[
            ("2000000", Some("3000000"), Count, Exact, "acres", "2 to 3 million acres"),
        ]),
        ("Costs may rise 15%-25% next year.", &[
            ("15", Some("25"), Percent, Exact, "", "15%-25%"),
        ]),
        // Several figures; qualifiers bind only to the next number.
        ("Over 150 individuals were identified, and 18 were sanctioned along with 12 companies.", &[
            ("150", None, Count, Over, "individuals", "Over 150 individuals"),
            ("12", None, Count, Exact, "companies", "12 companies"),
        ]),
        // Must not extract.
        ("A task force announced by the Vice President in June 2021 is working with partners.", &[]),
        ("In January 2023, the Department of State launched a new effort.", &[]),
        ("To combat the COVID-19 pandemic, partners distributed tests.", &[]),
        ("The plan was released in 2021 and updated for FY 2023 and FY23.", &[]),
        ("Funding for fiscal year 2024 covers 2021–2023 and the 2021-22 school year.", &[]),
        ("The meeting was held on August 19 and again on 19 August.", &[]),
        ("Investment surged in the 1990s and the 1990's.", &[]),
        ("The briefing starts at 3:00 p.m. and ends at 5 p.m.", &[]),
        ("Leaders of the G7 and the G-20 met in Rome.", &[]),
        ("The President signed Executive Order 14010 and E.O. 14008.", &[]),
        ("Tariffs under Section 232 and expulsions under Title 42 ended.", &[]),
        ("Congress passed H.R. 5376, now Public Law 117-58.", &[]),
        ("Carriers are building 5G networks and employers must file Form I-9.", &[]),
        ("Sensors track CO2 and PM2.5 levels near K-12 schools.", &[]),
        ("The strategy has five pillars: 1) economic security; 2) governance.", &[
            ("5", None, Count, Exact, "pillars", "five pillars"),
        ]),
        ("2. Expand access to capital for small firms.", &[]),
        ("Pillar I focuses on economic insecurity.", &[]),
        ("Details are at https://www.example.gov/fact-sheet-2023 and info@example.gov.", &[]),
        ("Call 1-800-318-2596 or (202) 456-1111 for help.", &[]),
        ("The program serves youth ages 16 to 24 and adults aged 65 and older.", &[]),
        ("It offers summer jobs to 16-year-olds.", &[]),
        ("Seniors 65 and older qualify automatically.", &[]),
        ("This is the 1st round, the third phase, for the 21st century.", &[]),
        ("The five-year, $300 million initiative begins now.", &[
            ("300000000", None, Usd, Exact, "initiative", "$300 million initiative"),
        ]),
        ("A five-year, $40 million effort to train nurses.", &[
            ("40000000", None, Usd, Exact, "effort", "$40 million effort"),
        ]),
        ("Payments reached $79,000,000,000,000,000,000 trillion.", &[]),
        ("The agency released a 10-year plan.", &[]),
        ("It is one of the largest programs and one company has joined.", &[]),
        ("The program will run over four years in two phases.", &[
            ("2", None, Count, Exact, "phases", "two phases"),
        ]),
        ("The program will run over four years.", &[]),
        ("The two countries signed the agreement.", &[]),
        ("Hundreds of volunteers and thousands of residents took part.", &[]),
        ("The order takes effect within 90 days.", &[]),
        ("Delegates met at COP 26 in Glasgow.", &[]),
        ("An overflowing 1234567890123456789012345678901234567890 jobs.", &[]),
        ("The cost was $999 trillion trillion.", &[]),
        ("Version 1.2.3 shipped.", &[]),
        ("Under Section 301, tariffs rose; see No. 5 and #12.", &[]),
        ("EO 14112 directs agencies to reform funding.", &[]),
        ("", &[]),
        ("Defense spending has risen for seven consecutive years.", &[]),
        ("Volunteers gave over 2,000 pro bono hours to families.", &[
            ("2000", None, Count, Over, "pro bono hours", "over 2,000 pro bono hours"),
        ]),
        ("Earnings rose by between four and 20 percent.", &[
            ("4", Some("20"), Percent, Exact, "", "between four and 20 percent"),
        ]),
        ("The economy added 375,000 manufacturing jobs and companies announced new plants.", &[
            ("375000", None, Count, Exact, "manufacturing jobs", "375,000 manufacturing jobs"),
        ]),
        ("Ranchers once got over 60 cents of every dollar spent on beef.", &[
            ("0.6", None, Usd, Over, "", "over 60 cents"),
        ]),
        ("The plan moves toward a net zero emissions economy.", &[]),
        // Ratios, other currencies, occasions, model numbers, modifiers.
        ("Nearly 1 in 7 households and one in five renters report hardship.", &[]),
        ("Nine out of 10 employers saw no adverse effects.", &[]),
        ("Canada will make CAD $1.5 billion available, and the EU pledged €40 million.", &[]),
        ("Japan set a 7.7 trillion JPY defense budget.", &[]),
        ("Officials have met four times with their counterparts.", &[]),
        ("Prices here are four times the national average.", &[
            ("4", None, Times, Exact, "", "four times"),
        ]),
        ("The airline ordered 777X jets for long routes.", &[]),
        ("Households pay $1,200 more each year, and the agency made $450 million available.", &[
            ("1200", None, Usd, Exact, "", "$1,200"),
            ("450000000", None, Usd, Exact, "", "$450 million"),
        ]),
        ("States are halfway to the 30 gigawatt goal, and two died in the storm.", &[]),
        ("The projects would trigger $33 billion in investment and create around 600,000 new jobs.", &[
            ("33000000000", None, Usd, Exact, "investment", "$33 billion in investment"),
            ("600000", None, Count, Approx, "new jobs", "around 600,000 new jobs"),
        ]),
        ("The virus has claimed over 500,000 American lives and cost trillions of dollars.", &[
            ("500000", None, Count, Over, "American lives", "over 500,000 American lives"),
        ]),
        ("The carrier ordered 200 American-made Boeing aircraft for its fleet.", &[
            ("200", None, Count, Exact, "American-made Boeing aircraft", "200 American-made Boeing aircraft"),
        ]),
        ("The compact commits up to 30,000 acre-feet of conserved water.", &[
            ("30000", None, Count, UpTo, "acre-feet", "up to 30,000 acre-feet"),
        ]),
    ];

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).expect("test decimal")
    }

    #[test]
    fn number_word_matches_agree_with_the_lists() {
        for (v, w) in SMALL_NUMBERS.iter().enumerate() {
            assert_eq!(small_number(w), u32::try_from(v).ok(), "{w}");
            assert_eq!(
                small_number(&w.to_uppercase()),
                u32::try_from(v).ok(),
                "{w}"
            );
            assert!(
                is_number_initial(w.as_bytes()[0]) && maybe_number_word(w),
                "{w}"
            );
        }
        for (k, t) in TENS.iter().enumerate() {
            let tens = u32::try_from(k).unwrap() * 10 + 20;
            assert_eq!(small_number(t), Some(tens), "{t}");
            for (u, w) in SMALL_NUMBERS.iter().enumerate().skip(1).take(9) {
                let compound = format!("{t}-{w}");
                let want = tens + u32::try_from(u).unwrap();
                assert_eq!(small_number(&compound), Some(want), "{compound}");
            }
            assert_eq!(small_number(&format!("{t}-ten")), None, "{t}-ten");
        }
        for w in [
            "the",
            "one-off",
            "twentyone",
            "tens",
            "zeros",
            "",
            "sixty-",
            "-six",
        ] {
            assert_eq!(small_number(w), None, "{w}");
        }
        for b in [b'a', b'b', b'x', b'1', b' ', 0xC3] {
            assert!(!is_number_initial(b), "{b}");
        }
    }

    #[test]
    fn table_of_phrasings() {
        assert!(CASES.len() >= 100, "{} cases", CASES.len());
        let mut failures = Vec::new();
        for (text, want) in CASES {
            let got: Vec<_> = extract_figures(text)
                .into_iter()
                .map(|f| (f.value, f.max, f.unit, f.qualifier, f.noun, f.quote))
                .collect();
            let want: Vec<_> = want
                .iter()
                .map(|(v, m, u, q, n, quote)| {
                    (d(v), m.map(d), *u, *q, n.to_string(), quote.to_string())
                })
                .collect();
            if got != want {
                failures.push(format!("{text}\n   got  {got:?}\n   want {want:?}"));
            }
        }
        assert!(
            failures.is_empty(),
            "{} failures:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }

    #[test]
    fn measures_drop_non_identity_adjectives() {
        assert_eq!(
            measure_for("free-of-cost vaccine doses", Unit::Count),
            "vaccine-doses"
        );
        assert_eq!(measure_for("U.S. companies", Unit::Count), "companies");
        assert_eq!(
            measure_for("Centroamérica Local initiative", Unit::Usd),
            "centroamerica-local-initiative"
        );
        assert_eq!(measure_for("", Unit::Usd), "usd");
        assert_eq!(measure_for("", Unit::Percent), "percent");
        assert_eq!(measure_for("", Unit::Times), "times");
        assert_eq!(measure_for("", Unit::Count), "count");
        assert_eq!(measure_for("new", Unit::Count), "new");
    }

    #[test]
    fn written_keeps_the_number_words() {
        let w: Vec<String> = extract_figures(
            "It gave $4.2 billion, then $4,200 million, to six municipalities and 30% of 90,000 firms.",
        )
        .into_iter()
        .map(|f| f.written)
        .collect();
        assert_eq!(w, ["4.2 billion", "4,200 million", "six", "30", "90,000"]);
    }

    #[test]
    fn pathological_inputs_stay_linear_and_safe() {
        let inputs = [
            "9".repeat(100_000),
            "1-".repeat(50_000),
            "$".repeat(100_000),
            "more than ".repeat(20_000),
            "1,000 ".repeat(20_000),
            "a".repeat(100_000),
            "U.S.".repeat(20_000),
            "é–’".repeat(30_000),
        ];
        for text in &inputs {
            let start = std::time::Instant::now();
            let figs = extract_figures(text);
            assert!(
                start.elapsed().as_secs() < 5,
                "slow on {:?}…",
                &text.get(..20)
            );
            assert!(figs.iter().all(|f| text.contains(&f.quote)));
        }
    }

    proptest::proptest! {
        #[test]
        fn never_panics_and_quotes_are_substrings(
            text in "[0-9a-zA-Z$%+,.:;()/~ \\-–—’'éU.S.]{0,80}"
        ) {
            for f in extract_figures(&text) {
                proptest::prop_assert!(text.contains(&f.quote));
                proptest::prop_assert_eq!(f.value, f.value.normalize());
            }
        }
    }

    /// Reads the real 2023-02-06 edition when the shared corpus sits beside the repository.
    #[test]
    #[ignore = "needs ../shared/corpus"]
    fn root_causes_2023_edition() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../shared/corpus/root-causes/2023-02-06.presidency.txt");
        let Ok(text) = std::fs::read_to_string(path) else {
            return;
        };
        let figures: Vec<Figure> = text
            .lines()
            .filter_map(|l| l.trim().strip_prefix("• "))
            .flat_map(extract_figures)
            .collect();
        let quotes: Vec<&str> = figures.iter().map(|f| f.quote.as_str()).collect();
        assert_eq!(figures.len(), 37, "{quotes:#?}");
        for want in [
            "nearly 8,000 private sector firms",
            "more than 90,000 jobs",
            "$179 million in financing",
            "more than $4.2 billion",
            "six municipalities",
            "nearly $420 million in humanitarian assistance",
        ] {
            assert!(quotes.contains(&want), "{want} missing");
        }
    }
}
