//! Numbers that are no figures (years, dates, names, ids, ratios, ages, other currencies), and
//! the figures that must survive beside them.

use super::Want;
use crate::figure::{Qualifier, Unit};
use Qualifier::{Approximately as Approx, Exact, Over, UpTo};
use Unit::*;

/// Each text with the figures it must give, in order.
pub(super) const REFUSALS: &[(&str, &[Want])] = &[
    // "Zero" opens no range of counts: the rate's new level is the figure.
    (
        "The tariff rate on permanent magnets will increase from zero to 25% in 2026.",
        &[("25", None, Percent, Exact, "", "25%")],
    ),
    // A spelled fraction is no count; the first quarters of a year are a span.
    (
        "About two thirds of renters and nearly three quarters of farms gained in the first \
         three quarters of 2021.",
        &[("3", None, Span, Exact, "quarters", "three quarters")],
    ),
    // Must not extract.
    (
        "A task force announced by the Vice President in June 2021 is working with partners.",
        &[],
    ),
    (
        "In January 2023, the Department of State launched a new effort.",
        &[],
    ),
    (
        "To combat the COVID-19 pandemic, partners distributed tests.",
        &[],
    ),
    (
        "The plan was released in 2021 and updated for FY 2023 and FY23.",
        &[],
    ),
    (
        "Funding for fiscal year 2024 covers 2021–2023 and the 2021-22 school year.",
        &[],
    ),
    (
        "The meeting was held on August 19 and again on 19 August.",
        &[],
    ),
    ("Investment surged in the 1990s and the 1990's.", &[]),
    // The base of a rate is no figure: "for every $1", "per 100,000", "every 2 to 3".
    (
        "It returns $3 for every $1 invested, at 27 per 100,000 residents, for every 2 to 3 women.",
        &[("3", None, Usd, Exact, "", "$3")],
    ),
    // A capital scale word names something; "a dozen eggs" is what a price is quoted for.
    (
        "Riders joined a Billion Mile Challenge, and a dozen eggs cost less.",
        &[],
    ),
    // A year's constant dollars; a ratio needs two bare numbers; a long word's dot ends a
    // sentence, so the number after it is no name's.
    (
        "Losses reached $274,044 in 2008 dollars, gas was below $3 in 21 states and it runs \
         to Alaska. 38 states are covered.",
        &[
            ("274044", None, Usd, Exact, "", "$274,044"),
            ("3", None, Usd, UpTo, "", "below $3"),
            ("21", None, Count, Exact, "states", "21 states"),
            ("38", None, Count, Exact, "states", "38 states"),
        ],
    ),
    ("The briefing starts at 3:00 p.m. and ends at 5 p.m.", &[]),
    ("Leaders of the G7 and the G-20 met in Rome.", &[]),
    (
        "The President signed Executive Order 14010 and E.O. 14008.",
        &[],
    ),
    (
        "Tariffs under Section 232 and expulsions under Title 42 ended.",
        &[],
    ),
    ("Congress passed H.R. 5376, now Public Law 117-58.", &[]),
    (
        "Carriers are building 5G networks and employers must file Form I-9.",
        &[],
    ),
    ("Sensors track CO2 and PM2.5 levels near K-12 schools.", &[]),
    (
        "The strategy has five pillars: 1) economic security; 2) governance.",
        &[("5", None, Count, Exact, "pillars", "five pillars")],
    ),
    ("2. Expand access to capital for small firms.", &[]),
    ("Pillar I focuses on economic insecurity.", &[]),
    (
        "Details are at https://www.example.gov/fact-sheet-2023 and info@example.gov.",
        &[],
    ),
    ("Call 1-800-318-2596 or (202) 456-1111 for help.", &[]),
    (
        "The program serves youth ages 16 to 24 and adults aged 65 and older.",
        &[],
    ),
    ("It offers summer jobs to 16-year-olds.", &[]),
    ("Seniors 65 and older qualify automatically.", &[]),
    (
        "This is the 1st round, the third phase, for the 21st century.",
        &[],
    ),
    (
        "The five-year, $300 million initiative begins now.",
        &[(
            "300000000",
            None,
            Usd,
            Exact,
            "initiative",
            "$300 million initiative",
        )],
    ),
    (
        "A five-year, $40 million effort to train nurses.",
        &[("40000000", None, Usd, Exact, "effort", "$40 million effort")],
    ),
    (
        "Payments reached $79,000,000,000,000,000,000 trillion.",
        &[],
    ),
    ("The agency released a 10-year plan.", &[]),
    (
        "It is one of the largest programs and one company has joined.",
        &[],
    ),
    // "Over" a span means during it, unless after "in", "for", "of", "after" or "than".
    (
        "The program will run over four years in two phases.",
        &[
            ("4", None, Span, Exact, "years", "four years"),
            ("2", None, Count, Exact, "phases", "two phases"),
        ],
    ),
    (
        "The program will run over four years.",
        &[("4", None, Span, Exact, "years", "four years")],
    ),
    ("The two countries signed the agreement.", &[]),
    (
        "Hundreds of volunteers and thousands of residents took part.",
        &[],
    ),
    (
        "The order takes effect within 90 days.",
        &[("90", None, Span, UpTo, "days", "within 90 days")],
    ),
    ("Delegates met at COP 26 in Glasgow.", &[]),
    (
        "An overflowing 1234567890123456789012345678901234567890 jobs.",
        &[],
    ),
    ("The cost was $999 trillion trillion.", &[]),
    ("Version 1.2.3 shipped.", &[]),
    ("Under Section 301, tariffs rose; see No. 5 and #12.", &[]),
    ("EO 14112 directs agencies to reform funding.", &[]),
    ("", &[]),
    (
        "Defense spending has risen for seven consecutive years.",
        &[("7", None, Span, Exact, "years", "seven consecutive years")],
    ),
    (
        "Volunteers gave over 2,000 pro bono hours to families.",
        &[(
            "2000",
            None,
            Count,
            Over,
            "pro bono hours",
            "over 2,000 pro bono hours",
        )],
    ),
    (
        "Earnings rose by between four and 20 percent.",
        &[(
            "4",
            Some("20"),
            Percent,
            Exact,
            "",
            "between four and 20 percent",
        )],
    ),
    (
        "The economy added 375,000 manufacturing jobs and companies announced new plants.",
        &[(
            "375000",
            None,
            Count,
            Exact,
            "manufacturing jobs",
            "375,000 manufacturing jobs",
        )],
    ),
    (
        "Ranchers once got over 60 cents of every dollar spent on beef.",
        &[("0.6", None, Usd, Over, "", "over 60 cents")],
    ),
    ("The plan moves toward a net zero emissions economy.", &[]),
    // Ratios are shares only when the share is an exact percentage of a small whole ("1 in
    // 7" has none; "48 out of 50 states" counts states); other currencies, occasions, model
    // numbers, modifiers.
    (
        "Nearly 1 in 7 households and one in five renters report hardship.",
        &[("20", None, Percent, Exact, "renters", "one in five renters")],
    ),
    (
        "Nine out of 10 employers saw no adverse effects, as in 48 out of 50 states.",
        &[(
            "90",
            None,
            Percent,
            Exact,
            "employers",
            "Nine out of 10 employers",
        )],
    ),
    (
        "Canada will make CAD $1.5 billion available, and the EU pledged €40 million.",
        &[],
    ),
    ("Japan set a 7.7 trillion JPY defense budget.", &[]),
    (
        "Officials have met four times with their counterparts.",
        &[],
    ),
    (
        "Prices here are four times the national average.",
        &[("4", None, Times, Exact, "", "four times")],
    ),
    ("The airline ordered 777X jets for long routes.", &[]),
    (
        "Households pay $1,200 more each year, and the agency made $450 million available.",
        &[
            ("1200", None, Usd, Exact, "", "$1,200"),
            ("450000000", None, Usd, Exact, "", "$450 million"),
        ],
    ),
    (
        "States are halfway to the 30 gigawatt goal, and two died in the storm.",
        &[("30", None, Gigawatts, Exact, "goal", "30 gigawatt goal")],
    ),
    (
        "The projects would trigger $33 billion in investment and create around 600,000 new jobs.",
        &[
            (
                "33000000000",
                None,
                Usd,
                Exact,
                "investment",
                "$33 billion in investment",
            ),
            (
                "600000",
                None,
                Count,
                Approx,
                "new jobs",
                "around 600,000 new jobs",
            ),
        ],
    ),
    (
        "The virus has claimed over 500,000 American lives and cost trillions of dollars.",
        &[(
            "500000",
            None,
            Count,
            Over,
            "American lives",
            "over 500,000 American lives",
        )],
    ),
    (
        "The carrier ordered 200 American-made Boeing aircraft for its fleet.",
        &[(
            "200",
            None,
            Count,
            Exact,
            "American-made Boeing aircraft",
            "200 American-made Boeing aircraft",
        )],
    ),
    (
        "The compact commits up to 30,000 acre-feet of conserved water.",
        &[(
            "30000",
            None,
            AcreFeet,
            UpTo,
            "conserved water",
            "up to 30,000 acre-feet of conserved water",
        )],
    ),
];
