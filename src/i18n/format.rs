//! Dates, numbers and amounts written the way each language writes them.
//!
//! English: `31 Mar 2026`, `1,234.50`, `€1,234.50`.
//! French: `31 mars 2026`, `1 234,50` (narrow no-break space between thousands, as
//! the Imprimerie nationale and CLDR write them), `1 234,50 €` (no-break space
//! before the symbol). Plain functions over plain values, shared by the interface
//! and the documents, so a plan reads the same on screen and on paper.

use chrono::{Datelike, NaiveDate, NaiveDateTime, Timelike};

use super::Lang;

/// U+202F, the French thousands separator: it never breaks a number across lines.
pub const NARROW_NO_BREAK_SPACE: char = '\u{202F}';
/// U+00A0, between a French amount and its currency symbol.
pub const NO_BREAK_SPACE: char = '\u{00A0}';

const MONTHS_SHORT_EN: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const MONTHS_SHORT_FR: [&str; 12] =
    ["janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc."];
const MONTHS_LONG_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const MONTHS_LONG_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// The abbreviated month name (`Mar`, `mars`); `month0` counts from 0 as chrono's `month0`.
pub fn month_short(month0: u32, lang: Lang) -> &'static str {
    let names = lang.pick(&MONTHS_SHORT_EN, &MONTHS_SHORT_FR);
    names[(month0 as usize).min(11)]
}

/// The full month name (`March`, `mars`).
pub fn month_long(month0: u32, lang: Lang) -> &'static str {
    let names = lang.pick(&MONTHS_LONG_EN, &MONTHS_LONG_FR);
    names[(month0 as usize).min(11)]
}

/// A date for tables and cards: `31 Mar 2026` / `31 mars 2026`.
pub fn date(date: NaiveDate, lang: Lang) -> String {
    format!("{} {} {}", day_of_month(date, lang), month_short(date.month0(), lang), date.year())
}

/// A date in running text: `31 March 2026` / `31 mars 2026` (French writes the
/// first of the month `1er`).
pub fn date_long(date: NaiveDate, lang: Lang) -> String {
    format!("{} {} {}", day_of_month(date, lang), month_long(date.month0(), lang), date.year())
}

/// A moment in lists (a draft's last change): `3 Dec 2026, 14:05` / `3 déc. 2026, 14:05`.
pub fn date_time(moment: NaiveDateTime, lang: Lang) -> String {
    format!("{}, {:02}:{:02}", date(moment.date(), lang), moment.hour(), moment.minute())
}

/// French writes the first of the month `1er`, in tables as in running text.
fn day_of_month(date: NaiveDate, lang: Lang) -> String {
    match (lang, date.day()) {
        (Lang::Fr, 1) => "1er".to_string(),
        (_, day) => day.to_string(),
    }
}

/// An optional date, with `none` when it is missing (a dash in tables).
pub fn date_or(value: Option<NaiveDate>, lang: Lang, none: &str) -> String {
    value.map_or_else(|| none.to_string(), |value| date(value, lang))
}

/// A month and year for chart axes: `Mar 2026` / `mars 2026`.
pub fn month_year(date: NaiveDate, lang: Lang) -> String {
    format!("{} {}", month_short(date.month0(), lang), date.year())
}

fn group_separator(lang: Lang) -> char {
    lang.pick(',', NARROW_NO_BREAK_SPACE)
}

fn decimal_separator(lang: Lang) -> char {
    lang.pick('.', ',')
}

/// Writes the digits of `value` with the language's thousands separator.
fn group_digits(digits: &str, lang: Lang) -> String {
    let separator = group_separator(lang);
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3 * 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            grouped.push(separator);
        }
        grouped.push(digit);
    }
    grouped
}

/// A whole number: `12,345` / `12 345`.
pub fn integer(value: i64, lang: Lang) -> String {
    let grouped = group_digits(&value.unsigned_abs().to_string(), lang);
    if value < 0 {
        format!("-{grouped}")
    } else {
        grouped
    }
}

/// A count (seats, lines, days).
pub fn count(value: u64, lang: Lang) -> String {
    group_digits(&value.to_string(), lang)
}

/// A decimal number with a fixed number of decimals: `1,234.50` / `1 234,50`.
/// Not-a-number and infinities are written as they are, never hidden.
pub fn decimal(value: f64, decimals: usize, lang: Lang) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    let fixed = format!("{:.*}", decimals, value.abs());
    let (whole, fraction) = fixed.split_once('.').unwrap_or((fixed.as_str(), ""));
    let mut text = String::with_capacity(fixed.len() + 8);
    // `-0.00` reads as zero, not as a loss.
    if value < 0.0 && fixed.chars().any(|digit| digit.is_ascii_digit() && digit != '0') {
        text.push('-');
    }
    text.push_str(&group_digits(whole, lang));
    if !fraction.is_empty() {
        text.push(decimal_separator(lang));
        text.push_str(fraction);
    }
    text
}

/// The symbol of a currency code when it has a well-known one.
fn currency_symbol(code: &str) -> Option<&'static str> {
    match code.trim().to_ascii_uppercase().as_str() {
        "EUR" => Some("€"),
        "USD" => Some("$"),
        "GBP" => Some("£"),
        "JPY" => Some("¥"),
        "INR" => Some("₹"),
        _ => None,
    }
}

