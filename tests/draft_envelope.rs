//! Drafts as files and as stored values: exact round trips, every past schema
//! version (the fixtures in tests/fixtures/drafts/), and the inputs that are not a
//! draft, come from a newer version or are damaged.

use std::fs;
use std::path::Path;

use csp_planner::draft::sample::sample_draft;
use csp_planner::draft::{
    decode_file, encode_file, encode_stored, entry_bytes, export_file_name, read_stored, utf16_units,
    DecodeError, Draft, APP_VERSION, ORIGIN_QUOTA_BYTES, SCHEMA_VERSION,
};

fn fixtures() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/drafts")
}

#[test]
fn a_draft_file_round_trips_exactly() {
    let mut draft = sample_draft(300);
    draft.name = "Tabs\tquotes \" backslash \\ emoji 🚀 and French « déjà »".into();
    draft.input.subscriptions[0].unit_price = Some(0.1 + 0.2);
    let file = encode_file(&draft, 1_795_000_123_456);
    let envelope = decode_file(&file).expect("the file decodes");
    assert_eq!(envelope.draft, draft);
    assert_eq!(envelope.schema_version, SCHEMA_VERSION);
    assert_eq!(envelope.app_version, APP_VERSION);
    assert_eq!(envelope.saved_at_ms, 1_795_000_123_456);
    // Exporting the imported draft again gives the very same file.
    assert_eq!(encode_file(&envelope.draft, envelope.saved_at_ms), file);
}

#[test]
fn a_stored_draft_round_trips_exactly_and_lists_without_unpacking() {
    let draft = sample_draft(500);
    let stored = encode_stored(&draft, 42, "tab-1");
    let read = read_stored(&stored).expect("the stored value reads");
    assert_eq!(read.summary, draft.summary());
    assert_eq!(read.summary.subscriptions, 500);
    assert_eq!((read.saved_at_ms, read.writer.as_str()), (42, "tab-1"));
    assert_eq!(read.open(), Ok(draft.clone()));
    // A stored value is also a valid draft file (what "download the raw value" gives).
    assert_eq!(decode_file(&stored).map(|envelope| envelope.draft), Ok(draft));
}

#[test]
fn a_plan_export_that_embeds_the_draft_imports_as_that_draft() {
    let draft = sample_draft(20);
    let envelope: serde_json::Value = serde_json::from_str(&encode_file(&draft, 7)).unwrap();
    let plan_export = serde_json::json!({
        "format": "csp-planner-plan",
        "plan": {"customers": [], "checklist": []},
        "draft": envelope,
    });
    assert_eq!(decode_file(&plan_export.to_string()).map(|envelope| envelope.draft), Ok(draft));
}

#[test]
fn texts_that_are_not_drafts_say_so() {
    for text in [
        "customer,product,seats\nContoso,E3,10\n",
        "",
        "{}",
        "[1, 2, 3]",
        "\"just a string\"",
        "{\"plan\": {\"customers\": []}}",
        "{\"draft\": {\"id\": \"no envelope\"}}",
        "\u{89}PNG\r\n\u{1a}\n binary",
    ] {
        assert_eq!(decode_file(text), Err(DecodeError::NotADraft), "{text:?}");
    }
}

#[test]
fn a_draft_from_a_newer_schema_names_the_versions() {
    let file = encode_file(&sample_draft(3), 1).replacen(
        &format!("\"schema_version\": {SCHEMA_VERSION}"),
        &format!("\"schema_version\": {}", SCHEMA_VERSION + 7),
        1,
    );
    let file = file.replacen(&format!("\"app_version\": \"{APP_VERSION}\""), "\"app_version\": \"9.4.0\"", 1);
    assert_eq!(
        decode_file(&file),
        Err(DecodeError::NewerSchema {
            found: SCHEMA_VERSION + 7,
            supported: SCHEMA_VERSION,
            app_version: "9.4.0".into()
        })
    );
    // The same in storage: listed, never opened.
    let stored = encode_stored(&sample_draft(3), 1, "tab").replacen(
        &format!("\"schema_version\":{SCHEMA_VERSION}"),
        &format!("\"schema_version\":{}", SCHEMA_VERSION + 1),
        1,
    );
    assert!(matches!(read_stored(&stored), Err(DecodeError::NewerSchema { .. })));
}

