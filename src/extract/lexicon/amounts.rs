//! Words around an amount that say what it is of: the verbs and connectors of a change ("cut
//! spending by", "slash fees to … from"), the verbs and heads of a stated level ("the average
//! price … is"), and the nouns a percentage sizes ("a 15 percent minimum tax").

use super::Words;

/// Verbs that state a level of their subject right before an amount ("the price is $3.30").
pub(crate) const COPULAS: Words = Words::new(&[
    "is", "was", "are", "were", "remains", "remained", "stays", "stayed",
]);

/// Verbs that state a level "at" an amount ("the rate stands at 3.4%").
pub(crate) const STANDING_VERBS: Words =
    Words::new(&["stands", "stood", "sits", "sat", "remains", "remained"]);

/// Words between a stating verb and its amount ("is now $3.30", "was still 4%").
pub(crate) const STATE_ADVERBS: Words = Words::new(&[
    "now",
    "currently",
    "still",
    "today",
    "just",
    "only",
    "already",
]);

/// Prepositions that open a short phrase between a subject's head and its verb ("the average
/// price at the pump is").
pub(crate) const SUBJECT_TAIL_PREPOSITIONS: Words =
    Words::new(&["at", "in", "for", "of", "on", "across", "nationwide"]);

/// Heads of a subject a money amount states ("the average price … is $3.30").
pub(crate) const MONEY_SUBJECT_HEADS: Words = Words::new(&[
    "price",
    "prices",
    "fare",
    "fares",
    "tuition",
    "toll",
    "tolls",
    "cost",
    "costs",
    "value",
    "wage",
    "award",
    "payment",
    "fee",
    "fees",
    "salary",
    "premium",
    "premiums",
    "deductible",
    "benefit",
    "rent",
    "bill",
    "debt",
    "balance",
    "budget",
    "limit",
    "threshold",
]);

/// Heads of a subject a percentage states ("the poverty rate was 11.1%").
pub(crate) const PERCENT_SUBJECT_HEADS: Words = Words::new(&[
    "rate",
    "rates",
    "share",
    "percentage",
    "proportion",
    "ratio",
]);

/// Verbs that change an object "by" an amount ("reduce emissions by 50%", "cut spending by $8
/// billion").
pub(crate) const OBJECT_CHANGE_VERBS: Words = Words::new(&[
    "reduce",
    "reduces",
    "reduced",
    "reducing",
    "cut",
    "cuts",
    "cutting",
    "increase",
    "increases",
    "increased",
    "increasing",
    "raise",
    "raises",
    "raised",
    "raising",
    "lower",
    "lowers",
    "lowered",
    "lowering",
    "boost",
    "boosts",
    "boosted",
    "boosting",
    "decrease",
    "decreases",
    "decreased",
    "decreasing",
    "slash",
    "slashes",
    "slashed",
    "slashing",
    "expand",
    "expands",
    "expanded",
    "expanding",
    "shrink",
    "shrinks",
    "shrank",
    "trim",
    "trims",
    "trimmed",
    "curb",
    "curbs",
    "curbed",
    "curbing",
    "grow",
    "grows",
    "grew",
    "growing",
]);

/// Words that tie an amount to the object a verb changes: "cut spending by $8 billion",
/// "slash late fees to $8", "raise assistance from $500".
pub(crate) const CHANGE_CONNECTORS: Words = Words::new(&["by", "to", "from"]);

/// Words an amount chained between two connectors may hold besides its number and scale:
/// qualifiers and units ("to $8 from approximately $30", "by 0.30 percentage points, from").
pub(crate) const CHAINED_AMOUNT_WORDS: Words = Words::new(&[
    "about",
    "approximately",
    "roughly",
    "nearly",
    "almost",
    "around",
    "over",
    "under",
    "more",
    "less",
    "than",
    "just",
    "only",
    "percent",
    "percentage",
    "point",
    "points",
    "per",
    "cent",
]);

/// Nouns of a change, which a percentage before them sizes ("a 26% increase in …").
pub(crate) const CHANGE_NOUNS: Words = Words::new(&[
    "increase",
    "decrease",
    "rise",
    "drop",
    "decline",
    "reduction",
    "cut",
    "jump",
    "gain",
    "fall",
    "hike",
    "boost",
    "raise",
    "surge",
    "spike",
    "dip",
    "improvement",
]);

/// Singular nouns a percentage right before them sizes ("a 15 percent minimum tax", "a 25%
/// tariff", "3% growth", "a 100% Federal cost share").
pub(crate) const PERCENT_HEADS: Words = Words::new(&[
    "tariff",
    "tax",
    "surcharge",
    "credit",
    "blend",
    "growth",
    "raise",
    "match",
    "cap",
    "copay",
    "copayment",
    "coinsurance",
    "co-insurance",
    "duty",
    "fee",
    "rate",
    "goal",
    "target",
    "requirement",
    "threshold",
    "share",
    "premium",
    "penalty",
    "discount",
    "deduction",
    "reimbursement",
    "bonus",
    "stake",
    "subsidy",
    "contribution",
    "levy",
    "markup",
    "commission",
]);

/// Words after a percentage that head no noun of it: rates and paces ("a 2.4 percent annual
/// rate"), comparisons ("5% higher"), chances and points.
pub(crate) const PERCENT_NOT_HEADS: Words = Words::new(&[
    "rate",
    "annual",
    "annualized",
    "annualised",
    "pace",
    "clip",
    "chance",
    "point",
    "more",
    "less",
    "higher",
    "lower",
    "above",
    "below",
    "over",
    "under",
    "year",
    "month",
    "share",
    "stake",
    "majority",
    "minority",
    "margin",
    "return",
    "yield",
    "interest",
    "discount",
]);
