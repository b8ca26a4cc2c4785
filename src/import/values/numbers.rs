//! Numbers, seat counts and currencies as spreadsheets write them.

use super::text::is_odd_space;

/// Parses a number as spreadsheets write it: `1234`, `1 234,50`, `1.234,50`,
/// `1,234.50`, `12,5`, `€ 12,50`, `12.50 EUR`. `decimal_comma` says how to read
/// a lone comma or dot followed by exactly three digits (`1,234`), the one
/// spelling that is ambiguous; files with `;` separators use decimal commas.
pub fn parse_number(cell: &str, decimal_comma: bool) -> Option<f64> {
    if let Some(value) = plain_decimal(cell, decimal_comma) {
        return Some(value);
    }
    let mut digits = String::with_capacity(cell.len());
    let mut negative = false;
    let mut seen_digit = false;
    // A currency code or symbol may follow the amount; nothing numeric may follow it.
    let mut after_amount = false;
    for c in cell.chars() {
        match c {
            '0'..='9' | '.' | ',' => {
                if after_amount {
                    return None;
                }
                seen_digit |= c.is_ascii_digit();
                digits.push(c);
            }
            '-' | '\u{2212}' if !seen_digit && !negative => negative = true,
            '(' if !seen_digit => negative = true,
            ' ' | '\'' | ')' | '+' => {}
            c if is_odd_space(c) => {}
            '€' | '$' | '£' | '¥' | '₹' => after_amount |= seen_digit,
            c if c.is_ascii_alphabetic() => after_amount |= seen_digit,
            _ => return None,
        }
    }
    if !seen_digit || cell.bytes().filter(u8::is_ascii_alphabetic).count() > 3 {
        return None;
    }
    let commas = digits.matches(',').count();
    let dots = digits.matches('.').count();
    let normalised: String = match (commas, dots) {
        (0, 0) => digits,
        (0, 1) | (1, 0) => {
            let separator = if commas == 1 { ',' } else { '.' };
            let (whole, fraction) = digits.split_once(separator)?;
            let looks_grouped = fraction.len() == 3 && !whole.is_empty() && whole != "0";
            let is_thousands = looks_grouped && (separator == ',') != decimal_comma;
            if is_thousands {
                format!("{whole}{fraction}")
            } else {
                format!("{whole}.{fraction}")
            }
        }
        (_, 0) => grouped_integer(&digits, ',')?,
        (0, _) => grouped_integer(&digits, '.')?,
        _ => {
            // Both: the last separator is the decimal one, the other groups thousands.
            let last_comma = digits.rfind(',')?;
            let last_dot = digits.rfind('.')?;
            let (group, decimal) = if last_comma > last_dot { ('.', ',') } else { (',', '.') };
            if digits.matches(decimal).count() != 1 {
                return None;
            }
            let (whole, fraction) = digits.split_once(decimal)?;
            format!("{}.{fraction}", grouped_integer(whole, group)?)
        }
    };
    let value: f64 = normalised.parse().ok()?;
    value.is_finite().then_some(if negative { -value } else { value })
}

/// `1234` or `12.34`: digits with at most one dot that cannot be a
/// thousands separator. Parsed directly, as most numbers in exports are.
fn plain_decimal(cell: &str, decimal_comma: bool) -> Option<f64> {
    let bytes = cell.as_bytes();
    if bytes.is_empty() || bytes.len() > 15 || !bytes[0].is_ascii_digit() {
        return None;
    }
    let mut dot = None;
    for (at, byte) in bytes.iter().enumerate() {
        match byte {
            b'0'..=b'9' => {}
            b'.' if dot.is_none() => dot = Some(at),
            _ => return None,
        }
    }
    if dot.is_some_and(|at| decimal_comma && bytes.len() - at - 1 == 3) {
        return None;
    }
    cell.parse().ok()
}

/// `1.234.567` or `1,234,567` with well-formed groups of three, as digits.
fn grouped_integer(text: &str, separator: char) -> Option<String> {
    let mut groups = text.split(separator);
    let head = groups.next()?;
    if head.is_empty() || head.len() > 3 {
        return None;
    }
    let mut joined = head.to_owned();
    for group in groups {
        if group.len() != 3 {
            return None;
        }
        joined.push_str(group);
    }
    Some(joined)
}

