//! The letter to the customer, with its checklist: what the customer will do and
//! by when, what the partner does, and what users will notice. Written in the
//! customer's language, which the partner picks independently of the interface's.
//!
//! Plain words for a customer who is not a licensing specialist: every term
//! (reseller relationship, Microsoft Customer Agreement, GDAP) is explained where
//! it first appears.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use crate::i18n::{format, labels, Lang};
use crate::model::{BillingAccount, GdapRole, MigrationPath, PartnerContact, PartnerProfile};
use crate::plan::{Actor, ChecklistStep, CustomerPlan, FindingValue, Plan, PlanLine, StepCode};

use super::document::{plain, Block, Document, Span, Spans, Tone};
use super::report::target_label;

fn colon(lang: Lang) -> &'static str {
    lang.pick(": ", " : ")
}

fn seats_text(seats: u32, lang: Lang) -> String {
    let unit = match (seats, lang) {
        (1, Lang::En) => "license",
        (_, Lang::En) => "licenses",
        (1, Lang::Fr) => "licence",
        (_, Lang::Fr) => "licences",
    };
    format!("{} {unit}", format::count(u64::from(seats), lang))
}

/// `Office 365 E3 (60 licenses)`, or `Power BI Pro (10 of today’s 12 licenses)`
/// when fewer seats move to CSP than the subscription has today: the one way
/// the letter counts a subscription's seats, so every section gives the same figures.
fn product_text(line: &PlanLine, lang: Lang) -> String {
    let today = line.seats_source_total;
    let moving = format::count(u64::from(line.seats), lang);
    let seats = match (line.is_migrated() && line.seats != today, line.seats < today, lang) {
        (false, _, _) => seats_text(today, lang),
        (true, true, Lang::En) => format!("{moving} of today’s {}", seats_text(today, lang)),
        (true, true, Lang::Fr) => format!("{moving} des {} actuelles", seats_text(today, lang)),
        (true, false, Lang::En) => {
            format!(
                "{}, up from {} today",
                seats_text(line.seats, lang),
                format::count(u64::from(today), lang)
            )
        }
        (true, false, Lang::Fr) => {
            format!(
                "{}, contre {} aujourd’hui",
                seats_text(line.seats, lang),
                format::count(u64::from(today), lang)
            )
        }
    };
    format!("{} ({seats})", line.product_name())
}

fn lines_of<'a>(customer: &'a CustomerPlan, step: &ChecklistStep) -> Vec<&'a PlanLine> {
    customer.lines.iter().filter(|line| step.subscription_ids.contains(&line.subscription_id)).collect()
}

/// `A, B and C` / `A, B et C`.
fn join_words(items: &[String], lang: Lang) -> String {
    match items {
        [] => String::new(),
        [only] => only.clone(),
        [rest @ .., last] => format!("{} {} {last}", rest.join(", "), lang.pick("and", "et")),
    }
}

/// `By 3 December 2026: ` in bold, then the action.
fn dated(date: Option<NaiveDate>, prefix_en: &str, prefix_fr: &str, lang: Lang, text: String) -> Spans {
    match date {
        Some(date) => vec![
            Span::Strong(format!(
                "{} {}{}",
                lang.pick(prefix_en, prefix_fr),
                format::date_long(date, lang),
                colon(lang).trim_end()
            )),
            Span::Text(format!(" {text}")),
        ],
        None => plain(text),
    }
}

fn gdap_roles_text(step: Option<&ChecklistStep>, lang: Lang) -> Option<String> {
    let Some(FindingValue::Roles(roles)) = step?.values.get("roles") else {
        return None;
    };
    let texts: Vec<String> = roles
        .iter()
        .map(|role| {
            let purpose = match role {
                GdapRole::ServiceSupportAdministrator => lang.pick(
                    "to contact Microsoft support for you",
                    "pour contacter le support Microsoft à votre place",
                ),
                GdapRole::LicenseAdministrator => lang.pick(
                    "to assign licenses to your users",
                    "pour attribuer les licences à vos utilisateurs",
                ),
            };
            format!("{}, {purpose}", labels::gdap_role_label(role, lang))
        })
        .collect();
    Some(texts.join("; "))
}

