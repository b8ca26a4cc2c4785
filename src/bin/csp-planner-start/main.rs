//! The quick start, first stage of the browser app: the start screen at once,
//! while the planner (`src/main.rs`) loads behind it. See `ui::quick_start`.

#[cfg(target_arch = "wasm32")]
fn main() {
    csp_planner::ui::quick_start::mount();
}

/// Called by the loader (`scripts/externalize-loader.mjs`).
#[cfg(target_arch = "wasm32")]
mod loader_exports {
    use wasm_bindgen::prelude::*;

    /// Removes the quick start and returns what the user did on it, for the planner.
    #[wasm_bindgen]
    pub fn hand_over() -> JsValue {
        csp_planner::ui::quick_start::hand_over()
    }

    /// Tells the user the planner could not be loaded, and why.
    #[wasm_bindgen]
    pub fn planner_failed(reason: String) {
        csp_planner::ui::quick_start::planner_failed(reason);
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("csp-planner-start is the first stage of the browser app: build it with `make run`.");
    std::process::exit(2);
}
