//! The plan step.

use leptos::prelude::*;

#[component]
pub fn PlanStep() -> impl IntoView {
    view! { <h1>"plan"</h1> }
}
