//! Counted nouns beyond "a number and its noun": acronym plurals, long joined nouns, nouns
//! before the number or in its sentence's subject, and numbers that are names.

use super::Want;
use crate::figure::{Qualifier, Unit};
use Qualifier::{Approximately as Approx, Exact, Nearly};
use Unit::Count;

/// Each text with the figures it must give, in order.
pub(super) const NOUNS: &[(&str, &[Want])] = &[
    (
        "The plan supports 60 TCUs and 1,000 EVs.",
        &[
            ("60", None, Count, Exact, "TCUs", "60 TCUs"),
            ("1000", None, Count, Exact, "EVs", "1,000 EVs"),
        ],
    ),
    (
        "Crews deployed nearly 600 search and recovery team members and 30 dogs.",
        &[
            (
                "600",
                None,
                Count,
                Nearly,
                "search and recovery team members",
                "nearly 600 search and recovery team members",
            ),
            ("30", None, Count, Exact, "dogs", "30 dogs"),
        ],
    ),
    // A long noun whose plural head stands past the fifth word.
    (
        "The region saw 14 separate billion-dollar flood and storm disasters.",
        &[(
            "14",
            None,
            Count,
            Exact,
            "separate billion-dollar flood and storm disasters",
            "14 separate billion-dollar flood and storm disasters",
        )],
    ),
    // An "-ly" word before a modifier is part of a count's noun; after the head it is not.
    (
        "It cleans 31 previously unfunded waste sites and 12 multifamily buildings; 40 jobs recently opened.",
        &[
            (
                "31",
                None,
                Count,
                Exact,
                "previously unfunded waste sites",
                "31 previously unfunded waste sites",
            ),
            ("12", None, Count, Exact, "multifamily buildings", "12 multifamily buildings"),
            ("40", None, Count, Exact, "jobs", "40 jobs"),
        ],
    ),
    // Modifiers joined by "and" or listed with commas before one head; "-men" plurals.
    (
        "It adds 900 direct and 1,200 indirect and induced jobs for 310 state, tribal, and local governments.",
        &[
            ("1200", None, Count, Exact, "indirect and induced jobs", "1,200 indirect and induced jobs"),
            (
                "310",
                None,
                Count,
                Exact,
                "state, tribal, and local governments",
                "310 state, tribal, and local governments",
            ),
        ],
    ),
    (
        "It mobilized 400 Guardsmen, served 9,000 people and enabled States to act.",
        &[
            ("400", None, Count, Exact, "Guardsmen", "400 Guardsmen"),
            ("9000", None, Count, Exact, "people", "9,000 people"),
        ],
    ),
    // "General" after the plural it qualifies stays on the noun.
    (
        "It joined 23 State Attorneys General and 4 Inspectors General.",
        &[
            ("23", None, Count, Exact, "State Attorneys General", "23 State Attorneys General"),
            ("4", None, Count, Exact, "Inspectors General", "4 Inspectors General"),
        ],
    ),
    // Numbers that are names.
    (
        "Funds went to 988 crisis lines, 911 call centers and the S&P 500 index, not 40 counties.",
        &[("40", None, Count, Exact, "counties", "40 counties")],
    ),
    // Nouns before the number or in its subject (`noun_from` is checked in nouns/sentence.rs).
    (
        "The Senate confirmed 97 judges, 30 of whom are women.",
        &[
            ("97", None, Count, Exact, "judges", "97 judges"),
            ("30", None, Count, Exact, "judges", "30"),
        ],
    ),
    (
        "Of the new hires, 14 are veterans.",
        &[("14", None, Count, Exact, "new hires", "14")],
    ),
    (
        "Overdose deaths dropped to about 8,400 last year.",
        &[(
            "8400",
            None,
            Count,
            Approx,
            "Overdose deaths",
            "about 8,400",
        )],
    ),
    (
        "This raises the number of states approved so far to 23.",
        &[("23", None, Count, Exact, "states", "23")],
    ),
    // A list's later items leave out the noun its first item gave.
    (
        "The fund reached 4,210 farm families in Iowa, 3,075 in Ohio, and 980 in Maine.",
        &[
            (
                "4210",
                None,
                Count,
                Exact,
                "farm families",
                "4,210 farm families",
            ),
            ("3075", None, Count, Exact, "farm families", "3,075"),
            ("980", None, Count, Exact, "farm families", "980"),
        ],
    ),
    (
        "This week 40 nurses are heading to Utah, 25 to Idaho and 12 to Nevada.",
        &[
            ("40", None, Count, Exact, "nurses", "40 nurses"),
            ("25", None, Count, Exact, "nurses", "25"),
            ("12", None, Count, Exact, "nurses", "12"),
        ],
    ),
    // The preposition must follow the first item's noun: here it names no list.
    (
        "The agency hired 40 nurses last spring, and 25 in Utah.",
        &[("40", None, Count, Exact, "nurses", "40 nurses")],
    ),
];
