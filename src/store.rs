//! The editions store: `editions/<series>/<date>[.<rev>].toml` claim sets and `topics.toml`
//! rules; listing, loading and atomic, never-overwriting writes.

use crate::claimset::ClaimSet;
use crate::error::{Error, Result};
use crate::topics::TopicRules;
use chrono::NaiveDate;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The editions folder.
#[derive(Debug, Clone)]
pub struct Store {
    root: PathBuf,
    sync: bool,
}

/// One stored edition file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredEdition {
    /// Its path.
    pub path: PathBuf,
    /// The date in its name.
    pub date: NaiveDate,
    /// The revision in its name (1 for `<date>.toml`).
    pub revision: u32,
}

impl StoredEdition {
    /// `2023-02-06` or `2023-02-06.2`.
    pub fn label(&self) -> String {
        if self.revision > 1 {
            format!("{}.{}", self.date, self.revision)
        } else {
            self.date.to_string()
        }
    }
}

impl Store {
    /// A store rooted at `root` (need not exist yet).
    pub fn new(root: impl Into<PathBuf>) -> Store {
        Store {
            root: root.into(),
            sync: false,
        }
    }

    /// Flush every file to the disk before it becomes visible (survives power loss, not only
    /// a killed process; costs a disk round trip per file).
    pub fn with_sync(mut self, sync: bool) -> Store {
        self.sync = sync;
        self
    }

    /// True when writes are flushed to the disk before they become visible.
    pub fn syncs(&self) -> bool {
        self.sync
    }

    /// The root folder.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The series in the store (folders holding at least one edition), sorted by name.
    pub fn series(&self) -> Result<Vec<String>> {
        Ok(self
            .all_editions()?
            .into_iter()
            .map(|(name, _)| name)
            .collect())
    }

