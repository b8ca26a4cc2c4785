//! The customer's checklist: every step in dependency order, who does it and by
//! when, each citing its rule.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::findings::{fill_values, placeholder_set, FindingCode, FindingValue, FindingValues, StoredValues};
use super::gdap::needed_gdap_roles;
use super::PlanLine;
use crate::i18n::Lang;
use crate::model::{
    Actor, BillingModel, Channel, GdapRole, GdapRoles, GdapStatus, MigrationPath, PlanInput,
    RelationshipStatus,
};
use crate::rules::RuleId;

/// Declares `StepCode` in dependency order with its rule and texts.
macro_rules! step_codes {
    ($($code:ident => $rule:ident, $en:expr, $fr:expr;)*) => {
        /// The kind of a step; its declaration order is the dependency order used
        /// when two steps fall on the same day.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum StepCode { $($code,)* }

        impl StepCode {
            pub const ALL: &'static [StepCode] = &[$(StepCode::$code,)*];

            pub fn rule(self) -> RuleId {
                match self { $(StepCode::$code => RuleId::$rule,)* }
            }

            pub fn template(self, lang: Lang) -> &'static str {
                match self { $(StepCode::$code => lang.pick($en, $fr),)* }
            }
        }
    };
}

step_codes! {
    ResolveBlocker => Prov1,
        "Resolve the {rule} blocker before anything is bought (see the line's finding): {items}.",
        "Lever le point bloquant {rule} avant tout achat (voir le constat de la ligne) : {items}.";
    SendRelationshipRequest => Rel1,
        "Send the reseller relationship request to {customer} (Partner Center: Customers > Request a reseller relationship).",
        "Envoyer la demande de relation de revendeur à {customer} (Espace partenaires : Clients > Demander une relation de revendeur).";
    AcceptRelationship => Rel1,
        "Accept the reseller relationship request of {partner} in the Microsoft 365 admin center.",
        "Accepter la demande de relation de revendeur de {partner} dans le centre d’administration Microsoft 365.";
    AcceptMcaDirectBill => Mca1,
        "Get the customer's acceptance of the Microsoft Customer Agreement and attest it in Partner Center before the first order.",
        "Obtenir l’acceptation du Contrat client Microsoft par le client et l’attester dans l’Espace partenaires avant la première commande.";
    AcceptMcaIndirect => Mca1,
        "Have the Microsoft Customer Agreement acceptance attested through the indirect provider before the first order.",
        "Faire attester l’acceptation du Contrat client Microsoft par le fournisseur indirect avant la première commande.";
    RequestGdap => Gdap1,
        "Send a GDAP relationship request with the least-privileged roles: {roles} (at most 730 days; the request expires after 90 days).",
        "Envoyer une demande de relation GDAP avec les rôles au moindre privilège : {roles} (730 jours au plus ; la demande expire au bout de 90 jours).";
    ApproveGdap => Gdap1,
        "Approve the GDAP relationship request of {partner} (a Global Administrator of the tenant).",
        "Approuver la demande de relation GDAP de {partner} (par un administrateur général du locataire).";
    InitiateTransfer => P2pTransfer,
        "Initiate partner-to-partner transfer {batch} of {batches} ({count} line item(s), whole subscriptions); the current partner approves it: {items}.",
        "Lancer le transfert de partenaire à partenaire {batch} sur {batches} ({count} ligne(s), abonnements entiers) ; l’actuel partenaire l’approuve : {items}.";
    ScheduleEaTransfer => EaChannel,
        "Schedule the EA channel transfer \"renew to CSP\" so each CSP subscription starts when its EA term ends: {items}.",
        "Planifier le transfert de canal EA « renouvellement vers CSP » pour que chaque abonnement CSP démarre à la fin de son engagement EA : {items}.";
    Purchase => Prov1,
        "Buy in CSP (seats as planned per line): {items}.",
        "Acheter dans CSP (licences prévues ligne par ligne) : {items}.";
    PurchaseUndated => Prov1,
        "Buy in CSP once the source term end is known: {items}.",
        "Acheter dans CSP dès que la fin d’engagement de la source est connue : {items}.";
    TurnOffRecurringBilling => DirectCancel,
        "Turn off recurring billing in the Microsoft 365 admin center (do not cancel): {items}.",
        "Désactiver la facturation récurrente dans le centre d’administration Microsoft 365 (sans annuler) : {items}.";
    TurnOffAutoRenew => NceRenew,
        "Have auto-renew turned off at the source (ask the current partner): {items}.",
        "Faire désactiver le renouvellement automatique à la source (le demander à l’actuel partenaire) : {items}.";
    ReassignLicenses => Reassign1,
        "Reassign users' licenses to the new offer at cut-over: {items}.",
        "Réattribuer les licences des utilisateurs à la nouvelle offre lors de la bascule : {items}.";
    AskCredit => Cred1,
        "If a direct subscription is cancelled early, ask Microsoft 365 billing support about a credit: {items}.",
        "Si un abonnement direct est annulé avant son terme, interroger le support de facturation Microsoft 365 sur un crédit : {items}.";
    Verify => Cont1,
        "Check after cut-over that every user still has a license and service, and that seat totals match the plan.",
        "Vérifier après la bascule que chaque utilisateur a toujours sa licence et ses services, et que les totaux de licences correspondent au plan.";
}

