//! The dated milestones of a customer's plan, shared by the report's timeline
//! and the calendar, so both list the same days.

use chrono::NaiveDate;

use crate::i18n::Lang;
use crate::model::MigrationPath;
use crate::plan::{CustomerPlan, FindingCode, PlanLine, StepCode};
use crate::rules::RuleId;

/// What happens on a milestone's day; declaration order breaks ties on one day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MilestoneKind {
    /// The partner sends the reseller relationship request (REL-1).
    RelationshipRequest,
    /// Last day to turn off the source's auto-renew or recurring billing (NCE-RENEW, DIRECT-CANCEL).
    AutoRenewOff,
    /// A partner-to-partner transfer is initiated or an EA channel transfer scheduled.
    Transfer,
    /// The CSP subscription is bought (PROV-1), or the scheduled EA one starts.
    Purchase,
    /// Last day the new subscription can be cancelled with a refund (NCE-CANCEL).
    CancelWindowEnds,
    /// Last of the 30 expired days: data is at risk after it (EXPIRED-30).
    DataAtRisk,
}

impl MilestoneKind {
    pub const ALL: [MilestoneKind; 6] = [
        MilestoneKind::RelationshipRequest,
        MilestoneKind::AutoRenewOff,
        MilestoneKind::Transfer,
        MilestoneKind::Purchase,
        MilestoneKind::CancelWindowEnds,
        MilestoneKind::DataAtRisk,
    ];

    /// A stable id, used in calendar UIDs.
    pub fn id(self) -> &'static str {
        match self {
            MilestoneKind::RelationshipRequest => "relationship-request",
            MilestoneKind::AutoRenewOff => "auto-renew-off",
            MilestoneKind::Transfer => "transfer",
            MilestoneKind::Purchase => "purchase",
            MilestoneKind::CancelWindowEnds => "cancel-window-ends",
            MilestoneKind::DataAtRisk => "data-at-risk",
        }
    }

    pub fn rule(self) -> RuleId {
        match self {
            MilestoneKind::RelationshipRequest => RuleId::Rel1,
            MilestoneKind::AutoRenewOff => RuleId::NceRenew,
            MilestoneKind::Transfer => RuleId::P2pTransfer,
            MilestoneKind::Purchase => RuleId::Prov1,
            MilestoneKind::CancelWindowEnds => RuleId::NceCancel,
            MilestoneKind::DataAtRisk => RuleId::Expired30,
        }
    }

    /// The milestone in a few words, for a timeline row or a calendar title.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            MilestoneKind::RelationshipRequest => lang.pick(
                "Send the reseller relationship request",
                "Envoyer la demande de relation de revendeur",
            ),
            MilestoneKind::AutoRenewOff => lang.pick(
                "Turn off auto-renew or recurring billing",
                "Désactiver le renouvellement automatique ou la facturation récurrente",
            ),
            MilestoneKind::Transfer => lang.pick("Start the transfer", "Lancer le transfert"),
            MilestoneKind::Purchase => lang.pick("Buy in CSP", "Acheter dans CSP"),
            MilestoneKind::CancelWindowEnds => lang.pick(
                "Last day to cancel the new subscription with a refund",
                "Dernier jour pour annuler le nouvel abonnement avec remboursement",
            ),
            MilestoneKind::DataAtRisk => lang.pick(
                "Last day before data is at risk",
                "Dernier jour avant que les données soient en danger",
            ),
        }
    }

    /// Why the day matters, in one sentence, for a calendar event's description.
    pub fn explanation(self, lang: Lang) -> &'static str {
        match self {
            MilestoneKind::RelationshipRequest => lang.pick(
                "Nothing can be bought for the customer until the customer accepts the reseller relationship.",
                "Rien ne peut être acheté pour le client tant qu’il n’a pas accepté la relation de revendeur.",
            ),
            MilestoneKind::AutoRenewOff => lang.pick(
                "If it stays on, the original subscription renews for a whole new term the day after its end date.",
                "S’il reste actif, l’abonnement d’origine repart pour un engagement complet le lendemain de sa date de fin.",
            ),
            MilestoneKind::Transfer => lang.pick(
                "The transfer moves whole subscriptions; term, end date and seats stay as they are.",
                "Le transfert déplace des abonnements entiers ; l’engagement, la date de fin et les licences ne changent pas.",
            ),
            MilestoneKind::Purchase => lang.pick(
                "Buy the CSP subscription with the planned seats, so users move without interruption.",
                "Acheter l’abonnement CSP avec le nombre de licences prévu, pour que les utilisateurs basculent sans interruption.",
            ),
            MilestoneKind::CancelWindowEnds => lang.pick(
                "New-commerce subscriptions can be cancelled with a prorated refund only within 7 days of purchase: check seats and offer before the end of this day.",
                "Les abonnements new commerce ne peuvent être annulés avec remboursement au prorata que dans les 7 jours suivant l’achat : vérifier licences et offre avant la fin de ce jour.",
            ),
            MilestoneKind::DataAtRisk => lang.pick(
                "The original subscription stays expired for 30 days, users keeping access; after this day it is disabled and data is at risk. The CSP subscription must be in place by then.",
                "L’abonnement d’origine reste expiré 30 jours, les utilisateurs gardant l’accès ; après ce jour il est désactivé et les données sont en danger. L’abonnement CSP doit être en place d’ici là.",
            ),
        }
    }
}

