//! Counts, money, percentages, multiples and ranges as sheets write them.

use super::Want;
use crate::figure::{Qualifier, Unit};
use Qualifier::{Approximately as Approx, AtLeast, Exact, Nearly, Over, UpTo};
use Unit::*;

/// Each text with the figures it must give, in order.
pub(super) const PHRASINGS: &[(&str, &[Want])] = &[
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
        ("3800000000", None, Usd, Over, "commitments", "more than $3.8 billion"),
    ]),
    ("The government provided $96 million in assistance for school meals.", &[
        ("96000000", None, Usd, Exact, "assistance", "$96 million in assistance"),
    ]),
    ("The effort leveraged an estimated $164 million from public and private sources.", &[
        ("164000000", None, Usd, Approx, "leveraged funds", "an estimated $164 million"),
    ]),
    // A money amount takes what it is for; "for the first time" and names do not count.
    ("It adds $2.9 billion for lead service line replacement and $5 million for the first time.", &[
        ("2900000000", None, Usd, Exact, "lead service line replacement", "$2.9 billion for lead service line replacement"),
        ("5000000", None, Usd, Exact, "", "$5 million"),
    ]),
    // A money amount "totaling", "worth" or "valued at" is the total of the plural before;
    // a name, a singular or people give no noun.
    ("It is awarding grants totaling $885 million, equipment donations worth $8.9 million, \
      1,084 loans through its 504 Program totaling $1.5 billion, debts of 45,000 people \
      worth $26 million and aircraft valued at $500 million.", &[
        ("885000000", None, Usd, Exact, "grants", "$885 million"),
        ("8900000", None, Usd, Exact, "equipment donations", "$8.9 million"),
        ("1084", None, Count, Exact, "loans", "1,084 loans"),
        ("1500000000", None, Usd, Exact, "", "$1.5 billion"),
        ("45000", None, Count, Exact, "people", "45,000 people"),
        ("26000000", None, Usd, Exact, "", "$26 million"),
        ("500000000", None, Usd, Exact, "aircraft", "$500 million"),
    ]),
    // What a cap caps is the noun of the money "at" which it is capped; "sits at" is no cap
    // but states the bill's level.
    ("The law caps insulin at $35, capped the cost of insulin at $35 and capping out-of-pocket \
      drug costs at $2,000, but the bill sits at $9 billion.", &[
        ("35", None, Usd, Exact, "insulin", "$35"),
        ("35", None, Usd, Exact, "insulin", "$35"),
        ("2000", None, Usd, Exact, "out-of-pocket drug costs", "$2,000"),
        ("9000000000", None, Usd, Exact, "bill", "$9 billion"),
    ]),
    // A rate with no noun takes the indicator its clause names before it, without the words
    // that name no other figure; an indicator that names another noun or is a preposition's
    // object gives none.
    ("The unemployment rate has remained below 4% while annual inflation fell to 3.1 percent, \
      Hispanic unemployment is at 4.6% and tax rates on unearned income rise from 3.8 percent.", &[
        ("4", None, Percent, UpTo, "unemployment", "below 4%"),
        ("3.1", None, Percent, Exact, "inflation", "3.1 percent"),
        ("4.6", None, Percent, Exact, "Hispanic unemployment", "4.6%"),
        ("3.8", None, Percent, Exact, "", "3.8 percent"),
    ]),
    // A money amount with no noun takes the indicator its clause names before it, unless a
    // word between hands the amount to an earner, a holder or a cap; a passive cap names what
    // it caps before the verb.
    ("Household incomes are up nearly $3,000, rents fell by $40 a month for renters earning \
      $50,000, and drug prices dropped with inhalers capped at $35 and copays typically \
      capped at $25.", &[
        ("3000", None, Usd, Nearly, "Household incomes", "nearly $3,000"),
        ("40", None, Usd, Exact, "rents", "$40"),
        ("50000", None, Usd, Exact, "", "$50,000"),
        ("35", None, Usd, Exact, "inhalers", "$35"),
        ("25", None, Usd, Exact, "copays", "$25"),
    ]),
    // A cap's "for" names whom it is for: the noun stays what is capped.
    ("A new law caps insulin at $35 for seniors.", &[
        ("35", None, Usd, Exact, "insulin", "$35"),
    ]),
    // What a verb changes "by" an amount is the amount's noun; a clause word or punctuation
    // between gives none.
    ("The plan will cut methane emissions by 30%, reduce federal spending by $8 billion, \
      raise the price of new drugs by 25% and lower what families pay by $40.", &[
        ("30", None, Percent, Exact, "methane emissions", "30%"),
        ("8000000000", None, Usd, Exact, "federal spending", "$8 billion"),
        ("25", None, Percent, Exact, "price of new drugs", "25%"),
        ("40", None, Usd, Exact, "", "$40"),
    ]),
    // A percentage takes the noun it sizes right after it, or what a change is "in"; a rate,
    // a comparison or any other word gives none. Cents take money's nouns from before.
    ("The county set a 7 percent lodging tax, saw a 12% rise in the number of campers and 4% \
      growth, grew at a 2 percent annual rate, cut 18% fewer trees, and ferry fares are 40 \
      cents lower than in 2019.", &[
        ("7", None, Percent, Exact, "lodging tax", "7 percent lodging tax"),
        ("12", None, Percent, Exact, "campers", "12% rise in the number of campers"),
        ("4", None, Percent, Exact, "growth", "4% growth"),
        ("2", None, Percent, Exact, "", "2 percent"),
        ("18", None, Percent, Exact, "", "18%"),
        ("0.40", None, Usd, Exact, "ferry fares", "40 cents"),
    ]),
    ("Gas prices are almost 50 cents lower, and rents rose $80 over the spending last year.", &[
        ("0.50", None, Usd, Nearly, "Gas prices", "almost 50 cents"),
        ("80", None, Usd, Exact, "rents", "$80"),
    ]),
    // An amount stated of a subject ("is", "was", "stands at") takes the subject when its head
    // is a price, a payment or a rate; a time after an amount is no noun.
    ("The typical fare on the ferry is now $4.25, the county vacancy rate stands at 3.1%, \
      the board spent $9 million last year and a team of 12 is $2 million.", &[
        ("4.25", None, Usd, Exact, "typical fare", "$4.25"),
        ("3.1", None, Percent, Exact, "county vacancy rate", "3.1%"),
        ("9000000", None, Usd, Exact, "spending", "$9 million"),
        ("2000000", None, Usd, Exact, "", "$2 million"),
    ]),
    // A ratio is the exact share it makes, with the qualifier before it and the noun after.
    ("More than 7 in 10 rural clinics and roughly one out of four riders, about 3 in 8 homes.", &[
        ("70", None, Percent, Over, "rural clinics", "More than 7 in 10 rural clinics"),
        ("25", None, Percent, Approx, "riders", "roughly one out of four riders"),
        ("37.5", None, Percent, Approx, "homes", "about 3 in 8 homes"),
    ]),
    // A money amount "for" a name takes the name, with a lower-case noun after it; a name
    // cut short, a date or a lone word after "the" gives none.
    ("The bill holds $310 million for the Rural Water Loan Office, $45 million for NOAA's \
      buoy network, $12 million for Fiscal Year 2026, $9 million for the Office of the State \
      Auditor, $6 million for the Program and $4 million for Federally recognized Tribes.", &[
        ("310000000", None, Usd, Exact, "Rural Water Loan Office", "$310 million for the Rural Water Loan Office"),
        ("45000000", None, Usd, Exact, "NOAA's buoy network", "$45 million for NOAA's buoy network"),
        ("12000000", None, Usd, Exact, "", "$12 million"),
        ("9000000", None, Usd, Exact, "", "$9 million"),
        ("6000000", None, Usd, Exact, "", "$6 million"),
        ("4000000", None, Usd, Exact, "", "$4 million"),
    ]),
    // A name "in" a place keeps its name; "to the" names a recipient; "$5 off" is no noun.
    ("The plan gives $80 million for the Elk Creek Ferry Landing in Idaho, $3 million to the \
      Lummi Nation, $2 million to Expand Access and $5 off a ticket.", &[
        ("80000000", None, Usd, Exact, "Elk Creek Ferry Landing", "$80 million for the Elk Creek Ferry Landing"),
        ("3000000", None, Usd, Exact, "Lummi Nation", "$3 million to the Lummi Nation"),
        ("2000000", None, Usd, Exact, "", "$2 million"),
        ("5", None, Usd, Exact, "", "$5"),
    ]),
    // "to" and "from" tie an amount to the changed object too, and an amount chained to an
    // earlier connector ("from $400 to $650") shares it; a verb chain ("helped lead to")
    // names no object.
    ("The board will trim overdue library fines to $2 from roughly $25, raised Emergency \
      Shelter Aid from $400 to $650, and expanded county grants helped lead to 18% more \
      visits.", &[
        ("2", None, Usd, Exact, "overdue library fines", "$2"),
        ("25", None, Usd, Approx, "overdue library fines", "roughly $25"),
        ("400", None, Usd, Exact, "Emergency Shelter Aid", "$400"),
        ("650", None, Usd, Exact, "Emergency Shelter Aid", "$650"),
        ("18", None, Percent, Exact, "", "18%"),
    ]),
    ("The agency will lower its yearly permit surcharge by 0.2 percentage points, from 0.75% \
      to 0.55%.", &[
        ("0.2", None, PercentagePoints, Exact, "yearly permit surcharge", "0.2 percentage points"),
        ("0.75", None, Percent, Exact, "yearly permit surcharge", "0.75%"),
        ("0.55", None, Percent, Exact, "yearly permit surcharge", "0.55%"),
    ]),
    // "on" or "for" inside the object: "raise the levy on ceramic tiles", "fares for seniors".
    ("The council will raise the levy on ceramic tiles from 5% to 9% and cut fares for \
      seniors by $2.", &[
        ("5", None, Percent, Exact, "levy on ceramic tiles", "5%"),
        ("9", None, Percent, Exact, "levy on ceramic tiles", "9%"),
        ("2", None, Usd, Exact, "fares for seniors", "$2"),
    ]),
    ("The law helped cut clinic unreimbursed care by about $3 billion.", &[
        ("3000000000", None, Usd, Approx, "clinic unreimbursed care", "about $3 billion"),
    ]),
    // "ranging from" opens a range, where "rose from" is a change.
    ("Awards ranging from $50,000 to $150,000 per school went out.", &[
        ("50000", Some("150000"), Usd, Exact, "", "$50,000 to $150,000"),
    ]),
    // A digit count "of the" whole takes the whole's noun, and the whole's number stays a
    // figure; a superlative, a possessive or a vague whole gives none. A share of a name
    // before a plural takes both.
    ("Since then 30 of the 50 states and 47 of their family members joined, 12 of the \
      largest firms, 9 of the nation's schools and 800 of the tens of thousands of homes \
      did not, while 22.1 percent of Black people and 64% of SSI recipients did.", &[
        ("30", None, Count, Exact, "states", "30 of the 50 states"),
        ("50", None, Count, Exact, "states", "50 states"),
        ("47", None, Count, Exact, "family members", "47 of their family members"),
        ("22.1", None, Percent, Exact, "Black people", "22.1 percent of Black people"),
        ("64", None, Percent, Exact, "SSI recipients", "64% of SSI recipients"),
    ]),
    // A place word opens what a share is of; one modifier may stand between a name and the
    // people it qualifies.
    ("Clinics opened in 91% of rural townships, and 58% of Navajo adult learners enrolled.", &[
        ("91", None, Percent, Exact, "rural townships", "91% of rural townships"),
        ("58", None, Percent, Exact, "Navajo adult learners", "58% of Navajo adult learners"),
    ]),
    // A money amount "of" which a noun is the size takes it; an average, a total, a verb
    // before the noun or people give none.
    ("The county made a historic investment of $4 million, paid an average of $900 and a \
      total of $7 million, offered a tax credit of up to $1,500, and 40% seek loans of \
      $20,000, to homebuyers of $9,000.", &[
        ("4000000", None, Usd, Exact, "historic investment", "$4 million"),
        ("900", None, Usd, Exact, "", "$900"),
        ("7000000", None, Usd, Exact, "", "$7 million"),
        ("1500", None, Usd, UpTo, "tax credit", "up to $1,500"),
        ("40", None, Percent, Exact, "", "40%"),
        ("20000", None, Usd, Exact, "loans", "$20,000"),
        ("9000", None, Usd, Exact, "", "$9,000"),
    ]),
    // Things whose plural ends like people's ("investments", "grants", "payments") own an
    // amount "of" them; a money noun after "of" is what the amount is.
    ("The fund makes investments of $600 billion and grants of up to $300,000, pays $9 \
      billion of new funding and $2 billion of this funding, and 40% of Medicaid payments.", &[
        ("600000000000", None, Usd, Exact, "investments", "$600 billion"),
        ("300000", None, Usd, UpTo, "grants", "up to $300,000"),
        ("9000000000", None, Usd, Exact, "new funding", "$9 billion of new funding"),
        ("2000000000", None, Usd, Exact, "", "$2 billion"),
        ("40", None, Percent, Exact, "Medicaid payments", "40% of Medicaid payments"),
    ]),
    ("The trade deficit reached $80 billion, while firms tied to the economy with assets of \
      $2 billion and an average of $9 billion in the deficit went on.", &[
        ("80000000000", None, Usd, Exact, "trade deficit", "$80 billion"),
        ("2000000000", None, Usd, Exact, "assets", "$2 billion"),
        ("9000000000", None, Usd, Exact, "", "$9 billion"),
    ]),
    // A percentage takes the lower-case noun it is "of"; a name or a bare percentage does not.
    ("About 82% of all inspected nursing homes passed, 3% of GDP went, and 5% fell.", &[
        ("82", None, Percent, Approx, "inspected nursing homes", "About 82% of all inspected nursing homes"),
        ("3", None, Percent, Exact, "", "3%"),
        ("5", None, Percent, Exact, "", "5%"),
    ]),
    // A name that is a people counts ("Americans", "Black Americans", "Latinos"); a city
    // does not.
    ("Now 60 percent of Americans, 12% of Black Americans, 9% of Latinos and 4% of New Orleans.", &[
        ("60", None, Percent, Exact, "Americans", "60 percent of Americans"),
        ("12", None, Percent, Exact, "Black Americans", "12% of Black Americans"),
        ("9", None, Percent, Exact, "Latinos", "9% of Latinos"),
        ("4", None, Percent, Exact, "", "4%"),
    ]),
    // A long name reaches its money word past the fifth word.
    ("States used $40 billion in State and Local Fiscal Recovery Funds for housing.", &[
        ("40000000000", None, Usd, Exact, "State and Local Fiscal Recovery Funds", "$40 billion in State and Local Fiscal Recovery Funds"),
    ]),
    // A name after "in" is what the money is up to a money word; a place is not.
    ("It provided $6 billion in ARP funding and $2 billion in Central America.", &[
        ("6000000000", None, Usd, Exact, "ARP funding", "$6 billion in ARP funding"),
        ("2000000000", None, Usd, Exact, "", "$2 billion"),
    ]),
    // A verb names the money: its own noun, or the outer verb's before "to".
    ("The fund will invest an additional $50 million and the city saved $1.2 million.", &[
        ("50000000", None, Usd, Exact, "investment", "$50 million"),
        ("1200000", None, Usd, Exact, "savings", "$1.2 million"),
    ]),
    ("Donors pledged to spend $5 million; the agency provided $3 million to expand outreach.", &[
        ("5000000", None, Usd, Exact, "pledges", "$5 million"),
        ("3000000", None, Usd, Exact, "", "$3 million"),
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
        ("4200000000", None, Usd, Exact, "Budget authority", "$4,200 million"),
    ]),
    ("The bank approved a $1.2B credit line and a $500K pilot.", &[
        ("1200000000", None, Usd, Exact, "credit line", "$1.2B credit line"),
        ("500000", None, Usd, Exact, "pilot", "$500K pilot"),
    ]),
    ("The guarantee covers US$45 million in loans.", &[
        ("45000000", None, Usd, Exact, "loans", "US$45 million in loans"),
    ]),
    ("Partners pledged USD 12 million for clean water.", &[
        ("12000000", None, Usd, Exact, "clean water", "USD 12 million for clean water"),
    ]),
    ("The state will receive 15 million dollars in new funding.", &[
        ("15000000", None, Usd, Exact, "new funding", "15 million dollars in new funding"),
    ]),
    ("The facility received $7.5 million for ports and another $7.5 million for roads.", &[
        ("7500000", None, Usd, Exact, "ports", "$7.5 million for ports"),
        ("7500000", None, Usd, Exact, "roads", "$7.5 million for roads"),
    ]),
    ("Funding rose to $3.1 trillion.", &[
        ("3100000000000", None, Usd, Exact, "", "$3.1 trillion"),
    ]),
    ("The lender extended a $2.5bn facility.", &[
        ("2500000000", None, Usd, Exact, "facility", "$2.5bn facility"),
    ]),
    // "exceeded" says the true amount is above the figure, as "more than" does.
    ("Seizures exceeded $9 billion in illegal drugs last year.", &[
        ("9000000000", None, Usd, Over, "illegal drugs", "exceeded $9 billion in illegal drugs"),
    ]),
    ("The economy has created 14.8 million jobs, including over 350,000 in January.", &[
        ("14800000", None, Count, Exact, "jobs", "14.8 million jobs"),
        ("350000", None, Count, Over, "jobs", "over 350,000"),
    ]),
    ("PepsiCo is investing at least $170 million in northern Central America.", &[
        ("170000000", None, Usd, AtLeast, "investment", "at least $170 million"),
    ]),
    ("The program pays $15 per hour.", &[
        ("15", None, Usd, Exact, "", "$15"),
    ]),
    ("Families will save $800 a year on premiums.", &[
        ("800", None, Usd, Exact, "savings", "$800"),
    ]),
    // Percent and multiples.
    ("Exports to the region rose 30% last year.", &[
        ("30", None, Percent, Exact, "", "30%"),
    ]),
    ("The program cut wait times by over 50%.", &[
        ("50", None, Percent, Over, "", "over 50%"),
    ]),
    ("Nearly 40 percent of recipients were women.", &[
        ("40", None, Percent, Nearly, "recipients", "Nearly 40 percent of recipients"),
    ]),
    ("Emissions fell 12.5 per cent below the baseline.", &[
        ("12.5", None, Percent, Exact, "", "12.5 per cent"),
    ]),
    ("Unemployment fell by 2.1 percentage points.", &[
        ("2.1", None, PercentagePoints, Exact, "Unemployment", "2.1 percentage points"),
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
    // A spelled "one" opens a range: its high end alone is not the figure.
    ("Between one and five million people could lose coverage.", &[
        ("1000000", Some("5000000"), Count, Exact, "people", "Between one and five million people"),
    ]),
    ("Repairs take between one and three years.", &[
        ("1", Some("3"), Span, Exact, "years", "between one and three years"),
    ]),
    ("Each hub will employ between 10 and 20 technicians.", &[
        ("10", Some("20"), Count, Exact, "technicians", "between 10 and 20 technicians"),
    ]),
    ("Premiums will fall 10 to 20 percent for most enrollees.", &[
        ("10", Some("20"), Percent, Exact, "Premiums", "10 to 20 percent"),
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
    // "dozen" scales; an article stands for one before a scale word, "half a" for a half.
    ("Nearly two dozen ports and more than a dozen shipyards signed on.", &[
        ("24", None, Count, Nearly, "ports", "Nearly two dozen ports"),
        ("12", None, Count, Over, "shipyards", "more than a dozen shipyards"),
    ]),
    ("The program reached over half a million riders and a million seniors with almost half a billion dollars in aid.", &[
        ("500000", None, Count, Over, "riders", "over half a million riders"),
        ("1000000", None, Count, Exact, "seniors", "a million seniors"),
        ("500000000", None, Usd, Nearly, "aid", "almost half a billion dollars in aid"),
    ]),
    // What is up or down by a percentage: the subject of "is up", or of a "with" phrase.
    ("The number of rural clinics is up 14%, with waiting lists down 9%.", &[
        ("14", None, Percent, Exact, "number of rural clinics", "14%"),
        ("9", None, Percent, Exact, "waiting lists", "9%"),
    ]),
    // Not behind a preposition or a joined noun: which noun rose is unclear.
    ("Loans to farm cooperatives are up 12%, and gaps between rural and urban counties are down 3%.", &[
        ("12", None, Percent, Exact, "", "12%"),
        ("3", None, Percent, Exact, "", "3%"),
    ]),
    // A noun stopped at a comma after a modifier reads on through the list to its head.
    ("It gave $3 million in economic, health, and security aid and 40% of federal, state, and local crews.", &[
        ("3000000", None, Usd, Exact, "economic, health, and security aid", "$3 million in economic, health, and security aid"),
        ("40", None, Percent, Exact, "federal, state, and local crews", "40% of federal, state, and local crews"),
    ]),
    // A list of nouns is left as it was read.
    ("It set aside $2 million for training, outreach, and evaluation.", &[
        ("2000000", None, Usd, Exact, "training", "$2 million for training"),
    ]),
    // "N more" restates the counts' noun, a range too.
    ("The agency hired 40 nurses last spring, and 25 to 30 more are expected.", &[
        ("40", None, Count, Exact, "nurses", "40 nurses"),
        ("25", Some("30"), Count, Exact, "nurses", "25 to 30"),
    ]),
    // "funding" after a joined word is a noun, not a verb starting a clause.
    ("It gives $40 million in state and local funding.", &[
        ("40000000", None, Usd, Exact, "state and local funding", "$40 million in state and local funding"),
    ]),
    // A comparison or a time alone is no noun.
    ("Families pay $1,200 less and the grid holds 90 GW today.", &[
        ("1200", None, Usd, Exact, "", "$1,200"),
        ("90", None, Gigawatts, Exact, "", "90 GW"),
    ]),
    // "overall" may open a noun, and names no other thing.
    ("It directs 40% of the overall benefits and $5 million in overall funding to them.", &[
        ("40", None, Percent, Exact, "overall benefits", "40% of the overall benefits"),
        ("5000000", None, Usd, Exact, "overall funding", "$5 million in overall funding"),
    ]),
];
