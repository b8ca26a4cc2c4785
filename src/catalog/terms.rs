//! Which offers CSP sells on three-year terms (TERM-3Y): the planner says so on a
//! three-year source line, and the money view offers the triennial billing choices
//! only for them.

/// Part numbers (prefixes) of the offers sold with a three-year CSP term: Microsoft
/// 365 E3 / E5 and Teams Enterprise from 2025-06-01, E5 Security / Compliance from
/// 2025-07-01.
const THREE_YEAR_OFFERS: &[&str] = &[
    "SPE_E3",
    "SPE_E5",
    "MICROSOFT_365_E3",
    "MICROSOFT_365_E5",
    "MICROSOFT_TEAMS_ENTERPRISE",
    "IDENTITY_THREAT_PROTECTION",
    "INFORMATION_PROTECTION_COMPLIANCE",
];

/// Whether the offer with this part number has a three-year term.
pub fn has_three_year_term(part_number: &str) -> bool {
    let upper = part_number.trim().to_ascii_uppercase();
    THREE_YEAR_OFFERS.iter().any(|prefix| upper.starts_with(prefix))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_year_terms_only_for_the_offers_that_have_them() {
        assert!(has_three_year_term("SPE_E3"));
        assert!(has_three_year_term("Microsoft_Teams_Enterprise_New"));
        assert!(!has_three_year_term("SPB"));
    }
}
