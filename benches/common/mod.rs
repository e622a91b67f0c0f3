//! Inputs shared by the benches: the repository's fixtures, the archive beside the checkout
//! (when present), and deterministic generators for larger editions and long series.

#![allow(dead_code)] // each bench uses a part

use factdiff::claimset::{ClaimSet, TopicKey};
use factdiff::pipeline::{extract_bytes, ExtractOptions};
use factdiff::topics::TopicRules;
use rust_decimal::Decimal;
use std::path::{Path, PathBuf};

/// The repository root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `../shared/archive/fact-sheets` beside the checkout (or `$FACTDIFF_ARCHIVE`), when present.
pub fn archive_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("FACTDIFF_ARCHIVE")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("../shared/archive/fact-sheets"));
    dir.is_dir().then_some(dir)
}

/// Files directly in `dir` with extension `ext`, sorted by name.
pub fn files_with_ext(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .collect();
    files.sort();
    files
}

/// The harbor test series' rules.
pub fn harbor_rules() -> TopicRules {
    TopicRules::load(&root().join("tests/fixtures/harbor/topics.toml")).expect("harbor rules")
}

/// The root-causes series' rules.
pub fn root_causes_rules() -> TopicRules {
    // The demo series pairs without a rules file.
    TopicRules::default()
}

/// One stored root-causes edition (no claim text).
pub fn root_causes(date: &str) -> ClaimSet {
    ClaimSet::load(&root().join(format!("editions/root-causes/{date}.toml"))).expect("edition")
}

/// The three stored root-causes editions, oldest first.
pub fn root_causes_all() -> Vec<ClaimSet> {
    ["2022-04-19", "2023-02-06", "2024-03-25"]
        .iter()
        .map(|d| root_causes(d))
        .collect()
}

/// The harbor Markdown editions, extracted with their text, oldest first.
pub fn harbor_sets() -> Vec<ClaimSet> {
    let options = ExtractOptions {
        keep_text: true,
        rules: harbor_rules(),
        ..ExtractOptions::default()
    };
    files_with_ext(&root().join("tests/fixtures/harbor"), "md")
        .iter()
        .map(|p| {
            let bytes = std::fs::read(p).expect("fixture");
            extract_bytes(&bytes, p, &options).expect("harbor fixture extracts")
        })
        .collect()
}

/// Grows `set` to at least `bytes` of TOML by repeating its claims; each repeat gets its own
/// topic keys (`…-part-2`) so that the copies are distinct claims, as in a long sheet.
pub fn grow_to(set: &ClaimSet, bytes: usize) -> ClaimSet {
    let mut out = set.clone();
    let mut part = 2;
    'outer: while out.to_toml().len() < bytes {
        for claim in &set.claims {
            let mut c = claim.clone();
            c.topic = TopicKey::from_slug(format!("{}-part-{part}", claim.topic.as_str()));
            if let Some(h) = &mut c.heading {
                h.push_str(&format!(" (part {part})"));
            }
            out.claims.push(c);
            if out.to_toml().len() >= bytes {
                break 'outer;
            }
        }
        part += 1;
    }
    out
}

/// A document of at least `bytes`: the front matter of `md`, then its body repeated, each copy
/// with its bold lead headings numbered so that the claims stay distinct.
pub fn grow_markdown(md: &str, bytes: usize) -> String {
    let (front, body) = split_front_matter(md);
    let mut out = String::from(front);
    out.push_str(body);
    let mut part = 2;
    while out.len() < bytes {
        out.push_str("\n\n<!-- -->\n\n");
        out.push_str(&body.replace(":**", &format!(" (part {part}):**")));
        part += 1;
    }
    out
}

fn split_front_matter(md: &str) -> (&str, &str) {
    if let Some(rest) = md.strip_prefix("---\n") {
        if let Some(end) = rest.find("\n---\n") {
            let cut = 4 + end + 5;
            return (&md[..cut], &md[cut..]);
        }
    }
    ("", md)
}

/// A small deterministic generator (xorshift64*), so that the benches need no extra crate.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// True with probability `percent` / 100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }
}

/// `n` editions of one series, a week apart, starting from `base`: each edition carries the previous one's figures forward, moves about a
/// fifth of the values by −10 %…+30 %, and now and then drops a claim or brings back one
/// dropped earlier. Deterministic for a given `seed`.
pub fn perturbed_series(base: &ClaimSet, n: usize, seed: u64) -> Vec<ClaimSet> {
    let mut rng = Rng::new(seed);
    let start = chrono::NaiveDate::from_ymd_opt(2000, 1, 3).expect("date");
    let mut current = base.clone();
    let mut dropped: Vec<factdiff::Claim> = Vec::new();
    let mut out = Vec::with_capacity(n);
    for k in 0..n {
        if k > 0 {
            for claim in &mut current.claims {
                for fig in &mut claim.figures {
                    if rng.chance(20) {
                        // −10 % … +30 %, in whole units.
                        let pct = rng.below(41) as i64 - 10;
                        let delta = fig.value * Decimal::from(pct) / Decimal::from(100);
                        fig.value = (fig.value + delta).round().max(Decimal::ONE);
                    }
                }
            }
            if rng.chance(5) && current.claims.len() > 2 {
                let i = rng.below(current.claims.len() as u64) as usize;
                dropped.push(current.claims.remove(i));
            }
            if rng.chance(5) && !dropped.is_empty() {
                let i = rng.below(dropped.len() as u64) as usize;
                let claim = dropped.remove(i);
                let at = rng.below(current.claims.len() as u64 + 1) as usize;
                current.claims.insert(at, claim);
            }
        }
        let mut set = current.clone();
        set.edition.date = start + chrono::Duration::days(7 * k as i64);
        set.edition.digest = Some(format!("sha256:{k:064x}"));
        out.push(set);
    }
    out
}
