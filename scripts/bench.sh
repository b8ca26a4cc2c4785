#!/usr/bin/env bash
# `make bench`: builds the release app, then measures in one run and prints one table
# (also written as JSON to target/bench/bench.json):
#   native planning and import throughput (cargo examples, release profile),
#   in headless Chromium: the planner's import and import + plan of a 100,000-row
#   CSV against PapaParse's parse of the same text, and the start screen's cold start,
#   draft save and load at 1,000 and 20,000 subscriptions, a 10,000-line plan step's
#   first render, filter, sort and override re-plan, the import of a 100,000-row CSV
#   as the user sees it (file input to report) against PapaParse, the time to a
#   planner in charge on a slow link (10 Mbit/s, 40 ms), and the sizes of dist/ (as shipped).
# Figures, not assertions: nothing here fails because the machine is slow.
set -euo pipefail
cd "$(dirname "$0")/.."
out=target/bench
mkdir -p "$out"

# Two release builds: the shipped app in dist/ (its sizes are reported), and one with
# the `bench` feature in target/bench/dist, whose planner module exports the entry points
# the browser pages call (window.wasmBindings.bench_import, bench_drafts).
echo "== release build"
trunk build --release >"$out/build.log" 2>&1 || { cat "$out/build.log"; exit 1; }
echo "== release build with the bench feature"
trunk build --release --features bench --dist "$out/dist" >"$out/build-bench.log" 2>&1 || { cat "$out/build-bench.log"; exit 1; }
export DIST_DIR="$PWD/$out/dist"

native_json='{}'
for example in plan_bench import_bench draft_bench; do
  [ -f "examples/$example.rs" ] || continue
  echo "== native: $example"
  cargo run --quiet --profile bench --example "$example" | tee "$out/$example.txt"
  # Each benchmark prints `bench-json: {...}` lines holding its figures.
  while IFS= read -r line; do
    native_json=$(node -e 'const [all, name, one] = process.argv.slice(1); const figures = JSON.parse(all); figures[name] = { ...figures[name], ...JSON.parse(one) }; console.log(JSON.stringify(figures));' "$native_json" "$example" "$line")
  done < <(grep -E '^bench-json: ' "$out/$example.txt" | sed 's/^bench-json: //')
done

echo "== browser: import against PapaParse, start screen"
browser_json=$(node tests/bench/browser.mjs)

echo "== browser: draft save and load"
node tests/bench/drafts.mjs | tee "$out/drafts.txt"
drafts_json=$(tail -1 "$out/drafts.txt")

echo "== browser: plan step of a 10,000-line plan (first render, filter, sort, re-plan)"
node tests/bench/plan-ui.mjs | tee "$out/plan-ui.txt"
plan_ui_json=$(tail -1 "$out/plan-ui.txt")

echo "== browser: import as the user sees it (file input to report) against PapaParse"
node tests/bench/import-user.mjs | tee "$out/import-user.txt"
import_user_json=$(tail -1 "$out/import-user.txt")

echo "== browser: cold loads on a slow link (10 Mbit/s, 40 ms round trip)"
node tests/bench/slow-link.mjs | tee "$out/slow-link.txt"
slow_link_json=$(tail -1 "$out/slow-link.txt")