/// One dated milestone; `line` is `None` for customer-wide ones.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Milestone<'a> {
    pub date: NaiveDate,
    pub kind: MilestoneKind,
    pub line: Option<&'a PlanLine>,
}

impl Milestone<'_> {
    fn is_ea_transfer(&self) -> bool {
        self.kind == MilestoneKind::Transfer
            && self.line.is_some_and(|line| line.path == MigrationPath::EaChannelTransfer)
    }

    /// The rule behind the milestone (an EA transfer cites EA-CHANNEL, not P2P-TRANSFER).
    pub fn rule(&self) -> RuleId {
        if self.is_ea_transfer() {
            RuleId::EaChannel
        } else {
            self.kind.rule()
        }
    }

    pub fn label(&self, lang: Lang) -> &'static str {
        if self.is_ea_transfer() {
            lang.pick("Schedule the EA channel transfer", "Planifier le transfert de canal EA")
        } else {
            self.kind.label(lang)
        }
    }

    pub fn explanation(&self, lang: Lang) -> &'static str {
        if self.is_ea_transfer() {
            lang.pick(
                "The CSP subscription is scheduled to start when the EA term ends (\"renew to CSP\").",
                "L’abonnement CSP est planifié pour démarrer à la fin de l’engagement EA (« renouvellement vers CSP »).",
            )
        } else {
            self.kind.explanation(lang)
        }
    }
}

fn needs_source_turned_off(line: &PlanLine) -> bool {
    line.findings
        .iter()
        .any(|finding| matches!(finding.code, FindingCode::AutoRenewOff | FindingCode::RecurringBillingOff))
}

/// The customer's milestones in date order: actions only for lines that move, the
/// data-at-risk deadline also for blocked lines (it is when a blocker turns into
/// data loss).
pub fn milestones(customer: &CustomerPlan) -> Vec<Milestone<'_>> {
    let mut milestones = Vec::new();
    for step in customer.checklist.iter().filter(|step| step.code == StepCode::SendRelationshipRequest) {
        if let Some(date) = step.due_on {
            milestones.push(Milestone { date, kind: MilestoneKind::RelationshipRequest, line: None });
        }
    }
    for line in &customer.lines {
        let dates = &line.dates;
        let mut push = |date: Option<NaiveDate>, kind| {
            if let Some(date) = date {
                milestones.push(Milestone { date, kind, line: Some(line) });
            }
        };
        if line.is_migrated() {
            if needs_source_turned_off(line) {
                push(dates.auto_renew_off_by, MilestoneKind::AutoRenewOff);
            }
            if line.path != MigrationPath::Repurchase {
                push(dates.transfer_on, MilestoneKind::Transfer);
            }
            if line.path != MigrationPath::PartnerTransfer {
                push(dates.purchase_on, MilestoneKind::Purchase);
            }
            if line.path == MigrationPath::Repurchase {
                push(dates.cancel_window_ends, MilestoneKind::CancelWindowEnds);
            }
        }
        if line.is_migrated() || line.path == MigrationPath::Blocked {
            push(dates.data_at_risk_after, MilestoneKind::DataAtRisk);
        }
    }
    crate::sorting::sort_by(&mut milestones, |left, right| {
        let key = |milestone: &Milestone| {
            (milestone.date, milestone.kind, milestone.line.map(|line| line.subscription_id.clone()))
        };
        key(left).cmp(&key(right))
    });
    milestones
}
