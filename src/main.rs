//! Entry point of the browser app: mounts the user interface, nothing else.

#[cfg(target_arch = "wasm32")]
fn main() {
    csp_planner::ui::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("csp-planner is the browser app: build it with `make run`. For the command line, use `cspplan`.");
    std::process::exit(2);
}
