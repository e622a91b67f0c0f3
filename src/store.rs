//! The editions store: `editions/<series>/<date>[.<rev>].toml` claim sets and `topics.toml`
//! rules; listing, loading and atomic, never-overwriting writes.
//!
//! Every write into the store goes through one path ([`Store::write_file_new`],
//! [`Store::replace_root_file`], [`create_temp`]): temporary files are created with
//! `create_new` and `O_NOFOLLOW`, never through a symbolic link; the folder written into must be
//! the store's root or a real folder directly inside it; store files that are read (the index,
//! `topics.toml`, `series.toml`, claim sets) are opened without following a symbolic link and
//! must be regular files.

use crate::claimset::ClaimSet;
use crate::error::{Error, Result};
use crate::topics::TopicRules;
use chrono::NaiveDate;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

/// The ending of every temporary file or folder the store makes (always hidden: `.<name>…tmp`).
pub const TEMP_SUFFIX: &str = ".tmp";

/// The longest series name, in bytes (file systems allow 255; a name this long is unreadable).
pub const MAX_SERIES_NAME_BYTES: usize = 128;

/// The lock file that keeps two writers of one store from interleaving.
pub const LOCK_FILE: &str = ".factdiff.lock";

/// What a new store file holds: bytes at hand, or a claim set written a part at a time (a
/// large one's TOML text is ten times its pull; it is never held whole).
#[derive(Debug, Clone, Copy)]
pub enum Content<'a> {
    /// These bytes.
    Bytes(&'a [u8]),
    /// This claim set's TOML form.
    Toml(&'a ClaimSet),
}

/// A writer handing each part to the store's write function (which tests replace with one
/// that fails part way).
struct Parts<'a, F: FnMut(&mut fs::File, &[u8]) -> std::io::Result<()>> {
    file: &'a mut fs::File,
    write: &'a mut F,
}

impl<F: FnMut(&mut fs::File, &[u8]) -> std::io::Result<()>> Write for Parts<'_, F> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        (self.write)(self.file, buf)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Writes `content` into `file` through `write`.
fn write_content<F: FnMut(&mut fs::File, &[u8]) -> std::io::Result<()>>(
    file: &mut fs::File,
    content: Content<'_>,
    write: &mut F,
) -> std::io::Result<()> {
    match content {
        Content::Bytes(bytes) => write(file, bytes),
        Content::Toml(set) => set.write_toml(&mut Parts { file, write }),
    }
}

/// The store's exclusive lock, held while the value lives.
#[derive(Debug)]
pub struct StoreLock {
    file: fs::File,
}

/// What a writer seals in the lock file when it is done: the root folder's modification time
/// and inode then. A reader that finds the root unchanged since need not list it: every
/// folder created, removed or renamed in the root (by factdiff or by hand) moves that time.
fn root_seal(root: &Path) -> Option<String> {
    let meta = fs::metadata(root).ok()?;
    let stamp = Stamp::of(&meta);
    Some(format!("factdiff root {} {}\n", stamp.mtime, stamp.ino))
}

impl StoreLock {
    /// Seals the root as it is now (call after the last change to the root: the index and
    /// cache renames). A failure only costs the next reader a listing.
    pub fn seal(&self, root: &Path) {
        let Some(seal) = root_seal(root) else { return };
        #[cfg(unix)]
        {
            use std::os::unix::fs::FileExt;
            if self.file.set_len(0).is_ok() {
                let _ = self.file.write_all_at(seal.as_bytes(), 0);
            }
        }
        #[cfg(not(unix))]
        let _ = seal;
    }
}

/// The editions folder.
#[derive(Debug, Clone)]
pub struct Store {
    root: PathBuf,
    sync: bool,
    /// Called with the lock file's path when [`Store::lock`] must wait for another holder.
    on_lock_wait: Option<fn(&Path)>,
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
        edition_label(self.date, self.revision)
    }
}

/// `2023-02-06` or `2023-02-06.2`.
pub fn edition_label(date: NaiveDate, revision: u32) -> String {
    if revision > 1 {
        format!("{date}.{revision}")
    } else {
        date.to_string()
    }
}

/// What identifies a file's content cheaply: size, modification time and inode. When all
/// three are unchanged the file is taken to be unchanged (a file rewritten in place within one
/// clock tick, at the same size, is the accepted blind spot, as for `make` and `git`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Stamp {
    /// Size in bytes.
    pub size: u64,
    /// Modification time, nanoseconds since the Unix epoch.
    pub mtime: i128,
    /// Inode number (0 where the platform has none).
    #[serde(default)]
    pub ino: u64,
}

impl Stamp {
    /// The stamp of file metadata.
    pub fn of(meta: &fs::Metadata) -> Stamp {
        let mtime = meta
            .modified()
            .ok()
            .and_then(|t| match t.duration_since(std::time::UNIX_EPOCH) {
                Ok(d) => i128::try_from(d.as_nanos()).ok(),
                Err(e) => i128::try_from(e.duration().as_nanos()).ok().map(|n| -n),
            })
            .unwrap_or(0);
        #[cfg(unix)]
        let ino = std::os::unix::fs::MetadataExt::ino(meta);
        #[cfg(not(unix))]
        let ino = 0;
        Stamp {
            size: meta.len(),
            mtime,
            ino,
        }
    }

