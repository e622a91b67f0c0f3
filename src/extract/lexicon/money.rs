//! Money vocabulary: the words around a money amount that name what it is of or for, or hand
//! it to someone else.

use super::Words;

/// Lower-case words after "$… in" that start a place or time, not what the money is
/// ("in northern Central America", "in fiscal year 2024").
pub(crate) const MONEY_IN_NOT_NOUNS: Words = Words::new(&[
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "rural",
    "urban",
    "fiscal",
    "total",
    "addition",
    "each",
    "every",
    "recent",
    "coming",
    "partnership",
    "support",
]);

/// Words after "$… of" that start no noun of what the money is: a determiner or pronoun
/// that points at an amount named elsewhere ("$5 billion of this funding", "of which", "$2 of
/// every $3"), or a time ("of fiscal year 2024").
#[rustfmt::skip] // Several words a line: the list is long.
pub(crate) const MONEY_OF_NOT_NOUNS: Words = Words::new(&[
    "the", "this", "these", "that", "those", "which", "whom", "what", "it", "its", "his", "her",
    "their", "our", "your", "them", "each", "every", "all", "any", "some", "one", "a", "an",
    "fiscal", "recent", "coming",
]);

/// Lower-case words after "X% of" that start no noun of what the share is of ("of fiscal
/// year 2024", "of recent years"); places are nouns here ("of rural counties").
pub(crate) const PERCENT_OF_NOT_NOUNS: Words = Words::new(&[
    "fiscal", "total", "addition", "recent", "coming", "each", "every",
]);

/// Verbs that cap a price: what they cap is the noun of the money after "at" ("caps insulin
/// at $35").
pub(crate) const CAP_VERBS: Words = Words::new(&[
    "cap", "caps", "capped", "capping", "limits", "limited", "limiting",
]);

/// Words between an indicator and a money amount that hand the amount to someone or
/// something else: an earner ("making $60,000"), a cap ("capped at $35"), a holder ("with
/// assets of"), a cost or a return ("costing households $5,000", "yields a return of $1.50").
pub(crate) const MONEY_HANDOFFS: Words = Words::new(&[
    "making", "makes", "make", "earning", "earns", "earn", "earned", "with", "capped", "cap",
    "caps", "costing", "yields", "yield", "return",
]);

/// Words before "of" and a money amount that own no amount: "an average of $50", "a total
/// of", "upwards of", "in excess of".
#[rustfmt::skip] // Several words a line: the list is long.
pub(crate) const MONEY_OF_NOT_OWNERS: Words = Words::new(&[
    "average", "total", "maximum", "minimum", "upwards", "excess", "tune", "sum", "high", "low",
    "peak", "record", "additional", "estimated", "top", "off", "availability", "announcement",
    "release", "amount", "allocation", "support", "mobilization", "tranche", "part", "portion",
    "share", "lot", "range", "half", "most", "all", "result", "order", "north", "rate", "instead",
    "because", "course", "basis", "front", "outside", "out", "inside", "none", "each", "some",
    "any", "one", "many", "much", "full", "initial", "potential", "cumulative", "combined",
    "annual", "monthly", "year", "years", "week", "weeks", "month", "months", "day", "days",
    "first", "second", "third", "last", "next", "equivalent", "such", "use", "snapshot", "million",
    "billion", "trillion", "county", "company", "lesser", "goods", "kind", "form", "way", "list",
]);

/// Nouns in "-ing" that a money amount may be the size of ("funding of $1 billion").
pub(crate) const MONEY_ING_NOUNS: Words = Words::new(&[
    "funding",
    "financing",
    "spending",
    "lending",
    "housing",
    "savings",
    "earnings",
]);

/// Verbs that say what a money amount right after them is, with the noun a reader gives it
/// ("committed to invest more than $4.2 billion" → investment; "leveraged an estimated $189
/// million" → leveraged funds; "will save nearly $900 per year" → savings). Only verbs whose
/// money is always that thing: "provided $3 billion to expand outreach" names no noun.
#[rustfmt::skip]
pub(crate) const MONEY_VERB_NOUNS: &[(&str, &str)] = &[
    ("invest", "investment"), ("invests", "investment"), ("invested", "investment"),
    ("investing", "investment"),
    ("commit", "commitments"), ("commits", "commitments"), ("committed", "commitments"),
    ("committing", "commitments"),
    ("pledge", "pledges"), ("pledges", "pledges"), ("pledged", "pledges"),
    ("pledging", "pledges"),
    ("leverage", "leveraged funds"), ("leverages", "leveraged funds"),
    ("leveraged", "leveraged funds"), ("leveraging", "leveraged funds"),
    ("mobilize", "mobilized funds"), ("mobilizes", "mobilized funds"),
    ("mobilized", "mobilized funds"), ("mobilizing", "mobilized funds"),
    ("raise", "funds raised"), ("raises", "funds raised"), ("raised", "funds raised"),
    ("raising", "funds raised"),
    ("donate", "donations"), ("donates", "donations"), ("donated", "donations"),
    ("contribute", "contributions"), ("contributes", "contributions"),
    ("contributed", "contributions"),
    ("lend", "loans"), ("lends", "loans"), ("lent", "loans"), ("loaned", "loans"),
    ("spend", "spending"), ("spends", "spending"), ("spent", "spending"),
    ("disburse", "disbursements"), ("disburses", "disbursements"),
    ("disbursed", "disbursements"),
    ("obligate", "obligations"), ("obligates", "obligations"), ("obligated", "obligations"),
    ("save", "savings"), ("saves", "savings"), ("saved", "savings"), ("saving", "savings"),
];

/// Lower-case words that end a name of money after "$… in" ("in ARP funding", "in Community
/// Development Block Grant funds").
pub(crate) const MONEY_HEADS: Words = Words::new(&[
    "funding",
    "funds",
    "grants",
    "loans",
    "financing",
    "assistance",
    "investments",
    "investment",
    "commitments",
    "aid",
    "relief",
    "credits",
    "awards",
    "bonds",
]);

/// Words after "$… for" that start no purpose.
pub(crate) const MONEY_FOR_NOT_NOUNS: Words = Words::new(&[
    "first", "second", "last", "next", "example", "instance", "more", "less", "up", "over",
    "about", "nearly", "around", "years", "months", "decades", "life", "free", "only", "just",
]);

/// Capitalised words after "$… for" that start no name of what the money is for: a time
/// ("for Fiscal Year 2025", "for FY24"), a sentence word ("for This"), or a heading word.
pub(crate) const MONEY_FOR_NOT_NAMES: Words = Words::new(&[
    "fiscal", "fy", "fy24", "fy25", "fy23", "fy22", "fy2024", "fy2025", "fy2023", "fy2022", "this",
    "these", "that", "those", "each", "every", "all", "more", "example", "instance", "today",
    "tomorrow", "next", "last", "calendar", "year", "years",
]);

/// Capitalised small words that end a name in a title-case heading ("$1.7 Billion for
/// Mental Health Thanks to …", "… for Families Through …").
pub(crate) const NAME_ENDERS: Words = Words::new(&[
    "thanks",
    "through",
    "with",
    "from",
    "to",
    "in",
    "on",
    "at",
    "by",
    "as",
    "while",
    "after",
    "before",
    "across",
    "under",
    "over",
    "including",
]);
