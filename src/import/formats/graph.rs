//! Microsoft Graph: `GET /subscribedSkus` (one item per SKU: seats and
//! assigned counts) and `GET /directory/subscriptions` (one item per
//! subscription: total, trial, next lifecycle date, owner). A SKU's service plans
//! and their provisioning status are kept (the cost view's cheaper-suite
//! suggestion reads which are in use). Each file is read
//! alone or, when both are imported, joined on `skuId` across files.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde_json::{Map, Value};

use crate::import::error::{Issue, IssueKind, ValueKind};
use crate::import::json::{property, text};
use crate::import::rows::{DateTarget, FileContext};
use crate::import::values::{clean_cell, days_between, parse_guid, parse_status};
use crate::model::{Channel, ServicePlanUse, SourceRef, Subscription, SubscriptionStatus, Term};

/// One `subscribedSkus` item, read.
#[derive(Debug, Clone)]
pub(crate) struct SkuItem {
    pub file_index: usize,
    pub source: SourceRef,
    pub had_warnings: bool,
    pub sku_id: Option<String>,
    pub sku_part_number: Option<String>,
    pub status: SubscriptionStatus,
    pub consumed: Option<u32>,
    pub enabled: Option<u32>,
    pub warning: Option<u32>,
    /// Seats of a subscription past its grace period: still seats, users without access.
    pub suspended: Option<u32>,
    pub account_name: Option<String>,
    pub account_id: Option<String>,
    pub subscription_ids: Vec<String>,
    pub service_plans: Vec<ServicePlanUse>,
}

/// One `directory/subscriptions` item, read.
#[derive(Debug, Clone)]
pub(crate) struct DirectoryItem {
    pub file_index: usize,
    pub source: SourceRef,
    pub had_warnings: bool,
    pub id: Option<String>,
    pub commerce_subscription_id: Option<String>,
    pub sku_id: Option<String>,
    pub sku_part_number: Option<String>,
    pub status: SubscriptionStatus,
    pub total_licenses: Option<u32>,
    pub is_trial: Option<bool>,
    pub created: Option<NaiveDate>,
    pub next_lifecycle: Option<NaiveDate>,
    pub owner_tenant_id: Option<String>,
    pub owner_type: Option<String>,
}

fn cleaned(object: &Map<String, Value>, name: &str) -> Option<String> {
    let raw = text(object, name)?;
    let cell = clean_cell(&raw);
    (!cell.is_empty()).then(|| cell.into_owned())
}

fn count(ctx: &mut FileContext, object: &Map<String, Value>, name: &str) -> Option<u32> {
    let raw = text(object, name)?;
    ctx.read_optional_count(name, &clean_cell(&raw))
}

fn guid(ctx: &mut FileContext, object: &Map<String, Value>, name: &str) -> Option<String> {
    let raw = cleaned(object, name)?;
    ctx.read_with(name, &raw, ValueKind::Guid, parse_guid)
}

fn status(ctx: &mut FileContext, object: &Map<String, Value>, name: &str) -> SubscriptionStatus {
    let raw = cleaned(object, name).unwrap_or_default();
    ctx.read_with(name, &raw, ValueKind::Status, parse_status).unwrap_or_default()
}

/// Reads a `subscribedSkus` item; `None` (row rejected) when it names no SKU.
pub(crate) fn read_sku(ctx: &mut FileContext, file_index: usize, line: u32, item: &Value) -> Option<SkuItem> {
    let Value::Object(object) = item else {
        ctx.reject_item(None, IssueKind::MissingIdentity, item);
        return None;
    };
    let sku_id = guid(ctx, object, "skuId");
    let sku_part_number = cleaned(object, "skuPartNumber");
    if sku_id.is_none() && sku_part_number.is_none() {
        ctx.reject_item(None, IssueKind::MissingIdentity, item);
        return None;
    }
    let prepaid = property(object, "prepaidUnits").and_then(Value::as_object);
    let (enabled, warning, suspended) = match prepaid {
        Some(units) => {
            (count(ctx, units, "enabled"), count(ctx, units, "warning"), count(ctx, units, "suspended"))
        }
        None => (None, None, None),
    };
    let subscription_ids = property(object, "subscriptionIds")
        .or_else(|| property(object, "subscriptionsIds"))
        .and_then(Value::as_array)
        .map(|ids| ids.iter().filter_map(Value::as_str).map(str::to_owned).collect())
        .unwrap_or_default();
    let service_plans = property(object, "servicePlans")
        .and_then(Value::as_array)
        .map(|plans| plans.iter().filter_map(Value::as_object).filter_map(service_plan).collect())
        .unwrap_or_default();
    Some(SkuItem {
        file_index,
        source: SourceRef { file: ctx.file.clone(), line },
        sku_id,
        sku_part_number,
        status: seats_status(status(ctx, object, "capabilityStatus"), enabled, warning, suspended),
        consumed: count(ctx, object, "consumedUnits"),
        enabled,
        warning,
        suspended,
        account_name: cleaned(object, "accountName"),
        account_id: guid(ctx, object, "accountId"),
        subscription_ids,
        service_plans,
        had_warnings: ctx.row_has_warnings(),
    })
}

