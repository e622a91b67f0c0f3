//! Units beyond counts: percentage points, physical measures, spans and streaks.

use super::Want;
use crate::figure::{Qualifier, Unit};
use Qualifier::{Approximately as Approx, AtLeast, Exact, Over, UpTo};
use Unit::*;

/// Each text with the figures it must give, in order.
pub(super) const UNITS: &[(&str, &[Want])] = &[
    // Units beyond counts: percentage points, physical measures, spans and streaks.
    ("The jobless rate fell 0.3 percentage points, to 3.5%.", &[
        ("0.3", None, PercentagePoints, Exact, "", "0.3 percentage points"),
        ("3.5", None, Percent, Exact, "", "3.5%"),
    ]),
    ("The pledge aims to limit warming to 1.5 degrees Celsius, and heat topped 100°F.", &[
        ("1.5", None, Degrees, Exact, "", "1.5 degrees Celsius"),
        ("100", None, Degrees, Over, "", "topped 100°F"),
    ]),
    ("The lease area could host around 60,000 megawatts, or 30 GW of offshore wind.", &[
        ("60000", None, Megawatts, Approx, "", "around 60,000 megawatts"),
        ("30", None, Gigawatts, Exact, "offshore wind", "30 GW of offshore wind"),
    ]),
    ("Crews cleared 1,200 miles of roads within 5 miles of the coast.", &[
        ("1200", None, Miles, Exact, "roads", "1,200 miles of roads"),
        ("5", None, Miles, UpTo, "", "within 5 miles"),
    ]),
    ("The monument protects 6,672 acres, and the fund saved 44 to 66 pounds per household.", &[
        ("6672", None, Acres, Exact, "", "6,672 acres"),
        ("44", Some("66"), Unit::Pounds, Exact, "", "44 to 66 pounds"),
    ]),
    ("Unemployment has been below 4% for 22 months in a row, the lowest in over 50 years.", &[
        ("4", None, Percent, UpTo, "Unemployment", "below 4%"),
        ("22", None, Span, Exact, "months", "22 months in a row"),
        ("50", None, Span, Over, "years", "over 50 years"),
    ]),
    ("Wages have risen six months straight, and 300 million shots went out in 150 days.", &[
        ("6", None, Span, Exact, "months", "six months straight"),
        ("300000000", None, Count, Exact, "shots", "300 million shots"),
        ("150", None, Span, Exact, "days", "150 days"),
    ]),
    ("Over the past two years, for over 30 years, and in the last 12 months, it grew.", &[
        ("2", None, Span, Exact, "years", "two years"),
        ("30", None, Span, Over, "years", "over 30 years"),
        ("12", None, Span, Exact, "months", "12 months"),
    ]),
    ("Seniors 65 years and older, youth 18 years of age, 50 years ago, 24 hours a day.", &[]),
    ("Volunteers staffed the hotline within 72 hours of the storm.", &[
        ("72", None, Span, UpTo, "hours", "within 72 hours"),
    ]),
    ("The 500 megawatt solar farm is on a 10-mile stretch; 100 or more jobs and $5 million or less.", &[
        ("500", None, Megawatts, Exact, "solar farm", "500 megawatt solar farm"),
        ("10", None, Miles, Exact, "stretch", "10-mile stretch"),
        ("100", None, Count, AtLeast, "jobs", "100 or more jobs"),
        ("5000000", None, Usd, UpTo, "", "$5 million or less"),
    ]),
    // Signs and leading dots keep their value.
    ("Rates fell .5 percent, payrolls lost -500 jobs, and GDP shrank −3.2 percent (-$4 billion).", &[
        ("0.5", None, Percent, Exact, "", ".5 percent"),
        ("-500", None, Count, Exact, "jobs", "-500 jobs"),
        ("-3.2", None, Percent, Exact, "GDP", "−3.2 percent"),
        ("-4000000000", None, Usd, Exact, "", "-$4 billion"),
    ]),
    ("Codes like COVID-19, K-12, PM2.5 and 1-800-318-2596 stay out; 10 - 20 is no range.", &[]),
    // A hyphen between or after numbers, or a list dash, is no sign.
    ("Fees dropped .25%, sites add 10-20 jobs, costs fall 5-10% and -- 700 homes rose.", &[
        ("0.25", None, Percent, Exact, "", ".25%"),
        ("10", Some("20"), Count, Exact, "jobs", "10-20 jobs"),
        ("5", Some("10"), Percent, Exact, "", "5-10%"),
        ("700", None, Count, Exact, "homes", "700 homes"),
    ]),
    // Compounds: a count, a physical measure, a percentage or a record span in one word.
    ("A new 12-member commission and a five-member board will oversee a 14-acre site.", &[
        ("12", None, Count, Exact, "commission members", "12-member commission"),
        ("5", None, Count, Exact, "board members", "five-member board"),
        ("14", None, Acres, Exact, "site", "14-acre site"),
    ]),
    ("Claims hit a 54-year low after a 52-percent cut under the five-year plan.", &[
        ("54", None, Span, Exact, "year", "54-year low"),
        ("52", None, Percent, Exact, "", "52-percent"),
    ]),
];
