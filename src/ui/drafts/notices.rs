//! Banners about storage itself: nothing can be kept, space is running out, or
//! another tab changed the open draft (the user chooses which version wins).

use leptos::prelude::*;

use super::{clock, use_drafts, Conflict};
use crate::draft::{ORIGIN_QUOTA_BYTES, WARN_FRACTION};
use crate::i18n::drafts::DraftsText;
use crate::i18n::template::fill;
use crate::ui::lang::use_lang;

/// One decimal, with the decimal comma in French.
fn decimal(value: f64, lang: crate::i18n::Lang) -> String {
    format!("{value:.1}").replace('.', lang.pick(".", ","))
}

#[component]
pub fn StorageBanner() -> impl IntoView {
    let lang = use_lang();
    let Some(drafts) = use_drafts() else { return ().into_any() };
    let almost_full = move || drafts.used_bytes.get() as f64 > WARN_FRACTION * ORIGIN_QUOTA_BYTES as f64;
    let usage_text = move || {
        let used = drafts.used_bytes.get();
        let lang = lang.get();
        let mib = |bytes: usize| decimal(bytes as f64 / (1024.0 * 1024.0), lang);
        fill(
            DraftsText::StorageAlmostFull.get(lang),
            &[
                ("percent", &format!("{:.0}", 100.0 * used as f64 / ORIGIN_QUOTA_BYTES as f64)),
                ("used", &mib(used)),
                ("quota", &mib(ORIGIN_QUOTA_BYTES)),
            ],
        )
    };
    let conflict_text = move || {
        let lang = lang.get();
        match drafts.conflict.get() {
            Some(Conflict::Changed { saved_at_ms, .. }) => {
                fill(DraftsText::ConflictChanged.get(lang), &[("time", &clock(saved_at_ms))])
            }
            Some(Conflict::Deleted { .. }) => DraftsText::ConflictDeleted.get(lang).to_string(),
            None => String::new(),
        }
    };
    let deleted = move || matches!(drafts.conflict.get(), Some(Conflict::Deleted { .. }));
    view! {
        <Show when=move || drafts.in_memory>
            <section class="storage-banner" data-testid="storage-banner" role="status">
                <p>{move || DraftsText::StorageUnavailable.get(lang.get())}</p>
            </section>
        </Show>
        <Show when=almost_full>
            <section class="storage-banner warning" data-testid="storage-warning" role="status">
                <p>{usage_text}</p>
            </section>
        </Show>
        <Show when=move || drafts.conflict.with(Option::is_some)>
            <section class="storage-banner conflict" data-testid="draft-conflict" role="alert">
                <p>{conflict_text}</p>
                <div class="banner-actions">
                    <Show
                        when=deleted
                        fallback=move || view! {
                            <button type="button" class="button" data-testid="conflict-reload" on:click=move |_| drafts.reload_theirs()>
                                {move || DraftsText::ReloadTheirs.get(lang.get())}
                            </button>
                        }
                    >
                        <button type="button" class="button" data-testid="conflict-close" on:click=move |_| drafts.close_deleted()>
                            {move || DraftsText::CloseDraft.get(lang.get())}
                        </button>
                    </Show>
                    <button type="button" class="button" data-testid="conflict-keep" on:click=move |_| drafts.keep_mine()>
                        {move || DraftsText::KeepMine.get(lang.get())}
                    </button>
                </div>
            </section>
        </Show>
    }
    .into_any()
}
