//! Entry points for `make bench`: the benchmark page calls these through
//! `window.wasmBindings` (the loader exposes the planner module's exports there; see src/main.rs) to time
//! the planner's own import and planning on exactly the bytes it gives PapaParse.
//! They are the same functions the import and plan steps use; nothing else calls them.

use crate::catalog::Catalog;
use crate::import::{import_files, ImportOptions, InputFile};
use crate::model::PlanInput;
use crate::plan::make_plan;

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|window| window.performance())
        .map(|performance| performance.now())
        .unwrap_or_default()
}

/// Imports `bytes` as one file (read, decode, parse, normalise) and, when `with_plan`,
/// plans the result. Returns JSON: `{subscriptions, rows_read, import_ms, plan_ms, lines}`.
pub fn bench_import(bytes: Vec<u8>, with_plan: bool) -> String {
    let started = now_ms();
    let files = [InputFile { name: "bench.csv".into(), bytes }];
    let outcome = import_files(&files, &ImportOptions::default());
    let imported = now_ms();
    let subscriptions = outcome.subscriptions.len();
    let mut lines = 0;
    if with_plan {
        let input = PlanInput { subscriptions: outcome.subscriptions, ..PlanInput::default() };
        let plan = make_plan(&input, Catalog::builtin());
        lines = plan.customers.iter().map(|customer| customer.lines.len()).sum();
    }
    let planned = now_ms();
    serde_json::json!({
        "subscriptions": subscriptions,
        "rows_read": outcome.report.rows_read,
        "import_ms": imported - started,
        "plan_ms": if with_plan { planned - imported } else { 0.0 },
        "lines": lines,
    })
    .to_string()
}
