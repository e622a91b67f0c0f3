//! JSON output (**contract**): the report's wire form and the history as one pretty-printed
//! object.

use super::wire::ReportWire;
use crate::diff::Report;
use crate::history::History;
use serde::Serialize;
use std::io::{self, Write};

pub(super) fn diff(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    write_json(&ReportWire::new(report), out)
}

pub(super) fn history(history: &History, out: &mut dyn Write) -> io::Result<()> {
    write_json(history, out)
}

fn write_json<T: Serialize>(value: &T, out: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value).map_err(io::Error::other)?;
    out.write_all(b"\n")
}
