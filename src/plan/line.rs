//! The plan of one source subscription: its path, target offer, seats, dates and
//! findings. Called once per subscription by the customer planner.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::add_ons::{BaseOfAddOn, PlannedBase};
use super::dates;
use super::findings::{Finding, FindingCode, FindingValue};
use super::lifecycle;
use super::offer::{self, FastHash, OfferCache, Resolution};
use super::{AddOnOf, LineDates, LineFindings, LineSource, OverrideField, PlanLine, Shared};
use crate::catalog::Catalog;
use crate::markets::Market;
use crate::model::{
    Actor, AddOnKind, BillingAccount, Channel, LineOverride, MigrationPath, PlanInput, SalesArea,
    Subscription, SubscriptionStatus,
};

/// An add-on line's kind and base, found once its customer's other lines are planned.
pub(super) struct AddOnPlanning {
    pub kind: AddOnKind,
    pub base: BaseOfAddOn,
}

/// What every line of a customer shares.
pub(super) struct LineContext<'a> {
    pub input: &'a PlanInput,
    pub catalog: &'a Catalog,
    pub as_of: NaiveDate,
    /// The day the relationship and the MCA are expected to be in place (REL-1, MCA-1).
    pub ready_on: NaiveDate,
    pub customer_country: Option<String>,
    /// The CSP market of `customer_country`, looked up once per customer.
    pub customer_market: Option<Market>,
    /// Suites with Teams stopped being sold in `customer_country` on this day (TEAMS-UNBUNDLE).
    pub customer_teams_unbundled_from: NaiveDate,
    pub partner_country: Option<&'a str>,
    pub partner_market: Option<Market>,
    /// Active license-based subscriptions of the tenant (CAP-SUBS).
    pub active_subscriptions: usize,
    /// Live subscriptions the plan buys anew in CSP while the originals still run (CAP-SUBS).
    pub planned_purchases: usize,
    /// Business-family seats of the tenant after the plan (CAP-BUSINESS).
    pub business_seats: u64,
    /// GDAP is active with Service support administrator (DAP-1, GDAP-1).
    pub partner_can_ask_support: bool,
}

/// Tenant cap above which no subscription may be added (CAP-SUBS).
pub(super) const SUBSCRIPTION_CAP: usize = 300;
/// Seats of the Business family per tenant (CAP-BUSINESS).
pub(super) const BUSINESS_SEAT_CAP: u64 = 300;
/// Direct subscriptions above this many licenses need a support call to cancel (DIRECT-CANCEL).
const DIRECT_ONLINE_CANCEL_LIMIT: u32 = 25;

/// What planning one line leaves for the next: the vector the findings of the
/// customer's lines are gathered in (then shared by its lines, see
/// [`super::LineFindings`]), and the texts many lines share, so a plan of many lines
/// does not copy the same product or file name for each.
pub(super) struct LineScratch<'a> {
    pub findings: Vec<Finding>,
    /// What a line holds until its customer's findings are shared out.
    no_findings: LineFindings,
    /// A product text as the file gives it, shared, and whether its name says it is not sold per seat.
    products: HashMap<&'a str, (Shared<str>, bool), FastHash>,
    /// The last source file name seen: the lines of one file come one after the other.
    file: Option<(&'a str, Shared<str>)>,
    currencies: Vec<(&'a str, Shared<str>)>,
}

impl<'a> LineScratch<'a> {
    pub fn new() -> LineScratch<'a> {
        LineScratch {
            findings: Vec::new(),
            no_findings: LineFindings::from(Vec::new()),
            products: HashMap::default(),
            file: None,
            currencies: Vec::new(),
        }
    }

    fn product(&mut self, text: &'a str) -> (Shared<str>, bool) {
        self.products
            .entry(text)
            .or_insert_with(|| (Shared::text(text), offer::is_non_seat_name(text)))
            .clone()
    }

    fn file(&mut self, name: &'a str) -> Shared<str> {
        match &self.file {
            Some((last, shared)) if *last == name => shared.clone(),
            _ => {
                let shared = Shared::text(name);
                self.file = Some((name, shared.clone()));
                shared
            }
        }
    }

    fn currency(&mut self, code: &'a str) -> Shared<str> {
        if let Some((_, shared)) = self.currencies.iter().find(|(known, _)| *known == code) {
            return shared.clone();
        }
        let shared = Shared::text(code);
        self.currencies.push((code, shared.clone()));
        shared
    }
}

