//! Series discovery: a sheet's title → a series key that ignores dates, edition suffixes,
//! "Update on" and typographic noise, so re-issues of one sheet land in one series.

use crate::text::{fold, is_stop_word, month_of, slug, sorted_common, StopRole};

/// The hasher of the store's own maps (series names, title words, digests, claim-set keys):
/// FxHash from `rustc-hash`, several times cheaper than the default SipHash on such short keys.
/// No map hashed with it is iterated where the order could reach an output; keys chosen to
/// collide (titles of crafted pulls) cost time, never a wrong answer.
pub(crate) type KeyHash = rustc_hash::FxBuildHasher;

/// Longest series folder name, in characters (long titles are cut at a word boundary).
pub const MAX_SERIES_NAME_CHARS: usize = 64;

/// A title may add or drop at most this many words (after noise words) and stay in its
/// series; a word swapped for another ("… with Brown University" / "… with Columbia
/// University") always starts a new series: it names another subject.
pub const MAX_TITLE_EXTRA_WORDS: usize = 2;

/// Titles with fewer shared words than this never join: too little to tell.
const MIN_SHARED_TITLE_WORDS: usize = 3;

/// The words that identify a sheet's series: folded, without dates, numbers, noise words.
///
/// ```
/// use factdiff::series::series_words;
/// let a = series_words("FACT SHEET: Update on the U.S. Strategy for Addressing the Root Causes of Migration in Central America");
/// let b = series_words("Fact Sheet: U.S. Strategy for Addressing the Root Causes of Migration in Central\u{a0}America (2)");
/// assert_eq!(a, b);
/// ```
pub fn series_words(title: &str) -> Vec<String> {
    // The three invisible characters start with 0xE2 or 0xEF: a title without either byte
    // (most) is used as it is, not copied a character at a time.
    let cleaned: std::borrow::Cow<str> = if title.bytes().any(|b| b == 0xe2 || b == 0xef) {
        title
            .chars()
            .filter(|c| !matches!(c, '\u{2060}' | '\u{200b}' | '\u{feff}'))
            .collect::<String>()
            .into()
    } else {
        title.into()
    };
    slug(&cleaned)
        .split('-')
        .filter(|w| !w.is_empty())
        .filter(|w| !w.chars().any(|c| c.is_ascii_digit()))
        .filter(|w| !is_stop_word(w, StopRole::SeriesNoise) && month_of(w).is_none())
        .map(str::to_string)
        .collect()
}

/// A folder name for a new series from a title: its series words joined by hyphens, cut at
/// [`MAX_SERIES_NAME_CHARS`].
pub fn series_name(title: &str) -> String {
    series_name_of(&series_words(title))
}

/// [`series_name`] from the title's [`series_words`] (folded once by a caller that needs them
/// for more).
pub fn series_name_of(words: &[String]) -> String {
    let mut name = String::new();
    for w in words {
        if name.len() + w.len() + 1 > MAX_SERIES_NAME_CHARS {
            break;
        }
        if !name.is_empty() {
            name.push('-');
        }
        name.push_str(w);
    }
    if name.is_empty() {
        "untitled".into()
    } else if crate::store::name_problem(&name).is_some() {
        // `CON`, `NUL`, `COM1`…: no folder can bear such a name on Windows.
        format!("{name}-series")
    } else {
        name
    }
}

/// True when two titles' series words differ only by added or dropped words (at most
/// [`MAX_TITLE_EXTRA_WORDS`]), never by a swapped word.
pub fn same_sheet(
    a: &std::collections::BTreeSet<String>,
    b: &std::collections::BTreeSet<String>,
) -> bool {
    let shared = a.intersection(b).count();
    same_sheet_counts(shared, a.len() - shared, b.len() - shared)
}

/// [`same_sheet`] from counts: words shared, and words only in one title or only in the other.
fn same_sheet_counts(shared: usize, only_a: usize, only_b: usize) -> bool {
    shared >= MIN_SHARED_TITLE_WORDS
        && ((only_a == 0 && only_b <= MAX_TITLE_EXTRA_WORDS)
            || (only_b == 0 && only_a <= MAX_TITLE_EXTRA_WORDS))
}

/// One title looked up against series one at a time (no matcher to build): the same answer
/// as [`SeriesMatcher::best`] over the same series — the most similar at or above the
/// threshold that [`same_sheet`] accepts, ties to the fewest differing words, then the first
/// name. Cheaper than building a matcher for a single look-up.
#[derive(Debug, Clone)]
pub struct TitleScan<'a> {
    words: Vec<String>,
    min_similarity: f64,
    best: Option<(usize, &'a str)>,
}

