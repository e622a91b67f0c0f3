//! The figure type: one number in a claim with its exact value, unit, qualifier and measure.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::fmt;

/// How the source hedges a number (**contract**: the kebab-case names are stored and printed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Qualifier {
    /// No hedge: "$112 million".
    Exact,
    /// A strict floor: "more than", "over", "exceeding".
    Over,
    /// An inclusive floor: "at least", "a minimum of".
    AtLeast,
    /// Just below: "nearly", "almost", "close to".
    Nearly,
    /// Around: "approximately", "about", "roughly", "an estimated".
    Approximately,
    /// A ceiling: "up to", "as many as", "less than", "a maximum of".
    UpTo,
}

impl Qualifier {
    /// The stored name, e.g. `up-to`.
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::Over => "over",
            Qualifier::AtLeast => "at-least",
            Qualifier::Nearly => "nearly",
            Qualifier::Approximately => "approximately",
            Qualifier::UpTo => "up-to",
        }
    }

    /// True for qualifiers that state a firm amount or a floor (exact, over, at-least).
    pub fn is_firm(self) -> bool {
        matches!(
            self,
            Qualifier::Exact | Qualifier::Over | Qualifier::AtLeast
        )
    }

    /// True for qualifiers that soften a number (nearly, approximately, up-to).
    pub fn is_hedged(self) -> bool {
        !self.is_firm()
    }

    /// What the qualifier says of the true amount, for charts and legends.
    pub fn bound(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::Over | Qualifier::AtLeast => "floor",
            Qualifier::UpTo => "ceiling",
            Qualifier::Nearly | Qualifier::Approximately => "approximate",
        }
    }
}

impl fmt::Display for Qualifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a figure's value is measured in (**contract**: the stored names).
///
/// Besides money, percentages, multiples and counts, a figure can be a change in percentage
/// points, a span of time (its value in the span's own unit, the unit word in `noun`: "22
/// months in a row" is 22 with noun "months"), or a physical measure. Units never compare with
/// one another: 30 gigawatts is no count of 30.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Unit {
    /// United States dollars.
    #[serde(rename = "USD")]
    Usd,
    /// A percentage ("30%", "30 percent").
    #[serde(rename = "percent")]
    Percent,
    /// A multiple ("five-fold", "1.4 times").
    #[serde(rename = "times")]
    Times,
    /// A count of things (jobs, firms, people…).
    #[serde(rename = "count")]
    Count,
    /// A difference of percentages ("2.1 percentage points").
    #[serde(rename = "percentage-points")]
    PercentagePoints,
    /// A span of time or a streak ("in 150 days", "22 months in a row"); the unit word is the noun.
    #[serde(rename = "span")]
    Span,
    /// Miles of length.
    #[serde(rename = "miles")]
    Miles,
    /// Nautical miles of length (at sea or in the air).
    #[serde(rename = "nautical-miles")]
    NauticalMiles,
    /// Square miles of area.
    #[serde(rename = "square-miles")]
    SquareMiles,
    /// Kilometers of length.
    #[serde(rename = "kilometers")]
    Kilometers,
    /// Feet of length or height.
    #[serde(rename = "feet")]
    Feet,
    /// Square feet of floor space.
    #[serde(rename = "square-feet")]
    SquareFeet,
    /// Acres of land.
    #[serde(rename = "acres")]
    Acres,
    /// Hectares of land.
    #[serde(rename = "hectares")]
    Hectares,
    /// Acre-feet of water.
    #[serde(rename = "acre-feet")]
    AcreFeet,
    /// Tons (short, metric or unspecified).
    #[serde(rename = "tons")]
    Tons,
    /// Pounds of weight.
    #[serde(rename = "pounds")]
    Pounds,
    /// Kilograms.
    #[serde(rename = "kilograms")]
    Kilograms,
    /// Gallons.
    #[serde(rename = "gallons")]
    Gallons,
    /// Liters.
    #[serde(rename = "liters")]
    Liters,
    /// Barrels (of oil).
    #[serde(rename = "barrels")]
    Barrels,
    /// Kilowatts of power.
    #[serde(rename = "kilowatts")]
    Kilowatts,
    /// Megawatts of power.
    #[serde(rename = "megawatts")]
    Megawatts,
    /// Gigawatts of power.
    #[serde(rename = "gigawatts")]
    Gigawatts,
    /// Kilowatt-hours of energy.
    #[serde(rename = "kilowatt-hours")]
    KilowattHours,
    /// Megawatt-hours of energy.
    #[serde(rename = "megawatt-hours")]
    MegawattHours,
    /// Gigawatt-hours of energy.
    #[serde(rename = "gigawatt-hours")]
    GigawattHours,
    /// Terawatt-hours of energy.
    #[serde(rename = "terawatt-hours")]
    TerawattHours,
    /// Degrees of temperature.
    #[serde(rename = "degrees")]
    Degrees,
}