/// One `servicePlans` item; `None` when it has no plan id to compare with the catalog.
fn service_plan(object: &Map<String, Value>) -> Option<ServicePlanUse> {
    let id = cleaned(object, "servicePlanId")?.to_ascii_lowercase();
    Some(ServicePlanUse {
        id,
        name: cleaned(object, "servicePlanName").unwrap_or_default(),
        status: cleaned(object, "provisioningStatus").unwrap_or_default(),
    })
}

impl SkuItem {
    /// Enabled, warning and suspended units are all seats of the subscription; their
    /// state is said by the status (SEAT-BASED).
    fn seats(&self) -> u32 {
        [self.enabled, self.warning, self.suspended].into_iter().flatten().fold(0, u32::saturating_add)
    }
}

/// The status a SKU's units say when `capabilityStatus` says nothing more precise:
/// no enabled unit but units in grace (Warning) or past it (Suspended).
fn seats_status(
    status: SubscriptionStatus,
    enabled: Option<u32>,
    warning: Option<u32>,
    suspended: Option<u32>,
) -> SubscriptionStatus {
    let has = |units: Option<u32>| units.is_some_and(|units| units > 0);
    match status {
        SubscriptionStatus::Active | SubscriptionStatus::Unknown if !has(enabled) && has(warning) => {
            SubscriptionStatus::Warning
        }
        SubscriptionStatus::Active | SubscriptionStatus::Unknown if !has(enabled) && has(suspended) => {
            SubscriptionStatus::Suspended
        }
        status => status,
    }
}

/// Reads a `directory/subscriptions` item; `None` (row rejected) when it
/// names neither a SKU nor a subscription.
pub(crate) fn read_directory(
    ctx: &mut FileContext,
    file_index: usize,
    line: u32,
    item: &Value,
) -> Option<DirectoryItem> {
    let Value::Object(object) = item else {
        ctx.reject_item(None, IssueKind::MissingIdentity, item);
        return None;
    };
    let sku_id = guid(ctx, object, "skuId");
    let sku_part_number = cleaned(object, "skuPartNumber");
    let id = cleaned(object, "id");
    let commerce_subscription_id = cleaned(object, "commerceSubscriptionId");
    if sku_id.is_none() && sku_part_number.is_none() && id.is_none() && commerce_subscription_id.is_none() {
        ctx.reject_item(None, IssueKind::MissingIdentity, item);
        return None;
    }
    let total_licenses = match text(object, "totalLicenses") {
        Some(raw) => match ctx.read_count(&clean_cell(&raw)) {
            Ok(total) => total,
            Err(kind) => {
                ctx.reject_item(Some("totalLicenses"), kind, item);
                return None;
            }
        },
        None => None,
    };
    let is_trial = cleaned(object, "isTrial").and_then(|raw| ctx.read_bool("isTrial", &raw));
    let created = cleaned(object, "createdDateTime")
        .and_then(|raw| ctx.read_date("createdDateTime", &raw, DateTarget::Detached));
    let next_lifecycle = cleaned(object, "nextLifecycleDateTime")
        .and_then(|raw| ctx.read_date("nextLifecycleDateTime", &raw, DateTarget::Detached));
    Some(DirectoryItem {
        file_index,
        source: SourceRef { file: ctx.file.clone(), line },
        id,
        commerce_subscription_id,
        sku_id,
        sku_part_number,
        status: status(ctx, object, "status"),
        total_licenses,
        is_trial,
        created,
        next_lifecycle,
        owner_tenant_id: guid(ctx, object, "ownerTenantId"),
        owner_type: cleaned(object, "ownerType"),
        had_warnings: ctx.row_has_warnings(),
    })
}

/// A subscription made by the join, with the file it is counted in.
pub(crate) struct Joined {
    pub file_index: usize,
    pub had_warnings: bool,
    pub subscription: Subscription,
}

pub(crate) struct JoinResult {
    pub subscriptions: Vec<Joined>,
    /// File index of each SKU item folded into directory subscriptions.
    pub merged: Vec<usize>,
    pub issues: Vec<Issue>,
}

/// Graph gives no term: estimate it from the days between creation and the
/// next lifecycle date (about 25-35 days monthly, up to 1089 annual, about
/// 1095 triennial).
fn estimate_term(days: i64) -> Term {
    match days {
        25..=35 => Term::P1M,
        36..=1089 => Term::P1Y,
        1090..=1130 => Term::P3Y,
        _ => Term::Unknown,
    }
}

fn part_key(part: &str) -> String {
    format!("part:{}", part.to_ascii_uppercase())
}