/// Why a line is not migrated, before any path is considered.
fn not_migrated_reason(
    ctx: &LineContext,
    subscription: &Subscription,
    product: (&Shared<str>, bool),
    product_index: Option<usize>,
    seats: u32,
    cache: &mut OfferCache,
) -> Option<Finding> {
    let product_name = match product_index {
        Some(index) => cache.name(ctx.catalog, index),
        None => product.0.to_arc(),
    };
    let (excluded, non_seat) = match product_index {
        Some(index) => cache.excluded_or_non_seat(ctx.catalog, index),
        None => (false, product.1),
    };
    if excluded {
        return Some(Finding::new(FindingCode::FreeSkuNotMigrated).with("product", product_name));
    }
    if subscription.trial {
        return Some(Finding::new(FindingCode::TrialNotMigrated).with("product", product_name));
    }
    if seats == 0 || non_seat {
        return Some(Finding::new(FindingCode::NonSeatNotMigrated).with("product", product_name));
    }
    let ended = |status: SubscriptionStatus| {
        Some(
            Finding::new(FindingCode::AlreadyEnded)
                .with("product", product_name.clone())
                .with("status", status),
        )
    };
    match subscription.status {
        SubscriptionStatus::Deleted => ended(SubscriptionStatus::Deleted),
        SubscriptionStatus::Disabled => ended(SubscriptionStatus::Disabled),
        // Warning seats are in their grace period: users still have access.
        SubscriptionStatus::Warning if subscription.term_end.is_none() => None,
        SubscriptionStatus::Expired | SubscriptionStatus::Warning => match subscription.term_end {
            Some(term_end)
                if ctx.as_of <= lifecycle::of(planned_channel(subscription)).data_at_risk_after(term_end) =>
            {
                None
            }
            _ => ended(SubscriptionStatus::Expired),
        },
        _ => None,
    }
}

/// The channel the line is planned for: legacy CSP offers are gone (LEGACY-CSP), so a
/// "legacy" source is planned as the new-commerce subscription it must be by now.
pub(super) fn planned_channel(subscription: &Subscription) -> Channel {
    match subscription.channel {
        Channel::CspLegacy => Channel::CspNce,
        channel => channel,
    }
}

fn recommended_path(channel: Channel) -> MigrationPath {
    match channel {
        Channel::CspNce => MigrationPath::PartnerTransfer,
        Channel::Ea => MigrationPath::EaChannelTransfer,
        Channel::Direct => MigrationPath::Repurchase,
        Channel::CspLegacy => MigrationPath::PartnerTransfer,
        Channel::Unknown => MigrationPath::Blocked,
    }
}

/// REGION-1 / REGIONS for one line: the tenant country's market against the partner's.
fn region_findings(
    ctx: &LineContext,
    line_country: Option<&str>,
    line_market: Option<Market>,
) -> Vec<Finding> {
    let (Some(partner_country), Some(customer_country)) = (ctx.partner_country, line_country) else {
        return Vec::new(); // reported once per customer as CountryUnknown
    };
    let Some(partner_market) = ctx.partner_market else {
        return vec![Finding::new(FindingCode::CountryWithoutMarket)
            .with("party", Actor::Partner)
            .with("country", partner_country)];
    };
    match line_market {
        None => vec![Finding::new(FindingCode::CountryWithoutMarket)
            .with("party", Actor::Customer)
            .with("country", customer_country)],
        Some(customer_market) if customer_market != partner_market => {
            vec![Finding::new(FindingCode::RegionMismatch)
                .with("partner_market", partner_market)
                .with("partner_country", partner_country)
                .with("customer_market", customer_market)
                .with("customer_country", customer_country)]
        }
        Some(_) => Vec::new(),
    }
}

#[inline]
pub(super) fn plan_line<'a>(
    ctx: &LineContext,
    subscription: &'a Subscription,
    resolution: Resolution,
    line_override: Option<&LineOverride>,
    add_on: Option<&AddOnPlanning>,
    cache: &mut OfferCache,
    scratch: &mut LineScratch<'a>,
) -> (PlanLine, std::ops::Range<usize>) {
    let mut findings = std::mem::take(&mut scratch.findings);
    let start = findings.len();
    let line = plan_line_with(
        ctx,
        subscription,
        resolution,
        line_override,
        add_on,
        cache,
        scratch,
        &mut findings,
        start,
    );
    // A transfer line gets its batch finding once the customer's lines are batched:
    // its place is kept now, last, so the customer's findings are written once.
    if moves_in_transfer_batch(&line) {
        findings.push(Finding::new(FindingCode::PartnerTransfer));
    }
    let range = start..findings.len();
    scratch.findings = findings;
    (line, range)
}

/// Whether a line is moved by a partner-to-partner transfer, so is numbered in a
/// batch: only new-commerce subscriptions of another partner can be transferred
/// (P2P-TRANSFER). Every such line gets a batch, and a finding saying which.
pub(super) fn moves_in_transfer_batch(line: &PlanLine) -> bool {
    line.path == MigrationPath::PartnerTransfer && line.channel == Channel::CspNce
}

