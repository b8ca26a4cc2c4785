//! The cost view: golden plans with prices from each source, in mixed
//! currencies and from Graph's service plans (`tests/golden/cost/<case>.json`,
//! rewritten by `UPDATE_GOLDEN=1`),
//! and properties over random plans: totals are the sums of their lines, no
//! total mixes currencies, and a choice the user makes is what a line is priced at.

#![allow(clippy::expect_used, reason = "test helpers fail the test by panicking")]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use csp_planner::catalog::Catalog;
use csp_planner::cost::{assess, CostPlan, Money, PriceOrigin};
use csp_planner::export::letter::customer_letter;
use csp_planner::export::markdown::to_markdown;
use csp_planner::i18n::Lang;
use csp_planner::model::{
    BillingChoice, BillingFrequency, Channel, CustomerProfile, Decision, LineOverride, ListPrice,
    Optimisation, PartnerProfile, PlanInput, PlanSettings, SellPrice, SourceRef, Subscription,
    SubscriptionStatus, Term,
};
use csp_planner::plan::make_plan;
use proptest::prelude::*;

const BUSINESS_PREMIUM: &str = "cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46";
const M365_E3: &str = "dcf0408c-aaec-446c-afd4-43e3683943ea";
const EXCHANGE_PLAN_1: &str = "4b9405b0-7788-4568-add1-99614e613b69";
const ENTRA_P1: &str = "078d2b04-f1bd-4111-bbd4-b4b1b354cef4";
const BUSINESS_STANDARD: &str = "f245ecc8-75af-4f8e-b61f-27d8114de5f3";
const POWER_BI_PRO: &str = "f8a1db68-be16-40ed-86d5-cb42ce701560";

fn day(text: &str) -> NaiveDate {
    text.parse().expect("a test date")
}

fn as_of() -> NaiveDate {
    day("2026-12-03")
}

#[allow(clippy::too_many_arguments)]
fn subscription(
    id: &str,
    customer: &str,
    product: &str,
    sku_id: &str,
    seats: u32,
    assigned: u32,
    price: Option<(f64, &str)>,
    billing: (Term, BillingFrequency),
) -> Subscription {
    Subscription {
        customer: customer.into(),
        tenant_country: Some("FR".into()),
        subscription_id: id.into(),
        product: product.into(),
        sku_id: Some(sku_id.into()),
        seats_total: seats,
        seats_assigned: Some(assigned),
        status: SubscriptionStatus::Active,
        term: billing.0,
        billing: billing.1,
        term_end: Some(day("2027-03-31")),
        auto_renew: Some(true),
        channel: Channel::Direct,
        unit_price: price.map(|(price, _)| price),
        currency: price.map(|(_, currency)| currency.to_string()),
        source: SourceRef { file: "customer.csv".into(), line: 2 },
        ..Subscription::default()
    }
}

fn list_price(
    title: &str,
    billing: (Term, BillingFrequency),
    unit: f64,
    erp: Option<f64>,
    line: u32,
) -> ListPrice {
    ListPrice {
        offer_prefix: String::new(),
        title: title.into(),
        term: billing.0,
        billing: billing.1,
        market: Some("FR".into()),
        currency: "EUR".into(),
        unit_price: unit,
        erp_price: erp,
        source: SourceRef { file: "pricelist.csv".into(), line },
    }
}

fn input(subscriptions: Vec<Subscription>) -> PlanInput {
    PlanInput {
        customer: CustomerProfile {
            name: "Contoso".into(),
            country: Some("FR".into()),
            ..CustomerProfile::default()
        },
        partner: PartnerProfile {
            name: "Partner".into(),
            country: Some("FR".into()),
            ..PartnerProfile::default()
        },
        settings: PlanSettings { as_of: as_of(), ..PlanSettings::default() },
        subscriptions,
        ..PlanInput::default()
    }
}

const ANNUAL_MONTHLY: (Term, BillingFrequency) = (Term::P1Y, BillingFrequency::Monthly);
const ANNUAL_UPFRONT: (Term, BillingFrequency) = (Term::P1Y, BillingFrequency::Annual);
const MONTHLY_TERM: (Term, BillingFrequency) = (Term::P1M, BillingFrequency::Monthly);

