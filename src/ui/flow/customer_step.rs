//! The customer step.

use leptos::prelude::*;

#[component]
pub fn CustomerStep() -> impl IntoView {
    view! { <h1>"customer"</h1> }
}
