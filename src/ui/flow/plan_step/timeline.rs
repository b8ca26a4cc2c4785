//! The timeline: per subscription, the source term end, the CSP purchase with its
//! 7-day cancellation window, the last day to turn auto-renew off and the last day
//! before data is at risk, with the plan's "today" marked. An SVG drawn from the
//! plan, with a legend and the same facts as a list for screen readers. It shows
//! the lines the table's filter keeps, soonest term end first, up to a limit, so
//! a plan of thousands of lines still draws instantly.

use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;

use super::use_plan_view;
use crate::i18n::format;
use crate::i18n::plan_ui::PlanText;
use crate::i18n::template::fill;
use crate::i18n::Lang;
use crate::model::MigrationPath;
use crate::plan::PlanLine;
use crate::ui::lang::use_lang;

/// Lines drawn at most.
const MAX_ROWS: usize = 40;
/// Width of the left column with the product names.
const LABEL_WIDTH: f64 = 230.0;
/// Height of the month and "today" labels above the rows.
const TOP: f64 = 46.0;
const ROW_HEIGHT: f64 = 30.0;
/// Days of margin before the first and after the last date.
const MARGIN_DAYS: i64 = 7;
/// Product names longer than this are cut (the full name is in the tooltip and the list).
const LABEL_CHARS: usize = 30;

/// One line's dates, as drawn.
#[derive(Debug, Clone, PartialEq)]
struct TimelineRow {
    subscription_id: String,
    product: String,
    term_end: Option<NaiveDate>,
    purchase_on: Option<NaiveDate>,
    cancel_window_ends: Option<NaiveDate>,
    auto_renew_off_by: Option<NaiveDate>,
    data_at_risk_after: Option<NaiveDate>,
    /// The line is blocked: drawn apart, its dates only hold once it is unblocked.
    blocked: bool,
}

impl TimelineRow {
    /// A line that is not migrated has no date to plan for, nor one without a
    /// term end or purchase date: they are left out.
    fn is_drawn(line: &PlanLine) -> bool {
        line.path != MigrationPath::NotMigrated
            && (line.dates.term_end.is_some() || line.dates.purchase_on.or(line.dates.transfer_on).is_some())
    }

    fn from_line(line: &PlanLine) -> Option<TimelineRow> {
        if !TimelineRow::is_drawn(line) {
            return None;
        }
        let dates = &line.dates;
        let row = TimelineRow {
            subscription_id: line.subscription_id.clone(),
            product: line.product.to_string(),
            term_end: dates.term_end,
            purchase_on: dates.purchase_on.or(dates.transfer_on),
            cancel_window_ends: dates.cancel_window_ends,
            auto_renew_off_by: dates.auto_renew_off_by,
            data_at_risk_after: dates.data_at_risk_after,
            blocked: line.path == MigrationPath::Blocked,
        };
        (row.term_end.is_some() || row.purchase_on.is_some()).then_some(row)
    }

    fn dates(&self) -> impl Iterator<Item = NaiveDate> + '_ {
        [
            self.term_end,
            self.purchase_on,
            self.cancel_window_ends,
            self.auto_renew_off_by,
            self.data_at_risk_after,
        ]
        .into_iter()
        .flatten()
    }

    /// The days the source is past its term end and not yet replaced in CSP: from
    /// the day after the term end to the purchase, or to the last day before data
    /// is at risk; none when the purchase comes first (users move at the term end).
    fn expired_span(&self) -> Option<(NaiveDate, NaiveDate)> {
        let end = self.term_end?;
        let risk = self.data_at_risk_after?;
        let first = end.succ_opt()?;
        let last = match self.purchase_on {
            Some(purchase) if purchase <= first => return None,
            Some(purchase) => purchase.pred_opt()?.min(risk),
            None => risk,
        };
        (last >= first).then_some((first, last))
    }

    /// A purchase after the last day before data is at risk: a conflict to resolve.
    fn conflict(&self) -> Option<(NaiveDate, NaiveDate)> {
        match (self.data_at_risk_after, self.purchase_on) {
            (Some(risk), Some(purchase)) if purchase > risk => Some((risk, purchase)),
            _ => None,
        }
    }

    /// The facts of the row in a sentence, for the list and the tooltips.
    fn sentence(&self, lang: Lang) -> String {
        let mut parts = Vec::new();
        if self.blocked {
            parts.push(PlanText::TimelineBlocked.get(lang).to_string());
        }
        for (label, date) in [
            (PlanText::TimelineTermEnd, self.term_end),
            (PlanText::TimelinePurchase, self.purchase_on),
            (PlanText::DateCancelWindow, self.cancel_window_ends),
            (PlanText::TimelineAutoRenewOff, self.auto_renew_off_by),
            (PlanText::TimelineDataAtRisk, self.data_at_risk_after),
        ] {
            if let Some(date) = date {
                parts.push(format!(
                    "{}{}{}",
                    label.get(lang),
                    lang.pick(": ", " : "),
                    format::date(date, lang)
                ));
            }
        }
        if self.conflict().is_some() {
            parts.push(PlanText::TimelineConflict.get(lang).to_string());
        }
        parts.join(" ; ")
    }
}

