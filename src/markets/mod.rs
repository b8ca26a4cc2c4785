//! CSP markets (REGIONS, REGION-1): a partner may only move a customer whose tenant
//! country is in the partner's CSP market. The markets and their countries come from
//! `data/csp-regional-markets.2023-08.json` (by English name), joined here with ISO
//! 3166-1 alpha-2 codes and French names.

mod countries;

use std::sync::OnceLock;

use serde::Serialize;

use crate::i18n::Lang;

const MARKETS_JSON: &str = include_str!("../../data/csp-regional-markets.2023-08.json");

/// The markets table's date and origin, shown next to region findings.
pub const MARKETS_SOURCE: &str =
    "csp-regional-markets.2023-08.json (Partner Center regional authorization, 2023-08-17)";

/// A CSP region and market, e.g. "Europe region and market".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Market {
    /// Stable id, e.g. `europe`, `korea-republic-of`.
    pub id: &'static str,
    /// The table's name, e.g. `Europe region and market`.
    pub name: &'static str,
}

impl Market {
    /// Short name for messages: "Europe", "Amérique latine et Caraïbes".
    pub fn label(self, lang: Lang) -> &'static str {
        let english = self.name.strip_suffix(" region and market").unwrap_or(self.name);
        match lang {
            Lang::En => english,
            Lang::Fr => MARKET_NAMES_FR
                .iter()
                .find(|(id, _)| *id == self.id)
                .map(|(_, french)| *french)
                .unwrap_or(english),
        }
    }
}

impl Serialize for Market {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.id)
    }
}

const MARKET_NAMES_FR: &[(&str, &str)] = &[
    ("africa", "Afrique"),
    ("asia-and-pacific", "Asie-Pacifique"),
    ("australia", "Australie"),
    ("brazil", "Brésil"),
    ("canada", "Canada"),
    ("china", "Chine"),
    ("europe", "Europe"),
    ("india", "Inde"),
    ("japan", "Japon"),
    ("korea-republic-of", "Corée du Sud"),
    ("latin-america-and-the-caribbean", "Amérique latine et Caraïbes"),
    ("middle-east-central-europe-and-eastern-europe", "Moyen-Orient, Europe centrale et Europe de l’Est"),
    ("new-zealand", "Nouvelle-Zélande"),
    ("taiwan", "Taïwan"),
    ("united-states", "États-Unis"),
];

/// A country of the markets table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Country {
    /// ISO 3166-1 alpha-2, upper case.
    pub code: &'static str,
    /// English name as the markets table spells it ("UK", "Korea, Republic of").
    pub name: &'static str,
    pub name_fr: &'static str,
    pub market: Market,
    /// Currencies the table gives (Brazil is listed twice, with USD and BRL).
    pub currencies: Vec<&'static str>,
}

impl Country {
    pub fn display_name(&self, lang: Lang) -> &'static str {
        lang.pick(self.name, self.name_fr)
    }
}

/// A country of one market in the embedded file, with its currency if given.
type CountryEntry = (String, Option<String>);

/// The markets of the embedded file: (market name, [(country, currency)]), sorted by market
/// name (serde_json's map keeps its keys sorted).
///
/// Read through `serde_json::Value`, whose parser the importer has anyway: a typed
/// deserialiser for this one file would add its own copy of serde_json's parser.
fn markets_file() -> Vec<(String, Vec<CountryEntry>)> {
    let Ok(serde_json::Value::Object(mut file)) = serde_json::from_str(MARKETS_JSON) else {
        return Vec::new();
    };
    let Some(serde_json::Value::Object(markets)) = file.remove("markets") else {
        return Vec::new();
    };
    markets
        .into_iter()
        .map(|(market_name, entries)| {
            let entries = match entries {
                serde_json::Value::Array(entries) => entries,
                _ => Vec::new(),
            };
            let entries = entries
                .iter()
                .filter_map(|entry| {
                    let country = entry.get("country")?.as_str()?.to_string();
                    Some((
                        country,
                        entry.get("currency").and_then(|currency| currency.as_str()).map(str::to_string),
                    ))
                })
                .collect();
            (market_name, entries)
        })
        .collect()
}

struct Tables {
    markets: Vec<Market>,
    countries: Vec<Country>,
    /// Index into `countries` by upper-case code, for lookups without allocation.
    by_code: std::collections::HashMap<[u8; 2], usize>,
    /// Table names with no ISO code in `countries.rs` (a newer table would need one).
    unmapped_names: Vec<String>,
}

fn leak(text: String) -> &'static str {
    // Done once per distinct name for the life of the program (inside a OnceLock).
    Box::leak(text.into_boxed_str())
}

