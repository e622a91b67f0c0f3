//! The measure slug of a counted noun: the key under which figures of one kind are compared.

use super::MEASURE_DROP;
use crate::figure::Unit;
use crate::text::slug;

/// The measure slug for a noun (and unit when the noun is empty): lower case, ASCII-folded,
/// hyphens, without the adjectives of [`MEASURE_DROP`].
pub fn measure_for(noun: &str, unit: Unit) -> String {
    // Money and percentages mostly have no noun: their measure is the unit's.
    if noun.is_empty() {
        return unit.as_str().to_ascii_lowercase();
    }
    let dropped = |w: &str| MEASURE_DROP.has(w.trim_end_matches([',', ';']));
    let mut measure = if noun.split_whitespace().any(dropped) {
        let mut kept = String::with_capacity(noun.len());
        for w in noun.split_whitespace().filter(|w| !dropped(w)) {
            if !kept.is_empty() {
                kept.push(' ');
            }
            kept.push_str(w);
        }
        slug_of(&kept)
    } else {
        slug_of(noun)
    };
    if measure.is_empty() {
        measure = slug_of(noun);
    }
    if measure.is_empty() {
        measure = unit.as_str().to_ascii_lowercase();
    }
    measure
}

/// [`slug`] of `text`, built a byte at a time when every byte is below DEL (where `slug` keeps
/// the bytes as they are): a noun is slugged once per figure.
fn slug_of(text: &str) -> String {
    let bytes = text.as_bytes();
    if !bytes.iter().all(|&b| b < 0x7f) {
        return slug(text);
    }
    let mut out = String::with_capacity(bytes.len());
    let mut pending_hyphen = false;
    for &b in bytes {
        if b.is_ascii_alphanumeric() {
            if pending_hyphen && !out.is_empty() {
                out.push('-');
            }
            pending_hyphen = false;
            out.push(char::from(b.to_ascii_lowercase()));
        } else if b != b'\'' {
            pending_hyphen = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slug_of_is_slug() {
        for text in [
            "",
            "jobs",
            "Small  Businesses",
            "Harris's plan",
            "co-workers, (new)",
            "  --  ",
            "Centroamérica Local",
            "tab\tand\x0bform",
            "'s 'n' it's",
            "a - ' - b",
            "x''",
            "''",
            "a",
            "A1 b2-'-C3",
        ] {
            assert_eq!(slug_of(text), slug(text), "{text}");
        }
    }

    #[test]
    fn measures_drop_non_identity_adjectives() {
        let cases = [
            ("free-of-cost vaccine doses", Unit::Count, "vaccine-doses"),
            ("U.S. companies", Unit::Count, "companies"),
            (
                "Centroamérica Local initiative",
                Unit::Usd,
                "centroamerica-local-initiative",
            ),
            ("", Unit::Usd, "usd"),
            ("", Unit::Percent, "percent"),
            ("", Unit::Times, "times"),
            ("", Unit::Count, "count"),
            ("new", Unit::Count, "new"),
            ("", Unit::PercentagePoints, "percentage-points"),
            ("", Unit::Acres, "acres"),
        ];
        for (noun, unit, want) in cases {
            assert_eq!(measure_for(noun, unit), want, "{noun}");
        }
    }
}
