//! The customer and partner step: who the customer is and where its tenant
//! is, who the partner is and how it buys, the state of the relationship,
//! MCA and GDAP, and the plan's date and lead times.
//!
//! The partner profile is the same from one customer to the next, so it is
//! remembered in local storage (key `partner`) and pre-fills new drafts.

use leptos::prelude::*;

use crate::i18n::glossary::Term;
use crate::ui::glossary::TermHelp;

use crate::export::logo::{checked_logo, logo_data_url, LogoError, MAX_LOGO_BYTES};
use crate::i18n::format;
use crate::i18n::import_ui::ImportText;
use crate::i18n::labels::gdap_role_label;
use crate::i18n::template::fill;
use crate::i18n::Lang;
use crate::import::values::header_key;
use crate::markets::{self, Country};
use crate::model::{BillingModel, GdapRole, GdapStatus, PartnerProfile, PlanInput, RelationshipStatus};
use crate::ui::flow::files::{files_of, read_file};
use crate::ui::lang::use_lang;
use crate::ui::problems::{use_problems, Problems};
use crate::ui::storage::{self, StorageError};
use crate::ui::workspace::{use_workspace, Workspace};

/// Local storage key (after the app's prefix) of the remembered partner profile.
const PARTNER_KEY: &str = "partner";

/// The reseller relationship states: the value in the page and the text shown.
const RELATIONSHIP_OPTIONS: &[(RelationshipStatus, &str, ImportText)] = &[
    (RelationshipStatus::None, "none", ImportText::RelationshipNone),
    (RelationshipStatus::Requested, "requested", ImportText::RelationshipRequested),
    (RelationshipStatus::Accepted, "accepted", ImportText::RelationshipAccepted),
];

/// The GDAP states, likewise.
const GDAP_OPTIONS: &[(GdapStatus, &str, ImportText)] = &[
    (GdapStatus::None, "none", ImportText::GdapNone),
    (GdapStatus::Requested, "requested", ImportText::GdapRequested),
    (GdapStatus::Active, "active", ImportText::GdapActive),
];

/// A labelled number of days with its hint; values above `max` are capped.
#[component]
fn DaysField(
    /// The input's id and `data-testid`.
    id: &'static str,
    label: ImportText,
    hint: ImportText,
    max: u32,
    current: Signal<u32>,
    on_set: Callback<u32>,
) -> impl IntoView {
    let lang = use_lang();
    let hint_id = format!("{id}-hint");
    view! {
        <div class="field">
            <label for=id>{move || label.get(lang.get())}</label>
            <input
                id=id
                type="number"
                min="0"
                max=max
                data-testid=id
                aria-describedby=hint_id.clone()
                prop:value=move || current.get().to_string()
                on:change=move |ev| {
                    if let Ok(days) = event_target_value(&ev).trim().parse::<u32>() {
                        on_set.run(days.min(max));
                    }
                }
            />
            <p class="hint" id=hint_id>{move || hint.get(lang.get())}</p>
        </div>
    }
}

