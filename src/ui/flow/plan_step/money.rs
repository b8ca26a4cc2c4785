//! The plan step's money panel: the plan's default billing, the figures per
//! year (today, CSP, saving, overlap, first year, margin), the chart of the
//! first year, the prices per product with the partner's sell price entry
//! (remembered in the partner profile), the licence suggestions to accept or
//! refuse, and the purchase list. Every figure comes from `crate::cost`.

use std::sync::Arc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::cost::{assess, partner_prices, CostPlan, CurrencyTotals, MonthlyChart, Quote};
use crate::export::csv::Separator;
use crate::export::purchase_csv::purchase_list_to_csv;
use crate::export::{file_name, plan_customer_name, FileKind};
use crate::i18n::cost_ui::{billing_rule, CostText};
use crate::i18n::format;
use crate::i18n::labels::billing_label;
use crate::i18n::template::fill;
use crate::i18n::Lang;
use crate::model::{BillingChoice, Decision, Optimisation, SellPrice};
use crate::plan::Plan;
use crate::ui::download::download_text;
use crate::ui::flow::customer_step::update_partner;
use crate::ui::flow::files::{files_of, read_file};
use crate::ui::lang::use_lang;
use crate::ui::problems::use_problems;
use crate::ui::workspace::{use_workspace, Workspace};

use super::use_plan_view;

/// The purchase rows the panel shows; the CSV holds them all.
const PURCHASE_ROWS_SHOWN: usize = 200;
/// The suggestions the panel lists (a large plan has one per line); the partner
/// report lists them all.
const SUGGESTIONS_SHOWN: usize = 100;

/// The money view of the plan on screen, shared by the panel and a line's details.
#[derive(Clone, Copy)]
pub(super) struct CostView(pub Memo<Option<Arc<CostPlan>>>);

/// Makes the money view follow the plan and the draft's prices, for the step's parts.
pub(super) fn provide_cost_view(workspace: Workspace, plan: Memo<Option<Arc<Plan>>>) {
    let cost = Memo::new(move |_| {
        let plan = plan.get()?;
        workspace.draft.with(|draft| {
            let draft = draft.as_ref()?;
            Some(Arc::new(workspace.with_catalog(|catalog| assess(&plan, &draft.input, catalog))))
        })
    });
    provide_context(CostView(cost));
}

pub(super) fn use_cost_view() -> CostView {
    // Provided by `PlanStep` before any of its parts is created.
    expect_context::<CostView>()
}

/// An amount of cents in a currency, as the language writes it.
pub(super) fn money(cents: i64, currency: &str, lang: Lang) -> String {
    format::money_cents(cents, Some(currency), lang)
}

/// `€22.00 per seat and per month, your sell price`.
pub(super) fn quote_text(quote: &Quote, lang: Lang) -> String {
    let price = format::money(quote.per_seat_monthly, Some(&quote.currency), lang);
    let mut origin = quote.origin.label(lang);
    if let Some(from) = quote.converted_from {
        origin = format!(
            "{origin}, {}",
            fill(
                CostText::ConvertedFrom.get(lang),
                &[("billing", &billing_label(from, lang).to_lowercase())]
            )
        );
    }
    fill(CostText::PriceFrom.get(lang), &[("price", &price), ("origin", &origin)])
}

/// Reads a price typed by the user (`12.50`, `12,50`, `1 234,50`), in cents.
fn parse_price(text: &str) -> Option<i64> {
    let cleaned: String =
        text.chars().filter(|c| !c.is_whitespace() && *c != '\u{202F}' && *c != '€' && *c != '$').collect();
    let value: f64 = cleaned.replace(',', ".").parse().ok()?;
    (value.is_finite() && (0.0..1.0e9).contains(&value)).then(|| (value * 100.0).round() as i64)
}