/// The rows to draw (soonest term end first, then by subscription id) and the
/// number of lines of the filter that have dates. Only the rows drawn are built:
/// the others are passed over by reference (a plan has thousands).
fn timeline_rows(lines: &mut dyn Iterator<Item = &PlanLine>) -> (Vec<TimelineRow>, usize) {
    let mut dated: Vec<(Option<NaiveDate>, &str, &PlanLine)> = lines
        .filter(|line| TimelineRow::is_drawn(line))
        .map(|line| {
            let purchase = line.dates.purchase_on.or(line.dates.transfer_on);
            (line.dates.term_end.or(purchase), &*line.subscription_id, line)
        })
        .collect();
    let total = dated.len();
    let order = |a: &(Option<NaiveDate>, &str, &PlanLine), b: &(Option<NaiveDate>, &str, &PlanLine)| {
        (a.0, a.1).cmp(&(b.0, b.1))
    };
    if dated.len() > MAX_ROWS {
        dated.select_nth_unstable_by(MAX_ROWS - 1, order);
        dated.truncate(MAX_ROWS);
    }
    crate::sorting::sort_by(&mut dated, order);
    (dated.into_iter().filter_map(|(_, _, line)| TimelineRow::from_line(line)).collect(), total)
}

/// Maps dates to x positions.
#[derive(Clone, Copy)]
struct Scale {
    start: NaiveDate,
    pixels_per_day: f64,
    days: i64,
}

impl Scale {
    fn new(as_of: NaiveDate, rows: &[TimelineRow]) -> Scale {
        let dates = rows.iter().flat_map(TimelineRow::dates).chain([as_of]);
        let (mut first, mut last) = (as_of, as_of);
        for date in dates {
            first = first.min(date);
            last = last.max(date);
        }
        let start = first - chrono::Days::new(MARGIN_DAYS as u64);
        let days = (last - first).num_days() + 2 * MARGIN_DAYS;
        // About 900 px for the whole span, but never so tight that a 7-day window
        // disappears, nor so wide that a short plan spreads over several screens.
        let pixels_per_day = (900.0 / days.max(1) as f64).clamp(2.0, 12.0);
        Scale { start, pixels_per_day, days }
    }

    fn x(&self, date: NaiveDate) -> f64 {
        LABEL_WIDTH + (date - self.start).num_days() as f64 * self.pixels_per_day
    }

    fn width(&self) -> f64 {
        LABEL_WIDTH + self.days as f64 * self.pixels_per_day + 16.0
    }

    /// The first day of each month in the span.
    fn months(&self) -> Vec<NaiveDate> {
        let end = self.start + chrono::Days::new(self.days.max(0) as u64);
        let mut month =
            NaiveDate::from_ymd_opt(self.start.year(), self.start.month(), 1).unwrap_or(self.start);
        let mut months = Vec::new();
        while month <= end {
            if month >= self.start {
                months.push(month);
            }
            month = month.checked_add_months(chrono::Months::new(1)).unwrap_or(end + chrono::Days::new(1));
        }
        months
    }
}

fn short_label(product: &str) -> String {
    short_label_within(product, LABEL_CHARS)
}

fn short_label_within(product: &str, chars: usize) -> String {
    if product.chars().count() <= chars {
        return product.to_string();
    }
    let cut: String = product.chars().take(chars.saturating_sub(1)).collect();
    format!("{}…", cut.trim_end())
}