#[test]
fn damaged_drafts_are_reported_with_what_is_wrong() {
    let file = encode_file(&sample_draft(5), 1);
    let cut = &file[..file.len() / 2];
    assert!(matches!(decode_file(cut), Err(DecodeError::Damaged(reason)) if reason.contains("line")));

    let no_draft =
        serde_json::json!({"schema_version": 1, "app_version": "0.1.0", "saved_at_ms": 1}).to_string();
    assert!(matches!(decode_file(&no_draft), Err(DecodeError::Damaged(_))));

    let bad_version =
        file.replacen(&format!("\"schema_version\": {SCHEMA_VERSION}"), "\"schema_version\": \"one\"", 1);
    assert!(matches!(decode_file(&bad_version), Err(DecodeError::Damaged(_))));

    let wrong_type = file.replacen("\"seats_total\": ", "\"seats_total\": \"many\", \"x\": ", 1);
    assert!(
        matches!(decode_file(&wrong_type), Err(DecodeError::Damaged(reason)) if reason.contains("draft does not read"))
    );

    let stored = encode_stored(&sample_draft(50), 1, "tab");
    let at = stored.len() - 200;
    let boundary = (at..stored.len()).find(|index| stored.is_char_boundary(*index)).unwrap();
    let mut garbled = stored[..boundary].to_string();
    garbled.push_str(&"\u{4e00}".repeat(30));
    garbled.push_str(&stored[stored.len() - 2..]);
    let read = read_stored(&garbled).expect("the summary still reads");
    assert!(matches!(read.open(), Err(DecodeError::Damaged(_))));

    assert!(matches!(read_stored("{\"schema_version\":1,\"draft\":"), Err(DecodeError::Damaged(_))));
    assert_eq!(read_stored("not json at all").err(), Some(DecodeError::NotADraft));
}

#[test]
fn every_past_and_current_schema_version_opens() {
    let mut seen = Vec::new();
    for entry in fs::read_dir(fixtures()).expect("tests/fixtures/drafts exists") {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if name.ends_with(".md") {
            continue;
        }
        let text = fs::read_to_string(&path).unwrap();
        let draft: Draft = if name.ends_with("-stored.txt") {
            read_stored(&text).and_then(|stored| stored.open())
        } else {
            decode_file(&text).map(|envelope| envelope.draft)
        }
        .unwrap_or_else(|error| panic!("{name} does not open: {error:?}"));
        // What every fixture holds (see tests/fixtures/drafts/README.md).
        assert_eq!(draft.id, "d1795000000000-fixture", "{name}");
        assert_eq!(draft.input.customer.name, "Contoso Ltd", "{name}");
        assert_eq!(draft.input.subscriptions.len(), 3, "{name}");
        assert_eq!(draft.input.subscriptions[1].seats_total, 25, "{name}");
        assert_eq!(draft.input.overrides.len(), 1, "{name}");
        // Version 1 holds French notes, a field drafts no longer have: skipped, not an error
        // (readable in the plain file; the stored one is packed).
        if name == "v1-file.json" {
            assert!(text.contains("\"notes\": \"Renouvellement"), "{name}");
        }
        // Drafts saved before the money view open with its defaults: no sell price,
        // no price list row, the plan's default billing, no billing chosen per line.
        assert!(draft.input.partner.sell_prices.is_empty() && draft.input.list_prices.is_empty(), "{name}");
        assert_eq!(draft.input.settings.billing_default, csp_planner::model::BillingChoice::AnnualMonthly);
        assert!(draft
            .input
            .overrides
            .values()
            .all(|line| line.billing.is_none() && line.optimisations.is_empty()));
        // Drafts saved before service plans were kept open without them.
        assert!(draft.input.subscriptions.iter().all(|subscription| subscription.service_plans.is_empty()));
        seen.push(name);
    }
    seen.sort();
    for version in 1..=SCHEMA_VERSION {
        assert!(
            seen.contains(&format!("v{version}-file.json")),
            "no file fixture of version {version}: {seen:?}"
        );
        assert!(
            seen.contains(&format!("v{version}-stored.txt")),
            "no stored fixture of version {version}: {seen:?}"
        );
    }
}