/// What the customer does, as checklist items in date order.
fn customer_actions(customer: &CustomerPlan, partner: &str, lang: Lang) -> Vec<Spans> {
    let mut items = Vec::new();
    let request_gdap = customer.checklist.iter().find(|step| step.code == StepCode::RequestGdap);
    for step in &customer.checklist {
        let lines = lines_of(customer, step);
        let by = (step.due_on, "By", "Au plus tard le");
        let item = match step.code {
            StepCode::AcceptRelationship => Some(dated(by.0, by.1, by.2, lang, match lang {
                Lang::En => format!("accept the reseller relationship request from {partner}. Microsoft sends it by email; a Global Administrator of your Microsoft 365 account opens the link and accepts. It allows {partner} to buy Microsoft 365 subscriptions for you; it gives no access to your data."),
                Lang::Fr => format!("acceptez la demande de relation de revendeur de {partner}. Microsoft l’envoie par e-mail ; un administrateur général de votre compte Microsoft 365 ouvre le lien et accepte. Elle permet à {partner} d’acheter des abonnements Microsoft 365 pour vous ; elle ne donne aucun accès à vos données."),
            })),
            StepCode::AcceptMcaDirectBill | StepCode::AcceptMcaIndirect => Some(dated(by.0, by.1, by.2, lang, match lang {
                Lang::En => format!("accept the Microsoft Customer Agreement, Microsoft’s standard terms for subscriptions bought through a partner. {partner} sends you the link; you can also accept it in the Microsoft 365 admin center."),
                Lang::Fr => format!("acceptez le Contrat client Microsoft, les conditions standard de Microsoft pour les abonnements achetés par l’intermédiaire d’un partenaire. {partner} vous envoie le lien ; vous pouvez aussi l’accepter dans le centre d’administration Microsoft 365."),
            })),
            StepCode::ApproveGdap => {
                let roles = gdap_roles_text(request_gdap, lang).map(|roles| format!(" ({roles})")).unwrap_or_default();
                Some(dated(by.0, by.1, by.2, lang, match lang {
                    Lang::En => format!("approve the request from {partner} for limited administrator rights (GDAP, “granular delegated admin privileges”): only the roles needed{roles}, for at most two years. You can withdraw them at any time in the Microsoft 365 admin center."),
                    Lang::Fr => format!("approuvez la demande de {partner} pour des droits d’administration limités (GDAP, « privilèges d’administration délégués granulaires ») : uniquement les rôles nécessaires{roles}, pour deux ans au plus. Vous pouvez les retirer à tout moment dans le centre d’administration Microsoft 365."),
                }))
            }
            StepCode::TurnOffRecurringBilling => {
                let names: Vec<String> = lines
                    .iter()
                    .map(|line| match line.dates.term_end {
                        Some(end) => format!("{}{} {}", product_text(line, lang), lang.pick(", which ends on", ", qui se termine le"), format::date_long(end, lang)),
                        None => product_text(line, lang),
                    })
                    .collect();
                Some(dated(by.0, by.1, by.2, lang, match lang {
                    Lang::En => format!("in the Microsoft 365 admin center (Billing > Your products), turn off recurring billing for {}. Please do not cancel: the subscription keeps running until its end date, and a cancelled subscription is not refunded.", join_words(&names, lang)),
                    Lang::Fr => format!("dans le centre d’administration Microsoft 365 (Facturation > Vos produits), désactivez la facturation récurrente pour : {}. Merci de ne pas résilier : l’abonnement continue jusqu’à sa date de fin, et un abonnement résilié n’est pas remboursé.", join_words(&names, lang)),
                }))
            }
            StepCode::TurnOffAutoRenew => {
                let names: Vec<String> = lines.iter().map(|line| product_text(line, lang)).collect();
                Some(dated(by.0, by.1, by.2, lang, match lang {
                    Lang::En => format!("ask your current provider to turn off automatic renewal of {}. Otherwise it renews for a whole new term the day after it ends.", join_words(&names, lang)),
                    Lang::Fr => format!("demandez à votre fournisseur actuel de désactiver le renouvellement automatique pour : {}. Sinon, l’abonnement repart pour une durée complète le lendemain de sa fin.", join_words(&names, lang)),
                }))
            }
            StepCode::ReassignLicenses if step.actor == Actor::Customer => {
                let names: Vec<String> = lines.iter().map(|line| reassignment_text(line, lang)).collect();
                Some(dated(step.due_on, "On", "Le", lang, match lang {
                    Lang::En => format!("in the Microsoft 365 admin center, give your users their new licenses and remove the old ones: {}.", join_words(&names, lang)),
                    Lang::Fr => format!("dans le centre d’administration Microsoft 365, attribuez leurs nouvelles licences à vos utilisateurs et retirez les anciennes : {}.", join_words(&names, lang)),
                }))
            }
            _ => None,
        };
        items.extend(item);
    }
    // One item for every credit case: the customer asks only if a subscription ends
    // early, so the dates of the individual purchases would only repeat it.
    let credit_lines: Vec<&PlanLine> = customer
        .checklist
        .iter()
        .filter(|step| step.code == StepCode::AskCredit && step.actor == Actor::Customer)
        .flat_map(|step| lines_of(customer, step))
        .collect();
    // What the credit is depends on the billing account (DIRECT-ACCOUNT): one item per kind.
    for account in BillingAccount::ALL {
        let names: Vec<String> = credit_lines
            .iter()
            .filter(|line| line.billing_account == account)
            .map(|line| product_text(line, lang))
            .collect();
        if names.is_empty() {
            continue;
        }
        let names = join_words(&names, lang);
        items.push(plain(match (account, lang) {
            (BillingAccount::Mosa, Lang::En) => format!("If a subscription you bought directly from Microsoft ends before its term, contact Microsoft 365 billing support (admin center > Support > New service request): on your MOSA billing account it gets a prorated credit. This concerns {names}."),
            (BillingAccount::Mosa, Lang::Fr) => format!("Si un abonnement acheté directement auprès de Microsoft s’arrête avant son terme, contactez le support de facturation Microsoft 365 (centre d’administration > Support > Nouvelle demande de service) : sur votre compte de facturation MOSA, il donne droit à un avoir au prorata. Sont concernés : {names}."),
            (BillingAccount::Mca, Lang::En) => format!("On your MCA billing account, a subscription is refunded only if it is cancelled within 7 days of its start or renewal; after that it runs, and is billed, to its end date. This concerns {names}."),
            (BillingAccount::Mca, Lang::Fr) => format!("Sur votre compte de facturation MCA, un abonnement n’est remboursé que s’il est résilié dans les 7 jours suivant son début ou son renouvellement ; ensuite il court, et il est facturé, jusqu’à sa date de fin. Sont concernés : {names}."),
            (BillingAccount::Unknown, Lang::En) => format!("Please tell us whether these subscriptions are on an MCA or a MOSA billing account (admin center > Billing > Billing accounts): with MOSA, ending one before its term gives a prorated credit; with MCA, only within 7 days of its start or renewal. This concerns {names}."),
            (BillingAccount::Unknown, Lang::Fr) => format!("Merci de nous indiquer si ces abonnements dépendent d’un compte de facturation MCA ou MOSA (centre d’administration > Facturation > Comptes de facturation) : avec MOSA, en arrêter un avant son terme donne droit à un avoir au prorata ; avec MCA, seulement dans les 7 jours suivant son début ou son renouvellement. Sont concernés : {names}."),
        }));
    }
    items
}