fn marker_title(label: PlanText, date: NaiveDate, product: &str, lang: Lang) -> String {
    format!("{product} — {}{}{}", label.get(lang), lang.pick(": ", " : "), format::date(date, lang))
}

fn row_view(index: usize, row: &TimelineRow, scale: Scale, lang: Lang) -> impl IntoView {
    let top = TOP + index as f64 * ROW_HEIGHT;
    let middle = top + ROW_HEIGHT / 2.0;
    let product = row.product.as_str();
    let expired = row.expired_span().map(|(first, last)| {
        let x = scale.x(first);
        let width = (scale.x(last) - x + scale.pixels_per_day).max(1.0);
        view! {
            <rect class="tl-expired" x=x y=middle - 4.0 width=width height=8>
                <title>{format!("{product} — {}", PlanText::TimelineExpired.get(lang))}</title>
            </rect>
        }
    });
    let conflict = row.conflict().map(|(risk, purchase)| {
        let x = scale.x(risk) + scale.pixels_per_day;
        let width = (scale.x(purchase) - x).max(4.0);
        view! {
            <rect class="tl-conflict" x=x y=middle - 2.0 width=width height=4 data-testid="timeline-conflict">
                <title>{format!("{product} — {}", PlanText::TimelineConflict.get(lang))}</title>
            </rect>
        }
    });
    let window = match (row.purchase_on, row.cancel_window_ends) {
        (Some(purchase), Some(ends)) => {
            let x = scale.x(purchase);
            let width = (scale.x(ends) - x + scale.pixels_per_day).max(2.0);
            Some(view! {
                <rect class="tl-window" x=x y=middle - 7.0 width=width height=14 rx=3>
                    <title>{marker_title(PlanText::DateCancelWindow, ends, product, lang)}</title>
                </rect>
            })
        }
        _ => None,
    };
    let term_end = row.term_end.map(|date| {
        let x = scale.x(date);
        view! {
            <rect class="tl-term-end" x=x - 2.0 y=middle - 10.0 width=4 height=20>
                <title>{marker_title(PlanText::TimelineTermEnd, date, product, lang)}</title>
            </rect>
        }
    });
    let purchase_class = match (row.blocked, row.conflict().is_some()) {
        (_, true) => "tl-purchase conflict",
        (true, false) => "tl-purchase blocked",
        (false, false) => "tl-purchase",
    };
    let purchase = row.purchase_on.map(|date| {
        view! {
            <circle class=purchase_class cx=scale.x(date) cy=middle r=6>
                <title>{marker_title(PlanText::TimelinePurchase, date, product, lang)}</title>
            </circle>
        }
    });
    let auto_renew = row.auto_renew_off_by.map(|date| {
        let x = scale.x(date);
        let points =
            format!("{},{} {},{} {},{}", x - 6.0, middle - 12.0, x + 6.0, middle - 12.0, x, middle - 2.0);
        view! {
            <polygon class="tl-auto-renew" points=points>
                <title>{marker_title(PlanText::TimelineAutoRenewOff, date, product, lang)}</title>
            </polygon>
        }
    });
    let risk = row.data_at_risk_after.map(|date| {
        let x = scale.x(date) + scale.pixels_per_day;
        let cross = format!(
            "M{} {} L{} {} M{} {} L{} {}",
            x - 5.0,
            middle - 5.0,
            x + 5.0,
            middle + 5.0,
            x - 5.0,
            middle + 5.0,
            x + 5.0,
            middle - 5.0
        );
        view! {
            <path class="tl-risk" d=cross>
                <title>{marker_title(PlanText::TimelineDataAtRisk, date, product, lang)}</title>
            </path>
        }
    });
    view! {
        <g class=if row.blocked { "tl-row blocked" } else { "tl-row" } data-id=row.subscription_id.clone() data-blocked=row.blocked.then_some("")>
            <rect class=if index.is_multiple_of(2) { "tl-band" } else { "tl-band odd" } x=0 y=top width=scale.width() height=ROW_HEIGHT />
            {row.blocked.then(|| view! {
                <rect class="tl-blocked-band" x=0 y=top width=scale.width() height=ROW_HEIGHT>
                    <title>{format!("{product} — {}", PlanText::TimelineBlocked.get(lang))}</title>
                </rect>
            })}
            {expired}
            {window}
            {term_end}
            {auto_renew}
            {risk}
            {purchase}
            {conflict}
        </g>
    }
}

