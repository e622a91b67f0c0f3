//! Words of table heads: what a column's name says about the numbers under it.

use super::Words;

/// Words that open a column's name without naming what is counted ("Estimated Number of
/// Borrowers"): dropped from the front of the noun.
pub(crate) static HEAD_LEADS: Words = Words::new(&[
    "approximate",
    "estimated",
    "expected",
    "how",
    "many",
    "number",
    "of",
    "projected",
    "the",
    "total",
]);

/// Words after which a column's name stops naming the counted thing ("Borrowers Eligible for
/// Student Debt Relief", "Enrollees Who Used the Drug"): the noun ends before them.
pub(crate) static HEAD_CUTS: Words = Words::new(&[
    "announced",
    "as",
    "at",
    "available",
    "between",
    "by",
    "during",
    "eligible",
    "for",
    "from",
    "in",
    "on",
    "per",
    "since",
    "that",
    "through",
    "to",
    "today",
    "under",
    "which",
    "who",
    "whose",
    "with",
]);

/// Head words of a column of dollars: a bare whole number under one is an amount of money
/// ("Child Care Stabilization Funding" over "451,360,337").
pub(crate) static HEAD_MONEY: Words = Words::new(&[
    "allocation",
    "allocations",
    "award",
    "awards",
    "budget",
    "dollars",
    "funding",
    "funds",
    "grant",
    "grants",
    "spending",
]);

/// Words that make a column's bare numbers something other than counts: money, shares,
/// rates, averages, changes, scales, years.
pub(crate) static HEAD_NOT_COUNTS: Words = Words::new(&[
    "allocation",
    "amount",
    "average",
    "award",
    "billion",
    "billions",
    "budget",
    "change",
    "cost",
    "costs",
    "dollars",
    "funding",
    "funds",
    "grant",
    "grants",
    "income",
    "index",
    "median",
    "million",
    "millions",
    "percent",
    "percentage",
    "price",
    "prices",
    "rate",
    "ratio",
    "revenue",
    "salary",
    "savings",
    "score",
    "share",
    "spending",
    "thousand",
    "thousands",
    "wage",
    "wages",
    "year",
    "years",
]);