    /// The stamp of a path, without following a final symbolic link.
    pub fn of_path(path: &Path) -> Option<Stamp> {
        let meta = fs::symlink_metadata(path).ok()?;
        meta.is_file().then(|| Stamp::of(&meta))
    }
}

/// What one series folder holds.
#[derive(Debug, Default)]
pub struct FolderScan {
    /// The claim sets, oldest first, each with its stamp.
    pub editions: Vec<(StoredEdition, Stamp)>,
    /// Temporary files or folders a killed writer may have left (`.<name>…tmp`).
    pub temporaries: Vec<PathBuf>,
    /// Anything else (raw copies, `topics.toml`, files of other names).
    pub others: usize,
}

/// What the store's root holds: its folders and the rest (in directory order).
#[derive(Debug, Default)]
pub struct RootScan {
    /// Real folders (not symbolic links) with a visible UTF-8 name: series, or not yet.
    pub folders: Vec<String>,
    /// Every visible entry's name (folders, files, links), to keep new names clear of them.
    pub names: Vec<String>,
    /// Temporary files and folders (`.<name>…tmp`) a killed writer may have left.
    pub temporaries: Vec<PathBuf>,
}

impl Store {
    /// A store rooted at `root` (need not exist yet).
    pub fn new(root: impl Into<PathBuf>) -> Store {
        Store {
            root: root.into(),
            sync: false,
            on_lock_wait: None,
        }
    }

    /// Calls `notice` (with the lock file's path) before [`Store::lock`] waits for another
    /// writer: a run that only waited looked hung.
    pub fn with_lock_wait_notice(mut self, notice: fn(&Path)) -> Store {
        self.on_lock_wait = Some(notice);
        self
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

    /// Takes the store's exclusive lock (`.factdiff.lock`, never through a link), waiting
    /// for another holder to let go. The store folder must exist.
    pub fn lock(&self) -> Result<StoreLock> {
        let path = self.root.join(LOCK_FILE);
        let file = open_lock_file(&path)?;
        match file.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => {
                if let Some(notice) = self.on_lock_wait {
                    notice(&path);
                }
                file.lock().map_err(|e| Error::io(&path, e))?;
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(Error::io(&path, e)),
        }
        Ok(StoreLock { file })
    }

    /// True when the last writer sealed the root (see [`StoreLock::seal`]) and its time stamp
    /// has not moved since. Reads the lock file without taking the lock.
    pub fn root_unchanged_since_seal(&self) -> bool {
        let Ok(Some(sealed)) = read_store_file(&self.root.join(LOCK_FILE)) else {
            return false;
        };
        !sealed.is_empty() && root_seal(&self.root).is_some_and(|now| now.as_bytes() == sealed)
    }

    /// Lists the root: one directory read, no look inside the folders.
    pub fn scan_root(&self) -> Result<RootScan> {
        let entries = match fs::read_dir(&self.root) {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(Error::NoStore {
                    root: self.root.clone(),
                })
            }
            Err(e) => return Err(Error::io(&self.root, e)),
        };
        let mut scan = RootScan::default();
        for entry in entries {
            let entry = entry.map_err(|e| Error::io(&self.root, e))?;
            let Some(name) = entry.file_name().to_str().map(str::to_string) else {
                continue;
            };
            if name.starts_with('.') {
                if name.ends_with(TEMP_SUFFIX) {
                    scan.temporaries.push(entry.path());
                }
                continue;
            }
            // `file_type` does not follow a symbolic link: a linked folder is no series.
            if entry.file_type().is_ok_and(|t| t.is_dir()) {
                scan.folders.push(name.clone());
            }
            scan.names.push(name);
        }
        Ok(scan)
    }