impl<'a> TitleScan<'a> {
    /// A scan for `title`; none when the title has too few words to tell.
    pub fn new(title: &str, min_similarity: f64) -> Option<TitleScan<'a>> {
        let mut words = series_words(title);
        words.sort_unstable();
        words.dedup();
        (words.len() >= MIN_SHARED_TITLE_WORDS && min_similarity > 0.0).then_some(TitleScan {
            words,
            min_similarity,
            best: None,
        })
    }

    /// Offers one series with its title words (reordered in place).
    pub fn offer(&mut self, name: &'a str, words: &mut Vec<&str>) {
        words.sort_unstable();
        words.dedup();
        self.offer_sorted(name, words);
    }

    /// Offers one series with its title words, sorted and without repeats.
    pub fn offer_sorted(&mut self, name: &'a str, words: &[&str]) {
        let (mut i, mut j, mut shared) = (0, 0, 0);
        while i < self.words.len() && j < words.len() {
            match self.words[i].as_str().cmp(words[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    shared += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
        if shared == 0 {
            return;
        }
        let n = self.words.len();
        let union = n + words.len() - shared;
        if (shared as f64 / union as f64) < self.min_similarity
            || !same_sheet_counts(shared, n - shared, words.len() - shared)
        {
            return;
        }
        let extra = union - shared;
        let better = match self.best {
            None => true,
            Some((e, current)) => extra < e || (extra == e && name < current),
        };
        if better {
            self.best = Some((extra, name));
        }
    }

    /// The best series offered.
    pub fn best(&self) -> Option<&'a str> {
        self.best.map(|(_, s)| s)
    }
}

/// Similarity (0–1) of two titles' series words: shared words over all words (Jaccard).
pub fn title_similarity(a: &str, b: &str) -> f64 {
    let wa: std::collections::BTreeSet<String> = series_words(a).into_iter().collect();
    let wb: std::collections::BTreeSet<String> = series_words(b).into_iter().collect();
    let union = wa.union(&wb).count();
    if union == 0 {
        return 0.0;
    }
    wa.intersection(&wb).count() as f64 / union as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invisible_characters_are_dropped_from_titles() {
        assert_eq!(
            series_words("Biden-\u{2060}Harris\u{200b} Plan\u{feff} – “Act”"),
            series_words("Biden-Harris Plan – “Act”")
        );
    }

    #[test]
    fn names_ignore_noise() {
        let cases = [
            (
                "FACT SHEET: Update on the Harbor Renewal Initiative",
                "harbor-renewal-initiative",
            ),
            (
                "Fact Sheet: Harbor Renewal Initiative, March 2023",
                "harbor-renewal-initiative",
            ),
            (
                "FACT SHEET: Biden-\u{2060}Harris Administration Announces X",
                "biden-harris-administration-announces-x",
            ),
            ("", "untitled"),
        ];
        for (title, want) in cases {
            assert_eq!(series_name(title), want, "{title}");
        }
    }

    #[test]
    fn matcher_agrees_with_plain_jaccard() {
        let titles = [
            "FACT SHEET: Update on the Harbor Renewal Initiative",
            "FACT SHEET: President Biden Announces New Actions to Lower Costs",
            "FACT SHEET: President Biden Announces New Actions to Lower Health Costs",
            "Fact Sheet: Quad Leaders Summit",
            "FACT SHEET: Harbor Renewal Initiative (2)",
        ];
        let mut m = SeriesMatcher::default();
        for (i, t) in titles.iter().enumerate() {
            let set = |x: &str| {
                series_words(x)
                    .into_iter()
                    .collect::<std::collections::BTreeSet<_>>()
            };
            let by_scan = titles[..i]
                .iter()
                .filter(|o| title_similarity(t, o) >= 0.5 && same_sheet(&set(t), &set(o)))
                .map(|o| series_name(o))
                .min();
            assert_eq!(m.best(t, 0.5).map(str::to_string), by_scan, "{t}");
            if m.best(t, 0.5).is_none() {
                m.insert(&series_name(t), t);
            }
        }
    }

    #[test]
    fn a_title_scan_agrees_with_the_matcher() {
        let titles = [
            ("a", "FACT SHEET: Update on the Harbor Renewal Initiative"),
            (
                "b",
                "FACT SHEET: President Biden Announces New Actions to Lower Costs",
            ),
            ("c", "Fact Sheet: Quad Leaders Summit"),
            ("d", "FACT SHEET: Harbor Renewal Initiative for the Gulf"),
        ];
        let mut m = SeriesMatcher::default();
        for (s, t) in titles {
            m.insert(s, t);
        }
        for query in [
            "FACT SHEET: Harbor Renewal Initiative (2)",
            "Fact Sheet: 2024 Quad Leaders' Summit",
            "FACT SHEET: President Biden Announces New Actions to Lower Health Costs",
            "Something else entirely here",
            "Quad",
        ] {
            let scan = TitleScan::new(query, 0.5).and_then(|mut scan| {
                for (s, t) in titles {
                    let owned = series_words(t);
                    let mut words: Vec<&str> = owned.iter().map(String::as_str).collect();
                    scan.offer(s, &mut words);
                }
                scan.best()
            });
            assert_eq!(scan, m.best(query, 0.5), "{query}");
        }
    }

    #[test]
    fn matcher_agrees_with_a_scan_of_every_series() {
        // Titles made of a small vocabulary, so that many share words, add or drop some.
        let vocabulary = [
            "harbor",
            "renewal",
            "initiative",
            "quad",
            "leaders",
            "summit",
            "lower",
            "costs",
            "health",
            "biden",
            "actions",
            "announces",
        ];
        let mut seed = 0x9e37_79b9_7f4a_7c15_u64;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        let set = |x: &str| {
            series_words(x)
                .into_iter()
                .collect::<std::collections::BTreeSet<_>>()
        };
        let mut m = SeriesMatcher::default();
        let mut stored: Vec<(String, String)> = Vec::new();
        let mut joined = 0;
        for k in 0..400 {
            let len = 2 + (next() % 6) as usize;
            let words: Vec<&str> = (0..len)
                .map(|_| vocabulary[(next() % vocabulary.len() as u64) as usize])
                .collect();
            let title = format!("FACT SHEET: {}", words.join(" "));
            let by_scan = stored
                .iter()
                .filter(|(_, t)| {
                    title_similarity(&title, t) >= 0.5 && same_sheet(&set(&title), &set(t))
                })
                .map(|(name, t)| {
                    let (a, b) = (set(&title), set(t));
                    (a.symmetric_difference(&b).count(), name.clone())
                })
                .min()
                .map(|(_, name)| name);
            assert_eq!(m.best(&title, 0.5).map(str::to_string), by_scan, "{title}");
            match by_scan {
                Some(name) => {
                    joined += 1;
                    // The series now answers to its latest title.
                    m.insert(&name, &title);
                    if let Some(entry) = stored.iter_mut().find(|(n, _)| *n == name) {
                        entry.1 = title;
                    }
                }
                None => {
                    let name = format!("s{k}");
                    m.insert(&name, &title);
                    stored.push((name, title));
                }
            }
        }
        assert!(
            joined > 50,
            "the vocabulary should make many titles join: {joined}"
        );
    }

    #[test]
    fn same_sheet_allows_rewording_not_another_subject() {
        let set = |x: &str| {
            series_words(x)
                .into_iter()
                .collect::<std::collections::BTreeSet<_>>()
        };
        let same = [
            (
                "Fact Sheet: Quad Leaders' Summit",
                "Fact Sheet: 2024 Quad Leaders' Summit",
            ),
            (
                "FACT SHEET: Convenes Third Global Gathering to Counter Ransomware",
                "FACT SHEET: Convenes Fourth Global Gathering to Counter Ransomware",
            ),
            (
                "FACT SHEET: Advances Equality for Transgender Americans",
                "FACT SHEET: Advances Equality and Visibility for Transgender Americans",
            ),
            (
                "FACT SHEET: The Lead Pipe and Paint Action Plan",
                "FACT SHEET: Delivering Progress on the Lead Pipe and Paint Action Plan",
            ),
        ];
        for (a, b) in same {
            assert!(same_sheet(&set(a), &set(b)), "{a} / {b}");
        }
        let different = [
            (
                "Fact Sheet: President Trump Secures Major Settlement with Brown University",
                "Fact Sheet: President Trump Secures Major Settlement with Columbia University",
            ),
            (
                "FACT SHEET: How the Agenda Helps Black Communities",
                "FACT SHEET: How the Agenda Helps Latino Communities",
            ),
            ("Fact Sheet: Quad", "Fact Sheet: Quad Leaders' Summit"),
        ];
        for (a, b) in different {
            assert!(!same_sheet(&set(a), &set(b)), "{a} / {b}");
        }
    }

    #[test]
    fn similarity_bounds() {
        assert_eq!(
            title_similarity("Harbor Renewal", "FACT SHEET: Update on Harbor Renewal"),
            1.0
        );
        assert_eq!(title_similarity("Harbor Renewal", "Wetlands"), 0.0);
    }
}

/// Hand-made series choices in `<store>/series.toml`: a pin sends every title that contains
/// one of its phrases (`titles`), or that would join the series of one of its example titles
/// (`like`: the same words, give or take two), to the named series, before any automatic
/// matching. Pins are tried in file order, so a more specific pin listed first splits a series
/// in two. `factdiff series merge` adds a `like` pin, so that later editions of the merged
/// series keep joining.
///
/// ```toml
/// [[pin]]
/// series = "root-causes"
/// titles = ["Update on the U.S. Strategy for Addressing the Root Causes of Migration"]
///
/// [[pin]]
/// series = "quad-leaders-summit"
/// like = ["Fact Sheet: Quad Summit"]
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeriesConfig {
    /// The pins, in order.
    #[serde(default, rename = "pin")]
    pub pins: Vec<Pin>,
}

/// One pin: titles holding any of `titles` (case- and accent-insensitive) go to `series`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pin {
    /// The series folder name.
    pub series: String,
    /// Phrases to look for in a title.
    #[serde(default)]
    pub titles: Vec<String>,
    /// Example titles: a title that would join the series of one of them joins this series.
    #[serde(default)]
    pub like: Vec<String>,
}

