//! Every JSON file the app writes opens again through the decoder the app's
//! import uses (`decode_file`, behind the drafts list and the import step): the
//! draft file, the stored value ("download the raw value") and the plan export,
//! for the demo and for a draft with imported data, in both languages.

use chrono::NaiveDate;

use csp_planner::catalog::Catalog;
use csp_planner::cost::CostPlan;
use csp_planner::draft::sample::sample_draft;
use csp_planner::draft::{decode_file, encode_file, encode_stored, Draft};
use csp_planner::export::json::plan_with_draft_json;
use csp_planner::i18n::Lang;
use csp_planner::model::{BillingChoice, LineOverride};
use csp_planner::plan::{make_plan, Plan};

fn demo_draft() -> Draft {
    let as_of = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap_or_default();
    let mut draft =
        Draft::new("d1764720000000-demo".into(), 1_764_720_000_000, csp_planner::demo::demo_input(as_of));
    draft.name = "Contoso « vite »".into();
    draft
}

/// The money view of a draft's plan, as the export step writes it beside the plan.
fn cost_of(plan: &Plan, draft: &Draft) -> CostPlan {
    csp_planner::cost::assess(plan, &draft.input, Catalog::builtin())
}

fn with_edits(mut draft: Draft) -> Draft {
    let id = draft.input.subscriptions[0].subscription_id.clone();
    let note = Some("keep the annual term; \"urgent\"".to_string());
    let billing = Some(BillingChoice::MonthlyTerm);
    draft
        .input
        .overrides
        .insert(id, LineOverride { seats: Some(7), note, billing, ..LineOverride::default() });
    draft.input.settings.billing_default = BillingChoice::AnnualUpfront;
    // Service plans as Graph gives them, one turned off, and a cheaper suite refused.
    draft.input.subscriptions[0].service_plans = vec![
        csp_planner::model::ServicePlanUse {
            id: "efb87545-963c-4e0d-99df-69c6916d9eb0".into(),
            name: "EXCHANGE_S_ENTERPRISE".into(),
            status: "Success".into(),
        },
        csp_planner::model::ServicePlanUse {
            id: "8e0c0a52-6a6c-4d40-8370-dd62790dcd70".into(),
            name: "THREAT_INTELLIGENCE".into(),
            status: "Disabled".into(),
        },
    ];
    let id = draft.input.subscriptions[0].subscription_id.clone();
    if let Some(line) = draft.input.overrides.get_mut(&id) {
        line.optimisations
            .insert(csp_planner::model::Optimisation::CheaperSuite, csp_planner::model::Decision::Refused);
    }
    draft
}

fn drafts() -> Vec<(&'static str, Draft)> {
    vec![("demo", with_edits(demo_draft())), ("imported", with_edits(sample_draft(40)))]
}

#[test]
fn a_plan_json_export_imports_back_as_its_draft() {
    for (name, draft) in drafts() {
        let plan = make_plan(&draft.input, Catalog::builtin());
        for lang in [Lang::En, Lang::Fr] {
            let text = plan_with_draft_json(&plan, &cost_of(&plan, &draft), &draft, lang, 1_764_720_123_000);
            let envelope = decode_file(&text).unwrap_or_else(|error| panic!("{name} {lang:?}: {error:?}"));
            assert_eq!(envelope.draft, draft, "{name} {lang:?}");
            assert_eq!(envelope.saved_at_ms, 1_764_720_123_000);
        }
    }
}

#[test]
fn a_draft_file_and_a_stored_value_import_back_as_their_draft() {
    for (name, draft) in drafts() {
        let file = encode_file(&draft, 5);
        assert_eq!(decode_file(&file).map(|envelope| envelope.draft), Ok(draft.clone()), "{name} file");
        let stored = encode_stored(&draft, 6, "tab-1");
        assert_eq!(decode_file(&stored).map(|envelope| envelope.draft), Ok(draft), "{name} stored");
    }
}

#[test]
fn a_plan_export_opened_and_exported_again_gives_the_same_file() {
    let draft = with_edits(demo_draft());
    let plan = make_plan(&draft.input, Catalog::builtin());
    let first = plan_with_draft_json(&plan, &cost_of(&plan, &draft), &draft, Lang::Fr, 9);
    let reopened = decode_file(&first).map(|envelope| envelope.draft).unwrap_or_default();
    let replanned = make_plan(&reopened.input, Catalog::builtin());
    let again = plan_with_draft_json(&replanned, &cost_of(&replanned, &reopened), &reopened, Lang::Fr, 9);
    assert_eq!(again, first);
}
