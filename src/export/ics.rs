//! The milestones as an iCalendar file (RFC 5545): one all-day event per
//! milestone, titled with the customer and the subscription, with a reminder the
//! day before.
//!
//! Lines end in CRLF and are folded at 75 octets without splitting a UTF-8
//! character (RFC 5545 §3.1); text values escape `\`, `;`, `,` and line breaks
//! (§3.3.11). UIDs are built from the customer, the subscription and the kind of
//! milestone, never from the date, so importing a newer export of the same plan
//! updates the events instead of duplicating them.

use chrono::{Days, NaiveDate, NaiveDateTime};

use crate::i18n::Lang;
use crate::plan::{CustomerPlan, Plan};
use crate::rules::rule;

use super::milestones::{milestones, Milestone};
use super::report::{line_label, target_label};
use super::slug;

/// How long before each milestone the reminder fires.
pub const REMINDER: &str = "-P1D";
const PRODUCT_ID: &str = "-//CSP Migration Planner//Plan calendar//EN";
const UID_DOMAIN: &str = "csp-migration-planner";

/// Escapes a TEXT value (RFC 5545 §3.3.11).
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut characters = text.chars().peekable();
    while let Some(character) = characters.next() {
        match character {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if characters.peek() == Some(&'\n') {
                    characters.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            // Other control characters are not allowed in TEXT.
            character if character.is_control() => out.push(' '),
            character => out.push(character),
        }
    }
    out
}

/// One content line, folded so that no physical line exceeds 75 octets, ending in CRLF.
pub fn fold(line: &str) -> String {
    const LIMIT: usize = 75;
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3 + 2);
    let mut width = 0;
    for character in line.chars() {
        let size = character.len_utf8();
        if width + size > LIMIT {
            out.push_str("\r\n ");
            // The leading space of a continuation line counts towards its 75 octets.
            width = 1;
        }
        out.push(character);
        width += size;
    }
    out.push_str("\r\n");
    out
}

/// A UID part: ASCII letters, digits, `-`, `.` and `_` kept, anything else written
/// as `%XX` bytes, so two different ids never share a UID.
fn uid_part(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.trim().bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

struct Calendar {
    text: String,
}

impl Calendar {
    fn property(&mut self, name: &str, value: &str) {
        self.text.push_str(&fold(&format!("{name}:{value}")));
    }

    fn text_property(&mut self, name: &str, value: &str) {
        self.property(name, &escape_text(value));
    }
}

fn event(
    calendar: &mut Calendar,
    customer: &CustomerPlan,
    milestone: &Milestone,
    stamp: NaiveDateTime,
    lang: Lang,
) {
    let customer_name = if customer.name.trim().is_empty() {
        lang.pick("Customer", "Client").to_string()
    } else {
        customer.name.trim().to_string()
    };
    let what = milestone.label(lang);
    let summary = match milestone.line {
        Some(line) => format!("{customer_name} – {}{}{what}", line_label(line), lang.pick(": ", " : ")),
        None => format!("{customer_name}{}{what}", lang.pick(": ", " : ")),
    };
    let entry = rule(milestone.rule());
    let mut description = vec![milestone.explanation(lang).to_string()];
    if let Some(line) = milestone.line {
        let mut detail =
            format!("{}{}{}", lang.pick("Seats", "Licences"), lang.pick(": ", " : "), line.seats);
        if let Some(target) = target_label(line) {
            detail.push_str(&format!(
                " – {}{}{target}",
                lang.pick("target offer", "offre cible"),
                lang.pick(": ", " : ")
            ));
        }
        description.push(detail);
    }
    description.push(format!(
        "{} {} – {} ({})",
        lang.pick("Rule", "Règle"),
        entry.code,
        entry.title(lang),
        entry.source
    ));
    let subject = milestone.line.map_or("customer", |line| line.subscription_id.as_str());
    let uid = format!(
        "{}.{}.{}@{UID_DOMAIN}",
        milestone.kind.id(),
        uid_part(&slug(&customer.name)),
        uid_part(subject)
    );
    let next_day = milestone.date.checked_add_days(Days::new(1)).unwrap_or(milestone.date);

    calendar.property("BEGIN", "VEVENT");
    calendar.property("UID", &uid);
    calendar.property("DTSTAMP", &stamp.format("%Y%m%dT%H%M%SZ").to_string());
    calendar.property("DTSTART;VALUE=DATE", &ics_date(milestone.date));
    calendar.property("DTEND;VALUE=DATE", &ics_date(next_day));
    calendar.text_property("SUMMARY", &summary);
    calendar.text_property("DESCRIPTION", &description.join("\n"));
    calendar.text_property("CATEGORIES", entry.code);
    calendar.property("TRANSP", "TRANSPARENT");
    calendar.property("BEGIN", "VALARM");
    calendar.property("ACTION", "DISPLAY");
    calendar.property("TRIGGER", REMINDER);
    calendar.text_property("DESCRIPTION", &summary);
    calendar.property("END", "VALARM");
    calendar.property("END", "VEVENT");
}

fn ics_date(date: NaiveDate) -> String {
    date.format("%Y%m%d").to_string()
}

/// The calendar of every customer's milestones. `stamp` is the export time in UTC
/// (the DTSTAMP of every event), passed in so the output is reproducible.
pub fn plan_to_ics(plan: &Plan, lang: Lang, stamp: NaiveDateTime) -> String {
    let mut calendar = Calendar { text: String::new() };
    calendar.property("BEGIN", "VCALENDAR");
    calendar.property("VERSION", "2.0");
    calendar.property("PRODID", PRODUCT_ID);
    calendar.property("CALSCALE", "GREGORIAN");
    calendar.property("METHOD", "PUBLISH");
    let name = format!(
        "{}{}{}",
        lang.pick("Migration plan", "Plan de migration"),
        lang.pick(": ", " : "),
        super::plan_customer_name(plan)
    );
    calendar.text_property("X-WR-CALNAME", &name);
    for customer in &plan.customers {
        for milestone in milestones(customer) {
            event(&mut calendar, customer, &milestone, stamp, lang);
        }
    }
    calendar.property("END", "VCALENDAR");
    calendar.text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_values_are_escaped() {
        assert_eq!(escape_text("a,b;c\\d\ne\r\nf"), "a\\,b\\;c\\\\d\\ne\\nf");
    }

    #[test]
    fn long_lines_fold_at_75_octets_without_splitting_characters() {
        let line = format!("SUMMARY:{}", "é".repeat(80));
        let folded = fold(&line);
        assert!(folded.ends_with("\r\n"));
        for physical in folded.trim_end_matches("\r\n").split("\r\n") {
            assert!(physical.len() <= 75, "{} octets", physical.len());
        }
        let unfolded = folded.trim_end_matches("\r\n").replace("\r\n ", "");
        assert_eq!(unfolded, line);
        assert_eq!(uid_part("A b/é"), "A%20b%2F%C3%A9");
    }
}
