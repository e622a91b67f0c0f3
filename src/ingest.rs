//! Ingesting pulls into the store: choosing the series, skipping known pulls, storing a
//! re-publication under the same date as the next revision, keeping the raw pull beside it.
//! Many pulls are extracted in parallel and stored one by one in path order, so the store and
//! the output are the same whatever the number of threads.
//!
//! The store is opened through its index ([`Index`]): the root is listed once, and only the
//! series a pull goes to is read. A re-run stats each pull and reads only those whose size,
//! time or inode changed since the last run ([`Pulls`]).

use crate::align::AlignSettings;
use crate::claimset::ClaimSet;
use crate::diff::{diff, Flag, Report};
use crate::error::{Error, Result};
use crate::index::{Index, Mode, PullEntry, PullStatus, Pulls};
use crate::pipeline::{extract_bytes, ExtractOptions, MAX_INPUT_BYTES};
use crate::series::{series_name_of, series_words, KeyHash, SeriesConfig, SeriesMatcher};
use crate::store::{load_stored, Content, Stamp, Store, StoreLock, StoredEdition};
use crate::topics::TopicRules;
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// Ingest's maps and sets: keyed by series names and digests, never iterated into an output.
type HashMap<K, V> = std::collections::HashMap<K, V, KeyHash>;
type HashSet<K> = std::collections::HashSet<K, KeyHash>;

/// How many pulls are read and extracted together before they are stored: bounds memory
/// whatever the archive size.
pub const PULLS_PER_BATCH: usize = 64;

/// How many input bytes one batch may hold (a larger pull makes a batch alone). A pull's claim
/// set and its bytes take up to ten times its size, and all of a batch's are held until it is
/// stored: the count alone let 8 pulls of 8 MB take 2 GB.
pub const BATCH_BYTES: u64 = 16 * 1024 * 1024;

/// Pulls up to this size have their claim set's TOML made on a worker, in parallel; a larger
/// one's is written a part at a time when it is stored.
const WORKER_TOML_MAX_BYTES: usize = 1024 * 1024;

/// File endings `add DIR` picks up.
pub const PULL_EXTENSIONS: [&str; 6] = ["txt", "md", "markdown", "html", "htm", "xhtml"];

/// The lock file that keeps two `add` runs on one store from interleaving.
pub use crate::store::LOCK_FILE;

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
    /// The pull holds no claims (a sheet of images, say): nothing stored, not a failure.
    NoClaims {
        /// The pull.
        file: PathBuf,
    },
    /// Another copy of a stored edition: the same date, claims and figures (other page
    /// furniture, another format). Not stored, not a revision.
    SameContent {
        /// The pull.
        file: PathBuf,
        /// The claim set with the same content.
        existing: PathBuf,
    },
}

/// An open store ready to take pulls. Holds the store's lock while it lives (when opened for
/// writing).
#[derive(Debug)]
pub struct Ingest {
    store: Store,
    index: Index,
    /// Made when `add` first needs it (a `check` looks one title up by a scan instead).
    matcher: Option<SeriesMatcher>,
    config: SeriesConfig,
    /// Each series' rules, read once.
    rules: HashMap<String, TopicRules>,
    _lock: Option<StoreLock>,
}

/// A pull read and extracted, waiting to be stored.
enum Prepared {
    /// Unchanged since a run noted it: not read.
    Noted { key: String, entry: PullEntry },
    /// Read; its digest was stored before this run.
    Known {
        key: String,
        stamp: Stamp,
        digest: String,
        bytes: Vec<u8>,
    },
    /// Read and extracted.
    Fresh {
        key: String,
        stamp: Stamp,
        bytes: Vec<u8>,
        set: Box<ClaimSet>,
        /// The claim set's TOML as stored when no series rules apply, made on a worker (for
        /// pulls up to [`WORKER_TOML_MAX_BYTES`]).
        toml: Option<String>,
    },
    /// Read: no claims in it.
    NoClaims {
        key: String,
        stamp: Stamp,
        digest: String,
    },
}

/// Reads a pull whole: a regular file, the limit counted while reading.
fn read_pull(file: &Path, limit: u64) -> Result<Vec<u8>> {
    crate::input::read_regular_file(file, limit)
}

/// What a worker needs to prepare pulls: it never sees the store being written.
struct PrepareContext<'a> {
    known: &'a HashSet<String>,
    pulls: &'a Pulls,
    /// The current folder, asked once per run (see [`Pulls::key_in`]).
    cwd: Option<&'a Path>,
    keep_text: bool,
    limit: u64,
}

