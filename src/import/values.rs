//! Reading one cell: cleaning, header keys, dates, numbers, booleans and the
//! model's enums, in the spellings that English and French exports use.
//!
//! Every parser takes an already cleaned cell and returns `None` (or an error
//! kind) rather than guessing: the caller turns that into a field-level issue.

use std::borrow::Cow;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::model::{BillingAccount, BillingFrequency, Channel, SubscriptionStatus, Term};

/// Characters that are invisible in a spreadsheet but break comparisons:
/// zero-width spaces and joiners, the word joiner and a stray byte-order mark.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{200C}' | '\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}')
}

/// Spaces that exports use inside numbers and names (non-breaking, narrow, thin).
fn is_odd_space(c: char) -> bool {
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

/// Order of day and month in a slashed date such as `03/04/2025`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum DateOrder {
    /// `dd/mm/yyyy`, as French (and most non-US) spreadsheets write dates.
    DayMonthYear,
    /// `mm/dd/yyyy`, as US spreadsheets and PowerShell in en-US write dates.
    MonthDayYear,
}

impl DateOrder {
    pub fn id(self) -> &'static str {
        match self {
            DateOrder::DayMonthYear => "dd/mm/yyyy",
            DateOrder::MonthDayYear => "mm/dd/yyyy",
        }
    }
}

/// What the day/month order of one file's values says.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DateOrderVotes {
    /// Values whose first part cannot be a month (`25/03/2025`).
    pub day_first: usize,
    /// Values whose second part cannot be a month (`03/25/2025`).
    pub month_first: usize,
    /// Slashed values that fit both orders (`03/04/2025`).
    pub ambiguous: usize,
}

impl DateOrderVotes {
    pub fn observe(&mut self, cell: &str) {
        let Some((first, second, _)) = split_numeric_date(cell) else { return };
        if first > 12 && second <= 12 {
            self.day_first += 1;
        } else if second > 12 && first <= 12 {
            self.month_first += 1;
        } else if first <= 12 && second <= 12 {
            self.ambiguous += 1;
        }
    }

    /// The order the values prove, if they prove one (the larger side wins when
    /// a file mixes both, which only happens with typos).
    pub fn decided(&self) -> Option<DateOrder> {
        match (self.day_first, self.month_first) {
            (0, 0) => None,
            (day, month) if day >= month => Some(DateOrder::DayMonthYear),
            _ => Some(DateOrder::MonthDayYear),
        }
    }

    pub fn saw_slashed_dates(&self) -> bool {
        self.day_first + self.month_first + self.ambiguous > 0
    }
}

/// Splits `dd/mm/yyyy`, `d.m.yy`, `mm-dd-yyyy` (with an optional time after a
/// space) into its three numbers, or `None` for anything else (ISO included).
fn split_numeric_date(cell: &str) -> Option<(u32, u32, i32)> {
    let date_part = cell.split([' ', 'T']).next().unwrap_or(cell);
    let separator = date_part.chars().find(|c| matches!(c, '/' | '.' | '-'))?;
    let mut parts = date_part.split(separator);
    let first = parts.next()?;
    let second = parts.next()?;
    let third = parts.next()?;
    if parts.next().is_some()
        || first.len() > 2
        || second.len() > 2
        || !(third.len() == 2 || third.len() == 4)
    {
        return None;
    }
    let all_digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !(all_digits(first) && all_digits(second) && all_digits(third)) {
        return None;
    }
    let year: i32 = third.parse().ok()?;
    // Two-digit years are this century: subscription exports never go back to the 1900s.
    let year = if third.len() == 2 { 2000 + year } else { year };
    Some((first.parse().ok()?, second.parse().ok()?, year))
}

/// Why a date cell could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateProblem {
    /// Not a date in any spelling the importer knows.
    Unreadable,
    /// A slashed date that fits both orders while the file's order is unknown.
    AmbiguousOrder,
}

/// First day of Excel's 1900 date system as chrono sees it (Excel's serial 1 is
/// 1900-01-01 but Excel counts a 29 February 1900 that never was, so serials
/// from 61 on are days since 1899-12-30).
fn excel_epoch() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(1899, 12, 30)
}

