//! Planning one customer: group the subscriptions, check the tenant-wide rules
//! (region, caps), plan every line, batch the transfers and sum up.

use std::collections::{BTreeMap, HashMap};

use super::add_ons;
use super::checklist;
use super::dates;
use super::findings::{Finding, FindingCode, FindingValue};
use super::gdap::needed_gdap_roles;
use super::line::{self, moves_in_transfer_batch, LineContext, LineScratch};
use super::offer::{self, OfferCache};
use super::{CustomerPlan, KeyDates, LineFindings, PlanLine, ProductTotal, SeatCounts, Shared};
use crate::catalog::Catalog;
use crate::markets::Market;
use crate::model::{
    Actor, AddOnKind, Channel, GdapRole, GdapStatus, MigrationPath, PlanInput, RelationshipStatus,
    Subscription, SubscriptionStatus,
};
use crate::rules::RuleId;

/// Partner-to-partner transfers carry at most this many line items (P2P-TRANSFER).
pub(super) const TRANSFER_BATCH_SIZE: usize = 25;

/// The subscriptions of one customer, in input order.
pub(super) struct CustomerGroup<'a> {
    pub name: String,
    pub subscriptions: Vec<&'a Subscription>,
}

/// Groups subscriptions by `Subscription::customer` (empty = the input's customer),
/// customers in order of first appearance.
pub(super) fn group_by_customer(input: &PlanInput) -> Vec<CustomerGroup<'_>> {
    let mut groups: Vec<CustomerGroup> = Vec::new();
    // Names compare like catalog lookups (case and spaces ignored); the exact text is
    // remembered too so most subscriptions find their group without building a key.
    let mut index_of_key: BTreeMap<String, usize> = BTreeMap::new();
    let mut index_of_text: std::collections::HashMap<&str, usize, offer::FastHash> = Default::default();
    for subscription in &input.subscriptions {
        let name = match subscription.customer.trim() {
            "" => input.customer.name.trim(),
            name => name,
        };
        let index = match index_of_text.get(name) {
            Some(&index) => index,
            None => {
                let index = *index_of_key.entry(crate::catalog::lookup_key(name)).or_insert_with(|| {
                    groups.push(CustomerGroup { name: name.to_string(), subscriptions: Vec::new() });
                    groups.len() - 1
                });
                index_of_text.insert(name, index);
                index
            }
        };
        if let Some(group) = groups.get_mut(index) {
            group.subscriptions.push(subscription);
        }
    }
    groups
}

/// What planning one customer leaves for the next: the lines' scratch, the
/// countries already normalised, the input customer's lookup key.
pub(super) struct CustomerScratch<'a> {
    lines: LineScratch<'a>,
    countries: Vec<(&'a str, String)>,
    input_customer_key: String,
    total_addresses: HashMap<(usize, usize), usize, offer::FastHash>,
    /// Lines and line findings planned so far, to size the next customer's findings.
    lines_planned: usize,
    findings_planned: usize,
}

impl<'a> CustomerScratch<'a> {
    pub(super) fn new(input: &PlanInput) -> CustomerScratch<'_> {
        CustomerScratch {
            lines: LineScratch::new(),
            countries: Vec::new(),
            input_customer_key: crate::catalog::lookup_key(&input.customer.name),
            total_addresses: HashMap::default(),
            lines_planned: 0,
            findings_planned: 0,
        }
    }

    /// Room for the findings of `lines` lines: as many per line as so far, and some more.
    fn findings_for(&self, lines: usize) -> usize {
        let per_line = if self.lines_planned == 0 {
            8.0
        } else {
            self.findings_planned as f64 / self.lines_planned as f64
        };
        (lines as f64 * per_line * 1.25) as usize + 8
    }

    fn count_findings(&mut self, lines: usize, findings: usize) {
        self.lines_planned += lines;
        self.findings_planned += findings;
    }

    /// [`super::normalise_country`], once per distinct text: most customers share a few countries.
    fn country(&mut self, text: &'a str) -> String {
        if let Some((_, code)) = self.countries.iter().find(|(known, _)| *known == text) {
            return code.clone();
        }
        let code = super::normalise_country(text);
        self.countries.push((text, code.clone()));
        code
    }
}

