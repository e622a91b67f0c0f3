//! Extracting figures: one claim's text → its numbers with exact value, unit, qualifier,
//! counted noun, measure and quote.

use crate::figure::Figure;

/// Finds every figure a watchdog would track in `text`, in reading order.
pub fn extract_figures(text: &str) -> Vec<Figure> {
    let _ = text;
    unimplemented!()
}