/// The products' names, drawn apart from the chart so they stay pinned at the
/// left while the chart scrolls sideways (a phone shows a few weeks at a
/// time; there the column is narrower, its names cut, see plan.css). Drawn
/// over the chart's own label column, with the same rows, in pixels (no
/// viewBox: a narrower column clips rather than shrinks the text); hidden
/// from assistive technologies like the chart's drawing (the list below says it all).
fn labels(rows: &[TimelineRow], height: f64, lang: Lang) -> impl IntoView {
    view! {
        <svg
            class="timeline-labels"
            aria-hidden="true"
            focusable="false"
            width=format!("{LABEL_WIDTH:.0}")
            height=format!("{height:.0}")
            data-testid="timeline-labels"
        >
            <rect class="tl-band" x=0 y=0 width=LABEL_WIDTH height=height />
            {rows.iter().enumerate().map(|(index, row)| {
                let top = TOP + index as f64 * ROW_HEIGHT;
                let product = row.product.as_str();
                let label = if row.blocked {
                    format!("{} ({})", short_label_within(product, LABEL_CHARS - 10), PlanText::TimelineBlockedShort.get(lang))
                } else {
                    short_label(product)
                };
                view! {
                    <rect class=if index % 2 == 0 { "tl-band" } else { "tl-band odd" } x=0 y=top width=LABEL_WIDTH height=ROW_HEIGHT />
                    <text class=if row.blocked { "tl-label blocked" } else { "tl-label" } x=8 y=top + ROW_HEIGHT / 2.0 + 4.0>
                        <title>{format!("{product} ({})", row.subscription_id)}</title>
                        {label}
                    </text>
                }
            }).collect_view()}
            <line class="tl-label-edge" x1=LABEL_WIDTH - 0.5 y1=0 x2=LABEL_WIDTH - 0.5 y2=height />
        </svg>
    }
}

fn chart(as_of: NaiveDate, rows: &[TimelineRow], lang: Lang) -> impl IntoView {
    let scale = Scale::new(as_of, rows);
    let width = scale.width();
    let height = TOP + rows.len() as f64 * ROW_HEIGHT + 8.0;
    let today_x = scale.x(as_of);
    // The label goes left of the line when there is no room on its right.
    let (today_label_x, today_anchor) =
        if today_x + 170.0 > width { (today_x - 4.0, "end") } else { (today_x + 4.0, "start") };
    let months = scale.months();
    let view_box = format!("0 0 {width:.0} {height:.0}");
    view! {
        {labels(rows, height, lang)}
        <svg
            class="timeline-chart"
            role="img"
            aria-labelledby="timeline-svg-title timeline-svg-desc"
            width=format!("{width:.0}")
            height=format!("{height:.0}")
            viewBox=view_box
            data-testid="timeline-svg"
        >
            <title id="timeline-svg-title">{PlanText::TimelineHeading.get(lang)}</title>
            <desc id="timeline-svg-desc">{PlanText::TimelineDesc.get(lang)}</desc>
            {rows.iter().enumerate().map(|(index, row)| row_view(index, row, scale, lang)).collect_view()}
            {months.into_iter().map(|month| {
                let x = scale.x(month);
                let label = if month.month() == 1 || x - LABEL_WIDTH < 40.0 { format::month_year(month, lang) } else { format::month_short(month.month0(), lang).to_string() };
                view! {
                    <g class="tl-month">
                        <line x1=x y1=TOP - 14.0 x2=x y2=height - 4.0 />
                        <text x=x + 3.0 y=TOP - 18.0>{label}</text>
                    </g>
                }
            }).collect_view()}
            <g class="tl-today">
                <line x1=today_x y1=14 x2=today_x y2=height - 2.0 />
                <text x=today_label_x y=12 text-anchor=today_anchor>{format!("{} · {}", PlanText::TimelineToday.get(lang), format::date(as_of, lang))}</text>
            </g>
        </svg>
    }
}

