//! The store's index: one entry per stored edition (date, revision, digest, title), kept in
//! `<store>/.factdiff-index.json`, so that opening one series costs the index and that folder,
//! not the store. Beside it, a machine-local cache (`.factdiff-cache.json`) keeps each claim
//! set's stamp (size, time, inode) and what `add` learnt of each pull.
//!
//! The files are the truth, and the index is checked against them before it is trusted:
//!
//! - at every open the store's root is listed (one directory read): a folder the index does not
//!   know is read, a folder gone drops its entries;
//! - a series is listed before it is used or written to ([`Index::ensure_series`]): entries
//!   without a file are dropped, files without an entry (or whose size, time or inode changed)
//!   are read;
//! - an entry found by digest is trusted only once its file is seen to hold that digest (and,
//!   when writing, to carry the stamp it had when read) ([`Index::verified_digest`]); otherwise
//!   its folder is read again.
//!
//! So an index lost, stale, planted or left behind by a crash repairs itself, and a run that
//! trusts it files each pull where a run without it would.

use crate::claimset::ClaimSet;
use crate::error::{Error, Result, MAX_CANDIDATES};
use crate::series::{title_similarity, KeyHash, SeriesMatcher};
use crate::store::{
    load_stored, open_store_file_meta, read_store_file, remove_temporary, Stamp, Store,
    StoredEdition,
};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The index's hash maps and sets: keyed by its own names, never iterated into an output.
type HashMap<K, V> = std::collections::HashMap<K, V, KeyHash>;
type HashSet<K> = std::collections::HashSet<K, KeyHash>;

/// The index file's name inside the store.
pub const INDEX_FILE: &str = ".factdiff-index.json";

/// The index format version (2: entries keyed `series/file`, and the store's folders).
const INDEX_VERSION: u32 = 2;

/// The machine-local cache beside the index: each claim set's stamp when it was read, and
/// what `add` learnt of each pull (`.factdiff-cache.json`). The index itself holds only what
/// the files say, so two stores with the same files have the same index, byte for byte; the
/// cache holds inode numbers, times and absolute paths, and is neither compared nor committed.
pub const CACHE_FILE: &str = ".factdiff-cache.json";

#[derive(Debug, Default, Serialize, Deserialize)]
struct CacheFile {
    /// The factdiff version that wrote it: another version may read a pull differently (a
    /// sheet without claims may have some), so its notes are dropped.
    reader: String,
    #[serde(default)]
    stamps: BTreeMap<String, Stamp>,
    #[serde(default)]
    pulls: BTreeMap<String, PullEntry>,
}

/// What the index knows of one stored edition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
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
    #[serde(default, deserialize_with = "sorted_set")]
    folders: BTreeSet<String>,
    /// `series/file.toml` → entry.
    #[serde(deserialize_with = "sorted_map")]
    editions: BTreeMap<String, Entry>,
    /// Each series' latest title as series words, sorted, space-separated (what title
    /// matching compares; kept so that opening a store does not fold every title again).
    #[serde(default, deserialize_with = "sorted_map")]
    words: BTreeMap<String, String>,
}

/// A JSON object into a map, built in bulk: the index writes its objects sorted, so this costs
/// one pass instead of a tree insertion (and its string comparisons) per key.
fn sorted_map<'de, D, V>(d: D) -> std::result::Result<BTreeMap<String, V>, D::Error>
where
    D: serde::Deserializer<'de>,
    V: Deserialize<'de>,
{
    struct Pairs<V>(std::marker::PhantomData<V>);
    impl<'de, V: Deserialize<'de>> serde::de::Visitor<'de> for Pairs<V> {
        type Value = Vec<(String, V)>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("an object")
        }
        fn visit_map<A: serde::de::MapAccess<'de>>(
            self,
            mut map: A,
        ) -> std::result::Result<Self::Value, A::Error> {
            let mut out = Vec::with_capacity(map.size_hint().unwrap_or(0));
            while let Some(pair) = map.next_entry()? {
                out.push(pair);
            }
            Ok(out)
        }
    }
    Ok(d.deserialize_map(Pairs(std::marker::PhantomData))?
        .into_iter()
        .collect())
}

/// A JSON array into a set, built in bulk (see [`sorted_map`]).
fn sorted_set<'de, D>(d: D) -> std::result::Result<BTreeSet<String>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    Ok(Vec::<String>::deserialize(d)?.into_iter().collect())
}

/// [`IndexFile`] as written: borrows instead of copying.
#[derive(Serialize)]
struct IndexFileRef<'a> {
    version: u32,
    folders: &'a BTreeSet<String>,
    editions: &'a BTreeMap<String, Entry>,
    words: BTreeMap<&'a str, &'a str>,
}

/// Whether an open index may change the store (sweep temporaries, remove empty folders, save).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Reads only: nothing in the store is touched (a read-only checkout works).
    Read,
    /// Under the store's lock: repairs what a killed run left, and saves.
    Write,
}

/// One series as the index sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SeriesSummary {
    /// The folder name.
    pub series: String,
    /// The latest edition's title.
    pub title: String,
    /// How many editions (revisions count).
    pub editions: usize,
    /// The first edition's date.
    pub first: NaiveDate,
    /// The last edition's date.
    pub last: NaiveDate,
}