/// An amount in a currency, two decimals: `€1,234.50` / `1 234,50 €`; a code
/// without a known symbol is written out: `CHF 1,234.50` / `1 234,50 CHF`; no
/// currency at all gives the bare number.
pub fn money(amount: f64, currency: Option<&str>, lang: Lang) -> String {
    with_currency(decimal(amount, 2, lang), currency, lang)
}

/// Puts the currency of an amount where the language writes it.
fn with_currency(number: String, currency: Option<&str>, lang: Lang) -> String {
    let code = currency.map(str::trim).filter(|code| !code.is_empty());
    let Some(code) = code else {
        return number;
    };
    let symbol = currency_symbol(code);
    match (lang, symbol) {
        (Lang::En, Some(symbol)) => match number.strip_prefix('-') {
            Some(positive) => format!("-{symbol}{positive}"),
            None => format!("{symbol}{number}"),
        },
        (Lang::En, None) => format!("{} {number}", code.to_ascii_uppercase()),
        (Lang::Fr, symbol) => format!(
            "{number}{NO_BREAK_SPACE}{}",
            symbol.map_or_else(|| code.to_ascii_uppercase(), str::to_string)
        ),
    }
}

/// An amount held in hundredths (cents), as [`money`] writes it. The cost view
/// keeps every amount in cents so that totals are exact sums of their lines.
pub fn money_cents(cents: i64, currency: Option<&str>, lang: Lang) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let whole = group_digits(&(cents.unsigned_abs() / 100).to_string(), lang);
    let number = format!("{sign}{whole}{}{:02}", decimal_separator(lang), cents.unsigned_abs() % 100);
    with_currency(number, currency, lang)
}

/// A percentage with no decimals: `42%` / `42 %` (French puts a narrow no-break
/// space before the sign).
pub fn percent(ratio: f64, lang: Lang) -> String {
    let value = decimal(ratio * 100.0, 0, lang);
    match lang {
        Lang::En => format!("{value}%"),
        Lang::Fr => format!("{value}{NARROW_NO_BREAK_SPACE}%"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> NaiveDate {
        text.parse().expect("a test date")
    }

    #[test]
    fn dates_read_as_each_language_writes_them() {
        assert_eq!(date(day("2026-03-31"), Lang::En), "31 Mar 2026");
        assert_eq!(date(day("2026-03-31"), Lang::Fr), "31 mars 2026");
        assert_eq!(date(day("2026-02-01"), Lang::Fr), "1er févr. 2026");
        assert_eq!(date_long(day("2026-02-01"), Lang::Fr), "1er février 2026");
        assert_eq!(date_long(day("2026-12-24"), Lang::En), "24 December 2026");
        assert_eq!(month_year(day("2027-08-15"), Lang::Fr), "août 2027");
        assert_eq!(date_or(None, Lang::En, "–"), "–");
        let moment = day("2026-12-03").and_hms_opt(14, 5, 0).expect("a test time");
        assert_eq!(date_time(moment, Lang::En), "3 Dec 2026, 14:05");
        assert_eq!(date_time(moment, Lang::Fr), "3 déc. 2026, 14:05");
    }

    #[test]
    fn numbers_group_thousands_and_use_the_language_decimal_mark() {
        assert_eq!(decimal(1234.5, 2, Lang::En), "1,234.50");
        assert_eq!(decimal(1234.5, 2, Lang::Fr), "1\u{202F}234,50");
        assert_eq!(decimal(999.999, 2, Lang::En), "1,000.00");
        assert_eq!(decimal(-1234567.0, 0, Lang::En), "-1,234,567");
        assert_eq!(decimal(-0.001, 2, Lang::Fr), "0,00");
        assert_eq!(decimal(f64::NAN, 2, Lang::En), "NaN");
        assert_eq!(integer(-12345, Lang::Fr), "-12\u{202F}345");
        assert_eq!(count(100, Lang::En), "100");
        assert_eq!(count(10_000, Lang::En), "10,000");
    }

    #[test]
    fn amounts_carry_their_currency_where_each_language_puts_it() {
        assert_eq!(money(1234.5, Some("EUR"), Lang::En), "€1,234.50");
        assert_eq!(money(1234.5, Some("eur"), Lang::Fr), "1\u{202F}234,50\u{00A0}€");
        assert_eq!(money(-12.0, Some("USD"), Lang::En), "-$12.00");
        assert_eq!(money(12.0, Some("CHF"), Lang::En), "CHF 12.00");
        assert_eq!(money(12.0, Some("CHF"), Lang::Fr), "12,00\u{00A0}CHF");
        assert_eq!(money(12.0, None, Lang::Fr), "12,00");
        assert_eq!(percent(0.43, Lang::Fr), "43\u{202F}%");
        assert_eq!(money_cents(123_456, Some("EUR"), Lang::Fr), "1\u{202F}234,56\u{00A0}€");
        assert_eq!(money_cents(123_456, Some("EUR"), Lang::En), "€1,234.56");
        assert_eq!(money_cents(-5, Some("USD"), Lang::En), "-$0.05");
        assert_eq!(money_cents(-100_000, Some("CHF"), Lang::Fr), "-1\u{202F}000,00\u{00A0}CHF");
    }
}
