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
    read_regular_file_stated(path, &meta, limit)
}

/// [`read_regular_file`] for a caller that has just taken `path`'s metadata (following links)
/// itself: the first look is that one, not a second.
pub fn read_regular_file_stated(path: &Path, meta: &Metadata, limit: u64) -> Result<Vec<u8>> {
    check_kind(meta, path)?;
    let mut file = open_nonblocking(path)?;
    // The file opened is the one judged: it may have been swapped since the first look.
    let meta = file.metadata().map_err(|e| Error::io(path, e))?;
    check_kind(&meta, path)?;
    if meta.len() > limit {
        return Err(too_large(path, meta.len(), limit));
    }
    // The reported length only sizes the buffer; the reading itself stops past the limit.
    let reported = usize::try_from(meta.len().min(limit)).unwrap_or(0);
    let bytes = read_at_most(&mut file, reported, limit).map_err(|e| Error::io(path, e))?;
    let read = bytes.len() as u64;
    if read > limit {
        return Err(too_large(path, read.max(meta.len()), limit));
    }
    Ok(bytes)
}

/// Reads `from` to its end or to `limit + 1` bytes, whichever comes first, into a buffer first
/// sized one byte past the `reported` length: a file that holds what it reports is read in one
/// call and its end seen in a second (a growing read doubles the buffer, up to the limit).
fn read_at_most(from: &mut impl Read, reported: usize, limit: u64) -> std::io::Result<Vec<u8>> {
    let cap = usize::try_from(limit.saturating_add(1)).unwrap_or(usize::MAX);
    let mut bytes = vec![0; reported.saturating_add(1).min(cap)];
    let mut filled = 0;
    loop {
        if filled == bytes.len() {
            if bytes.len() >= cap {
                break;
            }
            let grown = bytes.len().saturating_mul(2).max(8192).min(cap);
            bytes.resize(grown, 0);
        }
        match from.read(&mut bytes[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    bytes.truncate(filled);
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

    /// A reader handing out at most `chunk` bytes a call, failing once with `Interrupted`
    /// first when asked, and counting its calls.
    struct Chunked {
        data: Vec<u8>,
        at: usize,
        chunk: usize,
        interrupt: bool,
        calls: usize,
    }

    impl Read for Chunked {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            self.calls += 1;
            if std::mem::take(&mut self.interrupt) {
                return Err(std::io::ErrorKind::Interrupted.into());
            }
            let n = buf.len().min(self.chunk).min(self.data.len() - self.at);
            buf[..n].copy_from_slice(&self.data[self.at..self.at + n]);
            self.at += n;
            Ok(n)
        }
    }

    #[test]
    fn read_at_most_reads_to_the_end_or_one_past_the_limit() {
        // (length, reported, limit, chunk, interrupt, bytes expected, calls expected)
        let cases = [
            (10, 10, 100, usize::MAX, false, 10, 2), // as reported: one read, one to see the end
            (0, 0, 100, usize::MAX, false, 0, 1),
            (20_000, 0, 100_000, usize::MAX, false, 20_000, 5), // reported 0 (procfs): grows
            (50, 5, 20, usize::MAX, false, 21, 2),              // stale length: stops at 21
            (50, 20, 20, usize::MAX, false, 21, 1),
            (10, 10, 100, 3, true, 10, 6), // short reads and an interruption
            (7, 7, 0, usize::MAX, false, 1, 1),
        ];
        for (len, reported, limit, chunk, interrupt, want, calls) in cases {
            let data: Vec<u8> = (0..len).map(|i| (i % 251) as u8).collect();
            let mut r = Chunked {
                data: data.clone(),
                at: 0,
                chunk,
                interrupt,
                calls: 0,
            };
            let got = read_at_most(&mut r, reported, limit).unwrap();
            assert_eq!(
                got.len(),
                want,
                "length {len}, reported {reported}, limit {limit}"
            );
            assert_eq!(got, data[..want], "length {len}");
            assert_eq!(
                r.calls, calls,
                "length {len}, reported {reported}, limit {limit}"
            );
        }
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