/// Stats a pull and, unless it is noted unchanged, reads it and, unless its digest is known,
/// extracts and serialises it. Runs on worker threads.
fn prepare(file: &Path, cx: &PrepareContext<'_>) -> Result<Prepared> {
    let meta = std::fs::metadata(file).map_err(|e| Error::io(file, e))?;
    if meta.is_dir() {
        return Err(Error::IsDirectory {
            path: file.to_path_buf(),
        });
    }
    // The limit holds for a pull noted before, too (its size is known without reading it).
    if meta.len() > cx.limit {
        return Err(Error::TooLarge {
            path: file.to_path_buf(),
            size: meta.len(),
            limit: cx.limit,
        });
    }
    let stamp = Stamp::of(&meta);
    let key = Pulls::key_in(cx.cwd, file);
    let noted = if meta.is_file() {
        cx.pulls.get(&key, stamp)
    } else {
        None
    };
    if let Some(entry) = noted {
        return Ok(Prepared::Noted {
            entry: entry.clone(),
            key,
        });
    }
    let bytes = crate::input::read_regular_file_stated(file, &meta, cx.limit)?;
    prepare_bytes(file, key, stamp, bytes, cx.known, cx.keep_text, cx.limit)
}

fn prepare_bytes(
    file: &Path,
    key: String,
    stamp: Stamp,
    bytes: Vec<u8>,
    known: &HashSet<String>,
    keep_text: bool,
    limit: u64,
) -> Result<Prepared> {
    // Into an empty store nothing is known: the digest is then made once, by the extraction.
    let mut digest = None;
    if !known.is_empty() {
        let d = crate::text::digest(&bytes);
        if known.contains(&d) {
            return Ok(Prepared::Known {
                key,
                stamp,
                digest: d,
                bytes,
            });
        }
        digest = Some(d);
    }
    let set = match extract_with_text(&bytes, file, limit, digest.clone()) {
        Ok(set) => set,
        Err(Error::NoClaims { .. }) => {
            return Ok(Prepared::NoClaims {
                key,
                stamp,
                digest: digest.unwrap_or_else(|| crate::text::digest(&bytes)),
            })
        }
        Err(e) => return Err(e),
    };
    // A large pull's TOML is written a part at a time when it is stored: made here, it would
    // be held whole beside its claim set (ten times the pull, and a batch's worth at once).
    let toml = if bytes.len() > WORKER_TOML_MAX_BYTES {
        None
    } else if keep_text {
        Some(set.to_toml())
    } else {
        Some(set.clone().without_text().to_toml())
    };
    Ok(Prepared::Fresh {
        key,
        stamp,
        bytes,
        set: Box::new(set),
        toml,
    })
}

/// Extracts a pull with the claims' words kept: the series' rules, applied once the series is
/// known, may need them, and `--no-text` drops them after.
fn extract_with_text(
    bytes: &[u8],
    file: &Path,
    limit: u64,
    digest: Option<String>,
) -> Result<ClaimSet> {
    let options = ExtractOptions {
        keep_text: true,
        max_input_bytes: limit,
        digest,
        ..ExtractOptions::default()
    };
    extract_bytes(bytes, file, &options)
}

/// Cuts pulls of the given sizes into batches (ranges of indices) of at most
/// [`PULLS_PER_BATCH`] pulls and [`BATCH_BYTES`] of input, a larger pull alone.
fn plan_batches(sizes: &[u64]) -> Vec<(std::ops::Range<usize>, u64)> {
    let mut out = Vec::new();
    let (mut start, mut bytes) = (0, 0u64);
    for (i, &size) in sizes.iter().enumerate() {
        let full = i - start == PULLS_PER_BATCH || bytes.saturating_add(size) > BATCH_BYTES;
        if i > start && full {
            out.push((start..i, bytes));
            (start, bytes) = (i, 0);
        }
        bytes = bytes.saturating_add(size);
    }
    if start < sizes.len() {
        out.push((start..sizes.len(), bytes));
    }
    out
}

/// Prepares one batch on all cores, results in input order.
fn prepare_batch(batch: &[PathBuf], cx: &PrepareContext<'_>) -> Vec<Result<Prepared>> {
    batch.par_iter().map(|f| prepare(f, cx)).collect()
}

