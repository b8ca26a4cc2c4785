//! Benchmark (not a test): plans 100,000 subscriptions across 2,000 customers and
//! prints the time. Target: under 100 ms natively.
//!
//! `cargo run --profile bench --example plan_bench`

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use chrono::NaiveDate;
use csp_planner::catalog::Catalog;
use csp_planner::demo::demo_input;
use csp_planner::model::{PlanInput, Subscription};
use csp_planner::plan::make_plan;

const CUSTOMERS: usize = 2_000;
const SUBSCRIPTIONS: usize = 100_000;
const RUNS: usize = 7;

/// The system allocator, counting calls so the benchmark can say how many
/// allocations a plan costs (it does not change how memory is allocated).
struct CountingAllocator;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, pointer: *mut u8, layout: Layout) {
        unsafe { System.dealloc(pointer, layout) }
    }

    unsafe fn realloc(&self, pointer: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        unsafe { System.realloc(pointer, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: CountingAllocator = CountingAllocator;

/// CPU time of this process (user + system) in milliseconds, from `/proc/self/stat`
/// on Linux: on a busy machine it tells the planner's cost apart from time spent
/// waiting for a core. `None` elsewhere.
fn process_cpu_ms() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name, which is in parentheses and may hold spaces.
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks * 10.0) // USER_HZ is 100 on Linux
}

fn big_input(as_of: NaiveDate) -> PlanInput {
    let demo = demo_input(as_of);
    let mut input = PlanInput { subscriptions: Vec::with_capacity(SUBSCRIPTIONS), ..demo.clone() };
    for index in 0..SUBSCRIPTIONS {
        let template = &demo.subscriptions[index % demo.subscriptions.len()];
        input.subscriptions.push(Subscription {
            customer: format!("Customer {:04}", index % CUSTOMERS),
            subscription_id: format!("{}-{index}", template.subscription_id),
            ..template.clone()
        });
    }
    input
}

fn main() {
    let as_of = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap_or_default();
    let catalog_start = Instant::now();
    let catalog = Catalog::builtin();
    println!(
        "catalog: {} products decoded in {:.1} ms",
        catalog.product_count(),
        catalog_start.elapsed().as_secs_f64() * 1000.0
    );
    let input = big_input(as_of);
    let mut timings = Vec::new();
    let mut lines = 0;
    let mut allocations = 0;
    let runs =
        std::env::var("PLAN_BENCH_RUNS").ok().and_then(|runs| runs.parse().ok()).unwrap_or(RUNS).max(1);
    let cpu_before = process_cpu_ms();
    for _ in 0..runs {
        let allocations_before = ALLOCATIONS.load(Ordering::Relaxed);
        let start = Instant::now();
        let plan = make_plan(&input, catalog);
        timings.push(start.elapsed().as_secs_f64() * 1000.0);
        if std::env::var_os("PLAN_BENCH_VERBOSE").is_some() {
            println!("run: {:.1} ms", timings[timings.len() - 1]);
        }
        allocations = ALLOCATIONS.load(Ordering::Relaxed) - allocations_before;
        lines = plan.lines().count();
        assert_eq!(plan.customers.len(), CUSTOMERS);
    }
    let cpu_per_plan = cpu_before.zip(process_cpu_ms()).map(|(before, after)| (after - before) / runs as f64);
    timings.sort_by(f64::total_cmp);
    println!(
        "make_plan: {SUBSCRIPTIONS} subscriptions, {CUSTOMERS} customers, {lines} lines: best {:.1} ms, median {:.1} ms over {runs} runs",
        timings[0],
        timings[runs / 2]
    );
    println!(
        "size of a plan line: {} bytes, of a finding: {} bytes",
        std::mem::size_of::<csp_planner::plan::PlanLine>(),
        std::mem::size_of::<csp_planner::plan::Finding>()
    );
    if let Some(cpu) = cpu_per_plan {
        println!("CPU time per plan (includes dropping the previous plan): {cpu:.0} ms");
    }
    println!(
        "allocations per plan: {allocations} ({:.1} per line)",
        allocations as f64 / lines.max(1) as f64
    );
    // One machine-readable line for `make bench` (scripts/bench.sh).
    println!(
        "bench-json: {{\"plan_100k_best_ms\": {:.1}, \"plan_100k_median_ms\": {:.1}, \"cpu_ms_per_plan\": {:.0}, \"allocations_per_line\": {:.1}}}",
        timings[0],
        timings[runs / 2],
        cpu_per_plan.unwrap_or(f64::NAN),
        allocations as f64 / lines.max(1) as f64
    );
}
