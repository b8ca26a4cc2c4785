//! Identifiers and codes: GUIDs, new-commerce offer ids, countries.

/// A GUID in its canonical lower-case form, braces and case tolerated.
pub fn parse_guid(cell: &str) -> Option<String> {
    let inner = cell.strip_prefix('{').and_then(|rest| rest.strip_suffix('}')).unwrap_or(cell);
    let bytes = inner.as_bytes();
    let well_formed = bytes.len() == 36
        && bytes.iter().enumerate().all(|(at, byte)| match at {
            8 | 13 | 18 | 23 => *byte == b'-',
            _ => byte.is_ascii_hexdigit(),
        });
    well_formed.then(|| inner.to_ascii_lowercase())
}

/// A new-commerce offer id, `CFQ7TTC0LH18:0001` with an optional availability
/// (`:CFQ7TTC0K971`): product and availability ids are 12 upper-case letters and digits.
pub fn is_nce_offer_id(offer_id: &str) -> bool {
    let mut parts = offer_id.split(':');
    let product_ok = parts.next().is_some_and(is_catalog_id);
    let sku_ok = parts.next().is_some_and(|sku| sku.len() == 4 && sku.bytes().all(|b| b.is_ascii_digit()));
    let availability_ok = parts.next().is_none_or(is_catalog_id);
    product_ok && sku_ok && availability_ok && parts.next().is_none()
}

fn is_catalog_id(part: &str) -> bool {
    part.len() == 12 && part.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

/// An ISO 3166-1 alpha-2 code from a code or the English or French name of a
/// country partners commonly serve.
pub fn parse_country(cell: &str) -> Option<String> {
    if let Some(code) = crate::markets::code_of(cell) {
        return Some(code.into());
    }
    // A two-letter code the country table does not list is kept: the planner then
    // says it knows no CSP market for it, which is more useful than a rejected cell.
    (cell.len() == 2 && cell.bytes().all(|b| b.is_ascii_alphabetic())).then(|| cell.to_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_guids_and_offers() {
        assert_eq!(
            parse_guid("{6FD2C87F-B296-42F0-B197-1E91E994B900}").as_deref(),
            Some("6fd2c87f-b296-42f0-b197-1e91e994b900")
        );
        assert_eq!(parse_guid("6fd2c87f-b296-42f0-b197"), None);
        assert!(is_nce_offer_id("CFQ7TTC0LH18:0001:CFQ7TTC0K971"));
        assert!(is_nce_offer_id("CFQ7TTC0LH18:0001"));
        assert!(!is_nce_offer_id("796B6B5F-613C-4E24-A17C-EBA730D49C02"));
        assert_eq!(parse_country("Belgique").as_deref(), Some("BE"));
        // Every spelling the importer's own list read before it used the markets table.
        for (spelling, code) in [
            ("France", "FR"),
            ("Belgium", "BE"),
            ("Suisse", "CH"),
            ("Luxembourg", "LU"),
            ("Canada", "CA"),
            ("United States", "US"),
            ("USA", "US"),
            ("États-Unis", "US"),
            ("Etats-Unis", "US"),
            ("United Kingdom", "GB"),
            ("UK", "GB"),
            ("Royaume-Uni", "GB"),
            ("Great Britain", "GB"),
            ("Allemagne", "DE"),
            ("Espagne", "ES"),
            ("Italie", "IT"),
            ("Pays-Bas", "NL"),
            ("Netherlands", "NL"),
            ("Irlande", "IE"),
            ("Portugal", "PT"),
            ("Maroc", "MA"),
            ("fr", "FR"),
        ] {
            assert_eq!(parse_country(spelling).as_deref(), Some(code), "{spelling}");
        }
        assert_eq!(parse_country("Atlantis"), None);
    }
}