/// The index, in memory.
#[derive(Debug, Clone)]
pub struct Index {
    mode: Mode,
    entries: BTreeMap<String, Entry>,
    /// Real folders in the root (series or not), as last listed.
    folders: BTreeSet<String>,
    /// The store's root.
    root: PathBuf,
    /// Every visible name in the root, as listed (listed when first needed when the opening
    /// did not list the root).
    root_names: std::cell::OnceCell<Vec<String>>,
    /// The same, lower-cased → as written (new names avoid them); made when first needed.
    names: std::cell::OnceCell<HashMap<String, String>>,
    /// Digest → keys; made when first needed (a single look-up scans instead).
    digests: Option<HashMap<String, Vec<String>>>,
    /// Series → its latest title's series words, sorted, as read from the index file (dropped
    /// for a series whose entries change).
    words: BTreeMap<String, String>,
    /// Series → its latest title's words as [`Index::save`] made them (dropped like `words`):
    /// a long run saves many times, and most series are unchanged between two saves.
    saved_words: HashMap<String, String>,
    /// Each claim set's stamp when it was read (write mode: from the cache).
    stamps: HashMap<String, Stamp>,
    /// What `add` learnt of pulls (write mode: from the cache).
    pulls: Pulls,
    cache_changed: bool,
    /// Folders listed by this process.
    reconciled: HashSet<String>,
    /// False when the index file cannot be written (a link or a folder in its place; read mode).
    savable: bool,
    changed: bool,
    /// Entries inserted since the index was last written.
    unsaved: usize,
}

/// A title's series words, sorted, without repeats, space-separated (as the index keeps them).
fn sorted_words(title: &str) -> String {
    joined_words(&crate::series::series_words(title))
}

/// Series words (as [`crate::series::series_words`] gives them) sorted, without repeats,
/// space-separated.
fn joined_words(words: &[String]) -> String {
    let mut words: Vec<&str> = words.iter().map(String::as_str).collect();
    words.sort_unstable();
    words.dedup();
    words.join(" ")
}

fn series_of(key: &str) -> &str {
    key.split_once('/').map_or(key, |(s, _)| s)
}

fn key_of(series: &str, path: &Path) -> String {
    let file = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    format!("{series}/{file}")
}

impl Index {
    /// Opens the index of a store: reads it, lists the root, and reads the folders it does not
    /// know. In [`Mode::Write`] (the caller holds the store's lock) temporaries a killed run
    /// left in the root are removed, and an index file that is a link or not a regular file is
    /// an error before anything is stored; in [`Mode::Read`] such an index is ignored (rebuilt
    /// in memory) and nothing is touched.
    pub fn open(store: &Store, mode: Mode) -> Result<Index> {
        let mut index = Index {
            mode,
            entries: BTreeMap::new(),
            folders: BTreeSet::new(),
            root: store.root().to_path_buf(),
            root_names: std::cell::OnceCell::new(),
            names: std::cell::OnceCell::new(),
            digests: None,
            words: BTreeMap::new(),
            saved_words: HashMap::default(),
            stamps: HashMap::default(),
            pulls: Pulls::default(),
            cache_changed: false,
            reconciled: HashSet::default(),
            savable: mode == Mode::Write,
            changed: false,
            unsaved: 0,
        };
        if !store.root().is_dir() {
            return Ok(index);
        }
        let path = store.root().join(INDEX_FILE);
        let mut rebuild = true;
        match read_store_file(&path) {
            Ok(Some(bytes)) => {
                if let Ok(file) = serde_json::from_slice::<IndexFile>(&bytes) {
                    if file.version == INDEX_VERSION {
                        index.entries = file.editions;
                        index.folders = file.folders;
                        index.words = file.words;
                        rebuild = false;
                    }
                }
            }
            Ok(None) => {}
            Err(e @ (Error::SymlinkInStore { .. } | Error::NotAFile { .. })) => {
                if mode == Mode::Write {
                    return Err(e);
                }
                index.savable = false;
            }
            Err(e) => {
                if mode == Mode::Write {
                    return Err(e);
                }
                index.savable = false;
            }
        }
        index.changed = rebuild;
        if mode == Mode::Write && !rebuild {
            let cache = read_store_file(&store.root().join(CACHE_FILE))
                .ok()
                .flatten()
                .and_then(|b| serde_json::from_slice::<CacheFile>(&b).ok())
                .filter(|c| c.reader == env!("CARGO_PKG_VERSION"))
                .unwrap_or_default();
            index.stamps = cache.stamps.into_iter().collect();
            index.pulls = Pulls {
                entries: cache.pulls,
                changed: false,
            };
        }
        // A reader may skip listing the root when the last writer sealed it and nothing has
        // changed in it since (its time stamp is the one sealed): the index's folders are then
        // the root's.
        if mode == Mode::Read && !rebuild && store.root_unchanged_since_seal() {
            return Ok(index);
        }
        let root_scan = store.scan_root()?;
        if mode == Mode::Write {
            for tmp in &root_scan.temporaries {
                remove_temporary(tmp).map_err(|e| Error::io(tmp, e))?;
            }
        }
        let on_disk: HashSet<&str> = root_scan.folders.iter().map(String::as_str).collect();
        // Folders gone: their entries go. Entries of folders the index did not list are
        // suspect too (a hand-edited index): they are dropped and the folder read below.
        let mut gone: Vec<String> = Vec::new();
        let mut last: Option<&str> = None;
        for k in index.entries.keys() {
            let s = series_of(k);
            if last == Some(s) {
                continue;
            }
            last = Some(s);
            if !on_disk.contains(s) || !index.folders.contains(s) {
                gone.push(s.to_string());
            }
        }
        for s in gone {
            index.drop_series(&s);
        }
        let mut unknown: Vec<String> = on_disk
            .iter()
            .filter(|f| rebuild || !index.folders.contains(**f))
            .map(|f| f.to_string())
            .collect();
        unknown.sort();
        index.folders.retain(|f| on_disk.contains(f.as_str()));
        let _ = index.root_names.set(root_scan.names);
        for folder in unknown {
            index.reconcile(store, &folder)?;
        }
        Ok(index)
    }

