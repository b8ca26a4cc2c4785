//! How the page's two stages pass the user over to each other.
//!
//! The page loads in two stages (see `scripts/externalize-loader.mjs`): a small
//! first module (`quick_start`) shows the start screen at once, then the planner
//! module (`App`), many times its size, loads in the background and takes over.
//! What the user did in between (a language chosen, a button clicked) travels in
//! one object on `window`, written by the first stage and taken by the second.

use wasm_bindgen::{JsCast, JsValue};

use crate::i18n::Lang;

/// The property of `window` that carries the handover from one stage to the next.
const HANDOVER_PROPERTY: &str = "cspPlannerHandover";

/// What the user asked for on the start screen before the planner was there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StartAction {
    NewPlan,
    OpenDemo,
    OpenDraft(String),
}

impl StartAction {
    fn encode(&self) -> String {
        match self {
            StartAction::NewPlan => "new".into(),
            StartAction::OpenDemo => "demo".into(),
            StartAction::OpenDraft(id) => format!("open:{id}"),
        }
    }

    fn decode(text: &str) -> Option<StartAction> {
        match text {
            "new" => Some(StartAction::NewPlan),
            "demo" => Some(StartAction::OpenDemo),
            _ => text
                .strip_prefix("open:")
                .filter(|id| !id.is_empty())
                .map(|id| StartAction::OpenDraft(id.to_string())),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Handover {
    /// The language on screen when the planner took over (it may not have been
    /// saved: local storage can be unavailable).
    pub lang: Option<Lang>,
    pub action: Option<StartAction>,
}

impl Handover {
    /// The object the loader keeps on `window` until the planner starts.
    pub fn to_js(&self) -> JsValue {
        let object = js_sys::Object::new();
        if let Some(lang) = self.lang {
            let _ = js_sys::Reflect::set(&object, &"lang".into(), &lang.code().into());
        }
        if let Some(action) = &self.action {
            let _ = js_sys::Reflect::set(&object, &"action".into(), &action.encode().into());
        }
        object.into()
    }

    fn from_js(value: &JsValue) -> Handover {
        let text =
            |name: &str| js_sys::Reflect::get(value, &name.into()).ok().and_then(|value| value.as_string());
        Handover {
            lang: text("lang").as_deref().and_then(Lang::from_tag),
            action: text("action").as_deref().and_then(StartAction::decode),
        }
    }
}

/// Takes the handover left by the first stage, once: a later mount (a test, a
/// hot reload) starts clean. Empty when the planner was loaded on its own.
pub fn take() -> Handover {
    let Some(window) = web_sys::window() else { return Handover::default() };
    let window: &JsValue = window.unchecked_ref();
    let value = js_sys::Reflect::get(window, &HANDOVER_PROPERTY.into()).unwrap_or(JsValue::UNDEFINED);
    if value.is_undefined() || value.is_null() {
        return Handover::default();
    }
    let _ =
        js_sys::Reflect::delete_property(window.unchecked_ref::<js_sys::Object>(), &HANDOVER_PROPERTY.into());
    Handover::from_js(&value)
}

/// Marks the page as run by the planner itself (`<html data-planner="ready">`):
/// end-to-end tests and benchmarks wait for it.
pub fn mark_planner_ready() {
    if let Some(root) = web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.document_element())
    {
        let _ = root.set_attribute("data-planner", "ready");
    }
}
