//! Segmenting: a document's blocks → claims with topic keys, headings and section context.

use crate::claimset::TopicKey;
use crate::read::Document;

/// A claim before its figures are extracted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    /// The topic key: from the heading, else derived from the content.
    pub topic: TopicKey,
    /// The "Heading:" lead, without its colon.
    pub heading: Option<String>,
    /// The section line the claim sits under.
    pub section: Option<String>,
    /// The claim's words without the heading lead.
    pub text: String,
}

/// Splits a document into claims.
pub fn segment(doc: &Document) -> Vec<Segment> {
    let _ = doc;
    unimplemented!()
}