    /// Every series with its editions (oldest first), sorted by name: each folder is read
    /// once.
    pub fn all_editions(&self) -> Result<Vec<(String, Vec<StoredEdition>)>> {
        let entries = match fs::read_dir(&self.root) {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(Error::NoStore {
                    root: self.root.clone(),
                })
            }
            Err(e) => return Err(Error::io(&self.root, e)),
        };
        let mut all = Vec::new();
        for entry in entries {
            let entry = entry.map_err(|e| Error::io(&self.root, e))?;
            let path = entry.path();
            // A symlinked folder could lead outside the store.
            let is_dir = entry.file_type().map(|t| t.is_dir()).unwrap_or(false);
            if is_dir {
                if let Some(name) = path.file_name().and_then(|n| n.to_str()) {
                    if name.starts_with('.') {
                        continue;
                    }
                    let editions = self.editions(name)?;
                    if !editions.is_empty() {
                        all.push((name.to_string(), editions));
                    }
                }
            }
        }
        all.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(all)
    }

    /// Picks the series: the one named, or the only one; else an error listing them.
    pub fn resolve_series(&self, name: Option<&str>) -> Result<String> {
        let all = self.series()?;
        match name {
            Some(n) => {
                check_name(n)?;
                if all.iter().any(|s| s == n) {
                    Ok(n.to_string())
                } else {
                    Err(Error::NoSuchSeries {
                        root: self.root.clone(),
                        name: n.to_string(),
                        available: all,
                    })
                }
            }
            None => match all.as_slice() {
                [one] => Ok(one.clone()),
                [] => Err(Error::NoSeries {
                    root: self.root.clone(),
                }),
                _ => Err(Error::SeveralSeries {
                    root: self.root.clone(),
                    series: all,
                }),
            },
        }
    }

    /// The folder of a series.
    pub fn series_dir(&self, series: &str) -> PathBuf {
        self.root.join(series)
    }

    /// The edition files of a series, oldest first.
    pub fn editions(&self, series: &str) -> Result<Vec<StoredEdition>> {
        let dir = self.series_dir(series);
        let entries = fs::read_dir(&dir).map_err(|e| Error::io(&dir, e))?;
        let mut out = Vec::new();
        for entry in entries {
            let entry = entry.map_err(|e| Error::io(&dir, e))?;
            let is_file = entry.file_type().map(|t| t.is_file()).unwrap_or(false);
            let name = entry.file_name();
            let Some(name) = name.to_str() else { continue };
            if !is_file {
                continue;
            }
            if let Some((date, revision)) = parse_edition_name(name) {
                out.push(StoredEdition {
                    path: entry.path(),
                    date,
                    revision,
                });
            }
        }
        out.sort_by_key(|e| (e.date, e.revision));
        Ok(out)
    }

    /// The series' rules (empty when it has no `topics.toml`).
    pub fn rules(&self, series: &str) -> Result<TopicRules> {
        TopicRules::load_optional(&self.series_dir(series))
    }

    /// Loads every edition of a series, oldest first.
    pub fn load_all(&self, series: &str) -> Result<Vec<ClaimSet>> {
        self.editions(series)?.iter().map(load_stored).collect()
    }

    /// Finds an edition by its label (`2023-02-06` gives the latest revision of that date,
    /// `2023-02-06.2` that revision).
    pub fn find(&self, series: &str, label: &str) -> Result<Option<StoredEdition>> {
        let (date, revision) = match label.split_once('.') {
            Some((d, r)) => match r.parse::<u32>() {
                Ok(r) if r >= 1 => (d, Some(r)),
                _ => return Ok(None),
            },
            None => (label, None),
        };
        let Ok(date) = NaiveDate::parse_from_str(date, "%Y-%m-%d") else {
            return Ok(None);
        };
        Ok(self
            .editions(series)?
            .into_iter()
            .rfind(|e| e.date == date && revision.is_none_or(|r| e.revision == r)))
    }

    /// Writes `set` as a new edition of `series` without overwriting anything: the first
    /// free name among `<date>.toml`, `<date>.2.toml`, … Returns the path written.
    pub fn write_new(&self, series: &str, set: &mut ClaimSet) -> Result<PathBuf> {
        self.write_new_with(series, set, None, |file, bytes| file.write_all(bytes))
    }

    /// [`Store::write_new`] with the TOML of the first revision already made (by a worker);
    /// a later revision is serialised again, since its header changes.
    pub fn write_new_serialized(
        &self,
        series: &str,
        set: &mut ClaimSet,
        toml: Option<String>,
    ) -> Result<PathBuf> {
        self.write_new_with(series, set, toml, |file, bytes| file.write_all(bytes))
    }

    /// [`Store::write_new`] with the file content written by `write` (given the file and the
    /// claim set's bytes): lets tests inject a failing writer.
    fn write_new_with(
        &self,
        series: &str,
        set: &mut ClaimSet,
        mut first: Option<String>,
        mut write: impl FnMut(&mut fs::File, &[u8]) -> std::io::Result<()>,
    ) -> Result<PathBuf> {
        check_name(series)?;
        let dir = self.series_dir(series);
        fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
        check_real_dir(&dir)?;
        let mut revision = 1;
        loop {
            let name = edition_file_name(set.edition.date, revision);
            let path = dir.join(&name);
            set.edition.revision = (revision > 1).then_some(revision);
            let bytes = match first.take() {
                Some(text) if revision == 1 => text,
                _ => set.to_toml(),
            };
            match write_atomic_new_with(&path, self.sync, |file| write(file, bytes.as_bytes())) {
                Ok(()) => return Ok(path),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => revision += 1,
                Err(e) => return Err(Error::io(&path, e)),
            }
        }
    }
}

/// Loads one stored edition, taking its revision from the file name.
/// The header's date must be the file name's: the store files editions by that name.
pub fn load_stored(e: &StoredEdition) -> Result<ClaimSet> {
    let mut set = ClaimSet::load(&e.path)?;
    if set.edition.date != e.date {
        return Err(Error::Invalid {
            path: e.path.clone(),
            message: format!(
                "the edition date {} disagrees with the file name's date {}; fix one of them",
                set.edition.date, e.date
            ),
        });
    }
    if e.revision > 1 {
        set.edition.revision = Some(e.revision);
    }
    Ok(set)
}

/// `2023-02-06.toml` → (date, 1); `2023-02-06.2.toml` → (date, 2); anything else → none.
pub fn parse_edition_name(name: &str) -> Option<(NaiveDate, u32)> {
    let stem = name.strip_suffix(".toml")?;
    let (date, revision) = match stem.split_once('.') {
        Some((d, r)) => (d, r.parse::<u32>().ok().filter(|&r| r >= 2)?),
        None => (stem, 1),
    };
    if date.len() != 10 {
        return None;
    }
    let date = NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?;
    Some((date, revision))
}

/// The file name for an edition.
pub fn edition_file_name(date: NaiveDate, revision: u32) -> String {
    if revision > 1 {
        format!("{date}.{revision}.toml")
    } else {
        format!("{date}.toml")
    }
}