/// A labelled select over a few states of the partner's profile.
#[component]
fn StatusSelect<T>(
    /// The select's id and `data-testid`.
    id: &'static str,
    label: ImportText,
    options: &'static [(T, &'static str, ImportText)],
    current: Signal<T>,
    on_pick: Callback<T>,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    let lang = use_lang();
    let on_change = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        if let Some(&(status, _, _)) = options.iter().find(|(_, option_value, _)| *option_value == value) {
            on_pick.run(status);
        }
    };
    view! {
        <div class="field">
            <label for=id>{move || label.get(lang.get())}</label>
            <select id=id data-testid=id on:change=on_change>
                {options
                    .iter()
                    .map(|&(status, value, text)| view! {
                        <option value=value prop:selected=move || current.get() == status>{move || text.get(lang.get())}</option>
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// Gives a draft whose partner is still blank the profile remembered from the
/// last plan. Runs once, after the step is shown (local storage is outside
/// the reactive world).
pub fn prefill_partner(workspace: Workspace, problems: Problems) {
    Effect::new(move |_| {
        let blank = workspace.draft.with_untracked(|draft| {
            draft.as_ref().is_some_and(|draft| draft.input.partner == PartnerProfile::default())
        });
        if !blank {
            return;
        }
        match storage::get::<PartnerProfile>(PARTNER_KEY) {
            Ok(Some(partner)) => workspace.update_input(|input| input.partner = partner),
            // Nothing remembered yet, or no storage in this browser: the defaults stand.
            Ok(None) | Err(StorageError::Unavailable) => {}
            Err(error) => {
                problems.report(move |lang| {
                    fill(ImportText::PartnerNotRead.get(lang), &[("detail", &error.message(lang))])
                });
            }
        }
    });
}

/// Changes the partner profile of the draft and remembers it for the next plan.
pub(crate) fn update_partner(
    workspace: Workspace,
    problems: Problems,
    reported: StoredValue<bool>,
    change: impl FnOnce(&mut PartnerProfile),
) {
    workspace.update_input(|input| change(&mut input.partner));
    let partner =
        workspace.draft.with_untracked(|draft| draft.as_ref().map(|draft| draft.input.partner.clone()));
    let Some(partner) = partner else { return };
    match storage::set(PARTNER_KEY, &partner) {
        Ok(()) | Err(StorageError::Unavailable) => {}
        // Said once: the profile still applies to this plan, only the next one will not have it.
        Err(error) if !reported.get_value() => {
            reported.set_value(true);
            problems.report(move |lang| {
                fill(ImportText::PartnerNotSaved.get(lang), &[("detail", &error.message(lang))])
            });
        }
        Err(_) => {}
    }
}

/// Countries sorted by their name in the language (accents ignored, so
/// "Émirats arabes unis" sorts among the E).
fn countries_for(lang: Lang) -> Vec<&'static Country> {
    let mut countries: Vec<&'static Country> = markets::countries().iter().collect();
    crate::sorting::sort_by_key(&mut countries, |country| header_key(country.display_name(lang)));
    countries
}

/// "CSP market: Europe", or that no CSP market lists the country.
fn market_text(code: Option<&str>, lang: Lang) -> String {
    match code {
        None => ImportText::MarketNone.get(lang).to_owned(),
        Some(code) => match markets::market_of(code) {
            Some(market) => fill(ImportText::MarketOf.get(lang), &[("market", market.label(lang))]),
            None => ImportText::MarketUnlisted.get(lang).to_owned(),
        },
    }
}

/// A select of every country of the markets table, with "not set".
#[component]
fn CountrySelect(
    id: &'static str,
    test_id: &'static str,
    value: Signal<Option<String>>,
    on_choose: Callback<Option<String>>,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <select
            id=id
            data-testid=test_id
            aria-describedby=format!("{id}-market")
            on:change=move |ev| {
                let code = event_target_value(&ev);
                on_choose.run((!code.is_empty()).then_some(code));
            }
        >
            {move || {
                let lang = lang.get();
                let current = value.get();
                let none = view! {
                    <option value="" selected=current.is_none()>{ImportText::CountryNotSet.get(lang)}</option>
                };
                let options = countries_for(lang)
                    .into_iter()
                    .map(|country| {
                        let selected = current.as_deref().is_some_and(|code| code.eq_ignore_ascii_case(country.code));
                        view! { <option value=country.code selected=selected>{country.display_name(lang)}</option> }
                    })
                    .collect_view();
                (none, options)
            }}
        </select>
        <p class="market" id=format!("{id}-market") data-testid=format!("{test_id}-market")>
            {move || market_text(value.get().as_deref(), lang.get())}
        </p>
    }
}

/// A change to the partner profile, handed to [`update_partner`].
type PartnerChange = Box<dyn FnOnce(&mut PartnerProfile) + Send + Sync>;

/// A labelled one-line text field of the partner profile.
#[component]
fn PartnerTextField(
    /// The input's id and `data-testid`.
    id: &'static str,
    label: ImportText,
    /// The input's `type` and `autocomplete` hints.
    kind: &'static str,
    autocomplete: &'static str,
    current: Signal<String>,
    on_input: Callback<String>,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <div class="field">
            <label for=id>{move || label.get(lang.get())}</label>
            <input
                id=id
                type=kind
                data-testid=id
                autocomplete=autocomplete
                prop:value=move || current.get()
                on:input=move |ev| on_input.run(event_target_value(&ev))
            />
        </div>
    }
}

/// What the customer letter shows of the partner: the contact, the signatory and
/// the logo, read from a local image file and kept as a checked `data:` URL.
#[component]
fn LetterheadFields(change_partner: Callback<PartnerChange>) -> impl IntoView {
    let workspace = use_workspace();
    let problems = use_problems();
    let lang = use_lang();
    let read = move |read: fn(&PartnerProfile) -> String| {
        Signal::derive(move || {
            workspace
                .draft
                .with(|draft| draft.as_ref().map(|draft| read(&draft.input.partner)).unwrap_or_default())
        })
    };
    let set = move |write: fn(&mut PartnerProfile, String)| {
        Callback::new(move |value: String| change_partner.run(Box::new(move |partner| write(partner, value))))
    };
    let logo = move || {
        workspace.draft.with(|draft| {
            draft
                .as_ref()
                .and_then(|draft| checked_logo(draft.input.partner.logo.as_deref()).map(str::to_owned))
        })
    };
    let limit_kb = (MAX_LOGO_BYTES / 1024).to_string();
    let choose_logo = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = files_of(input.files()).into_iter().next() else { return };
        // Cleared so that choosing the same file again reads it again.
        input.set_value("");
        leptos::task::spawn_local(async move {
            let picked = match read_file(&file).await {
                Ok(picked) => picked,
                Err(reason) => {
                    let name = file.name();
                    problems.report(move |lang| {
                        fill(ImportText::FileUnreadable.get(lang), &[("file", &name), ("reason", &reason)])
                    });
                    return;
                }
            };
            match logo_data_url(&picked.bytes) {
                Ok(url) => change_partner.run(Box::new(move |partner| partner.logo = Some(url))),
                Err(error) => {
                    let name = picked.name;
                    problems.report(move |lang| match error {
                        LogoError::TooLarge { size, limit } => fill(
                            ImportText::LogoTooLarge.get(lang),
                            &[
                                ("file", &name),
                                ("size", &format::count(size.div_ceil(1024) as u64, lang)),
                                ("limit", &format::count((limit / 1024) as u64, lang)),
                            ],
                        ),
                        LogoError::NotAnImage => fill(ImportText::LogoNotImage.get(lang), &[("file", &name)]),
                    });
                }
            }
        });
    };
    view! {
        <fieldset class="form-card letterhead" data-testid="letterhead">
            <legend>{move || ImportText::LetterheadLegend.get(lang.get())}</legend>
            <p class="hint">{move || ImportText::LetterheadHint.get(lang.get())}</p>
            <PartnerTextField id="contact-name" label=ImportText::ContactName kind="text" autocomplete="name"
                current=read(|partner| partner.contact.name.clone()) on_input=set(|partner, value| partner.contact.name = value) />
            <PartnerTextField id="contact-email" label=ImportText::ContactEmail kind="email" autocomplete="email"
                current=read(|partner| partner.contact.email.clone()) on_input=set(|partner, value| partner.contact.email = value) />
            <PartnerTextField id="contact-phone" label=ImportText::ContactPhone kind="tel" autocomplete="tel"
                current=read(|partner| partner.contact.phone.clone()) on_input=set(|partner, value| partner.contact.phone = value) />
            <PartnerTextField id="signatory-name" label=ImportText::SignatoryName kind="text" autocomplete="off"
                current=read(|partner| partner.signatory.name.clone()) on_input=set(|partner, value| partner.signatory.name = value) />
            <PartnerTextField id="signatory-role" label=ImportText::SignatoryRole kind="text" autocomplete="organization-title"
                current=read(|partner| partner.signatory.role.clone()) on_input=set(|partner, value| partner.signatory.role = value) />
            <div class="field">
                <label for="partner-logo">{move || fill(ImportText::Logo.get(lang.get()), &[("limit", &limit_kb)])}</label>
                <input id="partner-logo" type="file" data-testid="partner-logo" accept="image/png,image/jpeg,image/gif,image/webp" on:change=choose_logo />
                {move || logo().map(|url| view! {
                    <div class="logo-preview">
                        <img src=url alt=move || ImportText::LogoPreview.get(lang.get()) data-testid="partner-logo-preview" />
                        <button type="button" class="button" data-testid="partner-logo-remove"
                            on:click=move |_| change_partner.run(Box::new(|partner| partner.logo = None))>
                            {move || ImportText::LogoRemove.get(lang.get())}
                        </button>
                    </div>
                })}
            </div>
        </fieldset>
    }
}