/// How similar a title must be to a pin's example title to follow it (as for joining a
/// series by title).
const LIKE_MIN_SIMILARITY: f64 = 0.5;

/// The config file's name inside the store.
pub const SERIES_CONFIG_FILE: &str = "series.toml";

impl SeriesConfig {
    /// Reads `<store>/series.toml` when it exists.
    pub fn load(store_root: &std::path::Path) -> crate::Result<SeriesConfig> {
        let path = store_root.join(SERIES_CONFIG_FILE);
        // Never through a symbolic link: its target's keys would be quoted in errors.
        let Some(text) = crate::store::read_store_text(&path)? else {
            return Ok(SeriesConfig::default());
        };
        SeriesConfig::parse(&text, &path)
    }

    /// Parses the text of a `series.toml` (`path` names it in errors); every pinned series
    /// name must be a valid one.
    pub fn parse(text: &str, path: &std::path::Path) -> crate::Result<SeriesConfig> {
        let config: SeriesConfig =
            toml::from_str(text).map_err(|e| crate::claimset::toml_error(text, path, &e))?;
        for pin in &config.pins {
            crate::store::check_name(&pin.series)?;
        }
        Ok(config)
    }

    /// The pinned series for a title, if any: the first pin with a phrase the title contains,
    /// or an example title the title would join.
    pub fn pinned(&self, title: &str) -> Option<&str> {
        // Most stores pin nothing: no title folding then.
        if self.pins.is_empty() {
            return None;
        }
        let folded = fold(title);
        let words: std::collections::BTreeSet<String> = series_words(title).into_iter().collect();
        self.pins
            .iter()
            .find(|p| {
                p.titles.iter().any(|t| folded.contains(&fold(t)))
                    || p.like.iter().any(|t| {
                        let like: std::collections::BTreeSet<String> =
                            series_words(t).into_iter().collect();
                        title_similarity(title, t) >= LIKE_MIN_SIMILARITY
                            && same_sheet(&words, &like)
                    })
            })
            .map(|p| p.series.as_str())
    }
}