/// Plans the line, its findings added to `findings` (from `start`) rather than to the line.
#[allow(clippy::too_many_arguments)]
fn plan_line_with<'a>(
    ctx: &LineContext,
    subscription: &'a Subscription,
    resolution: Resolution,
    line_override: Option<&LineOverride>,
    add_on: Option<&AddOnPlanning>,
    cache: &mut OfferCache,
    scratch: &mut LineScratch<'a>,
    findings: &mut Vec<Finding>,
    start: usize,
) -> PlanLine {
    let empty_override = LineOverride::default();
    let line_override = line_override.unwrap_or(&empty_override);
    let product_index = resolution.product_index;
    findings.extend(resolution.findings);
    let mut overrides_applied = Vec::new();

    let seats = match line_override.seats {
        Some(seats) => {
            overrides_applied.push(OverrideField::Seats);
            if seats != subscription.seats_total {
                findings.push(
                    Finding::new(FindingCode::SeatsOverridden)
                        .with("seats", seats)
                        .with("source_seats", subscription.seats_total),
                );
            }
            seats
        }
        None => subscription.seats_total,
    };

    // The subscription already carries the user's source facts (`with_source_overrides`).
    let source = &line_override.source;
    for (given, field) in [
        (source.term_end.is_some(), OverrideField::SourceTermEnd),
        (source.auto_renew.is_some(), OverrideField::SourceAutoRenew),
        (source.channel.is_some(), OverrideField::SourceChannel),
        (source.term.is_some(), OverrideField::SourceTerm),
        (source.billing.is_some(), OverrideField::SourceBilling),
    ] {
        if given {
            overrides_applied.push(field);
        }
    }
    if let Some(channel) = source.channel {
        findings.push(Finding::new(FindingCode::ChannelSetByUser).with("channel", channel));
    }
    if let Some(term_end) = source.term_end {
        findings.push(Finding::new(FindingCode::TermEndSetByUser).with("term_end", term_end));
    }

    let (product, product_non_seat) = scratch.product(&subscription.product);
    let mut line = PlanLine {
        subscription_id: subscription.subscription_id.clone(),
        product,
        source_sku: product_index.and_then(|index| cache.offer_ref(ctx.catalog, index)),
        channel: planned_channel(subscription),
        status: subscription.status,
        path: MigrationPath::NotMigrated,
        recommended_path: MigrationPath::NotMigrated,
        target: None,
        candidates: cache.no_candidates(),
        seats,
        seats_source_total: subscription.seats_total,
        seats_assigned: subscription.seats_assigned,
        dates: LineDates {
            term_end: subscription.term_end,
            term_end_estimated: subscription.term_end_estimated,
            ..LineDates::default()
        },
        overlap_days: None,
        overlap_cost: None,
        currency: subscription.currency.as_deref().map(|code| scratch.currency(code)),
        reassign_licenses: false,
        // An MCA account is refunded only within 7 days of the term start, never by a
        // credit on an early end (DIRECT-ACCOUNT): the move lets it run to its end.
        credit_eligible: planned_channel(subscription) == Channel::Direct
            && subscription.billing_account != BillingAccount::Mca,
        billing_account: match planned_channel(subscription) {
            Channel::Direct => subscription.billing_account,
            _ => BillingAccount::Unknown,
        },
        transfer_batch: None,
        add_on: add_on.map(|add_on| AddOnOf {
            kind: add_on.kind,
            base_subscription_id: match &add_on.base {
                BaseOfAddOn::Found(base) => Some(base.subscription_id.to_string()),
                BaseOfAddOn::NotInFile(_) | BaseOfAddOn::Missing | BaseOfAddOn::Circular(_) => None,
            },
        }),
        overrides_applied: Vec::new(),
        note: line_override.note.clone(),
        findings: scratch.no_findings.clone(),
        source: LineSource { file: scratch.file(&subscription.source.file), line: subscription.source.line },
    };

    if subscription.channel == Channel::CspLegacy {
        findings.push(Finding::new(FindingCode::LegacyCspSource));
    }
    if line_override.excluded {
        overrides_applied.push(OverrideField::Excluded);
        findings.push(Finding::new(FindingCode::ExcludedByUser));
        line.overrides_applied = overrides_applied;
        line.credit_eligible = false;
        return line;
    }

    // Which path: not migrated for a reason, else by channel; the user's choice wins.
    let not_migrated = not_migrated_reason(
        ctx,
        subscription,
        (&line.product, product_non_seat),
        product_index,
        seats,
        cache,
    );
    let mut recommended = if not_migrated.is_some() {
        MigrationPath::NotMigrated
    } else {
        recommended_path(planned_channel(subscription))
    };
    if let Some(reason) = not_migrated {
        findings.push(reason);
    }
    let path_override = line_override.path;
    if let Some(path) = path_override {
        overrides_applied.push(OverrideField::Path);
        if path != recommended {
            findings.push(
                Finding::new(FindingCode::PathConfirmedByUser)
                    .with("path", path)
                    .with("recommended", recommended),
            );
        }
    }
    let chosen_path = path_override.unwrap_or(recommended);
    if chosen_path == MigrationPath::NotMigrated
        || (chosen_path == MigrationPath::Blocked && path_override.is_some())
    {
        line.path = chosen_path;
        line.recommended_path = recommended;
        line.credit_eligible = line.credit_eligible && chosen_path != MigrationPath::NotMigrated;
        line.overrides_applied = overrides_applied;
        return line;
    }
    match subscription.status {
        SubscriptionStatus::Suspended => findings.push(
            Finding::new(FindingCode::SeatsSuspended)
                .with("seats", seats)
                .with("product", line.product.to_arc()),
        ),
        SubscriptionStatus::Warning if subscription.term_end.is_none() => findings.push(
            Finding::new(FindingCode::SeatsInWarning)
                .with("seats", seats)
                .with("product", line.product.to_arc()),
        ),
        _ => {}
    }
    if planned_channel(subscription) == Channel::Unknown && path_override.is_none() {
        findings.push(Finding::new(FindingCode::ChannelUnknown).with("product", line.product.to_arc()));
    }
    // The path whose dates and offer are planned (an unconfirmed channel is planned as a purchase).
    let mut working_path = match chosen_path {
        MigrationPath::Blocked => MigrationPath::Repurchase,
        path => path,
    };
    if working_path == MigrationPath::PartnerTransfer && planned_channel(subscription) != Channel::CspNce {
        findings.push(
            Finding::new(FindingCode::TransferNotAvailable).with("channel", planned_channel(subscription)),
        );
        working_path = MigrationPath::Repurchase;
    }
    if working_path == MigrationPath::EaChannelTransfer && planned_channel(subscription) != Channel::Ea {
        findings.push(
            Finding::new(FindingCode::EaTransferNotAvailable).with("channel", planned_channel(subscription)),
        );
        working_path = MigrationPath::Repurchase;
    }

    // The subscription's own tenant country wins; most often it is the customer's.
    let own_country =
        subscription.tenant_country.as_deref().map(str::trim).filter(|country| !country.is_empty());
    let own_code = match (own_country, ctx.customer_country.as_deref()) {
        (Some(own), Some(customer)) if own.eq_ignore_ascii_case(customer) => None,
        (Some(own), _) => Some(super::normalise_country(own)),
        (None, _) => None,
    };
    let line_country = own_code.as_deref().or(ctx.customer_country.as_deref());
    // The customer's country was looked up once for all its lines.
    let (line_market, teams_unbundled_from) = match own_code.as_deref() {
        Some(own) => (crate::markets::market_of(own), offer::teams_unbundled_from(Some(own))),
        None => (ctx.customer_market, ctx.customer_teams_unbundled_from),
    };
    findings.extend(region_findings(ctx, line_country, line_market));

    // Term end: an expired source is bought as soon as possible; a past end on an
    // active subscription most likely renewed, so no dates are guessed from it.
    let mut term_end = subscription.term_end;
    let expired = matches!(subscription.status, SubscriptionStatus::Expired | SubscriptionStatus::Warning);
    match term_end {
        Some(end) if expired => findings.push(Finding::new(FindingCode::ExpiredRecoverable).with(
            "users_lose_access_after",
            lifecycle::of(planned_channel(subscription)).users_lose_access_after(end),
        )),
        Some(end) if end < ctx.as_of => {
            findings.push(Finding::new(FindingCode::TermEndPassed).with("term_end", end));
            term_end = None;
        }
        Some(end) if subscription.term_end_estimated => {
            findings.push(Finding::new(FindingCode::TermEndEstimated).with("term_end", end))
        }
        Some(_) => {}
        None if working_path != MigrationPath::PartnerTransfer => {
            findings.push(Finding::new(FindingCode::TermEndUnknown))
        }
        None => {}
    }
    if working_path == MigrationPath::PartnerTransfer && path_override.is_none() {
        if let Some(end) = term_end.filter(|end| *end < ctx.ready_on) {
            findings.push(
                Finding::new(FindingCode::TransferAfterTermEnd)
                    .with("term_end", end)
                    .with("ready_on", ctx.ready_on),
            );
            working_path = MigrationPath::Repurchase;
            recommended = MigrationPath::Repurchase;
        }
    }

    // Tenant caps decide whether duplicates may be bought before the originals end.
    let is_business = product_index.is_some_and(|index| cache.is_business_family(ctx.catalog, index));
    if is_business && ctx.business_seats > BUSINESS_SEAT_CAP {
        findings.push(Finding::new(FindingCode::BusinessCapExceeded).with("seats", ctx.business_seats));
    }
    if ctx.active_subscriptions > SUBSCRIPTION_CAP {
        findings
            .push(Finding::new(FindingCode::SubscriptionCapExceeded).with("count", ctx.active_subscriptions));
    }
    let business_overlap_seats = ctx.business_seats + u64::from(seats);
    let business_overlap =
        is_business && ctx.business_seats <= BUSINESS_SEAT_CAP && business_overlap_seats > BUSINESS_SEAT_CAP;
    // Active plus planned subscriptions must stay within the cap while both run.
    let subscription_overlap = ctx.active_subscriptions <= SUBSCRIPTION_CAP
        && ctx.active_subscriptions + ctx.planned_purchases > SUBSCRIPTION_CAP;
    let buy_after_expiry =
        working_path == MigrationPath::Repurchase && (business_overlap || subscription_overlap);

    let base_in_csp = add_on.and_then(|add_on| add_on_findings(add_on, &line, seats, findings));
    plan_dates(
        ctx,
        subscription,
        line_override,
        working_path,
        term_end,
        expired,
        buy_after_expiry,
        base_in_csp,
        seats,
        &mut line,
        findings,
        &mut overrides_applied,
    );
    if buy_after_expiry && line_override.purchase_on.is_none() {
        if let Some(purchase_on) = line.dates.purchase_on {
            if business_overlap {
                findings.push(
                    Finding::new(FindingCode::BusinessCapOverlap)
                        .with("seats", business_overlap_seats)
                        .with("purchase_on", purchase_on),
                );
            } else {
                findings.push(
                    Finding::new(FindingCode::SubscriptionCapOverlap)
                        .with("count", ctx.active_subscriptions)
                        .with("planned", ctx.planned_purchases)
                        .with("purchase_on", purchase_on),
                );
            }
        }
    }

    plan_offer(
        ctx,
        line_override,
        product_index,
        working_path,
        teams_unbundled_from,
        &mut line,
        findings,
        &mut overrides_applied,
        cache,
    );
    source_end_findings(ctx, subscription, working_path, seats, &line, findings);
    super::commerce::line_findings(
        ctx.input.settings.purchase_lead_days,
        subscription,
        working_path,
        &mut line,
        findings,
    );

    if let Some(assigned) =
        subscription.seats_assigned.filter(|assigned| *assigned < subscription.seats_total)
    {
        findings.push(
            Finding::new(FindingCode::SeatsUnassigned)
                .with("assigned", assigned)
                .with("total", subscription.seats_total),
        );
    }

    let has_blocker = findings.get(start..).unwrap_or_default().iter().any(Finding::is_blocker);
    if has_blocker && path_override.is_none() {
        recommended = MigrationPath::Blocked;
    }
    line.recommended_path = recommended;
    line.path = match path_override {
        Some(path) => path,
        None if has_blocker => MigrationPath::Blocked,
        None => working_path,
    };
    line.overrides_applied = overrides_applied;
    line
}