    /// The lower-cased names of the root, made once (listing the root now if the opening did
    /// not).
    fn names(&self) -> &HashMap<String, String> {
        self.names.get_or_init(|| {
            self.root_names
                .get_or_init(|| {
                    Store::new(&self.root)
                        .scan_root()
                        .map(|s| s.names)
                        .unwrap_or_default()
                })
                .iter()
                .map(|n| (n.to_lowercase(), n.clone()))
                .collect()
        })
    }

    /// Records a name now in the root (or gone from it), in the lower-cased names when they
    /// are made (made later, they list the root as it is then).
    fn note_name(&mut self, name: &str, present: bool) {
        if let Some(names) = self.names.get_mut() {
            if present {
                names.insert(name.to_lowercase(), name.to_string());
            } else {
                names.remove(&name.to_lowercase());
            }
            // The listing is read only to make the names, made now: a search of it per new
            // series made a run quadratic in its series.
            return;
        }
        if let Some(listed) = self.root_names.get_mut() {
            if present && !listed.iter().any(|n| n == name) {
                listed.push(name.to_string());
            } else if !present {
                listed.retain(|n| n != name);
            }
        }
    }

    /// The keys of the entries recording `digest`: from the digest map when it is made (or
    /// worth making: write mode looks up every pull), else by a scan.
    fn digest_keys(&mut self, digest: &str) -> Vec<String> {
        if self.digests.is_none() && self.mode == Mode::Write {
            let mut map: HashMap<String, Vec<String>> = HashMap::default();
            for (k, e) in &self.entries {
                if let Some(d) = &e.digest {
                    map.entry(d.clone()).or_default().push(k.clone());
                }
            }
            self.digests = Some(map);
        }
        match &self.digests {
            Some(map) => map.get(digest).cloned().unwrap_or_default(),
            None => self
                .entries
                .iter()
                .filter(|(_, e)| e.digest.as_deref() == Some(digest))
                .map(|(k, _)| k.clone())
                .collect(),
        }
    }

    fn remove_entry(&mut self, key: &str) {
        if self.stamps.remove(key).is_some() {
            self.cache_changed = true;
        }
        if let Some(e) = self.entries.remove(key) {
            if let (Some(d), Some(map)) = (&e.digest, self.digests.as_mut()) {
                if let Some(keys) = map.get_mut(d) {
                    keys.retain(|k| k != key);
                    if keys.is_empty() {
                        map.remove(d);
                    }
                }
            }
            self.words.remove(series_of(key));
            self.saved_words.remove(series_of(key));
            self.changed = true;
        }
    }

    fn put_entry(&mut self, key: String, entry: Entry, stamp: Option<Stamp>) {
        self.remove_entry(&key);
        if let Some(stamp) = stamp {
            self.stamps.insert(key.clone(), stamp);
            self.cache_changed = true;
        }
        if let (Some(d), Some(map)) = (&entry.digest, self.digests.as_mut()) {
            map.entry(d.clone()).or_default().push(key.clone());
        }
        self.words.remove(series_of(&key));
        self.saved_words.remove(series_of(&key));
        self.entries.insert(key, entry);
        self.changed = true;
        self.unsaved += 1;
    }

    fn drop_series(&mut self, series: &str) {
        let keys: Vec<String> = self.keys_of(series).map(str::to_string).collect();
        for k in keys {
            self.remove_entry(&k);
        }
    }