/// Finds the existing series a title belongs to, fast. Words are numbered once, each series
/// keeps its words as sorted numbers, and each word lists the series that hold it. A title
/// of the same sheet adds words (it then holds all of the title's words) or drops at most
/// [`MAX_TITLE_EXTRA_WORDS`] of them, so it holds one of any `MAX_TITLE_EXTRA_WORDS + 1` of the
/// title's words: only the series listed under the title's rarest few words are compared.
#[derive(Debug, Clone, Default)]
pub struct SeriesMatcher {
    names: Vec<String>,
    ids: std::collections::HashMap<String, usize, KeyHash>,
    /// Each series' words, as sorted word numbers.
    words: Vec<Vec<u32>>,
    word_ids: std::collections::HashMap<String, u32, KeyHash>,
    /// The series holding each word, by word number.
    by_word: Vec<Vec<usize>>,
}

impl SeriesMatcher {
    /// Remembers (or updates) the title a series answers to.
    pub fn insert(&mut self, series: &str, title: &str) {
        self.insert_words(series, series_words(title));
    }

    /// [`SeriesMatcher::insert`] with the title's [`series_words`] made already (the index
    /// keeps them, so opening a store does not fold every title again).
    pub fn insert_words<S: AsRef<str>>(
        &mut self,
        series: &str,
        title_words: impl IntoIterator<Item = S>,
    ) {
        let mut words: Vec<u32> = title_words
            .into_iter()
            .map(|w| self.word_id(w.as_ref()))
            .collect();
        words.sort_unstable();
        words.dedup();
        let id = match self.ids.get(series) {
            Some(&id) => {
                if self.words[id] == words {
                    return;
                }
                for &w in &self.words[id] {
                    if let Some(list) = self.by_word.get_mut(w as usize) {
                        list.retain(|&s| s != id);
                    }
                }
                id
            }
            None => {
                self.names.push(series.to_string());
                self.words.push(Vec::new());
                self.ids.insert(series.to_string(), self.names.len() - 1);
                self.names.len() - 1
            }
        };
        for &w in &words {
            if let Some(list) = self.by_word.get_mut(w as usize) {
                list.push(id);
            }
        }
        self.words[id] = words;
    }

