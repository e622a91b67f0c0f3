//! The library's error type: every variant names the file or value it is about.

use std::path::PathBuf;

/// Everything that can go wrong while reading, storing or comparing editions.
#[derive(Debug, thiserror::Error)]
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
    /// The file is empty or holds only white space.
    #[error("{path}: the file is empty")]
    Empty { path: PathBuf },
    /// The file looks like binary data, not text.
    #[error("{path}: looks like a binary file (NUL byte at byte offset {offset}), expected text")]
    Binary { path: PathBuf, offset: usize },
    /// The file is larger than factdiff reads (see `pipeline::MAX_INPUT_BYTES`).
    #[error("{path}: file too large ({size} bytes; the limit is {limit} bytes, raise it with FACTDIFF_MAX_INPUT_MB)")]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    /// The file is not valid UTF-8.
    #[error("{path}: invalid UTF-8 at byte offset {offset}; convert the file to UTF-8")]
    Encoding { path: PathBuf, offset: usize },
    /// No edition date in front matter, text, file name or `--date`.
    #[error("{path}: no edition date found (front matter, a date line or a YYYY-MM-DD file name); pass --date YYYY-MM-DD")]
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
    /// The editions store could not answer a request (no such series, too few editions…).
    #[error("{0}")]
    Store(String),
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
