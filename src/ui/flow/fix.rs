//! From a blocker to the field that resolves it ([`Fix`]): a field of the line's
//! own panel, or of the review or customer step, which the app opens with the
//! field focused; from there a button leads back to the line.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::plan_ui::PlanText;
use crate::i18n::template::fill;
use crate::plan::Fix;
use crate::ui::lang::use_lang;
use crate::ui::workspace::{use_workspace, Step, Workspace};

/// The button's text for each kind of fix.
pub fn fix_label(fix: Fix) -> PlanText {
    match fix {
        Fix::LineTarget => PlanText::FixLineTarget,
        Fix::LinePath => PlanText::FixLinePath,
        Fix::LineSeats => PlanText::FixLineSeats,
        Fix::LineExclude => PlanText::FixLineExclude,
        Fix::ReviewChannel => PlanText::FixReviewChannel,
        Fix::CustomerRelationship => PlanText::FixCustomerRelationship,
        Fix::CustomerCountry => PlanText::FixCustomerCountry,
    }
}

/// Frames to wait for a step to show its field before giving up.
const FRAMES_TO_WAIT: u32 = 60;
/// Frames after which a step's general field stands in for a row it does not list.
const FRAMES_BEFORE_FALLBACK: u32 = 6;

fn element(selector: &str) -> Option<web_sys::HtmlElement> {
    document().query_selector(selector).ok().flatten()?.dyn_into::<web_sys::HtmlElement>().ok()
}

/// `scrollIntoView({ block: "center" })`, called from JavaScript: web-sys's
/// `ScrollIntoViewOptions` is a feature no other part of the app needs.
fn scroll_to_middle(field: &web_sys::HtmlElement) {
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"block".into(), &"center".into());
    let scroll = js_sys::Reflect::get(field, &"scrollIntoView".into())
        .ok()
        .and_then(|function| function.dyn_into::<js_sys::Function>().ok());
    if let Some(scroll) = scroll {
        let _ = scroll.call1(field, &options);
    }
}

/// Focuses `wanted` once it is shown (or `fallback` if `wanted` never comes),
/// scrolled to the middle of the screen.
pub fn focus_when_shown(wanted: String, fallback: Option<String>) {
    fn attempt(wanted: String, fallback: Option<String>, frame: u32) {
        let found = element(&wanted)
            .or_else(|| fallback.as_deref().filter(|_| frame >= FRAMES_BEFORE_FALLBACK).and_then(element));
        match found {
            Some(field) => {
                scroll_to_middle(&field);
                let _ = field.focus();
            }
            None if frame < FRAMES_TO_WAIT => {
                request_animation_frame(move || attempt(wanted, fallback, frame + 1));
            }
            None => {}
        }
    }
    attempt(wanted, fallback, 0);
}

/// Opens the field that resolves a blocker of line `subscription_id`.
pub fn go_to_fix(workspace: Workspace, fix: Fix, subscription_id: &str, product: &str) {
    let line_field = |id: &str| focus_when_shown(format!("#{id}"), None);
    let leave_line = |step: Step| {
        workspace.back_to_line.set(Some((subscription_id.to_string(), product.to_string())));
        workspace.step.set(step);
    };
    match fix {
        Fix::LineTarget => line_field("override-target"),
        Fix::LinePath => line_field("override-path"),
        Fix::LineSeats => line_field("override-seats"),
        Fix::LineExclude => line_field("override-exclude"),
        Fix::ReviewChannel => {
            leave_line(Step::Review);
            let quoted = subscription_id.replace('\\', "\\\\").replace('"', "\\\"");
            focus_when_shown(
                format!("[data-testid=\"channel-select\"][data-subscription=\"{quoted}\"]"),
                Some("#channel-all".into()),
            );
        }
        Fix::CustomerRelationship => {
            leave_line(Step::Customer);
            focus_when_shown("#relationship".into(), None);
        }
        Fix::CustomerCountry => {
            leave_line(Step::Customer);
            focus_when_shown("#customer-country".into(), None);
        }
    }
}

/// The way back to the line left for a fix, shown in the other steps.
#[component]
pub fn BackToLine() -> impl IntoView {
    let workspace = use_workspace();
    let lang = use_lang();
    let shown = move || workspace.step.get() != Step::Plan && workspace.back_to_line.with(Option::is_some);
    view! {
        <Show when=shown>
            <div class="back-to-line">
                <button
                    type="button"
                    class="button"
                    data-testid="back-to-line"
                    on:click=move |_| workspace.step.set(Step::Plan)
                >
                    {move || {
                        let product = workspace.back_to_line.with(|line| line.as_ref().map(|(_, product)| product.clone()));
                        fill(PlanText::BackToLine.get(lang.get()), &[("product", &product.unwrap_or_default())])
                    }}
                </button>
            </div>
        </Show>
    }
}
