//! Failures of a command: the one line printed for each, with the flag or setting that fixes
//! it, and the closed pipe that is no failure at all.

use factdiff::Error;
use std::error::Error as StdError;
use std::fmt;
use std::io;

/// A failure to report: a library error, an I/O error on output, or a message.
#[derive(Debug)]
pub enum CliError {
    Lib(Error),
    Io(io::Error),
    Message(String),
}

impl CliError {
    /// True when the failure is, somewhere in its chain, a write to a pipe whose reader
    /// closed it (`factdiff diff | head`): the reader's choice, not an error.
    pub fn is_broken_pipe(&self) -> bool {
        match self {
            CliError::Lib(e) => is_broken_pipe(e),
            CliError::Io(e) => is_broken_pipe(e),
            CliError::Message(_) => false,
        }
    }

    /// The line printed on stderr, with a hint fitting the command (`extract`, `diff`…).
    pub fn line(&self, command: &str) -> String {
        match self {
            CliError::Lib(e) => match hint(e, command) {
                Some(hint) => format!("factdiff: error: {e}; {hint}"),
                None => format!("factdiff: error: {e}"),
            },
            other => format!("factdiff: error: {other}"),
        }
    }
}

impl fmt::Display for CliError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CliError::Lib(e) => write!(f, "{e}"),
            CliError::Io(e) => write!(f, "writing output: {e}"),
            CliError::Message(m) => f.write_str(m),
        }
    }
}

impl StdError for CliError {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        match self {
            CliError::Lib(e) => Some(e),
            CliError::Io(e) => Some(e),
            CliError::Message(_) => None,
        }
    }
}

impl From<Error> for CliError {
    fn from(e: Error) -> Self {
        CliError::Lib(e)
    }
}

impl From<io::Error> for CliError {
    fn from(e: io::Error) -> Self {
        CliError::Io(e)
    }
}

/// The command-line way out of a library error, when there is one. The library names files,
/// series and editions; only the front end knows its flags and environment.
pub fn hint(err: &Error, command: &str) -> Option<&'static str> {
    Some(match err {
        Error::NoStore { .. } => "pass --editions DIR or run `factdiff add` first",
        Error::SeveralSeries { .. } => {
            "choose one with --series NAME (`factdiff series` lists them all)"
        }
        Error::NoSuchSeries { .. } => "`factdiff series` lists them all",
        Error::NotAFile { path } if path.ends_with(factdiff::index::INDEX_FILE) => {
            "remove it: the index is rebuilt from the claim sets"
        }
        Error::SymlinkInStore { .. } => "replace the link with the file itself, or remove it",
        Error::SeriesExists { .. } | Error::SeriesNameClash { .. } => "choose another name",
        Error::TooLarge { .. } => "raise it with FACTDIFF_MAX_INPUT_MB",
        Error::NoDate { .. } if command == "extract" => "pass --date YYYY-MM-DD",
        Error::TooFewEditions { .. } if command == "diff" => "name OLD and NEW",
        Error::TooFewEditions { .. } => "store one with `factdiff add` first",
        Error::NoSuchEdition { .. } => "no file of that name either",
        _ => return None,
    })
}

/// True when `err` or anything in its chain is a broken pipe: an `io::Error` of that kind,
/// one wrapped inside another `io::Error` (`io::Error::other(e)`, whose `source()` skips the
/// wrapped error itself), or a `serde_json` error that was one.
pub fn is_broken_pipe(err: &(dyn StdError + 'static)) -> bool {
    let mut next = Some(err);
    while let Some(e) = next {
        if let Some(io) = e.downcast_ref::<io::Error>() {
            if io.kind() == io::ErrorKind::BrokenPipe {
                return true;
            }
            if let Some(inner) = io.get_ref() {
                if is_broken_pipe(inner) {
                    return true;
                }
            }
        }
        if let Some(json) = e.downcast_ref::<serde_json::Error>() {
            if json.io_error_kind() == Some(io::ErrorKind::BrokenPipe) {
                return true;
            }
        }
        next = e.source();
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn pipe() -> io::Error {
        io::Error::from(io::ErrorKind::BrokenPipe)
    }

    #[test]
    fn broken_pipe_found_anywhere_in_the_chain() {
        // Plain, as `write!` returns it.
        assert!(CliError::Io(pipe()).is_broken_pipe());
        // Wrapped in another io::Error (io::Error::source skips the wrapped error).
        assert!(CliError::Io(io::Error::other(pipe())).is_broken_pipe());
        // The JSON renderer: serde_json's error wrapped in io::Error::other.
        struct Closed;
        impl io::Write for Closed {
            fn write(&mut self, _: &[u8]) -> io::Result<usize> {
                Err(pipe())
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let json = serde_json::to_writer(Closed, &[1, 2, 3]).unwrap_err();
        assert!(CliError::Io(io::Error::other(json)).is_broken_pipe());
        // A library error wrapping an io error.
        assert!(CliError::Lib(Error::io("out.txt", pipe())).is_broken_pipe());
    }

    #[test]
    fn other_errors_are_not_a_broken_pipe() {
        assert!(!CliError::Io(io::Error::other("disk full")).is_broken_pipe());
        assert!(!CliError::Io(io::Error::from(io::ErrorKind::NotFound)).is_broken_pipe());
        let json = serde_json::from_str::<u32>("x").unwrap_err();
        assert!(!CliError::Io(io::Error::other(json)).is_broken_pipe());
        assert!(!CliError::Message("broken pipe".into()).is_broken_pipe());
        assert!(!CliError::Lib(Error::NoStore {
            root: PathBuf::from("editions")
        })
        .is_broken_pipe());
    }

    #[test]
    fn hints_name_the_flag_and_fit_the_command() {
        let several = CliError::Lib(Error::SeveralSeries {
            root: PathBuf::from("editions"),
            count: 2,
            candidates: vec!["alpha".into(), "beta".into()],
        });
        assert_eq!(
            several.line("diff"),
            "factdiff: error: editions: 2 series here and none chosen; series here: alpha, beta; choose one with --series NAME (`factdiff series` lists them all)"
        );
        let no_date = CliError::Lib(Error::NoDate {
            path: PathBuf::from("sheet.txt"),
        });
        assert!(no_date
            .line("extract")
            .ends_with("; pass --date YYYY-MM-DD"));
        // `add` and `check` take no --date: no hint naming it.
        assert!(!no_date.line("add").contains("--date"));
        let too_large = CliError::Lib(Error::TooLarge {
            path: PathBuf::from("big.txt"),
            size: 10,
            limit: 5,
        });
        assert_eq!(
            too_large.line("add"),
            "factdiff: error: big.txt: file too large (10 bytes; the limit is 5 bytes); raise it with FACTDIFF_MAX_INPUT_MB"
        );
    }

    #[test]
    fn library_messages_name_no_flag_or_setting() {
        let errors = [
            Error::NoStore {
                root: PathBuf::from("editions"),
            },
            Error::SeveralSeries {
                root: PathBuf::from("editions"),
                count: 2,
                candidates: vec!["a".into(), "b".into()],
            },
            Error::TooLarge {
                path: PathBuf::from("big.txt"),
                size: 10,
                limit: 5,
            },
            Error::NoDate {
                path: PathBuf::from("sheet.txt"),
            },
            Error::TooFewEditions {
                series: "harbor".into(),
                found: 1,
                needed: 2,
            },
        ];
        for e in errors {
            let text = e.to_string();
            assert!(
                !text.contains("--") && !text.contains("FACTDIFF_"),
                "{text}"
            );
        }
    }
}
