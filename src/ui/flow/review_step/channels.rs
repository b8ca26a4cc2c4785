//! The source channel (direct, EA, CSP) of the subscriptions whose file did
//! not say it, one by one or for all at once.

use leptos::prelude::*;

use crate::i18n::glossary::Term;
use crate::ui::glossary::TermHelp;

use crate::i18n::import_ui::ImportText;
use crate::i18n::labels::channel_label;
use crate::i18n::template::fill;
use crate::model::{Channel, Subscription};
use crate::ui::flow::session::{set_channel, set_unknown_channels};
use crate::ui::lang::use_lang;
use crate::ui::workspace::{use_workspace, Workspace};

/// Subscriptions listed in the channel section; "set for all" covers the rest.
const CHANNEL_ROWS_SHOWN: usize = 200;

/// The product as the user knows it: exports that give only a SKU part number
/// (Graph, PowerShell) get the catalog's display name next to it.
fn product_name(workspace: Workspace, subscription: &Subscription) -> String {
    let only_a_code = subscription.sku_part_number.as_deref() == Some(subscription.product.as_str())
        || subscription.sku_id.as_deref() == Some(subscription.product.as_str());
    if !only_a_code {
        return subscription.product.clone();
    }
    let known = workspace.with_catalog(|catalog| {
        let by_id = subscription.sku_id.as_deref().and_then(|sku_id| catalog.by_sku_id(sku_id));
        by_id
            .or_else(|| catalog.by_sku_part_number(&subscription.product))
            .map(|product| product.name.clone())
    });
    match known {
        Some(name) => format!("{name} ({})", subscription.product),
        None => subscription.product.clone(),
    }
}

/// The subscriptions the section asks the channel of: the rows shown (id,
/// product, seats, channel), how many in all, and how many still unknown.
#[derive(Debug, Clone, PartialEq, Default)]
struct AskedChannels {
    shown: Vec<(String, String, u32, Channel)>,
    total: usize,
    unknown: usize,
}

/// The channel of each subscription whose file did not say where it was bought.
#[component]
pub(super) fn ChannelSection() -> impl IntoView {
    let workspace = use_workspace();
    let lang = use_lang();
    // One pass over the subscriptions per change, shared by the section's
    // parts: at 100,000 subscriptions each pass is felt.
    let asked = Memo::new(move |_| {
        workspace.with_import_session(|session| {
            workspace.draft.with(|draft| {
                let mut asked = AskedChannels::default();
                let Some(draft) = draft else { return asked };
                for subscription in &draft.input.subscriptions {
                    let unknown = subscription.channel == Channel::Unknown;
                    if !unknown && !session.channel_asked.contains(&subscription.subscription_id) {
                        continue;
                    }
                    asked.total += 1;
                    asked.unknown += usize::from(unknown);
                    if asked.shown.len() < CHANNEL_ROWS_SHOWN {
                        asked.shown.push((
                            subscription.subscription_id.clone(),
                            product_name(workspace, subscription),
                            subscription.seats_total,
                            subscription.channel,
                        ));
                    }
                }
                asked
            })
        })
    });
    let unknown_count = move || asked.with(|asked| asked.unknown);
    let for_all = RwSignal::new(Channel::Direct);
    view! {
        <Show when=move || asked.with(|asked| asked.total > 0)>
            <section class="channels" aria-labelledby="channels-title" data-testid="channels">
                <h2 id="channels-title">{move || ImportText::ChannelsTitle.get(lang.get())}</h2>
                <div class="term-helps"><TermHelp term=Term::Csp />" "<TermHelp term=Term::Nce />" "<TermHelp term=Term::Ea /></div>
                <p>{move || fill(ImportText::ChannelsIntro.get(lang.get()), &[("count", &unknown_count().to_string())])}</p>
                <div class="set-all">
                    <label for="channel-all">{move || ImportText::ChannelForAll.get(lang.get())}</label>
                    <select
                        id="channel-all"
                        data-testid="channel-all"
                        on:change=move |ev| {
                            if let Some(channel) = Channel::from_id(&event_target_value(&ev)) {
                                for_all.set(channel);
                            }
                        }
                    >
                        {Channel::ALL.into_iter().filter(|channel| *channel != Channel::Unknown).map(|channel| view! {
                            <option value=channel.id() prop:selected=move || for_all.get() == channel>
                                {move || channel_label(channel, lang.get())}
                            </option>
                        }).collect_view()}
                    </select>
                    <button
                        type="button"
                        class="button"
                        data-testid="channel-all-apply"
                        disabled=move || unknown_count() == 0
                        on:click=move |_| set_unknown_channels(workspace, for_all.get_untracked())
                    >
                        {move || ImportText::ChannelApplyAll.get(lang.get())}
                    </button>
                </div>
                <div class="table-scroll">
                    <table class="channel-table">
                        <thead>
                            <tr>
                                <th scope="col">{move || ImportText::ProductColumn.get(lang.get())}</th>
                                <th scope="col">{move || ImportText::SeatsColumn.get(lang.get())}</th>
                                <th scope="col">{move || ImportText::ChannelColumn.get(lang.get())}</th>
                            </tr>
                        </thead>
                        <tbody>
                            <For
                                each=move || asked.with(|asked| asked.shown.clone()).into_iter().enumerate()
                                key=|(index, (id, _, _, channel))| (*index, id.clone(), *channel)
                                let:item
                            >
                                {
                                    let (index, (id, product, seats, current)) = item;
                                    let select_id = format!("channel-{index}");
                                    view! {
                                        <tr data-testid="channel-row">
                                            <th scope="row"><label for=select_id.clone()>{product}</label></th>
                                            <td class="number">{move || crate::i18n::format::count(u64::from(seats), lang.get())}</td>
                                            <td>
                                                <select
                                                    id=select_id
                                                    data-testid="channel-select"
                                                    data-subscription=id.clone()
                                                    on:change=move |ev| {
                                                        if let Some(channel) = Channel::from_id(&event_target_value(&ev)) {
                                                            set_channel(workspace, &id, channel);
                                                        }
                                                    }
                                                >
                                                    {Channel::ALL.into_iter().map(|channel| view! {
                                                        <option value=channel.id() selected=channel == current>
                                                            {move || channel_label(channel, lang.get())}
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
                <Show when=move || asked.with(|asked| asked.total > asked.shown.len())>
                    <p class="hint">{move || fill(ImportText::ChannelsMore.get(lang.get()), &[("count", &asked.with(|asked| asked.total - asked.shown.len()).to_string())])}</p>
                </Show>
            </section>
        </Show>
    }
}
