//! The one stop-word list: every function word factdiff skips, with the jobs it does.
//!
//! One table rather than a list per stage, so a word's roles are visible side by side; each
//! stage asks for the role it needs ([`StopRole`]).

use std::sync::LazyLock;

/// What a stop word is skipped for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum StopRole {
    /// Ends a counted noun after a number: prepositions, articles, auxiliaries, common verbs.
    NounEnd = 1,
    /// Left out of a topic key derived from a claim's words.
    Key = 2,
    /// May stay lower case inside a title-case heading ("Training of Police").
    TitleLower = 4,
    /// Marks a re-issue or joins words in a sheet's title, never names its series.
    SeriesNoise = 8,
}

const NOUN_END: u8 = StopRole::NounEnd as u8;
const KEY: u8 = StopRole::Key as u8;
const TITLE_LOWER: u8 = StopRole::TitleLower as u8;
const SERIES_NOISE: u8 = StopRole::SeriesNoise as u8;

/// Each stop word (lower case) with its roles.
const STOP_WORDS: &[(&str, u8)] = &[
    ("a", NOUN_END | KEY | TITLE_LOWER | SERIES_NOISE),
    ("an", NOUN_END | KEY | TITLE_LOWER | SERIES_NOISE),
    ("the", NOUN_END | KEY | TITLE_LOWER | SERIES_NOISE),
    ("in", NOUN_END | KEY | TITLE_LOWER | SERIES_NOISE),
    ("to", NOUN_END | KEY | TITLE_LOWER | SERIES_NOISE),
    ("for", NOUN_END | KEY | TITLE_LOWER | SERIES_NOISE),
    ("from", NOUN_END | KEY | TITLE_LOWER),
    ("across", NOUN_END),
    ("with", NOUN_END | KEY | TITLE_LOWER | SERIES_NOISE),
    ("through", NOUN_END),
    ("of", NOUN_END | KEY | TITLE_LOWER | SERIES_NOISE),
    ("at", NOUN_END | KEY | TITLE_LOWER | SERIES_NOISE),
    ("on", NOUN_END | KEY | TITLE_LOWER | SERIES_NOISE),
    ("by", NOUN_END | KEY | TITLE_LOWER | SERIES_NOISE),
    ("into", NOUN_END),
    ("onto", NOUN_END),
    ("over", NOUN_END | KEY),
    ("under", NOUN_END),
    ("among", NOUN_END),
    ("amongst", NOUN_END),
    ("between", NOUN_END),
    ("within", NOUN_END),
    ("during", NOUN_END),
    ("per", NOUN_END),
    ("since", NOUN_END),
    ("than", NOUN_END | KEY),
    ("as", NOUN_END | KEY),
    ("via", NOUN_END | TITLE_LOWER),
    ("including", NOUN_END),
    ("like", NOUN_END),
    ("about", NOUN_END | KEY),
    ("after", NOUN_END),
    ("before", NOUN_END),
    ("throughout", NOUN_END),
    ("toward", NOUN_END),
    ("towards", NOUN_END),
    ("upon", NOUN_END),
    ("against", NOUN_END),
    ("around", NOUN_END | KEY),
    ("beyond", NOUN_END),
    ("without", NOUN_END),
    ("while", NOUN_END),
    ("who", NOUN_END),
    ("whom", NOUN_END),
    ("whose", NOUN_END),
    ("which", NOUN_END),
    ("that", NOUN_END | KEY),
    ("this", NOUN_END | KEY),
    ("these", NOUN_END | KEY),
    ("those", NOUN_END | KEY),
    ("where", NOUN_END),
    ("when", NOUN_END),
    ("because", NOUN_END),
    ("if", NOUN_END),
    ("so", NOUN_END),
    ("but", NOUN_END),
    ("nor", NOUN_END),
    ("yet", NOUN_END),
    ("not", NOUN_END),
    ("no", NOUN_END),
    ("also", NOUN_END),
    ("only", NOUN_END),
    ("already", NOUN_END),
    ("now", NOUN_END),
    ("still", NOUN_END),
    ("just", NOUN_END),
    ("even", NOUN_END),
    ("each", NOUN_END),
    ("every", NOUN_END),
    ("all", NOUN_END),
    ("both", NOUN_END),
    ("is", NOUN_END | KEY),
    ("are", NOUN_END | KEY),
    ("was", NOUN_END | KEY),
    ("were", NOUN_END | KEY),
    ("be", NOUN_END | KEY),
    ("been", NOUN_END | KEY),
    ("being", NOUN_END),
    ("have", NOUN_END | KEY),
    ("has", NOUN_END | KEY),
    ("had", NOUN_END),
    ("do", NOUN_END),
    ("does", NOUN_END),
    ("did", NOUN_END),
    ("will", NOUN_END | KEY),
    ("would", NOUN_END),
    ("shall", NOUN_END),
    ("should", NOUN_END),
    ("can", NOUN_END),
    ("could", NOUN_END),
    ("may", NOUN_END),
    ("might", NOUN_END),
    ("must", NOUN_END),
    ("it", NOUN_END | KEY),
    ("its", NOUN_END | KEY),
    ("their", NOUN_END | KEY),
    ("they", NOUN_END),
    ("them", NOUN_END),
    ("our", NOUN_END | KEY),
    ("we", NOUN_END),
    ("us", NOUN_END),
    ("his", NOUN_END),
    ("her", NOUN_END),
    ("he", NOUN_END),
    ("she", NOUN_END),
    ("you", NOUN_END),
    ("your", NOUN_END),
    ("i", NOUN_END),
    ("my", NOUN_END),
    ("there", NOUN_END),
    ("here", NOUN_END),
    ("then", NOUN_END),
    ("annually", NOUN_END),
    ("total", NOUN_END),
    ("worth", NOUN_END),
    ("until", NOUN_END),
    ("till", NOUN_END),
    ("plus", NOUN_END),
    ("minus", NOUN_END),
    ("versus", NOUN_END),
    ("vs", NOUN_END),
    ("respectively", NOUN_END),
    ("receive", NOUN_END),
    ("received", NOUN_END),
    ("get", NOUN_END),
    ("got", NOUN_END),
    ("gain", NOUN_END),
    ("gained", NOUN_END),
    ("attend", NOUN_END),
    ("participate", NOUN_END),
    ("participated", NOUN_END),
    ("benefit", NOUN_END),
    ("benefited", NOUN_END),
    ("work", NOUN_END),
    ("live", NOUN_END),
    ("remain", NOUN_END),
    ("continue", NOUN_END),
    ("become", NOUN_END),
    ("became", NOUN_END),
    ("make", NOUN_END),
    ("made", NOUN_END),
    ("take", NOUN_END),
    ("took", NOUN_END),
    ("join", NOUN_END),
    ("joined", NOUN_END),
    ("serve", NOUN_END),
    ("served", NOUN_END),
    ("reach", NOUN_END),
    ("reached", NOUN_END),
    ("need", NOUN_END),
    ("come", NOUN_END),
    ("came", NOUN_END),
    ("go", NOUN_END),
    ("went", NOUN_END),
    ("u.s.c.", NOUN_END),
    ("cfr", NOUN_END),
    ("c.f.r.", NOUN_END),
    ("percent", NOUN_END | KEY),
    ("percentage", NOUN_END),
    ("times", NOUN_END),
    ("investing", NOUN_END),
    ("working", NOUN_END),
    ("operating", NOUN_END),
    ("seeking", NOUN_END),
    ("providing", NOUN_END),
    ("supporting", NOUN_END),
    ("helping", NOUN_END),
    ("serving", NOUN_END),
    ("focusing", NOUN_END),
    ("totaling", NOUN_END),
    ("totalling", NOUN_END),
    ("representing", NOUN_END),
    ("participating", NOUN_END),
    ("targeting", NOUN_END),
    ("aiming", NOUN_END),
    ("designed", NOUN_END),
    ("more", NOUN_END | KEY),
    ("other", NOUN_END),
    ("others", NOUN_END),
    ("some", NOUN_END | KEY),
    ("several", NOUN_END),
    ("many", NOUN_END),
    ("most", NOUN_END),
    ("nearly", NOUN_END | KEY),
    ("almost", NOUN_END | KEY),
    ("approximately", NOUN_END | KEY),
    ("roughly", NOUN_END | KEY),
    ("available", NOUN_END),
    ("alone", NOUN_END),
    ("nationwide", NOUN_END),
    ("statewide", NOUN_END),
    ("worldwide", NOUN_END),
    ("overall", NOUN_END),
    ("combined", NOUN_END),
    ("apiece", NOUN_END),
    ("abroad", NOUN_END),
    ("online", NOUN_END),
    ("trillions", NOUN_END),
    ("billions", NOUN_END | KEY),
    ("millions", NOUN_END | KEY),
    ("thousands", NOUN_END | KEY),
    ("hundreds", NOUN_END | KEY),
    ("dozens", NOUN_END | KEY),
    ("begins", NOUN_END),
    ("includes", NOUN_END),
    ("provides", NOUN_END),
    ("supports", NOUN_END),
    ("helps", NOUN_END),
    ("aims", NOUN_END),
    ("builds", NOUN_END),
    ("creates", NOUN_END),
    ("targets", NOUN_END),
    ("covers", NOUN_END),
    ("expands", NOUN_END),
    ("brings", NOUN_END),
    ("offers", NOUN_END),
    ("seeks", NOUN_END),
    ("serves", NOUN_END),
    ("allows", NOUN_END),
    ("enables", NOUN_END),
    ("ensures", NOUN_END),
    ("requires", NOUN_END),
    ("represents", NOUN_END),
    ("represent", NOUN_END),
    ("remains", NOUN_END),
    ("marks", NOUN_END),
    ("continues", NOUN_END),
    ("reaches", NOUN_END),
    ("totals", NOUN_END),
    ("means", NOUN_END),
    ("and", KEY | TITLE_LOWER | SERIES_NOISE),
    ("u", KEY),
    ("s", KEY),
    ("or", KEY | TITLE_LOWER),
    ("fact", SERIES_NOISE),
    ("sheet", SERIES_NOISE),
    ("update", SERIES_NOISE),
    ("updates", SERIES_NOISE),
    ("new", SERIES_NOISE),
    ("progress", SERIES_NOISE),
    ("first", SERIES_NOISE),
    ("second", SERIES_NOISE),
    ("third", SERIES_NOISE),
    ("fourth", SERIES_NOISE),
    ("fifth", SERIES_NOISE),
    ("sixth", SERIES_NOISE),
    ("seventh", SERIES_NOISE),
    ("eighth", SERIES_NOISE),
    ("ninth", SERIES_NOISE),
    ("tenth", SERIES_NOISE),
    ("annual", SERIES_NOISE),
    ("latest", SERIES_NOISE),
    // Qualifiers, scale words and spelled numbers: a figure's wording, not a claim's topic.
    ("up", KEY),
    ("least", KEY),
    ("estimated", KEY),
    ("million", KEY),
    ("billion", KEY),
    ("thousand", KEY),
    ("trillion", KEY),
    ("hundred", KEY),
    ("exceeding", KEY),
    ("upwards", KEY),
    ("close", KEY),
    ("dozen", KEY),
    ("one", KEY),
    ("two", KEY),
    ("three", KEY),
    ("four", KEY),
    ("five", KEY),
    ("six", KEY),
    ("seven", KEY),
    ("eight", KEY),
    ("nine", KEY),
    ("ten", KEY),
    ("eleven", KEY),
    ("twelve", KEY),
    ("fifteen", KEY),
    ("twenty", KEY),
    ("thirty", KEY),
    ("forty", KEY),
    ("fifty", KEY),
    ("sixty", KEY),
    ("seventy", KEY),
    ("eighty", KEY),
    ("ninety", KEY),
];

