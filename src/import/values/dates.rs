//! Dates in the spellings exports use (ISO, slashed in either order, .NET JSON,
//! Excel serial days), and the day/month order of a file.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

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

/// The one reading of an Excel serial day number (workbook cells, and text cells
/// that hold one): days since 1899-12-30 in the 1900 system (Excel counts the
/// fictitious 29 February 1900, serial 60, so serials up to 60 count from a day
/// later and 60 reads as 1 March 1900), or since 1904-01-01 in the 1904 system
/// (`workbookPr date1904`, old Mac workbooks). Rounded to the millisecond first,
/// as Excel shows it (0.99999999 of a day is midnight next day); the time of day
/// is dropped.
pub fn excel_serial_date(serial: f64, date_1904: bool) -> Option<NaiveDate> {
    if !(0.0..=3_000_000.0).contains(&serial) {
        return None;
    }
    let days = ((serial * 86_400_000.0).round() / 86_400_000.0).floor() as u64;
    let (epoch, days) = match (date_1904, days) {
        (true, days) => (NaiveDate::from_ymd_opt(1904, 1, 1)?, days),
        (false, days) if days <= 60 => (NaiveDate::from_ymd_opt(1899, 12, 31)?, days),
        (false, days) => (NaiveDate::from_ymd_opt(1899, 12, 30)?, days),
    };
    epoch
        .checked_add_days(chrono::Days::new(days))
        .filter(|date| *date <= NaiveDate::from_ymd_opt(9999, 12, 31).unwrap_or(NaiveDate::MAX))
}

/// Serial day numbers a text cell may hold for a date: the years exports can hold,
/// 1954 to 2119. Outside them a number in a date column is more likely a mistake
/// (a seat count in the wrong column) than a date.
const TEXT_SERIAL_DAYS: std::ops::Range<f64> = 20_000.0..80_000.0;

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
        // A text file has no workbook flag: the 1900 system, Excel's default.
        let serial_date = Some(serial).filter(|serial| TEXT_SERIAL_DAYS.contains(serial));
        return serial_date
            .and_then(|serial| excel_serial_date(serial, false))
            .ok_or(DateProblem::Unreadable);
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

/// Whole days from `start` to `end`, for term estimates.
pub fn days_between(start: NaiveDate, end: NaiveDate) -> i64 {
    (end - start).num_days()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(year: i32, month: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(year, month, day)
    }

    #[test]
    fn excel_serial_days_read_as_excel_shows_them() {
        // 1900 system: serial 1 is 1 January 1900; Excel's fictitious 29 February 1900
        // (serial 60) has no date and reads as the day after; from 61 on, days since 1899-12-30.
        assert_eq!(excel_serial_date(1.0, false), ymd(1900, 1, 1));
        assert_eq!(excel_serial_date(59.0, false), ymd(1900, 2, 28));
        assert_eq!(excel_serial_date(60.0, false), ymd(1900, 3, 1));
        assert_eq!(excel_serial_date(61.0, false), ymd(1900, 3, 1));
        assert_eq!(excel_serial_date(45_000.0, false), ymd(2023, 3, 15));
        // 1904 system: serial 0 is 1 January 1904, 1,462 days after the 1900 system.
        assert_eq!(excel_serial_date(0.0, true), ymd(1904, 1, 1));
        assert_eq!(excel_serial_date(45_000.0 - 1_462.0, true), ymd(2023, 3, 15));
        // Times of day are dropped, after rounding to the millisecond.
        assert_eq!(excel_serial_date(45_000.75, false), ymd(2023, 3, 15));
        assert_eq!(excel_serial_date(45_000.999_999_999, false), ymd(2023, 3, 16));
        assert_eq!((excel_serial_date(f64::NAN, false), excel_serial_date(1e300, false)), (None, None));
        assert_eq!(excel_serial_date(-1.0, false), None);
        // A text cell is read in the 1900 system, only within the years exports hold.
        assert_eq!(parse_date("45000", None), Ok(NaiveDate::from_ymd_opt(2023, 3, 15).unwrap_or_default()));
        assert_eq!(parse_date("45000.5", None), Ok(NaiveDate::from_ymd_opt(2023, 3, 15).unwrap_or_default()));
        assert_eq!(parse_date("1000", None), Err(DateProblem::Unreadable));
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
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
}