/// One customer in euros: a price from each source, one line without any, a
/// billing choice per line, a three-year term asked where the offer has none.
fn sources_case() -> PlanInput {
    let mut input = input(vec![
        subscription(
            "SELL-BP",
            "",
            "Microsoft 365 Business Premium",
            BUSINESS_PREMIUM,
            45,
            41,
            Some((264.0, "EUR")),
            ANNUAL_UPFRONT,
        ),
        subscription(
            "LIST-E3",
            "",
            "Microsoft 365 E3 (no Teams)",
            M365_E3,
            20,
            20,
            Some((36.0, "EUR")),
            ANNUAL_MONTHLY,
        ),
        subscription(
            "FILE-EXO",
            "",
            "Exchange Online (Plan 1)",
            EXCHANGE_PLAN_1,
            8,
            8,
            Some((4.8, "EUR")),
            MONTHLY_TERM,
        ),
        subscription("NONE-AAD", "", "Microsoft Entra ID P1", ENTRA_P1, 10, 10, None, ANNUAL_MONTHLY),
    ]);
    input.partner.sell_prices = vec![SellPrice {
        sku_id: BUSINESS_PREMIUM.into(),
        billing: BillingChoice::AnnualUpfront,
        currency: "EUR".into(),
        monthly_cents: 2_200,
    }];
    input.list_prices = vec![
        list_price("Microsoft 365 Business Premium", ANNUAL_UPFRONT, 247.20, Some(271.92), 2),
        list_price("Microsoft 365 E3 (no Teams)", ANNUAL_UPFRONT, 432.00, Some(475.20), 3),
        list_price("Microsoft 365 E3 (no Teams)", (Term::P3Y, BillingFrequency::Triennial), 1296.00, None, 4),
    ];
    input.settings.billing_default = BillingChoice::AnnualUpfront;
    input.overrides.insert(
        "LIST-E3".into(),
        LineOverride { billing: Some(BillingChoice::TriennialUpfront), ..LineOverride::default() },
    );
    input.overrides.insert(
        "FILE-EXO".into(),
        LineOverride { billing: Some(BillingChoice::TriennialMonthly), ..LineOverride::default() },
    );
    input.overrides.insert(
        "SELL-BP".into(),
        LineOverride {
            seats: Some(41),
            optimisations: BTreeMap::from([(Optimisation::UnassignedSeats, Decision::Accepted)]),
            ..LineOverride::default()
        },
    );
    input
}

/// Two customers, one in euros and one in US dollars, and a line whose CSP price
/// is in another currency than its current price.
fn mixed_currencies_case() -> PlanInput {
    let mut input = input(vec![
        subscription(
            "EUR-BS",
            "Contoso",
            "Microsoft 365 Business Standard",
            BUSINESS_STANDARD,
            12,
            12,
            Some((11.7, "EUR")),
            ANNUAL_MONTHLY,
        ),
        subscription(
            "USD-BS",
            "Fabrikam",
            "Microsoft 365 Business Standard",
            BUSINESS_STANDARD,
            30,
            25,
            Some((12.5, "USD")),
            ANNUAL_MONTHLY,
        ),
        subscription(
            "USD-PBI",
            "Fabrikam",
            "Power BI Pro",
            POWER_BI_PRO,
            5,
            5,
            Some((14.0, "USD")),
            ANNUAL_MONTHLY,
        ),
    ]);
    input.partner.sell_prices = vec![SellPrice {
        sku_id: POWER_BI_PRO.into(),
        billing: BillingChoice::AnnualMonthly,
        currency: "EUR".into(),
        monthly_cents: 1_450,
    }];
    input.list_prices = vec![list_price("Power BI Pro", ANNUAL_UPFRONT, 157.20, Some(172.92), 2)];
    input
}

fn golden_path(case: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/cost").join(format!("{case}.json"))
}

fn check_golden(case: &str, cost: &CostPlan) {
    let text = serde_json::to_string_pretty(cost).expect("a cost view serialises") + "\n";
    let path = golden_path(case);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, &text).expect("golden written");
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        expected == text,
        "{case}: the cost view differs from {}; UPDATE_GOLDEN=1 to accept",
        path.display()
    );
}