/// Why a seat count could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CountProblem {
    NotANumber,
    Negative,
    Fractional,
    TooLarge,
}

/// Parses a count of seats or licenses: a whole, non-negative number, written
/// as a number would be (`1 200`, `1.200`, `25,0`).
pub fn parse_count(cell: &str, decimal_comma: bool) -> Result<u32, CountProblem> {
    if !cell.is_empty() && cell.len() <= 9 && cell.bytes().all(|b| b.is_ascii_digit()) {
        // Fast path: up to nine digits always fit in a u32.
        return cell.parse().map_err(|_| CountProblem::NotANumber);
    }
    let value = parse_number(cell, decimal_comma).ok_or(CountProblem::NotANumber)?;
    if value < 0.0 {
        return Err(CountProblem::Negative);
    }
    if value.fract() != 0.0 {
        return Err(CountProblem::Fractional);
    }
    if value > f64::from(u32::MAX) {
        return Err(CountProblem::TooLarge);
    }
    // Whole, non-negative and at most u32::MAX: the cast is exact.
    Ok(value as u32)
}

/// An ISO 4217 code from a code or a symbol (`eur`, `€`).
pub fn parse_currency(cell: &str) -> Option<String> {
    match cell {
        "€" => return Some("EUR".into()),
        "£" => return Some("GBP".into()),
        "CHF" | "Fr." => return Some("CHF".into()),
        _ => {}
    }
    (cell.len() == 3 && cell.bytes().all(|b| b.is_ascii_alphabetic())).then(|| cell.to_ascii_uppercase())
}

/// The currency an amount is written in (`10,50 €`, `USD 31.30`), if it says.
pub fn currency_in_amount(cell: &str) -> Option<String> {
    if cell.contains('€') {
        return Some("EUR".into());
    }
    if cell.contains('£') {
        return Some("GBP".into());
    }
    let letters: String = cell.chars().filter(char::is_ascii_alphabetic).collect();
    (letters.len() == 3).then(|| letters.to_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_with_commas_dots_and_spaces() {
        assert_eq!(parse_number("1234", false), Some(1234.0));
        assert_eq!(parse_number("12,5", true), Some(12.5));
        assert_eq!(parse_number("12,50", false), Some(12.5));
        assert_eq!(parse_number("1 234,56", true), Some(1234.56));
        assert_eq!(parse_number("1\u{00A0}234,56 €", true), Some(1234.56));
        assert_eq!(parse_number("1\u{202F}234", true), Some(1234.0));
        assert_eq!(parse_number("1.234,56", true), Some(1234.56));
        assert_eq!(parse_number("1,234.56", false), Some(1234.56));
        assert_eq!(parse_number("1,234", false), Some(1234.0));
        assert_eq!(parse_number("1,234", true), Some(1.234));
        assert_eq!(parse_number("1.234.567", false), Some(1_234_567.0));
        assert_eq!(parse_number("EUR 31.30", false), Some(31.3));
        assert_eq!(parse_number("-5", false), Some(-5.0));
        assert_eq!(parse_number("12a4", false), None);
        assert_eq!(parse_number("", false), None);
        assert_eq!(parse_number("1,2,3", false), None);
    }

    #[test]
    fn counts_are_whole_and_not_negative() {
        assert_eq!(parse_count("25", false), Ok(25));
        assert_eq!(parse_count("1 200", true), Ok(1200));
        assert_eq!(parse_count("25,0", true), Ok(25));
        assert_eq!(parse_count("-3", false), Err(CountProblem::Negative));
        assert_eq!(parse_count("2,5", true), Err(CountProblem::Fractional));
        assert_eq!(parse_count("many", false), Err(CountProblem::NotANumber));
        assert_eq!(parse_count("99999999999", false), Err(CountProblem::TooLarge));
    }

    #[test]
    fn currencies_from_codes_symbols_and_amounts() {
        assert_eq!(parse_currency("€").as_deref(), Some("EUR"));
        assert_eq!(currency_in_amount("10,50 €").as_deref(), Some("EUR"));
        assert_eq!(currency_in_amount("usd 31.30").as_deref(), Some("USD"));
        assert_eq!(currency_in_amount("31.30"), None);
    }
}
