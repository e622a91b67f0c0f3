//! Ingesting pulls into the store: choosing the series, skipping known pulls, storing a
//! re-publication under the same date as the next revision, keeping the raw pull beside it.

use crate::align::AlignSettings;
use crate::claimset::ClaimSet;
use crate::diff::{diff, Flag, Report};
use crate::error::{Error, Result};
use crate::pipeline::{extract_bytes, ExtractOptions};
use crate::series::{series_name, title_similarity};
use crate::store::{load_stored, write_atomic_new, Store};
use crate::topics::TopicRules;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// How `add` behaves.
#[derive(Debug, Clone)]
pub struct AddOptions {
    /// Put every pull in this series instead of matching titles.
    pub series: Option<String>,
    /// Keep the raw pull beside its claim set.
    pub keep_raw: bool,
    /// Keep the claims' own words in the claim set.
    pub keep_text: bool,
    /// A title joins an existing series at or above this similarity (0–1).
    pub min_title_similarity: f64,
}

impl Default for AddOptions {
    fn default() -> Self {
        AddOptions {
            series: None,
            keep_raw: true,
            keep_text: true,
            // Re-issued sheets differ by dates and "Update on"; after removing those, their
            // words agree almost entirely, while different sheets of one office share few.
            min_title_similarity: 0.8,
        }
    }
}

/// What happened to one pull.
#[derive(Debug, Clone)]
pub enum Outcome {
    /// Stored as a new edition.
    Added {
        /// The pull.
        file: PathBuf,
        /// The series it joined.
        series: String,
        /// The claim set written.
        path: PathBuf,
    },
    /// Already stored (same digest); nothing written.
    Skipped {
        /// The pull.
        file: PathBuf,
        /// The claim set that already holds it.
        existing: PathBuf,
    },
    /// A different pull under a date already stored: kept as the next revision.
    Revised {
        /// The pull.
        file: PathBuf,
        /// The series.
        series: String,
        /// The claim set written.
        path: PathBuf,
        /// What changed against the earlier release of that date (flagged `republished`).
        report: Box<Report>,
    },
}

/// An open store ready to take pulls; remembers digests and titles between pulls.
#[derive(Debug)]
pub struct Ingest {
    store: Store,
    digests: BTreeMap<String, PathBuf>,
    titles: BTreeMap<String, String>,
}

impl Ingest {
    /// Reads what the store holds (digests and each series' latest title).
    pub fn open(store: Store) -> Result<Ingest> {
        let mut digests = BTreeMap::new();
        let mut titles = BTreeMap::new();
        if store.root().is_dir() {
            for series in store.series()? {
                for e in store.editions(&series)? {
                    let set = load_stored(&e)?;
                    if let Some(d) = &set.edition.digest {
                        digests.insert(d.clone(), e.path.clone());
                    }
                    titles.insert(series.clone(), set.edition.title.clone());
                }
            }
        }
        Ok(Ingest {
            store,
            digests,
            titles,
        })
    }

