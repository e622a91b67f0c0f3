//! factdiff tracks claims and figures across dated editions of recurring fact sheets.
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

pub mod align;
pub mod claimset;
pub mod class;
pub mod diff;
pub mod error;
pub mod extract;
pub mod figure;
#[cfg(test)]
mod fuzz_regressions;
pub mod history;
pub mod index;
pub mod ingest;
pub mod input;
pub mod pipeline;
pub mod read;
pub mod render;
pub mod segment;
pub mod series;
pub mod store;
pub mod text;
pub mod topics;

pub use claimset::{Claim, ClaimSet, Edition, TopicKey};
pub use error::{Error, Result};
pub use figure::{Figure, FigureClass, Qualifier, Unit};
