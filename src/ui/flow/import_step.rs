//! The import step.

use leptos::prelude::*;

#[component]
pub fn ImportStep() -> impl IntoView {
    view! { <h1>"import"</h1> }
}