fn cost_of(input: &PlanInput) -> CostPlan {
    let plan = make_plan(input, Catalog::builtin());
    assess(&plan, input, Catalog::builtin())
}

#[test]
fn golden_prices_from_each_source() {
    let cost = cost_of(&sources_case());
    check_golden("sources", &cost);
    let line = |id: &str| cost.line(id).expect("a priced line");
    let origin = |id: &str| line(id).components[0].price.as_ref().map(|price| price.origin.clone());
    assert_eq!(origin("SELL-BP"), Some(PriceOrigin::PartnerSellPrice));
    assert_eq!(origin("LIST-E3"), Some(PriceOrigin::PriceListCost { file: "pricelist.csv".into(), line: 4 }));
    assert_eq!(origin("FILE-EXO"), Some(PriceOrigin::SourceFile { file: "customer.csv".into(), line: 2 }));
    assert_eq!(origin("NONE-AAD"), None);
    // The partner's sell price of 22.00 a month, 41 seats, for a year; its cost 247.20 a year.
    assert_eq!(line("SELL-BP").csp_yearly, Some(Money::new(1_082_400, "EUR")));
    assert_eq!(line("SELL-BP").margin_yearly, Some(Money::new(1_082_400 - 1_013_520, "EUR")));
    // Microsoft 365 E3 (no Teams) has a three-year term (TERM-3Y): priced from the list's P3Y row.
    assert_eq!(line("LIST-E3").billing, BillingChoice::TriennialUpfront);
    assert_eq!(line("LIST-E3").csp_yearly, Some(Money::new(20 * 43_200, "EUR")));
    // Exchange has none: the one-year term billed monthly, converted from the
    // customer's monthly-term price (4.80 / 1.2 x 1.05 = 4.20, PRICE-BILLING).
    let exchange = line("FILE-EXO");
    assert!(exchange.billing_fell_back);
    assert_eq!(exchange.billing, BillingChoice::AnnualMonthly);
    assert_eq!(
        exchange.components[0].price.as_ref().and_then(|price| price.converted_from),
        Some(BillingChoice::MonthlyTerm)
    );
    assert_eq!(exchange.csp_yearly, Some(Money::new(8 * 420 * 12, "EUR")));
    assert_eq!(cost.totals.lines_without_csp, 1, "the Entra line has no price and is counted, not filled in");
    // The accepted suggestion is kept, against the source's seats.
    let accepted = &line("SELL-BP").suggestions[0];
    assert_eq!((accepted.kind, accepted.decision), (Optimisation::UnassignedSeats, Some(Decision::Accepted)));
}

#[test]
fn golden_mixed_currencies_are_never_added() {
    let cost = cost_of(&mixed_currencies_case());
    check_golden("mixed-currencies", &cost);
    let currencies: Vec<&str> =
        cost.totals.by_currency.iter().map(|totals| totals.currency.as_str()).collect();
    assert_eq!(currencies, ["EUR", "USD"]);
    let pbi = cost.line("USD-PBI").expect("the Power BI line");
    assert_eq!(pbi.current_yearly, Some(Money::new(5 * 1_400 * 12, "USD")));
    assert_eq!(pbi.csp_yearly, Some(Money::new(5 * 1_450 * 12, "EUR")));
    assert_eq!(pbi.difference_yearly, None, "euros are not compared with dollars");
    // One chart per currency, the main one (dollars: more spent today) first; the
    // Power BI line, dollars today and euros in CSP, is in neither and counted in both.
    let charts: Vec<(&str, i64, usize)> = cost
        .charts
        .iter()
        .map(|chart| (chart.currency.as_str(), chart.today_monthly_cents, chart.lines_left_out))
        .collect();
    assert_eq!(charts, [("USD", 30 * 1_250, 1), ("EUR", 12 * 1_170, 1)]);
}