impl Unit {
    /// Every unit, in declaration order.
    pub const ALL: [Unit; 29] = [
        Unit::Usd,
        Unit::Percent,
        Unit::Times,
        Unit::Count,
        Unit::PercentagePoints,
        Unit::Span,
        Unit::Miles,
        Unit::NauticalMiles,
        Unit::SquareMiles,
        Unit::Kilometers,
        Unit::Feet,
        Unit::SquareFeet,
        Unit::Acres,
        Unit::Hectares,
        Unit::AcreFeet,
        Unit::Tons,
        Unit::Pounds,
        Unit::Kilograms,
        Unit::Gallons,
        Unit::Liters,
        Unit::Barrels,
        Unit::Kilowatts,
        Unit::Megawatts,
        Unit::Gigawatts,
        Unit::KilowattHours,
        Unit::MegawattHours,
        Unit::GigawattHours,
        Unit::TerawattHours,
        Unit::Degrees,
    ];

    /// The stored name, e.g. `USD`.
    pub fn as_str(self) -> &'static str {
        match self {
            Unit::Usd => "USD",
            Unit::Percent => "percent",
            Unit::Times => "times",
            Unit::Count => "count",
            Unit::PercentagePoints => "percentage-points",
            Unit::Span => "span",
            Unit::Miles => "miles",
            Unit::NauticalMiles => "nautical-miles",
            Unit::SquareMiles => "square-miles",
            Unit::Kilometers => "kilometers",
            Unit::Feet => "feet",
            Unit::SquareFeet => "square-feet",
            Unit::Acres => "acres",
            Unit::Hectares => "hectares",
            Unit::AcreFeet => "acre-feet",
            Unit::Tons => "tons",
            Unit::Pounds => "pounds",
            Unit::Kilograms => "kilograms",
            Unit::Gallons => "gallons",
            Unit::Liters => "liters",
            Unit::Barrels => "barrels",
            Unit::Kilowatts => "kilowatts",
            Unit::Megawatts => "megawatts",
            Unit::Gigawatts => "gigawatts",
            Unit::KilowattHours => "kilowatt-hours",
            Unit::MegawattHours => "megawatt-hours",
            Unit::GigawattHours => "gigawatt-hours",
            Unit::TerawattHours => "terawatt-hours",
            Unit::Degrees => "degrees",
        }
    }

    /// True for a physical measure (length, area, weight, volume, power, energy, temperature).
    pub fn is_physical(self) -> bool {
        !matches!(
            self,
            Unit::Usd
                | Unit::Percent
                | Unit::Times
                | Unit::Count
                | Unit::PercentagePoints
                | Unit::Span
        )
    }
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What kind of amount a figure is, read from the words around it (**contract**: the stored
/// kebab-case names).
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum FigureClass {
    /// Nothing says: a plain count or amount.
    #[default]
    Plain,
    /// A total to date: "overall total", "since May 2021", "brings the total to".
    Running,
    /// One round's amount: "new", "additional", "announced today", "this year".
    PerPeriod,
    /// A goal: "by 2030", "goal", "target".
    Target,
}

impl FigureClass {
    /// The stored name, e.g. `per-period`.
    pub fn as_str(self) -> &'static str {
        match self {
            FigureClass::Plain => "plain",
            FigureClass::Running => "running",
            FigureClass::PerPeriod => "per-period",
            FigureClass::Target => "target",
        }
    }

    /// True for the default class (not stored).
    pub fn is_plain(&self) -> bool {
        *self == FigureClass::Plain
    }
}

/// Where a figure's counted noun was found (**contract**: the kebab-case names are stored).
///
/// The differ can weigh a pair by it: a noun read right after the number is the firmest, one
/// taken from the sentence's subject or an earlier noun phrase is a reading of the sentence.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum NounFrom {
    /// Right after the number ("90,000 jobs"), or no noun at all.
    #[default]
    After,
    /// The subject of the number's clause ("Overdose deaths dropped to about 8,400").
    Subject,
    /// An earlier noun phrase ("97 judges, 30 of whom", "Of the new hires, 14 are veterans").
    Before,
    /// The head of the number's table column ("Medicare Enrollees" over "1,095,969").
    Column,
}