/// Reads an Excel serial day number (as workbooks store dates) within the
/// years exports can hold, 1955 to 2119.
pub fn excel_serial_to_date(serial: f64) -> Option<NaiveDate> {
    if !(20_000.0..80_000.0).contains(&serial) {
        return None;
    }
    // In range, the whole part fits in i64 exactly.
    excel_epoch()?.checked_add_signed(chrono::TimeDelta::try_days(serial.trunc() as i64)?)
}

/// Parses a date cell: ISO 8601 (with or without a time and zone), slashed,
/// dotted or dashed day/month/year in the given order, or an Excel serial day.
/// A cell whose time part is malformed (Partner Center's published
/// `2015-11-25T06: 41: 12Z`) is unreadable: the caller reports it on the field.
pub fn parse_date(cell: &str, order: Option<DateOrder>) -> Result<NaiveDate, DateProblem> {
    if let Some(date) = dotnet_json_date(cell) {
        return Ok(date);
    }
    let bytes = cell.as_bytes();
    if bytes.len() >= 10 && bytes[4] == b'-' && bytes[7] == b'-' && bytes[..4].iter().all(u8::is_ascii_digit)
    {
        let digits = |range: std::ops::Range<usize>| -> Option<u32> {
            bytes[range].iter().try_fold(0u32, |value, byte| {
                byte.is_ascii_digit().then(|| value * 10 + u32::from(byte - b'0'))
            })
        };
        let (year, month, day) = (digits(0..4), digits(5..7), digits(8..10));
        let date = match (year, month, day) {
            // Four digits fit an i32.
            (Some(year), Some(month), Some(day)) => NaiveDate::from_ymd_opt(year as i32, month, day),
            _ => None,
        }
        .ok_or(DateProblem::Unreadable)?;
        let rest = &cell[10..];
        if rest.is_empty() || valid_iso_time(rest) {
            return Ok(date);
        }
        return Err(DateProblem::Unreadable);
    }
    if let Some((first, second, year)) = split_numeric_date(cell) {
        let time = cell.split_once(' ').map(|(_, time)| time);
        if let Some(time) = time {
            if !valid_clock_time(time) {
                return Err(DateProblem::Unreadable);
            }
        }
        // An impossible month settles the order whatever the file says.
        let (day, month) = match order {
            _ if first > 12 => (first, second),
            _ if second > 12 => (second, first),
            Some(DateOrder::DayMonthYear) => (first, second),
            Some(DateOrder::MonthDayYear) => (second, first),
            None if first == second => (first, second),
            None => return Err(DateProblem::AmbiguousOrder),
        };
        return NaiveDate::from_ymd_opt(year, month, day).ok_or(DateProblem::Unreadable);
    }
    if let Ok(serial) = cell.parse::<f64>() {
        return excel_serial_to_date(serial).ok_or(DateProblem::Unreadable);
    }
    Err(DateProblem::Unreadable)
}

/// `/Date(1743379200000)/` (milliseconds since 1970, an optional `+0200`
/// offset), as Windows PowerShell's `ConvertTo-Json` writes dates.
fn dotnet_json_date(cell: &str) -> Option<NaiveDate> {
    let inner = cell.trim_start_matches('\\').strip_prefix("/Date(")?;
    let inner = inner.trim_end_matches(['/', '\\']).strip_suffix(')')?;
    let digits_end =
        inner.char_indices().skip(1).find(|(_, c)| matches!(c, '+' | '-')).map_or(inner.len(), |(at, _)| at);
    let milliseconds: i64 = inner[..digits_end].parse().ok()?;
    Some(chrono::DateTime::from_timestamp_millis(milliseconds)?.date_naive())
}

/// `T10:00:00Z`, `T10:00:00.1234567+02:00`, ` 10:00`, ...
fn valid_iso_time(rest: &str) -> bool {
    let Some(time) = rest.strip_prefix('T').or_else(|| rest.strip_prefix(' ')) else { return false };
    let time = time.strip_suffix('Z').or_else(|| time.strip_suffix('z')).unwrap_or(time);
    let (clock, _zone) = match time.rfind(['+', '-']) {
        Some(at) if at >= 5 => {
            let zone = &time[at + 1..];
            let zone_ok = zone.len() == 5 && zone.as_bytes()[2] == b':' || zone.len() == 4 || zone.len() == 2;
            if !zone_ok || !zone.bytes().all(|b| b.is_ascii_digit() || b == b':') {
                return false;
            }
            (&time[..at], zone)
        }
        _ => (time, ""),
    };
    valid_clock_time(clock)
}