    fn keys_of<'a>(&'a self, series: &str) -> impl Iterator<Item = &'a str> + 'a {
        // '/' + 1 is '0': every key of the series sorts between "series/" and "series0".
        // Pushed, not formatted: this runs several times per pull stored.
        let mut start = String::with_capacity(series.len() + 1);
        start.push_str(series);
        start.push('/');
        let mut end = start.clone();
        end.pop();
        end.push('0');
        self.entries.range(start..end).map(|(k, _)| k.as_str())
    }

    /// Lists one folder and brings its entries in line with it: entries without a file are
    /// dropped, files without an entry (or, in write mode, with another stamp than when they
    /// were read) are read. In write mode the folder's temporaries are removed.
    pub fn reconcile(&mut self, store: &Store, series: &str) -> Result<()> {
        self.reconcile_looking(store, series).map(|_| ())
    }

    /// [`Index::reconcile`], telling whether something (a folder, a file, a link) was at the
    /// series' path when it looked.
    fn reconcile_looking(&mut self, store: &Store, series: &str) -> Result<bool> {
        self.reconciled.insert(series.to_string());
        if self.unlisted(series) {
            self.drop_series(series);
            if self.folders.remove(series) {
                self.changed = true;
            }
            return Ok(false);
        }
        // One look answers both: a real folder, or (a file, a link) something bearing the name.
        let meta = std::fs::symlink_metadata(store.series_dir(series));
        if !meta.as_ref().is_ok_and(std::fs::Metadata::is_dir) {
            self.drop_series(series);
            if self.folders.remove(series) {
                self.changed = true;
            }
            self.note_name(series, meta.is_ok());
            return Ok(meta.is_ok());
        }
        let scan = store.scan_folder(series)?;
        if self.mode == Mode::Write {
            for tmp in &scan.temporaries {
                remove_temporary(tmp).map_err(|e| Error::io(tmp, e))?;
            }
        }
        let mut seen = HashSet::default();
        for (stored, stamp) in &scan.editions {
            let key = key_of(series, &stored.path);
            seen.insert(key.clone());
            let known = self
                .entries
                .get(&key)
                .is_some_and(|e| e.revision == stored.revision);
            // Write mode checks each file's stamp; read mode trusts a known name (the content
            // is checked where it matters: a digest before it is believed, an edition as it is
            // loaded).
            let fresh = known
                && match self.mode {
                    Mode::Write => self.stamps.get(&key) == Some(stamp),
                    Mode::Read => true,
                };
            if fresh {
                continue;
            }
            let set = load_stored(stored)?;
            self.put_entry(key, entry_of(&set, stored.revision), Some(*stamp));
        }
        let stale: Vec<String> = self
            .keys_of(series)
            .filter(|k| !seen.contains(*k))
            .map(str::to_string)
            .collect();
        for k in stale {
            self.remove_entry(&k);
        }
        // A folder without editions (made by hand, or by an older version killed half-way)
        // stays: `add` files a pull whose title names it there, as if it were not.
        if self.folders.insert(series.to_string()) {
            self.changed = true;
        }
        self.note_name(series, true);
        Ok(true)
    }

    /// True when a writer knows without a look that nothing bears `name` in the root (a new
    /// series' name): write mode lists the root at its opening, under the store's lock, and
    /// notes every name it makes or removes since, so a name in no spelling there has nothing
    /// at its path. A folder made by hand meanwhile is never written through: the rename that
    /// creates the series refuses it (or replaces it when empty). A killed run's folder was in
    /// the listing, and read.
    fn unlisted(&self, name: &str) -> bool {
        self.mode == Mode::Write
            && self.root_names.get().is_some()
            && self.name_in_root(name).is_none()
    }

    /// Lists a series' folder once per process before its entries are used or it is written to.
    pub fn ensure_series(&mut self, store: &Store, series: &str) -> Result<()> {
        self.ensure_series_looking(store, series).map(|_| ())
    }

    /// [`Index::ensure_series`], telling what the listing found when it looked now:
    /// `Some(true)` when something (a folder, a file, a link) is at the series' path,
    /// `Some(false)` when nothing is; `None` when the folder was listed before (and not looked
    /// at again). Saves a writer its own look at a new series' path.
    pub fn ensure_series_looking(&mut self, store: &Store, series: &str) -> Result<Option<bool>> {
        if self.reconciled.contains(series) {
            return Ok(None);
        }
        self.reconcile_looking(store, series).map(Some)
    }

    /// Lists every folder the index knows (the full check `series` listings and regrouping
    /// make).
    pub fn ensure_all(&mut self, store: &Store) -> Result<()> {
        let folders: Vec<String> = self.folders.iter().cloned().collect();
        for f in folders {
            self.ensure_series(store, &f)?;
        }
        Ok(())
    }

    /// The claim set holding a pull of this digest, once its file is checked: an entry whose
    /// file changed or went is read again (its folder is listed) before it is believed.
    pub fn verified_digest(&mut self, store: &Store, digest: &str) -> Result<Option<PathBuf>> {
        for _ in 0..2 {
            let keys = self.digest_keys(digest);
            if keys.is_empty() {
                return Ok(None);
            }
            let mut stale = None;
            for key in keys {
                let path = store.root().join(&key);
                // Write mode believes a file only at the stamp it had when read, taken from
                // the file opened to check the digest (one look at the path, and the stamp
                // and the bytes are of one file).
                let believed = match self.mode {
                    Mode::Write => self
                        .stamps
                        .get(&key)
                        .is_some_and(|&stamp| holds(&path, digest, Some(stamp))),
                    Mode::Read => holds(&path, digest, None),
                };
                if believed {
                    return Ok(Some(path));
                }
                // Read again: the entry goes, so the file is read whatever its stamp.
                self.remove_entry(&key);
                stale = Some(series_of(&key).to_string());
            }
            match stale {
                Some(series) => self.reconcile(store, &series)?,
                None => return Ok(None),
            }
        }
        Ok(None)
    }

    /// Records a claim set just written to `path` in `series`.
    pub fn insert(&mut self, series: &str, path: &Path, set: &ClaimSet) {
        self.insert_stamped(series, path, set, Stamp::of_path(path));
    }

    /// [`Index::insert`] with the file's stamp at hand (taken by the writer from the open file).
    pub fn insert_stamped(
        &mut self,
        series: &str,
        path: &Path,
        set: &ClaimSet,
        stamp: Option<Stamp>,
    ) {
        self.insert_with_words(series, path, set, stamp, None);
    }

    /// [`Index::insert_stamped`] with the title's [`crate::series::series_words`] at hand when
    /// the writer folded them: kept for the next save when the claim set is its series' latest,
    /// so that the save does not fold the title again.
    pub fn insert_with_words(
        &mut self,
        series: &str,
        path: &Path,
        set: &ClaimSet,
        stamp: Option<Stamp>,
        words: Option<&[String]>,
    ) {
        let key = key_of(series, path);
        let revision = set.edition.revision.unwrap_or(1);
        let entry = entry_of(set, revision);
        let at = (entry.date, entry.revision);
        self.put_entry(key, entry, stamp);
        if let Some(words) = words {
            let latest = self
                .keys_of(series)
                .filter_map(|k| self.entries.get(k))
                .all(|e| (e.date, e.revision) <= at);
            if latest {
                self.saved_words
                    .insert(series.to_string(), joined_words(words));
            }
        }
        if self.folders.insert(series.to_string()) {
            self.changed = true;
        }
        self.note_name(series, true);
    }

    /// Every entry, by `series/file` key.
    pub fn entries(&self) -> impl Iterator<Item = (&str, &Entry)> {
        self.entries.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// The series with at least one edition, sorted by name.
    pub fn series_names(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for k in self.entries.keys() {
            let s = series_of(k);
            if out.last().map(String::as_str) != Some(s) {
                out.push(s.to_string());
            }
        }
        out
    }

    /// True when the index knows editions of `series`.
    pub fn is_series(&self, series: &str) -> bool {
        self.keys_of(series).next().is_some()
    }

    /// True when a real folder of that name is in the store (series or not).
    pub fn has_folder(&self, name: &str) -> bool {
        self.folders.contains(name)
    }

    /// The name in the store's root that `name` would clash with on a file system that
    /// ignores case (macOS, Windows): another spelling of it, or itself.
    pub fn name_in_root(&self, name: &str) -> Option<&str> {
        self.names().get(&name.to_lowercase()).map(String::as_str)
    }

    /// A series' editions as the index knows them, oldest first (call
    /// [`Index::ensure_series`] first to check them against the folder).
    pub fn editions(&self, store: &Store, series: &str) -> Vec<(StoredEdition, &Entry)> {
        let mut out: Vec<(StoredEdition, &Entry)> = self
            .keys_of(series)
            .filter_map(|k| {
                let e = self.entries.get(k)?;
                Some((
                    StoredEdition {
                        path: store.root().join(k),
                        date: e.date,
                        revision: e.revision,
                    },
                    e,
                ))
            })
            .collect();
        out.sort_by_key(|(s, _)| (s.date, s.revision));
        out
    }

    /// The title of a series' latest edition.
    pub fn latest_title(&self, series: &str) -> Option<String> {
        self.keys_of(series)
            .filter_map(|k| self.entries.get(k))
            .max_by_key(|e| (e.date, e.revision))
            .map(|e| e.title.clone())
    }

    /// Each series with its title, edition count and date range, sorted by name.
    pub fn summaries(&self) -> Vec<SeriesSummary> {
        let mut out: Vec<SeriesSummary> = Vec::new();
        let mut latest: Option<(NaiveDate, u32)> = None;
        for (k, e) in &self.entries {
            let s = series_of(k);
            match out.last_mut() {
                Some(last) if last.series == s => {
                    last.editions += 1;
                    last.first = last.first.min(e.date);
                    last.last = last.last.max(e.date);
                    if latest.is_none_or(|l| (e.date, e.revision) > l) {
                        last.title = e.title.clone();
                        latest = Some((e.date, e.revision));
                    }
                }
                _ => {
                    out.push(SeriesSummary {
                        series: s.to_string(),
                        title: e.title.clone(),
                        editions: 1,
                        first: e.date,
                        last: e.date,
                    });
                    latest = Some((e.date, e.revision));
                }
            }
        }
        out
    }

    /// Each series with its latest entry, by name (no copies).
    fn latest_entries(&self) -> Vec<(&str, &Entry)> {
        let mut out: Vec<(&str, &Entry)> = Vec::new();
        for (k, e) in &self.entries {
            let s = series_of(k);
            match out.last_mut() {
                Some((last, latest)) if *last == s => {
                    if (e.date, e.revision) > (latest.date, latest.revision) {
                        *latest = e;
                    }
                }
                _ => out.push((s, e)),
            }
        }
        out
    }

    /// Each series with its latest entry and, when the index kept them, its title words
    /// (one walk of both sorted maps, no look-ups).
    fn latest_with_words(&self) -> Vec<(&str, &Entry, Option<&str>)> {
        let mut words = self.words.iter().peekable();
        self.latest_entries()
            .into_iter()
            .map(|(series, latest)| {
                while words.peek().is_some_and(|(s, _)| s.as_str() < series) {
                    words.next();
                }
                let kept = match words.peek() {
                    Some((s, w)) if s.as_str() == series => Some(w.as_str()),
                    _ => None,
                };
                (series, latest, kept)
            })
            .collect()
    }

    /// The series a title belongs to, by one scan of the series' title words (no matcher is
    /// built: for a single look-up, as `check` makes).
    pub fn best_series(&self, title: &str, min_similarity: f64) -> Option<String> {
        let mut scan = crate::series::TitleScan::new(title, min_similarity)?;
        let mut words: Vec<&str> = Vec::new();
        for (series, latest, kept) in self.latest_with_words() {
            words.clear();
            match kept {
                // Kept sorted and without repeats.
                Some(kept) => {
                    words.extend(kept.split(' ').filter(|w| !w.is_empty()));
                    scan.offer_sorted(series, &words);
                }
                None => {
                    let folded = crate::series::series_words(&latest.title);
                    let mut owned: Vec<&str> = folded.iter().map(String::as_str).collect();
                    scan.offer(series, &mut owned);
                }
            }
        }
        scan.best().map(str::to_string)
    }

    /// A title matcher over every series' latest title (words as kept in the index when the
    /// series is unchanged since it was written).
    pub fn matcher(&self) -> SeriesMatcher {
        let mut m = SeriesMatcher::default();
        for (series, latest, kept) in self.latest_with_words() {
            match kept {
                Some(kept) => m.insert_words(
                    series,
                    kept.split(' ')
                        .filter(|w| !w.is_empty())
                        .map(str::to_string),
                ),
                None => m.insert(series, &latest.title),
            }
        }
        m
    }

    /// Picks the series a command works on: the one named (checked against its folder), else
    /// the series a title belongs to, else the only one. With several and none chosen, the
    /// error names how many and at most ten, the likeliest first.
    pub fn resolve(
        &mut self,
        store: &Store,
        name: Option<&str>,
        title: Option<&str>,
    ) -> Result<String> {
        if !store.root().is_dir() {
            return Err(Error::NoStore {
                root: store.root().to_path_buf(),
            });
        }
        if let Some(n) = name {
            crate::store::check_name(n)?;
            if self.has_folder(n) || store.has_folder(n) {
                self.ensure_series(store, n)?;
            }
            if self.is_series(n) {
                return Ok(n.to_string());
            }
            let all = self.series_names();
            return Err(Error::NoSuchSeries {
                root: store.root().to_path_buf(),
                name: n.to_string(),
                count: all.len(),
                candidates: self.ranked(Some(n)),
            });
        }
        let all = self.series_names();
        if all.len() == 1 {
            let one = all[0].clone();
            self.ensure_series(store, &one)?;
            if self.is_series(&one) {
                return Ok(one);
            }
            return self.resolve(store, None, title);
        }
        if let Some(t) = title {
            if let Some(s) = self.matcher().best(t, 0.5).map(str::to_string) {
                self.ensure_series(store, &s)?;
                if self.is_series(&s) {
                    return Ok(s);
                }
            }
        }
        if all.is_empty() {
            return Err(Error::NoSeries {
                root: store.root().to_path_buf(),
            });
        }
        Err(Error::SeveralSeries {
            root: store.root().to_path_buf(),
            count: all.len(),
            candidates: self.ranked(title),
        })
    }

    /// At most [`MAX_CANDIDATES`] series, the likeliest first: by similarity to `text` (a title
    /// or a mistyped name) when given, else the most recently updated.
    pub fn ranked(&self, text: Option<&str>) -> Vec<String> {
        let mut all = self.summaries();
        match text {
            Some(t) => {
                let t_words = t.replace('-', " ");
                let score = |s: &SeriesSummary| {
                    title_similarity(&t_words, &s.title)
                        .max(title_similarity(&t_words, &s.series.replace('-', " ")))
                };
                let mut scored: Vec<(f64, SeriesSummary)> =
                    all.into_iter().map(|s| (score(&s), s)).collect();
                scored.sort_by(|a, b| {
                    b.0.total_cmp(&a.0)
                        .then(b.1.last.cmp(&a.1.last))
                        .then(a.1.series.cmp(&b.1.series))
                });
                scored
                    .into_iter()
                    .take(MAX_CANDIDATES)
                    .map(|(_, s)| s.series)
                    .collect()
            }
            None => {
                all.sort_by(|a, b| b.last.cmp(&a.last).then(a.series.cmp(&b.series)));
                all.into_iter()
                    .take(MAX_CANDIDATES)
                    .map(|s| s.series)
                    .collect()
            }
        }
    }

    /// Writes the index during a long run once the entries not yet written are at least twice
    /// those written: the entries written grow threefold from one write to the next, and the
    /// writes add up to about one and a half times the final index (twice, when written at each
    /// doubling). A run cut short loses nothing: opening the store checks the index against the
    /// files, and reads the folders it missed.
    pub fn save_if_due(&mut self, store: &Store) -> Result<()> {
        if self.unsaved > 0 && self.unsaved * 3 >= self.entries.len() * 2 {
            self.save(store)?;
        }
        Ok(())
    }

    /// What `add` learnt of pulls (write mode).
    pub fn pulls(&self) -> &Pulls {
        &self.pulls
    }

    /// What `add` learnt of pulls, to note more (write mode).
    pub fn pulls_mut(&mut self) -> &mut Pulls {
        &mut self.pulls
    }

    /// Writes the index back when it changed (write mode only), then the cache: each a
    /// temporary file, then a rename (synced first when the store syncs its writes).
    pub fn save(&mut self, store: &Store) -> Result<()> {
        if !self.savable || self.mode != Mode::Write || !store.root().is_dir() {
            return Ok(());
        }
        if self.changed {
            let missing: Vec<(String, String)> = self
                .latest_entries()
                .into_iter()
                .filter(|(series, _)| !self.saved_words.contains_key(*series))
                .map(|(series, latest)| (series.to_string(), sorted_words(&latest.title)))
                .collect();
            self.saved_words.extend(missing);
            let words = self
                .latest_entries()
                .into_iter()
                .filter_map(|(series, _)| Some((series, self.saved_words.get(series)?.as_str())))
                .collect();
            let file = IndexFileRef {
                version: INDEX_VERSION,
                folders: &self.folders,
                editions: &self.entries,
                words,
            };
            let bytes = json_bytes(&file, self.entries.len() * 576)?;
            store.replace_root_file(INDEX_FILE, |out| out.write_all(&bytes))?;
            self.changed = false;
            self.unsaved = 0;
        }
        if self.cache_changed || self.pulls.changed {
            #[derive(Serialize)]
            struct CacheRef<'a> {
                reader: &'static str,
                stamps: BTreeMap<&'a String, &'a Stamp>,
                pulls: &'a BTreeMap<String, PullEntry>,
            }
            // Stamps of entries only, sorted.
            let file = CacheRef {
                reader: env!("CARGO_PKG_VERSION"),
                stamps: self
                    .stamps
                    .iter()
                    .filter(|(k, _)| self.entries.contains_key(*k))
                    .collect(),
                pulls: &self.pulls.entries,
            };
            let hint = file.stamps.len() * 128 + file.pulls.len() * 384;
            let bytes = json_bytes(&file, hint)?;
            store.replace_root_file(CACHE_FILE, |out| out.write_all(&bytes))?;
            self.cache_changed = false;
            self.pulls.changed = false;
        }
        Ok(())
    }
}