    /// The series in the store (folders holding at least one edition), sorted by name. Reads
    /// every folder: the index answers this without doing so.
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
        let mut all = Vec::new();
        let mut folders = self.scan_root()?.folders;
        folders.sort();
        for name in folders {
            let editions = self.editions(&name)?;
            if !editions.is_empty() {
                all.push((name, editions));
            }
        }
        Ok(all)
    }

    /// The folder of a series.
    pub fn series_dir(&self, series: &str) -> PathBuf {
        self.root.join(series)
    }

    /// True when the series' folder is a real folder in the store.
    pub fn has_folder(&self, series: &str) -> bool {
        fs::symlink_metadata(self.series_dir(series)).is_ok_and(|m| m.is_dir())
    }

    /// Lists one series folder: its claim sets with their stamps, and temporary files. A
    /// missing folder holds nothing.
    pub fn scan_folder(&self, series: &str) -> Result<FolderScan> {
        let dir = self.series_dir(series);
        let entries = match fs::read_dir(&dir) {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(FolderScan::default()),
            Err(e) => return Err(Error::io(&dir, e)),
        };
        let mut scan = FolderScan::default();
        for entry in entries {
            let entry = entry.map_err(|e| Error::io(&dir, e))?;
            let name = entry.file_name();
            let Some(name) = name.to_str() else {
                scan.others += 1;
                continue;
            };
            if name.starts_with('.') {
                if name.ends_with(TEMP_SUFFIX) {
                    scan.temporaries.push(entry.path());
                }
                continue;
            }
            // `DirEntry::metadata` does not follow a symbolic link: a linked claim set is
            // ignored (never read, never written through).
            let meta = match entry.metadata() {
                Ok(m) if m.is_file() => m,
                _ => {
                    scan.others += 1;
                    continue;
                }
            };
            match parse_edition_name(name) {
                Some((date, revision)) => scan.editions.push((
                    StoredEdition {
                        path: entry.path(),
                        date,
                        revision,
                    },
                    Stamp::of(&meta),
                )),
                None => scan.others += 1,
            }
        }
        scan.editions.sort_by_key(|(e, _)| (e.date, e.revision));
        Ok(scan)
    }

    /// The edition files of a series, oldest first.
    pub fn editions(&self, series: &str) -> Result<Vec<StoredEdition>> {
        let dir = self.series_dir(series);
        if !dir.exists() {
            return Err(Error::io(&dir, std::io::ErrorKind::NotFound.into()));
        }
        Ok(self
            .scan_folder(series)?
            .editions
            .into_iter()
            .map(|(e, _)| e)
            .collect())
    }

    /// The series' rules (empty when it has no `topics.toml`). A `topics.toml` that is a
    /// symbolic link or not a regular file is refused.
    pub fn rules(&self, series: &str) -> Result<TopicRules> {
        let path = self.series_dir(series).join("topics.toml");
        match read_store_text(&path)? {
            Some(text) => TopicRules::parse(&text, &path),
            None => Ok(TopicRules::default()),
        }
    }

    /// Loads every edition of a series, oldest first.
    pub fn load_all(&self, series: &str) -> Result<Vec<ClaimSet>> {
        self.editions(series)?.iter().map(load_stored).collect()
    }

    /// Finds an edition by its label (`2023-02-06` gives the latest revision of that date,
    /// `2023-02-06.2` that revision, `2023-02-06.1` the first).
    pub fn find(&self, series: &str, label: &str) -> Result<Option<StoredEdition>> {
        let Some((date, revision)) = parse_label(label) else {
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
            .map(|(path, _)| path)
    }

    /// [`Store::write_new`] with the TOML of the first revision already made (by a worker);
    /// a later revision is serialised again, since its header changes. Returns the path written
    /// and the file's stamp as written (taken from the open file: no look at the path after).
    pub fn write_new_serialized(
        &self,
        series: &str,
        set: &mut ClaimSet,
        toml: Option<String>,
    ) -> Result<(PathBuf, Option<Stamp>)> {
        self.write_new_with(series, set, toml, |file, bytes| file.write_all(bytes))
    }

    /// [`Store::write_new`] with the file content written by `write` (given the file and the
    /// claim set's bytes): lets tests inject a failing writer. The series folder must exist
    /// (see [`Store::create_series`] for a new one).
    fn write_new_with(
        &self,
        series: &str,
        set: &mut ClaimSet,
        first: Option<String>,
        mut write: impl FnMut(&mut fs::File, &[u8]) -> std::io::Result<()>,
    ) -> Result<(PathBuf, Option<Stamp>)> {
        check_name(series)?;
        let dir = self.series_dir(series);
        // One look: nothing there (a new series), or what is there must be a real folder.
        let Ok(meta) = fs::symlink_metadata(&dir) else {
            set.edition.revision = None;
            let name = edition_file_name(set.edition.date, 1);
            let body = match &first {
                Some(text) => Content::Bytes(text.as_bytes()),
                None => Content::Toml(set),
            };
            let (folder, stamp) = self.create_series_with(series, &[(&name, body)], &mut write)?;
            return Ok((folder.join(name), stamp));
        };
        check_real_meta(&dir, &meta)?;
        let mut revision = 1;
        loop {
            let name = edition_file_name(set.edition.date, revision);
            let path = dir.join(&name);
            set.edition.revision = (revision > 1).then_some(revision);
            // The text made before applies to the first revision only (the header changes).
            let body = match &first {
                Some(text) if revision == 1 => Content::Bytes(text.as_bytes()),
                _ => Content::Toml(set),
            };
            let mut stamp = None;
            match write_atomic_new_with(&path, self.sync, |file| {
                write_content(file, body, &mut write)?;
                stamp = stamp_of_file(file);
                Ok(())
            }) {
                Ok(()) => return Ok((path, stamp)),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => revision += 1,
                Err(e) => return Err(Error::io(&path, e)),
            }
        }
    }

    /// Makes a new series folder holding `files` (name, bytes), all at once: they are written
    /// into a hidden temporary folder, which is then renamed into place. A killed or failed run
    /// therefore never leaves an empty or half-filled series folder; the next run removes the
    /// temporary one. Fails with [`Error::SeriesExists`] when the name is taken meanwhile.
    pub fn create_series(&self, series: &str, files: &[(&str, &[u8])]) -> Result<PathBuf> {
        let files: Vec<(&str, Content)> = files
            .iter()
            .map(|&(name, bytes)| (name, Content::Bytes(bytes)))
            .collect();
        self.create_series_from(series, &files)
            .map(|(folder, _)| folder)
    }

    /// [`Store::create_series`] with each file's [`Content`]: a claim set is written a part at
    /// a time. Returns the folder and the first file's stamp as written (taken from the open
    /// file: no look at the path after).
    pub fn create_series_from(
        &self,
        series: &str,
        files: &[(&str, Content)],
    ) -> Result<(PathBuf, Option<Stamp>)> {
        self.create_series_with(series, files, &mut |file: &mut fs::File, bytes: &[u8]| {
            file.write_all(bytes)
        })
    }

    fn create_series_with<F: FnMut(&mut fs::File, &[u8]) -> std::io::Result<()>>(
        &self,
        series: &str,
        files: &[(&str, Content)],
        write: &mut F,
    ) -> Result<(PathBuf, Option<Stamp>)> {
        check_name(series)?;
        let target = self.series_dir(series);
        let staging = create_temp_dir(&self.root, series).map_err(|e| Error::io(&self.root, e))?;
        let mut stamp = None;
        let result = (|| -> Result<()> {
            for (i, &(name, body)) in files.iter().enumerate() {
                check_file_name(name)?;
                // The staging folder is this run's own and hidden; it becomes visible whole,
                // by the rename below: its files need no temporary of their own.
                let path = staging.join(name);
                write_new_file(&path, self.sync, |f| {
                    write_content(f, body, write)?;
                    if i == 0 {
                        stamp = stamp_of_file(f);
                    }
                    Ok(())
                })
                .map_err(|e| Error::io(&path, e))?;
            }
            // rename(2) refuses a non-empty target; an empty folder in the way is replaced, a
            // file or a link in the way is an error.
            if cfg!(not(unix)) && is_file_or_link(&target) {
                return Err(self.series_exists(series));
            }
            fs::rename(&staging, &target).map_err(|e| {
                let taken = matches!(e.raw_os_error(), Some(code) if is_not_empty(code));
                // On unix a file or a link in the way fails the rename (ENOTDIR): named here.
                if taken || is_file_or_link(&target) {
                    self.series_exists(series)
                } else {
                    Error::io(&target, e)
                }
            })
        })();
        if result.is_err() {
            let _ = remove_temporary(&staging);
        }
        result.map(|()| (target, stamp))
    }

    fn series_exists(&self, series: &str) -> Error {
        Error::SeriesExists {
            root: self.root.clone(),
            name: series.to_string(),
        }
    }

    /// Writes a new file `name` in the series folder (a raw copy): never overwriting, never
    /// through a link, only in a real folder of the store. `Ok(false)` when the name exists.
    pub fn write_file_new(&self, series: &str, name: &str, bytes: &[u8]) -> Result<bool> {
        check_name(series)?;
        check_file_name(name)?;
        let dir = self.series_dir(series);
        check_real_dir(&dir)?;
        let path = dir.join(name);
        match write_atomic_new(&path, bytes, self.sync) {
            Ok(()) => Ok(true),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
            Err(e) => Err(Error::io(&path, e)),
        }
    }

    /// Replaces (or creates) a file in the store's root — the index, `series.toml`, the
    /// regrouping journal — atomically: a temporary file created without following links,
    /// then a rename, which replaces a link in the way rather than writing through it.
    pub fn replace_root_file(
        &self,
        name: &str,
        write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
    ) -> Result<()> {
        check_file_name(name)?;
        let path = self.root.join(name);
        if fs::symlink_metadata(&path).is_ok_and(|m| m.is_dir()) {
            return Err(Error::NotAFile { path });
        }
        let (file, tmp) = create_temp(&self.root, name).map_err(|e| Error::io(&path, e))?;
        let result = (|| -> std::io::Result<()> {
            let mut out = std::io::BufWriter::new(file);
            write(&mut out)?;
            let file = out
                .into_inner()
                .map_err(std::io::IntoInnerError::into_error)?;
            if self.sync {
                file.sync_all()?;
            }
            drop(file);
            fs::rename(&tmp, &path)
        })();
        if result.is_err() {
            let _ = fs::remove_file(&tmp);
        }
        result.map_err(|e| Error::io(&path, e))
    }
}