#[test]
fn a_redundant_exchange_plan_is_flagged_and_dropped_only_once_accepted() {
    let mut input = sources_case();
    let flagged = cost_of(&input);
    let exchange = flagged.line("FILE-EXO").expect("the Exchange line");
    let suggestion = exchange.suggestions.iter().find(|s| s.kind == Optimisation::RedundantStandalone);
    assert!(suggestion.is_some_and(|s| s.decision.is_none()), "{:?}", exchange.suggestions);
    assert!(!exchange.dropped);
    input
        .overrides
        .entry("FILE-EXO".into())
        .or_default()
        .optimisations
        .insert(Optimisation::RedundantStandalone, Decision::Accepted);
    let accepted = cost_of(&input);
    let exchange = accepted.line("FILE-EXO").expect("the Exchange line");
    assert!(exchange.dropped);
    assert_eq!(exchange.csp_yearly.as_ref().map(|money| money.cents), Some(0));
    let open = |cost: &CostPlan| cost.totals.by_currency[0].saving_open_yearly;
    assert!(open(&accepted) < open(&flagged));
}

fn billing_choice() -> impl Strategy<Value = BillingChoice> {
    prop::sample::select(BillingChoice::ALL.to_vec())
}

fn random_input() -> impl Strategy<Value = PlanInput> {
    let skus = [BUSINESS_PREMIUM, M365_E3, EXCHANGE_PLAN_1, ENTRA_P1, BUSINESS_STANDARD, POWER_BI_PRO];
    let line = (
        prop::sample::select(skus.to_vec()),
        1u32..400,
        prop::option::of((0u32..100_000, prop::sample::select(vec!["EUR", "USD", "GBP"]))),
        prop::sample::select(vec![ANNUAL_MONTHLY, ANNUAL_UPFRONT, MONTHLY_TERM]),
        prop::option::of(billing_choice()),
        prop::sample::select(vec!["", "Fabrikam"]),
        0i64..300,
    );
    (
        prop::collection::vec(line, 0..14),
        prop::collection::vec(
            (
                prop::sample::select(skus.to_vec()),
                billing_choice(),
                prop::sample::select(vec!["EUR", "USD"]),
                0i64..10_000,
            ),
            0..6,
        ),
        billing_choice(),
    )
        .prop_map(|(lines, sell, default)| {
            let mut overrides = BTreeMap::new();
            let subscriptions = lines
                .into_iter()
                .enumerate()
                .map(|(index, (sku, seats, price, billing, choice, customer, ends_in))| {
                    let id = format!("S{index}");
                    if let Some(choice) = choice {
                        overrides.insert(
                            id.clone(),
                            LineOverride { billing: Some(choice), ..LineOverride::default() },
                        );
                    }
                    let mut subscription =
                        subscription(&id, customer, "", sku, seats, seats / 2, None, billing);
                    subscription.unit_price = price.map(|(cents, _)| f64::from(cents) / 100.0);
                    subscription.currency = price.map(|(_, currency)| currency.to_string());
                    subscription.term_end = as_of().checked_add_days(chrono::Days::new(ends_in as u64));
                    subscription
                })
                .collect();
            let mut input = input(subscriptions);
            input.overrides = overrides;
            input.settings.billing_default = default;
            input.partner.sell_prices = sell
                .into_iter()
                .map(|(sku, billing, currency, monthly_cents)| SellPrice {
                    sku_id: sku.into(),
                    billing,
                    currency: currency.into(),
                    monthly_cents,
                })
                .collect();
            input.list_prices = vec![
                list_price("Microsoft 365 Business Premium", ANNUAL_UPFRONT, 247.20, Some(271.92), 2),
                list_price("Power BI Pro", ANNUAL_MONTHLY, 13.10, None, 3),
            ];
            input
        })
}

type LineFigure = fn(&csp_planner::cost::LineCost) -> &Option<Money>;
type TotalFigure = fn(&csp_planner::cost::CurrencyTotals) -> i64;

