// Main-thread responsiveness while importing (figures, not a timed test): in
// headless Chromium, drops a generated subscription CSV (10,000 rows by default)
// together with Microsoft's licensing reference table on the import step of a new
// plan, records every main-thread task over 50 ms with a PerformanceObserver
// ('longtask'), and prints the longest task, the time from the drop to the review
// step, and the app's own phase marks (performance.measure 'import:…') so the
// long task can be traced to a phase. Each run uses a fresh browser context (cold
// wasm memory, as a user would have it). The last line is one JSON object.
// Run after a build: DIST_DIR=/tmp/dist node tests/bench/import-longtask.mjs
// (BENCH_RUNS, BENCH_ROWS change the number of runs and of rows).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadavg } from 'node:os';
import { serveDist, launchBrowser, openContext, waitForApp } from '../e2e/harness.mjs';
import { generateTemplateCsv } from './generate.mjs';

const runs = Number(process.env.BENCH_RUNS ?? 5);
const rows = Number(process.env.BENCH_ROWS ?? 10_000);
const root = join(import.meta.dirname, '..', '..');
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Opens a new plan, installs the long-task observer, drops `files` ({name, type,
 * text}) in one drop, and returns what the page recorded once the review step
 * shows and the autosave that follows the import has run.
 */
export async function dropAndMeasure(page, files) {
  await page.getByTestId('new-plan').click();
  await page.getByTestId('file-input').waitFor({ state: 'attached' });
  await page.evaluate(() => {
    window.__tasks = [];
    window.__progress = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__tasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: false });
    const progress = document.querySelector('[data-testid="import-progress"]');
    new MutationObserver(() => window.__progress.push({ at: performance.now(), text: progress.textContent }))
      .observe(progress, { childList: true, subtree: true, characterData: true });
  });
  // The files are made in a task of their own, so building them is not counted as the app's.
  await page.evaluate((files) => {
    window.__transfer = new DataTransfer();
    for (const file of files) window.__transfer.items.add(new File([file.text], file.name, { type: file.type }));
  }, files);
  const droppedAt = await page.evaluate(() => {
    const transfer = window.__transfer;
    const zone = document.querySelector('.drop-zone');
    const at = performance.now();
    zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    return at;
  });
  await page.getByTestId('import-report').waitFor({ timeout: 120_000 });
  const reviewAt = await page.evaluate(() => performance.now());
  // The draft autosaves a moment after the change: wait for it, so its encode is counted.
  await page.waitForFunction(() => /Saved|Enregistré|memory|mémoire/i.test(document.querySelector('[data-testid="draft-status"]')?.textContent ?? ''), null, { timeout: 30_000 }).catch(() => {});
  await page.waitForTimeout(500);
  return page.evaluate(({ droppedAt, reviewAt }) => {
    const tasks = window.__tasks.filter((task) => task.start + task.duration >= droppedAt);
    const phases = performance.getEntriesByType('measure')
      .filter((entry) => /^(import|autosave):/.test(entry.name) && entry.startTime >= droppedAt)
      .map((entry) => ({ name: entry.name, start: entry.startTime - droppedAt, duration: entry.duration }));
    return {
      longest_task_ms: Math.max(0, ...tasks.map((task) => task.duration)),
      long_tasks: tasks.length,
      tasks: tasks.map((task) => ({ start: task.start - droppedAt, duration: task.duration })),
      drop_to_review_ms: reviewAt - droppedAt,
      phases,
      progress: window.__progress.map((entry) => ({ at: entry.at - droppedAt, text: entry.text })),
    };
  }, { droppedAt, reviewAt });
}

/**
 * From the review step after an import, opens the plan step and returns the
 * longest main-thread task until the plan's lines and its secondary parts
 * (details, timeline, checklist) show, and the time that took.
 */