/// The findings of an add-on about its base (ADDON-BASE); returns the base when
/// it moves, with the day it is in CSP, which the add-on may not precede.
fn add_on_findings<'b>(
    add_on: &'b AddOnPlanning,
    line: &PlanLine,
    seats: u32,
    findings: &mut Vec<Finding>,
) -> Option<(&'b PlannedBase, NaiveDate)> {
    let product =
        || line.source_sku.as_ref().map_or_else(|| line.product.to_arc(), |sku| sku.name.as_str().into());
    let base = match &add_on.base {
        BaseOfAddOn::Missing => {
            findings.push(
                Finding::new(FindingCode::AddOnWithoutBase)
                    .with("product", product())
                    .with("needs", FindingValue::BaseNeeded(add_on.kind)),
            );
            return None;
        }
        BaseOfAddOn::NotInFile(base_id) => {
            findings.push(
                Finding::new(FindingCode::AddOnBaseNotInFile)
                    .with("product", product())
                    .with("base_id", base_id.clone()),
            );
            return None;
        }
        BaseOfAddOn::Circular(base_id) => {
            findings.push(
                Finding::new(FindingCode::AddOnBaseCircular)
                    .with("product", product())
                    .with("base_id", base_id.clone()),
            );
            return None;
        }
        BaseOfAddOn::Found(base) => base,
    };
    let about_base = |code| {
        Finding::new(code)
            .with("product", product())
            .with("base", base.name.clone())
            .with("base_id", base.subscription_id.clone())
    };
    match base.path {
        MigrationPath::NotMigrated => {
            findings.push(about_base(FindingCode::AddOnBaseLeftOut).with("path", base.path));
            return None;
        }
        MigrationPath::Blocked => findings.push(about_base(FindingCode::AddOnBaseBlocked)),
        _ => findings.push(about_base(FindingCode::AddOnWithBase)),
    }
    if seats > base.seats {
        findings.push(
            Finding::new(FindingCode::AddOnSeatsAboveBase)
                .with("seats", seats)
                .with("base_seats", base.seats)
                .with("base", base.name.clone()),
        );
    }
    base.in_csp_from.map(|day| (base, day))
}

