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
fn read_at_most(
    from: &mut impl ReadSpare,
    reported: usize,
    limit: u64,
) -> std::io::Result<Vec<u8>> {
    let cap = usize::try_from(limit.saturating_add(1)).unwrap_or(usize::MAX);
    let mut size = reported.saturating_add(1).min(cap);
    let mut bytes = Vec::with_capacity(size);
    loop {
        if bytes.len() == size {
            if size >= cap {
                break;
            }
            size = size.saturating_mul(2).max(8192).min(cap);
            bytes.reserve_exact(size - bytes.len());
        }
        let room = size - bytes.len();
        match from.read_spare(&mut bytes, room) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(bytes)
}

/// A source read straight into a buffer's spare capacity: zeroing the buffer first, as a
/// `Read` needs, cost as much as the rest of the reading.
trait ReadSpare {
    /// Appends at most `max` bytes (no more than `bytes` has room for) read from the source to
    /// `bytes`, and returns how many (0 at the end).
    fn read_spare(&mut self, bytes: &mut Vec<u8>, max: usize) -> std::io::Result<usize>;
}

#[cfg(unix)]
impl ReadSpare for File {
    fn read_spare(&mut self, bytes: &mut Vec<u8>, max: usize) -> std::io::Result<usize> {
        use std::os::fd::AsRawFd;
        let len = bytes.len();
        let spare = bytes.spare_capacity_mut();
        let want = max.min(spare.len());
        // SAFETY: `read` writes at most `want` bytes at the pointer, and the spare capacity
        // behind it holds at least `want`; the file descriptor is open for as long as `self`.
        let n = unsafe { libc::read(self.as_raw_fd(), spare.as_mut_ptr().cast(), want) };
        // Negative on failure (the reason in `errno`).
        let n = usize::try_from(n).map_err(|_| std::io::Error::last_os_error())?;
        // SAFETY: `read` returned `n <= want`: the first `n` bytes of the spare capacity are
        // now initialised, and within the capacity.
        unsafe { bytes.set_len(len + n.min(want)) };
        Ok(n.min(want))
    }
}

#[cfg(not(unix))]
impl ReadSpare for File {
    fn read_spare(&mut self, bytes: &mut Vec<u8>, max: usize) -> std::io::Result<usize> {
        use std::io::Read;
        let start = bytes.len();
        let want = max.min(bytes.capacity() - start);
        bytes.resize(start + want, 0);
        let n = self.read(&mut bytes[start..]);
        bytes.truncate(start + *n.as_ref().unwrap_or(&0));
        n
    }
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
    fn a_larger_file_reads_back_whole() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("b.md");
        let data: Vec<u8> = (0..100_000u32).map(|i| (i * 7 % 251) as u8).collect();
        std::fs::write(&p, &data).unwrap();
        assert_eq!(read_regular_file(&p, 100_000).unwrap(), data);
        assert!(matches!(
            read_regular_file(&p, 99_999).unwrap_err(),
            Error::TooLarge { .. }
        ));
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

    impl ReadSpare for Chunked {
        fn read_spare(&mut self, bytes: &mut Vec<u8>, max: usize) -> std::io::Result<usize> {
            self.calls += 1;
            if std::mem::take(&mut self.interrupt) {
                return Err(std::io::ErrorKind::Interrupted.into());
            }
            assert!(bytes.capacity() - bytes.len() >= max, "asked past the room");
            let n = max.min(self.chunk).min(self.data.len() - self.at);
            bytes.extend_from_slice(&self.data[self.at..self.at + n]);
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
