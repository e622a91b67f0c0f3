//! Number vocabulary: spelled numbers, scale words and suffixes, and the words that make "N times"
//! a multiple.

use super::Words;
/// Spelled numbers below twenty.
pub(crate) const SMALL_NUMBERS: &[&str] = &[
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
pub(crate) const TENS: &[&str] = &[
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// Scale words written apart from the number ("4.2 billion").
pub(crate) const SCALE_WORDS: &[(&str, u64)] = &[
    // "two dozen states" is 24 states.
    ("dozen", 12),
    ("thousand", 1_000),
    ("million", 1_000_000),
    ("billion", 1_000_000_000),
    ("trillion", 1_000_000_000_000),
    ("mn", 1_000_000),
    ("mln", 1_000_000),
    ("bn", 1_000_000_000),
    ("bln", 1_000_000_000),
];

/// Scale words that stand for a number after "a" or "half a" ("a million homes", "half a
/// billion doses"): they lead a figure as number words do.
pub(crate) const ARTICLE_SCALES: &[&str] = &["dozen", "thousand", "million", "billion", "trillion"];

/// Scale suffixes glued to a number ("$1.2B", "$500K"), matched case-sensitively; the bool says
/// whether the suffix also counts without a money sign.
pub(crate) const SCALE_SUFFIXES: &[(&str, u64, bool)] = &[
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
    // A scale word glued on by a typo ("$78billion", "$22.5million").
    ("thousand", 1_000, true),
    ("million", 1_000_000, true),
    ("billion", 1_000_000_000, true),
    ("trillion", 1_000_000_000_000, true),
];

/// Words after "N times" that make it a multiple ("three times the price", "1.4 times higher");
/// other uses count occasions ("met four times with"), which are not tracked.
pub(crate) const MULTIPLE_FOLLOWERS: Words = Words::new(&[
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
]);