/// One product of the plan to price: a SKU at a billing choice, and the price in use.
#[derive(Debug, Clone, PartialEq)]
struct PriceRow {
    sku_id: String,
    name: String,
    billing: BillingChoice,
    currency: Option<String>,
    price: Option<Quote>,
    cost: Option<Quote>,
}

fn price_rows(cost: &CostPlan, main_currency: Option<&str>) -> Vec<PriceRow> {
    let mut rows: Vec<PriceRow> = Vec::new();
    for line in cost.lines().filter(|line| !line.dropped) {
        for component in &line.components {
            if rows.iter().any(|row| row.sku_id == component.sku_id && row.billing == line.billing) {
                continue;
            }
            let currency = component
                .price
                .as_ref()
                .map(|price| price.currency.clone())
                .or_else(|| line.current_price.as_ref().map(|price| price.currency.clone()))
                .or_else(|| main_currency.map(str::to_string))
                .filter(|code| !code.is_empty());
            rows.push(PriceRow {
                sku_id: component.sku_id.clone(),
                name: component.name.clone(),
                billing: line.billing,
                currency,
                price: component.price.clone(),
                cost: component.cost.clone(),
            });
        }
    }
    rows
}

#[component]
fn Card(
    test_id: &'static str,
    label: Signal<String>,
    value: Signal<String>,
    detail: Signal<String>,
) -> impl IntoView {
    view! {
        <div class="summary-card" data-testid=test_id>
            <span class="card-label">{label}</span>
            <span class="card-value">{value}</span>
            <span class="card-detail">{detail}</span>
        </div>
    }
}

fn chart_view(chart: &MonthlyChart, lang: Lang) -> AnyView {
    const WIDTH: f64 = 720.0;
    const HEIGHT: f64 = 220.0;
    const TOP: f64 = 12.0;
    const BOTTOM: f64 = 28.0;
    const LEFT: f64 = 8.0;
    let peak = chart.peak_cents().max(1) as f64;
    let scale = |cents: i64| cents as f64 / peak * (HEIGHT - TOP - BOTTOM);
    let slot = (WIDTH - LEFT * 2.0) / chart.months.len().max(1) as f64;
    let bar = slot * 0.62;
    let base = HEIGHT - BOTTOM;
    let currency = chart.currency.clone();
    let bars = chart
        .months
        .iter()
        .enumerate()
        .map(|(index, month)| {
            let x = LEFT + slot * index as f64 + (slot - bar) / 2.0;
            let source_only = scale(month.source_cents - month.overlap_cents);
            let overlap = scale(month.overlap_cents);
            let csp = scale(month.csp_cents);
            let label = format::month_short(chrono::Datelike::month0(&month.month), lang).to_string();
            let summary = fill(
                CostText::ChartSummary.get(lang),
                &[
                    ("month", &format::month_year(month.month, lang)),
                    ("source", &money(month.source_cents, &currency, lang)),
                    ("csp", &money(month.csp_cents, &currency, lang)),
                    ("overlap", &money(month.overlap_cents, &currency, lang)),
                ],
            );
            view! {
                <g data-testid="chart-month">
                    <title>{summary}</title>
                    <rect class="chart-source" x=x y=base - source_only width=bar height=source_only></rect>
                    <rect class="chart-overlap" x=x y=base - source_only - overlap width=bar height=overlap></rect>
                    <rect class="chart-csp" x=x y=base - source_only - overlap - csp width=bar height=csp></rect>
                    <text class="chart-axis" x=x + bar / 2.0 y=HEIGHT - 10.0 text-anchor="middle">{label}</text>
                </g>
            }
        })
        .collect_view();
    let today = base - scale(chart.today_monthly_cents);
    let summaries: Vec<String> = chart
        .months
        .iter()
        .map(|month| {
            fill(
                CostText::ChartSummary.get(lang),
                &[
                    ("month", &format::month_year(month.month, lang)),
                    ("source", &money(month.source_cents, &chart.currency, lang)),
                    ("csp", &money(month.csp_cents, &chart.currency, lang)),
                    ("overlap", &money(month.overlap_cents, &chart.currency, lang)),
                ],
            )
        })
        .collect();
    let left_out = chart.lines_left_out;
    let title = fill(CostText::ChartTitle.get(lang), &[("currency", &chart.currency)]);
    view! {
        <figure class="cost-chart" data-testid="cost-chart" data-currency=chart.currency.clone()>
            <figcaption>{title.clone()}</figcaption>
            <svg viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" aria-label=title preserveAspectRatio="xMidYMid meet">
                <line class="chart-baseline" x1=LEFT y1=base x2=WIDTH - LEFT y2=base></line>
                {bars}
                <line class="chart-today" x1=LEFT y1=today x2=WIDTH - LEFT y2=today data-testid="chart-today"></line>
            </svg>
            <ul class="chart-legend">
                <li><span class="swatch chart-source"></span>{CostText::ChartSource.get(lang)}</li>
                <li><span class="swatch chart-overlap"></span>{CostText::ChartOverlap.get(lang)}</li>
                <li><span class="swatch chart-csp"></span>{CostText::ChartCsp.get(lang)}</li>
                <li><span class="swatch chart-today"></span>{CostText::ChartToday.get(lang)}{": "}{money(chart.today_monthly_cents, &chart.currency, lang)}</li>
            </ul>
            <ul class="visually-hidden">{summaries.into_iter().map(|text| view! { <li>{text}</li> }).collect_view()}</ul>
            {(left_out > 0).then(|| view! {
                <p class="muted">{fill(CostText::ChartLeftOut.get(lang), &[("count", &format::count(left_out as u64, lang))])}</p>
            })}
        </figure>
    }
    .into_any()
}

