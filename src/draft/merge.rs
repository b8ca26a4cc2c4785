//! What the importer found, merged into the draft it was imported for.
//!
//! A draft keeps what came from files that are no longer at hand (imported
//! before a reload, or pasted), so an import replaces only what the draft held
//! from the files read again. Ids stay unique across the whole draft by the
//! importer's own rule ([`crate::import::rename_duplicate_ids`]), which reports
//! each rename in the import report.

use std::collections::{BTreeMap, HashSet};

use super::Draft;
use crate::import::{
    relevant_prices, rename_duplicate_ids, ColumnMapping, ImportOutcome, ImportReport, PriceEntry,
    RejectedRow,
};
use crate::model::{Channel, Subscription};

/// Replaces what the draft held from the files named in `files` with what the
/// importer made of them (`subscriptions`, `report`, the price list rows
/// `prices` about the draft's products), keeps what came from other files,
/// keeps the channels the user chose for subscriptions that come back with the
/// same id, remembers the confirmed `mappings`, and names the customer from the
/// rows when the user has not.
///
/// Returns the ids, as the draft now holds them, of the subscriptions whose
/// files did not say their channel (the review step asks for them).
pub fn merge_import(
    draft: &mut Draft,
    files: &HashSet<String>,
    mut subscriptions: Vec<Subscription>,
    report: ImportReport,
    prices: &[PriceEntry],
    mappings: &[ColumnMapping],
) -> Vec<String> {
    let chosen_channels: BTreeMap<String, Channel> = draft
        .input
        .subscriptions
        .iter()
        .filter(|subscription| subscription.channel != Channel::Unknown)
        .map(|subscription| (subscription.subscription_id.clone(), subscription.channel))
        .collect();
    draft.input.subscriptions.retain(|subscription| !files.contains(&subscription.source.file));

    let previous = std::mem::take(&mut draft.import.report);
    let mut merged = report;
    let kept_formats = previous.formats.into_iter().filter(|file| !files.contains(&file.file));
    merged.formats.splice(0..0, kept_formats);
    let kept_issues = previous.issues.into_iter().filter(|issue| !files.contains(&issue.file));
    merged.issues.splice(0..0, kept_issues);
    let kept_rows = previous.rejected_rows.into_iter().filter(|row| !files.contains(&row.file));
    merged.rejected_rows.splice(0..0, kept_rows);
    merged.recount();

    // The importer made the ids of what it read unique (`assign_unique_ids`):
    // only ids kept from other files can clash with them.
    if !draft.input.subscriptions.is_empty() {
        rename_duplicate_ids(&draft.input.subscriptions, &mut subscriptions, &mut merged.issues);
    }
    draft.import.report = merged;
    let unknown_channels = add_subscriptions(draft, subscriptions, &chosen_channels);
    draft.input.list_prices.retain(|price| !files.contains(&price.source.file));
    let list_prices = relevant_prices(prices, &draft.input.subscriptions, crate::catalog::Catalog::builtin());
    draft.input.list_prices.extend(list_prices);
    for mapping in mappings {
        draft.import.mappings.retain(|kept| kept.signature != mapping.signature);
        draft.import.mappings.push(mapping.clone());
    }
    name_the_customer(draft);
    unknown_channels
}

/// Adds subscriptions (their ids already unique in the draft), giving those
/// whose file did not say the channel the one the user chose before; returns
/// the ids of those.
fn add_subscriptions(
    draft: &mut Draft,
    mut subscriptions: Vec<Subscription>,
    chosen_channels: &BTreeMap<String, Channel>,
) -> Vec<String> {
    let mut unknown_channels = Vec::new();
    for subscription in &mut subscriptions {
        if subscription.channel == Channel::Unknown {
            unknown_channels.push(subscription.subscription_id.clone());
            if let Some(channel) = chosen_channels.get(&subscription.subscription_id) {
                subscription.channel = *channel;
            }
        }
    }
    // Moved in whole: pushed one by one, 100,000 subscriptions cost the time
    // of copying them again at each growth of the list.
    if draft.input.subscriptions.is_empty() {
        draft.input.subscriptions = subscriptions;
    } else {
        draft.input.subscriptions.append(&mut subscriptions);
    }
    unknown_channels
}