/// Loads one stored edition. The file name is the truth: its date must be the header's (the
/// store files editions by that name), and its revision is the file name's whatever the
/// header says. The file is read without following a symbolic link.
pub fn load_stored(e: &StoredEdition) -> Result<ClaimSet> {
    let text = read_store_text(&e.path)?
        .ok_or_else(|| Error::io(&e.path, std::io::ErrorKind::NotFound.into()))?;
    let mut set = ClaimSet::from_toml(&text, &e.path)?;
    if set.edition.date != e.date {
        return Err(Error::Invalid {
            path: e.path.clone(),
            message: format!(
                "the edition date {} disagrees with the file name's date {}; fix one of them",
                set.edition.date, e.date
            ),
        });
    }
    set.edition.revision = (e.revision > 1).then_some(e.revision);
    Ok(set)
}

/// `2023-02-06.toml` → (date, 1); `2023-02-06.2.toml` → (date, 2); anything else → none. The
/// revision is plain decimal digits without a sign or a leading zero, at least 2:
/// `2023-02-06.02.toml`, `2023-02-06.+2.toml` and `2023-02-06.1.toml` name no edition.
pub fn parse_edition_name(name: &str) -> Option<(NaiveDate, u32)> {
    let stem = name.strip_suffix(".toml")?;
    let (date, revision) = match parse_label(stem)? {
        (date, None) => (date, 1),
        (date, Some(r)) if r >= 2 => (date, r),
        _ => return None,
    };
    Some((date, revision))
}