export async function openPlanAndMeasure(page) {
  await page.evaluate(() => {
    window.__planTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__planTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: false });
  });
  const clickedAt = await page.evaluate(() => {
    const at = performance.now();
    document.querySelector('[data-testid="nav-plan"]').click();
    return at;
  });
  await page.getByTestId('timeline').waitFor({ timeout: 60_000 });
  await page.getByTestId('go-export').waitFor({ timeout: 60_000 });
  await page.waitForTimeout(300);
  return page.evaluate((clickedAt) => {
    const tasks = window.__planTasks.filter((task) => task.start + task.duration >= clickedAt);
    return {
      plan_longest_task_ms: Math.max(0, ...tasks.map((task) => task.duration)),
      plan_long_tasks: tasks.map((task) => ({ start: task.start - clickedAt, duration: task.duration })),
      plan_ms: Number(document.querySelector('.plan-step')?.dataset.planMs ?? NaN),
    };
  }, clickedAt);
}

/** The bench: `runs` fresh contexts, each dropping the CSV and the licensing table. */
export async function measureImportLongTasks({ runs, rows, verbose = false }) {
  const csv = generateTemplateCsv(rows);
  const licensing = await readFile(join(root, 'data', 'licensing-service-plan-reference.csv'), 'utf8');
  const server = await serveDist('/');
  const browser = await launchBrowser();
  const longest = [];
  const total = [];
  const planLongest = [];
  let last;
  try {
    for (let run = 0; run < runs; run += 1) {
      const { context, record } = await openContext(browser, server.origin);
      const page = await context.newPage();
      await page.goto(server.url);
      await waitForApp(page);
      last = await dropAndMeasure(page, [
        { name: `subscriptions-${rows}.csv`, type: 'text/csv', text: csv },
        { name: 'licensing-service-plan-reference.csv', type: 'text/csv', text: licensing },
      ]);
      const plan = await openPlanAndMeasure(page);
      if (record.pageErrors.length) throw new Error(`page errors: ${record.pageErrors}`);
      longest.push(last.longest_task_ms);
      total.push(last.drop_to_review_ms);
      planLongest.push(plan.plan_longest_task_ms);
      if (verbose) {
        const tasks = last.tasks.map((task) => `${task.duration.toFixed(0)}@${task.start.toFixed(0)}`).join(' ');
        const planTasks = plan.plan_long_tasks.map((task) => `${task.duration.toFixed(0)}@${task.start.toFixed(0)}`).join(' ');
        console.log(`run ${run + 1}: longest task ${last.longest_task_ms.toFixed(0)} ms, ${last.long_tasks} task(s) over 50 ms [${tasks}], drop to review ${last.drop_to_review_ms.toFixed(0)} ms; `
          + `plan step: longest task ${plan.plan_longest_task_ms.toFixed(0)} ms [${planTasks}], planner ${plan.plan_ms} ms`);
      }
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return {
    rows,
    csv_bytes: Buffer.byteLength(csv),
    licensing_bytes: Buffer.byteLength(licensing),
    runs,
    import_longest_task_ms: median(longest),
    import_longest_task_ms_max: Math.max(...longest),
    import_drop_to_review_ms: median(total),
    plan_step_longest_task_ms: median(planLongest),
    load_average: loadavg()[0],
    last_run: last,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await measureImportLongTasks({ runs, rows, verbose: true });
  for (const phase of result.last_run.phases) console.log(`  phase ${phase.name}: ${phase.duration.toFixed(1)} ms at ${phase.start.toFixed(0)} ms`);
  for (const step of result.last_run.progress) console.log(`  progress at ${step.at.toFixed(0)} ms: ${step.text}`);
  console.log(`import of ${rows} rows + licensing table, median of ${runs} runs: longest main-thread task ${result.import_longest_task_ms.toFixed(0)} ms `
    + `(worst ${result.import_longest_task_ms_max.toFixed(0)} ms), drop to review ${result.import_drop_to_review_ms.toFixed(0)} ms; `
    + `opening the plan step: longest task ${result.plan_step_longest_task_ms.toFixed(0)} ms; load average ${result.load_average.toFixed(2)}`);
  const { last_run: _, ...figures } = result;
  console.log(JSON.stringify(figures));
}