/// Dates of the line for its path (TIME-1, NCE-CANCEL, EXPIRED-30, EA-CHANNEL, P2P-TRANSFER);
/// an add-on is not bought before `base_in_csp`, the day its base is in CSP (ADDON-BASE).
#[allow(clippy::too_many_arguments)]
fn plan_dates(
    ctx: &LineContext,
    subscription: &Subscription,
    line_override: &LineOverride,
    working_path: MigrationPath,
    term_end: Option<NaiveDate>,
    expired: bool,
    buy_after_expiry: bool,
    base_in_csp: Option<(&PlannedBase, NaiveDate)>,
    seats: u32,
    line: &mut PlanLine,
    findings: &mut Vec<Finding>,
    overrides_applied: &mut Vec<OverrideField>,
) {
    let settings = &ctx.input.settings;
    if working_path == MigrationPath::PartnerTransfer {
        line.dates.transfer_on = Some(ctx.ready_on);
        return;
    }
    let recommended_purchase = term_end.map(|end| match working_path {
        MigrationPath::EaChannelTransfer => dates::cutover_on(end).max(ctx.ready_on),
        _ if expired => ctx.ready_on,
        _ => dates::recommended_purchase_on(end, ctx.ready_on, settings.purchase_lead_days, buy_after_expiry),
    });
    if working_path == MigrationPath::EaChannelTransfer {
        line.dates.transfer_on = Some(ctx.ready_on);
    }
    let purchase_on = match line_override.purchase_on {
        Some(chosen) => {
            overrides_applied.push(OverrideField::PurchaseOn);
            if chosen < ctx.as_of {
                findings.push(
                    Finding::new(FindingCode::PurchaseBeforeAsOf)
                        .with("purchase_on", chosen)
                        .with("as_of", ctx.as_of),
                );
            }
            if let Some((base, base_on)) = base_in_csp.filter(|(_, base_on)| chosen < *base_on) {
                findings.push(
                    Finding::new(FindingCode::AddOnBeforeBase)
                        .with("purchase_on", chosen)
                        .with("base", base.name.clone())
                        .with("base_on", base_on),
                );
            }
            Some(chosen)
        }
        None => match (recommended_purchase, base_in_csp) {
            (Some(recommended), Some((base, base_on))) if recommended < base_on => {
                findings.push(
                    Finding::new(FindingCode::AddOnAfterBase)
                        .with("purchase_on", base_on)
                        .with("base", base.name.clone()),
                );
                Some(base_on)
            }
            (recommended, _) => recommended,
        },
    };
    line.dates.purchase_on = purchase_on;
    line.dates.cancel_window_ends = purchase_on.map(dates::cancel_window_ends);
    let Some(end) = term_end else {
        return;
    };
    let lifecycle = lifecycle::of(planned_channel(subscription));
    // Users move when the CSP licence exists: the day after the term end, or the
    // purchase when it comes later (an expired source, a late relationship).
    let cutover = dates::cutover_on(end).max(purchase_on.unwrap_or(NaiveDate::MIN));
    let users_lose_access_after = lifecycle.users_lose_access_after(end);
    let data_at_risk_after = lifecycle.data_at_risk_after(end);
    line.dates.cutover_on = Some(cutover);
    line.dates.users_lose_access_after = Some(users_lose_access_after);
    line.dates.data_at_risk_after = Some(data_at_risk_after);
    if users_lose_access_after != data_at_risk_after && !expired {
        let code = match planned_channel(subscription) {
            Channel::Ea => FindingCode::EaLifecycleDates,
            _ => FindingCode::DirectLifecycleDates,
        };
        findings.push(
            Finding::new(code)
                .with("users_lose_access_after", users_lose_access_after)
                .with("data_at_risk_after", data_at_risk_after),
        );
    }
    if working_path == MigrationPath::Repurchase && planned_channel(subscription) != Channel::Ea && !expired {
        line.dates.auto_renew_off_by = Some(dates::auto_renew_off_by(end, ctx.as_of));
    }
    let Some(purchase_on) = purchase_on else {
        return;
    };
    if working_path == MigrationPath::EaChannelTransfer && purchase_on == cutover {
        findings.push(Finding::new(FindingCode::EaChannelTransfer).with("purchase_on", purchase_on));
    }
    if purchase_on > data_at_risk_after {
        findings.push(
            Finding::new(FindingCode::PurchaseTooLate)
                .with("purchase_on", purchase_on)
                .with("data_at_risk_after", data_at_risk_after),
        );
    } else if purchase_on > users_lose_access_after {
        findings.push(
            Finding::new(FindingCode::PurchaseAfterAccessEnds)
                .with("purchase_on", purchase_on)
                .with("users_lose_access_after", users_lose_access_after)
                .with("data_at_risk_after", data_at_risk_after),
        );
    } else if purchase_on > dates::cutover_on(end) && !expired && !buy_after_expiry {
        findings.push(
            Finding::new(FindingCode::PurchaseAfterTermEnd)
                .with("purchase_on", purchase_on)
                .with("gap_days", (purchase_on - end).num_days() - 1)
                .with("term_end", end)
                .with("users_lose_access_after", users_lose_access_after),
        );
    }
    if working_path == MigrationPath::Repurchase && !expired {
        let window_ends = dates::cancel_window_ends(purchase_on);
        let code = if window_ends < cutover {
            FindingCode::CancelWindowClosesEarly
        } else {
            FindingCode::CancelWindowCoversCutover
        };
        findings.push(
            Finding::new(code)
                .with("purchase_on", purchase_on)
                .with("cancel_window_ends", window_ends)
                .with("cutover", cutover),
        );
        let overlap = dates::overlap_days(purchase_on, end);
        line.overlap_days = Some(overlap);
        if overlap > 0 {
            let cost = subscription
                .unit_price
                .and_then(|price| dates::overlap_cost(price, subscription.billing, seats, overlap));
            line.overlap_cost = cost;
            let amount = |cost: f64| FindingValue::Amount((cost * 100.0).round() as i64);
            findings.push(match (cost, line.currency.as_ref()) {
                (Some(cost), Some(currency)) => Finding::new(FindingCode::OverlapCost)
                    .with("overlap_days", overlap)
                    .with("overlap_cost", amount(cost))
                    .with("currency", FindingValue::Text(currency.to_arc())),
                // A price without its currency is never given one: the sentence says so.
                (Some(cost), None) => Finding::new(FindingCode::OverlapCostNoCurrency)
                    .with("overlap_days", overlap)
                    .with("overlap_cost", amount(cost)),
                (None, _) => Finding::new(FindingCode::Overlap).with("overlap_days", overlap),
            });
        }
    }
}