#[component]
pub(super) fn MoneyPanel() -> impl IntoView {
    let lang = use_lang();
    let workspace = use_workspace();
    let problems = use_problems();
    let view_state = use_plan_view();
    let CostView(cost) = use_cost_view();
    let reported = StoredValue::new(false);
    let main =
        Memo::new(move |_| cost.with(|cost| cost.as_ref().and_then(|cost| cost.totals.main().cloned())));
    let billing_default = move || {
        workspace.draft.with(|draft| {
            draft.as_ref().map(|draft| draft.input.settings.billing_default).unwrap_or_default()
        })
    };
    let on_default = move |event: leptos::ev::Event| {
        let value = event_target_value(&event);
        if let Some(choice) = BillingChoice::from_id(&value) {
            workspace.update_input(|input| input.settings.billing_default = choice);
        }
    };
    let figure = move |read: fn(&CurrencyTotals) -> i64| {
        Signal::derive(move || {
            let lang = lang.get();
            main.with(|main| {
                main.as_ref().map(|main| money(read(main), &main.currency, lang)).unwrap_or_default()
            })
        })
    };
    let text = move |text: CostText| Signal::derive(move || text.get(lang.get()).to_string());
    let compared_detail = Signal::derive(move || {
        let lang = lang.get();
        main.with(|main| {
            main.as_ref()
                .map(|main| {
                    fill(
                        CostText::CardCompared.get(lang),
                        &[("count", &format::count(main.compared_lines as u64, lang))],
                    )
                })
                .unwrap_or_default()
        })
    });
    let difference_label = Signal::derive(move || {
        let increase = main.with(|main| main.as_ref().is_some_and(|main| main.difference_yearly > 0));
        if increase { CostText::CardIncrease } else { CostText::CardSaving }.get(lang.get()).to_string()
    });
    let difference_value = Signal::derive(move || {
        let lang = lang.get();
        main.with(|main| {
            main.as_ref()
                .map(|main| money(main.difference_yearly.abs(), &main.currency, lang))
                .unwrap_or_default()
        })
    });
    let margin_value = Signal::derive(move || {
        let lang = lang.get();
        main.with(|main| match main {
            Some(main) if main.margin_lines > 0 => money(main.margin_yearly, &main.currency, lang),
            _ => "–".to_string(),
        })
    });
    let margin_detail = Signal::derive(move || {
        let lang = lang.get();
        main.with(|main| match main {
            Some(main) if main.margin_lines > 0 => fill(
                CostText::CardMarginLines.get(lang),
                &[("count", &format::count(main.margin_lines as u64, lang))],
            ),
            _ => CostText::CardMarginUnknown.get(lang).to_string(),
        })
    });
    let optimisation_detail = Signal::derive(move || {
        let lang = lang.get();
        main.with(|main| {
            main.as_ref()
                .map(|main| {
                    fill(
                        CostText::CardOptimisationDetail.get(lang),
                        &[
                            ("accepted", &money(main.saving_accepted_yearly, &main.currency, lang)),
                            ("open", &money(main.saving_open_yearly, &main.currency, lang)),
                        ],
                    )
                })
                .unwrap_or_default()
        })
    });
    let missing = move || {
        let lang = lang.get();
        cost.with(|cost| {
            let totals = &cost.as_ref()?.totals;
            (totals.lines_without_current + totals.lines_without_csp > 0).then(|| {
                fill(
                    CostText::MissingPrices.get(lang),
                    &[
                        ("current", &format::count(totals.lines_without_current as u64, lang)),
                        ("lines", &format::count(totals.lines as u64, lang)),
                        ("csp", &format::count(totals.lines_without_csp as u64, lang)),
                    ],
                )
            })
        })
    };
    let other_currencies = move || {
        let lang = lang.get();
        let main_currency = main.with(|main| main.as_ref().map(|main| main.currency.clone()))?;
        cost.with(|cost| {
            let others: Vec<String> = cost
                .as_ref()?
                .totals
                .by_currency
                .iter()
                .filter(|totals| totals.currency != main_currency)
                .map(|totals| totals.currency.clone())
                .collect();
            (!others.is_empty())
                .then(|| fill(CostText::OtherCurrencies.get(lang), &[("currencies", &others.join(", "))]))
        })
    };
    // One chart per currency, the main one first: amounts in two currencies are never drawn together.
    let charts = move || {
        let lang = lang.get();
        cost.with(|cost| {
            cost.as_ref().map(|cost| cost.charts.iter().map(|chart| chart_view(chart, lang)).collect_view())
        })
    };
    let rows = Memo::new(move |_| {
        cost.with(|cost| {
            let main_currency = main.with(|main| main.as_ref().map(|main| main.currency.clone()));
            cost.as_ref().map(|cost| price_rows(cost, main_currency.as_deref())).unwrap_or_default()
        })
    });
    let sell_price_of = move |sku_id: &str, billing: BillingChoice, currency: &str| {
        workspace.draft.with(|draft| {
            draft.as_ref().and_then(|draft| {
                draft
                    .input
                    .partner
                    .sell_prices
                    .iter()
                    .find(|price| {
                        price.sku_id == sku_id && price.billing == billing && price.currency == currency
                    })
                    .map(|price| price.monthly_cents)
            })
        })
    };
    let invalid = RwSignal::new(None::<String>);
    let set_sell_price = move |sku_id: String, billing: BillingChoice, currency: String, text: String| {
        let text = text.trim().to_string();
        let key = format!("{sku_id}/{}", billing.id());
        if text.is_empty() {
            invalid.set(None);
            update_partner(workspace, problems, reported, |partner| {
                partner.sell_prices.retain(|price| {
                    !(price.sku_id == sku_id && price.billing == billing && price.currency == currency)
                })
            });
            return;
        }
        match parse_price(&text) {
            Some(monthly_cents) => {
                invalid.set(None);
                update_partner(workspace, problems, reported, |partner| {
                    partner_prices::set(
                        &mut partner.sell_prices,
                        SellPrice { sku_id, billing, currency, monthly_cents },
                    )
                });
            }
            None => invalid.set(Some(key)),
        }
    };
    let decide = move |id: String, kind: Optimisation, decision: Option<Decision>, seats: Option<u32>| {
        workspace.update_input(|input| {
            let entry = input.overrides.entry(id.clone()).or_default();
            match decision {
                Some(decision) => {
                    entry.optimisations.insert(kind, decision);
                }
                None => {
                    entry.optimisations.remove(&kind);
                }
            }
            if kind == Optimisation::UnassignedSeats {
                match decision {
                    Some(Decision::Accepted) => entry.seats = seats,
                    _ if entry.seats == seats => entry.seats = None,
                    _ => {}
                }
            }
            if entry.is_empty() {
                input.overrides.remove(&id);
            }
        });
    };
    let suggestions = move || {
        let lang = lang.get();
        cost.with(|cost| {
            let Some(cost) = cost.as_ref() else { return Vec::new() };
            cost.lines()
                .flat_map(|line| line.suggestions.iter().map(move |suggestion| (line, suggestion)))
                .take(SUGGESTIONS_SHOWN)
                .map(|(line, suggestion)| {
                    let id = line.subscription_id.clone();
                    let kind = suggestion.kind;
                    let seats = suggestion.seats;
                    let decision = suggestion.decision;
                    let (id_accept, id_refuse, id_undo) = (id.clone(), id.clone(), id.clone());
                    let status = decision.map(|decision| match decision {
                        Decision::Accepted => CostText::Accepted.get(lang),
                        Decision::Refused => CostText::Refused.get(lang),
                    });
                    view! {
                        <li class="suggestion" data-testid="suggestion" data-kind=format!("{kind:?}") data-line=id.clone()>
                            <span class="rule-code">{suggestion.finding.rule.code()}</span>
                            <span class="suggestion-text">{line.product.clone()}{" — "}{suggestion.finding.message(lang)}</span>
                            <span class="suggestion-actions">
                                {match status {
                                    Some(status) => view! {
                                        <strong data-testid="suggestion-status">{status}</strong>
                                        <button type="button" class="link-button" on:click=move |_| decide(id_undo.clone(), kind, None, seats)>{CostText::Undo.get(lang)}</button>
                                    }.into_any(),
                                    None => view! {
                                        <button type="button" class="button" data-testid="suggestion-accept" on:click=move |_| decide(id_accept.clone(), kind, Some(Decision::Accepted), seats)>{CostText::Accept.get(lang)}</button>
                                        <button type="button" class="button" data-testid="suggestion-refuse" on:click=move |_| decide(id_refuse.clone(), kind, Some(Decision::Refused), seats)>{CostText::Refuse.get(lang)}</button>
                                    }.into_any(),
                                }}
                            </span>
                        </li>
                    }
                })
                .collect::<Vec<_>>()
        })
    };
    let purchases = move || {
        let lang = lang.get();
        let plan = view_state.plan.get()?;
        cost.with(|cost| {
            let cost = cost.as_ref()?;
            let mut rows = crate::cost::purchase_list(cost, &plan);
            if rows.is_empty() {
                return Some(view! { <p class="muted">{CostText::PurchaseEmpty.get(lang)}</p> }.into_any());
            }
            // A plan of thousands of lines would make a page of thousands of rows:
            // the panel shows the first ones, the downloaded CSV every one.
            let total = rows.len();
            rows.truncate(PURCHASE_ROWS_SHOWN);
            let shown_note = (total > rows.len()).then(|| {
                fill(
                    CostText::PurchaseShown.get(lang),
                    &[
                        ("shown", &format::count(rows.len() as u64, lang)),
                        ("total", &format::count(total as u64, lang)),
                    ],
                )
            });
            // A region the keyboard can scroll: the table has nothing focusable of its own.
            Some(view! {
                {shown_note.map(|note| view! { <p class="muted" data-testid="purchase-shown">{note}</p> })}
                <div class="table-scroll" role="region" tabindex="0" aria-label=CostText::PurchaseTitle.get(lang)>
                    <table class="purchase-table" data-testid="purchase-list">
                        <thead><tr>
                            <th scope="col">{CostText::ColumnProduct.get(lang)}</th>
                            <th scope="col" class="number">{CostText::ColumnSeats.get(lang)}</th>
                            <th scope="col">{CostText::ColumnBilling.get(lang)}</th>
                            <th scope="col">{CostText::ColumnBuyOn.get(lang)}</th>
                            <th scope="col" class="number">{CostText::ColumnPerMonth.get(lang)}</th>
                        </tr></thead>
                        <tbody>
                            {rows.into_iter().map(|row| {
                                let mut notes = Vec::new();
                                if row.add_on { notes.push(CostText::PurchaseAddOn.get(lang)); }
                                if row.scheduled_by_ea_transfer { notes.push(CostText::PurchaseScheduled.get(lang)); }
                                view! {
                                    <tr>
                                        <td>
                                            <span>{row.name.clone()}</span>
                                            <span class="muted small">{" "}{row.sku_part_number.clone()}{(!notes.is_empty()).then(|| format!(" · {}", notes.join(", ")))}</span>
                                        </td>
                                        <td class="number">{format::count(u64::from(row.seats), lang)}</td>
                                        <td>{billing_label(row.billing, lang)}</td>
                                        <td>{format::date_or(row.buy_on, lang, "–")}</td>
                                        <td class="number">{row.monthly.as_ref().map(|money| money.text(lang)).unwrap_or_else(|| CostText::NoPrice.get(lang).to_string())}</td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            }.into_any())
        })
    };
    let download_purchases = move |_| {
        let lang = lang.0.get_untracked();
        let (Some(plan), Some(cost)) = (view_state.plan.get_untracked(), cost.get_untracked()) else {
            return;
        };
        let name = file_name(FileKind::PurchaseList, &plan_customer_name(&plan), plan.as_of, lang);
        let text = purchase_list_to_csv(&plan, &cost, Separator::for_lang(lang), lang);
        if let Err(error) = download_text(&name, FileKind::PurchaseList.media_type(), &text) {
            let detail = error.to_string();
            problems.report(move |_| detail.clone());
        }
    };
    let download_prices = move |_| {
        let lang = lang.0.get_untracked();
        let Some(plan) = view_state.plan.get_untracked() else { return };
        let prices = workspace.draft.with_untracked(|draft| {
            draft.as_ref().map(|draft| draft.input.partner.sell_prices.clone()).unwrap_or_default()
        });
        let text = workspace.with_catalog(|catalog| crate::export::sell_prices_csv::to_csv(&prices, catalog));
        let name = file_name(FileKind::SellPrices, &plan.partner_name, plan.as_of, lang);
        if let Err(error) = download_text(&name, FileKind::SellPrices.media_type(), &text) {
            let detail = error.to_string();
            problems.report(move |_| detail.clone());
        }
    };
    let imported = RwSignal::new(None::<usize>);
    let import_prices = move |event: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&event);
        let files = files_of(input.files());
        input.set_value("");
        spawn_local(async move {
            for file in files {
                match read_file(&file).await {
                    Ok(picked) => {
                        let text = String::from_utf8_lossy(&picked.bytes).into_owned();
                        let (prices, errors) = partner_prices::from_csv(&text);
                        for error in errors {
                            let name = picked.name.clone();
                            problems.report(move |lang| error.message(&name, lang));
                        }
                        imported.set(Some(prices.len()));
                        update_partner(workspace, problems, reported, |partner| {
                            for price in prices {
                                partner_prices::set(&mut partner.sell_prices, price);
                            }
                        });
                    }
                    Err(error) => problems.report(move |_| error.clone()),
                }
            }
        });
    };

    view! {
        <section class="money-panel" data-testid="money-panel" aria-labelledby="money-title">
            <h2 id="money-title">{move || CostText::Title.get(lang.get())}</h2>
            <p class="muted">{move || CostText::Intro.get(lang.get())}</p>
            <div class="field money-default">
                <label for="billing-default">{move || CostText::DefaultBilling.get(lang.get())}</label>
                <select id="billing-default" data-testid="billing-default" aria-describedby="billing-default-help" on:change=on_default>
                    {BillingChoice::ALL.into_iter().map(|choice| view! {
                        <option value=choice.id() prop:selected=move || billing_default() == choice>
                            {move || format!("{} ({})", billing_label(choice, lang.get()), billing_rule(choice, lang.get()))}
                        </option>
                    }).collect_view()}
                </select>
                <span class="field-help" id="billing-default-help">{move || CostText::DefaultBillingHelp.get(lang.get())}</span>
            </div>
            <Show
                when=move || main.with(Option::is_some)
                fallback=move || view! { <p class="empty-state" data-testid="money-no-prices">{move || CostText::NoPrices.get(lang.get())}</p> }
            >
                <p class="muted" data-testid="money-currency">{move || main.with(|main| main.as_ref().map(|main| fill(CostText::Currency.get(lang.get()), &[("currency", &main.currency)]))) }</p>
                <div class="plan-summary money-cards">
                    <Card test_id="money-current" label=text(CostText::CardCurrent) value=figure(|t| t.current_yearly) detail=Signal::derive(String::new) />
                    <Card test_id="money-csp" label=text(CostText::CardCsp) value=figure(|t| t.csp_yearly) detail=Signal::derive(String::new) />
                    <Card test_id="money-difference" label=difference_label value=difference_value detail=compared_detail />
                    <Card test_id="money-overlap" label=text(CostText::CardOverlap) value=figure(|t| t.overlap) detail=Signal::derive(String::new) />
                    <Card test_id="money-first-year" label=text(CostText::CardFirstYear) value=figure(|t| t.first_year) detail=Signal::derive(String::new) />
                    <Card test_id="money-margin" label=text(CostText::CardMargin) value=margin_value detail=margin_detail />
                    <Card test_id="money-optimisation" label=text(CostText::CardOptimisation) value=figure(|t| t.saving_accepted_yearly + t.saving_open_yearly) detail=optimisation_detail />
                </div>
                <p class="notice" data-testid="money-missing">{missing}</p>
                <p class="muted">{other_currencies}</p>
                {charts}
            </Show>
            <h3>{move || CostText::PricesTitle.get(lang.get())}</h3>
            <p class="muted">{move || CostText::PricesHelp.get(lang.get())}</p>
            <div class="table-scroll">
                <table class="price-table" data-testid="price-table">
                    <thead><tr>
                        <th scope="col">{move || CostText::ColumnProduct.get(lang.get())}</th>
                        <th scope="col">{move || CostText::ColumnPrice.get(lang.get())}</th>
                        <th scope="col">{move || CostText::ColumnSellPrice.get(lang.get())}</th>
                        <th scope="col">{move || CostText::ColumnCost.get(lang.get())}</th>
                    </tr></thead>
                    <tbody>
                        <For each=move || rows.get() key=|row| format!("{}/{}/{:?}/{:?}", row.sku_id, row.billing.id(), row.price, row.currency) let:row>
                            {
                                let PriceRow { sku_id, name, billing, currency, price, cost } = row;
                                let key = format!("{sku_id}/{}", billing.id());
                                let (sku_for_value, sku_for_change) = (sku_id.clone(), sku_id.clone());
                                let currency_for_value = currency.clone().unwrap_or_default();
                                let name_for_label = name.clone();
                                let currency_for_label = currency.clone().unwrap_or_default();
                                let is_invalid = move || invalid.with(|invalid| invalid.as_deref() == Some(key.as_str()));
                                view! {
                                    <tr data-testid="price-row" data-sku=sku_id.clone() data-billing=billing.id()>
                                        <td>
                                            <span>{name.clone()}</span>
                                            <span class="muted small">{move || format!(" · {}", billing_label(billing, lang.get()))}</span>
                                        </td>
                                        <td data-testid="price-in-use">{move || price.as_ref().map(|price| quote_text(price, lang.get())).unwrap_or_else(|| CostText::NoPrice.get(lang.get()).to_string())}</td>
                                        <td>
                                            {currency.clone().map(|currency| {
                                                let currency_for_change = currency.clone();
                                                let sku_for_change = sku_for_change.clone();
                                                view! {
                                                    <input
                                                        type="text"
                                                        inputmode="decimal"
                                                        class="price-input"
                                                        data-testid="sell-price"
                                                        aria-label=move || fill(CostText::SellPriceLabel.get(lang.get()), &[("product", &name_for_label), ("billing", billing_label(billing, lang.get())), ("currency", &currency_for_label)])
                                                        aria-invalid=move || is_invalid().then_some("true")
                                                        prop:value=move || sell_price_of(&sku_for_value, billing, &currency_for_value).map(|cents| format::decimal(cents as f64 / 100.0, 2, lang.get())).unwrap_or_default()
                                                        on:change=move |event| set_sell_price(sku_for_change.clone(), billing, currency_for_change.clone(), event_target_value(&event))
                                                    />
                                                    <span class="muted small">{" "}{currency}</span>
                                                }
                                            })}
                                        </td>
                                        <td>{move || cost.as_ref().map(|cost| format::money(cost.per_seat_monthly, Some(&cost.currency), lang.get())).unwrap_or_else(|| "–".to_string())}</td>
                                    </tr>
                                }
                            }
                        </For>
                    </tbody>
                </table>
            </div>
            <p class="field-help" aria-live="polite">{move || invalid.with(Option::is_some).then(|| CostText::SellPriceInvalid.get(lang.get()))}</p>
            <div class="money-actions">
                <button type="button" class="button" data-testid="export-sell-prices" on:click=download_prices>{move || CostText::DownloadPrices.get(lang.get())}</button>
                <label class="button file-button">
                    {move || CostText::ImportPrices.get(lang.get())}
                    <input type="file" accept=".csv,text/csv" class="visually-hidden" data-testid="import-sell-prices" on:change=import_prices />
                </label>
                <span class="muted" aria-live="polite">{move || imported.get().map(|count| fill(CostText::PricesImported.get(lang.get()), &[("count", &format::count(count as u64, lang.get()))]))}</span>
            </div>
            <h3>{move || CostText::SuggestionsTitle.get(lang.get())}</h3>
            {move || {
                let items = suggestions();
                if items.is_empty() {
                    view! { <p class="muted">{CostText::SuggestionsNone.get(lang.get())}</p> }.into_any()
                } else {
                    let lang = lang.get();
                    let total = cost.with(|cost| cost.as_ref().map_or(0, |cost| cost.lines().map(|line| line.suggestions.len()).sum::<usize>()));
                    let shown_note = (total > items.len()).then(|| {
                        fill(
                            CostText::SuggestionsShown.get(lang),
                            &[("shown", &format::count(items.len() as u64, lang)), ("total", &format::count(total as u64, lang))],
                        )
                    });
                    view! {
                        {shown_note.map(|note| view! { <p class="muted" data-testid="suggestions-shown">{note}</p> })}
                        <ul class="suggestions" data-testid="suggestions">{items}</ul>
                    }.into_any()
                }
            }}
            <h3>{move || CostText::PurchaseTitle.get(lang.get())}</h3>
            <p class="muted">{move || CostText::PurchaseHelp.get(lang.get())}</p>
            {purchases}
            <div class="money-actions">
                <button type="button" class="button" data-testid="download-purchases" on:click=download_purchases>{move || CostText::DownloadPurchases.get(lang.get())}</button>
            </div>
        </section>
    }
}
