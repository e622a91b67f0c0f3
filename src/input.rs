//! The one way a pull (or a claim set named by the user) is read from disk: regular files only,
//! and never more than a limit, counted while reading.
//!
//! Symbolic links are followed, then the target must be a regular file: a FIFO would block the
//! reader forever (while `add` holds the store's lock), and a device such as `/dev/zero` reports
//! a length of 0 but never ends. Both are refused by name before a byte is read. The limit is
//! enforced on the bytes actually read, never on the length the file system reports: files in
//! `/proc` report 0 and a growing file reports what it held a moment ago.

use crate::error::{Error, Result};
use std::fs::{File, Metadata};
use std::io::Read;
use std::path::Path;

/// Reads the whole of `path`, a regular file (after following symbolic links) of at most
/// `limit` bytes.
///
/// Errors: [`Error::IsDirectory`] for a folder, [`Error::NotARegularFile`] for a FIFO, socket or
/// device, [`Error::TooLarge`] once more than `limit` bytes are there (reported or read), and
/// [`Error::Io`] for anything the system refuses.
pub fn read_regular_file(path: &Path, limit: u64) -> Result<Vec<u8>> {
    // A first look, following links, so that a FIFO is never opened (opening one for reading
    // blocks until a writer comes).
    let meta = std::fs::metadata(path).map_err(|e| Error::io(path, e))?;
    check_kind(&meta, path)?;
    let file = open_nonblocking(path)?;
    // The file opened is the one judged: it may have been swapped since the first look.
    let meta = file.metadata().map_err(|e| Error::io(path, e))?;
    check_kind(&meta, path)?;
    if meta.len() > limit {
        return Err(too_large(path, meta.len(), limit));
    }
    // The reported length only sizes the buffer; the reading itself stops past the limit.
    let capacity = usize::try_from(meta.len().min(limit)).unwrap_or(0);
    let mut bytes = Vec::with_capacity(capacity.saturating_add(1));
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(path, e))?;
    let read = bytes.len() as u64;
    if read > limit {
        return Err(too_large(path, read.max(meta.len()), limit));
    }
    Ok(bytes)
}

fn too_large(path: &Path, size: u64, limit: u64) -> Error {
    Error::TooLarge {
        path: path.to_path_buf(),
        size,
        limit,
    }
}

/// Refuses anything but a regular file, naming what it is.
fn check_kind(meta: &Metadata, path: &Path) -> Result<()> {
    let ft = meta.file_type();
    if ft.is_file() {
        return Ok(());
    }
    if ft.is_dir() {
        return Err(Error::IsDirectory {
            path: path.to_path_buf(),
        });
    }
    Err(Error::NotARegularFile {
        path: path.to_path_buf(),
        kind: kind_name(&ft),
    })
}

#[cfg(unix)]
fn kind_name(ft: &std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if ft.is_fifo() {
        "a FIFO (named pipe)"
    } else if ft.is_char_device() {
        "a character device"
    } else if ft.is_block_device() {
        "a block device"
    } else if ft.is_socket() {
        "a socket"
    } else {
        "a special file"
    }
}

#[cfg(not(unix))]
fn kind_name(_: &std::fs::FileType) -> &'static str {
    "a special file"
}

/// Opens for reading without blocking on a FIFO swapped in after the first look (its kind is
/// then refused by the caller). On a regular file `O_NONBLOCK` changes nothing.
#[cfg(unix)]
fn open_nonblocking(path: &Path) -> Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
        .map_err(|e| Error::io(path, e))
}

#[cfg(not(unix))]
fn open_nonblocking(path: &Path) -> Result<File> {
    File::open(path).map_err(|e| Error::io(path, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_regular_file_up_to_the_limit_exactly() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.txt");
        std::fs::write(&p, b"0123456789").unwrap();
        assert_eq!(read_regular_file(&p, 10).unwrap(), b"0123456789");
        let err = read_regular_file(&p, 9).unwrap_err();
        assert!(
            matches!(
                err,
                Error::TooLarge {
                    size: 10,
                    limit: 9,
                    ..
                }
            ),
            "{err}"
        );
    }

    #[test]
    fn a_folder_is_a_directory_error() {
        let dir = tempfile::tempdir().unwrap();
        let err = read_regular_file(dir.path(), 10).unwrap_err();
        assert!(matches!(err, Error::IsDirectory { .. }), "{err}");
    }

    /// `/proc` files are regular, report a length of 0 and hold more: the limit is counted on
    /// the bytes read.
    #[cfg(target_os = "linux")]
    #[test]
    fn a_reported_length_of_zero_is_not_trusted() {
        let p = Path::new("/proc/self/maps");
        if std::fs::metadata(p).ok().map(|m| m.len()) != Some(0) {
            return; // no procfs here
        }
        let err = read_regular_file(p, 16).unwrap_err();
        assert!(
            matches!(
                err,
                Error::TooLarge {
                    size: 17,
                    limit: 16,
                    ..
                }
            ),
            "{err}"
        );
        assert!(!read_regular_file(p, 1 << 30).unwrap().is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn devices_are_refused_by_kind() {
        let err = read_regular_file(Path::new("/dev/zero"), 1 << 20).unwrap_err();
        assert!(
            matches!(
                err,
                Error::NotARegularFile {
                    kind: "a character device",
                    ..
                }
            ),
            "{err}"
        );
    }
}
