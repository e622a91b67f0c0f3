//! Noun vocabulary: plural-like collective nouns, "-ly" words that are no adverbs, adjectives a
//! measure leaves out, and the words of a sentence that point to a count's noun.

use super::Words;

/// "-ly" words that are nouns or adjectives, not adverbs, so they do not end a noun.
pub(crate) const LY_WORDS: Words = Words::new(&[
    "family",
    "supply",
    "assembly",
    "ally",
    "elderly",
    "early",
    "daily",
    "weekly",
    "monthly",
    "quarterly",
    "yearly",
    "italy",
    "july",
    "rally",
    "anomaly",
    "monopoly",
    "lily",
    "belly",
    "jelly",
    "bully",
    "holy",
    "only",
]);

/// Collective nouns that act as plurals without an "s" ("youth", "people", "police").
pub(crate) const PLURAL_WORDS: Words = Words::new(&[
    "people",
    "youth",
    "children",
    "women",
    "men",
    "staff",
    "personnel",
    "police",
    "data",
    "media",
    "livestock",
    "cattle",
    "alumni",
    "faculty",
    "clergy",
    "crew",
    "teeth",
    "feet",
    "geese",
    "mice",
    "infantry",
    "military",
    "aircraft",
    "spacecraft",
    "fish",
    "sheep",
    "deer",
    "swine",
    "poultry",
    "offspring",
]);

/// Adjectives dropped from a measure (not from the noun): they say nothing about what is counted.
pub const MEASURE_DROP_WORDS: &[&str] = &[
    "free-of-cost",
    "free-of-charge",
    "free",
    "new",
    "newly",
    "additional",
    "more",
    "total",
    "other",
    "further",
    "extra",
    "cumulative",
    // The nationality names no different thing: "74 U.S. convictions" counts convictions.
    "u.s.",
    "u.s.-supported",
    "u.s.-funded",
    "u.s.-backed",
    "u.s.-financed",
    "usg-supported",
    "usg-funded",
    "usaid-supported",
    "usaid-funded",
];

/// Verbs that give a level or a change to their subject ("Overdose deaths dropped to about
/// 8,400", "Enrollment rose to 23"): the subject is what the number counts.
pub(crate) const CHANGE_VERBS: Words = Words::new(&[
    "rose",
    "risen",
    "rise",
    "rises",
    "increased",
    "increase",
    "increases",
    "grew",
    "grown",
    "grow",
    "grows",
    "jumped",
    "climbed",
    "soared",
    "surged",
    "fell",
    "fallen",
    "fall",
    "falls",
    "dropped",
    "drop",
    "drops",
    "declined",
    "decline",
    "declines",
    "decreased",
    "decrease",
    "decreases",
    "reached",
    "reach",
    "reaches",
    "totaled",
    "totalled",
    "total",
    "totals",
    "totaling",
    "numbered",
    "hit",
    "hits",
    "stood",
    "stands",
    "stand",
    "expanded",
    "shrank",
    "doubled",
    "tripled",
    "ballooned",
    "plummeted",
    "plunged",
]);

/// Change verbs that take their number without a preposition ("Enrollment reached 23").
pub(crate) const LEVEL_VERBS: Words = Words::new(&[
    "reached", "reach", "reaches", "totaled", "totalled", "totals", "totaling", "numbered", "hit",
    "hits", "topped",
]);

/// Words between a subject and its change verb ("deaths have now dropped to").
pub(crate) const SUBJECT_AUXILIARIES: Words = Words::new(&[
    "has", "have", "had", "is", "are", "was", "were", "will", "would", "could", "now", "also",
    "already", "since", "just", "then",
]);

/// Words of a time after "last", "next", "past" or "this" ("last year", "next spring"), which
/// end a noun before them.
pub(crate) const TIME_WORDS: Words = Words::new(&[
    "year", "month", "week", "quarter", "decade", "summer", "spring", "fall", "winter", "fiscal",
    "day", "time", "century", "session", "term",
]);

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

/// Prepositions between a change verb and its number ("rose to 23", "stood at 8,400").
pub(crate) const CHANGE_PREPOSITIONS: Words = Words::new(&["to", "at", "by", "from"]);

/// Words after "N of" that point back to a noun before the number ("30 of whom", "14 of them").
pub(crate) const BACK_POINTERS: Words = Words::new(&["whom", "which", "them", "those", "these"]);

/// Words that hedge or scale a number a statement restates without its noun ("including over
/// 350,000 in January", "and nearly 15 million overall").
pub(crate) const RESTATING_LEADS: Words = Words::new(&[
    "over",
    "nearly",
    "more",
    "almost",
    "about",
    "approximately",
    "roughly",
    "around",
    "another",
    "some",
    "close",
    "upwards",
    "well",
]);

