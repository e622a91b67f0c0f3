//! Series discovery: a sheet's title → a series key that ignores dates, edition suffixes,
//! "Update on" and typographic noise, so re-issues of one sheet land in one series.

use crate::claimset::slug;

/// Longest series folder name, in characters (long titles are cut at a word boundary).
pub const MAX_SERIES_NAME_CHARS: usize = 64;

/// Words that mark a re-issue rather than name the sheet.
const NOISE_WORDS: [&str; 8] = [
    "fact", "sheet", "update", "updates", "on", "the", "new", "progress",
];

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The words that identify a sheet's series: folded, without dates, numbers, noise words.
///
/// ```
/// use factdiff::series::series_words;
/// let a = series_words("FACT SHEET: Update on the U.S. Strategy for Addressing the Root Causes of Migration in Central America");
/// let b = series_words("Fact Sheet: U.S. Strategy for Addressing the Root Causes of Migration in Central\u{a0}America (2)");
/// assert_eq!(a, b);
/// ```
pub fn series_words(title: &str) -> Vec<String> {
    let cleaned: String = title
        .chars()
        .filter(|c| !matches!(c, '\u{2060}' | '\u{200b}' | '\u{feff}'))
        .collect();
    slug(&cleaned)
        .split('-')
        .filter(|w| !w.is_empty())
        .filter(|w| !w.chars().all(|c| c.is_ascii_digit()))
        .filter(|w| !NOISE_WORDS.contains(w) && !MONTHS.contains(w))
        .map(str::to_string)
        .collect()
}

/// A folder name for a new series from a title: its series words joined by hyphens, cut at
/// [`MAX_SERIES_NAME_CHARS`].
pub fn series_name(title: &str) -> String {
    let mut name = String::new();
    for w in series_words(title) {
        if name.len() + w.len() + 1 > MAX_SERIES_NAME_CHARS {
            break;
        }
        if !name.is_empty() {
            name.push('-');
        }
        name.push_str(&w);
    }
    if name.is_empty() {
        "untitled".into()
    } else {
        name
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
    fn similarity_bounds() {
        assert_eq!(
            title_similarity("Harbor Renewal", "FACT SHEET: Update on Harbor Renewal"),
            1.0
        );
        assert_eq!(title_similarity("Harbor Renewal", "Wetlands"), 0.0);
    }
}