/// One step of the checklist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "StoredStep")]
pub struct ChecklistStep {
    /// 1-based position in the checklist.
    pub order: u32,
    pub actor: Actor,
    pub due_on: Option<NaiveDate>,
    pub rule: RuleId,
    pub code: StepCode,
    pub values: FindingValues,
    /// The lines the step is about (empty for customer-wide steps).
    pub subscription_ids: Vec<String>,
}

/// A step as JSON holds it, its values named before they meet their template.
#[derive(Deserialize)]
struct StoredStep {
    order: u32,
    actor: Actor,
    due_on: Option<NaiveDate>,
    rule: RuleId,
    code: StepCode,
    #[serde(default)]
    values: StoredValues,
    subscription_ids: Vec<String>,
}

impl From<StoredStep> for ChecklistStep {
    fn from(stored: StoredStep) -> ChecklistStep {
        static NAMES: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
        let names =
            NAMES.get_or_init(|| placeholder_set(StepCode::ALL.iter().map(|code| code.template(Lang::En))));
        ChecklistStep {
            order: stored.order,
            actor: stored.actor,
            due_on: stored.due_on,
            rule: stored.rule,
            values: stored.values.resolve(names),
            code: stored.code,
            subscription_ids: stored.subscription_ids,
        }
    }
}

impl ChecklistStep {
    pub fn text(&self, lang: Lang) -> String {
        fill_values(self.code.template(lang), &self.values, lang)
    }
}

fn step(code: StepCode, actor: Actor, due_on: Option<NaiveDate>) -> ChecklistStep {
    ChecklistStep {
        order: 0,
        actor,
        due_on,
        rule: code.rule(),
        code,
        values: FindingValues::default(),
        subscription_ids: Vec::new(),
    }
}

fn with(mut step: ChecklistStep, name: &'static str, value: impl Into<FindingValue>) -> ChecklistStep {
    step.values.insert(name, value.into());
    step
}

/// Which offer a step names: the source being stopped or the CSP target.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Side {
    Source,
    Target,
}

/// `25 × Office 365 E3 (sub-1)` for each line, joined. Built by hand rather than
/// with `format!`, sized beforehand: a large plan writes one of these per line.
fn items(lines: &[&PlanLine], side: Side) -> String {
    let names = |line| item_names(line, side);
    let length: usize = lines
        .iter()
        .map(|line| {
            let (name, add_on) = names(line);
            // "; " + up to 10 digits + " × " + name + " + " add-on + " (" + id + ")"
            2 + 10
                + 4
                + name.len()
                + add_on.map_or(0, |add_on| 3 + add_on.len())
                + 2
                + line.subscription_id.len()
                + 1
        })
        .sum();
    let mut text = String::with_capacity(length);
    for (position, line) in lines.iter().enumerate() {
        if position > 0 {
            text.push_str("; ");
        }
        push_number(&mut text, line.seats);
        text.push_str(" × ");
        let (name, add_on) = names(line);
        text.push_str(name);
        if let Some(add_on) = add_on {
            text.push_str(" + ");
            text.push_str(add_on);
        }
        // An id the importer made up says nothing the name does not: left out.
        if let Some(id) = line.given_id() {
            text.push_str(" (");
            text.push_str(id);
            text.push(')');
        }
    }
    text
}