static TABLE: LazyLock<Table> = LazyLock::new(Table::new);

/// True when `word` (any case) is a stop word in `role`.
pub(crate) fn is_stop_word(word: &str, role: StopRole) -> bool {
    TABLE.roles(word) & role as u8 != 0
}

/// The ASCII letters `text[at..at + len]` in lower case, packed as the table keeps its words
/// (bytes in order, zeros after); None when longer than any stop word may be or out of `text`.
/// Letters only: lower case is then one OR per byte, and the sixteen bytes from `at` are read
/// at once when the text holds them, so a word costs no copy loop.
pub(crate) fn pack_letters(text: &[u8], at: usize, len: usize) -> Option<u128> {
    const LOWER: u128 = u128::from_le_bytes([0x20; PACKED_BYTES]);
    let mask = *LETTER_MASKS.get(len)?;
    let raw = match text.get(at..).and_then(<[u8]>::first_chunk::<PACKED_BYTES>) {
        Some(chunk) => u128::from_le_bytes(*chunk),
        // Near the end of the text: the word alone.
        None => {
            let mut buf = [0u8; PACKED_BYTES];
            buf.get_mut(..len)?.copy_from_slice(text.get(at..at + len)?);
            u128::from_le_bytes(buf)
        }
    };
    Some((raw | LOWER) & mask)
}

