//! Folding: the one way text is made comparable (ASCII, lower case), and slugs built on it.

/// Lower case, ASCII-folded, single-spaced: what rules, similarity and titles compare.
///
/// "  Café AND  Más " folds to "cafe and mas".
pub fn fold(text: &str) -> String {
    // deunicode returns text below 0x7F as it is: one pass and one allocation then.
    if text.bytes().all(|b| b < 0x7f) {
        let mut out = String::with_capacity(text.len());
        for w in text.split_whitespace() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(w);
        }
        out.make_ascii_lowercase();
        return out;
    }
    let folded = deunicode::deunicode(text).to_lowercase();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Lower-case, ASCII-folded words joined by single hyphens; apostrophes vanish ("Harris's" →
/// "harriss").
///
/// "Vice President Harris's Call to Action" → "vice-president-harriss-call-to-action".
pub fn slug(text: &str) -> String {
    let folded = deunicode::deunicode(text);
    let mut out = String::with_capacity(folded.len());
    let mut pending_hyphen = false;
    for ch in folded.chars() {
        if ch.is_ascii_alphanumeric() {
            if pending_hyphen && !out.is_empty() {
                out.push('-');
            }
            pending_hyphen = false;
            out.push(ch.to_ascii_lowercase());
        } else if ch == '\'' {
            // "Harris's" stays one word.
        } else {
            pending_hyphen = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_of_headings() {
        let cases = [
            ("Creating Opportunities", "creating-opportunities"),
            ("  Training   Civilian Police ", "training-civilian-police"),
            (
                "Assisting GBV Survivors and Protecting Children",
                "assisting-gbv-survivors-and-protecting-children",
            ),
            (
                "Vice President’s Call to Action",
                "vice-presidents-call-to-action",
            ),
            ("Harris's plan", "harriss-plan"),
            ("Centroamérica Local", "centroamerica-local"),
        ];
        for (text, want) in cases {
            assert_eq!(slug(text), want, "{text}");
        }
    }

    #[test]
    fn folding_and_slugs() {
        let cases = [
            (
                "Creating Opportunities",
                "creating opportunities",
                "creating-opportunities",
            ),
            ("  U.S.  Strategy ", "u.s. strategy", "u-s-strategy"),
            ("Résumé\u{a0}Naïve", "resume naive", "resume-naive"),
            ("Harris's", "harris's", "harriss"),
            ("A\x0bB\tC ", "a b c", "a-b-c"),
            ("", "", ""),
        ];
        for (text, folded, slugged) in cases {
            assert_eq!(fold(text), folded, "{text:?}");
            assert_eq!(slug(text), slugged, "{text:?}");
        }
    }
}