/// `10:00`, `10:00:00`, `10:00:00.123`, `10:00:00 AM`.
fn valid_clock_time(time: &str) -> bool {
    let time = time.trim();
    let time = time
        .strip_suffix("AM")
        .or_else(|| time.strip_suffix("PM"))
        .or_else(|| time.strip_suffix("am"))
        .or_else(|| time.strip_suffix("pm"))
        .map(str::trim_end)
        .unwrap_or(time);
    let (whole, fraction) = time.split_once('.').unwrap_or((time, "0"));
    if fraction.is_empty() || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let parts: Vec<&str> = whole.split(':').collect();
    (2..=3).contains(&parts.len())
        && parts.iter().all(|part| (1..=2).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit()))
}

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

/// Compares a cleaned cell with a list of lower-case spellings, ignoring case
/// and accents, without allocating for ASCII cells.
fn is_one_of(cell: &str, spellings: &[&str]) -> bool {
    if cell.is_ascii() {
        spellings.iter().any(|spelling| cell.eq_ignore_ascii_case(spelling))
    } else {
        let key: String = cell.chars().flat_map(char::to_lowercase).map(fold_accent).collect();
        spellings.iter().any(|spelling| key == *spelling)
    }
}

pub fn parse_bool(cell: &str) -> Option<bool> {
    const TRUE: &[&str] =
        &["true", "yes", "y", "oui", "o", "vrai", "1", "on", "enabled", "active", "actif", "x"];
    const FALSE: &[&str] =
        &["false", "no", "n", "non", "faux", "0", "off", "disabled", "inactive", "inactif"];
    if is_one_of(cell, TRUE) {
        Some(true)
    } else if is_one_of(cell, FALSE) {
        Some(false)
    } else {
        None
    }
}