sizes_json=$(node -e '
const { readdirSync, readFileSync } = require("node:fs");
const { gzipSync, brotliCompressSync, constants } = require("node:zlib");
// Two stages (src/ui/quick_start.rs): the planner module loads behind the start screen.
const isPlanner = (file) => /^csp-planner-[0-9a-f]{16}(_bg\.wasm|\.js)$/.test(file);
const sizes = { first_download: {}, planner: {} };
for (const file of readdirSync("dist")) {
  const kind = file.split(".").pop();
  if (!["wasm", "js", "css", "html"].includes(kind)) continue;
  const body = readFileSync(`dist/${file}`);
  const stage = isPlanner(file) ? sizes.planner : sizes.first_download;
  const entry = stage[kind] ??= { raw: 0, gzip: 0, brotli: 0 };
  entry.raw += body.length;
  entry.gzip += gzipSync(body, { level: 9 }).length;
  entry.brotli += brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
}
console.log(JSON.stringify(sizes));')

node - "$native_json" "$browser_json" "$sizes_json" "$drafts_json" "$out/bench.json" "$plan_ui_json" "$import_user_json" "$slow_link_json" <<'JS'
const [native, browser, sizes, drafts, path, planUi, importUser, slowLink] = process.argv.slice(2);
const result = { measured_at: new Date().toISOString(), native: JSON.parse(native), browser: JSON.parse(browser), drafts: JSON.parse(drafts), plan_ui: JSON.parse(planUi), import_user: JSON.parse(importUser), slow_link: JSON.parse(slowLink), sizes: JSON.parse(sizes) };
require('node:fs').writeFileSync(path, JSON.stringify(result, null, 2));
const b = result.browser;
const ms = (value) => (value === undefined ? '-' : `${value.toFixed(1)} ms`);
const rows = [
  ['Browser: planner import of the CSV (median)', ms(b.planner_import_ms), `${b.rows} rows, ${(b.csv_bytes / 1e6).toFixed(1)} MB`],
  ['Browser: planner import + plan (median)', ms(b.planner_import_plan_ms), 'target at most 1,500 ms'],
  ['Browser: planning alone, 100,000 lines', ms(b.planner_plan_ms), `${b.lines} lines`],
  ['Browser: PapaParse parse of the same text', ms(b.papaparse_ms), `${b.papaparse_rows} rows`],
  ['Ratio import / PapaParse', b.import_vs_papaparse.toFixed(2), 'below 1 means faster than PapaParse'],
  ['Ratio import + plan / PapaParse', b.import_plan_vs_papaparse.toFixed(2), 'target below 1'],
  ['Start screen interactive (median of cold loads)', ms(b.start_screen_interactive_ms), 'target at most 1,000 ms'],
  ['Planner loaded and in charge (median of cold loads)', ms(b.planner_ready_ms), 'clicks made before are carried out then'],
];
// Longest main-thread task (PerformanceObserver 'longtask'), tests/bench/import-longtask.mjs.
// The import as the user sees it (tests/bench/import-user.mjs).
const u = result.import_user;
rows.push(
  [`Browser: import as the user sees it, ${u.rows} rows (median)`, ms(u.user_import_ms), `file input to the report showing every row; ${(u.csv_bytes / 1e6).toFixed(1)} MB`],
  ['Browser: Papa.parse(text, {header: true}) in the same page', ms(u.papaparse_header_ms), `${u.runs} runs`],
  ['Ratio import as the user sees it / PapaParse', u.user_import_vs_papaparse.toFixed(2), 'target at most 1.0'],
  ['Browser: longest task during that import (median)', u.user_import_longest_task_ms === 0 ? 'none over 50 ms' : ms(u.user_import_longest_task_ms), `target: no task over 200 ms; worst ${ms(u.user_import_longest_task_ms_max)}`],
);
// Cold loads on a throttled link (tests/bench/slow-link.mjs).
const s = result.slow_link;
rows.push(
  [`Slow link (${s.link}): start screen (median)`, ms(s.start_screen_ms), `${s.runs} cold loads, served gzipped`],
  [`Slow link (${s.link}): planner in charge (median)`, ms(s.planner_ready_ms), `${s.transferred_bytes} bytes over the wire until then`],
);
const lt = b.import_long_tasks;
if (lt) {
  rows.push(
    // The browser reports only tasks over 50 ms: 0 means none was that long.
    [`Browser: longest task, ${lt.rows}-row CSV + licensing table dropped (median)`, lt.import_longest_task_ms === 0 ? 'none over 50 ms' : ms(lt.import_longest_task_ms), `target: no task over 200 ms; worst ${ms(lt.import_longest_task_ms_max)}; drop to review ${ms(lt.import_drop_to_review_ms)}`],
    ['Browser: longest task, opening that plan step (median)', lt.plan_step_longest_task_ms === 0 ? 'none over 50 ms' : ms(lt.plan_step_longest_task_ms), `target: no task over 200 ms; load average ${lt.load_average.toFixed(2)}`],
  );
}
for (const figures of result.drafts) {
  rows.push([`Browser: draft of ${figures.subscriptions ?? figures.count} subscriptions, save / load (median)`, `${figures.save_ms.toFixed(1)} / ${figures.load_ms.toFixed(1)} ms`, `${figures.stored_bytes} bytes stored`]);
}
// Plan step, event to the next painted frame, median of the runs (tests/bench/plan-ui.mjs).
const p = result.plan_ui;
const planRow = (what, value, note) => [`Browser: ${p.lines}-line plan, ${what} (median)`, ms(value), note];
rows.push(
  planRow('first render', p.first_render_ms, `target at most 200 ms; make_plan ${ms(p.first_render_plan_ms)}; very first ${ms(p.first_render_cold_ms)} (make_plan ${ms(p.first_render_cold_plan_ms)})`),
  planRow('filter (search)', p.filter_ms, 'target at most 100 ms'),
  planRow('sort by product', p.sort_product_ms, 'target at most 100 ms'),
  planRow('sort by seats', p.sort_seats_ms, 'target at most 100 ms'),
  planRow('re-plan after an override', p.replan_ms, `target at most 100 ms; make_plan ${ms(p.replan_plan_ms)}`),
);
for (const [name, figures] of Object.entries(result.native)) {
  for (const [key, value] of Object.entries(figures)) rows.push([`Native ${name}: ${key}`, typeof value === 'number' ? value.toFixed(2) : String(value), '']);
}
const total = (stage, how) => Object.values(stage).reduce((sum, size) => sum + size[how], 0);
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;
const triple = (stages) => ['raw', 'gzip', 'brotli'].map((how) => kb(stages.reduce((sum, stage) => sum + total(stage, how), 0))).join(' / ');
for (const [stage, label] of [['first_download', 'first download'], ['planner', 'planner module']]) {
  for (const [kind, size] of Object.entries(result.sizes[stage])) rows.push([`dist/ ${label}, ${kind} (raw / gzip / brotli bytes)`, `${size.raw} / ${size.gzip} / ${size.brotli}`, '']);
}
// Everything the page downloads before the user can plan: both stages.
rows.push(['First stage (start screen): raw / gzip / brotli', triple([result.sizes.first_download]), 'start screen target at most 350 KB gzip']);
rows.push(['Planner module, loaded behind the start screen: raw / gzip / brotli', triple([result.sizes.planner]), '']);
rows.push(['Total downloaded before planning: raw / gzip / brotli', triple([result.sizes.first_download, result.sizes.planner]), 'target at most 500 KB gzip']);
const width = Math.max(...rows.map((row) => row[0].length));
console.log('\nBenchmark results');
for (const [name, value, note] of rows) console.log(`${name.padEnd(width)}  ${String(value).padStart(18)}  ${note}`);
console.log(`\nwritten to ${path}`);
JS