/// The compact JSON of `value`, made in memory (about `hint` bytes) and written whole: through
/// the writer a file gives, each of the many small pieces cost a call, and a write every 8 KiB.
fn json_bytes(value: &impl Serialize, hint: usize) -> Result<Vec<u8>> {
    let mut bytes = Vec::with_capacity(hint);
    // Serialising these maps of strings and numbers cannot fail; an error is still passed on.
    serde_json::to_writer(&mut bytes, value).map_err(|e| Error::Invalid {
        path: PathBuf::from(INDEX_FILE),
        message: e.to_string(),
    })?;
    Ok(bytes)
}

/// True when the claim set at `path` records `digest` (its header line): a cheap look at the
/// bytes, so that an index entry naming a digest its file does not hold is never believed.
/// With a `stamp`, the file must also carry it (else it is not read).
fn holds(path: &Path, digest: &str, stamp: Option<Stamp>) -> bool {
    let Ok(Some((mut file, meta))) = open_store_file_meta(path) else {
        return false;
    };
    if stamp.is_some_and(|stamp| Stamp::of(&meta) != stamp) {
        return false;
    }
    let mut bytes = Vec::new();
    if std::io::Read::read_to_end(&mut file, &mut bytes).is_err() {
        return false;
    }
    let line = format!("digest = \"{digest}\"");
    if memchr::memmem::find(&bytes, line.as_bytes()).is_some() {
        return true;
    }
    // Written by hand, in another TOML style: parse it.
    std::str::from_utf8(&bytes)
        .ok()
        .and_then(|text| ClaimSet::from_toml(text, path).ok())
        .is_some_and(|set| set.edition.digest.as_deref() == Some(digest))
}

