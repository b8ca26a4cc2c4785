//! Says that a new version of the app is ready, and reloads into it when the user asks.
//!
//! The service worker and its registration (web/register-service-worker.js) do the
//! work; this banner only listens for their `csp-planner-update-ready` window event
//! (or finds `window.cspPlannerUpdateReady` set, when the news came before the
//! planner took over) and answers with `csp-planner-apply-update`. The page then
//! reloads once the new version has taken over; drafts, in local storage, are not
//! touched, and the new version reads them through the draft schema's migrations.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use crate::i18n::offline::OfflineText;
use crate::ui::lang::use_lang;

const READY_EVENT: &str = "csp-planner-update-ready";
const READY_FLAG: &str = "cspPlannerUpdateReady";
const APPLY_EVENT: &str = "csp-planner-apply-update";

fn already_ready() -> bool {
    js_sys::Reflect::get(&window(), &JsValue::from_str(READY_FLAG)).is_ok_and(|flag| flag.is_truthy())
}

fn apply_update() {
    if let Ok(event) = web_sys::Event::new(APPLY_EVENT) {
        let _ = window().dispatch_event(&event);
    }
}

#[component]
pub fn UpdateBanner() -> impl IntoView {
    let lang = use_lang();
    let ready = RwSignal::new(already_ready());
    let applying = RwSignal::new(false);
    // The planner is mounted once for the page's life: the listener lives as long.
    window_event_listener_untyped(READY_EVENT, move |_| ready.set(true));
    let reload = move |_| {
        applying.set(true);
        apply_update();
    };
    view! {
        <Show when=move || ready.get()>
            <section class="update-banner" data-testid="update-banner" role="status">
                <p>{move || OfflineText::UpdateReady.get(lang.get())}</p>
                <button type="button" class="button primary" data-testid="update-reload" on:click=reload
                    disabled=move || applying.get()>
                    {move || if applying.get() { OfflineText::UpdateReloading } else { OfflineText::UpdateReload }.get(lang.get())}
                </button>
            </section>
        </Show>
    }
}
