//! The root component: provides the shared state, and shows the current screen.

use leptos::prelude::*;

use crate::ui::lang::provide_lang;
use crate::ui::problems::{provide_problems, ErrorBanner};
use crate::ui::shell::{Footer, Header};
use crate::ui::start::StartScreen;

#[component]
pub fn App() -> impl IntoView {
    provide_lang();
    provide_problems();
    view! {
        <Header />
        <main id="main" class="app-main">
            <ErrorBanner />
            <StartScreen />
        </main>
        <Footer />
    }
}
