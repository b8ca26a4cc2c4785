//! The plan table with the keyboard: one Tab stop (a roving tabindex over the
//! rows' buttons), Enter to the selected line's details, Escape back to its row;
//! and on a phone, where the details sit below the table, a tap on a row
//! scrolls them into view.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

fn html(selector: &str) -> Option<web_sys::HtmlElement> {
    document().query_selector(selector).ok().flatten()?.dyn_into::<web_sys::HtmlElement>().ok()
}

/// The rendered rows' buttons (through `querySelectorAll` called from JavaScript:
/// web-sys's `NodeList` is a feature no other part of the app needs).
fn row_buttons(scroller: &web_sys::HtmlDivElement) -> Vec<web_sys::Element> {
    let query = js_sys::Reflect::get(scroller, &"querySelectorAll".into())
        .ok()
        .and_then(|function| function.dyn_into::<js_sys::Function>().ok());
    let Some(list) = query.and_then(|query| query.call1(scroller, &"button[data-row-button]".into()).ok())
    else {
        return Vec::new();
    };
    let length =
        js_sys::Reflect::get(&list, &"length".into()).ok().and_then(|length| length.as_f64()).unwrap_or(0.0);
    (0..length as u32)
        .filter_map(|index| js_sys::Reflect::get(&list, &index.into()).ok())
        .filter_map(|button| button.dyn_into::<web_sys::Element>().ok())
        .collect()
}

/// Puts only row `active`'s button (or the first shown) in the Tab order.
pub(super) fn rove(scroller: Option<web_sys::HtmlDivElement>, active: usize) {
    let Some(scroller) = scroller else { return };
    let buttons = row_buttons(&scroller);
    let wanted = active.to_string();
    let mut found = false;
    for button in &buttons {
        let row = button.closest("tr").ok().flatten().and_then(|row| row.get_attribute("data-row-index"));
        let is_active = row.as_deref() == Some(wanted.as_str());
        found |= is_active;
        let _ = button.set_attribute("tabindex", if is_active { "0" } else { "-1" });
    }
    if !found {
        // The active row is scrolled out of the rendered window: the first shown row takes the stop.
        if let Some(first) = buttons.first() {
            let _ = first.set_attribute("tabindex", "0");
        }
    }
}

pub(super) fn focus_details() {
    if let Some(details) = html("#line-details") {
        let _ = details.focus();
    }
}

/// Below this width the details sit under the table (style/plan.css, `.plan-work`).
const STACKED_BELOW_PX: f64 = 1100.0;

/// Scrolls the details into view when they are laid out below the table.
pub(super) fn reveal_details_when_stacked() {
    let width = window().inner_width().ok().and_then(|width| width.as_f64()).unwrap_or(f64::MAX);
    if width <= STACKED_BELOW_PX {
        if let Some(details) = html("#line-details") {
            details.scroll_into_view();
        }
    }
}

/// Escape in the details goes back to the selected row.
pub(super) fn on_details_key(event: web_sys::KeyboardEvent) {
    if event.key() != "Escape" {
        return;
    }
    if let Some(button) = html(".plan-table-scroll tr.selected button[data-row-button]") {
        event.prevent_default();
        let _ = button.focus();
    }
}