/// `2023-02-06` → (date, none); `2023-02-06.2` → (date, 2); `2023-02-06.1` → (date, 1).
/// Strict: a `YYYY-MM-DD` date and a revision of plain digits without a leading zero.
pub fn parse_label(label: &str) -> Option<(NaiveDate, Option<u32>)> {
    let (date, revision) = match label.split_once('.') {
        Some((d, r)) => {
            let plain = !r.is_empty()
                && r.len() <= 9
                && r.bytes().all(|b| b.is_ascii_digit())
                && !r.starts_with('0');
            if !plain {
                return None;
            }
            (d, Some(r.parse::<u32>().ok()?))
        }
        None => (label, None),
    };
    let b = date.as_bytes();
    let shape = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shape {
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

/// Windows device names: no file or folder may be called so, with any extension.
const RESERVED_NAMES: [&str; 6] = ["CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"];

/// True when `name` (or its part before the first '.') is a Windows device name: `CON`,
/// `nul`, `COM1`, `LPT9`, `COM¹`, `aux.txt`…
pub fn is_reserved_name(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or(name).trim_end();
    // A device name has at most 7 characters (`CONOUT$`) and upper-casing never makes fewer:
    // a longer stem (most series names) is none, without an upper-cased copy.
    if stem.chars().nth(7).is_some() {
        return false;
    }
    let upper = stem.to_uppercase();
    if RESERVED_NAMES.contains(&upper.as_str()) {
        return true;
    }
    let mut chars = upper.chars();
    let prefix: String = chars.by_ref().take(3).collect();
    let rest: Vec<char> = chars.collect();
    (prefix == "COM" || prefix == "LPT")
        && rest.len() == 1
        && (rest[0].is_ascii_digit() || matches!(rest[0], '¹' | '²' | '³'))
}

/// Why `name` cannot be a series folder on Windows, macOS or Linux, if it cannot.
pub fn name_problem(name: &str) -> Option<&'static str> {
    if name.is_empty() {
        return Some("it is empty");
    }
    if name.len() > MAX_SERIES_NAME_BYTES {
        return Some("it is longer than 128 bytes");
    }
    // ASCII letters, digits, '-' and '_' (every name made from a title) have none of the
    // problems below but a device name's: one pass instead of one per problem.
    let plain = name
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if !plain {
        return unplain_name_problem(name);
    }
    if is_reserved_name(name) {
        return Some(DEVICE_NAME);
    }
    None
}

/// The reason a device name is refused.
const DEVICE_NAME: &str = "it is a device name on Windows (CON, NUL, AUX, PRN, COM1…, LPT1…)";

/// [`name_problem`] for a non-empty name short enough, of other characters than ASCII letters,
/// digits, '-' and '_'.
fn unplain_name_problem(name: &str) -> Option<&'static str> {
    if name.starts_with('.') {
        return Some("it starts with '.' (hidden, or a path step)");
    }
    if name.contains(['/', '\\']) {
        return Some("it contains a path separator");
    }
    if name.chars().any(char::is_control) {
        return Some("it contains a control character (newline, tab, escape…)");
    }
    if name.contains(['<', '>', ':', '"', '|', '?', '*']) {
        return Some("it contains a character Windows forbids in names (< > : \" | ? *)");
    }
    if name.chars().any(is_invisible) {
        return Some("it contains an invisible or direction-changing character");
    }
    if name.trim() != name || name.chars().all(char::is_whitespace) {
        return Some("it starts or ends with white space");
    }
    if name.ends_with('.') {
        return Some("it ends with '.' (Windows drops it)");
    }
    if is_reserved_name(name) {
        return Some(DEVICE_NAME);
    }
    None
}

/// Characters that do not show or that reorder the text around them.
fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00ad}' | '\u{061c}' | '\u{180e}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{feff}' | '\u{fff9}'..='\u{fffb}')
}

/// A series name must be one plain folder name that Windows, macOS and Linux all accept.
pub fn check_name(name: &str) -> Result<()> {
    match name_problem(name) {
        Some(reason) => Err(Error::InvalidSeriesName {
            name: name.to_string(),
            reason,
        }),
        None => Ok(()),
    }
}

/// A file name the store writes: one plain name, not a path.
fn check_file_name(name: &str) -> Result<()> {
    let plain = !name.is_empty()
        && name != "."
        && name != ".."
        && !name.contains(['/', '\\', '\0'])
        && !Path::new(name).is_absolute();
    if plain {
        Ok(())
    } else {
        Err(Error::Invalid {
            path: PathBuf::from(name),
            message: "not a plain file name".into(),
        })
    }
}

/// Refuses a series folder that is a symbolic link (or not a folder): it could lead outside
/// the store, and the store never writes through a link.
pub fn check_real_dir(dir: &Path) -> Result<()> {
    let meta = fs::symlink_metadata(dir).map_err(|e| Error::io(dir, e))?;
    check_real_meta(dir, &meta)
}

/// [`check_real_dir`] on what a look (not following a link) at `dir` found.
fn check_real_meta(dir: &Path, meta: &fs::Metadata) -> Result<()> {
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

#[cfg(unix)]
fn is_not_empty(code: i32) -> bool {
    code == libc::ENOTEMPTY || code == libc::EEXIST
}

#[cfg(not(unix))]
fn is_not_empty(_code: i32) -> bool {
    true
}

/// Options that never follow a symbolic link in the last step and never block on a pipe.
fn no_follow(options: &mut fs::OpenOptions) -> &mut fs::OpenOptions {
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_CLOEXEC);
    }
    options
}