/// A series name must be one plain folder name: no separators, no `..`, not hidden.
pub fn check_name(name: &str) -> Result<()> {
    let bad = name.is_empty()
        || name.starts_with('.')
        || name.contains(['/', '\\', '\0'])
        || Path::new(name).is_absolute();
    if bad {
        Err(Error::InvalidSeriesName {
            name: name.to_string(),
        })
    } else {
        Ok(())
    }
}

/// Refuses a series folder that is a symbolic link (or not a folder): it could lead outside
/// the store, and the store never writes through a link.
pub fn check_real_dir(dir: &Path) -> Result<()> {
    let meta = fs::symlink_metadata(dir).map_err(|e| Error::io(dir, e))?;
    if meta.file_type().is_symlink() {
        return Err(Error::SymlinkedSeries {
            path: dir.to_path_buf(),
        });
    }
    if !meta.is_dir() {
        return Err(Error::NotAFolder {
            path: dir.to_path_buf(),
        });
    }
    Ok(())
}

/// Writes `bytes` to `path` only if `path` does not exist: a temporary file in the same
/// folder, written whole (and flushed to the disk when `sync`), then hard-linked into place —
/// atomic and refusing to overwrite. A killed process leaves at most a hidden temporary file.
pub fn write_atomic_new(path: &Path, bytes: &[u8], sync: bool) -> std::io::Result<()> {
    write_atomic_new_with(path, sync, |file| file.write_all(bytes))
}

/// Like [`write_atomic_new`], with the content written by `write`. When `write` (or the sync,
/// or the link) fails, `path` is not created and the temporary file is removed: no partial or
/// empty edition is ever left behind.
pub fn write_atomic_new_with(
    path: &Path,
    sync: bool,
    write: impl FnOnce(&mut fs::File) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("edition");
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)?;
        write(&mut file)?;
        if sync {
            file.sync_all()?;
        }
        drop(file);
        fs::hard_link(&tmp, path)
    })();
    let _ = fs::remove_file(&tmp);
    result
}

