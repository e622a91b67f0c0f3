//! factdiff tracks claims and figures across dated editions of recurring fact sheets.
//!
//! Each dated edition of a sheet ("FACT SHEET: Update on …") becomes a [`ClaimSet`]: claims
//! keyed by topic, each with its [`Figure`]s (exact value, unit, qualifier, counted noun, and
//! class: running total, per-period amount or target). Two claim sets compare into a
//! [`diff::Report`] of changed, added and dropped figures and claims with watchdog flags, and
//! [`render`] writes it as text, Markdown, JSON, CSV or HTML. [`history`] follows figures
//! through a series; [`store`] and [`ingest`] keep editions as TOML under `editions/`.
//!
//! Data flows one way: read → segment → extract → class → claim set → align → diff/history →
//! render. Shared text handling (folding, stop words, months, sentences) lives in one
//! crate-private module.
//!
//! # Example
//!
//! Read two editions, compare them and render the report:
//!
//! ```
//! use factdiff::align::AlignSettings;
//! use factdiff::pipeline::{extract_bytes, ExtractOptions};
//! use factdiff::render::{render_diff, Format, RenderOptions};
//! use factdiff::topics::TopicRules;
//! use std::path::Path;
//!
//! let options = ExtractOptions { keep_text: true, ..ExtractOptions::default() };
//! let old = extract_bytes(
//!     b"FACT SHEET: Harbor Jobs\n\nMay 10, 2022\n\n- **Jobs:** The program has created more than 9,000 jobs so far.\n",
//!     Path::new("2022-05-10.md"),
//!     &options,
//! )?;
//! let new = extract_bytes(
//!     b"FACT SHEET: Harbor Jobs\n\nApril 2, 2024\n\n- **Jobs:** The program has created up to 18,000 jobs so far.\n",
//!     Path::new("2024-04-02.md"),
//!     &options,
//! )?;
//! let report = factdiff::diff::diff(&old, &new, &TopicRules::default(), AlignSettings::default());
//! let mut out = Vec::new();
//! render_diff(&report, Format::Markdown, &RenderOptions::default(), &mut out)?;
//! let markdown = String::from_utf8(out)?;
//! assert!(markdown.contains("more than 9,000 jobs"));
//! assert!(markdown.contains("up to 18,000 jobs"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]
#![warn(missing_docs)]

// The data flow, one module per step: read → segment → extract → class → claimset → align →
// diff → history → render; the store (store, index, series, ingest) around it; shared text
// handling in `text`.
pub mod accept;
pub mod align;
pub mod allocator;
pub mod cite;
pub mod claimset;
pub(crate) mod class;
pub mod diff;
pub mod error;
pub mod extract;
pub mod figure;
pub mod history;
pub mod index;
pub mod ingest;
pub mod input;
pub mod label;
pub mod pipeline;
pub(crate) mod read;
pub mod regroup;
pub mod render;
pub(crate) mod segment;
pub mod series;
pub mod store;
pub mod suggest;
pub(crate) mod text;
pub mod topics;

pub use claimset::{Claim, ClaimSet, Edition, TopicKey};
pub use error::{Error, Result};
pub use figure::{Figure, FigureClass, NounFrom, Qualifier, Unit};
pub use read::{parse_date, MAX_BLOCKS};