/// Calls `read` with the header key of a short cell, without allocating
/// for ASCII cells (the common case for terms, statuses and channels).
fn with_key<T>(cell: &str, read: impl Fn(&str) -> Option<T>) -> Option<T> {
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

pub fn parse_term(cell: &str) -> Option<Term> {
    with_key(cell, |key| match key {
        "p1m" | "monthly" | "month" | "1month" | "onemonth" | "mensuel" | "mensuelle" | "1mois" | "mois" => {
            Some(Term::P1M)
        }
        "p1y" | "p12m" | "annual" | "yearly" | "year" | "1year" | "oneyear" | "12months" | "annuel"
        | "annuelle" | "1an" | "an" | "12mois" => Some(Term::P1Y),
        "p3y" | "p36m" | "triennial" | "3years" | "threeyears" | "36months" | "triennal" | "triennale"
        | "3ans" | "36mois" => Some(Term::P3Y),
        _ => None,
    })
}

pub fn parse_billing(cell: &str) -> Option<BillingFrequency> {
    with_key(cell, |key| match key {
        "monthly" | "month" | "p1m" | "mensuel" | "mensuelle" | "mois" => Some(BillingFrequency::Monthly),
        "annual" | "yearly" | "year" | "p1y" | "annuel" | "annuelle" | "an" | "prepaid" => {
            Some(BillingFrequency::Annual)
        }
        "triennial" | "p3y" | "triennal" | "triennale" => Some(BillingFrequency::Triennial),
        "none" | "onetime" | "unknown" | "inconnu" => Some(BillingFrequency::Unknown),
        _ => None,
    })
}

pub fn parse_status(cell: &str) -> Option<SubscriptionStatus> {
    with_key(cell, |key| match key {
        "active" | "enabled" | "actif" | "active1" | "activee" | "ok" => Some(SubscriptionStatus::Active),
        "warning" | "ingraceperiod" | "grace" | "avertissement" | "periodedegrace" | "expiring" => {
            Some(SubscriptionStatus::Warning)
        }
        "suspended" | "suspendu" | "suspendue" => Some(SubscriptionStatus::Suspended),
        "expired" | "expire" | "expiree" => Some(SubscriptionStatus::Expired),
        "disabled" | "desactive" | "desactivee" | "inactive" | "inactif" => {
            Some(SubscriptionStatus::Disabled)
        }
        "deleted" | "supprime" | "supprimee" => Some(SubscriptionStatus::Deleted),
        "lockedout" | "locked" | "verrouille" | "verrouillee" => Some(SubscriptionStatus::LockedOut),
        "pending" | "enattente" | "provisioning" => Some(SubscriptionStatus::Pending),
        "unknown" | "inconnu" => Some(SubscriptionStatus::Unknown),
        _ => None,
    })
}

pub fn parse_channel(cell: &str) -> Option<Channel> {
    if let Some(channel) = Channel::from_id(cell) {
        return Some(channel);
    }
    with_key(cell, |key| match key {
        "direct" | "mosa" | "mca" | "webdirect" | "admincenter" | "microsoft" | "centredadministration" => {
            Some(Channel::Direct)
        }
        "ea" | "enterpriseagreement" | "volumelicensing" | "vl" | "contratentreprise" => Some(Channel::Ea),
        "cspnce" | "nce" | "newcommerce" | "csp" | "cspnewcommerce" | "nouveaucommerce" => {
            Some(Channel::CspNce)
        }
        "csplegacy" | "legacy" | "legacycsp" | "cspheritage" | "heritage" => Some(Channel::CspLegacy),
        "unknown" | "inconnu" => Some(Channel::Unknown),
        _ => None,
    })
}

/// The billing account type of a direct subscription (DIRECT-ACCOUNT), also read
/// from a channel cell that says "MOSA" or "MCA".
pub fn parse_billing_account(cell: &str) -> Option<BillingAccount> {
    if let Some(account) = BillingAccount::from_id(cell) {
        return Some(account);
    }
    with_key(cell, |key| match key {
        "mosa" | "directmosa" | "microsoftonlinesubscriptionagreement" | "onlinesubscriptionagreement" => {
            Some(BillingAccount::Mosa)
        }
        "mca" | "directmca" | "microsoftcustomeragreement" | "contratclientmicrosoft" => {
            Some(BillingAccount::Mca)
        }
        "unknown" | "inconnu" | "inconnue" => Some(BillingAccount::Unknown),
        _ => None,
    })
}

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

/// An ISO 3166-1 alpha-2 code from a code or the English or French name of a
/// country partners commonly serve.
pub fn parse_country(cell: &str) -> Option<String> {
    if cell.len() == 2 && cell.bytes().all(|b| b.is_ascii_alphabetic()) {
        return Some(cell.to_ascii_uppercase());
    }
    let code = match header_key(cell).as_str() {
        "france" => "FR",
        "belgium" | "belgique" => "BE",
        "switzerland" | "suisse" => "CH",
        "luxembourg" => "LU",
        "canada" => "CA",
        "unitedstates" | "usa" | "etatsunis" => "US",
        "unitedkingdom" | "uk" | "royaumeuni" | "greatbritain" => "GB",
        "germany" | "allemagne" => "DE",
        "spain" | "espagne" => "ES",
        "italy" | "italie" => "IT",
        "netherlands" | "paysbas" => "NL",
        "ireland" | "irlande" => "IE",
        "portugal" => "PT",
        "morocco" | "maroc" => "MA",
        _ => return None,
    };
    Some(code.into())
}

/// Whole days from `start` to `end`, for term estimates.
pub fn days_between(start: NaiveDate, end: NaiveDate) -> i64 {
    (end - start).num_days()
}

/// Year of a date, for sanity checks on values (`0001-01-01` placeholders).
pub fn is_placeholder_date(date: NaiveDate) -> bool {
    date.year() < 1990 || date.year() > 2200
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

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

    #[test]
    fn dates_in_every_spelling() {
        assert_eq!(parse_date("2025-03-31", None), Ok(date(2025, 3, 31)));
        assert_eq!(parse_date("2025-03-31T00:00:00Z", None), Ok(date(2025, 3, 31)));
        assert_eq!(parse_date("2025-03-31T10:20:30.1234567+02:00", None), Ok(date(2025, 3, 31)));
        assert_eq!(parse_date("31/03/2025", None), Ok(date(2025, 3, 31)));
        assert_eq!(parse_date("3/31/2025 12:00:00 AM", None), Ok(date(2025, 3, 31)));
        assert_eq!(parse_date("04/03/2025", Some(DateOrder::DayMonthYear)), Ok(date(2025, 3, 4)));
        assert_eq!(parse_date("04/03/2025", Some(DateOrder::MonthDayYear)), Ok(date(2025, 4, 3)));
        assert_eq!(parse_date("04/03/2025", None), Err(DateProblem::AmbiguousOrder));
        assert_eq!(parse_date("31.03.25", None), Ok(date(2025, 3, 31)));
        assert_eq!(parse_date("45747", None), Ok(date(2025, 3, 31)));
        assert_eq!(parse_date("/Date(1743379200000)/", None), Ok(date(2025, 3, 31)));
        assert_eq!(parse_date("\\/Date(1743379200000+0200)\\/", None), Ok(date(2025, 3, 31)));
    }

    #[test]
    fn malformed_dates_are_refused() {
        assert_eq!(parse_date("2015-11-25T06: 41: 12Z", None), Err(DateProblem::Unreadable));
        assert_eq!(parse_date("2025-02-30", None), Err(DateProblem::Unreadable));
        assert_eq!(parse_date("next year", None), Err(DateProblem::Unreadable));
        assert_eq!(parse_date("12", None), Err(DateProblem::Unreadable));
    }

    #[test]
    fn date_order_is_decided_by_values_that_cannot_be_months() {
        let mut votes = DateOrderVotes::default();
        for cell in ["03/04/2025", "25/12/2025", "01/02/2026"] {
            votes.observe(cell);
        }
        assert_eq!(votes.decided(), Some(DateOrder::DayMonthYear));
        let mut votes = DateOrderVotes::default();
        votes.observe("12/25/2025");
        assert_eq!(votes.decided(), Some(DateOrder::MonthDayYear));
        let mut votes = DateOrderVotes::default();
        votes.observe("03/04/2025");
        assert_eq!(votes.decided(), None);
        assert!(votes.saw_slashed_dates());
    }

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
    fn booleans_in_english_and_french() {
        for yes in ["true", "TRUE", "Yes", "oui", "Vrai", "1"] {
            assert_eq!(parse_bool(yes), Some(true), "{yes}");
        }
        for no in ["false", "No", "NON", "faux", "0"] {
            assert_eq!(parse_bool(no), Some(false), "{no}");
        }
        assert_eq!(parse_bool("maybe"), None);
    }

    #[test]
    fn enums_in_english_and_french() {
        assert_eq!(parse_term("P1Y"), Some(Term::P1Y));
        assert_eq!(parse_term("1 an"), Some(Term::P1Y));
        assert_eq!(parse_term("Monthly"), Some(Term::P1M));
        assert_eq!(parse_billing("Annuelle"), Some(BillingFrequency::Annual));
        assert_eq!(parse_status("Suspendu"), Some(SubscriptionStatus::Suspended));
        assert_eq!(parse_status("Expiré"), Some(SubscriptionStatus::Expired));
        assert_eq!(parse_channel("csp-nce"), Some(Channel::CspNce));
        assert_eq!(parse_billing_account(" MCA "), Some(BillingAccount::Mca));
        assert_eq!(
            parse_billing_account("Microsoft Online Subscription Agreement"),
            Some(BillingAccount::Mosa)
        );
        assert_eq!(parse_billing_account("direct"), None);
        assert_eq!(parse_channel("Enterprise Agreement"), Some(Channel::Ea));
    }

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
        assert_eq!(parse_currency("€").as_deref(), Some("EUR"));
        assert_eq!(currency_in_amount("10,50 €").as_deref(), Some("EUR"));
        assert_eq!(currency_in_amount("usd 31.30").as_deref(), Some("USD"));
        assert_eq!(currency_in_amount("31.30"), None);
        assert_eq!(parse_country("Belgique").as_deref(), Some("BE"));
    }
}
