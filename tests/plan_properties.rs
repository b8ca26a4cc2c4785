//! Properties every plan has, whatever the input: one line per subscription, seats
//! conserved unless overridden, no purchase after the data-at-risk date without a
//! blocker, the same plan for the same input, and no panic.

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};
use csp_planner::catalog::Catalog;
use csp_planner::export::json::plan_to_json;
use csp_planner::export::markdown::to_markdown;
use csp_planner::export::report::partner_report;
use csp_planner::i18n::Lang;
use csp_planner::model::*;
use csp_planner::plan::make_plan;
use proptest::prelude::*;

const SKU_IDS: &[&str] = &[
    "cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46",
    "f245ecc8-75af-4f8e-b61f-27d8114de5f3",
    "3b555118-da6a-4418-894f-7df1e2096870",
    "6fd2c87f-b296-42f0-b197-1e91e994b900",
    "05e9a617-0261-4cee-bb44-138d3ef5d965",
    "4B9405B0-7788-4568-ADD1-99614E613B69 ",
    "16ddbbfc-09ea-4de2-b1d7-312db6112d70",
    "c7df2760-2c81-4ef7-b578-5b5392b571df",
    // Add-ons: Microsoft 365 Copilot, Teams Phone Standard (ADDON-BASE).
    "639dec6b-bb19-468b-871c-c5c441c4b0cb",
    "e43b5b99-8dfb-405f-9987-dc307f34bcbd",
    "not-a-guid",
    "",
];
const PART_NUMBERS: &[&str] =
    &["SPB", "ENTERPRISEPACK", "MCOPSTN5", "O365_BUSINESS_PREMIUM", "unknown_part", " spe_e3 "];
const COUNTRIES: &[&str] = &["FR", "de", "US", "GB", "", "XX", "Türkiye", "RU", " fr "];

fn base_date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 24).unwrap_or_default()
}

fn shifted(days: i64) -> NaiveDate {
    let base = base_date();
    let magnitude = Days::new(days.unsigned_abs());
    if days >= 0 { base.checked_add_days(magnitude) } else { base.checked_sub_days(magnitude) }
        .unwrap_or(base)
}

fn date() -> impl Strategy<Value = NaiveDate> {
    prop_oneof![8 => (-800i64..1200).prop_map(shifted), 1 => Just(NaiveDate::MAX), 1 => Just(NaiveDate::MIN)]
}

fn pick<T: Clone + std::fmt::Debug + 'static>(items: &'static [T]) -> impl Strategy<Value = T> {
    prop::sample::select(items)
}

fn channel() -> impl Strategy<Value = Channel> {
    pick(&Channel::ALL)
}

fn status() -> impl Strategy<Value = SubscriptionStatus> {
    pick(&[
        SubscriptionStatus::Active,
        SubscriptionStatus::Warning,
        SubscriptionStatus::Suspended,
        SubscriptionStatus::Expired,
        SubscriptionStatus::Disabled,
        SubscriptionStatus::Deleted,
        SubscriptionStatus::LockedOut,
        SubscriptionStatus::Pending,
        SubscriptionStatus::Unknown,
    ])
}

fn price() -> impl Strategy<Value = Option<f64>> {
    prop_oneof![
        3 => Just(None),
        3 => (0.0f64..500.0).prop_map(Some),
        1 => pick(&[f64::NAN, f64::INFINITY, -3.0, 1e308]).prop_map(Some),
    ]
}

fn subscription() -> impl Strategy<Value = Subscription> {
    (
        (
            pick(&["", "Contoso", "contoso ", "Fabrikam"]),
            prop::option::of(pick(COUNTRIES)),
            prop::option::of(pick(SKU_IDS)),
            prop::option::of(pick(PART_NUMBERS)),
        ),
        (
            ".{0,12}",
            prop_oneof![9 => 0u32..400, 1 => Just(u32::MAX)],
            prop::option::of(0u32..400),
            status(),
            channel(),
        ),
        (
            prop::option::of(date()),
            any::<bool>(),
            prop::option::of(any::<bool>()),
            any::<bool>(),
            price(),
            prop::option::of(pick(&["a", "b"])),
        ),
        pick(&[
            BillingFrequency::Monthly,
            BillingFrequency::Annual,
            BillingFrequency::Triennial,
            BillingFrequency::Unknown,
        ]),
        (prop::bool::weighted(0.15), prop::option::of(0usize..26)),
    )
        .prop_map(
            |(
                (customer, country, sku_id, part),
                (product, seats, assigned, status, channel),
                (term_end, estimated, auto_renew, trial, unit_price, owner),
                billing,
                (add_on, base),
            )| {
                Subscription {
                    customer: customer.to_string(),
                    tenant_country: country.map(str::to_string),
                    sku_id: sku_id.map(str::to_string),
                    sku_part_number: part.map(str::to_string),
                    product,
                    seats_total: seats,
                    seats_assigned: assigned,
                    status,
                    channel,
                    term_end,
                    term_end_estimated: estimated,
                    auto_renew,
                    trial,
                    unit_price,
                    currency: unit_price.map(|_| "EUR".to_string()),
                    owner_tenant_id: owner.map(str::to_string),
                    billing,
                    add_on,
                    // Ids are S0, S1, ...: some name a line, some none, some the add-on itself.
                    base_subscription_id: base.map(|index| format!("S{index}")),
                    ..Subscription::default()
                }
            },
        )
}

