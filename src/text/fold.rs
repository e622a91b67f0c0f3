//! Folding: the one way text is made comparable (ASCII, lower case), and slugs built on it.

use super::ascii_alnum_run;

/// Lower case, ASCII-folded, single-spaced: what rules, similarity and titles compare.
///
/// "  Café AND  Más " folds to "cafe and mas".
pub fn fold(text: &str) -> String {
    // deunicode returns text below 0x7F as it is.
    if below_del(text) {
        return fold_ascii(text);
    }
    let folded = deunicode::deunicode(text);
    if folded.is_ascii() {
        // Lower-casing ASCII is ASCII lower-casing: no second copy.
        return fold_ascii(&folded);
    }
    let folded = folded.to_lowercase();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether every byte is ASCII below DEL, which deunicode keeps as it is.
fn below_del(text: &str) -> bool {
    text.bytes().all(|b| b < 0x7f)
}

/// [`fold`] of ASCII text: words copied whole with single spaces between, then lower-cased.
fn fold_ascii(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let bytes = text.as_bytes();
    // The white space `split_whitespace` splits at (vertical tab and form feed included).
    let is_space = |b: &u8| char::from(*b).is_whitespace();
    let mut i = 0;
    while let Some(rest) = bytes.get(i..) {
        let Some(start) = rest.iter().position(|b| !is_space(b)).map(|p| i + p) else {
            break;
        };
        let end = bytes
            .get(start..)
            .and_then(|word| word.iter().position(is_space))
            .map_or(bytes.len(), |p| start + p);
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(text.get(start..end).unwrap_or_default());
        i = end;
    }
    out.make_ascii_lowercase();
    out
}

/// Lower-case, ASCII-folded words joined by single hyphens; apostrophes vanish ("Harris's" →
/// "harriss").
///
/// "Vice President Harris's Call to Action" → "vice-president-harriss-call-to-action".
pub fn slug(text: &str) -> String {
    if below_del(text) {
        return slug_ascii(text);
    }
    slug_ascii(&deunicode::deunicode(text))
}

/// Whether `slug(text)` is `want`, found without building the slug while `text` is plain ASCII:
/// most texts compared with a title differ within a few bytes.
pub fn slug_is(text: &str, want: &str) -> bool {
    let mut want_bytes = want.bytes();
    let mut emitted = false;
    let mut pending_hyphen = false;
    for b in text.bytes() {
        if b >= 0x7f {
            // deunicode would transliterate from here on: the slug is built. Up to here the
            // bytes were kept as they are, so what was emitted matched.
            return slug(text) == want;
        }
        if b.is_ascii_alphanumeric() {
            if pending_hyphen && emitted && want_bytes.next() != Some(b'-') {
                return false;
            }
            pending_hyphen = false;
            emitted = true;
            if want_bytes.next() != Some(b.to_ascii_lowercase()) {
                return false;
            }
        } else if b != b'\'' {
            pending_hyphen = true;
        }
    }
    want_bytes.next().is_none()
}

/// [`slug`] of text deunicode gives back as it is (or of its output): runs of ASCII letters and
/// digits copied whole, then lower-cased.
fn slug_ascii(folded: &str) -> String {
    let bytes = folded.as_bytes();
    let mut out = String::with_capacity(folded.len());
    let mut pending_hyphen = false;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let run = ascii_alnum_run(bytes, i);
        if run > 0 {
            if pending_hyphen && !out.is_empty() {
                out.push('-');
            }
            pending_hyphen = false;
            out.push_str(folded.get(i..i + run).unwrap_or_default());
            i += run;
        } else {
            // "Harris's" stays one word; any other byte parts words.
            pending_hyphen |= b != b'\'';
            i += 1;
        }
    }
    out.make_ascii_lowercase();
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

    /// [`fold`] as it was first written: deunicode, lower case, split and join.
    fn fold_by_parts(text: &str) -> String {
        let folded = deunicode::deunicode(text).to_lowercase();
        folded.split_whitespace().collect::<Vec<_>>().join(" ")
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

    #[test]
    fn ascii_paths_match_the_general_ones() {
        let slug_by_parts = |text: &str| slug_ascii(&deunicode::deunicode(text));
        for text in [
            "\x0c\u{2014}x\u{1f}\x0b Y\u{a0}",
            "a\u{7f}b \u{4eac}\u{1c}",
            " Caf\u{e9} \u{2018}Q\u{2019} \r\n z ",
            "\u{130}stanbul \u{212a}",
            "ASCII only,\tplain  TEXT\x0b",
        ] {
            assert_eq!(fold(text), fold_by_parts(text), "{text:?}");
            assert_eq!(slug(text), slug_by_parts(text), "{text:?}");
        }
    }

    #[test]
    fn ascii_slugs_match_a_character_loop() {
        let by_chars = |text: &str| {
            let mut out = String::new();
            let mut pending_hyphen = false;
            for ch in text.chars() {
                if ch.is_ascii_alphanumeric() {
                    if pending_hyphen && !out.is_empty() {
                        out.push('-');
                    }
                    pending_hyphen = false;
                    out.push(ch.to_ascii_lowercase());
                } else if ch != '\'' {
                    pending_hyphen = true;
                }
            }
            out
        };
        for text in [
            "",
            "'",
            "-a",
            "Harris's Plan--for 2,000 JOBS. ",
            "'Quoted' \u{e9}t\u{e9} \u{7f}x",
            "abcdefghijklmnopqrstuvwxyz0123456789 ABCDEFGHIJ'KLMNOP",
        ] {
            assert_eq!(slug_ascii(text), by_chars(text), "{text:?}");
        }
    }

    #[test]
    fn slug_is_compares_with_the_slug() {
        let texts = [
            "Creating Opportunities",
            "  Creating   opportunities!",
            "Creating Opportunities Now",
            "Creating",
            "Harris's Plan",
            "Harris\u{2019}s Plan",
            "Caf\u{e9} Plan",
            "Cafe Plan",
            "x\u{7f}y",
            "",
            "--",
        ];
        for text in texts {
            for want in texts.iter().map(|t| slug(t)).chain(["".into(), "-".into()]) {
                assert_eq!(
                    slug_is(text, &want),
                    slug(text) == want,
                    "{text:?} {want:?}"
                );
            }
        }
    }
}
