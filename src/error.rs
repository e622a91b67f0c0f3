//! The library's error type: every variant names the file or value it is about.

use std::path::PathBuf;

/// Everything that can go wrong while reading, storing or comparing editions.
///
/// The messages speak of files, series and editions, never of command-line flags or
/// environment variables: a front end adds its own hint (the `factdiff` command, for instance,
/// names its series flag after [`Error::SeveralSeries`]). New variants may come in a minor
/// release.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file or folder could not be read or written.
    #[error("{path}: {source}")]
    Io {
        /// The file or folder it is about.
        path: PathBuf,
        /// The underlying I/O error.
        #[source]
        source: std::io::Error,
    },
    /// The path names a folder where a file was expected.
    #[error("{path}: is a directory, expected a file")]
    IsDirectory {
        /// The file or folder it is about.
        path: PathBuf,
    },
    /// The path names a FIFO, socket or device (after following symbolic links): only regular
    /// files are read, since such a file may block or never end.
    #[error("{path}: is {kind}, expected a regular file")]
    NotARegularFile {
        /// The file it is about.
        path: PathBuf,
        /// What it is instead ("a FIFO (named pipe)", "a character device", …).
        kind: &'static str,
    },
    /// The file is empty or holds only white space.
    #[error("{path}: the file is empty")]
    Empty {
        /// The file or folder it is about.
        path: PathBuf,
    },
    /// The file looks like binary data, not text.
    #[error("{path}: looks like a binary file (NUL byte at byte offset {offset}), expected text")]
    Binary {
        /// The file or folder it is about.
        path: PathBuf,
        /// Byte offset of the problem.
        offset: usize,
    },
    /// The file is larger than the input limit in force (see
    /// [`ExtractOptions::max_input_bytes`](crate::pipeline::ExtractOptions::max_input_bytes)).
    #[error("{path}: file too large ({size} bytes; the limit is {limit} bytes)")]
    TooLarge {
        /// The file or folder it is about.
        path: PathBuf,
        /// The file's size in bytes.
        size: u64,
        /// The input limit in force, in bytes.
        limit: u64,
    },
    /// The file holds more blocks of text or figures than a pull may (see
    /// [`MAX_BLOCKS`](crate::MAX_BLOCKS) and
    /// [`pipeline::MAX_FIGURES`](crate::pipeline::MAX_FIGURES)): fact sheets hold tens.
    #[error("{path}: more than {limit} {what}; a fact sheet holds tens")]
    TooMany {
        /// The file it is about.
        path: PathBuf,
        /// What there is too much of ("blocks of text …", "figures", "HTML nodes").
        what: &'static str,
        /// The most a pull may hold.
        limit: usize,
    },
    /// The file is not valid UTF-8.
    #[error("{path}: invalid UTF-8 at byte offset {offset}; convert the file to UTF-8")]
    Encoding {
        /// The file or folder it is about.
        path: PathBuf,
        /// Byte offset of the problem.
        offset: usize,
    },
    /// No edition date in front matter, text or file name, and none given by the caller.
    #[error("{path}: no edition date found (front matter, a date line or a YYYY-MM-DD file name)")]
    NoDate {
        /// The file or folder it is about.
        path: PathBuf,
    },
    /// The document holds no claims (no bullets or body paragraphs).
    #[error("{path}: no claims found (no bullets or body paragraphs)")]
    NoClaims {
        /// The file or folder it is about.
        path: PathBuf,
    },
    /// A date given by the user could not be parsed.
    #[error("invalid date {value:?}: expected YYYY-MM-DD")]
    BadDate {
        /// The value as given.
        value: String,
    },
    /// A TOML file could not be parsed or has the wrong shape.
    #[error("{path}:{line}:{column}: {message}")]
    Toml {
        /// The file or folder it is about.
        path: PathBuf,
        /// 1-based line of the problem.
        line: usize,
        /// 1-based column of the problem.
        column: usize,
        /// What is wrong, in words.
        message: String,
    },
    /// A claim set declares a schema version this build does not know.
    #[error("{path}: unknown claim-set schema version {found} (this factdiff reads versions up to {supported}); upgrade factdiff")]
    Schema {
        /// The file or folder it is about.
        path: PathBuf,
        /// What was found.
        found: u32,
        /// The version this build reads.
        supported: u32,
    },
    /// A claim set holds a value that breaks its own rules (bad decimal, empty topic…).
    #[error("{path}: {message}")]
    Invalid {
        /// The file or folder it is about.
        path: PathBuf,
        /// What is wrong, in words.
        message: String,
    },
    /// The editions folder does not exist.
    #[error("{root}: no editions folder here")]
    NoStore {
        /// The store's folder.
        root: PathBuf,
    },
    /// The editions folder holds no series with an edition.
    #[error("{root}: no series with editions here")]
    NoSeries {
        /// The store's folder.
        root: PathBuf,
    },
    /// The store holds several series and none was named. The message fits a screen: the
    /// count and at most [`MAX_CANDIDATES`] names, the likeliest first.
    #[error("{root}: {count} series here and none chosen; {}", candidates_line(.candidates, *.count))]
    SeveralSeries {
        /// The store's folder.
        root: PathBuf,
        /// How many series the store holds.
        count: usize,
        /// At most [`MAX_CANDIDATES`] of them, the likeliest first (by title when a title is
        /// known, else the most recently updated).
        candidates: Vec<String>,
    },
    /// The series named is not in the store.
    #[error("{root}: no series named {name:?}; {}", candidates_line(.candidates, *.count))]
    NoSuchSeries {
        /// The store's folder.
        root: PathBuf,
        /// The name as given.
        name: String,
        /// How many series the store holds.
        count: usize,
        /// At most [`MAX_CANDIDATES`] of them, the names closest to `name` first.
        candidates: Vec<String>,
    },
    /// A series holds fewer editions than the request needs (a diff needs two).
    #[error("series {series:?} has {found} edition(s), {needed} needed")]
    TooFewEditions {
        /// The series name.
        series: String,
        /// What was found.
        found: usize,
        /// How many are needed.
        needed: usize,
    },
    /// No stored edition carries that label (`2023-02-06`, `2023-02-06.2`).
    #[error("{label}: no edition of that date in series {series:?} (editions: {})", list_or_none(.available))]
    NoSuchEdition {
        /// The series name.
        series: String,
        /// The edition's label (date, and revision when there is one).
        label: String,
        /// The labels of the series' editions, oldest first.
        available: Vec<String>,
    },
    /// A series name that is not one plain folder name that Windows, macOS and Linux all
    /// accept.
    #[error("invalid series name {name:?}: {reason}; use one folder name of letters, digits, '-' and '_'")]
    InvalidSeriesName {
        /// The name as given.
        name: String,
        /// What is wrong with it ("contains a control character", "is a reserved device name
        /// on Windows", …).
        reason: &'static str,
    },
    /// A new series name differs only in letter case from a folder already in the store: the
    /// two would be one folder on macOS and Windows.
    #[error("series name {name:?} clashes with the folder {existing:?} on macOS and Windows (names differing only in case)")]
    SeriesNameClash {
        /// The name as given.
        name: String,
        /// The folder already there.
        existing: String,
    },
    /// The series (or folder) already exists where a new one was to be made.
    #[error("{root}: a series or folder named {name:?} exists already")]
    SeriesExists {
        /// The store's folder.
        root: PathBuf,
        /// The name as given.
        name: String,
    },
    /// A merge or split that would lose or confuse something; nothing was changed.
    #[error("cannot {action} series {from:?} into {into:?}: {reason}; nothing was changed")]
    RegroupConflict {
        /// `merge`, `rename` or `split`.
        action: &'static str,
        /// The series moved from.
        from: String,
        /// The series moved into.
        into: String,
        /// See the variant.
        reason: String,
    },
    /// A store file (index, lock, temporary file, `topics.toml`, `series.toml`, claim set) is a
    /// symbolic link: the store never reads or writes through one.
    #[error("{path}: is a symbolic link; the store never follows one")]
    SymlinkInStore {
        /// The file or folder it is about.
        path: PathBuf,
    },
    /// A store file is not a regular file (a folder, a pipe, a device).
    #[error("{path}: not a regular file")]
    NotAFile {
        /// The file or folder it is about.
        path: PathBuf,
    },
    /// The series folder is a symbolic link: the store never writes through one.
    #[error("{path}: the series folder is a symbolic link; refusing to write through it")]
    SymlinkedSeries {
        /// The file or folder it is about.
        path: PathBuf,
    },
    /// The series path exists but is not a folder.
    #[error("{path}: not a folder; refusing to store editions there")]
    NotAFolder {
        /// The file or folder it is about.
        path: PathBuf,
    },
    /// A pull handed to the store came back without an outcome (a bug, reported, not hidden).
    #[error("{file}: the pull was not stored")]
    NotStored {
        /// The file concerned.
        file: PathBuf,
    },
    /// A worker thread reading pulls stopped (it panicked); nothing it read was stored.
    #[error("a worker thread failed while reading pulls")]
    WorkerFailed,
}

/// The most series names an error lists: the message fits a screen however large the store.
pub const MAX_CANDIDATES: usize = 10;

fn candidates_line(candidates: &[String], count: usize) -> String {
    if candidates.is_empty() {
        return if count == 0 {
            "the store holds no series".into()
        } else {
            format!("{count} series here")
        };
    }
    let shown = candidates.len().min(MAX_CANDIDATES);
    let list = candidates[..shown].join(", ");
    if count > shown {
        format!("likeliest: {list} (and {} more)", count - shown)
    } else {
        format!("series here: {list}")
    }
}

fn list_or_none(names: &[String]) -> String {
    if names.is_empty() {
        "none".into()
    } else {
        names.join(", ")
    }
}

/// Short alias used across the crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// Wraps an I/O error with the path it concerns.
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}