fn line_override() -> impl Strategy<Value = LineOverride> {
    (
        prop::option::of(pick(&["46c3a859-c90d-40b3-9551-6178a48d5c18", "SPB", "no such sku"])),
        prop::option::of(0u32..500),
        prop::option::of(date()),
        prop::option::of(pick(&MigrationPath::ALL)),
        any::<bool>(),
    )
        .prop_map(|(target_sku_id, seats, purchase_on, path, excluded)| LineOverride {
            target_sku_id: target_sku_id.map(str::to_string),
            seats,
            purchase_on,
            path,
            excluded,
            note: None,
            ..LineOverride::default()
        })
}

fn plan_input() -> impl Strategy<Value = PlanInput> {
    (
        prop::collection::vec(subscription(), 0..24),
        prop::collection::vec(prop::option::of(line_override()), 24),
        (prop::option::of(pick(COUNTRIES)), prop::option::of(pick(COUNTRIES))),
        (
            pick(&[RelationshipStatus::None, RelationshipStatus::Requested, RelationshipStatus::Accepted]),
            any::<bool>(),
            any::<bool>(),
        ),
        (date(), prop_oneof![0u32..30, Just(u32::MAX)], prop_oneof![0u32..20, Just(u32::MAX)]),
        any::<bool>(),
    )
        .prop_map(
            |(
                mut subscriptions,
                overrides,
                (partner_country, customer_country),
                (relationship, mca_accepted, gdap_active),
                (as_of, acceptance_days, purchase_lead_days),
                duplicate_ids,
            )| {
                for (index, subscription) in subscriptions.iter_mut().enumerate() {
                    // Ids are unique in real inputs; some cases repeat them to check nothing breaks.
                    subscription.subscription_id =
                        if duplicate_ids { format!("S{}", index % 3) } else { format!("S{index}") };
                    // A source position of its own, which tells its plan line apart when ids repeat.
                    subscription.source.line = index as u32 + 1;
                    subscription.billing_account = BillingAccount::ALL[index % BillingAccount::ALL.len()];
                    subscription.term_start =
                        subscription.term_end.and_then(|end| end.checked_sub_days(Days::new(365)));
                }
                let overrides: BTreeMap<String, LineOverride> = subscriptions
                    .iter()
                    .zip(overrides)
                    .filter_map(|(subscription, line_override)| {
                        line_override
                            .map(|line_override| (subscription.subscription_id.clone(), line_override))
                    })
                    .collect();
                PlanInput {
                    customer: CustomerProfile {
                        name: "Contoso".into(),
                        tenant_id: None,
                        country: customer_country.map(str::to_string),
                    },
                    partner: PartnerProfile {
                        name: "Partner".into(),
                        country: partner_country.map(str::to_string),
                        relationship,
                        mca_accepted,
                        gdap: if gdap_active { GdapStatus::Active } else { GdapStatus::None },
                        gdap_roles: if gdap_active {
                            vec![GdapRole::ServiceSupportAdministrator]
                        } else {
                            Vec::new()
                        },
                        ..PartnerProfile::default()
                    },
                    settings: PlanSettings {
                        as_of,
                        acceptance_days,
                        purchase_lead_days,
                        ..PlanSettings::default()
                    },
                    subscriptions,
                    overrides,
                    ..PlanInput::default()
                }
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn every_subscription_appears_in_exactly_one_line(input in plan_input()) {
        let plan = make_plan(&input, Catalog::builtin());
        let mut planned: Vec<&str> = plan.lines().map(|line| line.subscription_id.as_str()).collect();
        let mut given: Vec<&str> = input.subscriptions.iter().map(|subscription| subscription.subscription_id.as_str()).collect();
        planned.sort_unstable();
        given.sort_unstable();
        prop_assert_eq!(planned, given);
    }

    #[test]
    fn seats_are_conserved_unless_overridden(input in plan_input()) {
        let plan = make_plan(&input, Catalog::builtin());
        prop_assert_eq!(plan.lines().count(), input.subscriptions.len());
        // Every subscription has its own source line (see `plan_input`): the expectation
        // comes from the subscription, never from the plan line itself.
        for subscription in &input.subscriptions {
            let line = plan.lines().find(|line| line.source.line == subscription.source.line);
            prop_assert!(line.is_some(), "subscription at line {} has no plan line", subscription.source.line);
            let Some(line) = line else { continue };
            let expected = input
                .overrides
                .get(&subscription.subscription_id)
                .and_then(|line_override| line_override.seats)
                .unwrap_or(subscription.seats_total);
            prop_assert_eq!(line.seats, expected, "line {}", &line.subscription_id);
            prop_assert_eq!(line.seats_source_total, subscription.seats_total, "line {}", &line.subscription_id);
        }
    }

    #[test]
    fn no_purchase_after_the_data_at_risk_date_without_a_blocker(input in plan_input()) {
        let plan = make_plan(&input, Catalog::builtin());
        for line in plan.lines() {
            if let (Some(purchase_on), Some(deadline)) = (line.dates.purchase_on, line.dates.data_at_risk_after) {
                if purchase_on > deadline {
                    prop_assert!(line.has_blocker(), "{} buys on {} after {} without a blocker", &line.subscription_id, purchase_on, deadline);
                }
            }
        }
    }

    #[test]
    fn no_date_of_a_line_precedes_the_step_it_depends_on(input in plan_input()) {
        let plan = make_plan(&input, Catalog::builtin());
        let far = |date: NaiveDate| date == NaiveDate::MAX || date == NaiveDate::MIN;
        for line in plan.lines() {
            let dates = &line.dates;
            let id = &line.subscription_id;
            // Dates clamped at chrono's ends cannot keep their order; real plans never get there.
            if [dates.term_end, dates.purchase_on, dates.transfer_on].into_iter().flatten().any(|date| far(date) || (date - plan.as_of).num_days().abs() > 100_000) {
                continue;
            }
            let chosen_purchase = input.overrides.get(id).and_then(|line_override| line_override.purchase_on).is_some();
            if let (Some(purchase_on), Some(cutover_on)) = (dates.purchase_on, dates.cutover_on) {
                prop_assert!(cutover_on >= purchase_on, "{id}: cut-over {cutover_on} before the purchase {purchase_on}");
            }
            if let (Some(purchase_on), Some(window)) = (dates.purchase_on, dates.cancel_window_ends) {
                prop_assert!(window >= purchase_on, "{id}: cancel window {window} before the purchase {purchase_on}");
            }
            if let (Some(term_end), Some(cutover_on)) = (dates.term_end, dates.cutover_on) {
                prop_assert!(cutover_on > term_end, "{id}: cut-over {cutover_on} not after the term end {term_end}");
            }
            if let (Some(term_end), Some(access), Some(data)) = (dates.term_end, dates.users_lose_access_after, dates.data_at_risk_after) {
                prop_assert!(term_end <= access && access <= data, "{id}: {term_end} / access {access} / data {data}");
            }
            if let (Some(transfer_on), Some(fallback_on)) = (dates.transfer_on, dates.fallback_on) {
                prop_assert!(fallback_on >= transfer_on, "{id}: fallback {fallback_on} before the transfer {transfer_on}");
            }
            for (name, date) in [("auto-renew off", dates.auto_renew_off_by), ("transfer", dates.transfer_on)] {
                if let Some(date) = date {
                    prop_assert!(date >= plan.as_of, "{id}: {name} on {date} before the plan date {}", plan.as_of);
                }
            }
            if let (Some(purchase_on), false) = (dates.purchase_on, chosen_purchase) {
                prop_assert!(purchase_on >= plan.as_of, "{id}: purchase {purchase_on} before the plan date");
            }
        }
    }

    #[test]
    fn an_add_on_follows_its_base(input in plan_input()) {
        let plan = make_plan(&input, Catalog::builtin());
        for customer in &plan.customers {
            let line_of = |id: &str| {
                let mut found = customer.lines.iter().filter(|line| line.subscription_id == id);
                // Repeated ids name no line for sure.
                match (found.next(), found.next()) {
                    (Some(line), None) => Some(line),
                    _ => None,
                }
            };
            for line in &customer.lines {
                let Some(add_on) = &line.add_on else { continue };
                let id = &line.subscription_id;
                if line_of(id).is_none() {
                    continue; // a repeated id: which line a base names is not for sure
                }
                let chosen = input.overrides.get(id).cloned().unwrap_or_default();
                if chosen.path.is_some() || chosen.excluded || line.path == MigrationPath::NotMigrated {
                    continue;
                }
                let Some(base) = add_on.base_subscription_id.as_deref().and_then(line_of) else {
                    // No base: the add-on cannot move, and says why.
                    if add_on.base_subscription_id.is_none() {
                        prop_assert_eq!(line.path, MigrationPath::Blocked, "{} has no base but is not blocked", id);
                        prop_assert!(line.findings.iter().any(|finding| finding.is_blocker() && finding.rule.code() == "ADDON-BASE"), "{}", id);
                    }
                    continue;
                };
                // Only a file names an add-on as a base (a calling plan on Teams Phone).
                if base.is_add_on() {
                    prop_assert!(input.subscriptions.iter().any(|subscription| &subscription.subscription_id == id && subscription.base_subscription_id.is_some()), "{}: the planner chose the add-on {} as its base", id, base.subscription_id);
                }
                if matches!(base.path, MigrationPath::NotMigrated | MigrationPath::Blocked) {
                    prop_assert_eq!(line.path, MigrationPath::Blocked, "{}: its base {} does not move", id, base.subscription_id);
                }
                let base_in_csp = match base.path {
                    MigrationPath::PartnerTransfer => base.dates.transfer_on,
                    _ => base.dates.purchase_on.or(base.dates.transfer_on),
                };
                if let (Some(purchase_on), Some(base_on), None) = (line.dates.purchase_on, base_in_csp, chosen.purchase_on) {
                    prop_assert!(purchase_on >= base_on, "{}: bought {} before its base {} is in CSP on {}", id, purchase_on, base.subscription_id, base_on);
                }
                let owner = |wanted: &str| input.subscriptions.iter().find(|subscription| subscription.subscription_id == wanted).map(|subscription| subscription.owner_tenant_id.clone().unwrap_or_default().trim().to_ascii_lowercase());
                if let (Some(batch), Some(base_batch), true) = (line.transfer_batch, base.transfer_batch, owner(id) == owner(&base.subscription_id)) {
                    prop_assert_eq!(batch, base_batch, "{}: not in its base's transfer batch", id);
                }
                // In a step naming both, the base comes first.
                for step in &customer.checklist {
                    let place = |wanted: &str| step.subscription_ids.iter().position(|id| id == wanted);
                    if let (Some(add_on_at), Some(base_at)) = (place(id), place(&base.subscription_id)) {
                        prop_assert!(base_at < add_on_at, "{}: listed before its base in step {}", id, step.order);
                    }
                }
            }
        }
    }

    #[test]
    fn key_dates_cover_every_line_that_moves_or_is_blocked(input in plan_input()) {
        let plan = make_plan(&input, Catalog::builtin());
        for customer in &plan.customers {
            let planned = customer.lines.iter().filter(|line| line.is_migrated() || line.path == MigrationPath::Blocked);
            let earliest = planned.filter_map(|line| line.dates.data_at_risk_after).min();
            prop_assert_eq!(customer.key_dates.earliest_data_at_risk_after, earliest);
            let seats = &customer.seats;
            prop_assert_eq!(seats.to_move, seats.moved + seats.blocked);
            prop_assert_eq!(seats.left_out, seats.left_out_free_or_trial + seats.left_out_ended + seats.left_out_by_user + seats.left_out_not_seat_based);
        }
    }

    #[test]
    fn the_same_input_gives_the_same_plan(input in plan_input()) {
        let catalog = Catalog::builtin();
        let (first, second) = (make_plan(&input, catalog), make_plan(&input.clone(), catalog));
        prop_assert_eq!(plan_to_json(&first, Lang::Fr), plan_to_json(&second, Lang::Fr));
        prop_assert_eq!(first, second);
    }

    #[test]
    fn no_input_makes_the_planner_or_its_renderings_panic(input in plan_input()) {
        let plan = make_plan(&input, Catalog::builtin());
        let cost = csp_planner::cost::assess(&plan, &input, Catalog::builtin());
        for lang in Lang::ALL {
            let json = plan_to_json(&plan, lang);
            prop_assert!(json.get("schema_version").is_some());
            prop_assert!(!to_markdown(&partner_report(&plan, &input, &cost, lang)).is_empty());
        }
    }
}