/// The target offer and its alternatives (CONT-1, EQUIV-1, REASSIGN-1, TEAMS-UNBUNDLE).
#[allow(clippy::too_many_arguments)]
fn plan_offer(
    ctx: &LineContext,
    line_override: &LineOverride,
    source_index: Option<usize>,
    working_path: MigrationPath,
    unbundled_from: NaiveDate,
    line: &mut PlanLine,
    findings: &mut Vec<Finding>,
    overrides_applied: &mut Vec<OverrideField>,
    cache: &mut OfferCache,
) {
    let catalog = ctx.catalog;
    let in_eea = unbundled_from == offer::TEAMS_UNBUNDLE_EEA_FROM;
    if let Some(chosen) = line_override.target_sku_id.as_deref().filter(|sku_id| !sku_id.trim().is_empty()) {
        overrides_applied.push(OverrideField::TargetSku);
        let chosen_index = catalog
            .index_by_sku_id(chosen)
            .or_else(|| catalog.find(chosen).and_then(|product| catalog.index_by_sku_id(&product.sku_id)));
        match chosen_index {
            Some(target) => set_target(ctx, line, findings, source_index, target, None, true, cache),
            None => findings.push(
                Finding::new(FindingCode::TargetOverrideUnknown)
                    .with("sku_id", chosen.trim())
                    .with("catalog", catalog.source_label()),
            ),
        }
        if let Some(index) = source_index {
            line.candidates = cache.ranked(catalog, index, in_eea);
        }
        return;
    }
    let Some(source) = source_index else {
        let product = match line.product.trim() {
            trimmed if trimmed.len() == line.product.len() => FindingValue::Text(line.product.to_arc()),
            trimmed => FindingValue::from(trimmed),
        };
        findings.push(
            Finding::new(FindingCode::UnknownSku)
                .with("product", product)
                .with("catalog", cache.catalog_label(catalog)),
        );
        return;
    };
    let Some(equivalent) = cache.teams_suite_equivalent(catalog, source) else {
        set_target(ctx, line, findings, source_index, source, None, false, cache);
        return;
    };
    let buy_day = line.dates.purchase_on.unwrap_or(ctx.as_of);
    if working_path != MigrationPath::Repurchase || buy_day < unbundled_from {
        if buy_day >= unbundled_from {
            findings
                .push(Finding::new(FindingCode::TeamsSuiteKept).with("product", cache.name(catalog, source)));
        }
        set_target(ctx, line, findings, source_index, source, None, false, cache);
        return;
    }
    let area = if in_eea { SalesArea::EeaAndSwitzerland } else { SalesArea::Worldwide };
    // EEA-only suites are never proposed outside the EEA and Switzerland (TEAMS-EEA).
    let (worldwide, eea_only) = equivalent;
    let suite = if in_eea { worldwide.or(eea_only) } else { worldwide };
    match (suite, cache.teams_licence(catalog, in_eea)) {
        (Some(suite), Some(teams)) => {
            findings.push(
                Finding::new(FindingCode::TeamsSuiteRetired)
                    .with("product", cache.name(catalog, source))
                    .with("since", unbundled_from)
                    .with("area", area)
                    .with("suite", cache.name(catalog, suite))
                    .with("teams", cache.name(catalog, teams)),
            );
            if in_eea && catalog.product(teams).is_some_and(|product| offer::is_eea_only(&product.name)) {
                findings.push(
                    Finding::new(FindingCode::TeamsEeaLicence).with("teams", cache.name(catalog, teams)),
                );
            }
            line.candidates = cache.teams_candidates(catalog, source, suite, teams, in_eea);
            set_target(ctx, line, findings, source_index, suite, Some(teams), false, cache);
        }
        _ => {
            if let (false, Some(eea_suite)) = (in_eea, eea_only) {
                findings.push(
                    Finding::new(FindingCode::EeaOnlyNotProposed)
                        .with("suite", cache.name(catalog, eea_suite))
                        .with("product", cache.name(catalog, source)),
                );
            }
            findings
                .push(Finding::new(FindingCode::NoEquivalent).with("product", cache.name(catalog, source)));
            line.candidates = cache.ranked(catalog, source, in_eea);
        }
    }
}