/// Opens a store file for reading without following a symbolic link; `Ok(None)` when it does
/// not exist. A link is [`Error::SymlinkInStore`], a folder, pipe or device [`Error::NotAFile`].
pub fn open_store_file(path: &Path) -> Result<Option<fs::File>> {
    Ok(open_store_file_meta(path)?.map(|(file, _)| file))
}

/// [`open_store_file`] with the open file's metadata: a stamp taken from it is the stamp of
/// what is read from the file, with no second look at the path.
pub fn open_store_file_meta(path: &Path) -> Result<Option<(fs::File, fs::Metadata)>> {
    // Checked first, so that platforms without O_NOFOLLOW refuse links too.
    match fs::symlink_metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(Error::io(path, e)),
        Ok(m) if m.file_type().is_symlink() => {
            return Err(Error::SymlinkInStore {
                path: path.to_path_buf(),
            })
        }
        Ok(m) if !m.is_file() => {
            return Err(Error::NotAFile {
                path: path.to_path_buf(),
            })
        }
        Ok(_) => {}
    }
    let file = match no_follow(fs::OpenOptions::new().read(true)).open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) if fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) => {
            let _ = e;
            return Err(Error::SymlinkInStore {
                path: path.to_path_buf(),
            });
        }
        Err(e) => return Err(Error::io(path, e)),
    };
    // Swapped between the look and the open: the open file is what counts.
    let meta = file.metadata().map_err(|e| Error::io(path, e))?;
    if !meta.is_file() {
        return Err(Error::NotAFile {
            path: path.to_path_buf(),
        });
    }
    Ok(Some((file, meta)))
}

/// Reads a store file (see [`open_store_file`]); `Ok(None)` when it does not exist.
pub fn read_store_file(path: &Path) -> Result<Option<Vec<u8>>> {
    let Some(mut file) = open_store_file(path)? else {
        return Ok(None);
    };
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(&mut file, &mut bytes).map_err(|e| Error::io(path, e))?;
    Ok(Some(bytes))
}

/// Reads a store file as UTF-8 text (see [`open_store_file`]).
pub fn read_store_text(path: &Path) -> Result<Option<String>> {
    let Some(bytes) = read_store_file(path)? else {
        return Ok(None);
    };
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|e| Error::Encoding {
            path: path.to_path_buf(),
            offset: e.utf8_error().valid_up_to(),
        })
}

/// Opens (creating it when missing) the store's lock file without following a link.
pub fn open_lock_file(path: &Path) -> Result<fs::File> {
    if fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(Error::SymlinkInStore {
            path: path.to_path_buf(),
        });
    }
    let file = no_follow(
        fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .write(true),
    )
    .open(path)
    .map_err(|e| {
        if fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
            Error::SymlinkInStore {
                path: path.to_path_buf(),
            }
        } else {
            Error::io(path, e)
        }
    })?;
    let meta = file.metadata().map_err(|e| Error::io(path, e))?;
    if !meta.is_file() {
        return Err(Error::NotAFile {
            path: path.to_path_buf(),
        });
    }
    Ok(file)
}

/// A name for a temporary file or folder beside `base` in `dir`: hidden, ending in `.tmp`,
/// unique to this process and call.
fn temp_name(base: &str, attempt: u32) -> String {
    static COUNTER: std::sync::atomic::AtomicU32 = std::sync::atomic::AtomicU32::new(0);
    let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    // getpid(2) is a system call: asked once.
    static PID: std::sync::OnceLock<u32> = std::sync::OnceLock::new();
    let pid = *PID.get_or_init(std::process::id);
    let base = base.trim_start_matches('.');
    if attempt == 0 {
        format!(".{base}.{pid}.{n}{TEMP_SUFFIX}")
    } else {
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(attempt);
        format!(
            ".{base}.{pid}.{n}.{:x}{TEMP_SUFFIX}",
            nanos ^ attempt.wrapping_mul(0x9e37_79b9)
        )
    }
}

/// How many names a temporary file tries before giving up (another file in the way each time).
const TEMP_ATTEMPTS: u32 = 64;

