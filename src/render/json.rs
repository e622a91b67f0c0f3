//! JSON output (**contract**): the report and history structs as one pretty-printed object.

use crate::diff::Report;
use crate::history::History;
use serde::Serialize;
use std::io::{self, Write};

#[derive(Serialize)]
struct DiffJson<'a> {
    #[serde(flatten)]
    report: &'a Report,
    /// `old`, `new`, or `same-date`: which edition is older.
    older: &'static str,
}

pub(super) fn diff(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let older = match super::order_note(report) {
        None => "old",
        Some(n) if n.starts_with("both") => "same-date",
        Some(_) => "new",
    };
    write_json(&DiffJson { report, older }, out)
}

pub(super) fn history(history: &History, out: &mut dyn Write) -> io::Result<()> {
    write_json(history, out)
}

fn write_json<T: Serialize>(value: &T, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value).map_err(io::Error::other)?;
    out.write_all(b"\n")
}
