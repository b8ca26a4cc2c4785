//! The review step: what each file was recognised as (and a way to say
//! otherwise), the date order, the column mapper, the import report with the
//! rejected rows fixable in place, and the source channel where the file did
//! not say it.

mod billing_accounts;
mod channels;
mod date_order;
mod files;
mod mappers;
mod rejected;
mod report;

use leptos::prelude::*;

use crate::i18n::import_ui::ImportText;
use crate::ui::lang::use_lang;
use crate::ui::workspace::use_workspace;
use channels::ChannelSection;
use date_order::DateOrderChoice;
use files::FilesTable;
use mappers::Mappers;
use rejected::RejectedRows;
use report::ReportSection;

#[component]
pub fn ReviewStep() -> impl IntoView {
    let lang = use_lang();
    let workspace = use_workspace();
    let has_unmapped = move || workspace.with_import_session(|session| !session.unmapped.is_empty());
    view! {
        <section class="review-step" aria-labelledby="review-title">
            <h1 id="review-title">{move || ImportText::ReviewTitle.get(lang.get())}</h1>
            <p class="step-intro">{move || ImportText::ReviewIntro.get(lang.get())}</p>
            <FilesTable />
            <DateOrderChoice />
            <Show when=has_unmapped>
                <Mappers />
            </Show>
            <ReportSection />
            <RejectedRows />
            <ChannelSection />
            <billing_accounts::BillingAccountSection />
        </section>
    }
}
