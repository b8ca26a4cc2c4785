//! The planner, second stage of the browser app: mounts the user interface in
//! place of the quick start (see `ui::quick_start`), nothing else.

#[cfg(target_arch = "wasm32")]
fn main() {
    csp_planner::ui::mount();
}

/// What the benchmark page calls through `window.wasmBindings` (`make bench`, which
/// builds with the `bench` feature). Exported from this module only, so the quick
/// start does not carry the planner; absent from the shipped app.
#[cfg(all(target_arch = "wasm32", feature = "bench"))]
mod bench_exports {
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    pub fn bench_import(bytes: Vec<u8>, with_plan: bool) -> String {
        csp_planner::ui::bench::bench_import(bytes, with_plan)
    }

    #[wasm_bindgen]
    pub fn bench_drafts(count: usize, rounds: usize) -> String {
        csp_planner::ui::drafts::bench::bench_drafts(count, rounds)
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "csp-planner is the browser app: build it with `make run`. For the command line, use `cspplan`."
    );
    std::process::exit(2);
}
