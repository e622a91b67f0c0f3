//! Unit words after a number: physical measures, spans of time, and the words around a span.

use super::Words;
use crate::figure::Unit;

/// Physical unit phrases after a number, lower case and matched in any case, longest first so
/// that "square miles" wins over "miles".
#[rustfmt::skip] // One unit a line reads better than rustfmt's one word a line.
pub(crate) const PHYSICAL_UNITS: &[(&[&str], Unit)] = &[
    (&["square", "miles"], Unit::SquareMiles), (&["square", "mile"], Unit::SquareMiles),
    (&["nautical", "miles"], Unit::NauticalMiles), (&["nautical", "mile"], Unit::NauticalMiles),
    (&["square", "feet"], Unit::SquareFeet), (&["square", "foot"], Unit::SquareFeet),
    (&["metric", "tons"], Unit::Tons), (&["metric", "ton"], Unit::Tons),
    (&["metric", "tonnes"], Unit::Tons), (&["short", "tons"], Unit::Tons),
    (&["tons"], Unit::Tons), (&["ton"], Unit::Tons), (&["tonnes"], Unit::Tons), (&["tonne"], Unit::Tons),
    (&["miles"], Unit::Miles), (&["mile"], Unit::Miles),
    (&["kilometers"], Unit::Kilometers), (&["kilometer"], Unit::Kilometers),
    (&["kilometres"], Unit::Kilometers), (&["kilometre"], Unit::Kilometers),
    (&["feet"], Unit::Feet), (&["foot"], Unit::Feet),
    (&["acres"], Unit::Acres), (&["acre"], Unit::Acres),
    (&["hectares"], Unit::Hectares), (&["hectare"], Unit::Hectares),
    (&["acre-feet"], Unit::AcreFeet), (&["acre-foot"], Unit::AcreFeet),
    (&["square-miles"], Unit::SquareMiles), (&["square-mile"], Unit::SquareMiles),
    (&["square-feet"], Unit::SquareFeet), (&["square-foot"], Unit::SquareFeet),
    (&["pounds"], Unit::Pounds), (&["pound"], Unit::Pounds),
    (&["kilograms"], Unit::Kilograms), (&["kilogram"], Unit::Kilograms), (&["kilos"], Unit::Kilograms),
    (&["gallons"], Unit::Gallons), (&["gallon"], Unit::Gallons),
    (&["liters"], Unit::Liters), (&["liter"], Unit::Liters),
    (&["litres"], Unit::Liters), (&["litre"], Unit::Liters),
    (&["barrels"], Unit::Barrels), (&["barrel"], Unit::Barrels),
    (&["kilowatts"], Unit::Kilowatts), (&["kilowatt"], Unit::Kilowatts),
    (&["megawatts"], Unit::Megawatts), (&["megawatt"], Unit::Megawatts),
    (&["gigawatts"], Unit::Gigawatts), (&["gigawatt"], Unit::Gigawatts),
    (&["kilowatt-hours"], Unit::KilowattHours), (&["kilowatt-hour"], Unit::KilowattHours),
    (&["megawatt-hours"], Unit::MegawattHours), (&["megawatt-hour"], Unit::MegawattHours),
    (&["gigawatt-hours"], Unit::GigawattHours), (&["gigawatt-hour"], Unit::GigawattHours),
    (&["terawatt-hours"], Unit::TerawattHours), (&["terawatt-hour"], Unit::TerawattHours),
    (&["degrees"], Unit::Degrees), (&["degree"], Unit::Degrees),
];

/// Unit abbreviations, matched case-sensitively ("MW" is megawatts, "mw" nothing); these may
/// also be glued to the number ("30GW").
#[rustfmt::skip] // As above.
pub(crate) const UNIT_ABBREVIATIONS: &[(&str, Unit)] = &[
    ("GW", Unit::Gigawatts), ("MW", Unit::Megawatts), ("kW", Unit::Kilowatts), ("KW", Unit::Kilowatts),
    ("kWh", Unit::KilowattHours), ("KWh", Unit::KilowattHours), ("MWh", Unit::MegawattHours),
    ("GWh", Unit::GigawattHours), ("TWh", Unit::TerawattHours),
    ("km", Unit::Kilometers), ("kg", Unit::Kilograms), ("lbs", Unit::Pounds), ("lb", Unit::Pounds),
    ("ft", Unit::Feet),
];

/// Heads of hyphenated compounds that count ("a 12-member commission" is 12 commission
/// members), with the plural the counted noun takes.
pub(crate) const COMPOUND_COUNT_HEADS: &[(&str, &str)] = &[
    ("member", "members"),
    ("seat", "seats"),
    ("bed", "beds"),
    ("nation", "nations"),
    ("country", "countries"),
    ("state", "states"),
];

/// Words after an "N-year" compound that make it a span ("a 54-year low").
pub(crate) const SPAN_EXTREMES: Words = Words::new(&["low", "lows", "high", "highs"]);

/// Words after "degrees" that name the scale ("1.5 degrees Celsius"); part of the unit.
pub(crate) const DEGREE_SCALES: Words = Words::new(&["celsius", "fahrenheit", "c", "f"]);

/// Time units: a number of these is a span ("in 150 days", "22 months in a row").
pub(crate) const TIME_UNITS: Words = Words::new(&[
    "years",
    "year",
    "months",
    "month",
    "weeks",
    "week",
    "days",
    "day",
    "decades",
    "decade",
    "hours",
    "hour",
    "minutes",
    "minute",
    "seconds",
    "centuries",
    "century",
    "quarters",
    "nights",
]);

/// Words between a number and its time unit that keep it a span ("seven consecutive years",
/// "180 school days").
pub(crate) const SPAN_MODIFIERS: Words = Words::new(&[
    "consecutive",
    "straight",
    "successive",
    "more",
    "additional",
    "full",
    "fiscal",
    "calendar",
    "business",
    "working",
    "school",
]);

/// Words after a span that make it a streak, taken into the quote ("22 months in a row").
pub(crate) const STREAK_TAILS: &[&[&str]] = &[
    &["in", "a", "row"],
    &["straight"],
    &["running"],
    &["consecutively"],
];

/// Words right after a span that make it no figure: an age ("65 years old"), a time reference
/// ("50 years ago"); "of age" is checked apart.
pub(crate) const SPAN_NOT_AFTER: Words = Words::new(&["old", "ago", "earlier"]);

/// Words before a spelled span that make it a period, not a reference ("the past two years",
/// "the next three months"); other definite words still make a spelled number a reference.
pub(crate) const SPAN_DEFINITE_WORDS: Words = Words::new(&[
    "past", "last", "next", "first", "coming", "previous", "final",
]);

/// Time nouns: a number counting these is a duration, not a tracked count ("over four
/// years"), except "hours of …" (hours of training or service are counted).
pub(crate) const DURATION_WORDS: Words = Words::new(&[
    "year",
    "years",
    "month",
    "months",
    "week",
    "weeks",
    "day",
    "days",
    "decade",
    "decades",
    "hour",
    "hours",
    "minute",
    "minutes",
    "second",
    "seconds",
    "century",
    "centuries",
    "night",
    "nights",
    "a.m.",
    "p.m.",
    "am",
    "pm",
]);
