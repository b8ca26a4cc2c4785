//! Component tests in headless Chromium (`make test-wasm`): mount the app into a
//! real DOM and check what a user would see.

#![allow(
    clippy::panic,
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "test helpers fail the test by panicking"
)]
#![cfg(target_arch = "wasm32")]

use csp_planner::ui::App;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn fresh_container() -> web_sys::HtmlElement {
    let container =
        document().create_element("div").map(|element| element.unchecked_into::<web_sys::HtmlElement>());
    let container = container.unwrap_or_else(|_| panic!("the test page can create elements"));
    document().body().unwrap_or_else(|| panic!("the test page has a body")).append_child(&container).ok();
    container
}

fn by_test_id(container: &web_sys::HtmlElement, id: &str) -> Option<web_sys::Element> {
    container.query_selector(&format!("[data-testid='{id}']")).ok().flatten()
}

#[wasm_bindgen_test]
async fn start_screen_shows_its_actions_and_switches_language() {
    // A known starting language, whatever the test browser's own.
    let _ = web_sys::window()
        .and_then(|window| window.local_storage().ok().flatten())
        .map(|storage| storage.set_item("csp-planner.lang", "en"));
    let container = fresh_container();
    let _mounted = leptos::mount::mount_to(container.clone(), App);
    leptos::task::tick().await;

    let new_plan = by_test_id(&container, "new-plan").expect("the start screen has a New plan button");
    assert!(new_plan.text_content().unwrap_or_default().contains("New plan"));
    assert!(by_test_id(&container, "open-demo").is_some());
    assert!(by_test_id(&container, "drafts-list").is_some());
    assert!(by_test_id(&container, "error-banner").is_none(), "no error banner without an error");

    let switch: web_sys::HtmlSelectElement =
        by_test_id(&container, "lang-switch").expect("a language switch").unchecked_into();
    switch.set_value("fr");
    switch.dispatch_event(&web_sys::Event::new("change").expect("an event")).ok();
    leptos::task::tick().await;

    assert!(new_plan.text_content().unwrap_or_default().contains("Nouveau plan"));
    assert_eq!(
        document().document_element().and_then(|root| root.get_attribute("lang")).as_deref(),
        Some("fr")
    );
    container.remove();
}

fn click(container: &web_sys::HtmlElement, id: &str) {
    let element: web_sys::HtmlElement =
        by_test_id(container, id).unwrap_or_else(|| panic!("{id} is on the page")).unchecked_into();
    element.click();
}

#[wasm_bindgen_test]
async fn export_step_shows_the_report_and_the_letter_in_its_own_language() {
    let _ = web_sys::window()
        .and_then(|window| window.local_storage().ok().flatten())
        .map(|storage| storage.set_item("csp-planner.lang", "en"));
    let container = fresh_container();
    let _mounted = leptos::mount::mount_to(container.clone(), App);
    leptos::task::tick().await;
    click(&container, "open-demo");
    leptos::task::tick().await;
    click(&container, "nav-export");
    leptos::task::tick().await;

    let report = by_test_id(&container, "export-report").expect("the partner report is shown");
    let report_text = report.text_content().unwrap_or_default();
    assert!(report_text.contains("Migration plan: Contoso Rénovation SAS"), "{report_text}");
    assert!(report_text.contains("Blockers (") && report_text.contains("Assumptions and estimates"));
    for id in ["export-csv", "export-json", "export-md", "export-ics", "csv-separator", "export-letter"] {
        assert!(by_test_id(&container, id).is_some(), "{id}");
    }

    // The demo customer is in France: the letter starts in French, whatever the interface.
    let letter = by_test_id(&container, "export-letter").expect("the letter is shown");
    assert_eq!(letter.get_attribute("lang").as_deref(), Some("fr"));
    assert!(letter.text_content().unwrap_or_default().contains("Ce que nous vous demandons"));
    let letter_language: web_sys::HtmlSelectElement =
        by_test_id(&container, "letter-language").expect("a letter language").unchecked_into();
    letter_language.set_value("en");
    letter_language.dispatch_event(&web_sys::Event::new("change").expect("an event")).ok();
    leptos::task::tick().await;
    assert_eq!(letter.get_attribute("lang").as_deref(), Some("en"));
    assert!(letter.text_content().unwrap_or_default().contains("What we ask you to do"));
    assert!(
        report.text_content().unwrap_or_default().contains("Timeline"),
        "the report keeps the interface language"
    );
    container.remove();
}