impl NounFrom {
    /// The stored name, e.g. `subject`.
    pub fn as_str(self) -> &'static str {
        match self {
            NounFrom::After => "after",
            NounFrom::Subject => "subject",
            NounFrom::Before => "before",
            NounFrom::Column => "column",
        }
    }

    /// True for the default, which claim sets leave out.
    pub fn is_after(&self) -> bool {
        *self == NounFrom::After
    }
}

/// One number in a claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Figure {
    /// What the figure counts, as a slug (`jobs`, `private-sector-firms`, `financing`).
    pub measure: String,
    /// The exact value (for a range, its low end).
    #[serde(with = "exact_str")]
    pub value: Decimal,
    /// The high end of a range ("between 10 and 20"), when the source gives one.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "exact_str::option"
    )]
    pub max: Option<Decimal>,
    /// The unit of `value`.
    pub unit: Unit,
    /// The counted noun as written ("private sector firms"); empty when there is none.
    #[serde(default)]
    pub noun: String,
    /// Where the noun was found; left out of claim sets when it is right after the number.
    #[serde(default, skip_serializing_if = "NounFrom::is_after")]
    pub noun_from: NounFrom,
    /// How the source hedges the number.
    pub qualifier: Qualifier,
    /// The exact source words from qualifier to noun.
    pub quote: String,
    /// The number's own words ("4.2 billion", "4,200 million"), to tell a re-scaled number.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub written: String,
    /// What kind of amount it is (running total, per-period, target); plain when unsaid.
    #[serde(default, skip_serializing_if = "FigureClass::is_plain")]
    pub class: FigureClass,
    /// The content words around the figure in its sentence, kept when the claim's text is
    /// not (`--no-text`) so matching still has the figure's context.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub context: Vec<String>,
    /// The names acting in the figure's sentence, kept with `context`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub names: Vec<String>,
    /// The whole sentence holding the figure, white space folded (kept with the claim's text).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub sentence: String,
    /// The 1-based line of the source file the figure stands on, when extracted from one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    /// A short snippet of the sentence, found once in the edition, to link to with a URL text
    /// fragment (`#:~:text=`); see [`crate::cite`].
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub fragment: String,
}

/// Decimals stored as strings only: a TOML or JSON number (`value = 5`, `value = 0.1`) is
/// refused with a clear message, since a float could not hold the exact value.
mod exact_str {
    use rust_decimal::Decimal;
    use serde::{de, Deserialize, Deserializer, Serializer};
    use std::str::FromStr;

    pub fn serialize<S: Serializer>(value: &Decimal, s: S) -> Result<S::Ok, S::Error> {
        rust_decimal::serde::str::serialize(value, s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
        parse(StrictString::deserialize(d)?.0)
    }

    fn parse<E: de::Error>(text: String) -> Result<Decimal, E> {
        Decimal::from_str(&text)
            .or_else(|_| Decimal::from_scientific(&text))
            .map_err(|e| E::custom(format!("invalid decimal {text:?}: {e}")))
    }

    /// A string, with a message naming the contract when it is anything else.
    struct StrictString(String);

    impl<'de> Deserialize<'de> for StrictString {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct V;
            impl de::Visitor<'_> for V {
                type Value = StrictString;
                fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                    f.write_str("a decimal written as a string, e.g. \"90000\" (a number would lose exactness)")
                }
                fn visit_str<E: de::Error>(self, v: &str) -> Result<StrictString, E> {
                    Ok(StrictString(v.to_string()))
                }
            }
            d.deserialize_str(V)
        }
    }

    pub mod option {
        use super::*;

        pub fn serialize<S: Serializer>(value: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
            rust_decimal::serde::str_option::serialize(value, s)
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
            Option::<StrictString>::deserialize(d)?
                .map(|s| parse(s.0))
                .transpose()
        }
    }
}

impl Figure {
    /// The value written for people: thousands separators, scale words for large money.
    pub fn display_value(&self) -> String {
        let mut s = format_value(self.value, self.unit);
        if let Some(max) = self.max {
            s.push('–');
            s.push_str(&format_value(max, self.unit));
        }
        if self.unit == Unit::Span && !self.noun.is_empty() {
            s.push(' ');
            s.push_str(&self.noun);
        }
        s
    }
}

/// Formats a value for people: `$4.2 billion`, `90,000`, `30%`, `1.4×`, `2.1 pp`, `30
/// gigawatts` (a span is written as a bare number; [`Figure::display_value`] adds its unit word).
pub fn format_value(value: Decimal, unit: Unit) -> String {
    match unit {
        Unit::Usd => {
            let sign = if value.is_sign_negative() { "-" } else { "" };
            format!("{sign}${}", format_scaled(value.abs()))
        }
        Unit::Percent => format!("{}%", group_thousands(value.normalize())),
        Unit::Times => format!("{}×", group_thousands(value.normalize())),
        Unit::PercentagePoints => format!("{} pp", group_thousands(value.normalize())),
        Unit::Count | Unit::Span => format_scaled(value),
        physical => format!(
            "{} {}",
            format_scaled(value),
            physical.as_str().replace('-', " ")
        ),
    }
}

