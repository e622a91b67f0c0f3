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
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The path names a folder where a file was expected.
    #[error("{path}: is a directory, expected a file")]
    IsDirectory { path: PathBuf },
    /// The path names a FIFO, socket or device (after following symbolic links): only regular
    /// files are read, since such a file may block or never end.
    #[error("{path}: is {kind}, expected a regular file")]
    NotAFile { path: PathBuf, kind: &'static str },
    /// The file is empty or holds only white space.
    #[error("{path}: the file is empty")]
    Empty { path: PathBuf },
    /// The file looks like binary data, not text.
    #[error("{path}: looks like a binary file (NUL byte at byte offset {offset}), expected text")]
    Binary { path: PathBuf, offset: usize },
    /// The file is larger than the input limit in force (see
    /// [`ExtractOptions::max_input_bytes`](crate::pipeline::ExtractOptions::max_input_bytes)).
    #[error("{path}: file too large ({size} bytes; the limit is {limit} bytes)")]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    /// The file holds more blocks of text or figures than a pull may (see
    /// [`read::MAX_BLOCKS`](crate::read::MAX_BLOCKS) and
    /// [`pipeline::MAX_FIGURES`](crate::pipeline::MAX_FIGURES)): fact sheets hold tens.
    #[error("{path}: more than {limit} {what}; a fact sheet holds tens")]
    TooMany {
        path: PathBuf,
        what: &'static str,
        limit: usize,
    },
    /// The file is not valid UTF-8.
    #[error("{path}: invalid UTF-8 at byte offset {offset}; convert the file to UTF-8")]
    Encoding { path: PathBuf, offset: usize },
    /// No edition date in front matter, text or file name, and none given by the caller.
    #[error("{path}: no edition date found (front matter, a date line or a YYYY-MM-DD file name)")]
    NoDate { path: PathBuf },
    /// The document holds no claims (no bullets or body paragraphs).
    #[error("{path}: no claims found (no bullets or body paragraphs)")]
    NoClaims { path: PathBuf },
    /// A date given by the user could not be parsed.
    #[error("invalid date {value:?}: expected YYYY-MM-DD")]
    BadDate { value: String },
    /// A TOML file could not be parsed or has the wrong shape.
    #[error("{path}:{line}:{column}: {message}")]
    Toml {
        path: PathBuf,
        line: usize,
        column: usize,
        message: String,
    },
    /// A claim set declares a schema version this build does not know.
    #[error("{path}: unknown claim-set schema version {found} (this factdiff reads version {supported}); upgrade factdiff")]
    Schema {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
    /// A claim set holds a value that breaks its own rules (bad decimal, empty topic…).
    #[error("{path}: {message}")]
    Invalid { path: PathBuf, message: String },
    /// The editions folder does not exist.
    #[error("{root}: no editions folder here")]
    NoStore { root: PathBuf },
    /// The editions folder holds no series with an edition.
    #[error("{root}: no series with editions here")]
    NoSeries { root: PathBuf },
    /// The store holds several series and none was named.
    #[error("{root}: several series here ({})", .series.join(", "))]
    SeveralSeries { root: PathBuf, series: Vec<String> },
    /// The series named is not in the store.
    #[error("{root}: no series named {name:?}; series here: {}", list_or_none(.available))]
    NoSuchSeries {
        root: PathBuf,
        name: String,
        /// The series the store does hold.
        available: Vec<String>,
    },
    /// A series holds fewer editions than the request needs (a diff needs two).
    #[error("series {series:?} has {found} edition(s), {needed} needed")]
    TooFewEditions {
        series: String,
        found: usize,
        needed: usize,
    },
    /// No stored edition carries that label (`2023-02-06`, `2023-02-06.2`).
    #[error("{label}: no edition of that date in series {series:?} (editions: {})", list_or_none(.available))]
    NoSuchEdition {
        series: String,
        label: String,
        /// The labels of the series' editions, oldest first.
        available: Vec<String>,
    },
    /// A series name that is not one plain folder name.
    #[error(
        "invalid series name {name:?}: use one folder name without '/', '\\' or a leading '.'"
    )]
    InvalidSeriesName { name: String },
    /// The series folder is a symbolic link: the store never writes through one.
    #[error("{path}: the series folder is a symbolic link; refusing to write through it")]
    SymlinkedSeries { path: PathBuf },
    /// The series path exists but is not a folder.
    #[error("{path}: not a folder; refusing to store editions there")]
    NotAFolder { path: PathBuf },
    /// A pull handed to the store came back without an outcome (a bug, reported, not hidden).
    #[error("{file}: the pull was not stored")]
    NotStored { file: PathBuf },
    /// A worker thread reading pulls stopped (it panicked); nothing it read was stored.
    #[error("a worker thread failed while reading pulls")]
    WorkerFailed,
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
