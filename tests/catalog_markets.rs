//! CSP markets from the regional table: codes, names, and the same-region rule's inputs.

use csp_planner::i18n::Lang;
use csp_planner::markets::{code_of, countries, country, is_eea_or_switzerland, market_of, markets};

#[test]
fn france_and_germany_are_in_the_same_market_the_united_states_is_not() {
    let europe = market_of("FR").expect("France has a market");
    assert_eq!(market_of("DE"), Some(europe));
    assert_eq!(market_of(" gb"), Some(europe));
    assert_ne!(market_of("US"), Some(europe));
    assert_eq!(europe.label(Lang::En), "Europe");
    assert_eq!(
        market_of("TR").map(|market| market.label(Lang::Fr)),
        Some("Moyen-Orient, Europe centrale et Europe de l’Est")
    );
}

#[test]
fn the_table_spellings_map_to_iso_codes() {
    assert_eq!(code_of("UK"), Some("GB"));
    assert_eq!(code_of("Korea, Republic of"), Some("KR"));
    assert_eq!(code_of("Türkiye"), Some("TR"));
    assert_eq!(code_of("Côte d'Ivoire"), Some("CI"));
    assert_eq!(code_of("Sint Eustatius"), Some("BQ"));
    assert_eq!(code_of("États-Unis"), Some("US"));
    assert_eq!(country("gb").map(|country| country.name), Some("UK"));
}

#[test]
fn every_country_is_listed_once_with_both_names() {
    let list = countries();
    let mut codes: Vec<&str> = list.iter().map(|country| country.code).collect();
    codes.sort_unstable();
    codes.dedup();
    assert_eq!(codes.len(), list.len(), "one entry per code (Brazil is listed twice in the table)");
    assert!(list.len() > 230);
    assert!(list.iter().all(|country| !country.name_fr.is_empty() && country.code.len() == 2));
    assert_eq!(markets().len(), 15);
}

#[test]
fn countries_outside_every_market_have_none() {
    assert_eq!(market_of("RU"), None);
    assert_eq!(market_of(""), None);
    assert_eq!(market_of("FRA"), None);
}

#[test]
fn the_eea_and_switzerland_are_known_for_teams_unbundling() {
    assert!(is_eea_or_switzerland("fr") && is_eea_or_switzerland("CH") && is_eea_or_switzerland("NO"));
    assert!(!is_eea_or_switzerland("GB") && !is_eea_or_switzerland("US"));
}