/// `Office 365 E3 → Office 365 E3 (no Teams) + Microsoft Teams Enterprise`.
fn reassignment_text(line: &PlanLine, lang: Lang) -> String {
    match target_label(line) {
        Some(target) => format!("{} {} {target}", line.product_name(), lang.pick("to", "vers")),
        None => line.product_name().to_string(),
    }
}

/// What the partner does, in a few plain sentences.
fn partner_actions(customer: &CustomerPlan, partner: &str, lang: Lang) -> Vec<Spans> {
    let mut items = Vec::new();
    let mut purchases: BTreeMap<Option<NaiveDate>, Vec<String>> = BTreeMap::new();
    for step in &customer.checklist {
        let lines = lines_of(customer, step);
        match step.code {
            StepCode::SendRelationshipRequest => items.push(dated(
                step.due_on,
                "On",
                "Le",
                lang,
                match lang {
                    Lang::En => format!("{partner} sends you the reseller relationship request."),
                    Lang::Fr => format!("{partner} vous envoie la demande de relation de revendeur."),
                },
            )),
            StepCode::AskCredit if step.actor == Actor::Partner => {
                let names: Vec<String> = lines.iter().map(|line| product_text(line, lang)).collect();
                items.push(plain(match lang {
                    Lang::En => format!("{partner} asks Microsoft 365 billing support, on your behalf, about a possible credit for {}.", join_words(&names, lang)),
                    Lang::Fr => format!("{partner} interroge pour vous le support de facturation Microsoft 365 au sujet d’un éventuel avoir pour {}.", join_words(&names, lang)),
                }));
            }
            _ => {}
        }
    }
    // The day each subscription changes hands: the transfer, or the CSP start.
    for line in customer.lines.iter().filter(|line| line.is_migrated()) {
        let date = match line.path {
            MigrationPath::PartnerTransfer => line.dates.transfer_on,
            _ => line.dates.purchase_on,
        };
        purchases.entry(date).or_default().push(product_text(line, lang));
    }
    for (date, names) in purchases {
        items.push(dated(
            date,
            "On",
            "Le",
            lang,
            match lang {
                Lang::En => format!("{partner} takes over {}.", join_words(&names, lang)),
                Lang::Fr => format!("{partner} prend le relais pour : {}.", join_words(&names, lang)),
            },
        ));
    }
    if customer.checklist.iter().any(|step| step.code == StepCode::Verify) {
        items.push(plain(match lang {
            Lang::En => format!("After the move, {partner} checks with you that every user still has their license and services."),
            Lang::Fr => format!("Après la migration, {partner} vérifie avec vous que chaque utilisateur a toujours sa licence et ses services."),
        }));
    }
    items
}