/// One entry of the legend: a small drawing and its meaning.
fn legend_item(symbol: impl IntoView, label: PlanText, lang: Lang) -> impl IntoView {
    view! {
        <li>
            <svg class="legend-symbol" width="28" height="18" viewBox="0 0 28 18" aria-hidden="true" focusable="false">{symbol}</svg>
            <span>{label.get(lang)}</span>
        </li>
    }
}

fn legend(lang: Lang) -> impl IntoView {
    view! {
        <ul class="timeline-legend" aria-label=PlanText::TimelineLegend.get(lang)>
            {legend_item(view! { <line class="tl-today-symbol" x1=14 y1=0 x2=14 y2=18 /> }, PlanText::TimelineToday, lang)}
            {legend_item(view! { <rect class="tl-term-end" x=12 y=0 width=4 height=18 /> }, PlanText::TimelineTermEnd, lang)}
            {legend_item(view! { <circle class="tl-purchase" cx=14 cy=9 r=6 /> }, PlanText::TimelinePurchase, lang)}
            {legend_item(view! { <rect class="tl-window" x=2 y=2 width=24 height=14 rx=3 /> }, PlanText::TimelineCancelWindow, lang)}
            {legend_item(view! { <polygon class="tl-auto-renew" points="8,2 20,2 14,14" /> }, PlanText::TimelineAutoRenewOff, lang)}
            {legend_item(view! { <rect class="tl-expired" x=0 y=5 width=28 height=8 /> }, PlanText::TimelineExpired, lang)}
            {legend_item(view! { <path class="tl-risk" d="M9 4 L19 14 M9 14 L19 4" /> }, PlanText::TimelineDataAtRisk, lang)}
            {legend_item(view! { <rect class="tl-conflict" x=0 y=7 width=28 height=4 /> }, PlanText::TimelineConflict, lang)}
            {legend_item(view! { <rect class="tl-blocked-band" x=0 y=0 width=28 height=18 /> }, PlanText::TimelineBlocked, lang)}
        </ul>
    }
}

#[component]
pub(super) fn Timeline() -> impl IntoView {
    let lang = use_lang();
    let view_state = use_plan_view();
    // The drawing depends on the kept lines' dates and the plan's date only: a
    // new sort order, or an override that moves no date, leaves it as it is.
    let data = Memo::new(move |_| view_state.with_kept(|plan, lines| (timeline_rows(lines), plan.as_of)));
    let body = move || {
        let lang = lang.get();
        data.with(|data| {
            let Some(((rows, total), as_of)) = data.as_ref().filter(|((rows, _), _)| !rows.is_empty()) else {
                return view! { <p class="muted">{PlanText::TimelineEmpty.get(lang)}</p> }.into_any();
            };
            let as_of = *as_of;
            let showing = fill(
                PlanText::TimelineShowing.get(lang),
                &[("shown", &format::count(rows.len() as u64, lang)), ("total", &format::count(*total as u64, lang))],
            );
            view! {
                <p class="muted">{showing}" "{PlanText::TimelineScrollHint.get(lang)}</p>
                {legend(lang)}
                <div class="timeline-scroll" role="region" tabindex="0" aria-label=PlanText::TimelineHeading.get(lang)>
                    {chart(as_of, rows, lang)}
                </div>
                <details class="timeline-list">
                    <summary>{PlanText::TimelineAsList.get(lang)}</summary>
                    <ul data-testid="timeline-list">
                        <li>{format!("{}{}{}", PlanText::TimelineToday.get(lang), lang.pick(": ", " : "), format::date(as_of, lang))}</li>
                        {rows.iter().map(|row| view! {
                            <li><strong>{row.product.clone()}</strong>{format!(" ({})", row.subscription_id)}{lang.pick(": ", " : ")}{row.sentence(lang)}</li>
                        }).collect_view()}
                    </ul>
                </details>
            }
            .into_any()
        })
    };
    view! {
        <section class="timeline" data-testid="timeline" aria-labelledby="timeline-title">
            <h2 id="timeline-title">{move || PlanText::TimelineHeading.get(lang.get())}</h2>
            <p>{move || PlanText::TimelineDesc.get(lang.get())}</p>
            {body}
        </section>
    }
}
