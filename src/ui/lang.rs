//! The language of the interface: chosen in the header, remembered across
//! reloads, defaulting to the browser's language.

use leptos::prelude::*;

use crate::i18n::{Lang, Text};
use crate::ui::storage;

const STORAGE_KEY: &str = "lang";

/// The current interface language, shared through context.
#[derive(Clone, Copy)]
pub struct UiLang(pub RwSignal<Lang>);

impl UiLang {
    pub fn get(self) -> Lang {
        self.0.get()
    }

    /// A reactive text in the current language.
    pub fn text(self, text: Text) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || text.get(self.0.get())
    }
}

pub fn use_lang() -> UiLang {
    // Provided by `App` before any component that asks for it is created.
    use_context::<UiLang>().unwrap_or_else(|| UiLang(RwSignal::new(Lang::default())))
}

/// The saved choice, else the first browser language we speak, else English.
fn initial_lang() -> Lang {
    if let Ok(Some(code)) = storage::get_raw(STORAGE_KEY) {
        if let Some(lang) = Lang::from_tag(&code) {
            return lang;
        }
    }
    let navigator = window().navigator();
    let languages = navigator.languages();
    let preferred = languages.iter().filter_map(|tag| tag.as_string());
    preferred.chain(navigator.language()).find_map(|tag| Lang::from_tag(&tag)).unwrap_or_default()
}

/// Creates the language signal, and keeps `<html lang>` and the saved choice in step with it.
pub fn provide_lang() -> UiLang {
    let lang = UiLang(RwSignal::new(initial_lang()));
    provide_context(lang);
    Effect::new(move |_| {
        let current = lang.get();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", current.code());
        }
        document().set_title(Text::AppName.get(current));
    });
    lang
}

/// Saves a choice the user made (not the default), so a reload keeps it.
pub fn choose_lang(lang: UiLang, chosen: Lang) {
    lang.0.set(chosen);
    // Not being able to remember the language is no reason to bother the user:
    // the storage banner already says when nothing can be kept.
    let _ = storage::set_raw(STORAGE_KEY, chosen.code());
}