fn entry_of(set: &ClaimSet, revision: u32) -> Entry {
    Entry {
        date: set.edition.date,
        revision,
        digest: set.edition.digest.clone(),
        title: set.edition.title.clone(),
    }
}

/// What became of a pull.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PullStatus {
    /// Stored (or found stored) as the claim set of its digest.
    Stored,
    /// No claims in it (images only?): nothing to store.
    NoClaims,
    /// The same claims and figures as a stored edition of its date: not stored.
    Copy,
}

/// One pull as last read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PullEntry {
    /// The file's stamp when it was read.
    pub stamp: Stamp,
    /// Its digest.
    pub digest: String,
    /// What became of it.
    pub status: PullStatus,
    /// For a copy: the digest of the stored edition it repeats.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copy_of: Option<String>,
}

/// A pull modified this recently is not noted: a change within the clock's resolution could
/// otherwise go unseen.
const RACY_NANOS: i128 = 2_000_000_000;

/// What `add` learnt of each pull it read (kept in the cache), so that a re-run stats a pull
/// instead of reading it: digest only when size, time or inode changed.
#[derive(Debug, Default, Clone)]
pub struct Pulls {
    entries: BTreeMap<String, PullEntry>,
    changed: bool,
}

impl Pulls {
    /// The key of a pull: its absolute path (not resolving links).
    pub fn key(file: &Path) -> String {
        Pulls::key_in(std::env::current_dir().ok().as_deref(), file)
    }