fn is_live(status: SubscriptionStatus) -> bool {
    !matches!(
        status,
        SubscriptionStatus::Expired | SubscriptionStatus::Disabled | SubscriptionStatus::Deleted
    )
}

pub(super) fn plan_customer<'a>(
    input: &'a PlanInput,
    catalog: &Catalog,
    group: &CustomerGroup<'a>,
    partner_country: Option<&str>,
    partner_market: Option<Market>,
    cache: &mut OfferCache,
    scratch: &mut CustomerScratch<'a>,
) -> CustomerPlan {
    let as_of = input.settings.as_of;
    let partner = &input.partner;
    let is_input_customer = crate::catalog::lookup_key(&group.name) == scratch.input_customer_key;
    let tenant_country = group
        .subscriptions
        .iter()
        .filter_map(|subscription| subscription.tenant_country.as_deref())
        .chain(input.customer.country.as_deref())
        .map(str::trim)
        .find(|country| !country.is_empty())
        .map(|country| scratch.country(country));
    let tenant_id = group
        .subscriptions
        .iter()
        .filter_map(|subscription| subscription.tenant_id.clone())
        .chain(input.customer.tenant_id.clone().filter(|_| is_input_customer))
        .find(|tenant_id| !tenant_id.trim().is_empty());
    let customer_market = tenant_country.as_deref().and_then(crate::markets::market_of);

    // REL-1 and MCA-1 must be done before any order; GDAP is not needed to order.
    let setup_pending = partner.relationship != RelationshipStatus::Accepted || !partner.mca_accepted;
    let ready_on =
        if setup_pending { dates::add_days(as_of, u64::from(input.settings.acceptance_days)) } else { as_of };

    let resolutions: Vec<offer::Resolution> =
        group.subscriptions.iter().map(|subscription| offer::resolve(catalog, subscription, cache)).collect();
    let overrides = |subscription: &Subscription| input.overrides.get(&subscription.subscription_id);
    let active_subscriptions =
        group.subscriptions.iter().filter(|subscription| is_live(subscription.status)).count();
    let business_seats: u64 = group
        .subscriptions
        .iter()
        .zip(&resolutions)
        .filter(|(subscription, resolution)| {
            is_live(subscription.status)
                && !subscription.trial
                && !overrides(subscription).is_some_and(|line_override| line_override.excluded)
                && resolution.product_index.is_some_and(|index| cache.is_business_family(catalog, index))
        })
        .map(|(subscription, _)| {
            u64::from(
                overrides(subscription)
                    .and_then(|line_override| line_override.seats)
                    .unwrap_or(subscription.seats_total),
            )
        })
        .sum();
    // Bought anew while the original runs: direct and unconfirmed sources (a transfer
    // moves the subscription, an EA channel transfer starts at the EA end).
    let planned_purchases = group
        .subscriptions
        .iter()
        .zip(&resolutions)
        .filter(|(subscription, resolution)| {
            is_live(subscription.status)
                && !subscription.trial
                && matches!(line::planned_channel(subscription), Channel::Direct | Channel::Unknown)
                && !overrides(subscription).is_some_and(|line_override| line_override.excluded)
                && !resolution.product_index.is_some_and(|index| cache.excluded_or_non_seat(catalog, index).0)
        })
        .count();
    let partner_can_ask_support = partner.gdap == GdapStatus::Active
        && partner.gdap_roles.contains(&GdapRole::ServiceSupportAdministrator);

    let context = LineContext {
        input,
        catalog,
        as_of,
        ready_on,
        customer_country: tenant_country.clone(),
        customer_market,
        customer_teams_unbundled_from: offer::teams_unbundled_from(tenant_country.as_deref()),
        partner_country,
        partner_market,
        active_subscriptions,
        planned_purchases,
        business_seats,
        partner_can_ask_support,
    };
    // The lines' findings are gathered in one vector, then shared out (see LineFindings),
    // sized by the findings per line of the customers before so it seldom grows.
    scratch.lines.findings = Vec::with_capacity(scratch.findings_for(group.subscriptions.len()));
    // Bases before add-ons (ADDON-BASE): an add-on is planned once its customer's
    // other lines are, so it can find its base, follow its dates and share its fate.
    let add_on_kinds: Vec<Option<AddOnKind>> = group
        .subscriptions
        .iter()
        .zip(&resolutions)
        .map(|(subscription, resolution)| {
            let product_kind = resolution.product_index.map(|index| cache.add_on_kind(catalog, index));
            add_ons::kind_of(subscription, product_kind)
        })
        .collect();
    let product_indexes: Vec<Option<usize>> =
        resolutions.iter().map(|resolution| resolution.product_index).collect();
    let count = group.subscriptions.len();
    let mut planned: Vec<Option<PlanLine>> = (0..count).map(|_| None).collect();
    let mut ranges: Vec<std::ops::Range<usize>> = vec![0..0; count];
    let mut resolutions: Vec<Option<offer::Resolution>> = resolutions.into_iter().map(Some).collect();
    let mut plan_one = |index: usize,
                        add_on: Option<&line::AddOnPlanning>,
                        planned: &mut Vec<Option<PlanLine>>,
                        cache: &mut OfferCache| {
        let (Some(subscription), Some(resolution)) =
            (group.subscriptions.get(index), resolutions.get_mut(index).and_then(Option::take))
        else {
            return;
        };
        let (line, range) = line::plan_line(
            &context,
            subscription,
            resolution,
            overrides(subscription),
            add_on,
            cache,
            &mut scratch.lines,
        );
        if let (Some(slot), Some(kept)) = (planned.get_mut(index), ranges.get_mut(index)) {
            *slot = Some(line);
            *kept = range;
        }
    };
    for (index, kind) in add_on_kinds.iter().enumerate() {
        if kind.is_none() {
            plan_one(index, None, &mut planned, cache);
        }
    }
    // Add-ons whose named base is another add-on wait for it (a calling plan on
    // Teams Phone); those that name each other in a circle are planned last.
    let mut waiting: Vec<usize> =
        (0..count).filter(|index| add_on_kinds.get(*index).is_some_and(Option::is_some)).collect();
    while !waiting.is_empty() {
        let is_waiting_add_on = |id: &str, waiting: &[usize]| {
            waiting.iter().any(|&other| {
                group
                    .subscriptions
                    .get(other)
                    .is_some_and(|other| add_ons::is_named(&other.subscription_id, id))
            })
        };
        let ready: Vec<usize> = waiting
            .iter()
            .copied()
            .filter(|&index| {
                group
                    .subscriptions
                    .get(index)
                    .and_then(|subscription| add_ons::named_base(subscription))
                    .is_none_or(|base| {
                        group
                            .subscriptions
                            .get(index)
                            .is_some_and(|own| add_ons::is_named(&own.subscription_id, base))
                            || !is_waiting_add_on(base, &waiting)
                    })
            })
            .collect();
        let circle = ready.is_empty();
        let now = if circle { std::mem::take(&mut waiting) } else { ready };
        waiting.retain(|index| !now.contains(index));
        for index in now {
            let (Some(Some(kind)), Some(subscription)) =
                (add_on_kinds.get(index).copied(), group.subscriptions.get(index))
            else {
                continue;
            };
            let qualifying: Vec<bool> = product_indexes
                .iter()
                .zip(&add_on_kinds)
                .map(|(product, candidate_kind)| match (product, candidate_kind) {
                    (Some(product), None) => catalog.product(*product).is_some_and(|found| {
                        add_ons::qualifies_as_base(kind, found, cache.is_business_family(catalog, *product))
                    }),
                    _ => false,
                })
                .collect();
            let unplanned = |id: &str| {
                group.subscriptions.iter().zip(&planned).zip(&add_on_kinds).any(
                    |((other, line), other_kind)| {
                        other_kind.is_some()
                            && line.is_none()
                            && add_ons::is_named(&other.subscription_id, id)
                    },
                )
            };
            let base = add_ons::find_base(
                subscription,
                &planned,
                |candidate| qualifying.get(candidate).copied().unwrap_or(false),
                unplanned,
            );
            let planning = line::AddOnPlanning { kind, base };
            plan_one(index, Some(&planning), &mut planned, cache);
        }
    }
    let mut lines: Vec<PlanLine> = planned.into_iter().flatten().collect();
    let source_partners: Vec<&str> = group
        .subscriptions
        .iter()
        .map(|subscription| subscription.owner_tenant_id.as_deref().unwrap_or_default())
        .collect();
    let batch_count = assign_transfer_batches(&mut lines, &source_partners);
    for (line, range) in lines.iter().zip(&ranges) {
        let Some(batch) = line.transfer_batch else {
            continue;
        };
        let finding = Finding::new(FindingCode::PartnerTransfer)
            .with("batch", batch)
            .with("batches", batch_count)
            .with(
                "term_end",
                line.dates.term_end.map_or_else(|| FindingValue::Static("?"), FindingValue::from),
            )
            .with("seats", line.seats);
        // The place plan_line kept, last of the line's findings.
        if let Some(kept) = range.end.checked_sub(1).and_then(|last| scratch.lines.findings.get_mut(last)) {
            *kept = finding;
        }
    }
    let mut all_findings = std::mem::take(&mut scratch.lines.findings);
    scratch.count_findings(group.subscriptions.len(), all_findings.len());
    all_findings.shrink_to_fit(); // most allocators shrink in place, without a copy
    let all_findings = Shared::new(all_findings);
    for (line, range) in lines.iter_mut().zip(ranges) {
        line.findings = LineFindings::part(all_findings.clone(), range);
    }

    let findings = customer_findings(
        input,
        partner_country,
        tenant_country.as_deref(),
        partner_market,
        customer_market,
        ready_on,
        setup_pending,
        &lines,
    );
    let steps = checklist::build(input, &group.name, &lines, ready_on, setup_pending, batch_count);
    let totals = totals(&lines, &mut scratch.total_addresses);
    let seats = SeatCounts::count(&lines);
    let key_dates = key_dates(as_of, ready_on, partner.relationship, setup_pending, &lines);
    // Marked by the rule's place in the registry, so they come out in its order.
    let mut fired: Vec<Option<RuleId>> = Vec::new();
    let rules = findings
        .iter()
        .chain(lines.iter().flat_map(|line| line.findings.iter()))
        .map(|finding| finding.rule)
        .chain(steps.iter().map(|step| step.rule));
    for rule in rules {
        let place = rule as usize;
        if fired.len() <= place {
            fired.resize(place + 1, None);
        }
        if let Some(slot) = fired.get_mut(place) {
            *slot = Some(rule);
        }
    }
    let rules_fired: Vec<RuleId> = fired.into_iter().flatten().collect();
    CustomerPlan {
        name: group.name.clone(),
        tenant_id,
        tenant_country,
        market: customer_market.map(|market| market.id.to_string()),
        lines,
        findings,
        checklist: steps,
        totals,
        seats,
        key_dates,
        rules_fired,
    }
}