/// Forgets a file: its subscriptions, its price list rows, its part of the
/// report and its counts.
pub fn forget_file(draft: &mut Draft, file: &str) {
    draft.input.subscriptions.retain(|subscription| subscription.source.file != file);
    draft.input.list_prices.retain(|price| price.source.file != file);
    let report = &mut draft.import.report;
    report.formats.retain(|kept| kept.file != file);
    report.issues.retain(|issue| issue.file != file);
    report.rejected_rows.retain(|row| row.file != file);
    report.recount();
}

/// Puts what the importer made of a rejected row the user corrected
/// (`outcome`, from [`crate::import::retry_rejected_row`]) in the old row's
/// place: a subscription, or the row rejected again with its new issues.
/// Returns the ids of the new subscriptions whose channel is unknown.
pub fn replace_rejected_row(draft: &mut Draft, row: &RejectedRow, outcome: ImportOutcome) -> Vec<String> {
    let counts = outcome.report.counts();
    let report = &mut draft.import.report;
    report.rejected_rows.retain(|kept| !(kept.file == row.file && kept.line == row.line));
    report.issues.retain(|issue| !(issue.file == row.file && issue.line == Some(row.line)));
    // Only what is about the row itself: notes on the rebuilt one-row table are not news.
    report.issues.extend(outcome.report.issues.into_iter().filter(|issue| issue.line == Some(row.line)));
    report.rejected_rows.extend(outcome.report.rejected_rows);
    if let Some(file) = report.formats.iter_mut().find(|file| file.file == row.file) {
        file.counts.rejected = file.counts.rejected.saturating_sub(1) + counts.rejected;
        file.counts.imported += counts.imported;
        file.counts.imported_with_warnings += counts.imported_with_warnings;
    }
    report.recount();
    let mut subscriptions = outcome.subscriptions;
    rename_duplicate_ids(&draft.input.subscriptions, &mut subscriptions, &mut draft.import.report.issues);
    add_subscriptions(draft, subscriptions, &BTreeMap::new())
}

/// The most frequent non-empty value (the last in sort order among equals,
/// so the choice does not depend on the rows' order), for defaults taken from the rows.
fn most_common<'a>(values: impl Iterator<Item = &'a str>) -> Option<String> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for value in values.map(str::trim).filter(|value| !value.is_empty()) {
        *counts.entry(value).or_default() += 1;
    }
    counts.into_iter().max_by_key(|(_, count)| *count).map(|(value, _)| value.to_owned())
}