/// What users will notice: nothing for identical offers, a license change on a
/// given day otherwise.
fn user_impact(customer: &CustomerPlan, partner: &str, lang: Lang) -> Vec<Spans> {
    let mut items = Vec::new();
    let moving: Vec<&PlanLine> = customer.lines.iter().filter(|line| line.is_migrated()).collect();
    let unchanged: Vec<String> =
        moving.iter().filter(|line| !line.reassign_licenses).map(|line| product_text(line, lang)).collect();
    if !unchanged.is_empty() {
        items.push(plain(match lang {
            Lang::En => format!("Nothing for {}: the offer stays the same, so users keep working without interruption.", join_words(&unchanged, lang)),
            Lang::Fr => format!("Rien pour {} : l’offre reste la même, les utilisateurs continuent donc à travailler sans interruption.", join_words(&unchanged, lang)),
        }));
    }
    let licensed_by_partner = customer
        .checklist
        .iter()
        .any(|step| step.code == StepCode::ReassignLicenses && step.actor == Actor::Partner);
    for line in moving.iter().filter(|line| line.reassign_licenses) {
        let date = line.dates.cutover_on.or(line.dates.purchase_on);
        let who = match (licensed_by_partner, lang) {
            (true, Lang::En) => format!("{partner} reassigns their licenses"),
            (false, Lang::En) => "their licenses are reassigned".to_string(),
            (true, Lang::Fr) => format!("{partner} réattribue leurs licences"),
            (false, Lang::Fr) => "leurs licences sont réattribuées".to_string(),
        };
        items.push(dated(date, "On", "Le", lang, match lang {
            Lang::En => format!("users of {} move to {}: {who}. They may be asked to sign in again to their Office apps. We will confirm the time with you beforehand.", line.product_name(), target_label(line).unwrap_or_default()),
            Lang::Fr => format!("les utilisateurs de l’abonnement {} passent à {} : {who}. Ils devront peut-être se reconnecter à leurs applications Office. Nous vous confirmerons l’horaire à l’avance.", line.product_name(), target_label(line).unwrap_or_default()),
        }));
    }
    let blocked: Vec<String> = customer
        .lines
        .iter()
        .filter(|line| line.path == MigrationPath::Blocked)
        .map(|line| product_text(line, lang))
        .collect();
    if !blocked.is_empty() {
        items.push(plain(match lang {
            Lang::En => format!("For {}, a few points must be settled before the move can be planned; {partner} will contact you about them.", join_words(&blocked, lang)),
            Lang::Fr => format!("Pour {}, quelques points doivent être réglés avant de pouvoir planifier la migration ; {partner} vous contactera à ce sujet.", join_words(&blocked, lang)),
        }));
    }
    let kept: Vec<String> = customer
        .lines
        .iter()
        .filter(|line| line.path == MigrationPath::NotMigrated)
        .map(|line| product_text(line, lang))
        .collect();
    if !kept.is_empty() {
        items.push(plain(match lang {
            Lang::En => {
                format!("These stay as they are and are not part of this move: {}.", join_words(&kept, lang))
            }
            Lang::Fr => format!(
                "Ceux-ci restent tels quels et ne font pas partie de cette migration : {}.",
                join_words(&kept, lang)
            ),
        }));
    }
    items
}