/// The offer an item names, and its add-on.
fn item_names(line: &PlanLine, side: Side) -> (&str, Option<&str>) {
    let source_name = line.source_sku.as_ref().map_or(&*line.product, |source| source.name.as_str());
    let target = line.target.as_ref().filter(|_| side == Side::Target);
    (
        target.map_or(source_name, |target| target.name.as_str()),
        target.and_then(|target| target.add_on.as_ref()).map(|add_on| add_on.name.as_str()),
    )
}

fn push_number(text: &mut String, number: u32) {
    // Written from the last digit backwards; a u32 has at most 10 digits.
    let mut digits = [0u8; 10];
    let mut rest = number;
    let mut start = digits.len();
    loop {
        start -= 1;
        digits[start] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 || start == 0 {
            break;
        }
    }
    for &digit in &digits[start..] {
        text.push(char::from(digit));
    }
}

/// Adds one step per date for the lines `select` picks, dated by `date_of`, the
/// lines of a date in plan order. `picked` is reused from one call to the next.
#[allow(clippy::too_many_arguments)]
fn dated_steps<'a>(
    steps: &mut Vec<ChecklistStep>,
    lines: &'a [PlanLine],
    picked: &mut Vec<(Option<NaiveDate>, &'a PlanLine)>,
    code: StepCode,
    actor: Actor,
    side: Side,
    select: impl Fn(&PlanLine) -> bool,
    date_of: impl Fn(&PlanLine) -> Option<NaiveDate>,
) {
    picked.clear();
    picked.extend(lines.iter().filter(|line| select(line)).map(|line| (date_of(line), line)));
    // Stable: the lines of one date stay in plan order.
    crate::sorting::sort_by_key(picked, |(date, _)| *date);
    let mut group: Vec<&PlanLine> = Vec::new();
    for same_date in picked.chunk_by(|a, b| a.0 == b.0) {
        let date = same_date.first().and_then(|(date, _)| *date);
        group.clear();
        group.extend(same_date.iter().map(|(_, line)| *line));
        bases_first(&mut group);
        let mut new_step = with(step(code, actor, date), "items", items(&group, side));
        new_step.subscription_ids = group.iter().map(|line| line.subscription_id.clone()).collect();
        steps.push(new_step);
    }
}

/// Puts every base before its add-ons (ADDON-BASE), the lines otherwise in plan
/// order: each round takes, in order, the lines whose base is not left in the group.
fn bases_first(group: &mut Vec<&PlanLine>) {
    if !group.iter().any(|line| line.is_add_on()) {
        return;
    }
    let mut left: Vec<&PlanLine> = std::mem::take(group);
    while !left.is_empty() {
        let waits = |line: &PlanLine, left: &[&PlanLine]| {
            let base = line.add_on.as_ref().and_then(|add_on| add_on.base_subscription_id.as_deref());
            base.is_some_and(|base| {
                left.iter().any(|other| {
                    other.subscription_id == base && other.subscription_id != line.subscription_id
                })
            })
        };
        let (ready, waiting): (Vec<&PlanLine>, Vec<&PlanLine>) =
            left.iter().partition(|line| !waits(line, &left));
        if ready.is_empty() {
            // Bases that name each other: keep them as they are.
            group.extend(waiting);
            return;
        }
        group.extend(ready);
        left = waiting;
    }
}

fn has_finding(line: &PlanLine, code: FindingCode) -> bool {
    line.findings.iter().any(|finding| finding.code == code)
}

