//! The store's index: one entry per stored edition (series, date, revision, digest, title),
//! kept in `<store>/.factdiff-index.json` so that a re-run of `add` need not parse every claim
//! set. The files are the truth: on open, entries without a file are dropped and files without
//! an entry are read and added, so an index lost or left stale by a crash repairs itself.

use crate::claimset::ClaimSet;
use crate::error::{Error, Result};
use crate::store::{load_stored, Store};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;

/// The index file's name inside the store.
pub const INDEX_FILE: &str = ".factdiff-index.json";

/// The index format version.
const INDEX_VERSION: u32 = 1;

/// What the index knows of one stored edition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// The series folder.
    pub series: String,
    /// The edition date.
    pub date: NaiveDate,
    /// 1 for `<date>.toml`, 2 for `<date>.2.toml`, …
    pub revision: u32,
    /// `sha256:<hex>` of the raw pull, when known.
    pub digest: Option<String>,
    /// The edition's title.
    pub title: String,
}

#[derive(Debug, Deserialize)]
struct IndexFile {
    version: u32,
    /// Claim-set path relative to the store → entry.
    editions: BTreeMap<String, Entry>,
}

/// [`IndexFile`] as written: borrows the entries instead of copying them.
#[derive(Serialize)]
struct IndexFileRef<'a> {
    version: u32,
    editions: &'a BTreeMap<String, Entry>,
}

/// The index, in memory.
#[derive(Debug, Clone, Default)]
pub struct Index {
    entries: BTreeMap<String, Entry>,
    changed: bool,
    /// Entries inserted since the index was last written.
    unsaved: usize,
}

impl Index {
    /// Loads the index and reconciles it with the files in the store.
    pub fn open(store: &Store) -> Result<Index> {
        let mut index = Index::default();
        if !store.root().is_dir() {
            return Ok(index);
        }
        let path = store.root().join(INDEX_FILE);
        // A missing or unreadable index is rebuilt from the claim sets, never trusted half-way.
        if let Ok(bytes) = std::fs::read(&path) {
            match serde_json::from_slice::<IndexFile>(&bytes) {
                Ok(file) if file.version == INDEX_VERSION => index.entries = file.editions,
                _ => index.changed = true,
            }
        } else {
            index.changed = true;
        }
        // Every edition on disk, by path relative to the store; each folder is read once.
        let mut on_disk: BTreeMap<String, (String, crate::store::StoredEdition)> = BTreeMap::new();
        for (series, editions) in store.all_editions()? {
            for e in editions {
                on_disk.insert(relative(store, &e.path), (series.clone(), e));
            }
        }
        let before = index.entries.len();
        index.entries.retain(|k, _| on_disk.contains_key(k));
        index.changed |= index.entries.len() != before;
        for (key, (series, stored)) in on_disk {
            if index.entries.contains_key(&key) {
                continue;
            }
            let set = load_stored(&stored)?;
            index.insert_at(key, &series, &set, stored.revision);
        }
        Ok(index)
    }

    /// Records a claim set just written to `path`.
    pub fn insert(&mut self, store: &Store, path: &Path, series: &str, set: &ClaimSet) {
        let key = relative(store, path);
        self.insert_at(key, series, set, set.edition.revision.unwrap_or(1));
    }

    fn insert_at(&mut self, key: String, series: &str, set: &ClaimSet, revision: u32) {
        self.entries.insert(
            key,
            Entry {
                series: series.to_string(),
                date: set.edition.date,
                revision,
                digest: set.edition.digest.clone(),
                title: set.edition.title.clone(),
            },
        );
        self.changed = true;
        self.unsaved += 1;
    }

    /// Every entry, by path relative to the store.
    pub fn entries(&self) -> impl Iterator<Item = (&str, &Entry)> {
        self.entries.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// Writes the index during a long run once the entries not yet written are at least half
    /// of all: the writes then add up to about twice the final index, where writing after
    /// every batch grew with the square of the run. A run cut short loses nothing: opening the
    /// store reconciles the index with the files.
    pub fn save_if_due(&mut self, store: &Store) -> Result<()> {
        if self.unsaved > 0 && self.unsaved * 2 >= self.entries.len() {
            self.save(store)?;
        }
        Ok(())
    }

    /// Writes the index back when it changed: a temporary file, then a rename (synced first
    /// when the store syncs its writes; a torn index is rebuilt from the files anyway).
    pub fn save(&mut self, store: &Store) -> Result<()> {
        if !self.changed || !store.root().is_dir() {
            return Ok(());
        }
        let path = store.root().join(INDEX_FILE);
        let tmp = store
            .root()
            .join(format!("{INDEX_FILE}.{}.tmp", std::process::id()));
        let file = IndexFileRef {
            version: INDEX_VERSION,
            editions: &self.entries,
        };
        let write = || -> std::io::Result<()> {
            let mut out = std::io::BufWriter::new(std::fs::File::create(&tmp)?);
            serde_json::to_writer(&mut out, &file)?;
            let f = out
                .into_inner()
                .map_err(std::io::IntoInnerError::into_error)?;
            if store.syncs() {
                f.sync_all()?;
            }
            std::fs::rename(&tmp, &path)
        };
        write().map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            Error::io(&path, e)
        })?;
        self.changed = false;
        self.unsaved = 0;
        Ok(())
    }
}

fn relative(store: &Store, path: &Path) -> String {
    path.strip_prefix(store.root())
        .unwrap_or(path)
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}
