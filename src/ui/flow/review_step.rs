//! The review step.

use leptos::prelude::*;

#[component]
pub fn ReviewStep() -> impl IntoView {
    view! { <h1>"review"</h1> }
}