/// Sets the target and the findings about it: same offer, or another one whose
/// lost plans are named.
#[allow(clippy::too_many_arguments)]
fn set_target(
    ctx: &LineContext,
    line: &mut PlanLine,
    findings: &mut Vec<Finding>,
    source: Option<usize>,
    target: usize,
    add_on: Option<usize>,
    chosen_by_user: bool,
    cache: &mut OfferCache,
) {
    let catalog = ctx.catalog;
    let same_as_source = add_on.is_none() && source == Some(target);
    line.target = cache.target(catalog, target, add_on, same_as_source, chosen_by_user);
    if same_as_source {
        findings.push(Finding::new(FindingCode::SameOffer).with("name", cache.name(catalog, target)));
        return;
    }
    let Some(source) = source else {
        return;
    };
    line.reassign_licenses = true;
    let target_label: std::sync::Arc<str> = match add_on {
        Some(add_on) => cache.pair_name(catalog, target, add_on),
        None => cache.name(catalog, target),
    };
    findings.push(
        Finding::new(FindingCode::OfferChanged)
            .with("target", target_label.clone())
            .with("source", cache.name(catalog, source)),
    );
    if let Some((count, plans)) = cache.lost_plans(catalog, source, target, add_on) {
        findings.push(
            Finding::new(FindingCode::PlansLost)
                .with("target", target_label)
                .with("count", count)
                .with("source", cache.name(catalog, source))
                .with("plans", plans),
        );
    }
}