/// Joins SKU items and directory subscriptions on `skuId` (or the part number
/// when an item has no id). Each directory subscription becomes a
/// subscription with its SKU's counts; SKUs no directory item names stand alone.
pub(crate) fn join(skus: Vec<SkuItem>, directory: Vec<DirectoryItem>) -> JoinResult {
    let mut issues = Vec::new();
    let mut subscriptions = Vec::new();
    // Each SKU by its id and by its part number, the first item of a key winning.
    let mut sku_by_key: HashMap<String, usize> = HashMap::new();
    for (at, sku) in skus.iter().enumerate() {
        for key in [sku.sku_id.clone(), sku.sku_part_number.as_deref().map(part_key)].into_iter().flatten() {
            sku_by_key.entry(key).or_insert(at);
        }
    }
    let mut subscriptions_per_sku: HashMap<usize, usize> = HashMap::new();
    let matched: Vec<Option<usize>> = directory
        .iter()
        .map(|item| {
            let by_id = item.sku_id.as_ref().and_then(|id| sku_by_key.get(id));
            let by_part = item.sku_part_number.as_ref().and_then(|part| sku_by_key.get(&part_key(part)));
            let found = by_id.or(by_part).copied();
            if let Some(at) = found {
                *subscriptions_per_sku.entry(at).or_default() += 1;
            }
            found
        })
        .collect();

    for (item, sku_at) in directory.into_iter().zip(matched) {
        let sku = sku_at.and_then(|at| skus.get(at));
        let siblings = sku_at.and_then(|at| subscriptions_per_sku.get(&at)).copied().unwrap_or(0);
        let mut subscription = Subscription {
            subscription_id: item
                .commerce_subscription_id
                .clone()
                .or_else(|| item.id.clone())
                .unwrap_or_default(),
            sku_id: item.sku_id.clone().or_else(|| sku.and_then(|sku| sku.sku_id.clone())),
            sku_part_number: item
                .sku_part_number
                .clone()
                .or_else(|| sku.and_then(|sku| sku.sku_part_number.clone())),
            status: item.status,
            trial: item.is_trial.unwrap_or(false),
            term_end: item.next_lifecycle,
            term_end_estimated: item.next_lifecycle.is_some(),
            customer: sku.and_then(|sku| sku.account_name.clone()).unwrap_or_default(),
            tenant_id: sku.and_then(|sku| sku.account_id.clone()),
            service_plans: sku.map(|sku| sku.service_plans.clone()).unwrap_or_default(),
            source: item.source.clone(),
            ..Subscription::default()
        };
        subscription.seats_total = match (item.total_licenses, sku) {
            (Some(total), _) => total,
            (None, Some(sku)) if siblings == 1 => sku.seats(),
            _ => 0,
        };
        if let Some(sku) = sku {
            if siblings == 1 {
                subscription.seats_assigned = sku.consumed;
            } else {
                issues.push(Issue::new(
                    &item.source.file,
                    Some(item.source.line),
                    None,
                    IssueKind::AssignedSeatsForWholeSku { subscriptions: siblings },
                ));
            }
        }
        if let (Some(created), Some(next)) = (item.created, item.next_lifecycle) {
            let days = days_between(created, next);
            subscription.term = estimate_term(days);
            issues.push(Issue::new(
                &item.source.file,
                Some(item.source.line),
                None,
                IssueKind::TermEstimated { days },
            ));
        }
        let sold_by_partner = item
            .owner_type
            .as_deref()
            .is_some_and(|owner| owner.to_ascii_lowercase().contains("partner"))
            || matches!((&item.owner_tenant_id, sku.and_then(|sku| sku.account_id.as_ref())), (Some(owner), Some(tenant)) if owner != tenant);
        if sold_by_partner {
            // Legacy license-based CSP offers could not renew after 2022, so a
            // live subscription sold by a partner is a new-commerce one.
            subscription.channel = Channel::CspNce;
            subscription.owner_tenant_id = item.owner_tenant_id.clone();
        }
        subscriptions.push(Joined {
            file_index: item.file_index,
            had_warnings: item.had_warnings,
            subscription,
        });
    }

    let mut merged = Vec::new();
    for (at, sku) in skus.into_iter().enumerate() {
        if subscriptions_per_sku.contains_key(&at) {
            merged.push(sku.file_index);
            continue;
        }
        let seats = sku.seats();
        let subscription = Subscription {
            subscription_id: match sku.subscription_ids.as_slice() {
                [only] => only.clone(),
                _ => String::new(),
            },
            sku_id: sku.sku_id,
            sku_part_number: sku.sku_part_number,
            status: sku.status,
            seats_total: seats,
            seats_assigned: sku.consumed,
            customer: sku.account_name.unwrap_or_default(),
            tenant_id: sku.account_id,
            service_plans: sku.service_plans,
            source: sku.source,
            ..Subscription::default()
        };
        subscriptions.push(Joined {
            file_index: sku.file_index,
            had_warnings: sku.had_warnings,
            subscription,
        });
    }
    JoinResult { subscriptions, merged, issues }
}