/// Words before such a number that join it to the count it restates.
pub(crate) const RESTATING_JOINERS: Words = Words::new(&["including", "plus"]);

/// Words after such a number that show its noun was left out ("in January", "overall", "were
/// added").
pub(crate) const RESTATING_FOLLOWERS: Words = Words::new(&[
    "in",
    "among",
    "through",
    "on",
    "over",
    "during",
    "since",
    "last",
    "this",
    "from",
    "at",
    "for",
    "with",
    "more",
    "overall",
    "alone",
    "total",
    "so",
    "are",
    "were",
    "is",
    "was",
    "have",
    "has",
    "had",
    "will",
    "would",
    "could",
    "to",
    "by",
    "before",
    "after",
    "across",
    "nationwide",
]);

/// Words that open a sentence naming the group a number is part of ("Of the new hires, 14 are
/// veterans", "Among those, 30 …").
pub(crate) const GROUP_OPENERS: Words = Words::new(&["of", "among", "amongst"]);

/// Nouns that name a count of the noun after "of" ("the number of states … to 23").
pub(crate) const COUNT_NOUNS: Words = Words::new(&["number", "count", "total"]);

/// Prepositions that make the plural after them say where or what, not who, in "…, 30 of
/// whom" ("98 defendants in fraud cases — 85 of whom"); "of" is partitive and not here.
pub(crate) const PLACE_PREPOSITIONS: Words = Words::new(&[
    "in",
    "for",
    "to",
    "from",
    "with",
    "at",
    "on",
    "by",
    "across",
    "through",
    "into",
    "among",
    "under",
    "within",
    "including",
    "throughout",
    "over",
    "during",
    "after",
    "before",
    "since",
    "until",
    "about",
    "around",
    "near",
    "between",
    "beyond",
    "toward",
    "towards",
    "via",
    "against",
    "behind",
    "outside",
    "inside",
    "along",
    "upon",
    "onto",
    "without",
]);

/// Determiners between such a preposition and its noun ("to its digital services").
pub(crate) const DETERMINERS: Words = Words::new(&[
    "the", "a", "an", "its", "their", "his", "her", "our", "these", "those", "this", "that", "all",
    "each", "every",
]);

/// Plural nouns of people without a people suffix: after "of whom" such a noun is the group
/// even behind a preposition ("programs for all service members—200,000 of whom").
pub(crate) const PEOPLE_NOUNS: Words = Words::new(&[
    "people",
    "persons",
    "members",
    "individuals",
    "women",
    "men",
    "children",
    "youth",
    "kids",
    "veterans",
    "families",
    "americans",
    "adults",
    "girls",
    "boys",
    "survivors",
    "victims",
    "judges",
    "staff",
    "personnel",
    "nominees",
    "households",
    "seniors",
    "apprentices",
]);

/// Economic indicators: a rate with no noun of its own takes one of these when its clause
/// names it before the rate ("inflation has fallen by 45%").
pub(crate) const INDICATORS: Words = Words::new(&[
    "inflation",
    "unemployment",
    "economy",
    "gdp",
    "wages",
    "prices",
    "income",
    "incomes",
    "deficit",
    "premiums",
    "rents",
    "productivity",
]);

/// Words that say which figure of an indicator is meant ("core inflation", "real household
/// incomes", "the national unemployment rate").
pub(crate) const INDICATOR_MODIFIERS: Words = Words::new(&[
    "core",
    "real",
    "average",
    "household",
    "median",
    "family",
    "personal",
    "gas",
    "food",
    "energy",
    "consumer",
    "youth",
    "black",
    "hispanic",
    "inflation-adjusted",
    "corporate",
    "agricultural",
    "global",
    "trade",
    "goods",
    "current",
    "account",
    "women's",
    "state",
    "federal",
]);

/// Words before an indicator that name no other figure of it: left out of its noun, so that
/// "annual inflation" and "overall inflation" are one noun.
pub(crate) const INDICATOR_NOT_MODIFIERS: Words = Words::new(&[
    "annual",
    "overall",
    "headline",
    "national",
    "monthly",
    "weekly",
    "hourly",
    "three-month",
    "12-month",
    "year-over-year",
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

/// Capitalised plurals of peoples without the "-ans" ending ("60% of Latinos").
pub(crate) const DEMONYMS: Words = Words::new(&["latinos", "latinas", "hispanics", "filipinos"]);

/// Endings of plural nouns of people ("workers", "scientists", "residents", "trainees").
pub(crate) const PEOPLE_SUFFIXES: &[&str] = &["ers", "ors", "ists", "ians", "ants", "ents", "ees"];