/// How the source stops: auto-renew off, recurring billing off, credit (NCE-RENEW,
/// DIRECT-CANCEL, CRED-1, DAP-1).
fn source_end_findings(
    ctx: &LineContext,
    subscription: &Subscription,
    working_path: MigrationPath,
    seats: u32,
    line: &PlanLine,
    findings: &mut Vec<Finding>,
) {
    if planned_channel(subscription) == Channel::Direct {
        match subscription.billing_account {
            BillingAccount::Unknown => {
                findings.push(Finding::new(FindingCode::BillingAccountUnknown));
                findings.push(Finding::new(FindingCode::CreditPossible));
            }
            BillingAccount::Mosa => findings.push(Finding::new(FindingCode::CreditMosa)),
            BillingAccount::Mca => {
                let window_ends = subscription.term_start.map(dates::cancel_window_ends);
                match window_ends.filter(|ends| *ends >= ctx.as_of) {
                    Some(ends) => {
                        findings.push(Finding::new(FindingCode::CreditMcaInWindow).with("window_ends", ends))
                    }
                    None => findings.push(Finding::new(FindingCode::CreditMcaNone)),
                }
            }
        }
    }
    if line.credit_eligible {
        findings.push(Finding::new(if ctx.partner_can_ask_support {
            FindingCode::CreditAskedByPartner
        } else {
            FindingCode::CreditAskedByCustomer
        }));
    }
    if working_path != MigrationPath::Repurchase {
        return;
    }
    let (Some(off_by), Some(term_end)) = (line.dates.auto_renew_off_by, line.dates.term_end) else {
        return;
    };
    if subscription.auto_renew == Some(false) {
        findings.push(Finding::new(FindingCode::AutoRenewAlreadyOff).with("term_end", term_end));
        return;
    }
    match planned_channel(subscription) {
        Channel::Direct => {
            findings.push(
                Finding::new(FindingCode::RecurringBillingOff)
                    .with("auto_renew_off_by", off_by)
                    .with("term_end", term_end),
            );
            if seats > DIRECT_ONLINE_CANCEL_LIMIT && subscription.billing_account != BillingAccount::Mca {
                findings.push(Finding::new(FindingCode::LargeDirectCancellation).with("seats", seats));
            }
        }
        Channel::CspNce | Channel::CspLegacy => findings.push(
            Finding::new(FindingCode::AutoRenewOff)
                .with("who", Actor::CurrentPartner)
                .with("auto_renew_off_by", off_by)
                .with("term_end", term_end),
        ),
        Channel::Unknown => findings.push(
            Finding::new(FindingCode::AutoRenewOff)
                .with("who", Actor::Customer)
                .with("auto_renew_off_by", off_by)
                .with("term_end", term_end),
        ),
        Channel::Ea => {}
    }
}