#[component]
pub fn CustomerStep() -> impl IntoView {
    let workspace = use_workspace();
    let problems = use_problems();
    let lang = use_lang();
    prefill_partner(workspace, problems);
    let save_failure_reported = StoredValue::new(false);
    let input = move |read: fn(&PlanInput) -> String| {
        move || {
            workspace.draft.with(|draft| draft.as_ref().map(|draft| read(&draft.input)).unwrap_or_default())
        }
    };
    let partner = move || {
        workspace
            .draft
            .with(|draft| draft.as_ref().map(|draft| draft.input.partner.clone()).unwrap_or_default())
    };
    let change_partner = move |change: Box<dyn FnOnce(&mut PartnerProfile)>| {
        update_partner(workspace, problems, save_failure_reported, change);
    };

    let customer_country = Signal::derive(move || {
        workspace.draft.with(|draft| draft.as_ref().and_then(|draft| draft.input.customer.country.clone()))
    });
    let partner_country = Signal::derive(move || {
        workspace.draft.with(|draft| draft.as_ref().and_then(|draft| draft.input.partner.country.clone()))
    });
    let same_market = move || {
        let (customer, partner) = (customer_country.get()?, partner_country.get()?);
        Some((markets::market_of(&customer)?, markets::market_of(&partner)?))
    };

    let as_of = input(|input| input.settings.as_of.format("%Y-%m-%d").to_string());
    let as_of_error = RwSignal::new(false);

    view! {
        <section class="customer-step" aria-labelledby="customer-title">
            <h1 id="customer-title">{move || ImportText::CustomerTitle.get(lang.get())}</h1>
            <p class="step-intro">{move || ImportText::CustomerIntro.get(lang.get())}</p>

            <div class="form-grid">
                <fieldset class="form-card">
                    <legend>{move || ImportText::CustomerLegend.get(lang.get())}</legend>
                    <div class="field">
                        <label for="customer-name">{move || ImportText::CustomerName.get(lang.get())}</label>
                        <input
                            id="customer-name"
                            type="text"
                            data-testid="customer-name"
                            autocomplete="organization"
                            prop:value=input(|input| input.customer.name.clone())
                            on:input=move |ev| {
                                let name = event_target_value(&ev);
                                workspace.update_draft(|draft| {
                                    // The draft keeps the customer's name until the user renames the draft.
                                    if draft.name == draft.input.customer.name {
                                        draft.name = name.clone();
                                    }
                                    draft.input.customer.name = name;
                                });
                            }
                        />
                    </div>
                    <div class="field">
                        <label for="customer-tenant">{move || ImportText::TenantId.get(lang.get())}</label>
                        <input
                            id="customer-tenant"
                            type="text"
                            spellcheck="false"
                            prop:value=input(|input| input.customer.tenant_id.clone().unwrap_or_default())
                            on:input=move |ev| {
                                let value = event_target_value(&ev).trim().to_owned();
                                workspace.update_input(|input| input.customer.tenant_id = (!value.is_empty()).then_some(value));
                            }
                        />
                    </div>
                    <div class="field">
                        <label for="customer-country">{move || ImportText::TenantCountry.get(lang.get())}</label>
                        <CountrySelect
                            id="customer-country"
                            test_id="customer-country"
                            value=customer_country
                            on_choose=Callback::new(move |code| workspace.update_input(|input| input.customer.country = code))
                        />
                    </div>
                </fieldset>

                <fieldset class="form-card">
                    <legend>{move || ImportText::PartnerLegend.get(lang.get())}</legend>
                    <p class="hint">{move || ImportText::PartnerRemembered.get(lang.get())}</p>
                    <div class="field">
                        <label for="partner-name">{move || ImportText::PartnerName.get(lang.get())}</label>
                        <input
                            id="partner-name"
                            type="text"
                            data-testid="partner-name"
                            prop:value=move || partner().name
                            on:input=move |ev| {
                                let name = event_target_value(&ev);
                                change_partner(Box::new(move |partner| partner.name = name));
                            }
                        />
                    </div>
                    <div class="field">
                        <label for="partner-country">{move || ImportText::PartnerCountry.get(lang.get())}</label>
                        <CountrySelect
                            id="partner-country"
                            test_id="partner-country"
                            value=partner_country
                            on_choose=Callback::new(move |code| change_partner(Box::new(move |partner| partner.country = code)))
                        />
                    </div>
                    <fieldset class="choices">
                        <legend>{move || ImportText::BillingModelLegend.get(lang.get())}</legend>
                        {[(BillingModel::DirectBill, ImportText::DirectBill, "billing-direct"), (BillingModel::IndirectReseller, ImportText::IndirectReseller, "billing-indirect")]
                            .into_iter()
                            .map(|(model, text, id)| view! {
                                <div class="choice">
                                    <input
                                        type="radio"
                                        name="billing-model"
                                        id=id
                                        data-testid=id
                                        prop:checked=move || partner().billing_model == model
                                        on:change=move |_| change_partner(Box::new(move |partner| partner.billing_model = model))
                                    />
                                    <label for=id>{move || text.get(lang.get())}</label>
                                </div>
                            })
                            .collect_view()}
                    </fieldset>
                </fieldset>

                <LetterheadFields change_partner=Callback::new(move |change: PartnerChange| change_partner(change)) />

                <fieldset class="form-card">
                    <legend>{move || ImportText::RelationshipLegend.get(lang.get())}</legend>
                    <StatusSelect
                        id="relationship"
                        label=ImportText::RelationshipStatusLabel
                        options=RELATIONSHIP_OPTIONS
                        current=Signal::derive(move || partner().relationship)
                        on_pick=Callback::new(move |status| change_partner(Box::new(move |partner| partner.relationship = status)))
                    />
                    <div class="choice">
                        <input
                            type="checkbox"
                            id="mca-accepted"
                            data-testid="mca-accepted"
                            prop:checked=move || partner().mca_accepted
                            on:change=move |ev| {
                                let accepted = event_target_checked(&ev);
                                change_partner(Box::new(move |partner| partner.mca_accepted = accepted));
                            }
                        />
                        <label for="mca-accepted">{move || ImportText::McaAccepted.get(lang.get())}</label>
                        " "<TermHelp term=Term::Mca />
                    </div>
                    <StatusSelect
                        id="gdap"
                        label=ImportText::GdapStatusLabel
                        options=GDAP_OPTIONS
                        current=Signal::derive(move || partner().gdap)
                        on_pick=Callback::new(move |status| change_partner(Box::new(move |partner| partner.gdap = status)))
                    />
                    <fieldset class="choices">
                        <legend>{move || ImportText::GdapRolesLegend.get(lang.get())}" "<TermHelp term=Term::Gdap /></legend>
                        {[(GdapRole::ServiceSupportAdministrator, ImportText::RoleServiceSupportDuty, "role-service-support"), (GdapRole::LicenseAdministrator, ImportText::RoleLicenseAdminDuty, "role-license-admin")]
                            .into_iter()
                            .map(|(role, text, id)| view! {
                                <div class="choice">
                                    <input
                                        type="checkbox"
                                        id=id
                                        data-testid=id
                                        prop:checked=move || partner().gdap_roles.contains(&role)
                                        on:change=move |ev| {
                                            let granted = event_target_checked(&ev);
                                            change_partner(Box::new(move |partner| {
                                                partner.gdap_roles.retain(|kept| *kept != role);
                                                if granted {
                                                    partner.gdap_roles.push(role);
                                                    crate::sorting::sort(&mut partner.gdap_roles);
                                                }
                                            }));
                                        }
                                    />
                                    <label for=id>{move || fill(text.get(lang.get()), &[("role", gdap_role_label(role, lang.get()))])}</label>
                                </div>
                            })
                            .collect_view()}
                    </fieldset>
                </fieldset>

                <fieldset class="form-card">
                    <legend>{move || ImportText::DatesLegend.get(lang.get())}</legend>
                    <div class="field">
                        <label for="as-of">{move || ImportText::AsOf.get(lang.get())}</label>
                        <input
                            id="as-of"
                            type="date"
                            data-testid="as-of"
                            required
                            aria-invalid=move || as_of_error.get().to_string()
                            prop:value=as_of
                            on:change=move |ev| {
                                match chrono::NaiveDate::parse_from_str(&event_target_value(&ev), "%Y-%m-%d") {
                                    Ok(date) => {
                                        as_of_error.set(false);
                                        workspace.update_input(|input| input.settings.as_of = date);
                                    }
                                    Err(_) => as_of_error.set(true),
                                }
                            }
                        />
                        <Show when=move || as_of_error.get()>
                            <p class="field-error">{move || ImportText::AsOfInvalid.get(lang.get())}</p>
                        </Show>
                    </div>
                    <DaysField
                        id="acceptance-days"
                        label=ImportText::AcceptanceDays
                        hint=ImportText::AcceptanceDaysHint
                        max=365
                        current=Signal::derive(move || workspace.draft.with(|draft| draft.as_ref().map_or(0, |draft| draft.input.settings.acceptance_days)))
                        on_set=Callback::new(move |days| workspace.update_input(|input| input.settings.acceptance_days = days))
                    />
                    <DaysField
                        id="lead-days"
                        label=ImportText::LeadDays
                        hint=ImportText::LeadDaysHint
                        max=60
                        current=Signal::derive(move || workspace.draft.with(|draft| draft.as_ref().map_or(0, |draft| draft.input.settings.purchase_lead_days)))
                        on_set=Callback::new(move |days| workspace.update_input(|input| input.settings.purchase_lead_days = days))
                    />
                </fieldset>
            </div>

            <div class="region-check" role="status" data-testid="region-check">
                {move || {
                    let lang = lang.get();
                    match same_market() {
                        Some((customer, partner)) if customer == partner => view! {
                            <p class="ok-text">{fill(ImportText::SameMarket.get(lang), &[("market", customer.label(lang))])}</p>
                        }.into_any(),
                        Some((customer, partner)) => view! {
                            <p class="warning-text">{fill(ImportText::OtherMarket
                                .get(lang), &[("customer", customer.label(lang)), ("partner", partner.label(lang))])}</p>
                        }.into_any(),
                        None => view! { <p class="hint">{ImportText::MarketUnknownYet.get(lang)}</p> }.into_any(),
                    }
                }}
            </div>
        </section>
    }
}
