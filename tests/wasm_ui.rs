//! Component tests in headless Chromium (`make test-wasm`): mount the app into a
//! real DOM and check what a user would see.
#![cfg(target_arch = "wasm32")]

use csp_planner::ui::App;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn fresh_container() -> web_sys::HtmlElement {
    let container = document().create_element("div").map(|element| element.unchecked_into::<web_sys::HtmlElement>());
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
    let _ = web_sys::window().and_then(|window| window.local_storage().ok().flatten()).map(|storage| storage.set_item("csp-planner.lang", "en"));
    let container = fresh_container();
    let _mounted = leptos::mount::mount_to(container.clone(), App);
    leptos::task::tick().await;

    let new_plan = by_test_id(&container, "new-plan").expect("the start screen has a New plan button");
    assert!(new_plan.text_content().unwrap_or_default().contains("New plan"));
    assert!(by_test_id(&container, "open-demo").is_some());
    assert!(by_test_id(&container, "drafts-list").is_some());
    assert!(by_test_id(&container, "error-banner").is_none(), "no error banner without an error");

    let switch: web_sys::HtmlSelectElement = by_test_id(&container, "lang-switch").expect("a language switch").unchecked_into();
    switch.set_value("fr");
    switch.dispatch_event(&web_sys::Event::new("change").expect("an event")).ok();
    leptos::task::tick().await;

    assert!(new_plan.text_content().unwrap_or_default().contains("Nouveau plan"));
    assert_eq!(document().document_element().and_then(|root| root.get_attribute("lang")).as_deref(), Some("fr"));
    container.remove();
}