/// Numbers the transfer lines in batches of at most 25, one source partner per
/// batch (a transfer request goes to one partner), a base and its add-ons in one
/// batch (ADDON-BASE) unless together they are more than a batch holds; returns
/// the batch count.
fn assign_transfer_batches(lines: &mut [PlanLine], source_partners: &[&str]) -> usize {
    let mut by_source: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for ((index, line), source) in lines.iter().enumerate().zip(source_partners) {
        if moves_in_transfer_batch(line) {
            by_source.entry(source.trim().to_ascii_lowercase()).or_default().push(index);
        }
    }
    let mut batch = 0u32;
    // Without add-ons every line is a group of its own: plain chunks of 25.
    if !lines.iter().any(PlanLine::is_add_on) {
        for indexes in by_source.values() {
            for chunk in indexes.chunks(TRANSFER_BATCH_SIZE) {
                batch += 1;
                for &index in chunk {
                    if let Some(line) = lines.get_mut(index) {
                        line.transfer_batch = Some(batch);
                    }
                }
            }
        }
        return batch as usize;
    }
    for indexes in by_source.values() {
        let mut in_batch = 0usize;
        for group in base_groups(lines, indexes) {
            // A group that fits in no open batch starts a new one; one larger than a
            // batch fills as many as it needs.
            if in_batch == 0 || in_batch + group.len() > TRANSFER_BATCH_SIZE {
                batch += 1;
                in_batch = 0;
            }
            for index in group {
                if in_batch == TRANSFER_BATCH_SIZE {
                    batch += 1;
                    in_batch = 0;
                }
                if let Some(line) = lines.get_mut(index) {
                    line.transfer_batch = Some(batch);
                }
                in_batch += 1;
            }
        }
    }
    batch as usize
}

