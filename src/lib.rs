//! CSP Migration Planner: the domain (model, import, catalog, rules, plan, export,
//! drafts) as plain Rust, and the browser user interface as a thin layer over it.
//!
//! Everything but `ui` compiles and is tested natively; `ui` exists only on wasm32.

pub mod catalog;
pub mod cost;
pub mod demo;
pub mod draft;
pub mod export;
pub mod i18n;
pub mod import;
pub mod markets;
pub mod model;
pub mod plan;
pub mod rules;
pub mod slug;
pub mod sorting;

#[cfg(target_arch = "wasm32")]
pub mod ui;

/// The app version shown in the footer and stamped on drafts and documents.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");