    /// The number of a word, given one when new.
    fn word_id(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.word_ids.get(word) {
            return id;
        }
        let id = u32::try_from(self.by_word.len()).unwrap_or(u32::MAX);
        self.by_word.push(Vec::new());
        self.word_ids.insert(word.to_string(), id);
        id
    }

    /// True when a series of that name is known.
    pub fn contains(&self, series: &str) -> bool {
        self.ids.contains_key(series)
    }

    /// The most similar series at or above `min_similarity` that [`same_sheet`] accepts (ties:
    /// the fewest differing words, then the first name).
    pub fn best(&self, title: &str, min_similarity: f64) -> Option<&str> {
        self.best_of(&series_words(title), min_similarity)
    }

    /// [`SeriesMatcher::best`] from the title's [`series_words`].
    pub fn best_of(&self, words: &[String], min_similarity: f64) -> Option<&str> {
        let mut title_words: Vec<&str> = words.iter().map(String::as_str).collect();
        title_words.sort_unstable();
        title_words.dedup();
        let n = title_words.len();
        if n < MIN_SHARED_TITLE_WORDS || min_similarity <= 0.0 {
            return None;
        }
        // Words no series holds can only be among the dropped ones.
        let mut known: Vec<u32> = title_words
            .iter()
            .filter_map(|w| self.word_ids.get(*w).copied())
            .collect();
        if n - known.len() > MAX_TITLE_EXTRA_WORDS {
            return None;
        }
        known.sort_unstable();
        // The rarest words first (unknown ones, held by no series, are rarest of all).
        let listed = |w: u32| self.by_word.get(w as usize).map_or(&[][..], Vec::as_slice);
        let mut by_rarity: Vec<u32> = known.clone();
        by_rarity.sort_by_key(|&w| (listed(w).len(), w));
        // Prefix filtering for Jaccard similarity gives another bound; the tighter one wins.
        let keep = (min_similarity * n as f64).ceil() as usize;
        let prefix = (n.saturating_sub(keep) + 1).min(MAX_TITLE_EXTRA_WORDS + 1);
        let unknown = n - known.len();
        let mut candidates: Vec<usize> = by_rarity
            .iter()
            .take(prefix.saturating_sub(unknown))
            .flat_map(|&w| listed(w).iter().copied())
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        let mut best: Option<(usize, &str)> = None;
        for id in candidates {
            let other = &self.words[id];
            let shared = sorted_common(&known, other);
            let union = n + other.len() - shared;
            if (shared as f64 / union as f64) < min_similarity
                || !same_sheet_counts(shared, n - shared, other.len() - shared)
            {
                continue;
            }
            let extra = union - shared;
            let name = self.names[id].as_str();
            let better = match best {
                None => true,
                Some((e, current)) => extra < e || (extra == e && name < current),
            };
            if better {
                best = Some((extra, name));
            }
        }
        best.map(|(_, s)| s)
    }
}