/// Fills the customer's name, country and tenant from the files when the user
/// has not given them, and names an unnamed draft after the customer.
fn name_the_customer(draft: &mut Draft) {
    let subscriptions = &draft.input.subscriptions;
    if draft.input.customer.name.trim().is_empty() {
        if let Some(name) =
            most_common(subscriptions.iter().map(|subscription| subscription.customer.as_str()))
        {
            draft.input.customer.name = name;
        }
    }
    if draft.input.customer.country.is_none() {
        let countries =
            subscriptions.iter().filter_map(|subscription| subscription.tenant_country.as_deref());
        draft.input.customer.country =
            most_common(countries).and_then(|code| crate::markets::code_of(&code).map(str::to_owned));
    }
    if draft.input.customer.tenant_id.is_none() {
        // The tenant of the named customer's own rows: a file with two accounts
        // must not give one the other's tenant id.
        let name = crate::catalog::lookup_key(&draft.input.customer.name);
        draft.input.customer.tenant_id = most_common(
            subscriptions
                .iter()
                .filter(|subscription| {
                    subscription.customer.trim().is_empty()
                        || crate::catalog::lookup_key(&subscription.customer) == name
                })
                .filter_map(|subscription| subscription.tenant_id.as_deref()),
        );
    }
    if draft.name.trim().is_empty() {
        draft.name = draft.input.customer.name.clone();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::{import_files, ImportOptions, InputFile, IssueKind, TEMPLATE_COLUMNS};

    /// A planner template file with one row per `(customer, country, id, channel)`.
    fn template(name: &str, rows: &[(&str, &str, &str, &str)]) -> InputFile {
        let mut text = TEMPLATE_COLUMNS.join(",");
        for (customer, country, id, channel) in rows {
            text.push_str(&format!(
                "\r\n{customer},{country},{id},Office 365 E3,ENTERPRISEPACK,6fd2c87f-b296-42f0-b197-1e91e994b900,25,22,P1Y,monthly,2025-07-01,2026-06-30,true,active,{channel},,"
            ));
        }
        InputFile { name: name.into(), bytes: text.into_bytes() }
    }

    fn import_into(draft: &mut Draft, files: &[InputFile]) -> Vec<String> {
        let outcome = import_files(files, &ImportOptions::default());
        let names = files.iter().map(|file| file.name.clone()).collect();
        merge_import(draft, &names, outcome.subscriptions, outcome.report, &outcome.prices, &[])
    }

    fn ids(draft: &Draft) -> Vec<&str> {
        draft.input.subscriptions.iter().map(|subscription| subscription.subscription_id.as_str()).collect()
    }

    fn duplicate_issues(report: &ImportReport) -> Vec<(String, Option<u32>, IssueKind)> {
        report
            .issues
            .iter()
            .filter(|issue| matches!(issue.kind, IssueKind::DuplicateSubscriptionId { .. }))
            .map(|issue| (issue.file.clone(), issue.line, issue.kind.clone()))
            .collect()
    }

    #[test]
    fn an_id_colliding_with_another_file_of_the_draft_is_renamed_and_reported_as_the_importer_does() {
        let first = template("first.csv", &[("Contoso", "FR", "SUB-1", "direct")]);
        let second = template("second.csv", &[("Contoso", "FR", "SUB-1", "direct")]);
        // The first file was imported before a reload: only the draft remembers it.
        let mut draft = Draft::default();
        import_into(&mut draft, std::slice::from_ref(&first));
        import_into(&mut draft, std::slice::from_ref(&second));
        assert_eq!(ids(&draft), ["SUB-1", "SUB-1#2"]);
        let merged = duplicate_issues(&draft.import.report);
        // Both files imported together: the importer's own report says the same.
        let together = import_files(&[first, second], &ImportOptions::default());
        assert_eq!(merged, duplicate_issues(&together.report));
        assert_eq!(
            merged,
            [(
                "second.csv".to_string(),
                Some(2),
                IssueKind::DuplicateSubscriptionId { id: "SUB-1".into(), renamed_to: "SUB-1#2".into() }
            )]
        );

        // Read again, the second file replaces its own subscriptions and issues.
        import_into(&mut draft, &[template("second.csv", &[("Contoso", "FR", "SUB-1", "direct")])]);
        assert_eq!(ids(&draft), ["SUB-1", "SUB-1#2"]);
        assert_eq!(duplicate_issues(&draft.import.report).len(), 1);
        assert_eq!(draft.import.report.imported, 2);
        assert_eq!(draft.import.report.formats.len(), 2);
    }

    #[test]
    fn a_channel_the_user_chose_survives_a_new_import_and_unknown_ones_are_listed() {
        let file = template(
            "subscriptions.csv",
            &[("Contoso", "FR", "SUB-1", ""), ("Contoso", "FR", "SUB-2", "ea")],
        );
        let mut draft = Draft::default();
        assert_eq!(import_into(&mut draft, std::slice::from_ref(&file)), ["SUB-1"]);
        assert_eq!(draft.input.subscriptions[0].channel, Channel::Unknown);
        draft.input.subscriptions[0].channel = Channel::CspNce;
        assert_eq!(import_into(&mut draft, &[file]), ["SUB-1"], "still asked about");
        assert_eq!(draft.input.subscriptions[0].channel, Channel::CspNce);
        assert_eq!(draft.input.subscriptions[1].channel, Channel::Ea);
    }

    #[test]
    fn the_customer_is_named_from_the_rows_unless_the_user_named_it() {
        let file = template(
            "subscriptions.csv",
            &[
                ("Fabrikam", "DE", "A", "direct"),
                ("Contoso", "FR", "B", "direct"),
                ("Contoso", "FR", "C", "direct"),
            ],
        );
        let mut draft = Draft::default();
        import_into(&mut draft, std::slice::from_ref(&file));
        assert_eq!(draft.input.customer.name, "Contoso");
        assert_eq!(draft.input.customer.country.as_deref(), Some("FR"));
        assert_eq!(draft.name, "Contoso");

        let mut named = Draft { name: "Q3 move".into(), ..Draft::default() };
        named.input.customer.name = "Fabrikam GmbH".into();
        named.input.customer.country = Some("DE".into());
        import_into(&mut named, &[file]);
        assert_eq!(named.input.customer.name, "Fabrikam GmbH");
        assert_eq!(named.input.customer.country.as_deref(), Some("DE"));
        assert_eq!(named.name, "Q3 move");
        assert_eq!(
            most_common(["b", " a ", "b", "a", ""].into_iter()),
            Some("b".into()),
            "ties: the last in sort order"
        );
        assert_eq!(most_common(["", "  "].into_iter()), None);
    }

    #[test]
    fn a_forgotten_file_leaves_the_draft_and_the_counts() {
        let mut draft = Draft::default();
        import_into(&mut draft, &[template("a.csv", &[("Contoso", "FR", "A", "direct")])]);
        import_into(
            &mut draft,
            &[template("b.csv", &[("Contoso", "FR", "B", "direct"), ("Contoso", "FR", "C", "")])],
        );
        assert_eq!(draft.import.report.imported, 3);
        forget_file(&mut draft, "b.csv");
        assert_eq!(ids(&draft), ["A"]);
        assert_eq!(draft.import.report.imported, 1);
        assert_eq!(draft.import.report.rows_read, 1);
        assert!(draft.import.report.issues.iter().all(|issue| issue.file == "a.csv"));
    }

    #[test]
    fn outcomes_imported_apart_are_listed_in_the_files_order() {
        let order = ["a.csv".to_string(), "b.csv".to_string()];
        let mut outcome =
            import_files(&[template("b.csv", &[("Contoso", "FR", "B", "")])], &ImportOptions::default());
        let first =
            import_files(&[template("a.csv", &[("Contoso", "FR", "A", "")])], &ImportOptions::default());
        outcome.absorb(first, &order);
        let files: Vec<&str> = outcome.report.formats.iter().map(|file| file.file.as_str()).collect();
        assert_eq!(files, ["a.csv", "b.csv"]);
        assert_eq!(outcome.report.imported, 2);
        assert!(outcome.report.issues.windows(2).all(|pair| pair[0].file <= pair[1].file));
        assert_eq!(outcome.subscriptions.len(), 2);
    }

    #[test]
    fn a_corrected_row_takes_the_rejected_rows_place_with_a_unique_id() {
        let mut file = template("a.csv", &[("Contoso", "FR", "A", "direct")]);
        // A second row with no product, SKU or id: rejected.
        file.bytes.extend_from_slice(
            b"\r\nContoso,FR,,,,,5,5,P1Y,monthly,2025-07-01,2026-06-30,true,active,direct,,",
        );
        let mut draft = Draft::default();
        import_into(&mut draft, std::slice::from_ref(&file));
        assert_eq!(draft.import.report.rejected, 1);
        let row = draft.import.report.rejected_rows[0].clone();
        let mut cells = row.cells.clone();
        // Fixed with the id of the first row, and the product.
        cells[2] = "A".into();
        cells[3] = "Office 365 E1".into();
        let outcome = crate::import::retry_rejected_row(
            &RejectedRow { cells, ..row.clone() },
            &ImportOptions::default(),
        );
        assert_eq!(outcome.subscriptions.len(), 1);
        let unknown = replace_rejected_row(&mut draft, &row, outcome);
        assert!(unknown.is_empty());
        assert_eq!(ids(&draft), ["A", "A#2"]);
        let report = &draft.import.report;
        assert_eq!((report.rejected, report.imported), (0, 2));
        assert!(report.rejected_rows.is_empty());
        assert_eq!(duplicate_issues(report).len(), 1);
        assert_eq!(duplicate_issues(report)[0].1, Some(row.line));
    }
}