/// The mask of the first `len` bytes of a packed word, for each `len` up to [`PACKED_BYTES`]:
/// one load, where the 128-bit shift took a dozen instructions.
const LETTER_MASKS: [u128; PACKED_BYTES + 1] = {
    let mut masks = [u128::MAX; PACKED_BYTES + 1];
    let mut len = 0;
    while len < PACKED_BYTES {
        masks[len] = (1u128 << (8 * len)) - 1;
        len += 1;
    }
    masks
};

/// True when a word of `len` letters packed by [`pack_letters`] is a stop word in `role`:
/// [`is_stop_word`] without packing the word again.
pub(crate) fn is_packed_stop_word(packed: u128, len: usize, role: StopRole) -> bool {
    TABLE.packed_roles(packed, len) & role as u8 != 0
}

/// The stop words grouped by length and first letter: a look-up compares a word with the
/// few words of its group, without a hash. Each word is kept as one number, its bytes in
/// order and zeros after, so that a comparison is one test rather than a loop of bytes.
struct Table {
    words: Vec<(u128, u8)>,
    /// The range of `words` for each length up to [`Table::longest`] and letter.
    groups: Vec<(usize, usize)>,
    longest: usize,
}

/// Room for the longest stop word.
const PACKED_BYTES: usize = 16;