fn tables() -> &'static Tables {
    static TABLES: OnceLock<Tables> = OnceLock::new();
    TABLES.get_or_init(|| {
        // The file is embedded and checked by tests; if it were corrupted, no market is known
        // and every region check says "unknown" rather than the app failing.
        let mut tables = Tables {
            markets: Vec::new(),
            countries: Vec::new(),
            by_code: Default::default(),
            unmapped_names: Vec::new(),
        };
        for (market_name, entries) in markets_file() {
            let short = market_name.strip_suffix(" region and market").unwrap_or(&market_name);
            let id = short
                .to_ascii_lowercase()
                .split(|character: char| !character.is_ascii_alphanumeric())
                .filter(|word| !word.is_empty())
                .collect::<Vec<_>>()
                .join("-");
            let market = Market { id: leak(id), name: leak(market_name.clone()) };
            tables.markets.push(market);
            for (country_name, currency) in entries {
                let Some(&(code, name, name_fr)) =
                    countries::COUNTRIES.iter().find(|(_, name, _)| *name == country_name)
                else {
                    tables.unmapped_names.push(country_name);
                    continue;
                };
                let currency = currency.map(leak);
                match tables.countries.iter_mut().find(|country| country.code == code) {
                    Some(country) => {
                        if let Some(currency) =
                            currency.filter(|currency| !country.currencies.contains(currency))
                        {
                            country.currencies.push(currency);
                        }
                    }
                    None => tables.countries.push(Country {
                        code,
                        name,
                        name_fr,
                        market,
                        currencies: currency.into_iter().collect(),
                    }),
                }
            }
        }
        crate::sorting::sort_by(&mut tables.countries, |a, b| a.name.cmp(b.name));
        for (index, country) in tables.countries.iter().enumerate() {
            if let Some(key) = code_key(country.code) {
                tables.by_code.insert(key, index);
            }
        }
        tables
    })
}

/// Every CSP market of the table, by name.
pub fn markets() -> &'static [Market] {
    &tables().markets
}

/// Every country of the table (one entry per ISO code), sorted by English name.
pub fn countries() -> &'static [Country] {
    &tables().countries
}

/// Names of the markets table that have no ISO code here (empty for the embedded table).
pub fn unmapped_country_names() -> &'static [String] {
    &tables().unmapped_names
}

/// Two ASCII letters in upper case, the key of `Tables::by_code`.
fn code_key(code: &str) -> Option<[u8; 2]> {
    match code.trim().as_bytes() {
        &[first, second] if first.is_ascii_alphabetic() && second.is_ascii_alphabetic() => {
            Some([first.to_ascii_uppercase(), second.to_ascii_uppercase()])
        }
        _ => None,
    }
}

/// The country with this ISO code (any case, spaces ignored).
pub fn country(code: &str) -> Option<&'static Country> {
    let tables = tables();
    code_key(code).and_then(|key| tables.by_code.get(&key)).and_then(|&index| tables.countries.get(index))
}

/// The CSP market of an ISO country code; `None` for a country no market lists.
pub fn market_of(code: &str) -> Option<Market> {
    country(code).map(|country| country.market)
}

/// Reads an ISO code, an English name (as the table spells it, or a usual alias) or
/// a French name, and gives the ISO code.
pub fn code_of(text: &str) -> Option<&'static str> {
    let key = crate::catalog::lookup_key(text);
    if key.is_empty() {
        return None;
    }
    if let Some(country) = country(text) {
        return Some(country.code);
    }
    countries::COUNTRIES
        .iter()
        .find(|(_, name, name_fr)| {
            crate::catalog::lookup_key(name) == key || crate::catalog::lookup_key(name_fr) == key
        })
        .map(|(code, _, _)| *code)
        .or_else(|| {
            countries::ALIASES
                .iter()
                .find(|(alias, _)| crate::catalog::lookup_key(alias) == key)
                .map(|(_, code)| *code)
        })
}

/// Countries of the EEA and Switzerland, where suites with Teams stopped being sold
/// earlier (TEAMS-UNBUNDLE, 2023-10-01).
const EEA_AND_SWITZERLAND: &[&str] = &[
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV", "LT",
    "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO", "CH",
];

pub fn is_eea_or_switzerland(code: &str) -> bool {
    let code = code.trim();
    EEA_AND_SWITZERLAND.iter().any(|member| member.eq_ignore_ascii_case(code))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_name_of_the_table_has_a_code() {
        assert!(unmapped_country_names().is_empty(), "{:?}", unmapped_country_names());
        assert_eq!(markets().len(), 15);
    }

    #[test]
    fn france_and_germany_share_a_market_the_us_does_not() {
        assert_eq!(market_of("FR"), market_of("de"));
        assert_eq!(market_of("FR").map(|market| market.id), Some("europe"));
        assert_ne!(market_of("FR"), market_of("US"));
        assert_eq!(market_of("RU"), None);
    }

    #[test]
    fn names_and_aliases_give_codes() {
        assert_eq!(code_of("UK"), Some("GB"));
        assert_eq!(code_of("Korea, Republic of"), Some("KR"));
        assert_eq!(code_of("Türkiye"), Some("TR"));
        assert_eq!(code_of("Allemagne"), Some("DE"));
        assert_eq!(code_of("Saba"), Some("BQ"));
        assert_eq!(code_of(""), None);
    }

    #[test]
    fn brazil_is_one_country_with_two_currencies() {
        let brazil: Vec<&Country> = countries().iter().filter(|country| country.code == "BR").collect();
        assert_eq!(brazil.len(), 1);
        assert_eq!(brazil[0].currencies, vec!["USD", "BRL"]);
    }
}