/// Removes temporary files a killed writer left in the store (call only under the store's
/// lock, so no live writer owns them). Returns how many were removed.
pub fn remove_stale_temporaries(store: &Store) -> Result<usize> {
    let mut removed = 0;
    // The root and every folder in it (series or not yet: a folder holding only a temporary
    // file is no series); symbolic links are not followed, as nothing is written through them.
    let mut dirs = vec![store.root().to_path_buf()];
    if let Ok(entries) = fs::read_dir(store.root()) {
        for entry in entries.flatten() {
            if entry.file_type().is_ok_and(|t| t.is_dir()) {
                dirs.push(entry.path());
            }
        }
    }
    for dir in dirs {
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let name = entry.file_name();
            let name = name.to_string_lossy();
            if name.starts_with('.')
                && name.ends_with(".tmp")
                && entry.file_type().is_ok_and(|t| t.is_file())
            {
                fs::remove_file(entry.path()).map_err(|e| Error::io(entry.path(), e))?;
                removed += 1;
            }
        }
    }
    Ok(removed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edition_names() {
        let d = NaiveDate::from_ymd_opt(2023, 2, 6).unwrap();
        assert_eq!(parse_edition_name("2023-02-06.toml"), Some((d, 1)));
        assert_eq!(parse_edition_name("2023-02-06.2.toml"), Some((d, 2)));
        assert_eq!(parse_edition_name("topics.toml"), None);
        assert_eq!(parse_edition_name("2023-02-06.md"), None);
        assert_eq!(parse_edition_name("2023-02-06.1.toml"), None);
        assert_eq!(edition_file_name(d, 3), "2023-02-06.3.toml");
    }

    #[test]
    fn series_names_cannot_escape() {
        for bad in ["../x", "/etc", "a/b", ".hidden", ""] {
            assert!(check_name(bad).is_err(), "{bad}");
        }
        assert!(check_name("root-causes").is_ok());
    }

    #[test]
    fn atomic_write_never_overwrites() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.toml");
        write_atomic_new(&p, b"one", true).unwrap();
        let err = write_atomic_new(&p, b"two", true).unwrap_err();
        assert_eq!(err.kind(), std::io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read(&p).unwrap(), b"one");
        assert_eq!(
            fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temporary file left"
        );
    }

    /// A writer that writes `n` bytes, then fails like a full disk.
    fn failing_after(n: usize) -> impl FnMut(&mut fs::File, &[u8]) -> std::io::Result<()> {
        move |file, bytes| {
            file.write_all(&bytes[..n.min(bytes.len())])?;
            Err(std::io::Error::other("injected: no space left on device"))
        }
    }

    fn listing(dir: &Path) -> Vec<(String, Vec<u8>)> {
        let mut out: Vec<(String, Vec<u8>)> = fs::read_dir(dir)
            .unwrap()
            .map(|e| {
                let e = e.unwrap();
                (
                    e.file_name().to_string_lossy().into_owned(),
                    fs::read(e.path()).unwrap_or_default(),
                )
            })
            .collect();
        out.sort();
        out
    }

    #[test]
    fn failed_atomic_write_leaves_nothing_behind() {
        let dir = tempfile::tempdir().unwrap();
        let existing = dir.path().join("2023-02-06.toml");
        write_atomic_new(&existing, b"kept", true).unwrap();
        let before = listing(dir.path());
        for n in [0, 3, 1000] {
            let target = dir.path().join("2024-03-25.toml");
            let err = write_atomic_new_with(&target, false, |file| {
                file.write_all(&b"half an edition"[..n.min(15)])?;
                Err(std::io::Error::other("injected"))
            })
            .unwrap_err();
            assert_eq!(err.to_string(), "injected");
            assert!(!target.exists(), "no partial or empty file ({n} bytes)");
            assert_eq!(
                listing(dir.path()),
                before,
                "no temporary file, others intact"
            );
        }
        // The same name is still free for a good write.
        write_atomic_new(&dir.path().join("2024-03-25.toml"), b"ok", true).unwrap();
    }

    #[test]
    fn failed_write_new_leaves_the_series_folder_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        let mut set = ClaimSet::load(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("editions/root-causes/2023-02-06.toml"),
        )
        .unwrap();
        let first = store.write_new("s", &mut set).unwrap();
        let folder = store.series_dir("s");
        fs::write(folder.join("topics.toml"), "").unwrap();
        let before = listing(&folder);
        for n in [0, 10, usize::MAX] {
            let err = store
                .write_new_with("s", &mut set, None, failing_after(n))
                .unwrap_err();
            assert!(err.to_string().contains("injected"), "{err}");
            assert_eq!(listing(&folder), before, "after a failure at {n} bytes");
        }
        assert_eq!(store.editions("s").unwrap().len(), 1);
        // A good write afterwards takes the next revision, as if nothing had happened.
        let second = store.write_new("s", &mut set).unwrap();
        assert_ne!(first, second);
        assert!(
            second.ends_with("2023-02-06.2.toml"),
            "{}",
            second.display()
        );
    }

    #[test]
    fn each_store_failure_has_its_variant_with_its_data() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("editions");
        let store = Store::new(&root);
        assert!(matches!(
            store.resolve_series(None),
            Err(Error::NoStore { root: r }) if r == root
        ));
        fs::create_dir_all(&root).unwrap();
        assert!(matches!(
            store.resolve_series(None),
            Err(Error::NoSeries { .. })
        ));
        let mut set = ClaimSet::load(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("editions/root-causes/2023-02-06.toml"),
        )
        .unwrap();
        store.write_new("beta", &mut set).unwrap();
        store.write_new("alpha", &mut set).unwrap();
        match store.resolve_series(None) {
            Err(Error::SeveralSeries { series, .. }) => assert_eq!(series, ["alpha", "beta"]),
            other => panic!("{other:?}"),
        }
        match store.resolve_series(Some("gamma")) {
            Err(Error::NoSuchSeries {
                name, available, ..
            }) => {
                assert_eq!(name, "gamma");
                assert_eq!(available, ["alpha", "beta"]);
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(
            check_name("../x"),
            Err(Error::InvalidSeriesName { name }) if name == "../x"
        ));
        let file = root.join("file");
        fs::write(&file, "").unwrap();
        assert!(matches!(check_real_dir(&file), Err(Error::NotAFolder { path }) if path == file));
        #[cfg(unix)]
        {
            let link = root.join("link");
            std::os::unix::fs::symlink(root.join("alpha"), &link).unwrap();
            assert!(matches!(
                check_real_dir(&link),
                Err(Error::SymlinkedSeries { path }) if path == link
            ));
        }
        // The messages name the store and the series, never a command-line flag.
        let several = store.resolve_series(None).unwrap_err().to_string();
        assert_eq!(
            several,
            format!("{}: several series here (alpha, beta)", root.display())
        );
    }
}