#[test]
fn export_file_names_carry_the_customer_and_the_date() {
    let mut draft = sample_draft(1);
    draft.input.customer.name = "Société Générale / Paris  (EU)".into();
    let date = chrono::NaiveDate::from_ymd_opt(2026, 11, 24).unwrap();
    assert_eq!(export_file_name(&draft, date), "draft-societe-generale-paris-eu-2026-11-24.json");
    // The draft file spells the customer as every document of the plan does.
    let plan_file = csp_planner::export::file_name(
        csp_planner::export::FileKind::Json,
        &draft.input.customer.name,
        date,
        csp_planner::i18n::Lang::Fr,
    );
    assert_eq!(plan_file, "migration-plan-societe-generale-paris-eu-2026-11-24.json");
    draft.input.customer.name = "  ".into();
    draft.input.subscriptions.clear();
    draft.name = "***".into();
    assert_eq!(export_file_name(&draft, date), "draft-draft-2026-11-24.json");
}

#[test]
fn sizes_count_utf16_units_of_keys_and_values() {
    assert_eq!(utf16_units("aé€𝄞"), 5);
    assert_eq!(entry_bytes("csp-planner.k", "é𝄞"), 2 * (13 + 3));
}

/// Measures before choosing: plain JSON of 20,000 subscriptions exceeds the
/// origin's quota, the stored (packed) form fits with room for other drafts.
#[test]
fn twenty_thousand_subscriptions_fit_the_quota_only_when_packed() {
    for count in [1_000, 20_000] {
        let draft = sample_draft(count);
        let key = format!("csp-planner.draft.{}", draft.id);
        let plain = serde_json::to_string(&draft).unwrap();
        let stored = encode_stored(&draft, 1, "tab");
        let plain_bytes = entry_bytes(&key, &plain);
        let stored_bytes = entry_bytes(&key, &stored);
        println!(
            "{count} subscriptions: plain JSON {plain_bytes} bytes ({:.0}% of the quota), stored {stored_bytes} bytes ({:.1}% of the quota, {:.1}x smaller)",
            100.0 * plain_bytes as f64 / ORIGIN_QUOTA_BYTES as f64,
            100.0 * stored_bytes as f64 / ORIGIN_QUOTA_BYTES as f64,
            plain_bytes as f64 / stored_bytes as f64,
        );
        assert_eq!(read_stored(&stored).and_then(|stored| stored.open()), Ok(draft));
        if count == 20_000 {
            assert!(plain_bytes > ORIGIN_QUOTA_BYTES, "plain JSON would fit: no need to pack");
            assert!(stored_bytes < ORIGIN_QUOTA_BYTES / 2, "the packed draft takes {stored_bytes} bytes");
        }
    }
}

/// Freezes the fixtures of the current schema version (run once per version with
/// `cargo test --test draft_envelope -- --ignored`); never overwrites a fixture.
#[test]
#[ignore]
fn write_the_fixtures_of_the_current_schema_version() {
    let mut draft = sample_draft(3);
    draft.id = "d1795000000000-fixture".into();
    draft.name = "Contoso Ltd migration".into();
    draft.input.customer.name = "Contoso Ltd".into();
    draft.input.subscriptions[1].seats_total = 25;
    draft.input.overrides = draft.input.overrides.into_iter().take(1).collect();
    for (name, text) in [
        (format!("v{SCHEMA_VERSION}-file.json"), encode_file(&draft, 1_795_000_100_000)),
        (format!("v{SCHEMA_VERSION}-stored.txt"), encode_stored(&draft, 1_795_000_100_000, "fixture-tab")),
    ] {
        let path = fixtures().join(name);
        if !path.exists() {
            fs::write(path, text).unwrap();
        }
    }
}