/// The lines `indexes` as groups of a base followed by its add-ons, in the order
/// of the bases; an add-on whose base is not among them is a group of its own.
fn base_groups(lines: &[PlanLine], indexes: &[usize]) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = Vec::with_capacity(indexes.len());
    let mut group_of_base: HashMap<&str, usize, offer::FastHash> = HashMap::default();
    for &index in indexes {
        if let Some(line) = lines.get(index).filter(|line| !line.is_add_on()) {
            group_of_base.insert(line.subscription_id.as_str(), groups.len());
            groups.push(vec![index]);
        }
    }
    for &index in indexes {
        let Some(add_on) = lines.get(index).and_then(|line| line.add_on.as_ref()) else {
            continue;
        };
        let group = add_on.base_subscription_id.as_deref().and_then(|base| group_of_base.get(base));
        match group.and_then(|&group| groups.get_mut(group)) {
            Some(group) => group.push(index),
            None => groups.push(vec![index]),
        }
    }
    groups
}

#[allow(clippy::too_many_arguments)]
fn customer_findings(
    input: &PlanInput,
    partner_country: Option<&str>,
    tenant_country: Option<&str>,
    partner_market: Option<Market>,
    customer_market: Option<Market>,
    ready_on: chrono::NaiveDate,
    setup_pending: bool,
    lines: &[PlanLine],
) -> Vec<Finding> {
    let mut findings = Vec::new();
    if partner_country.is_none() {
        findings.push(Finding::new(FindingCode::CountryUnknown).with("party", Actor::Partner));
    }
    if tenant_country.is_none() {
        findings.push(Finding::new(FindingCode::CountryUnknown).with("party", Actor::Customer));
    }
    if let (Some(partner_market), Some(customer_market)) = (partner_market, customer_market) {
        if partner_market == customer_market {
            findings.push(Finding::new(FindingCode::SameMarket).with("market", partner_market));
        }
    }
    let migrating =
        lines.iter().filter(|line| line.is_migrated() || line.path == MigrationPath::Blocked).count();
    if migrating > 0 && input.partner.relationship != RelationshipStatus::Accepted {
        findings.push(Finding::new(FindingCode::RelationshipNeeded).with("ready_on", ready_on));
    }
    if migrating > 0 && setup_pending && !input.partner.mca_accepted {
        findings.push(
            Finding::new(FindingCode::McaNeeded)
                .with("how", FindingValue::McaAttestation(input.partner.billing_model)),
        );
    }
    for role in needed_gdap_roles(input, lines) {
        findings.push(
            Finding::new(FindingCode::GdapRoleNeeded)
                .with("role", FindingValue::Role(role))
                .with("reason", FindingValue::RolePurpose(role)),
        );
    }
    let not_migrated = lines.iter().filter(|line| line.path == MigrationPath::NotMigrated).count();
    if not_migrated > 0 {
        findings.push(
            Finding::new(FindingCode::PartOfTenant).with("count", not_migrated).with("total", lines.len()),
        );
    }
    findings
}

