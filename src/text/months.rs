//! Month and weekday names: the one table every stage reads dates and date words from.

/// Month names, lower case, in calendar order.
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

/// Weekday names, lower case.
const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// The month (1–12) a lower-case full name gives ("march" → 3).
pub(crate) fn month_of(word: &str) -> Option<u32> {
    MONTHS.iter().position(|m| *m == word).map(|i| i as u32 + 1)
}

/// The month (1–12) a lower-case name or abbreviation of at least three letters gives
/// ("sept", "feb", "janu").
pub(crate) fn month_by_prefix(word: &str) -> Option<u32> {
    if word.len() < 3 {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| m.starts_with(word))
        .map(|i| i as u32 + 1)
}

/// True for a capitalised month name or standard abbreviation ("May", "Sept", "Jan"), case
/// sensitive so that "may" the verb is not a month.
pub(crate) fn is_month_name(word: &str) -> bool {
    // Most words are ruled out by length and first letter, before any copy.
    let initial = word.as_bytes().first().copied().unwrap_or_default();
    if !(3..=9).contains(&word.len()) || !b"JFMASOND".contains(&initial) {
        return false;
    }
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    if !first.is_ascii_uppercase() || !chars.all(|c| c.is_ascii_lowercase()) {
        return false;
    }
    let lower = word.to_ascii_lowercase();
    let standard = lower.len() == 3 || lower == "sept" || month_of(&lower).is_some();
    standard && month_by_prefix(&lower).is_some()
}

/// True for a lower-case weekday name or a prefix of one of at least three letters.
pub(crate) fn is_weekday_prefix(word: &str) -> bool {
    word.len() >= 3 && WEEKDAYS.iter().any(|w| w.starts_with(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_words() {
        let cases = [
            ("May", true),
            ("may", false),
            ("Sept", true),
            ("Sep", true),
            ("Janu", false),
            ("December", true),
            ("DECEMBER", false),
            ("Mars", false),
            ("", false),
        ];
        for (word, want) in cases {
            assert_eq!(is_month_name(word), want, "{word:?}");
        }
        assert_eq!(month_of("march"), Some(3));
        assert_eq!(month_of("mar"), None);
        assert_eq!(month_by_prefix("sept"), Some(9));
        assert_eq!(month_by_prefix("ma"), None);
        assert!(is_weekday_prefix("mon"));
        assert!(!is_weekday_prefix("mo"));
    }
}
