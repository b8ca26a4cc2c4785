// Browser half of `make bench`: measures, in headless Chromium on one page, the
// planner's import (and import + plan) of a generated 100,000-row CSV against
// PapaParse's parse of the same text, the cold start of the start screen, and the
// longest main-thread task while importing 10,000 rows with the licensing table.
// Prints one JSON object on stdout; scripts/bench.sh tabulates it. Needs a build with the
// bench feature (window.wasmBindings.bench_import): trunk build --release --features bench.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveDist, launchBrowser, openContext, waitForApp } from '../e2e/harness.mjs';
import { generateTemplateCsv } from './generate.mjs';
import { measureImportLongTasks } from './import-longtask.mjs';

const runs = Number(process.env.BENCH_RUNS ?? 5);
const rows = Number(process.env.BENCH_ROWS ?? 100_000);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const csv = generateTemplateCsv(rows);
const papaparse = await readFile(join(import.meta.dirname, '..', '..', 'node_modules', 'papaparse', 'papaparse.min.js'), 'utf8');
const server = await serveDist('/', {
  'bench.csv': { body: csv, type: 'text/csv; charset=utf-8' },
});
const browser = await launchBrowser();
const results = { rows, csv_bytes: Buffer.byteLength(csv), runs };
try {
  // Cold loads: a fresh context each time, navigation start to an interactive start screen.
  // The start screen is the quick start's; the planner module then loads behind it
  // and takes over (src/ui/quick_start.rs): both moments are timed.
  const startTimes = [];
  const plannerTimes = [];
  for (let run = 0; run < runs; run += 1) {
    const { context } = await openContext(browser, server.origin);
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByTestId('new-plan').waitFor({ state: 'visible' });
    startTimes.push(await page.evaluate(() => performance.now()));
    await waitForApp(page);
    plannerTimes.push(await page.evaluate(() => performance.now()));
    await context.close();
  }
  results.start_screen_interactive_ms = median(startTimes);
  results.planner_ready_ms = median(plannerTimes);

  const { context, record } = await openContext(browser, server.origin);
  const page = await context.newPage();
  await page.goto(server.url);
  await waitForApp(page);
  // PapaParse is evaluated through the DevTools protocol, like axe: the page's CSP
  // allows no script from anywhere but the app itself.
  await page.evaluate(papaparse);
  const figures = await page.evaluate(async (runs) => {
    const bytes = new Uint8Array(await (await fetch('bench.csv')).arrayBuffer());
    const text = new TextDecoder().decode(bytes);
    const timed = (action) => { const started = performance.now(); const value = action(); return [performance.now() - started, value]; };
    const out = { planner_import_ms: [], planner_import_plan_ms: [], planner_plan_ms: [], papaparse_ms: [] };
    for (let run = 0; run < runs; run += 1) {
      const [importMs, importResult] = timed(() => JSON.parse(window.wasmBindings.bench_import(bytes, false)));
      out.planner_import_ms.push(importMs);
      out.subscriptions = importResult.subscriptions;
      const [bothMs, bothResult] = timed(() => JSON.parse(window.wasmBindings.bench_import(bytes, true)));
      out.planner_import_plan_ms.push(bothMs);
      out.planner_plan_ms.push(bothResult.plan_ms);
      out.lines = bothResult.lines;
      const [papaMs, parsed] = timed(() => window.Papa.parse(text, { header: true, skipEmptyLines: true }));
      out.papaparse_ms.push(papaMs);
      out.papaparse_rows = parsed.data.length;
    }
    return out;
  }, runs);
  for (const key of ['planner_import_ms', 'planner_import_plan_ms', 'planner_plan_ms', 'papaparse_ms']) {
    results[key] = median(figures[key]);
  }
  results.subscriptions = figures.subscriptions;
  results.lines = figures.lines;
  results.papaparse_rows = figures.papaparse_rows;
  results.import_vs_papaparse = results.planner_import_ms / results.papaparse_ms;
  results.import_plan_vs_papaparse = results.planner_import_plan_ms / results.papaparse_ms;
  if (record.foreignRequests.length) throw new Error(`requests to another origin: ${record.foreignRequests}`);
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
// The longest main-thread task while a 10,000-row CSV and Microsoft's licensing
// table are dropped together, and while the plan step opens (import-longtask.mjs).
const { last_run: _lastRun, ...longTasks } = await measureImportLongTasks({ runs, rows: 10_000 });
results.import_long_tasks = longTasks;
console.log(JSON.stringify(results));