fn sum_by_currency<'a>(amounts: impl Iterator<Item = &'a Option<Money>>) -> BTreeMap<String, i64> {
    let mut sums = BTreeMap::new();
    for money in amounts.flatten() {
        *sums.entry(money.currency.clone()).or_insert(0) += money.cents;
    }
    sums
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn totals_are_the_sums_of_their_lines_one_currency_each(input in random_input()) {
        let cost = cost_of(&input);
        let lines: Vec<_> = cost.lines().collect();
        let checks: [(LineFigure, TotalFigure); 5] = [
            (|line| &line.current_yearly, |totals| totals.current_yearly),
            (|line| &line.csp_yearly, |totals| totals.csp_yearly),
            (|line| &line.margin_yearly, |totals| totals.margin_yearly),
            (|line| &line.overlap_cost, |totals| totals.overlap),
            (|line| &line.difference_yearly, |totals| totals.difference_yearly),
        ];
        for (field, total) in checks {
            let expected = sum_by_currency(lines.iter().map(|line| field(line)));
            for totals in &cost.totals.by_currency {
                prop_assert_eq!(total(totals), expected.get(&totals.currency).copied().unwrap_or(0), "{}", totals.currency);
            }
            for currency in expected.keys() {
                prop_assert!(cost.totals.by_currency.iter().any(|totals| &totals.currency == currency));
            }
        }
        // Each customer's totals add up to the plan's, currency by currency.
        for totals in &cost.totals.by_currency {
            let of_customers: i64 = cost.customers.iter()
                .flat_map(|customer| customer.totals.by_currency.iter())
                .filter(|customer_totals| customer_totals.currency == totals.currency)
                .map(|customer_totals| customer_totals.csp_yearly)
                .sum();
            prop_assert_eq!(of_customers, totals.csp_yearly);
            prop_assert_eq!(totals.first_year, totals.csp_yearly + totals.overlap);
        }
        for line in &lines {
            // A difference or a margin only within one currency.
            if let Some(difference) = &line.difference_yearly {
                prop_assert_eq!(Some(&difference.currency), line.current_yearly.as_ref().map(|money| &money.currency));
                prop_assert_eq!(Some(&difference.currency), line.csp_yearly.as_ref().map(|money| &money.currency));
            }
            if line.margin_yearly.is_some() {
                prop_assert!(line.components.iter().all(|component| component.price.as_ref().is_some_and(|price| price.origin == PriceOrigin::PartnerSellPrice)));
            }
            // The chosen billing is the one priced, but for a three-year term the offer lacks.
            let asked = input.overrides.get(&line.subscription_id).and_then(|o| o.billing).unwrap_or(input.settings.billing_default);
            if !line.billing_kept_by_transfer && !line.billing_fell_back {
                prop_assert_eq!(line.billing, asked);
            }
            if line.billing_fell_back {
                prop_assert!(asked.is_triennial() && !line.three_year_term);
            }
        }
        let missing = lines.iter().filter(|line| line.csp_yearly.is_none() && !line.dropped).count();
        prop_assert_eq!(missing, cost.totals.lines_without_csp);
        // One chart per currency, never two of one, each drawing only its own
        // currency's lines: today's monthly cost is theirs, to the cent.
        let mut currencies: Vec<&str> = cost.charts.iter().map(|chart| chart.currency.as_str()).collect();
        currencies.sort_unstable();
        currencies.dedup();
        prop_assert_eq!(currencies.len(), cost.charts.len());
        for chart in &cost.charts {
            let drawn: i64 = lines
                .iter()
                .filter(|line| line.term_end.is_some() && line.starts_on.is_some())
                .filter(|line| line.csp_monthly.as_ref().is_some_and(|money| money.currency == chart.currency))
                .filter_map(|line| line.current_monthly.as_ref().filter(|money| money.currency == chart.currency))
                .map(|money| money.cents)
                .sum();
            prop_assert_eq!(chart.today_monthly_cents, drawn, "{}", chart.currency);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn the_margin_and_the_partner_cost_never_appear_in_the_customer_letter(input in random_input(), with_erp in any::<bool>()) {
        let mut input = input;
        if !with_erp {
            for price in &mut input.list_prices {
                price.erp_price = None;
            }
        }
        let plan = make_plan(&input, Catalog::builtin());
        let cost = assess(&plan, &input, Catalog::builtin());
        for lang in Lang::ALL {
            let letter = to_markdown(&customer_letter(&plan, &input.partner, &cost, lang));
            let lower = letter.to_lowercase();
            for word in ["margin", "marge", "your cost", "votre coût", "partner price", "prix partenaire", "price list", "liste de prix"] {
                prop_assert!(!lower.contains(word), "{word} in the letter");
            }
            // Every amount the customer may see, then the partner's own figures.
            let mut shown: Vec<String> = Vec::new();
            for customer in &cost.customers {
                let seen = customer.for_customer();
                for totals in &seen.totals.by_currency {
                    for cents in [totals.current_yearly, totals.csp_yearly, totals.difference_yearly.abs(), totals.overlap, totals.first_year] {
                        shown.push(Money::new(cents, &totals.currency).text(lang));
                    }
                }
                for line in &seen.lines {
                    for money in [&line.current_yearly, &line.csp_yearly].into_iter().flatten() {
                        shown.push(money.text(lang));
                    }
                }
            }
            for customer in &cost.customers {
                let hidden = customer.totals.by_currency.iter().flat_map(|totals| {
                    [Money::new(totals.margin_yearly, &totals.currency), Money::new(totals.cost_yearly, &totals.currency)]
                });
                let per_line = customer.lines.iter().flat_map(|line| [line.margin_yearly.clone(), line.cost_yearly.clone()]).flatten();
                for money in hidden.chain(per_line).filter(|money| money.cents != 0) {
                    let text = money.text(lang);
                    if !shown.contains(&text) {
                        prop_assert!(!letter.contains(&text), "{text} appears in the letter");
                    }
                }
            }
        }
    }
}

/// Graph's `subscribedSkus` with Office 365 E5's service plans (four on, Defender
/// for Office 365 and Phone System turned off) and a price list with the EEA's
/// Office 365 E5, E3 and E1 (no Teams) and Teams EEA, imported as the app imports
/// them; the customer, in France, buys directly: each suite with Teams EEA (TEAMS-EEA).
fn graph_service_plans_case() -> PlanInput {
    use csp_planner::import::{import_files, relevant_prices, ImportOptions, InputFile};
    let fixture = |name: &str| InputFile {
        name: name.into(),
        bytes: std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import").join(name))
            .expect("a fixture"),
    };
    let files = [fixture("graph-subscribedSkus.json"), fixture("nce-pricelist-office.csv")];
    let outcome = import_files(&files, &ImportOptions::default());
    let mut input = input(outcome.subscriptions);
    for subscription in &mut input.subscriptions {
        subscription.channel = Channel::Direct;
    }
    input.list_prices = relevant_prices(&outcome.prices, &input.subscriptions, Catalog::builtin());
    input
}

const OFFICE_E5_SUBSCRIPTION: &str = "5d0f4a31-8a3c-4f0e-b2a8-7f3e9d1c2b40";
const OFFICE_E3_NO_TEAMS: &str = "d711d25a-a21c-492f-bd19-aae1e8ebaf30";

#[test]
fn a_cheaper_suite_with_every_service_plan_in_use_is_suggested_and_bought_once_accepted() {
    let mut input = graph_service_plans_case();
    let e5 = input.subscriptions.iter().find(|s| s.subscription_id == OFFICE_E5_SUBSCRIPTION).expect("E5");
    assert_eq!(e5.service_plans.len(), 6, "the Graph importer keeps the service plans");
    assert_eq!(e5.service_plans.iter().filter(|plan| plan.in_use()).count(), 4);
    let flagged = cost_of(&input);
    check_golden("service-plans", &flagged);
    let line = flagged.line(OFFICE_E5_SUBSCRIPTION).expect("the Office 365 E5 line");
    let suggestion =
        line.suggestions.iter().find(|s| s.kind == Optimisation::CheaperSuite).expect("suggested");
    assert_eq!(suggestion.decision, None);
    // Office 365 E3 EEA (no Teams) with Teams EEA has every plan in use; E1 is
    // cheaper still but lacks Exchange Online (Plan 2), SharePoint (Plan 2) and
    // the Office apps. Retail prices (ERP), one-year term billed monthly, Teams
    // bought either way: (52.91 - 29.81) x 25 seats x 12 = 6,930.00 a year.
    assert_eq!(suggestion.saving_yearly, Some(Money::new(693_000, "EUR")));
    assert_eq!(
        suggestion.finding.message(Lang::En),
        "The tenant uses 4 service plans of this suite, all also in Office 365 E3 EEA (no Teams), at €29.81 a seat a month instead of €52.91: buying it instead saves about €6,930.00 a year. Check with the customer that it will not need the plans turned off today."
    );
    assert_eq!(
        suggestion.finding.message(Lang::Fr),
        "Le locataire utilise 4 services de cette suite, tous présents dans Office 365 E3 EEA (no Teams), à 29,81\u{a0}€ par licence et par mois au lieu de 52,91\u{a0}€ : l’acheter à la place économise environ 6\u{202f}930,00\u{a0}€ par an. Vérifiez avec le client qu’il n’aura pas besoin des services désactivés aujourd’hui."
    );
    assert_eq!(
        line.components[0].name, "Office 365 E5 EEA (no Teams)",
        "nothing changes before the user accepts"
    );

    input
        .overrides
        .entry(OFFICE_E5_SUBSCRIPTION.into())
        .or_default()
        .optimisations
        .insert(Optimisation::CheaperSuite, Decision::Accepted);
    let accepted = cost_of(&input);
    let line = accepted.line(OFFICE_E5_SUBSCRIPTION).expect("the line");
    assert_eq!(
        line.components[0].sku_id, OFFICE_E3_NO_TEAMS,
        "the line is priced and bought as Office 365 E3"
    );
    assert_eq!(line.csp_yearly, Some(Money::new((2_981 + 539) * 25 * 12, "EUR")), "with Teams EEA");
    let kept = line.suggestions.iter().find(|s| s.kind == Optimisation::CheaperSuite).expect("still shown");
    assert_eq!(
        (kept.decision, kept.saving_yearly.clone()),
        (Some(Decision::Accepted), Some(Money::new(693_000, "EUR")))
    );
    let plan = make_plan(&input, Catalog::builtin());
    let bought: Vec<String> = csp_planner::cost::purchase_list(&accepted, &plan)
        .into_iter()
        .filter(|row| row.subscription_id == OFFICE_E5_SUBSCRIPTION)
        .map(|row| row.name)
        .collect();
    assert_eq!(bought, ["Office 365 E3 EEA (no Teams)", "Microsoft Teams EEA"]);
    assert_eq!(accepted.totals.by_currency[0].saving_accepted_yearly, 693_000);

    // With the 11 unassigned seats not bought either, the accepted savings add up
    // to what the line no longer costs: 25 x (52.91 + 5.39) x 12 = 17,490.00 a
    // year before, 14 x (29.81 + 5.39) x 12 = 5,913.60 after.
    let line_override = input.overrides.entry(OFFICE_E5_SUBSCRIPTION.into()).or_default();
    line_override.optimisations.insert(Optimisation::UnassignedSeats, Decision::Accepted);
    line_override.seats = Some(14);
    let both = cost_of(&input);
    let line = both.line(OFFICE_E5_SUBSCRIPTION).expect("the line");
    assert_eq!(line.csp_yearly, Some(Money::new(591_360, "EUR")));
    assert_eq!(both.totals.by_currency[0].saving_accepted_yearly, 1_749_000 - 591_360);
}

#[test]
fn no_cheaper_suite_without_its_price_nor_without_service_plans() {
    // Without the price list, no suite has a known price: nothing is said.
    let mut input = graph_service_plans_case();
    input.list_prices.retain(|price| !price.title.contains("E3"));
    let cost = cost_of(&input);
    assert!(cost.lines().flat_map(|line| &line.suggestions).all(|s| s.kind != Optimisation::CheaperSuite));
    // Every plan turned on (Defender for Office 365 and Phone System in use): only E5 has them all.
    let mut input = graph_service_plans_case();
    for subscription in &mut input.subscriptions {
        for plan in &mut subscription.service_plans {
            plan.status = "Success".into();
        }
    }
    let cost = cost_of(&input);
    assert!(cost.lines().flat_map(|line| &line.suggestions).all(|s| s.kind != Optimisation::CheaperSuite));
    // A file without service plans says nothing about their use.
    let cost = cost_of(&sources_case());
    assert!(cost.lines().flat_map(|line| &line.suggestions).all(|s| s.kind != Optimisation::CheaperSuite));
}