    /// The store.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Chooses the series for a title: the one asked for, the most similar existing one
    /// at or above the threshold, else a new one named after the title.
    pub fn series_for(&self, title: &str, options: &AddOptions) -> String {
        if let Some(s) = &options.series {
            return s.clone();
        }
        let best = self
            .titles
            .iter()
            .map(|(name, t)| (title_similarity(title, t), name))
            .filter(|(score, _)| *score >= options.min_title_similarity)
            .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)));
        match best {
            Some((_, name)) => name.clone(),
            None => series_name(title),
        }
    }

    /// Stores one pull.
    pub fn add(&mut self, file: &Path, options: &AddOptions) -> Result<Outcome> {
        if file.is_dir() {
            return Err(Error::IsDirectory {
                path: file.to_path_buf(),
            });
        }
        let bytes = std::fs::read(file).map_err(|e| Error::io(file, e))?;
        let extract = ExtractOptions {
            keep_text: true,
            ..ExtractOptions::default()
        };
        let mut set = extract_bytes(&bytes, file, &extract)?;
        let digest = set.edition.digest.clone().unwrap_or_default();
        if let Some(existing) = self.digests.get(&digest) {
            let existing = existing.clone();
            if options.keep_raw {
                self.repair_raw(&existing, file, &bytes)?;
            }
            return Ok(Outcome::Skipped {
                file: file.to_path_buf(),
                existing,
            });
        }
        let series = self.series_for(&set.edition.title, options);
        crate::store::check_name(&series)?;
        let rules = if self.store.series_dir(&series).is_dir() {
            self.store.rules(&series)?
        } else {
            TopicRules::default()
        };
        for claim in &mut set.claims {
            rules.apply(claim);
            if !options.keep_text {
                claim.text = None;
            }
        }
        let same_date = if self.store.series_dir(&series).is_dir() {
            self.store
                .editions(&series)?
                .into_iter()
                .rfind(|e| e.date == set.edition.date)
        } else {
            None
        };
        let path = self.store.write_new(&series, &mut set)?;
        if options.keep_raw {
            self.write_raw(&path, file, &bytes)?;
        }
        self.digests.insert(digest, path.clone());
        self.titles
            .insert(series.clone(), set.edition.title.clone());
        match same_date {
            Some(earlier) => {
                let old = load_stored(&earlier)?;
                let mut report = diff(&old, &set, &rules, AlignSettings::default());
                report.flags.push(Flag::Republished);
                Ok(Outcome::Revised {
                    file: file.to_path_buf(),
                    series,
                    path,
                    report: Box::new(report),
                })
            }
            None => Ok(Outcome::Added {
                file: file.to_path_buf(),
                series,
                path,
            }),
        }
    }

    /// The raw copy's path beside a claim set: `2023-02-06.2.toml` + `x.md` → `2023-02-06.2.md`.
    pub fn raw_path(claim_set: &Path, pull: &Path) -> PathBuf {
        let ext = pull
            .extension()
            .and_then(|e| e.to_str())
            .filter(|e| !e.eq_ignore_ascii_case("toml"))
            .unwrap_or("txt");
        claim_set.with_extension(ext)
    }

    fn write_raw(&self, claim_set: &Path, pull: &Path, bytes: &[u8]) -> Result<()> {
        let raw = Ingest::raw_path(claim_set, pull);
        match write_atomic_new(&raw, bytes) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
            Err(e) => Err(Error::io(&raw, e)),
        }
    }

    /// A claim set stored without its raw copy (an interrupted run) gets it now.
    fn repair_raw(&self, claim_set: &Path, pull: &Path, bytes: &[u8]) -> Result<()> {
        if !Ingest::raw_path(claim_set, pull).exists() {
            self.write_raw(claim_set, pull, bytes)?;
        }
        Ok(())
    }
}

/// The claim set of a pull checked against a store, with the report against the latest edition.
pub fn check(ingest: &Ingest, file: &Path, options: &AddOptions) -> Result<(String, Report)> {
    let bytes = std::fs::read(file).map_err(|e| Error::io(file, e))?;
    let probe = extract_bytes(&bytes, file, &ExtractOptions::default())?;
    let series = match &options.series {
        Some(s) => ingest.store.resolve_series(Some(s))?,
        None => {
            let s = ingest.series_for(&probe.edition.title, options);
            ingest
                .store
                .resolve_series(Some(&s))
                .or_else(|_| ingest.store.resolve_series(None))?
        }
    };
    let rules = ingest.store.rules(&series)?;
    let pull: ClaimSet = extract_bytes(
        &bytes,
        file,
        &ExtractOptions {
            keep_text: true,
            rules: rules.clone(),
            ..ExtractOptions::default()
        },
    )?;
    let editions = ingest.store.editions(&series)?;
    let Some(latest) = editions.last() else {
        return Err(Error::Store(format!(
            "series {series:?} has no editions to check against"
        )));
    };
    let latest_set = load_stored(latest)?;
    let mut report = diff(&latest_set, &pull, &rules, AlignSettings::default());
    let same_pull =
        latest_set.edition.digest.is_some() && latest_set.edition.digest == pull.edition.digest;
    if !same_pull && latest_set.edition.date == pull.edition.date {
        report.flags.push(Flag::Republished);
    }
    Ok((series, report))
}