    /// [`Pulls::key`] with the current folder asked once by the caller (`None` when it could
    /// not be): `std::path::absolute` asks the system for it (`getcwd`) at every relative path.
    /// Joined first, the path is absolute and normalised the same way: `.` steps and repeated
    /// slashes go, `..` and a final slash stay.
    pub fn key_in(cwd: Option<&Path>, file: &Path) -> String {
        let absolute = match cwd {
            Some(cwd) if file.is_relative() && cwd.is_absolute() => {
                std::path::absolute(cwd.join(file))
            }
            _ => std::path::absolute(file),
        };
        absolute
            .unwrap_or_else(|_| file.to_path_buf())
            .to_string_lossy()
            .into_owned()
    }

    /// What is noted of a pull whose stamp is still `stamp`.
    pub fn get(&self, key: &str, stamp: Stamp) -> Option<&PullEntry> {
        self.entries.get(key).filter(|e| e.stamp == stamp)
    }

    /// Notes what became of a pull (unless it changed too recently to tell).
    pub fn note(&mut self, key: String, entry: PullEntry) {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| i128::try_from(d.as_nanos()).unwrap_or(i128::MAX))
            .unwrap_or(0);
        if now - entry.stamp.mtime < RACY_NANOS {
            self.forget(&key);
            return;
        }
        if self.entries.get(&key) != Some(&entry) {
            self.entries.insert(key, entry);
            self.changed = true;
        }
    }

    /// Forgets a pull.
    pub fn forget(&mut self, key: &str) {
        if self.entries.remove(key).is_some() {
            self.changed = true;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn root_causes() -> ClaimSet {
        ClaimSet::load(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("editions/root-causes/2023-02-06.toml"),
        )
        .unwrap()
    }

    #[test]
    fn resolution_errors_fit_a_screen() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("editions");
        let store = Store::new(&root);
        let mut index = Index::open(&store, Mode::Read).unwrap();
        assert!(matches!(
            index.resolve(&store, None, None),
            Err(Error::NoStore { root: r }) if r == root
        ));
        fs::create_dir_all(&root).unwrap();
        let mut index = Index::open(&store, Mode::Read).unwrap();
        assert!(matches!(
            index.resolve(&store, None, None),
            Err(Error::NoSeries { .. })
        ));
        let mut set = root_causes();
        for i in 0..40 {
            store
                .write_new(&format!("series-{i:02}"), &mut set)
                .unwrap();
        }
        let mut index = Index::open(&store, Mode::Read).unwrap();
        match index.resolve(&store, None, None) {
            Err(e @ Error::SeveralSeries { .. }) => {
                let text = e.to_string();
                assert!(text.contains("40 series here"), "{text}");
                assert!(text.contains("(and 30 more)"), "{text}");
                assert!(text.len() < 400, "{text}");
                if let Error::SeveralSeries { candidates, .. } = e {
                    assert_eq!(candidates.len(), MAX_CANDIDATES);
                }
            }
            other => panic!("{other:?}"),
        }
        match index.resolve(&store, Some("series-7"), None) {
            Err(Error::NoSuchSeries {
                name,
                candidates,
                count,
                ..
            }) => {
                assert_eq!(name, "series-7");
                assert_eq!(count, 40);
                assert_eq!(candidates.len(), MAX_CANDIDATES);
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(
            index.resolve(&store, Some("series-07"), None).unwrap(),
            "series-07"
        );
    }

    #[test]
    fn pull_keys_with_the_folder_asked_once_are_the_keys_of_absolute() {
        let cwd = std::env::current_dir().unwrap();
        for file in [
            "a.md",
            "./a.md",
            "a//b.md",
            "a/./b.md",
            "../x/y.md",
            "a/b/",
            ".",
            "/abs/./x.md",
            "//two/x.md",
        ] {
            let file = Path::new(file);
            assert_eq!(
                Pulls::key_in(Some(&cwd), file),
                Pulls::key(file),
                "{file:?}"
            );
            let want = std::path::absolute(file).unwrap();
            assert_eq!(
                Pulls::key_in(Some(&cwd), file),
                want.to_string_lossy(),
                "{file:?}"
            );
        }
        // Without a current folder an absolute path is still normalised.
        assert_eq!(Pulls::key_in(None, Path::new("/a/./b")), "/a/b");
    }

    #[test]
    fn words_handed_in_are_kept_for_the_latest_edition_only() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        let mut index = Index::open(&store, Mode::Write).unwrap();
        let mut new = root_causes();
        let path = store.write_new("s", &mut new).unwrap();
        let words: Vec<String> = ["zeta", "alpha", "zeta"].map(String::from).to_vec();
        index.insert_with_words("s", &path, &new, None, Some(&words));
        assert_eq!(index.saved_words["s"], "alpha zeta");
        // An older edition is not the latest: its words are not kept, and the save folds the
        // latest title itself.
        let mut old = root_causes();
        old.edition.date = NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
        old.edition.digest = Some("sha256:older".into());
        let path = store.write_new("s", &mut old).unwrap();
        index.insert_with_words("s", &path, &old, None, Some(&words[..1]));
        assert!(!index.saved_words.contains_key("s"));
        index.save(&store).unwrap();
        let file: IndexFile =
            serde_json::from_slice(&fs::read(dir.path().join(INDEX_FILE)).unwrap()).unwrap();
        assert_eq!(file.words["s"], sorted_words(&new.edition.title));
    }

    #[test]
    fn a_digest_no_file_holds_is_not_believed() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        let mut set = root_causes();
        let path = store.write_new("s", &mut set).unwrap();
        let digest = set.edition.digest.clone().unwrap();
        let mut index = Index::open(&store, Mode::Write).unwrap();
        index.save(&store).unwrap();
        assert_eq!(
            index.verified_digest(&store, &digest).unwrap(),
            Some(path.clone())
        );
        // The file is replaced by another claim set: the entry is read again.
        let mut other = set.clone();
        other.edition.digest = Some("sha256:other".into());
        fs::remove_file(&path).unwrap();
        fs::write(&path, other.to_toml()).unwrap();
        let mut index = Index::open(&store, Mode::Write).unwrap();
        assert_eq!(index.verified_digest(&store, &digest).unwrap(), None);
        assert_eq!(
            index.verified_digest(&store, "sha256:other").unwrap(),
            Some(path)
        );
    }

    #[test]
    fn an_index_in_a_folder_is_refused_for_writing_and_ignored_for_reading() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        let mut set = root_causes();
        store.write_new("s", &mut set).unwrap();
        fs::create_dir(dir.path().join(INDEX_FILE)).unwrap();
        assert!(matches!(
            Index::open(&store, Mode::Write),
            Err(Error::NotAFile { .. })
        ));
        let index = Index::open(&store, Mode::Read).unwrap();
        assert_eq!(index.series_names(), ["s"]);
    }
}