/// `Camille Martin, camille.martin@example.com, +33 1 23 45 67 89`: the parts given.
fn contact_text(contact: &PartnerContact) -> Option<String> {
    let parts: Vec<&str> = [&contact.name, &contact.email, &contact.phone]
        .into_iter()
        .map(|part| part.trim())
        .filter(|part| !part.is_empty())
        .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}

fn letter_for(
    document: &mut Document,
    customer: &CustomerPlan,
    customer_cost: Option<&crate::cost::CustomerCost>,
    plan: &Plan,
    profile: &PartnerProfile,
    lang: Lang,
) {
    let partner = if plan.partner_name.trim().is_empty() {
        lang.pick("your partner", "votre partenaire").to_string()
    } else {
        plan.partner_name.trim().to_string()
    };
    let customer_name = customer.name.trim();
    let mut facts = vec![
        (lang.pick("To", "À").to_string(), plain(if customer_name.is_empty() { "–" } else { customer_name })),
        (lang.pick("From", "De").to_string(), plain(partner.clone())),
    ];
    if let Some(contact) = contact_text(&profile.contact) {
        facts.push((lang.pick("Your contact", "Votre contact").to_string(), plain(contact)));
    }
    facts.push((lang.pick("Date", "Date").to_string(), plain(format::date_long(plan.as_of, lang))));
    document.blocks.push(Block::Facts(facts));
    document.paragraph(plain(match lang {
        Lang::En if customer_name.is_empty() => "Hello,".to_string(),
        Lang::En => format!("Dear {customer_name} team,"),
        Lang::Fr => "Madame, Monsieur,".to_string(),
    }));
    document.paragraph(plain(match lang {
        Lang::En => format!("{partner} will look after your Microsoft 365 subscriptions through Microsoft’s Cloud Solution Provider (CSP) program: we buy the licenses for you from Microsoft and become your contact for them. Your data and settings stay where they are; only the way the licenses are bought changes. This letter lists what we need from you and by when, what we will do, and what your users will notice."),
        Lang::Fr => format!("{partner} va prendre en charge vos abonnements Microsoft 365 dans le cadre du programme Cloud Solution Provider (CSP) de Microsoft : nous achetons les licences pour vous auprès de Microsoft et devenons votre interlocuteur pour celles-ci. Vos données et vos réglages restent en place ; seule la façon d’acheter les licences change. Ce courrier indique ce que nous attendons de vous et pour quand, ce que nous ferons, et ce que vos utilisateurs remarqueront."),
    }));

    let asks = customer_actions(customer, &partner, lang);
    document.heading(2, lang.pick("What we ask you to do", "Ce que nous vous demandons"));
    if asks.is_empty() {
        document.paragraph(plain(lang.pick(
            "Nothing: we take care of every step.",
            "Rien : nous nous occupons de toutes les étapes.",
        )));
    } else {
        document.blocks.push(Block::Checklist(asks));
    }
    let ours = partner_actions(customer, &partner, lang);
    if !ours.is_empty() {
        document.heading(2, lang.pick("What we will do", "Ce que nous ferons"));
        document.blocks.push(Block::List { ordered: false, tone: Tone::Normal, items: ours });
    }
    let impact = user_impact(customer, &partner, lang);
    if !impact.is_empty() {
        document.heading(2, lang.pick("What your users will notice", "Ce que vos utilisateurs remarqueront"));
        document.blocks.push(Block::List { ordered: false, tone: Tone::Normal, items: impact });
    }
    if let Some(customer_cost) = customer_cost {
        super::cost_section::customer_cost_section(document, &customer_cost.for_customer(), lang);
    }
    document.paragraph(plain(lang.pick(
        "Thank you for your trust. If anything is unclear, simply reply to this letter or call us: we will gladly go through it with you.",
        "Nous vous remercions de votre confiance. Si un point n’est pas clair, répondez simplement à ce courrier ou appelez-nous : nous le reverrons volontiers avec vous.",
    )));
    document.paragraph(plain(
        lang.pick(
            "Kind regards,",
            "Nous vous prions d’agréer, Madame, Monsieur, nos salutations distinguées.",
        ),
    ));
    let signatory = &profile.signatory;
    match (signatory.name.trim(), signatory.role.trim()) {
        ("", "") => document.paragraph(vec![Span::Strong(partner)]),
        (name, "") => {
            document.paragraph(vec![Span::Strong(name.to_string()), Span::Text(format!(", {partner}"))])
        }
        ("", role) => document.paragraph(vec![Span::Strong(partner), Span::Text(format!(", {role}"))]),
        (name, role) => document
            .paragraph(vec![Span::Strong(name.to_string()), Span::Text(format!(", {role}, {partner}"))]),
    }
}

