//! Made-up drafts of any size, for the size tests and the storage benchmark.
//!
//! Deterministic (a fixed pseudo-random sequence), and shaped like a real partner
//! export: a few hundred customers, a few dozen products, unique subscription ids,
//! terms, prices and overrides, so compression is measured on realistic text.

use std::collections::BTreeMap;

use chrono::{Days, NaiveDate};

use super::Draft;
use crate::model::{
    BillingAccount, BillingFrequency, Channel, CustomerProfile, LineOverride, PartnerProfile, PlanInput,
    PlanSettings, SourceRef, Subscription, SubscriptionStatus, Term,
};

const PRODUCTS: &[(&str, &str, f64)] = &[
    ("Microsoft 365 Business Basic", "O365_BUSINESS_ESSENTIALS", 6.0),
    ("Microsoft 365 Business Standard", "O365_BUSINESS_PREMIUM", 12.5),
    ("Microsoft 365 Business Premium", "SPB", 22.0),
    ("Office 365 E1", "STANDARDPACK", 10.0),
    ("Office 365 E3", "ENTERPRISEPACK", 23.0),
    ("Office 365 E5", "ENTERPRISEPREMIUM", 38.0),
    ("Microsoft 365 E3", "SPE_E3", 36.0),
    ("Microsoft 365 E5", "SPE_E5", 57.0),
    ("Exchange Online (Plan 1)", "EXCHANGESTANDARD", 4.0),
    ("Exchange Online (Plan 2)", "EXCHANGEENTERPRISE", 8.0),
    ("Microsoft Teams Essentials", "TEAMS_ESSENTIALS_AAD", 4.0),
    ("Microsoft 365 Apps for business", "O365_BUSINESS", 8.25),
    ("Microsoft Intune Plan 1", "INTUNE_A", 8.0),
    ("Microsoft Entra ID P1", "AAD_PREMIUM", 6.0),
    ("Power BI Pro", "POWER_BI_PRO", 10.0),
    ("Visio Plan 2", "VISIOCLIENT", 15.0),
];

/// Tiny xorshift generator: reproducible without a dependency.
struct Sequence(u64);

impl Sequence {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, bound: u64) -> u64 {
        self.next() % bound.max(1)
    }

    fn guid(&mut self) -> String {
        let (high, low) = (self.next(), self.next());
        format!(
            "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
            high >> 32,
            (high >> 16) & 0xffff,
            high & 0xfff,
            0x8000 | (low >> 48) & 0x3fff,
            low & 0xffff_ffff_ffff
        )
    }
}

/// A draft of `count` subscriptions.
pub fn sample_draft(count: usize) -> Draft {
    let mut random = Sequence(0x9e37_79b9_7f4a_7c15);
    let as_of = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap_or_default();
    let customers: Vec<(String, String, &str)> = (0..(count / 50).clamp(1, 400))
        .map(|index| {
            let country = ["FR", "BE", "CH", "CA", "GB", "DE", "US"][index % 7];
            (format!("Customer {index:03} Société Générique SAS"), random.guid(), country)
        })
        .collect();
    let product_ids: Vec<String> = PRODUCTS.iter().map(|_| random.guid()).collect();
    let mut overrides = BTreeMap::new();
    let subscriptions = (0..count)
        .map(|index| {
            let (customer, tenant, country) = &customers[random.below(customers.len() as u64) as usize];
            let product = random.below(PRODUCTS.len() as u64) as usize;
            let (name, part_number, price) = PRODUCTS[product];
            let term = [Term::P1M, Term::P1Y, Term::P1Y, Term::P3Y][random.below(4) as usize];
            let start = as_of.checked_sub_days(Days::new(random.below(700))).unwrap_or(as_of);
            let end =
                start.checked_add_days(Days::new(if term == Term::P1M { 30 } else { 365 })).unwrap_or(start);
            let seats = 1 + random.below(300) as u32;
            let subscription_id = random.guid();
            if index % 25 == 0 {
                overrides.insert(
                    subscription_id.clone(),
                    LineOverride {
                        seats: Some(seats.saturating_sub(2)),
                        note: Some("Ask the customer about unused seats".into()),
                        ..LineOverride::default()
                    },
                );
            }
            Subscription {
                customer: customer.clone(),
                tenant_id: Some(tenant.clone()),
                tenant_country: Some(country.to_string()),
                subscription_id,
                product: name.to_string(),
                sku_id: Some(product_ids[product].clone()),
                sku_part_number: Some(part_number.to_string()),
                offer_id: Some(format!("CFQ7TTC0{:04X}", product * 97)),
                seats_total: seats,
                seats_assigned: Some(seats - random.below(u64::from(seats)) as u32),
                status: if index % 40 == 0 {
                    SubscriptionStatus::Warning
                } else {
                    SubscriptionStatus::Active
                },
                term,
                billing: if term == Term::P1M { BillingFrequency::Monthly } else { BillingFrequency::Annual },
                term_start: Some(start),
                term_end: Some(end),
                term_end_estimated: index % 9 == 0,
                auto_renew: Some(index % 3 != 0),
                trial: false,
                channel: [Channel::Direct, Channel::CspNce, Channel::CspLegacy, Channel::Ea]
                    [random.below(4) as usize],
                billing_account: BillingAccount::Unknown,
                owner_tenant_id: None,
                unit_price: Some(price),
                currency: Some("EUR".into()),
                add_on: false,
                base_subscription_id: None,
                service_plans: Vec::new(),
                source: SourceRef { file: "partner-center-subscriptions.csv".into(), line: index as u32 + 2 },
            }
        })
        .collect();
    let input = PlanInput {
        customer: CustomerProfile {
            name: "Contoso Holding".into(),
            tenant_id: Some(random.guid()),
            country: Some("FR".into()),
        },
        partner: PartnerProfile {
            name: "Fabrikam Cloud".into(),
            country: Some("FR".into()),
            ..PartnerProfile::default()
        },
        settings: PlanSettings { as_of, ..PlanSettings::default() },
        subscriptions,
        overrides,
        ..PlanInput::default()
    };
    let mut draft = Draft::new(format!("sample-{count}"), 1_795_000_000_000, input);
    draft.name = format!("Contoso Holding ({count} subscriptions)");
    draft.import.report.rows_read = count;
    draft.import.report.imported = count;
    draft
}