impl Ingest {
    /// Opens the store for writing: takes its lock (waiting for another writer to finish),
    /// finishes a regrouping a killed run left, then opens the index (which removes what a
    /// killed run left in the root). The store folder must exist (see
    /// [`Ingest::open_for_writing`]).
    pub fn open(store: Store) -> Result<Ingest> {
        let lock = store.lock()?;
        crate::regroup::recover(&store)?;
        let index = Index::open(&store, Mode::Write)?;
        Ingest::with(store, index, Some(lock))
    }

    /// Opens the store to read it only (for `check`): no lock and nothing written, so a
    /// read-only checkout works (unless a regrouping was cut short: it is finished first,
    /// under the lock).
    pub fn open_read_only(store: Store) -> Result<Ingest> {
        crate::regroup::recover_if_needed(&store)?;
        let index = Index::open(&store, Mode::Read)?;
        Ingest::with(store, index, None)
    }

    fn with(store: Store, index: Index, lock: Option<StoreLock>) -> Result<Ingest> {
        let config = if store.root().is_dir() {
            SeriesConfig::load(store.root())?
        } else {
            SeriesConfig::default()
        };
        Ok(Ingest {
            matcher: None,
            store,
            index,
            config,
            rules: HashMap::default(),
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

    /// The index.
    pub fn index(&self) -> &Index {
        &self.index
    }

    /// Chooses the series for a title: the one asked for, a pin in `series.toml`, the most
    /// similar existing series at or above the threshold, else a new one named after the title.
    pub fn series_for(&mut self, title: &str, options: &AddOptions) -> Result<String> {
        if let Some(s) = &options.series {
            return Ok(s.clone());
        }
        self.series_for_words(title, &series_words(title), options)
    }

    /// [`Ingest::series_for`] with the title's [`series_words`] at hand.
    fn series_for_words(
        &mut self,
        title: &str,
        words: &[String],
        options: &AddOptions,
    ) -> Result<String> {
        if let Some(s) = &options.series {
            return Ok(s.clone());
        }
        if let Some(s) = self.config.pinned(title) {
            return Ok(s.to_string());
        }
        match self.best_series(title, words, options.min_title_similarity) {
            Some(s) => Ok(s),
            None => self.fresh_name(title, words, options),
        }
    }

    /// The best series for a title (with its series words): by the matcher when one is
    /// made, else by a scan.
    fn best_series(&self, title: &str, words: &[String], min_similarity: f64) -> Option<String> {
        match &self.matcher {
            Some(m) => m.best_of(words, min_similarity).map(str::to_string),
            None => self.index.best_series(title, min_similarity),
        }
    }

    /// A folder name for a new series: the title's words, with `-2`, `-3`… when a series of
    /// another sheet (or a file, or another spelling of the name) holds it. A folder holding
    /// no edition (made by hand with a `topics.toml`) is taken as it is; a folder the index did
    /// not know to hold editions is read first, and joined when the title belongs to it.
    fn fresh_name(
        &mut self,
        title: &str,
        words: &[String],
        options: &AddOptions,
    ) -> Result<String> {
        let base = series_name_of(words);
        for n in 1.. {
            let candidate = if n == 1 {
                base.clone()
            } else {
                format!("{base}-{n}")
            };
            if self.index.is_series(&candidate)
                || self
                    .matcher
                    .as_ref()
                    .is_some_and(|m| m.contains(&candidate))
            {
                continue;
            }
            match self.index.name_in_root(&candidate).map(str::to_string) {
                None => return Ok(candidate),
                Some(existing) if existing == candidate && self.index.has_folder(&candidate) => {
                    self.index.ensure_series(&self.store, &candidate)?;
                    if !self.index.is_series(&candidate) {
                        return Ok(candidate);
                    }
                    if let (Some(latest), Some(m)) =
                        (self.index.latest_title(&candidate), self.matcher.as_mut())
                    {
                        m.insert(&candidate, &latest);
                    }
                    if self
                        .best_series(title, words, options.min_title_similarity)
                        .as_deref()
                        == Some(candidate.as_str())
                    {
                        return Ok(candidate);
                    }
                }
                Some(_) => {}
            }
        }
        Ok(base)
    }

    /// Checks a series name given by the user for a new series: portable, and no other
    /// spelling of it in the store.
    fn check_new_name(&self, series: &str) -> Result<()> {
        crate::store::check_name(series)?;
        if let Some(existing) = self.index.name_in_root(series) {
            if existing != series {
                return Err(Error::SeriesNameClash {
                    name: series.to_string(),
                    existing: existing.to_string(),
                });
            }
        }
        Ok(())
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
            self.check_new_name(s)?;
        }
        // Many titles to look up: a matcher pays for itself.
        if self.matcher.is_none() && options.series.is_none() && files.len() > 1 {
            self.matcher = Some(self.index.matcher());
        }
        // Digests stored before this run; duplicates within the run are caught when stored.
        let known: HashSet<String> = self
            .index
            .entries()
            .filter_map(|(_, e)| e.digest.clone())
            .collect();
        let pulls = self.index.pulls().clone();
        let cwd = std::env::current_dir().ok();
        let cx = PrepareContext {
            known: &known,
            pulls: &pulls,
            cwd: cwd.as_deref(),
            keep_text: options.keep_text,
            limit: options.max_input_bytes,
        };
        if rayon::current_num_threads() == 1 {
            self.add_serially(files, &cx, options, &mut each)?;
        } else {
            // Sizes as reported, only to cut batches: the reading itself counts the limit.
            let sizes: Vec<u64> = files
                .iter()
                .map(|f| std::fs::metadata(f).map_or(0, |m| m.len()))
                .collect();
            let batches: Vec<(&[PathBuf], u64)> = plan_batches(&sizes)
                .into_iter()
                .filter_map(|(range, bytes)| Some((files.get(range)?, bytes)))
                .collect();
            self.add_overlapped(&batches, &cx, options, &mut each)?;
        }
        self.index.save(&self.store)?;
        // The root as this run leaves it: a reader finding it so need not list it.
        if let Some(lock) = &self._lock {
            lock.seal(self.store.root());
        }
        Ok(())
    }

    /// One thread (`--jobs 1`, or one core): each pull read, extracted and stored in turn on
    /// this thread. No worker, and one pull's claim set held at a time, so no sizes are needed
    /// to cut batches (a stat per pull saved); the index is still saved as often.
    fn add_serially(
        &mut self,
        files: &[PathBuf],
        cx: &PrepareContext<'_>,
        options: &AddOptions,
        each: &mut impl FnMut(&Path, Result<Outcome>),
    ) -> Result<()> {
        for batch in files.chunks(PULLS_PER_BATCH) {
            for file in batch {
                let outcome =
                    prepare(file, cx).and_then(|p| self.store_one(file, p, options, cx.known));
                each(file, outcome);
            }
            self.index.save_if_due(&self.store)?;
        }
        Ok(())
    }

    /// Several threads: batches are prepared on the worker pool while this thread stores the
    /// batch before.
    fn add_overlapped(
        &mut self,
        batches: &[(&[PathBuf], u64)],
        cx: &PrepareContext<'_>,
        options: &AddOptions,
        each: &mut impl FnMut(&Path, Result<Outcome>),
    ) -> Result<()> {
        std::thread::scope(|scope| -> Result<()> {
            // While one batch is stored, the next is read and extracted on the other cores,
            // unless the two hold more than two batches' worth of input (a large pull): then
            // the next waits, so that memory follows one large pull, not two.
            let spawn = |j: usize| {
                batches
                    .get(j)
                    .map(|&(b, _)| scope.spawn(move || prepare_batch(b, cx)))
            };
            let mut pending = spawn(0);
            for (i, &(batch, bytes)) in batches.iter().enumerate() {
                let prepared = match pending.take().map(|h| h.join()) {
                    Some(Ok(p)) => p,
                    _ => return Err(Error::WorkerFailed),
                };
                let next = batches.get(i + 1);
                let overlap =
                    next.is_some_and(|&(_, b)| bytes.saturating_add(b) <= 2 * BATCH_BYTES);
                if overlap {
                    pending = spawn(i + 1);
                }
                for (file, prep) in batch.iter().zip(prepared) {
                    let outcome = prep.and_then(|p| self.store_one(file, p, options, cx.known));
                    each(file, outcome);
                }
                if !overlap {
                    pending = spawn(i + 1);
                }
                self.index.save_if_due(&self.store)?;
            }
            Ok(())
        })
    }

    fn note(&mut self, key: String, stamp: Stamp, digest: String, status: PullStatus) {
        self.note_copy(key, stamp, digest, status, None);
    }

    fn note_copy(
        &mut self,
        key: String,
        stamp: Stamp,
        digest: String,
        status: PullStatus,
        copy_of: Option<String>,
    ) {
        self.index.pulls_mut().note(
            key,
            PullEntry {
                stamp,
                digest,
                status,
                copy_of,
            },
        );
    }

    fn store_one(
        &mut self,
        file: &Path,
        prepared: Prepared,
        options: &AddOptions,
        known: &HashSet<String>,
    ) -> Result<Outcome> {
        let (key, stamp, bytes, set, toml) = match prepared {
            Prepared::Noted { key, entry } => {
                match entry.status {
                    PullStatus::NoClaims => {
                        return Ok(Outcome::NoClaims {
                            file: file.to_path_buf(),
                        })
                    }
                    PullStatus::Stored => {
                        if let Some(existing) =
                            self.index.verified_digest(&self.store, &entry.digest)?
                        {
                            if options.keep_raw {
                                self.restore_raw(&existing, file, None, options)?;
                            }
                            return Ok(Outcome::Skipped {
                                file: file.to_path_buf(),
                                existing,
                            });
                        }
                    }
                    PullStatus::Copy => {
                        if let Some(of) = &entry.copy_of {
                            if let Some(existing) = self.index.verified_digest(&self.store, of)? {
                                return Ok(Outcome::SameContent {
                                    file: file.to_path_buf(),
                                    existing,
                                });
                            }
                        }
                    }
                }
                // What was noted no longer holds: read the pull again.
                self.index.pulls_mut().forget(&key);
                let bytes = read_pull(file, options.max_input_bytes)?;
                let stamp = entry.stamp;
                let again = prepare_bytes(
                    file,
                    key,
                    stamp,
                    bytes,
                    known,
                    options.keep_text,
                    options.max_input_bytes,
                )?;
                return self.store_one(file, again, options, &HashSet::default());
            }
            Prepared::NoClaims { key, stamp, digest } => {
                self.note(key, stamp, digest, PullStatus::NoClaims);
                return Ok(Outcome::NoClaims {
                    file: file.to_path_buf(),
                });
            }
            Prepared::Known {
                key,
                stamp,
                digest,
                bytes,
            } => {
                // Known before this run: skip (checked against its file first), and restore a
                // raw copy a crash left out.
                if let Some(existing) = self.index.verified_digest(&self.store, &digest)? {
                    if options.keep_raw {
                        self.restore_raw(&existing, file, Some(&bytes), options)?;
                    }
                    self.note(key, stamp, digest, PullStatus::Stored);
                    return Ok(Outcome::Skipped {
                        file: file.to_path_buf(),
                        existing,
                    });
                }
                let set =
                    extract_with_text(&bytes, file, options.max_input_bytes, Some(digest.clone()));
                let set = match set {
                    Err(Error::NoClaims { .. }) => {
                        self.note(key, stamp, digest, PullStatus::NoClaims);
                        return Ok(Outcome::NoClaims {
                            file: file.to_path_buf(),
                        });
                    }
                    other => other?,
                };
                (key, stamp, bytes, set, None)
            }
            Prepared::Fresh {
                key,
                stamp,
                bytes,
                set,
                toml,
            } => (key, stamp, bytes, *set, toml),
        };
        self.store_fresh(file, key, stamp, bytes, set, toml, options)
    }

    #[allow(clippy::too_many_arguments)]
    fn store_fresh(
        &mut self,
        file: &Path,
        key: String,
        stamp: Stamp,
        bytes: Vec<u8>,
        mut set: ClaimSet,
        mut toml: Option<String>,
        options: &AddOptions,
    ) -> Result<Outcome> {
        let digest = set.edition.digest.clone().unwrap_or_default();
        // A duplicate within this run, or a pull stored by a run cut short.
        if let Some(existing) = self.index.verified_digest(&self.store, &digest)? {
            if options.keep_raw {
                self.restore_raw(&existing, file, Some(&bytes), options)?;
            }
            self.note(key, stamp, digest, PullStatus::Stored);
            return Ok(Outcome::Skipped {
                file: file.to_path_buf(),
                existing,
            });
        }
        // Folded once: the matching, a new series' name and the matcher's update use them.
        let words = if options.series.is_none() || self.matcher.is_some() {
            series_words(&set.edition.title)
        } else {
            Vec::new()
        };
        let series = self.series_for_words(&set.edition.title, &words, options)?;
        crate::store::check_name(&series)?;
        // The folder is listed before it is written to: a claim set a killed run stored but
        // did not index is found here, and the pull is not stored twice. When it is listed now,
        // its look at the series' path also tells below whether a folder is to be made.
        let looked = self.index.ensure_series_looking(&self.store, &series)?;
        if let Some(existing) = self.index.verified_digest(&self.store, &digest)? {
            if options.keep_raw {
                self.restore_raw(&existing, file, Some(&bytes), options)?;
            }
            self.note(key, stamp, digest, PullStatus::Stored);
            return Ok(Outcome::Skipped {
                file: file.to_path_buf(),
                existing,
            });
        }
        let rules = self.rules_for(&series)?;
        if !rules.is_empty() {
            toml = None;
        }
        for claim in &mut set.claims {
            rules.apply(claim);
        }
        if !options.keep_text {
            // As `extract --no-text` does: each figure keeps its context words and names.
            set = set.without_text();
        }
        let date = set.edition.date;
        let stored: Vec<StoredEdition> = self
            .index
            .editions(&self.store, &series)
            .into_iter()
            .map(|(e, _)| e)
            .collect();
        let same_date: Vec<&StoredEdition> = stored.iter().filter(|e| e.date == date).collect();
        let mut republished = None;
        for earlier in &same_date {
            let old = load_stored(earlier)?;
            let report = diff(&old, &set, &rules, AlignSettings::default());
            if report.changes.is_empty() {
                self.note_copy(key, stamp, digest, PullStatus::Copy, old.edition.digest);
                return Ok(Outcome::SameContent {
                    file: file.to_path_buf(),
                    existing: earlier.path.clone(),
                });
            }
            republished = Some(report);
        }
        let is_latest = stored.iter().all(|e| e.date <= date);
        // Something at the series' path (a folder; or a link or a file, which the writer
        // refuses by name): written into. Nothing: a new series folder. Nothing in between
        // makes or removes anything at that path: the listing's look above still holds.
        let present = looked
            .unwrap_or_else(|| std::fs::symlink_metadata(self.store.series_dir(&series)).is_ok());
        let (path, written) = if present {
            let (path, written) = self.store.write_new_serialized(&series, &mut set, toml)?;
            if options.keep_raw {
                self.write_raw(&series, &path, file, &bytes)?;
            }
            (path, written)
        } else {
            // A new series appears with its first claim set and raw copy at once.
            set.edition.revision = None;
            let name = crate::store::edition_file_name(date, 1);
            // Named only when kept (`--no-raw` stores none).
            let raw = options.keep_raw.then(|| raw_name(Path::new(&name), file));
            let body = match &toml {
                Some(text) => Content::Bytes(text.as_bytes()),
                None => Content::Toml(&set),
            };
            let mut files: Vec<(&str, Content)> = vec![(&name, body)];
            if let Some(raw) = &raw {
                files.push((raw, Content::Bytes(&bytes)));
            }
            let (folder, written) = self.store.create_series_from(&series, &files)?;
            (folder.join(name), written)
        };
        let folded = (!words.is_empty()).then_some(words.as_slice());
        self.index
            .insert_with_words(&series, &path, &set, written, folded);
        self.note(key, stamp, digest, PullStatus::Stored);
        // The series answers to its latest title.
        if is_latest {
            if let Some(m) = self.matcher.as_mut() {
                m.insert_words(&series, &words);
            }
        }
        match republished {
            Some(mut report) => {
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

    /// A series' rules: read once from its `topics.toml` when its folder exists.
    fn rules_for(&mut self, series: &str) -> Result<TopicRules> {
        if let Some(r) = self.rules.get(series) {
            return Ok(r.clone());
        }
        let rules = if self.index.has_folder(series) {
            self.store.rules(series)?
        } else {
            TopicRules::default()
        };
        self.rules.insert(series.to_string(), rules.clone());
        Ok(rules)
    }

    /// The raw copy's path beside a claim set: `2023-02-06.2.toml` + `x.md` → `2023-02-06.2.md`.
    pub fn raw_path(claim_set: &Path, pull: &Path) -> PathBuf {
        claim_set.with_file_name(raw_name(claim_set, pull))
    }

    /// Writes the raw copy unless one is there already.
    fn write_raw(&self, series: &str, claim_set: &Path, pull: &Path, bytes: &[u8]) -> Result<()> {
        let name = raw_name(claim_set, pull);
        self.store.write_file_new(series, &name, bytes).map(|_| ())
    }

    /// Restores the raw copy of a stored pull that a killed run left out (reading the pull
    /// when its bytes are not at hand, and only if they are still the stored pull's).
    fn restore_raw(
        &self,
        claim_set: &Path,
        pull: &Path,
        bytes: Option<&[u8]>,
        options: &AddOptions,
    ) -> Result<()> {
        let raw = Ingest::raw_path(claim_set, pull);
        if std::fs::symlink_metadata(&raw).is_ok() {
            return Ok(());
        }
        let Some(series) = claim_set
            .parent()
            .and_then(Path::file_name)
            .and_then(|n| n.to_str())
        else {
            return Ok(());
        };
        let read;
        let bytes = match bytes {
            Some(b) => b,
            None => {
                read = read_pull(pull, options.max_input_bytes)?;
                &read
            }
        };
        self.write_raw(series, claim_set, pull, bytes)
    }

    /// Checks a pull against the store without storing it: the series is found as `add`
    /// finds it (the series holding the same pull, `--series`, a pin, the title), and the pull
    /// is compared with its neighbour by date — the edition before it, or the one of its date —
    /// never with a later one. A pull stored already is compared with the edition before its
    /// stored copy: the verdict is the same before and after `add`.
    pub fn check(&mut self, file: &Path, options: &AddOptions) -> Result<Checked> {
        let bytes = read_pull(file, options.max_input_bytes)?;
        let mut pull = extract_with_text(&bytes, file, options.max_input_bytes, None)?;
        let digest = pull.edition.digest.clone().unwrap_or_default();
        let stored_at = match &options.series {
            Some(_) => None,
            None => self.index.verified_digest(&self.store, &digest)?,
        };
        let series = match (&options.series, &stored_at) {
            (Some(s), _) => {
                self.check_new_name(s)?;
                s.clone()
            }
            (None, Some(path)) => path
                .parent()
                .and_then(Path::file_name)
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            (None, None) => self.series_for(&pull.edition.title, options)?,
        };
        if self.index.has_folder(&series) || self.store.has_folder(&series) {
            self.index.ensure_series(&self.store, &series)?;
        }
        let mut checked = Checked {
            series: series.clone(),
            new_series: !self.index.is_series(&series),
            previous: None,
            next: None,
            report: None,
            same_content: None,
            same_pull: false,
        };
        if checked.new_series {
            return Ok(checked);
        }
        let rules = self.store.rules(&series)?;
        for claim in &mut pull.claims {
            rules.apply(claim);
        }
        let date = pull.edition.date;
        let listed = self.index.editions(&self.store, &series);
        // Where the pull itself is stored (it was added before it is checked): it is then
        // compared with the edition before its stored copy, so that `check` gives the same
        // verdict before and after `add`.
        let stored_as = listed
            .iter()
            .position(|(_, entry)| entry.digest.as_deref() == Some(digest.as_str()));
        let editions: Vec<StoredEdition> = listed.into_iter().map(|(e, _)| e).collect();
        checked.next = editions.iter().find(|e| e.date > date).cloned();
        checked.same_pull = stored_as.is_some();
        let before = match stored_as {
            Some(i) => editions[..i].last().cloned(),
            None => editions.iter().rev().find(|e| e.date <= date).cloned(),
        };
        let Some(previous) = before else {
            return Ok(checked);
        };
        let old = load_stored(&previous)?;
        let mut report = diff(&old, &pull, &rules, AlignSettings::default());
        if previous.date == date {
            if report.changes.is_empty() {
                checked.same_content = Some(previous.clone());
            } else {
                // Another revision of the date may hold the same content.
                for (i, other) in editions.iter().enumerate() {
                    if other.date != date || *other == previous || Some(i) == stored_as {
                        continue;
                    }
                    let other_set = load_stored(other)?;
                    if diff(&other_set, &pull, &rules, AlignSettings::default())
                        .changes
                        .is_empty()
                    {
                        checked.same_content = Some(other.clone());
                    }
                }
                if checked.same_content.is_none() {
                    report.flags.push(Flag::Republished);
                }
            }
        }
        checked.previous = Some(previous);
        checked.report = Some(report);
        Ok(checked)
    }
}

/// What `check` found for a pull.
#[derive(Debug, Clone)]
pub struct Checked {
    /// The series the pull belongs to (new when no series matched).
    pub series: String,
    /// No stored series matched: the pull would start `series`.
    pub new_series: bool,
    /// The edition the pull was compared with: the latest one dated on or before it.
    pub previous: Option<StoredEdition>,
    /// The first edition dated after the pull, when the pull fills a gap (shown, never
    /// compared).
    pub next: Option<StoredEdition>,
    /// The comparison with `previous`.
    pub report: Option<Report>,
    /// A stored edition of the same date with the same claims and figures: another copy
    /// (reported, not `republished`).
    pub same_content: Option<StoredEdition>,
    /// The pull is stored already: `previous` is then the edition before its stored copy.
    pub same_pull: bool,
}

/// The raw copy's file name beside a claim set: `2023-02-06.2.toml` + `x.md` → `2023-02-06.2.md`.
fn raw_name(claim_set: &Path, pull: &Path) -> String {
    let ext = pull
        .extension()
        .and_then(|e| e.to_str())
        .filter(|e| !e.eq_ignore_ascii_case("toml") && e.chars().all(|c| c.is_ascii_alphanumeric()))
        .unwrap_or("txt");
    let stem = claim_set
        .file_name()
        .and_then(|n| n.to_str())
        .and_then(|n| n.strip_suffix(".toml"))
        .unwrap_or("edition");
    format!("{stem}.{ext}")
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
            sort_paths(&mut found);
            out.extend(found);
        } else {
            out.push(p.clone());
        }
    }
    Ok(out)
}

/// Sorts paths in `Path`'s order (component by component), parsing each path once: a plain
/// `sort` parses both paths again at every comparison, which cost more than a thousand
/// documents' reading.
fn sort_paths(paths: &mut Vec<PathBuf>) {
    let mut keyed: Vec<(Vec<std::path::Component<'_>>, usize)> = paths
        .iter()
        .enumerate()
        .map(|(i, p)| (p.components().collect(), i))
        .collect();
    // The index breaks ties as a stable sort would (`a//b` and `a/b` compare equal).
    keyed.sort_unstable();
    let sorted: Vec<PathBuf> = keyed.iter().map(|&(_, i)| paths[i].clone()).collect();
    *paths = sorted;
}

fn is_pull(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| PULL_EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_sort_as_path_orders_them() {
        let names = [
            "d/b.md",
            "d/a-b/x.md",
            "d/a/x.md",
            "d/a.md",
            "d//a.md",
            "d/B.md",
            "d/a/y.md",
            "d/./c.md",
            "d/é.md",
            "d/a0.md",
            "/r/a.md",
            "d/a-b.md",
        ];
        let mut ours: Vec<PathBuf> = names.iter().map(PathBuf::from).collect();
        let mut std_order = ours.clone();
        std_order.sort();
        sort_paths(&mut ours);
        assert_eq!(ours, std_order);
        // Paths equal as `Path`s (compared by components) keep the order they were given in:
        // `d/a.md` stays before `d//a.md`.
        let raw: Vec<&str> = ours.iter().filter_map(|p| p.to_str()).collect();
        let (i, j) = (
            raw.iter().position(|p| *p == "d/a.md"),
            raw.iter().position(|p| *p == "d//a.md"),
        );
        assert!(i < j, "{raw:?}");
    }

    #[test]
    fn batches_are_cut_by_count_and_by_bytes() {
        const M: u64 = 1024 * 1024;
        type Batches = Vec<(std::ops::Range<usize>, u64)>;
        let cases: Vec<(Vec<u64>, Batches)> = vec![
            (vec![], vec![]),
            (vec![10], vec![(0..1, 10)]),
            // 8 pulls of 8 MB: two to a batch.
            (
                vec![8_000_000; 8],
                vec![
                    (0..2, 16_000_000),
                    (2..4, 16_000_000),
                    (4..6, 16_000_000),
                    (6..8, 16_000_000),
                ],
            ),
            // A pull over the budget makes a batch alone, before and after small ones.
            (
                vec![M, 64 * M, M, M],
                vec![(0..1, M), (1..2, 64 * M), (2..4, 2 * M)],
            ),
            // Exactly the budget fits.
            (vec![BATCH_BYTES, 1], vec![(0..1, BATCH_BYTES), (1..2, 1)]),
            // Small pulls: at most PULLS_PER_BATCH to a batch.
            (
                vec![1; PULLS_PER_BATCH * 2 + 1],
                vec![
                    (0..PULLS_PER_BATCH, PULLS_PER_BATCH as u64),
                    (PULLS_PER_BATCH..2 * PULLS_PER_BATCH, PULLS_PER_BATCH as u64),
                    (2 * PULLS_PER_BATCH..2 * PULLS_PER_BATCH + 1, 1),
                ],
            ),
            // Sizes that would overflow a sum.
            (
                vec![u64::MAX, u64::MAX],
                vec![(0..1, u64::MAX), (1..2, u64::MAX)],
            ),
        ];
        for (sizes, want) in cases {
            assert_eq!(plan_batches(&sizes), want, "{sizes:?}");
        }
    }
}