/// Creates a new temporary file in `dir` for `base`: `create_new` and `O_NOFOLLOW`, so a file
/// or link planted under the name is never opened, only stepped around.
pub fn create_temp(dir: &Path, base: &str) -> std::io::Result<(fs::File, PathBuf)> {
    let mut last = None;
    for attempt in 0..TEMP_ATTEMPTS {
        let path = dir.join(temp_name(base, attempt));
        match no_follow(fs::OpenOptions::new().write(true).create_new(true)).open(&path) {
            Ok(f) => return Ok((f, path)),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => last = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last.unwrap_or_else(|| std::io::ErrorKind::AlreadyExists.into()))
}

/// Creates a new temporary folder in `dir` for `base` (see [`create_temp`]).
fn create_temp_dir(dir: &Path, base: &str) -> std::io::Result<PathBuf> {
    let mut last = None;
    for attempt in 0..TEMP_ATTEMPTS {
        let path = dir.join(temp_name(base, attempt));
        match fs::create_dir(&path) {
            Ok(()) => return Ok(path),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => last = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last.unwrap_or_else(|| std::io::ErrorKind::AlreadyExists.into()))
}

/// Writes `bytes` to `path` only if `path` does not exist: a temporary file in the same
/// folder, written whole (and flushed to the disk when `sync`), then hard-linked into place —
/// atomic and refusing to overwrite. A killed process leaves at most a hidden temporary file.
pub fn write_atomic_new(path: &Path, bytes: &[u8], sync: bool) -> std::io::Result<()> {
    write_atomic_new_with(path, sync, |file| file.write_all(bytes))
}

/// Like [`write_atomic_new`], with the content written by `write`. When `write` (or the sync,
/// or the link) fails, `path` is not created and the temporary file is removed: no partial or
/// empty edition is ever left behind. `link(2)` neither follows nor replaces a link at `path`.
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
    let (mut file, tmp) = create_temp(dir, name)?;
    let result = (|| {
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

/// The stamp of a file this process has just written, from the open file (a rename or a link
/// into place changes neither its size, time nor inode).
fn stamp_of_file(file: &fs::File) -> Option<Stamp> {
    file.metadata().ok().map(|meta| Stamp::of(&meta))
}

/// Creates `path` (never through a link, never over anything) and writes it with `write`;
/// for a folder only this process writes to (a staging folder). A failure leaves the file
/// half written: the caller removes the folder.
fn write_new_file(
    path: &Path,
    sync: bool,
    write: impl FnOnce(&mut fs::File) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let mut file = no_follow(fs::OpenOptions::new().write(true).create_new(true)).open(path)?;
    write(&mut file)?;
    if sync {
        file.sync_all()?;
    }
    Ok(())
}

/// True when something other than a real folder is at `path` (a file, or a link).
fn is_file_or_link(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|m| !m.is_dir() || m.file_type().is_symlink())
}

/// Removes a temporary file, link or folder (with what is in it) a writer left behind; never
/// follows a link.
pub fn remove_temporary(path: &Path) -> std::io::Result<()> {
    let meta = fs::symlink_metadata(path)?;
    if meta.is_dir() {
        fs::remove_dir_all(path)
    } else {
        fs::remove_file(path)
    }
}

/// Removes the temporary files and folders (and links so named) a killed writer left in the
/// store's root and its folders. Reads every folder: the index sweeps the root at each open
/// and each folder as it is written to instead. Call only under the store's lock. Returns how
/// many were removed.
pub fn remove_stale_temporaries(store: &Store) -> Result<usize> {
    let root = match store.scan_root() {
        Ok(r) => r,
        Err(Error::NoStore { .. }) => return Ok(0),
        Err(e) => return Err(e),
    };
    let mut removed = 0;
    let mut all = root.temporaries;
    for folder in &root.folders {
        all.extend(store.scan_folder(folder)?.temporaries);
    }
    for path in all {
        remove_temporary(&path).map_err(|e| Error::io(&path, e))?;
        removed += 1;
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
        assert_eq!(parse_edition_name("2023-02-06.12.toml"), Some((d, 12)));
        assert_eq!(parse_edition_name("topics.toml"), None);
        assert_eq!(parse_edition_name("2023-02-06.md"), None);
        assert_eq!(parse_edition_name("2023-02-06.1.toml"), None);
        for bad in [
            "2023-02-06.02.toml",
            "2023-02-06.+2.toml",
            "2023-02-06.-2.toml",
            "2023-02-06. 2.toml",
            "2023-02-06..toml",
            "2023-02-06.2.2.toml",
            "2023-2-6.toml",
            "+023-02-06.toml",
            "2023-02-06.99999999999.toml",
        ] {
            assert_eq!(parse_edition_name(bad), None, "{bad}");
        }
        assert_eq!(edition_file_name(d, 3), "2023-02-06.3.toml");
        assert_eq!(parse_label("2023-02-06.1"), Some((d, Some(1))));
        assert_eq!(parse_label("2023-02-06.02"), None);
    }

    #[test]
    fn series_names_cannot_escape_and_are_portable() {
        for bad in [
            "../x",
            "/etc",
            "a/b",
            ".hidden",
            "",
            "a\\b",
            "a\nb",
            "a\u{1b}[31m",
            "a\tb",
            " ",
            "  ",
            " a",
            "a ",
            "CON",
            "con",
            "Nul",
            "aux.txt",
            "COM1",
            "lpt9",
            "COM¹",
            "a:b",
            "*",
            "a?",
            "a|b",
            "a\"b",
            "<a>",
            "a.",
            "a\u{202e}b",
            "a\u{200b}b",
            "a\u{85}b",
        ] {
            assert!(check_name(bad).is_err(), "{bad:?}");
        }
        for good in [
            "root-causes",
            "Harbor_2024",
            "consent",
            "com10",
            "lpt",
            "café",
            "a.b",
        ] {
            assert!(check_name(good).is_ok(), "{good}");
        }
        assert!(check_name(&"x".repeat(MAX_SERIES_NAME_BYTES + 1)).is_err());
    }

    #[test]
    fn plain_names_get_the_reasons_of_the_full_check() {
        for name in [
            "root-causes",
            "a",
            "CON",
            "com1",
            "Lpt9",
            "aux_",
            "x".repeat(MAX_SERIES_NAME_BYTES).as_str(),
            "-",
            "_a-b_",
            "0",
        ] {
            assert_eq!(name_problem(name), unplain_name_problem(name), "{name}");
        }
        assert_eq!(name_problem("nul"), Some(DEVICE_NAME));
        assert_eq!(name_problem("a-b"), None);
    }

    #[test]
    fn device_names_are_reserved_whatever_their_length_or_case() {
        for (name, reserved) in [
            ("CON", true),
            ("conout$", true),
            ("CONOUT$.txt", true),
            ("con\u{131}n$", true), // a dotless i upper-cases to I
            ("COM\u{b9}", true),
            ("lpt9 ", true),
            ("conouts", false),
            ("conout$x", false),
            ("console", false),
            ("com10", false),
            ("root-causes-of-the-outage", false),
            ("", false),
        ] {
            assert_eq!(is_reserved_name(name), reserved, "{name:?}");
        }
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

    fn root_causes() -> ClaimSet {
        ClaimSet::load(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("editions/root-causes/2023-02-06.toml"),
        )
        .unwrap()
    }

    #[test]
    fn failed_write_new_leaves_the_series_folder_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        let mut set = root_causes();
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
    fn a_failed_first_write_leaves_no_series_folder() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        let mut set = root_causes();
        for n in [0, 10, usize::MAX] {
            let err = store
                .write_new_with("fresh", &mut set, None, failing_after(n))
                .unwrap_err();
            assert!(err.to_string().contains("injected"), "{err}");
            assert!(
                listing(dir.path()).is_empty(),
                "after a failure at {n} bytes"
            );
        }
        let path = store.write_new("fresh", &mut set).unwrap();
        assert!(
            path.ends_with("fresh/2023-02-06.toml"),
            "{}",
            path.display()
        );
        assert_eq!(listing(dir.path()).len(), 1);
    }

    #[test]
    fn a_new_series_appears_whole_or_not_at_all() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        // An empty folder in the way (left by an older version) is replaced.
        fs::create_dir(dir.path().join("s")).unwrap();
        store
            .create_series("s", &[("2023-02-06.toml", b"a"), ("2023-02-06.md", b"b")])
            .unwrap();
        assert_eq!(listing(&dir.path().join("s")).len(), 2);
        // A folder with something in it is not.
        let err = store
            .create_series("s", &[("2024-01-01.toml", b"c")])
            .unwrap_err();
        assert!(matches!(err, Error::SeriesExists { .. }), "{err}");
        assert_eq!(listing(dir.path()).len(), 1, "no temporary folder left");
    }

    #[cfg(unix)]
    #[test]
    fn temporary_files_step_around_planted_links() {
        let dir = tempfile::tempdir().unwrap();
        let outside = dir.path().join("victim.txt");
        fs::write(&outside, "victim").unwrap();
        let store_dir = dir.path().join("st");
        fs::create_dir(&store_dir).unwrap();
        // Links under every name the first attempts could take.
        for n in 0..200 {
            let name = format!(".index.json.{}.{n}.tmp", std::process::id());
            std::os::unix::fs::symlink(&outside, store_dir.join(name)).unwrap();
        }
        let store = Store::new(&store_dir);
        store
            .replace_root_file("index.json", |w| w.write_all(b"{}"))
            .unwrap();
        assert_eq!(fs::read_to_string(&outside).unwrap(), "victim");
        assert_eq!(fs::read(store_dir.join("index.json")).unwrap(), b"{}");
        // The sweep removes the links, not what they point to.
        assert_eq!(remove_stale_temporaries(&store).unwrap(), 200);
        assert_eq!(fs::read_to_string(&outside).unwrap(), "victim");
    }

    #[cfg(unix)]
    #[test]
    fn store_files_are_read_without_following_links() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("secret.toml");
        fs::write(&target, "[x]\nsecret = 1\n").unwrap();
        let link = dir.path().join("topics.toml");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        assert!(matches!(
            read_store_file(&link),
            Err(Error::SymlinkInStore { path }) if path == link
        ));
        assert!(matches!(
            read_store_file(dir.path()),
            Err(Error::NotAFile { .. })
        ));
        assert!(read_store_file(&dir.path().join("missing"))
            .unwrap()
            .is_none());
        let lock = dir.path().join("lock");
        std::os::unix::fs::symlink(dir.path().join("nowhere"), &lock).unwrap();
        assert!(matches!(
            open_lock_file(&lock),
            Err(Error::SymlinkInStore { .. })
        ));
        assert!(!dir.path().join("nowhere").exists());
    }

    #[test]
    fn each_store_failure_has_its_variant_with_its_data() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("editions");
        fs::create_dir_all(&root).unwrap();
        assert!(matches!(
            check_name("../x"),
            Err(Error::InvalidSeriesName { name, .. }) if name == "../x"
        ));
        let file = root.join("file");
        fs::write(&file, "").unwrap();
        assert!(matches!(check_real_dir(&file), Err(Error::NotAFolder { path }) if path == file));
        #[cfg(unix)]
        {
            let alpha = root.join("alpha");
            fs::create_dir(&alpha).unwrap();
            let link = root.join("link");
            std::os::unix::fs::symlink(&alpha, &link).unwrap();
            assert!(matches!(
                check_real_dir(&link),
                Err(Error::SymlinkedSeries { path }) if path == link
            ));
        }
    }
}
