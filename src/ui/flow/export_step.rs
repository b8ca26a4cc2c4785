//! The export step.

use leptos::prelude::*;

#[component]
pub fn ExportStep() -> impl IntoView {
    view! { <h1>"export"</h1> }
}
