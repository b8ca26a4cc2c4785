// Import as the user sees it (figures, not a timed test): in headless Chromium,
// a generated template CSV (100,000 rows, about 16.5 MB) is given to the import
// step's file input of a new plan, and the time is taken from that moment until
// the import report shows every row read (the frame after `count-read` reads
// the row count), then PapaParse's bare `Papa.parse(text, { header: true })` of
// the same text is timed in the same page. The longest main-thread task meanwhile
// comes from a PerformanceObserver ('longtask', which reports tasks over 50 ms).
// Each run uses a fresh browser context; medians of BENCH_RUNS (5). The last line
// is one JSON object. Run after a build:
//   DIST_DIR=/tmp/dist node tests/bench/import-user.mjs
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveDist, launchBrowser, openContext, waitForApp } from '../e2e/harness.mjs';
import { generateTemplateCsv } from './generate.mjs';

const root = join(import.meta.dirname, '..', '..');
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function measureUserImport({ runs, rows }) {
  const csv = generateTemplateCsv(rows);
  const papaparse = await readFile(join(root, 'node_modules', 'papaparse', 'papaparse.min.js'), 'utf8');
  const server = await serveDist('/', { 'bench.csv': { body: csv, type: 'text/csv; charset=utf-8' } });
  const browser = await launchBrowser();
  const imports = [];
  const papas = [];
  const longest = [];
  let lastPhases = [];
  try {
    for (let run = 0; run < runs; run += 1) {
      const { context, record } = await openContext(browser, server.origin);
      const page = await context.newPage();
      await page.goto(server.url);
      await waitForApp(page);
      // PapaParse goes in through the DevTools protocol: the page's CSP allows no other script.
      await page.evaluate(papaparse);
      await page.getByTestId('new-plan').click();
      await page.getByTestId('file-input').waitFor({ state: 'attached' });
      // The file and its text are made in tasks of their own, before the clock starts.
      await page.evaluate(async (rows) => {
        const text = await (await fetch('bench.csv')).text();
        window.__bench = { text, rows, transfer: new DataTransfer(), tasks: [] };
        window.__bench.transfer.items.add(new File([text], `subscriptions-${rows}.csv`, { type: 'text/csv' }));
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) window.__bench.tasks.push({ start: entry.startTime, duration: entry.duration });
        }).observe({ type: 'longtask', buffered: false });
      }, rows);
      await page.evaluate(() => {
        const bench = window.__bench;
        const shown = () => (document.querySelector('[data-testid="count-read"]')?.textContent ?? '').replace(/\D/g, '') === String(bench.rows);
        new MutationObserver((_, observer) => {
          if (bench.shownAt || !shown()) return;
          observer.disconnect();
          // The frame that paints the report.
          requestAnimationFrame(() => { bench.shownAt = performance.now(); });
        }).observe(document.body, { childList: true, subtree: true, characterData: true });
        const input = document.querySelector('[data-testid="file-input"]');
        bench.givenAt = performance.now();
        input.files = bench.transfer.files;
        input.dispatchEvent(new Event('change', { bubbles: true }));
      });
      await page.waitForFunction(() => window.__bench.shownAt, null, { timeout: 120_000, polling: 50 });
      // The autosave that follows runs before PapaParse is timed, so the two do not overlap.
      await page.waitForFunction(() => /Saved|Enregistré|memory|mémoire/i.test(document.querySelector('[data-testid="draft-status"]')?.textContent ?? ''), null, { timeout: 30_000 }).catch(() => {});
      await page.waitForTimeout(300);
      const figures = await page.evaluate(() => {
        const bench = window.__bench;
        const started = performance.now();
        const parsed = window.Papa.parse(bench.text, { header: true });
        const papaMs = performance.now() - started;
        const during = bench.tasks.filter((task) => task.start + task.duration >= bench.givenAt && task.start <= bench.shownAt);
        const phases = performance.getEntriesByType('measure')
          .filter((entry) => /^import:/.test(entry.name) && entry.startTime >= bench.givenAt)
          .map((entry) => ({ name: entry.name, start: entry.startTime - bench.givenAt, duration: entry.duration }));
        return {
          import_ms: bench.shownAt - bench.givenAt,
          papaparse_ms: papaMs,
          papaparse_rows: parsed.data.length,
          longest_task_ms: Math.max(0, ...during.map((task) => task.duration)),
          phases,
        };
      });
      if (record.pageErrors.length) throw new Error(`page errors: ${record.pageErrors}`);
      imports.push(figures.import_ms);
      papas.push(figures.papaparse_ms);
      longest.push(figures.longest_task_ms);
      lastPhases = figures.phases;
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const importMs = median(imports);
  const papaMs = median(papas);
  return {
    rows,
    csv_bytes: Buffer.byteLength(csv),
    runs,
    user_import_ms: importMs,
    user_import_ms_all: imports,
    papaparse_header_ms: papaMs,
    user_import_vs_papaparse: importMs / papaMs,
    user_import_longest_task_ms: median(longest),
    user_import_longest_task_ms_max: Math.max(...longest),
    last_phases: lastPhases,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const runs = Number(process.env.BENCH_RUNS ?? 5);
  const rows = Number(process.env.BENCH_ROWS ?? 100_000);
  const result = await measureUserImport({ runs, rows });
  for (const phase of result.last_phases) console.log(`  phase ${phase.name}: ${phase.duration.toFixed(1)} ms at ${phase.start.toFixed(0)} ms`);
  console.log(`import as the user sees it, ${rows} rows (${(result.csv_bytes / 1e6).toFixed(1)} MB), median of ${runs}: `
    + `${result.user_import_ms.toFixed(0)} ms (all: ${result.user_import_ms_all.map((ms) => ms.toFixed(0)).join(', ')}) `
    + `against Papa.parse ${result.papaparse_header_ms.toFixed(0)} ms: ratio ${result.user_import_vs_papaparse.toFixed(2)}; `
    + `longest task ${result.user_import_longest_task_ms.toFixed(0)} ms (worst ${result.user_import_longest_task_ms_max.toFixed(0)} ms)`);
  const { last_phases: _, ...figures } = result;
  console.log(JSON.stringify(figures));
}
