//! Ingesting pulls into the store: choosing the series, skipping known pulls, storing a
//! re-publication under the same date as the next revision, keeping the raw pull beside it.
//! Many pulls are extracted in parallel and stored one by one in path order, so the store and
//! the output are the same whatever the number of threads.

use crate::align::AlignSettings;
use crate::claimset::ClaimSet;
use crate::diff::{diff, Flag, Report};
use crate::error::{Error, Result};
use crate::index::Index;
use crate::pipeline::{extract_bytes, ExtractOptions, MAX_INPUT_BYTES};
use crate::series::{series_name, SeriesConfig, SeriesMatcher};
use crate::store::{load_stored, write_atomic_new, Store};
use crate::topics::TopicRules;
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

/// How many pulls are read and extracted together before they are stored: bounds memory
/// whatever the archive size.
pub const PULLS_PER_BATCH: usize = 64;

/// File endings `add DIR` picks up.
pub const PULL_EXTENSIONS: [&str; 6] = ["txt", "md", "markdown", "html", "htm", "xhtml"];

/// The lock file that keeps two `add` runs on one store from interleaving.
pub const LOCK_FILE: &str = ".factdiff.lock";

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
    /// The largest pull read, in bytes ([`MAX_INPUT_BYTES`] by default); a larger one fails
    /// with [`Error::TooLarge`] and the others are still stored.
    pub max_input_bytes: u64,
}