/// Writes a number with a scale word when it is an exact multiple worth naming
/// (`4.2 billion`), else with thousands separators (`90,000`).
pub fn format_scaled(value: Decimal) -> String {
    let scales = [
        (Decimal::from(1_000_000_000_000u64), "trillion"),
        (Decimal::from(1_000_000_000u64), "billion"),
        (Decimal::from(1_000_000u64), "million"),
    ];
    let abs = value.abs();
    for (size, word) in scales {
        if abs >= size {
            let scaled = (value / size).normalize();
            // Only use the scale word when it loses nothing and stays short.
            if scaled.scale() <= 3 && scaled * size == value {
                return format!("{} {word}", group_thousands(scaled));
            }
        }
    }
    group_thousands(value.normalize())
}

/// Inserts thousands separators into a decimal: `1234567.5` → `1,234,567.5`.
pub fn group_thousands(value: Decimal) -> String {
    let text = value.normalize().to_string();
    let (sign, digits) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.as_str()),
    };
    let (int, frac) = match digits.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (digits, None),
    };
    let mut out = String::with_capacity(text.len() + int.len() / 3);
    out.push_str(sign);
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    if let Some(frac) = frac {
        out.push('.');
        out.push_str(frac);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn formats_values_for_people() {
        let cases = [
            ("90000", Unit::Count, "90,000"),
            ("4200000000", Unit::Usd, "$4.2 billion"),
            ("179000000", Unit::Usd, "$179 million"),
            ("1000000000", Unit::Usd, "$1 billion"),
            ("26400000", Unit::Usd, "$26.4 million"),
            ("1234567", Unit::Count, "1,234,567"),
            ("30", Unit::Percent, "30%"),
            ("1.4", Unit::Times, "1.4×"),
            ("-160000", Unit::Count, "-160,000"),
            ("999", Unit::Count, "999"),
            ("0.5", Unit::Percent, "0.5%"),
            ("-0.3", Unit::PercentagePoints, "-0.3 pp"),
            ("22", Unit::Span, "22"),
            ("30", Unit::Gigawatts, "30 gigawatts"),
            ("21000000", Unit::Acres, "21 million acres"),
            ("1.5", Unit::Degrees, "1.5 degrees"),
            ("500", Unit::SquareFeet, "500 square feet"),
        ];
        for (value, unit, want) in cases {
            assert_eq!(format_value(d(value), unit), want, "{value} {unit}");
        }
    }

    #[test]
    fn unit_names_are_stable_and_round_trip() {
        let mut seen = std::collections::HashSet::new();
        for unit in Unit::ALL {
            let name = unit.as_str();
            assert!(seen.insert(name), "{name} twice");
            let json = serde_json::to_string(&unit).unwrap();
            assert_eq!(json, format!("\"{name}\""));
            assert_eq!(serde_json::from_str::<Unit>(&json).unwrap(), unit);
            let lower = name == name.to_lowercase() || unit == Unit::Usd;
            assert!(lower && !name.contains(' '), "{name}");
        }
        let counts = [Unit::Usd, Unit::Percent, Unit::Times, Unit::Count];
        assert!(counts.iter().all(|u| !u.is_physical()));
        assert!(Unit::Acres.is_physical() && !Unit::Span.is_physical());
    }

    #[test]
    fn spans_show_their_unit_word() {
        let fig = Figure {
            measure: "months".into(),
            value: d("22"),
            max: None,
            unit: Unit::Span,
            noun: "months".into(),
            noun_from: NounFrom::After,
            qualifier: Qualifier::Exact,
            quote: "22 months in a row".into(),
            written: "22".into(),
            class: FigureClass::Plain,
            context: Vec::new(),
            names: Vec::new(),
            sentence: String::new(),
            line: None,
            fragment: String::new(),
        };
        assert_eq!(fig.display_value(), "22 months");
    }

    #[test]
    fn exact_decimal_arithmetic() {
        assert_eq!(d("4200000000") - d("3200000000"), d("1000000000"));
        assert_eq!(
            format_value(
                d("4.2") * d("1000000000") - d("3.2") * d("1000000000"),
                Unit::Usd
            ),
            "$1 billion"
        );
    }
}