/// A word's bytes, lower case (ASCII), as one number; None when too long for any stop word.
fn packed_lower(word: &[u8]) -> Option<u128> {
    let mut buf = [0u8; PACKED_BYTES];
    for (d, s) in buf.get_mut(..word.len())?.iter_mut().zip(word) {
        *d = s.to_ascii_lowercase();
    }
    Some(u128::from_le_bytes(buf))
}

impl Table {
    fn new() -> Table {
        let mut words = STOP_WORDS.to_vec();
        words.sort_by_key(|(w, _)| (w.len(), w.as_bytes()[0]));
        let longest = words.iter().map(|(w, _)| w.len()).max().unwrap_or(0);
        let mut groups = vec![(0, 0); (longest + 1) * 26];
        for (i, (w, _)) in words.iter().enumerate() {
            let g = &mut groups[Table::group(w.len(), w.as_bytes()[0])];
            *g = if g.1 == 0 { (i, i + 1) } else { (g.0, i + 1) };
        }
        // Every stop word fits (a test checks); one that did not would match nothing.
        let words = words
            .iter()
            .map(|(w, roles)| (packed_lower(w.as_bytes()).unwrap_or(0), *roles))
            .collect();
        Table {
            words,
            groups,
            longest,
        }
    }

    fn group(len: usize, first: u8) -> usize {
        len * 26 + usize::from(first - b'a')
    }

    /// The words of `len` bytes starting with `first` (lower case); none for other bytes.
    fn group_of(&self, len: usize, first: u8) -> &[(u128, u8)] {
        if len > self.longest || !first.is_ascii_lowercase() {
            return &[];
        }
        let (from, to) = self.groups[Table::group(len, first)];
        self.words.get(from..to).unwrap_or_default()
    }

    /// The roles of `word` (any ASCII case), 0 for a word in no list.
    fn roles(&self, word: &str) -> u8 {
        let Some(first) = word.bytes().next().map(|b| b.to_ascii_lowercase()) else {
            return 0;
        };
        // Most words have no group: they are not packed at all.
        let group = self.group_of(word.len(), first);
        if group.is_empty() {
            return 0;
        }
        let key = packed_lower(word.as_bytes());
        group
            .iter()
            .find(|(w, _)| Some(*w) == key)
            .map_or(0, |(_, roles)| *roles)
    }