impl Default for AddOptions {
    fn default() -> Self {
        AddOptions {
            series: None,
            keep_raw: true,
            keep_text: true,
            // Only a pre-filter: the decision is `series::same_sheet` (words added or dropped,
            // never swapped).
            min_title_similarity: 0.5,
            max_input_bytes: MAX_INPUT_BYTES,
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

/// An open store ready to take pulls. Holds the store's lock while it lives.
#[derive(Debug)]
pub struct Ingest {
    store: Store,
    index: Index,
    digests: HashMap<String, PathBuf>,
    matcher: SeriesMatcher,
    config: SeriesConfig,
    /// Each series' stored editions: date, revision, claim-set path (from the index).
    editions: HashMap<String, Vec<(chrono::NaiveDate, u32, PathBuf)>>,
    /// Folder names in the store at open, series or not (new names must not collide).
    folders: HashSet<String>,
    /// Each pre-existing series' rules, read once.
    rules: HashMap<String, TopicRules>,
    _lock: Option<std::fs::File>,
}

/// A pull read and extracted, waiting to be stored.
enum Prepared {
    Known {
        digest: String,
        bytes: Vec<u8>,
    },
    Fresh {
        bytes: Vec<u8>,
        set: Box<ClaimSet>,
        /// The claim set's TOML as stored when no series rules apply, made on a worker.
        toml: String,
    },
}

/// Reads a pull and, unless its digest is in `known`, extracts and serialises it. Runs on
/// worker threads: it sees only its inputs, never the store being written.
fn prepare(file: &Path, known: &HashSet<String>, keep_text: bool, limit: u64) -> Result<Prepared> {
    let bytes = crate::input::read_regular_file(file, limit)?;
    // Into an empty store nothing is known: the digest is then made once, by the extraction.
    if !known.is_empty() {
        let digest = crate::text::digest(&bytes);
        if known.contains(&digest) {
            return Ok(Prepared::Known { digest, bytes });
        }
    }
    let set = extract_with_text(&bytes, file, limit)?;
    let toml = if keep_text {
        set.to_toml()
    } else {
        set.clone().without_text().to_toml()
    };
    Ok(Prepared::Fresh {
        bytes,
        set: Box::new(set),
        toml,
    })
}

/// Extracts a pull with the claims' words kept: the series' rules, applied once the series is
/// known, may need them, and `--no-text` drops them after.
fn extract_with_text(bytes: &[u8], file: &Path, limit: u64) -> Result<ClaimSet> {
    let options = ExtractOptions {
        keep_text: true,
        max_input_bytes: limit,
        ..ExtractOptions::default()
    };
    extract_bytes(bytes, file, &options)
}

/// Prepares one batch on all cores, results in input order.
fn prepare_batch(
    batch: &[PathBuf],
    known: &HashSet<String>,
    keep_text: bool,
    limit: u64,
) -> Vec<Result<Prepared>> {
    batch
        .par_iter()
        .map(|f| prepare(f, known, keep_text, limit))
        .collect()
}

impl Ingest {
    /// Opens the store for writing: takes its lock (waiting for another `add` to finish), then
    /// reads the index and reconciles it with the files.
    pub fn open(store: Store) -> Result<Ingest> {
        Ingest::open_inner(store, true)
    }

    /// Opens the store to read it only (for `check`): no lock, nothing written, so a
    /// read-only checkout works.
    pub fn open_read_only(store: Store) -> Result<Ingest> {
        Ingest::open_inner(store, false)
    }

    fn open_inner(store: Store, writable: bool) -> Result<Ingest> {
        let lock = if writable && store.root().is_dir() {
            Some(lock(store.root())?)
        } else {
            None
        };
        if lock.is_some() {
            crate::store::remove_stale_temporaries(&store)?;
        }
        let index = Index::open(&store)?;
        let mut digests = HashMap::new();
        let mut matcher = SeriesMatcher::default();
        let mut latest: HashMap<String, (chrono::NaiveDate, u32, String)> = HashMap::new();
        let mut editions: HashMap<String, Vec<(chrono::NaiveDate, u32, PathBuf)>> = HashMap::new();
        for (path, entry) in index.entries() {
            editions.entry(entry.series.clone()).or_default().push((
                entry.date,
                entry.revision,
                store.root().join(path),
            ));
            if let Some(d) = &entry.digest {
                digests.insert(d.clone(), store.root().join(path));
            }
            let key = (entry.date, entry.revision);
            let slot = latest.entry(entry.series.clone()).or_insert((
                entry.date,
                entry.revision,
                entry.title.clone(),
            ));
            if key > (slot.0, slot.1) {
                *slot = (entry.date, entry.revision, entry.title.clone());
            }
        }
        let mut by_name: Vec<_> = latest.into_iter().collect();
        by_name.sort();
        for (series, (_, _, title)) in by_name {
            matcher.insert(&series, &title);
        }
        let config = SeriesConfig::load(store.root())?;
        let mut folders = HashSet::new();
        if let Ok(entries) = std::fs::read_dir(store.root()) {
            for entry in entries.flatten() {
                folders.insert(entry.file_name().to_string_lossy().into_owned());
            }
        }
        Ok(Ingest {
            store,
            index,
            digests,
            matcher,
            config,
            editions,
            folders,
            rules: HashMap::new(),
            _lock: lock,
        })
    }

    /// Opens the store for `add`: creates its folder first, so that the lock is held from the
    /// start even on a fresh store (two runs creating one store cannot both miss each other's
    /// pulls).
    pub fn open_for_writing(store: Store) -> Result<Ingest> {
        std::fs::create_dir_all(store.root()).map_err(|e| Error::io(store.root(), e))?;
        Ingest::open(store)
    }

    /// The store.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Chooses the series for a title: the one asked for, a pin in `series.toml`, the most
    /// similar existing series at or above the threshold, else a new one named after the title.
    pub fn series_for(&self, title: &str, options: &AddOptions) -> String {
        if let Some(s) = &options.series {
            return s.clone();
        }
        if let Some(s) = self.config.pinned(title) {
            return s.to_string();
        }
        match self.matcher.best(title, options.min_title_similarity) {
            Some(s) => s.to_string(),
            None => self.fresh_name(title),
        }
    }

    /// A folder name for a new series: the title's words, with `-2`, `-3`… when a series of
    /// another sheet already holds that name (long titles are cut and may collide).
    fn fresh_name(&self, title: &str) -> String {
        let base = series_name(title);
        // Every folder of the store is in `folders` (read at open, added to since; the lock
        // keeps other writers out): no look at the disk per name.
        let taken = |name: &str| self.matcher.contains(name) || self.folders.contains(name);
        if !taken(&base) {
            return base;
        }
        (2..)
            .map(|n| format!("{base}-{n}"))
            .find(|name| !taken(name))
            .unwrap_or(base)
    }

    /// Stores one pull.
    pub fn add(&mut self, file: &Path, options: &AddOptions) -> Result<Outcome> {
        let mut results = self.add_many(&[file.to_path_buf()], options, |_| {})?;
        results.pop().map(|(_, r)| r).unwrap_or_else(|| {
            Err(Error::NotStored {
                file: file.to_path_buf(),
            })
        })
    }

    /// Stores many pulls: extracted in parallel, stored in the given order. `progress` is
    /// called once per pull as it is stored. Per-pull failures are returned, not fatal; a
    /// failure of the store itself (index, lock) is.
    pub fn add_many(
        &mut self,
        files: &[PathBuf],
        options: &AddOptions,
        mut progress: impl FnMut(&Result<Outcome>),
    ) -> Result<Vec<(PathBuf, Result<Outcome>)>> {
        let mut results = Vec::with_capacity(files.len());
        self.add_each(files, options, |file, outcome| {
            progress(&outcome);
            results.push((file.to_path_buf(), outcome));
        })?;
        Ok(results)
    }

    /// Stores many pulls like [`Ingest::add_many`], handing each pull's outcome to `each` as
    /// it is stored instead of keeping them all: memory stays flat however many pulls there are.
    pub fn add_each(
        &mut self,
        files: &[PathBuf],
        options: &AddOptions,
        mut each: impl FnMut(&Path, Result<Outcome>),
    ) -> Result<()> {
        if let Some(s) = &options.series {
            crate::store::check_name(s)?;
        }
        // Digests stored before this run; duplicates within the run are caught when stored.
        let known: HashSet<String> = self.digests.keys().cloned().collect();
        let batches: Vec<&[PathBuf]> = files.chunks(PULLS_PER_BATCH).collect();
        let keep_text = options.keep_text;
        let limit = options.max_input_bytes;
        std::thread::scope(|scope| -> Result<()> {
            // While one batch is stored, the next is read and extracted on the other cores.
            let known = &known;
            let mut pending = batches
                .first()
                .copied()
                .map(|b| scope.spawn(move || prepare_batch(b, known, keep_text, limit)));
            for (i, batch) in batches.iter().enumerate() {
                let prepared = match pending.take().map(|h| h.join()) {
                    Some(Ok(p)) => p,
                    _ => return Err(Error::WorkerFailed),
                };
                pending = batches
                    .get(i + 1)
                    .copied()
                    .map(|b| scope.spawn(move || prepare_batch(b, known, keep_text, limit)));
                for (file, prep) in batch.iter().zip(prepared) {
                    let outcome = prep.and_then(|p| self.store_one(file, p, options));
                    each(file, outcome);
                }
                if self.store.root().is_dir() && self._lock.is_none() {
                    self._lock = Some(lock(self.store.root())?);
                }
                self.index.save_if_due(&self.store)?;
            }
            Ok(())
        })?;
        self.index.save(&self.store)
    }

    fn store_one(
        &mut self,
        file: &Path,
        prepared: Prepared,
        options: &AddOptions,
    ) -> Result<Outcome> {
        let (bytes, mut set, mut toml) = match prepared {
            Prepared::Known { digest, bytes } => {
                // Known in this run or before: skip, and restore a raw copy a crash left out.
                if let Some(existing) = self.digests.get(&digest).cloned() {
                    if options.keep_raw {
                        self.write_raw(&existing, file, &bytes)?;
                    }
                    return Ok(Outcome::Skipped {
                        file: file.to_path_buf(),
                        existing,
                    });
                }
                let set = extract_with_text(&bytes, file, options.max_input_bytes)?;
                (bytes, set, None)
            }
            Prepared::Fresh { bytes, set, toml } => (bytes, *set, Some(toml)),
        };
        let digest = set.edition.digest.clone().unwrap_or_default();
        // A duplicate within one batch is only known once its first copy is stored.
        if let Some(existing) = self.digests.get(&digest).cloned() {
            return Ok(Outcome::Skipped {
                file: file.to_path_buf(),
                existing,
            });
        }
        let series = self.series_for(&set.edition.title, options);
        crate::store::check_name(&series)?;
        let rules = self.rules_for(&series)?;
        if !rules.is_empty() {
            toml = None;
        }
        for claim in &mut set.claims {
            rules.apply(claim);
            if !options.keep_text {
                claim.text = None;
            }
        }
        let date = set.edition.date;
        let stored = self.editions.get(&series);
        let same_date = stored
            .and_then(|v| v.iter().filter(|e| e.0 == date).max_by_key(|e| e.1))
            .map(|(date, revision, path)| crate::store::StoredEdition {
                path: path.clone(),
                date: *date,
                revision: *revision,
            });
        let is_latest = stored.is_none_or(|v| v.iter().all(|e| e.0 <= date));
        let path = self.store.write_new_serialized(&series, &mut set, toml)?;
        if self._lock.is_none() {
            self._lock = Some(lock(self.store.root())?);
        }
        if options.keep_raw {
            self.write_raw(&path, file, &bytes)?;
        }
        self.digests.insert(digest, path.clone());
        self.index.insert(&self.store, &path, &series, &set);
        self.editions.entry(series.clone()).or_default().push((
            date,
            set.edition.revision.unwrap_or(1),
            path.clone(),
        ));
        self.folders.insert(series.clone());
        // The series answers to its latest title.
        if is_latest {
            self.matcher.insert(&series, &set.edition.title);
        }
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

    /// A series' rules: read once from its `topics.toml` when the folder existed before this
    /// run (a series this run created has none).
    fn rules_for(&mut self, series: &str) -> Result<TopicRules> {
        if let Some(r) = self.rules.get(series) {
            return Ok(r.clone());
        }
        let rules = if self.folders.contains(series) {
            self.store.rules(series)?
        } else {
            TopicRules::default()
        };
        self.rules.insert(series.to_string(), rules.clone());
        Ok(rules)
    }

    /// The raw copy's path beside a claim set: `2023-02-06.2.toml` + `x.md` → `2023-02-06.2.md`.
    pub fn raw_path(claim_set: &Path, pull: &Path) -> PathBuf {
        let ext = pull
            .extension()
            .and_then(|e| e.to_str())
            .filter(|e| {
                !e.eq_ignore_ascii_case("toml") && e.chars().all(|c| c.is_ascii_alphanumeric())
            })
            .unwrap_or("txt");
        claim_set.with_extension(ext)
    }

    /// Writes the raw copy unless one is there already.
    fn write_raw(&self, claim_set: &Path, pull: &Path, bytes: &[u8]) -> Result<()> {
        let raw = Ingest::raw_path(claim_set, pull);
        if raw.exists() {
            return Ok(());
        }
        match write_atomic_new(&raw, bytes, self.store.syncs()) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
            Err(e) => Err(Error::io(&raw, e)),
        }
    }
}

/// Takes the store's exclusive lock, waiting for another holder to let go.
fn lock(root: &Path) -> Result<std::fs::File> {
    let path = root.join(LOCK_FILE);
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| Error::io(&path, e))?;
    file.lock().map_err(|e| Error::io(&path, e))?;
    Ok(file)
}

/// Every pull below the given paths: files as given, folders walked recursively (hidden
/// entries and symlinked folders skipped), pulls recognised by their ending; sorted per folder.
pub fn collect_pulls(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut stack = vec![p.clone()];
            let mut found = Vec::new();
            while let Some(dir) = stack.pop() {
                let entries = std::fs::read_dir(&dir).map_err(|e| Error::io(&dir, e))?;
                for entry in entries {
                    let entry = entry.map_err(|e| Error::io(&dir, e))?;
                    let name = entry.file_name();
                    if name.to_string_lossy().starts_with('.') {
                        continue;
                    }
                    let kind = entry.file_type().map_err(|e| Error::io(entry.path(), e))?;
                    let path = entry.path();
                    if kind.is_dir() {
                        stack.push(path);
                    } else if is_pull(&path) {
                        found.push(path);
                    }
                }
            }
            found.sort();
            out.extend(found);
        } else {
            out.push(p.clone());
        }
    }
    Ok(out)
}

fn is_pull(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| PULL_EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// The claim set of a pull checked against a store, with the report against the latest edition.
pub fn check(ingest: &Ingest, file: &Path, options: &AddOptions) -> Result<(String, Report)> {
    let bytes = crate::input::read_regular_file(file, options.max_input_bytes)?;
    // Extract once with the words kept; the series' rules are applied once it is known.
    let mut pull: ClaimSet = extract_with_text(&bytes, file, options.max_input_bytes)?;
    let series = match &options.series {
        Some(s) => ingest.store.resolve_series(Some(s))?,
        None => {
            let s = ingest.series_for(&pull.edition.title, options);
            ingest
                .store
                .resolve_series(Some(&s))
                .or_else(|_| ingest.store.resolve_series(None))?
        }
    };
    let rules = ingest.store.rules(&series)?;
    for claim in &mut pull.claims {
        rules.apply(claim);
    }
    let editions = ingest.store.editions(&series)?;
    let Some(latest) = editions.last() else {
        return Err(Error::TooFewEditions {
            series,
            found: 0,
            needed: 1,
        });
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
