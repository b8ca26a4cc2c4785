//! Cleaning a cell and the key a header is compared by.

use std::borrow::Cow;

/// Characters that are invisible in a spreadsheet but break comparisons:
/// zero-width spaces and joiners, the word joiner and a stray byte-order mark.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}')
}

/// Spaces that exports use inside numbers and names (non-breaking, narrow, thin).
pub(super) fn is_odd_space(c: char) -> bool {
    matches!(c, '\u{00A0}' | '\u{202F}' | '\u{2007}' | '\u{2009}' | '\u{3000}')
}

/// Trims a cell and removes invisible characters; odd spaces become plain spaces.
/// Borrowed when nothing but trimming was needed, which is the common case.
pub fn clean_cell(raw: &str) -> Cow<'_, str> {
    // Fast path: plain ASCII with nothing to trim, which is most cells.
    let bytes = raw.as_bytes();
    if let (Some(first), Some(last)) = (bytes.first(), bytes.last()) {
        if *first > b' ' && *last > b' ' && raw.is_ascii() {
            return Cow::Borrowed(raw);
        }
    }
    let trimmed = raw.trim_matches(|c: char| c.is_whitespace() || is_invisible(c));
    if trimmed.is_ascii() {
        return Cow::Borrowed(trimmed);
    }
    if !trimmed.chars().any(|c| is_invisible(c) || is_odd_space(c)) {
        return Cow::Borrowed(trimmed);
    }
    let cleaned: String = trimmed
        .chars()
        .filter(|&c| !is_invisible(c))
        .map(|c| if is_odd_space(c) { ' ' } else { c })
        .collect();
    match cleaned.trim() {
        same if same.len() == cleaned.len() => Cow::Owned(cleaned),
        shorter => Cow::Owned(shorter.to_owned()),
    }
}

/// Folds a Latin letter with a diacritic to its base letter (enough for French,
/// German, Spanish and Portuguese headers).
fn fold_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        'œ' => 'o',
        'æ' => 'a',
        other => other,
    }
}

/// The key a header is compared by: lower case, accents folded, and everything
/// but letters and digits dropped, so "Date de fin", "date_de_fin" and
/// "DATE DE FIN " are the same header, as are "Licences attribuées" and
/// "licences-attribuees".
pub fn header_key(header: &str) -> String {
    header.chars().flat_map(char::to_lowercase).map(fold_accent).filter(|c| c.is_alphanumeric()).collect()
}

/// Compares a cleaned cell with a list of lower-case spellings, ignoring case
/// and accents, without allocating for ASCII cells.
pub(super) fn is_one_of(cell: &str, spellings: &[&str]) -> bool {
    if cell.is_ascii() {
        spellings.iter().any(|spelling| cell.eq_ignore_ascii_case(spelling))
    } else {
        let key: String = cell.chars().flat_map(char::to_lowercase).map(fold_accent).collect();
        spellings.iter().any(|spelling| key == *spelling)
    }
}

/// Calls `read` with the header key of a short cell, without allocating
/// for ASCII cells (the common case for terms, statuses and channels).
pub(super) fn with_key<T>(cell: &str, read: impl Fn(&str) -> Option<T>) -> Option<T> {
    const SHORT: usize = 32;
    if cell.len() <= SHORT && cell.is_ascii() {
        let mut buffer = [0u8; SHORT];
        let mut length = 0;
        for byte in cell.bytes().filter(u8::is_ascii_alphanumeric) {
            buffer[length] = byte.to_ascii_lowercase();
            length += 1;
        }
        // Only ASCII letters and digits were copied, so the buffer is valid UTF-8.
        return std::str::from_utf8(&buffer[..length]).ok().and_then(read);
    }
    read(&header_key(cell))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_lose_invisible_characters_and_odd_spaces() {
        assert_eq!(clean_cell("  ENTERPRISEPACK \t"), "ENTERPRISEPACK");
        assert_eq!(clean_cell("\u{200B}Office 365 E3\u{00A0}"), "Office 365 E3");
        assert_eq!(clean_cell("Microsoft\u{00A0}365"), "Microsoft 365");
        assert_eq!(clean_cell("\u{FEFF}"), "");
    }

    #[test]
    fn headers_match_ignoring_case_accents_spaces_and_punctuation() {
        assert_eq!(header_key("Date de fin"), "datedefin");
        assert_eq!(header_key("Licences attribuées"), "licencesattribuees");
        assert_eq!(header_key("TOTAL_LICENSES "), "totallicenses");
        assert_eq!(header_key("Expiration date"), header_key("expiration-date"));
    }
}