/// One step per blocker rule, first of all: what unblocks the lines, each step citing
/// the rule of the blocker (a line is listed under its first blocker).
fn blocker_steps(steps: &mut Vec<ChecklistStep>, lines: &[PlanLine], as_of: NaiveDate) {
    let mut by_rule: BTreeMap<RuleId, Vec<&PlanLine>> = BTreeMap::new();
    for line in lines.iter().filter(|line| line.path == MigrationPath::Blocked) {
        if let Some(blocker) = line.findings.iter().find(|finding| finding.is_blocker()) {
            by_rule.entry(blocker.rule).or_default().push(line);
        }
    }
    for (rule, mut group) in by_rule {
        bases_first(&mut group);
        let mut new_step = with(
            with(step(StepCode::ResolveBlocker, Actor::Partner, Some(as_of)), "rule", rule.code()),
            "items",
            items(&group, Side::Source),
        );
        new_step.rule = rule;
        new_step.subscription_ids = group.iter().map(|line| line.subscription_id.clone()).collect();
        steps.push(new_step);
    }
}

/// The checklist of the customer `customer_name` (the tenant's own name, never another's).
pub(super) fn build(
    input: &PlanInput,
    customer_name: &str,
    lines: &[PlanLine],
    ready_on: NaiveDate,
    setup_pending: bool,
    batch_count: usize,
) -> Vec<ChecklistStep> {
    let as_of = input.settings.as_of;
    let partner = &input.partner;
    let mut steps = Vec::new();
    let mut picked = Vec::with_capacity(lines.len());
    let moving = lines.iter().any(|line| line.is_migrated());
    let blocked = lines.iter().any(|line| line.path == MigrationPath::Blocked);
    if !moving && !blocked {
        return steps;
    }
    blocker_steps(&mut steps, lines, as_of);
    let customer_name =
        if customer_name.trim().is_empty() { "the customer".to_string() } else { customer_name.to_string() };
    let partner_name =
        if partner.name.trim().is_empty() { "the partner".to_string() } else { partner.name.clone() };
    if partner.relationship == RelationshipStatus::None {
        steps.push(with(
            step(StepCode::SendRelationshipRequest, Actor::Partner, Some(as_of)),
            "customer",
            &customer_name,
        ));
    }
    if partner.relationship != RelationshipStatus::Accepted {
        steps.push(with(
            step(StepCode::AcceptRelationship, Actor::Customer, Some(ready_on)),
            "partner",
            &partner_name,
        ));
    }
    if setup_pending && !partner.mca_accepted {
        let code = match partner.billing_model {
            BillingModel::DirectBill => StepCode::AcceptMcaDirectBill,
            BillingModel::IndirectReseller => StepCode::AcceptMcaIndirect,
        };
        steps.push(step(code, Actor::Partner, Some(ready_on)));
    }
    let roles = needed_gdap_roles(input, lines);
    if !roles.is_empty() {
        let asked: GdapRoles = roles.iter().copied().collect();
        if partner.gdap != GdapStatus::Requested {
            steps.push(with(step(StepCode::RequestGdap, Actor::Partner, Some(as_of)), "roles", asked));
        }
        steps.push(with(
            step(StepCode::ApproveGdap, Actor::Customer, Some(ready_on)),
            "partner",
            &partner_name,
        ));
    }
    let mut batches: BTreeMap<u32, Vec<&PlanLine>> = BTreeMap::new();
    for line in lines.iter().filter(|line| line.path == MigrationPath::PartnerTransfer) {
        if let Some(batch) = line.transfer_batch {
            batches.entry(batch).or_default().push(line);
        }
    }
    for (batch, mut group) in batches {
        bases_first(&mut group);
        let due = group.iter().filter_map(|line| line.dates.transfer_on).min();
        let mut new_step = step(StepCode::InitiateTransfer, Actor::Partner, due);
        new_step = with(
            with(with(with(new_step, "batch", batch), "batches", batch_count), "count", group.len()),
            "items",
            items(&group, Side::Source),
        );
        new_step.subscription_ids = group.iter().map(|line| line.subscription_id.clone()).collect();
        steps.push(new_step);
    }
    dated_steps(
        &mut steps,
        lines,
        &mut picked,
        StepCode::ScheduleEaTransfer,
        Actor::Partner,
        Side::Target,
        |line| line.path == MigrationPath::EaChannelTransfer,
        |line| line.dates.transfer_on,
    );
    dated_steps(
        &mut steps,
        lines,
        &mut picked,
        StepCode::Purchase,
        Actor::Partner,
        Side::Target,
        |line| line.path == MigrationPath::Repurchase && line.dates.purchase_on.is_some(),
        |line| line.dates.purchase_on,
    );
    dated_steps(
        &mut steps,
        lines,
        &mut picked,
        StepCode::PurchaseUndated,
        Actor::Partner,
        Side::Target,
        |line| line.path == MigrationPath::Repurchase && line.dates.purchase_on.is_none(),
        |_| None,
    );
    dated_steps(
        &mut steps,
        lines,
        &mut picked,
        StepCode::TurnOffRecurringBilling,
        Actor::Customer,
        Side::Source,
        |line| line.is_migrated() && has_finding(line, FindingCode::RecurringBillingOff),
        |line| line.dates.auto_renew_off_by,
    );
    dated_steps(
        &mut steps,
        lines,
        &mut picked,
        StepCode::TurnOffAutoRenew,
        Actor::Customer,
        Side::Source,
        |line| line.is_migrated() && has_finding(line, FindingCode::AutoRenewOff),
        |line| line.dates.auto_renew_off_by,
    );
    let license_admin = partner.gdap == GdapStatus::Active
        && partner.gdap_roles.contains(&GdapRole::LicenseAdministrator)
        || roles.contains(&GdapRole::LicenseAdministrator);
    dated_steps(
        &mut steps,
        lines,
        &mut picked,
        StepCode::ReassignLicenses,
        if license_admin { Actor::Partner } else { Actor::Customer },
        Side::Target,
        |line| line.is_migrated() && line.reassign_licenses,
        |line| line.dates.cutover_on.or(line.dates.purchase_on),
    );
    let support_admin = partner.gdap == GdapStatus::Active
        && partner.gdap_roles.contains(&GdapRole::ServiceSupportAdministrator);
    dated_steps(
        &mut steps,
        lines,
        &mut picked,
        StepCode::AskCredit,
        if support_admin { Actor::Partner } else { Actor::Customer },
        Side::Source,
        |line| line.is_migrated() && line.credit_eligible && line.channel == Channel::Direct,
        |line| line.dates.purchase_on,
    );
    // Verification comes after the last event of any line: cut-over, purchase or transfer.
    let last_cutover = lines
        .iter()
        .filter(|line| line.is_migrated())
        .filter_map(|line| {
            [line.dates.cutover_on, line.dates.purchase_on, line.dates.transfer_on]
                .into_iter()
                .flatten()
                .max()
        })
        .max();
    if moving {
        steps.push(step(StepCode::Verify, Actor::Partner, last_cutover));
    }

    // Dated steps by date, then dependency order; undated steps last.
    crate::sorting::sort_by_key(&mut steps, |step| (step.due_on.is_none(), step.due_on, step.code));
    for (position, step) in steps.iter_mut().enumerate() {
        step.order = u32::try_from(position + 1).unwrap_or(u32::MAX);
    }
    steps
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_step_text_exists_in_both_languages() {
        for code in StepCode::ALL {
            assert_ne!(code.template(Lang::En), code.template(Lang::Fr), "{code:?}");
        }
    }

    #[test]
    fn no_step_needs_more_values_than_a_step_holds() {
        for template in StepCode::ALL.iter().flat_map(|code| Lang::ALL.map(|lang| code.template(lang))) {
            let mut names: Vec<&str> = crate::i18n::template::placeholder_names(template).collect();
            names.sort_unstable();
            names.dedup();
            assert!(names.len() <= crate::plan::findings::MAX_VALUES, "{template}");
        }
    }
}
