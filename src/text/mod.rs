//! Shared text handling: folding, slugs, stop words, months, sentences (and their cuts around
//! quotes), fast scans, digests.
//!
//! Every stage takes its vocabulary and text helpers from here, so a word list or a folding
//! rule exists once and no stage reaches into another for a helper.

mod cut;
mod digest;
mod fold;
mod months;
mod scan;
mod sentence;
mod space;
mod split;
mod stop_words;
mod words;

pub(crate) use cut::{Cut, Cutter};
pub(crate) use digest::digest;
pub use fold::{fold, slug, slug_is};
pub(crate) use months::{is_month_name, is_weekday_prefix, month_by_prefix, month_of};
pub(crate) use scan::{ascii_alnum_run, ascii_letter_run, find_first, sorted_common};
pub(crate) use sentence::end_within;
#[cfg(test)]
pub(crate) use sentence::first_sentence;
pub use sentence::{sentence_around, sentence_at, sentences};
pub(crate) use space::{normalize, push_norm, push_plain, push_space, trim, trim_in_place};
pub(crate) use split::each_word;
pub(crate) use split::equal8;
#[cfg(test)]
pub(crate) use split::every_space_text;
pub(crate) use stop_words::{is_packed_stop_word, is_stop_word, pack_letters, StopRole};
pub(crate) use words::{content_words, figure_words, lower_case_words, FigureWords, SCOPE_WORDS};

/// Room for the longest word any list holds; longer words are in no list.
pub(crate) const WORD_BUF: usize = 32;

/// Lower-cases an ASCII word into `buf` (other bytes are kept); a word too long for any list
/// gives "".
pub(crate) fn lower_ascii<'b>(word: &str, buf: &'b mut [u8; WORD_BUF]) -> &'b str {
    let bytes = word.as_bytes();
    let Some(dst) = buf.get_mut(..bytes.len()) else {
        return "";
    };
    for (d, s) in dst.iter_mut().zip(bytes) {
        *d = s.to_ascii_lowercase();
    }
    std::str::from_utf8(dst).unwrap_or("")
}

/// FNV-1a for short lower-case words: the look-up sets are fixed and made by us, so the
/// default hasher's protection against chosen keys buys nothing and costs several times more.
#[derive(Default, Clone, Copy)]
pub(crate) struct WordHash;

impl std::hash::BuildHasher for WordHash {
    type Hasher = Fnv1a;
    fn build_hasher(&self) -> Fnv1a {
        Fnv1a(0xcbf2_9ce4_8422_2325)
    }
}

/// The FNV-1a hash state.
pub(crate) struct Fnv1a(u64);

impl std::hash::Hasher for Fnv1a {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_ascii_keeps_other_bytes_and_refuses_long_words() {
        let mut buf = [0u8; WORD_BUF];
        assert_eq!(lower_ascii("Jobs", &mut buf), "jobs");
        assert_eq!(lower_ascii("Café", &mut buf), "café");
        assert_eq!(lower_ascii(&"x".repeat(WORD_BUF + 1), &mut buf), "");
    }
}