/// Seats per product before (every source line) and after (the lines that migrate).
fn totals(
    lines: &[PlanLine],
    by_address: &mut HashMap<(usize, usize), usize, offer::FastHash>,
) -> Vec<ProductTotal> {
    /// The products in order of first sight, found by key text and, faster, by the
    /// address of that text: the lines of a plan share their offers, so most keys
    /// are the very same text. (`by_address` is kept from one customer to the next.)
    struct Tally<'l, 'm> {
        products: Vec<(&'l str, &'l str, u64, u64)>,
        by_key: HashMap<&'l str, usize, offer::FastHash>,
        by_address: &'m mut HashMap<(usize, usize), usize, offer::FastHash>,
    }
    impl<'l> Tally<'l, '_> {
        fn add(&mut self, key: &'l str, name: &'l str, before: u32, after: u32) {
            let address = (key.as_ptr() as usize, key.len());
            let index = match self.by_address.get(&address) {
                Some(&index) => index,
                None => {
                    let index = *self.by_key.entry(key).or_insert_with(|| {
                        self.products.push((key, name, 0, 0));
                        self.products.len() - 1
                    });
                    self.by_address.insert(address, index);
                    index
                }
            };
            if let Some(product) = self.products.get_mut(index) {
                product.2 += u64::from(before);
                product.3 += u64::from(after);
            }
        }
    }
    by_address.clear();
    let mut tally = Tally {
        products: Vec::with_capacity(32),
        by_key: HashMap::with_capacity_and_hasher(32, Default::default()),
        by_address,
    };
    for line in lines {
        match &line.source_sku {
            Some(sku) => tally.add(&sku.sku_id, &sku.name, line.seats_source_total, 0),
            None => tally.add(line.product.trim(), line.product.trim(), line.seats_source_total, 0),
        }
        if let Some(target) = line.target.as_ref().filter(|_| line.is_migrated()) {
            tally.add(&target.sku_id, &target.name, 0, line.seats);
            if let Some(add_on) = &target.add_on {
                tally.add(&add_on.sku_id, &add_on.name, 0, line.seats);
            }
        }
    }
    let mut list: Vec<ProductTotal> = tally
        .products
        .into_iter()
        .map(|(key, name, seats_before, seats_after)| ProductTotal {
            key: key.to_string(),
            name: name.to_string(),
            seats_before,
            seats_after,
        })
        .collect();
    crate::sorting::sort_by(&mut list, |a, b| a.name.cmp(&b.name).then(a.key.cmp(&b.key)));
    list
}

