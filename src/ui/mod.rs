//! The browser user interface: a thin layer of Leptos components over the domain.
//!
//! Only this module touches the browser (DOM, local storage, files, downloads);
//! everything it shows is computed by the domain modules.

mod app;
#[cfg(feature = "bench")]
pub mod bench;
pub mod download;
pub mod drafts;
mod flow;
pub mod glossary;
pub mod handover;
pub mod lang;
pub mod problems;
pub mod quick_start;
mod shell;
mod start;
pub mod storage;
pub mod timing;
mod update;
pub mod workspace;

pub use app::App;

/// Mounts the planner on the page's `<body>`; called once by `main`, after the
/// quick start (if any) has handed over.
pub fn mount() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
    handover::mark_planner_ready();
}
