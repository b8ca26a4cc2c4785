//! The column mapper of each table whose format was not recognised.

use leptos::prelude::*;

use crate::i18n::import_ui::ImportText;
use crate::ui::flow::mapper::ColumnMapper;
use crate::ui::lang::use_lang;
use crate::ui::workspace::use_workspace;

#[component]
pub(super) fn Mappers() -> impl IntoView {
    let workspace = use_workspace();
    let lang = use_lang();
    let tables = move || workspace.with_import_session(|session| session.unmapped.clone());
    view! {
        <section class="mappers" aria-labelledby="mappers-title">
            <h2 id="mappers-title">{move || ImportText::MappersTitle.get(lang.get())}</h2>
            <crate::ui::flow::pending::PendingFilesNote />
            {move || tables().into_iter().enumerate().map(|(index, table)| view! { <ColumnMapper table index /> }).collect_view()}
        </section>
    }
}
