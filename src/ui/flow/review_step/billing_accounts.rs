//! The review step's question for direct subscriptions: which billing account
//! (MOSA, MCA) each is on, one by one or for all (DIRECT-ACCOUNT). The planner
//! asks rather than guess while it is unknown.

use leptos::prelude::*;

use crate::i18n::glossary::Term;
use crate::ui::glossary::TermHelp;

use crate::i18n::format;
use crate::i18n::import_ui::ImportText;
use crate::i18n::labels::billing_account_label;
use crate::i18n::template::fill;
use crate::model::{BillingAccount, Channel};
use crate::ui::lang::use_lang;
use crate::ui::workspace::use_workspace;

/// Rows listed; "apply to all" covers the others.
const ROWS_SHOWN: usize = 200;

/// The direct subscriptions: the rows shown (id, product, seats, account),
/// how many in all, and how many on an account not known yet.
#[derive(Debug, Clone, PartialEq, Default)]
struct DirectSubscriptions {
    shown: Vec<(String, String, u32, BillingAccount)>,
    total: usize,
    unknown: usize,
}

#[component]
pub fn BillingAccountSection() -> impl IntoView {
    let workspace = use_workspace();
    let lang = use_lang();
    // One pass over the subscriptions per change, shared by the section's parts.
    let direct = Memo::new(move |_| {
        workspace.draft.with(|draft| {
            let mut direct = DirectSubscriptions::default();
            let Some(draft) = draft else { return direct };
            for subscription in draft
                .input
                .subscriptions
                .iter()
                .filter(|subscription| subscription.channel == Channel::Direct)
            {
                direct.total += 1;
                direct.unknown += usize::from(subscription.billing_account == BillingAccount::Unknown);
                if direct.shown.len() < ROWS_SHOWN {
                    direct.shown.push((
                        subscription.subscription_id.clone(),
                        subscription.product.clone(),
                        subscription.seats_total,
                        subscription.billing_account,
                    ));
                }
            }
            direct
        })
    });
    let unknown_count = move || direct.with(|direct| direct.unknown);
    let for_all = RwSignal::new(BillingAccount::Mca);
    let set = move |id: Option<String>, account: BillingAccount| {
        workspace.update_input(|input| input.set_billing_account(id.as_deref(), account));
    };
    view! {
        <Show when=move || direct.with(|direct| direct.total > 0)>
            <section class="channels billing-accounts" aria-labelledby="accounts-title" data-testid="billing-accounts">
                <h2 id="accounts-title">{move || ImportText::AccountsTitle.get(lang.get())}</h2>
                <div class="term-helps"><TermHelp term=Term::Mca />" "<TermHelp term=Term::Mosa /></div>
                <p>{move || fill(ImportText::AccountsIntro.get(lang.get()), &[("count", &format::count(unknown_count() as u64, lang.get()))])}</p>
                <div class="set-all">
                    <label for="account-all">{move || ImportText::AccountForAll.get(lang.get())}</label>
                    <select
                        id="account-all"
                        data-testid="account-all"
                        on:change=move |ev| {
                            if let Some(account) = BillingAccount::from_id(&event_target_value(&ev)) {
                                for_all.set(account);
                            }
                        }
                    >
                        {BillingAccount::ALL.into_iter().map(|account| view! {
                            <option value=account.id() prop:selected=move || for_all.get() == account>
                                {move || billing_account_label(account, lang.get())}
                            </option>
                        }).collect_view()}
                    </select>
                    <button type="button" class="button" data-testid="account-all-apply" on:click=move |_| set(None, for_all.get_untracked())>
                        {move || ImportText::AccountApplyAll.get(lang.get())}
                    </button>
                </div>
                <div class="table-scroll">
                    <table class="channel-table">
                        <thead>
                            <tr>
                                <th scope="col">{move || ImportText::ProductColumn.get(lang.get())}</th>
                                <th scope="col">{move || ImportText::SeatsColumn.get(lang.get())}</th>
                                <th scope="col">{move || ImportText::AccountColumn.get(lang.get())}</th>
                            </tr>
                        </thead>
                        <tbody>
                            <For
                                each=move || direct.with(|direct| direct.shown.clone()).into_iter().enumerate()
                                key=|(index, (id, _, _, account))| (*index, id.clone(), *account)
                                let:item
                            >
                                {
                                    let (index, (id, product, seats, current)) = item;
                                    let select_id = format!("account-{index}");
                                    view! {
                                        <tr data-testid="account-row">
                                            <th scope="row"><label for=select_id.clone()>{product}</label></th>
                                            <td class="number">{move || format::count(u64::from(seats), lang.get())}</td>
                                            <td>
                                                <select
                                                    id=select_id
                                                    data-testid="account-select"
                                                    on:change=move |ev| {
                                                        if let Some(account) = BillingAccount::from_id(&event_target_value(&ev)) {
                                                            set(Some(id.clone()), account);
                                                        }
                                                    }
                                                >
                                                    {BillingAccount::ALL.into_iter().map(|account| view! {
                                                        <option value=account.id() selected=account == current>
                                                            {move || billing_account_label(account, lang.get())}
                                                        </option>
                                                    }).collect_view()}
                                                </select>
                                            </td>
                                        </tr>
                                    }
                                }
                            </For>
                        </tbody>
                    </table>
                </div>
                <Show when=move || direct.with(|direct| direct.total > direct.shown.len())>
                    <p class="hint">{move || fill(ImportText::AccountsMore.get(lang.get()), &[("count", &direct.with(|direct| direct.total - direct.shown.len()).to_string())])}</p>
                </Show>
            </section>
        </Show>
    }
}
