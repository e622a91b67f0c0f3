//! The extractor end to end: a table of real phrasings with the figures each must give (and
//! the many that must give none), and inputs that must stay safe.

use super::extract_figures;
use crate::figure::{Figure, Qualifier, Unit};
use rust_decimal::Decimal;
use std::str::FromStr;

/// One expected figure: value, max, unit, qualifier, noun, quote.
type Want = (
    &'static str,
    Option<&'static str>,
    Unit,
    Qualifier,
    &'static str,
    &'static str,
);

use Qualifier::{Approximately as Approx, AtLeast, Exact, Nearly, Over, UpTo};
use Unit::{
    AcreFeet, Acres, Count, Degrees, Gigawatts, Megawatts, Miles, Percent, PercentagePoints, Span,
    Times, Tons, Usd,
};

const CASES: &[(&str, &[Want])] = &[
    // Counts with qualifiers and nouns.
    ("Federal support for nearly 6,500 small firms in the region has helped sustain more than 41,000 jobs.", &[
        ("6500", None, Count, Nearly, "small firms", "nearly 6,500 small firms"),
        ("41000", None, Count, Over, "jobs", "more than 41,000 jobs"),
    ]),
    ("The program trained over 300 labor inspectors on child labor standards.", &[
        ("300", None, Count, Over, "labor inspectors", "over 300 labor inspectors"),
    ]),
    ("The trade mission included more than 120 participants representing 58 U.S. companies from 19 states.", &[
        ("120", None, Count, Over, "participants", "more than 120 participants"),
        ("58", None, Count, Exact, "U.S. companies", "58 U.S. companies"),
        ("19", None, Count, Exact, "states", "19 states"),
    ]),
    ("Approximately 52 companies and organizations have pledged new investments.", &[
        ("52", None, Count, Approx, "companies and organizations", "Approximately 52 companies and organizations"),
    ]),
    ("The effort has resulted in 61 U.S. convictions of smuggling network members.", &[
        ("61", None, Count, Exact, "U.S. convictions", "61 U.S. convictions"),
    ]),
    ("Partners have carried out over 95,000 disruption activities and over 6,100 arrests.", &[
        ("95000", None, Count, Over, "disruption activities", "over 95,000 disruption activities"),
        ("6100", None, Count, Over, "arrests", "over 6,100 arrests"),
    ]),
    ("Treasury has sanctioned 21 individuals and entities for corruption.", &[
        ("21", None, Count, Exact, "individuals and entities", "21 individuals and entities"),
    ]),
    ("The State Department has trained more than 4,000 national and local government officials to apply audit standards.", &[
        ("4000", None, Count, Over, "national and local government officials", "more than 4,000 national and local government officials"),
    ]),
    ("Police academies graduated over 8,200 civilian police in the region.", &[
        ("8200", None, Count, Over, "civilian police", "over 8,200 civilian police"),
    ]),
    ("Programs reached more than 44,000 at-risk youth with prevention services.", &[
        ("44000", None, Count, Over, "at-risk youth", "more than 44,000 at-risk youth"),
    ]),
    ("In addition, more than 1,900 youth obtained jobs, with nearly 10,500 youth recently finishing their courses.", &[
        ("1900", None, Count, Over, "youth", "more than 1,900 youth"),
        ("10500", None, Count, Nearly, "youth", "nearly 10,500 youth"),
    ]),
    ("USAID reached more than 2,100 women, youth, and indigenous people with literacy classes.", &[
        ("2100", None, Count, Over, "women", "more than 2,100 women"),
    ]),
    ("The mission is training more than 350 staff from 54 organizations to improve child protection.", &[
        ("350", None, Count, Over, "staff", "more than 350 staff"),
        ("54", None, Count, Exact, "organizations", "54 organizations"),
    ]),
    ("Shelters provided care to 615 victims of human trafficking last year.", &[
        ("615", None, Count, Exact, "victims", "615 victims"),
    ]),
    ("The government has delivered more than 12 million vaccine doses free-of-cost to partner countries.", &[
        ("12000000", None, Count, Over, "vaccine doses", "more than 12 million vaccine doses"),
    ]),
    ("The United States shipped more than 9 million free-of-cost vaccine doses bilaterally.", &[
        ("9000000", None, Count, Over, "free-of-cost vaccine doses", "more than 9 million free-of-cost vaccine doses"),
    ]),
    ("Grants will support at least 40 community health centers across the state.", &[
        ("40", None, Count, AtLeast, "community health centers", "at least 40 community health centers"),
    ]),
    ("The initiative will serve a minimum of 2,000 rural households.", &[
        ("2000", None, Count, AtLeast, "rural households", "a minimum of 2,000 rural households"),
    ]),
    ("No fewer than 15 agencies signed the pledge.", &[
        ("15", None, Count, AtLeast, "agencies", "No fewer than 15 agencies"),
    ]),
    ("The corps has deployed almost 3,000 volunteers since the storm.", &[
        ("3000", None, Count, Nearly, "volunteers", "almost 3,000 volunteers"),
    ]),
    ("Close to 700 schools have been rebuilt.", &[
        ("700", None, Count, Nearly, "schools", "Close to 700 schools"),
    ]),
    ("The network now includes just under 90 clinics.", &[
        ("90", None, Count, Nearly, "clinics", "just under 90 clinics"),
    ]),
    ("Roughly 1,200 families received emergency cash.", &[
        ("1200", None, Count, Approx, "families", "Roughly 1,200 families"),
    ]),
    ("The program supports about 430 cooperatives and some 2,600 farmers.", &[
        ("430", None, Count, Approx, "cooperatives", "about 430 cooperatives"),
        ("2600", None, Count, Approx, "farmers", "some 2,600 farmers"),
    ]),
    ("Feed the Future reached an estimated 58,000 farmers in the highlands.", &[
        ("58000", None, Count, Approx, "farmers", "an estimated 58,000 farmers"),
    ]),
    ("The expansion could create up to an estimated 180,000 jobs.", &[
        ("180000", None, Count, UpTo, "jobs", "up to an estimated 180,000 jobs"),
    ]),
    ("Support reached as many as 21,000 private sector firms.", &[
        ("21000", None, Count, UpTo, "private sector firms", "as many as 21,000 private sector firms"),
    ]),
    ("The facility can house up to 500 unaccompanied children.", &[
        ("500", None, Count, UpTo, "unaccompanied children", "up to 500 unaccompanied children"),
    ]),
    ("Fewer than 30 counties still lack a testing site.", &[
        ("30", None, Count, UpTo, "counties", "Fewer than 30 counties"),
    ]),
    ("The rule covers a maximum of 75 ports of entry.", &[
        ("75", None, Count, UpTo, "ports", "a maximum of 75 ports"),
    ]),
    ("Volunteers logged over 3,500 hours of service this spring.", &[
        ("3500", None, Count, Over, "hours", "over 3,500 hours"),
    ]),
    ("Mentors provided 2,800+ hours of coaching to new entrepreneurs.", &[
        ("2800", None, Count, Over, "hours", "2,800+ hours"),
    ]),
    ("The partnership will connect 4,500 new businesses to export markets.", &[
        ("4500", None, Count, Exact, "new businesses", "4,500 new businesses"),
    ]),
    ("The agency distributed 250,000 U.S.-supported water filters.", &[
        ("250000", None, Count, Exact, "U.S.-supported water filters", "250,000 U.S.-supported water filters"),
    ]),
    ("Crews removed over 12 metric tons of illegal fishing gear.", &[
        ("12", None, Tons, Over, "illegal fishing gear", "over 12 metric tons of illegal fishing gear"),
    ]),
    ("Authorities seized over 3,200 small arms and light weapons.", &[
        ("3200", None, Count, Over, "small arms and light weapons", "over 3,200 small arms and light weapons"),
    ]),
    ("Shelters assisted over 900 domestic and gender-based violence survivors.", &[
        ("900", None, Count, Over, "domestic and gender-based violence survivors", "over 900 domestic and gender-based violence survivors"),
    ]),
    ("Scholarships helped nearly 14,000 returning/potential migrants stay in school.", &[
        ("14000", None, Count, Nearly, "returning/potential migrants", "nearly 14,000 returning/potential migrants"),
    ]),
    ("More than 9,000 young people completed the course.", &[
        ("9000", None, Count, Over, "young people", "More than 9,000 young people"),
    ]),
    ("Upwards of 600 teachers joined the network, and in excess of 80 districts adopted it.", &[
        ("600", None, Count, Over, "teachers", "Upwards of 600 teachers"),
        ("80", None, Count, Over, "districts", "in excess of 80 districts"),
    ]),
    ("The fund backed exceeding 70 startups.", &[
        ("70", None, Count, Over, "startups", "exceeding 70 startups"),
    ]),
    ("The project trained ~400 midwives.", &[
        ("400", None, Count, Approx, "midwives", "~400 midwives"),
    ]),
    ("The hotline handled approx. 5,000 calls.", &[
        ("5000", None, Count, Approx, "calls", "approx. 5,000 calls"),
    ]),
    ("The program enrolled 1,234,567 students.", &[
        ("1234567", None, Count, Exact, "students", "1,234,567 students"),
    ]),
    ("Field teams vaccinated 4.5 million children.", &[
        ("4500000", None, Count, Exact, "children", "4.5 million children"),
    ]),
    ("The 3M plant in Ohio employs 1,000 workers.", &[
        ("1000", None, Count, Exact, "workers", "1,000 workers"),
    ]),
    ("Exports reached 1.2bn tonnes.", &[
        ("1200000000", None, Tons, Exact, "", "1.2bn tonnes"),
    ]),
    // Spelled numbers.
    ("A new project will combat violence in seven municipalities along the border.", &[
        ("7", None, Count, Exact, "municipalities", "seven municipalities"),
    ]),
    ("The company is connecting three million people to broadband.", &[
        ("3000000", None, Count, Exact, "people", "three million people"),
    ]),
    ("The plan funds one hundred rural clinics and twenty-five mobile units.", &[
        ("100", None, Count, Exact, "rural clinics", "one hundred rural clinics"),
        ("25", None, Count, Exact, "mobile units", "twenty-five mobile units"),
    ]),
    ("The firm will digitize one million micro and small businesses.", &[
        ("1000000", None, Count, Exact, "micro and small businesses", "one million micro and small businesses"),
    ]),
    ("Prosecutors indicted eight leaders of smuggling organizations.", &[
        ("8", None, Count, Exact, "leaders", "eight leaders"),
    ]),
    // Money.
    ("Micro and small businesses have accessed $142 million in financing to support recovery.", &[
        ("142000000", None, Usd, Exact, "financing", "$142 million in financing"),
    ]),
    ("Private partners have committed to invest more than $3.8 billion to strengthen livelihoods.", &[
        ("3800000000", None, Usd, Over, "", "more than $3.8 billion"),
    ]),
    ("The government provided $96 million in assistance for school meals.", &[
        ("96000000", None, Usd, Exact, "assistance", "$96 million in assistance"),
    ]),
    ("The effort leveraged an estimated $164 million from public and private sources.", &[
        ("164000000", None, Usd, Approx, "", "an estimated $164 million"),
    ]),
    ("The Department of State launched a $2 million project to reduce violence.", &[
        ("2000000", None, Usd, Exact, "project", "$2 million project"),
    ]),
    ("Through the four-year, $250 million Local Works initiative—partners lead the design.", &[
        ("250000000", None, Usd, Exact, "Local Works initiative", "$250 million Local Works initiative"),
    ]),
    ("The United States also provided nearly $380 million in humanitarian assistance to the region.", &[
        ("380000000", None, Usd, Nearly, "humanitarian assistance", "nearly $380 million in humanitarian assistance"),
    ]),
    ("The grants total $26.4 million this year.", &[
        ("26400000", None, Usd, Exact, "", "$26.4 million"),
    ]),
    ("Budget authority of $4,200 million was enacted.", &[
        ("4200000000", None, Usd, Exact, "", "$4,200 million"),
    ]),
    ("The bank approved a $1.2B credit line and a $500K pilot.", &[
        ("1200000000", None, Usd, Exact, "credit line", "$1.2B credit line"),
        ("500000", None, Usd, Exact, "pilot", "$500K pilot"),
    ]),
    ("The guarantee covers US$45 million in loans.", &[
        ("45000000", None, Usd, Exact, "loans", "US$45 million in loans"),
    ]),
    ("Partners pledged USD 12 million for clean water.", &[
        ("12000000", None, Usd, Exact, "", "USD 12 million"),
    ]),
    ("The state will receive 15 million dollars in new funding.", &[
        ("15000000", None, Usd, Exact, "new funding", "15 million dollars in new funding"),
    ]),
    ("The facility received $7.5 million for ports and another $7.5 million for roads.", &[
        ("7500000", None, Usd, Exact, "", "$7.5 million"),
        ("7500000", None, Usd, Exact, "", "$7.5 million"),
    ]),
    ("Funding rose to $3.1 trillion.", &[
        ("3100000000000", None, Usd, Exact, "", "$3.1 trillion"),
    ]),
    ("The lender extended a $2.5bn facility.", &[
        ("2500000000", None, Usd, Exact, "facility", "$2.5bn facility"),
    ]),
    ("Seizures exceeded $9 billion in illegal drugs last year.", &[
        ("9000000000", None, Usd, Exact, "illegal drugs", "$9 billion in illegal drugs"),
    ]),
    ("PepsiCo is investing at least $170 million in northern Central America.", &[
        ("170000000", None, Usd, AtLeast, "", "at least $170 million"),
    ]),
    ("The program pays $15 per hour.", &[
        ("15", None, Usd, Exact, "", "$15"),
    ]),
    ("Families will save $800 a year on premiums.", &[
        ("800", None, Usd, Exact, "", "$800"),
    ]),
    // Percent and multiples.
    ("Exports to the region rose 30% last year.", &[
        ("30", None, Percent, Exact, "", "30%"),
    ]),
    ("The program cut wait times by over 50%.", &[
        ("50", None, Percent, Over, "", "over 50%"),
    ]),
    ("Nearly 40 percent of recipients were women.", &[
        ("40", None, Percent, Nearly, "", "Nearly 40 percent"),
    ]),
    ("Emissions fell 12.5 per cent below the baseline.", &[
        ("12.5", None, Percent, Exact, "", "12.5 per cent"),
    ]),
    ("Unemployment fell by 2.1 percentage points.", &[
        ("2.1", None, PercentagePoints, Exact, "", "2.1 percentage points"),
    ]),
    ("Lending to women-owned firms grew five-fold.", &[
        ("5", None, Times, Exact, "", "five-fold"),
    ]),
    ("Lending to small farms grew fivefold in two years.", &[
        ("5", None, Times, Exact, "", "fivefold"),
        ("2", None, Span, Exact, "years", "two years"),
    ]),
    ("Clean energy output is 1.4 times higher than in 2020.", &[
        ("1.4", None, Times, Exact, "", "1.4 times"),
    ]),
    ("Broadband speeds improved 2x for rural users.", &[
        ("2", None, Times, Exact, "", "2x"),
    ]),
    ("Demand grew 3-fold.", &[
        ("3", None, Times, Exact, "", "3-fold"),
    ]),
    // Ranges.
    ("Each hub will employ between 10 and 20 technicians.", &[
        ("10", Some("20"), Count, Exact, "technicians", "between 10 and 20 technicians"),
    ]),
    ("Premiums will fall 10 to 20 percent for most enrollees.", &[
        ("10", Some("20"), Percent, Exact, "", "10 to 20 percent"),
    ]),
    ("Each award will range from $5-$10 million.", &[
        ("5000000", Some("10000000"), Usd, Exact, "", "$5-$10 million"),
    ]),
    ("Grants of $5-10 million in seed capital are available.", &[
        ("5000000", Some("10000000"), Usd, Exact, "seed capital", "$5-10 million in seed capital"),
    ]),
    ("The centers will host 200–300 trainees each season.", &[
        ("200", Some("300"), Count, Exact, "trainees", "200–300 trainees"),
    ]),
    ("The plan covers 2 to 3 million acres of forest.", &[
        ("2000000", Some("3000000"), Acres, Exact, "forest", "2 to 3 million acres of forest"),
    ]),
    ("Costs may rise 15%-25% next year.", &[
        ("15", Some("25"), Percent, Exact, "", "15%-25%"),
    ]),
    // Several figures; qualifiers bind only to the next number.
    ("Over 150 individuals were identified, and 18 were sanctioned along with 12 companies.", &[
        ("150", None, Count, Over, "individuals", "Over 150 individuals"),
        ("12", None, Count, Exact, "companies", "12 companies"),
    ]),
    // Must not extract.
    ("A task force announced by the Vice President in June 2021 is working with partners.", &[]),
    ("In January 2023, the Department of State launched a new effort.", &[]),
    ("To combat the COVID-19 pandemic, partners distributed tests.", &[]),
    ("The plan was released in 2021 and updated for FY 2023 and FY23.", &[]),
    ("Funding for fiscal year 2024 covers 2021–2023 and the 2021-22 school year.", &[]),
    ("The meeting was held on August 19 and again on 19 August.", &[]),
    ("Investment surged in the 1990s and the 1990's.", &[]),
    ("The briefing starts at 3:00 p.m. and ends at 5 p.m.", &[]),
    ("Leaders of the G7 and the G-20 met in Rome.", &[]),
    ("The President signed Executive Order 14010 and E.O. 14008.", &[]),
    ("Tariffs under Section 232 and expulsions under Title 42 ended.", &[]),
    ("Congress passed H.R. 5376, now Public Law 117-58.", &[]),
    ("Carriers are building 5G networks and employers must file Form I-9.", &[]),
    ("Sensors track CO2 and PM2.5 levels near K-12 schools.", &[]),
    ("The strategy has five pillars: 1) economic security; 2) governance.", &[
        ("5", None, Count, Exact, "pillars", "five pillars"),
    ]),
    ("2. Expand access to capital for small firms.", &[]),
    ("Pillar I focuses on economic insecurity.", &[]),
    ("Details are at https://www.example.gov/fact-sheet-2023 and info@example.gov.", &[]),
    ("Call 1-800-318-2596 or (202) 456-1111 for help.", &[]),
    ("The program serves youth ages 16 to 24 and adults aged 65 and older.", &[]),
    ("It offers summer jobs to 16-year-olds.", &[]),
    ("Seniors 65 and older qualify automatically.", &[]),
    ("This is the 1st round, the third phase, for the 21st century.", &[]),
    ("The five-year, $300 million initiative begins now.", &[
        ("300000000", None, Usd, Exact, "initiative", "$300 million initiative"),
    ]),
    ("A five-year, $40 million effort to train nurses.", &[
        ("40000000", None, Usd, Exact, "effort", "$40 million effort"),
    ]),
    ("Payments reached $79,000,000,000,000,000,000 trillion.", &[]),
    ("The agency released a 10-year plan.", &[]),
    ("It is one of the largest programs and one company has joined.", &[]),
    // "Over" a span means during it, unless after "in", "for", "of", "after" or "than".
    ("The program will run over four years in two phases.", &[
        ("4", None, Span, Exact, "years", "four years"),
        ("2", None, Count, Exact, "phases", "two phases"),
    ]),
    ("The program will run over four years.", &[
        ("4", None, Span, Exact, "years", "four years"),
    ]),
    ("The two countries signed the agreement.", &[]),
    ("Hundreds of volunteers and thousands of residents took part.", &[]),
    ("The order takes effect within 90 days.", &[
        ("90", None, Span, UpTo, "days", "within 90 days"),
    ]),
    ("Delegates met at COP 26 in Glasgow.", &[]),
    ("An overflowing 1234567890123456789012345678901234567890 jobs.", &[]),
    ("The cost was $999 trillion trillion.", &[]),
    ("Version 1.2.3 shipped.", &[]),
    ("Under Section 301, tariffs rose; see No. 5 and #12.", &[]),
    ("EO 14112 directs agencies to reform funding.", &[]),
    ("", &[]),
    ("Defense spending has risen for seven consecutive years.", &[
        ("7", None, Span, Exact, "years", "seven consecutive years"),
    ]),
    ("Volunteers gave over 2,000 pro bono hours to families.", &[
        ("2000", None, Count, Over, "pro bono hours", "over 2,000 pro bono hours"),
    ]),
    ("Earnings rose by between four and 20 percent.", &[
        ("4", Some("20"), Percent, Exact, "", "between four and 20 percent"),
    ]),
    ("The economy added 375,000 manufacturing jobs and companies announced new plants.", &[
        ("375000", None, Count, Exact, "manufacturing jobs", "375,000 manufacturing jobs"),
    ]),
    ("Ranchers once got over 60 cents of every dollar spent on beef.", &[
        ("0.6", None, Usd, Over, "", "over 60 cents"),
    ]),
    ("The plan moves toward a net zero emissions economy.", &[]),
    // Ratios, other currencies, occasions, model numbers, modifiers.
    ("Nearly 1 in 7 households and one in five renters report hardship.", &[]),
    ("Nine out of 10 employers saw no adverse effects.", &[]),
    ("Canada will make CAD $1.5 billion available, and the EU pledged €40 million.", &[]),
    ("Japan set a 7.7 trillion JPY defense budget.", &[]),
    ("Officials have met four times with their counterparts.", &[]),
    ("Prices here are four times the national average.", &[
        ("4", None, Times, Exact, "", "four times"),
    ]),
    ("The airline ordered 777X jets for long routes.", &[]),
    ("Households pay $1,200 more each year, and the agency made $450 million available.", &[
        ("1200", None, Usd, Exact, "", "$1,200"),
        ("450000000", None, Usd, Exact, "", "$450 million"),
    ]),
    ("States are halfway to the 30 gigawatt goal, and two died in the storm.", &[
        ("30", None, Gigawatts, Exact, "goal", "30 gigawatt goal"),
    ]),
    ("The projects would trigger $33 billion in investment and create around 600,000 new jobs.", &[
        ("33000000000", None, Usd, Exact, "investment", "$33 billion in investment"),
        ("600000", None, Count, Approx, "new jobs", "around 600,000 new jobs"),
    ]),
    ("The virus has claimed over 500,000 American lives and cost trillions of dollars.", &[
        ("500000", None, Count, Over, "American lives", "over 500,000 American lives"),
    ]),
    ("The carrier ordered 200 American-made Boeing aircraft for its fleet.", &[
        ("200", None, Count, Exact, "American-made Boeing aircraft", "200 American-made Boeing aircraft"),
    ]),
    ("The compact commits up to 30,000 acre-feet of conserved water.", &[
        ("30000", None, AcreFeet, UpTo, "conserved water", "up to 30,000 acre-feet of conserved water"),
    ]),
    // Units beyond counts: percentage points, physical measures, spans and streaks.
    ("The jobless rate fell 0.3 percentage points, to 3.5%.", &[
        ("0.3", None, PercentagePoints, Exact, "", "0.3 percentage points"),
        ("3.5", None, Percent, Exact, "", "3.5%"),
    ]),
    ("The pledge aims to limit warming to 1.5 degrees Celsius, and heat topped 100°F.", &[
        ("1.5", None, Degrees, Exact, "", "1.5 degrees Celsius"),
        ("100", None, Degrees, Exact, "", "100°F"),
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
        ("4", None, Percent, UpTo, "", "below 4%"),
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
        ("100", None, Count, AtLeast, "jobs", "100 or more jobs"),
        ("5000000", None, Usd, UpTo, "", "$5 million or less"),
    ]),
];

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).expect("test decimal")
}

