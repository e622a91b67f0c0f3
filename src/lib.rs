//! factdiff tracks claims and figures across dated editions of recurring fact sheets.

pub mod claimset;
pub mod error;
pub mod extract;
pub mod figure;
pub mod read;
pub mod segment;

pub use claimset::{Claim, ClaimSet, Edition, TopicKey};
pub use error::{Error, Result};
pub use figure::{Figure, Qualifier, Unit};
