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
    "overall",
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

/// Words that are no noun alone after an amount: a comparison or a time ("$7,000 less",
/// "around 100 GW today", "under $100 million later").
pub(crate) const LONE_NOT_NOUNS: Words = Words::new(&[
    "less",
    "fewer",
    "today",
    "tonight",
    "yesterday",
    "tomorrow",
    "later",
    "earlier",
    "ago",
]);

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

/// Capitalised plurals of peoples without the "-ans" ending ("60% of Latinos").
pub(crate) const DEMONYMS: Words = Words::new(&["latinos", "latinas", "hispanics", "filipinos"]);

/// Endings of plural nouns of people ("workers", "scientists", "residents", "trainees").
pub(crate) const PEOPLE_SUFFIXES: &[&str] = &["ers", "ors", "ists", "ians", "ants", "ents", "ees"];