/// The customer letter of the whole plan in `lang`: one letter per customer, each
/// starting on a new page, with the partner's logo, contact and signatory from
/// its profile.
pub fn customer_letter(
    plan: &Plan,
    profile: &PartnerProfile,
    cost: &crate::cost::CostPlan,
    lang: Lang,
) -> Document {
    let partner = plan.partner_name.trim();
    let title = match (lang, partner.is_empty()) {
        (Lang::En, true) => "Moving your Microsoft 365 subscriptions".to_string(),
        (Lang::En, false) => format!("Moving your Microsoft 365 subscriptions to {partner}"),
        (Lang::Fr, true) => "Transfert de vos abonnements Microsoft 365".to_string(),
        (Lang::Fr, false) => format!("Transfert de vos abonnements Microsoft 365 chez {partner}"),
    };
    let mut document = Document::new(lang, title);
    for (index, customer) in plan.customers.iter().enumerate() {
        if index > 0 {
            document.blocks.push(Block::PageBreak);
        }
        if let Some(logo) = super::logo::checked_logo(profile.logo.as_deref()) {
            let alt = match partner {
                "" => lang.pick("Partner logo", "Logo du partenaire").to_string(),
                name => format!("{} {name}", lang.pick("Logo of", "Logo de")),
            };
            document.blocks.push(Block::Image { data_url: logo.to_string(), alt });
        }
        let customer_cost = cost.customers.get(index);
        letter_for(&mut document, customer, customer_cost, plan, profile, lang);
    }
    document
}