    /// The roles of a packed lower-case word of `len` bytes, 0 for a word in no list.
    fn packed_roles(&self, packed: u128, len: usize) -> u8 {
        // The first byte is the low one.
        self.group_of(len, packed as u8)
            .iter()
            .find(|(w, _)| *w == packed)
            .map_or(0, |(_, roles)| *roles)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_are_kept_apart() {
        let cases = [
            ("of", StopRole::NounEnd, true),
            ("Of", StopRole::Key, true),
            ("remains", StopRole::NounEnd, true),
            ("remains", StopRole::Key, false),
            ("via", StopRole::TitleLower, true),
            ("via", StopRole::Key, false),
            ("sheet", StopRole::SeriesNoise, true),
            ("sheet", StopRole::NounEnd, false),
            ("jobs", StopRole::NounEnd, false),
            ("", StopRole::Key, false),
        ];
        for (word, role, want) in cases {
            assert_eq!(is_stop_word(word, role), want, "{word:?} as {role:?}");
        }
    }

    #[test]
    fn groups_find_every_word_in_any_case() {
        for (w, roles) in STOP_WORDS {
            assert!(w.as_bytes()[0].is_ascii_lowercase(), "{w}");
            let upper = w.to_ascii_uppercase();
            for role in [
                StopRole::NounEnd,
                StopRole::Key,
                StopRole::TitleLower,
                StopRole::SeriesNoise,
            ] {
                assert_eq!(is_stop_word(w, role), roles & role as u8 != 0, "{w}");
                assert_eq!(is_stop_word(&upper, role), roles & role as u8 != 0, "{w}");
            }
        }
        for w in [
            "Caf\u{e9}",
            "\u{e9}t\u{e9}",
            "1990",
            "-",
            "approximatelyy",
            "s\u{17f}",
        ] {
            assert!(!is_stop_word(w, StopRole::NounEnd), "{w}");
            assert!(!is_stop_word(w, StopRole::Key), "{w}");
        }
    }

    #[test]
    fn packed_letters_find_what_words_find() {
        // Every stop word in upper and lower case, at the end of a text and inside a longer
        // one (where sixteen bytes are read at once), and words that are no stop word.
        let mut words: Vec<String> = STOP_WORDS.iter().map(|(w, _)| w.to_string()).collect();
        words.extend(STOP_WORDS.iter().map(|(w, _)| w.to_ascii_uppercase()));
        words.extend(["Jobs", "THEM", "x", "approximatelyy", "Approximately"].map(String::from));
        let roles = [
            StopRole::NounEnd,
            StopRole::Key,
            StopRole::TitleLower,
            StopRole::SeriesNoise,
        ];
        for w in &words {
            for text in [w.to_string(), format!("ab {w} cdefghijklmnopqrstu")] {
                let at = text.find(w.as_str()).unwrap_or(0);
                let packed = pack_letters(text.as_bytes(), at, w.len());
                for role in roles {
                    let found = packed.is_some_and(|p| is_packed_stop_word(p, w.len(), role));
                    assert_eq!(found, is_stop_word(w, role), "{text:?} {role:?}");
                }
            }
        }
        let cases: [(&[u8], usize, usize, Option<u128>); 5] = [
            (
                b"Of the",
                0,
                2,
                Some(u128::from(u16::from_le_bytes(*b"of"))),
            ),
            (b"xx AN", 3, 2, Some(u128::from(u16::from_le_bytes(*b"an")))),
            (b"", 0, 0, Some(0)),
            (b"abc", 2, 2, None),
            (b"abcdefghijklmnopq", 0, 17, None),
        ];
        for (text, at, len, want) in cases {
            assert_eq!(pack_letters(text, at, len), want, "{text:?} {at} {len}");
        }
        assert!(!is_packed_stop_word(0, 0, StopRole::Key));
    }

    #[test]
    fn every_length_keeps_its_letters_only() {
        // Each length up to sixteen, inside a longer text: its letters lower-cased, zeros after.
        let text = b"ABCDEFGHIJKLMNOPQRST";
        for len in 0..=PACKED_BYTES {
            let mut want = [0u8; PACKED_BYTES];
            for (d, s) in want.iter_mut().zip(&text[1..1 + len]) {
                *d = s.to_ascii_lowercase();
            }
            assert_eq!(
                pack_letters(text, 1, len),
                Some(u128::from_le_bytes(want)),
                "{len}"
            );
        }
    }

    #[test]
    fn no_word_is_listed_twice() {
        let mut words: Vec<&str> = STOP_WORDS.iter().map(|(w, _)| *w).collect();
        words.sort_unstable();
        let n = words.len();
        words.dedup();
        assert_eq!(words.len(), n);
        assert!(STOP_WORDS
            .iter()
            .all(|(w, r)| *r != 0 && w.to_lowercase() == *w && w.len() <= PACKED_BYTES));
    }
}
