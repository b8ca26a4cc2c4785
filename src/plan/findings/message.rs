//! Messages: a template of [`super::codes`] (or of a checklist step) filled with
//! its values, each written in the reader's language.

use crate::i18n::labels;
use crate::i18n::template::fill_with;
use crate::i18n::{format, Lang};

use super::values::{FindingValue, FindingValues};

/// Fills the `{name}` placeholders of `template` with `values` in `lang`.
pub fn fill_values(template: &str, values: &FindingValues, lang: Lang) -> String {
    fill_with(template, |name, out| match values.get(name) {
        Some(value) => {
            write_value(value, lang, out);
            true
        }
        None => false,
    })
}

/// Writes one value as `lang` writes it: a date in words, a typed value by its
/// label, an imported text exactly as it was read.
fn write_value(value: &FindingValue, lang: Lang, out: &mut String) {
    let label = match value {
        FindingValue::Date(date) => return out.push_str(&format::date(*date, lang)),
        FindingValue::Number(number) => return out.push_str(&number.to_string()),
        FindingValue::Amount(cents) => {
            let sign = if *cents < 0 { "-" } else { "" };
            let (units, hundredths) = (cents.unsigned_abs() / 100, cents.unsigned_abs() % 100);
            // French writes a decimal comma: 130,19 EUR.
            let mark = lang.pick('.', ',');
            return out.push_str(&format!("{sign}{units}{mark}{hundredths:02}"));
        }
        FindingValue::Money(cents, currency) => {
            return out.push_str(&format::money_cents(*cents, Some(currency), lang));
        }
        FindingValue::Text(text) => &**text,
        FindingValue::Static(text) => *text,
        FindingValue::Path(path) => labels::path_label(*path, lang),
        FindingValue::Channel(channel) => labels::channel_label(*channel, lang),
        FindingValue::Status(status) => labels::status_label(*status, lang),
        FindingValue::Party(actor) => actor.phrase(lang),
        FindingValue::Role(role) => labels::gdap_role_label(*role, lang),
        FindingValue::RolePurpose(role) => labels::gdap_role_purpose(*role, lang),
        FindingValue::Roles(roles) => {
            for (index, role) in roles.iter().enumerate() {
                if index > 0 {
                    out.push_str(", ");
                }
                out.push_str(labels::gdap_role_label(role, lang));
            }
            return;
        }
        FindingValue::Area(area) => labels::sales_area_label(*area, lang),
        FindingValue::Market(market) => market.label(lang),
        FindingValue::McaAttestation(model) => labels::mca_attestation(*model, lang),
        FindingValue::BaseNeeded(kind) => labels::base_needed_label(*kind, lang),
    };
    out.push_str(label);
}
