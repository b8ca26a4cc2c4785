//! The frame around every screen: header with the language switch, and footer.

use leptos::prelude::*;

use crate::i18n::{Lang, Text};
use crate::ui::lang::{choose_lang, use_lang};

#[component]
pub fn Header() -> impl IntoView {
    let lang = use_lang();
    let on_change = move |event: leptos::ev::Event| {
        if let Some(chosen) = Lang::from_tag(&event_target_value(&event)) {
            choose_lang(lang, chosen);
        }
    };
    view! {
        <header class="app-header">
            <div class="brand">
                <svg class="logo" viewBox="0 0 32 32" width="28" height="28" aria-hidden="true">
                    <rect width="32" height="32" rx="6" fill="#0f5cc0" />
                    <path d="M8 17h10l-4-4m4 4-4 4M20 10h4v12h-4" fill="none" stroke="#fff" stroke-width="2.5" stroke-linecap="round" stroke-linejoin="round" />
                </svg>
                <span class="product-name">{lang.text(Text::AppName)}</span>
            </div>
            <label class="lang-switch">
                <span class="visually-hidden">{lang.text(Text::LanguageLabel)}</span>
                <select data-testid="lang-switch" on:change=on_change prop:value=move || lang.get().code()>
                    <option value="en" lang="en">"English"</option>
                    <option value="fr" lang="fr">"Français"</option>
                </select>
            </label>
        </header>
    }
}

#[component]
pub fn Footer() -> impl IntoView {
    let lang = use_lang();
    view! {
        <footer class="app-footer">
            <p>{lang.text(Text::FooterPrivacy)}</p>
            <p class="version">{lang.text(Text::Version)} " " {crate::APP_VERSION}</p>
        </footer>
    }
}