/// The customer's milestones over every line that moves or is blocked: a blocked
/// line's dates are as real as the others' (its data is at risk all the same), and
/// a date taken from one is named in `from_blocked_lines`.
fn key_dates(
    as_of: chrono::NaiveDate,
    ready_on: chrono::NaiveDate,
    relationship: RelationshipStatus,
    setup_pending: bool,
    lines: &[PlanLine],
) -> KeyDates {
    let planned = || lines.iter().filter(|line| line.is_migrated() || line.path == MigrationPath::Blocked);
    let mut from_blocked_lines = Vec::new();
    let mut earliest =
        |field: &'static str, date_of: fn(&PlanLine) -> Option<chrono::NaiveDate>, latest: bool| {
            let pick = planned().filter_map(|line| date_of(line).map(|date| (date, line)));
            let found =
                if latest { pick.max_by_key(|(date, _)| *date) } else { pick.min_by_key(|(date, _)| *date) };
            let date = found.map(|(date, _)| date);
            // Flagged when every line giving that date is blocked.
            if let Some(date) = date {
                let blocked_only = planned()
                    .filter(|line| date_of(line) == Some(date))
                    .all(|line| line.path == MigrationPath::Blocked);
                if blocked_only {
                    from_blocked_lines.push(field.to_string());
                }
            }
            date
        };
    let first_purchase_on = earliest("first_purchase_on", |line| line.dates.purchase_on, false);
    let last_purchase_on = earliest("last_purchase_on", |line| line.dates.purchase_on, true);
    let first_term_end = earliest("first_term_end", |line| line.dates.term_end, false);
    let earliest_users_lose_access_after =
        earliest("earliest_users_lose_access_after", |line| line.dates.users_lose_access_after, false);
    let earliest_data_at_risk_after =
        earliest("earliest_data_at_risk_after", |line| line.dates.data_at_risk_after, false);
    let last_cutover_on = earliest("last_cutover_on", |line| line.dates.cutover_on, true);
    KeyDates {
        // A request already sent or accepted is no milestone any more.
        relationship_request_on: (relationship == RelationshipStatus::None).then_some(as_of),
        ready_on: setup_pending.then_some(ready_on),
        first_purchase_on,
        last_purchase_on,
        first_term_end,
        earliest_users_lose_access_after,
        earliest_data_at_risk_after,
        last_cutover_on,
        from_blocked_lines,
    }
}