#[test]
fn table_of_phrasings() {
    assert!(CASES.len() >= 100, "{} cases", CASES.len());
    let mut failures = Vec::new();
    for (text, want) in CASES {
        let got: Vec<_> = extract_figures(text)
            .into_iter()
            .map(|f| (f.value, f.max, f.unit, f.qualifier, f.noun, f.quote))
            .collect();
        let want: Vec<_> = want
            .iter()
            .map(|(v, m, u, q, n, quote)| {
                (d(v), m.map(d), *u, *q, n.to_string(), quote.to_string())
            })
            .collect();
        if got != want {
            failures.push(format!("{text}\n   got  {got:?}\n   want {want:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn written_keeps_the_number_words() {
    let w: Vec<String> = extract_figures(
        "It gave $4.2 billion, then $4,200 million, to six municipalities and 30% of 90,000 firms.",
    )
    .into_iter()
    .map(|f| f.written)
    .collect();
    assert_eq!(w, ["4.2 billion", "4,200 million", "six", "30", "90,000"]);
}

#[test]
fn pathological_inputs_stay_linear_and_safe() {
    let inputs = [
        "9".repeat(100_000),
        "1-".repeat(50_000),
        "$".repeat(100_000),
        "more than ".repeat(20_000),
        "1,000 ".repeat(20_000),
        "a".repeat(100_000),
        "U.S.".repeat(20_000),
        "é–’".repeat(30_000),
    ];
    for text in &inputs {
        let start = std::time::Instant::now();
        let figs = extract_figures(text);
        assert!(
            start.elapsed().as_secs() < 5,
            "slow on {:?}…",
            &text.get(..20)
        );
        assert!(figs.iter().all(|f| text.contains(&f.quote)));
    }
}

proptest::proptest! {
    #[test]
    fn never_panics_and_quotes_are_substrings(
        text in "[0-9a-zA-Z$%+,.:;()/~ \\-–—’'éU.S.]{0,80}"
    ) {
        for f in extract_figures(&text) {
            proptest::prop_assert!(text.contains(&f.quote));
            proptest::prop_assert_eq!(f.value, f.value.normalize());
        }
    }
}

/// Reads the real 2023-02-06 edition when the shared corpus sits beside the repository.
#[test]
#[ignore = "needs ../shared/corpus"]
fn root_causes_2023_edition() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpus/root-causes/2023-02-06.presidency.txt");
    let Ok(text) = std::fs::read_to_string(path) else {
        return;
    };
    let figures: Vec<Figure> = text
        .lines()
        .filter_map(|l| l.trim().strip_prefix("• "))
        .flat_map(extract_figures)
        .collect();
    let quotes: Vec<&str> = figures.iter().map(|f| f.quote.as_str()).collect();
    assert_eq!(figures.len(), 37, "{quotes:#?}");
    for want in [
        "nearly 8,000 private sector firms",
        "more than 90,000 jobs",
        "$179 million in financing",
        "more than $4.2 billion",
        "six municipalities",
        "nearly $420 million in humanitarian assistance",
    ] {
        assert!(quotes.contains(&want), "{want} missing");
    }
}
