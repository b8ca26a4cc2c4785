// Plan step benchmark (figures, not a timed test): in headless Chromium, imports a
// generated 10,000-subscription CSV through the file input, then measures in the
// page, from the triggering event, the time until the DOM shows the result and
// until the next painted frame (two animation frames later), median of BENCH_RUNS:
//   first render  nav to the plan step -> first plan rows (repeated by leaving
//                 for the customer step and coming back; includes make_plan),
//   filter        typing a search ("visio") -> the count of kept lines changes,
//   sort          clicking the product (and the seats) column header -> new row order,
//   re-plan       a seats override on the selected line -> its row shows the new seats,
// and the planner's own time (make_plan, the step's data-plan-ms) for each.
// Prints one JSON object on its last stdout line; scripts/bench.sh tabulates it.
// Run after a build: DIST_DIR=/tmp/dist node tests/bench/plan-ui.mjs
import { serveDist, launchBrowser, openContext, waitForApp } from '../e2e/harness.mjs';
import { generatePlanScaleCsv } from './generate.mjs';

const runs = Number(process.env.BENCH_RUNS ?? 5);
const lines = Number(process.env.BENCH_PLAN_LINES ?? 10_000);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Runs `action` in the page and times it there: `updated` is when a DOM mutation
 * first makes the action's condition true (a MutationObserver sees it at the end of
 * the task that changed the DOM), `painted` is two animation frames after that, and
 * `planMs` is the plan step's data-plan-ms then (make_plan's own time).
 */
function measure(page, action) {
  return page.evaluate(async (action) => {
    const frame = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    const rowIds = () => [...document.querySelectorAll('[data-testid="plan-line"]')].map((row) => row.dataset.id).join(' ');
    const before = {
      count: document.querySelector('[data-testid="plan-count"]')?.textContent,
      rows: rowIds(),
    };
    const conditions = {
      // The first plan rows are in the DOM.
      nav: () => document.querySelector('[data-testid="plan-line"]') !== null,
      // The count of kept lines reads differently.
      search: () => document.querySelector('[data-testid="plan-count"]')?.textContent !== before.count,
      // The header shows the new order and the rendered rows are others (or in another order).
      sort: () => document.querySelector(`[data-testid="sort-${action.column}"]`)?.closest('th')?.getAttribute('aria-sort') === 'ascending'
        && rowIds() !== before.rows,
      // The selected line's row shows the overridden seats ("10 → 3").
      seats: () => {
        const cell = document.querySelector(`[data-testid="plan-line"][data-id="${action.id}"] .col-seats`);
        return cell !== null && cell.textContent.trim().endsWith(`→ ${action.value}`);
      },
    };
    const condition = conditions[action.kind];
    const started = performance.now();
    const updated = new Promise((resolve, reject) => {
      const observer = new MutationObserver(() => {
        if (condition()) {
          observer.disconnect();
          resolve(performance.now());
        }
      });
      observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
      setTimeout(() => { observer.disconnect(); reject(new Error(`${action.kind}: no result after 60 s (${JSON.stringify(action)}; rows ${rowIds().slice(0, 200)}; `
        + `seats cell ${document.querySelector(`[data-testid="plan-line"][data-id="${action.id}"] .col-seats`)?.textContent})`)); }, 60_000);
    });
    if (action.kind === 'nav') {
      document.querySelector('[data-testid="nav-plan"]').click();
    } else if (action.kind === 'search') {
      const input = document.querySelector('[data-testid="plan-filter"]');
      input.value = action.value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    } else if (action.kind === 'sort') {
      document.querySelector(`[data-testid="sort-${action.column}"]`).click();
    } else if (action.kind === 'seats') {
      const input = document.querySelector('[data-testid="override-seats"]');
      input.value = String(action.value);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }
    const updatedAt = await updated;
    await frame();
    const painted = performance.now() - started;
    const planMs = Number(document.querySelector('.plan-step')?.dataset.planMs ?? NaN);
    return { updated: updatedAt - started, painted, planMs };
  }, action);
}

const csv = generatePlanScaleCsv(lines);
const server = await serveDist('/');
const browser = await launchBrowser();
const results = { lines, runs };
try {
  const { context, record } = await openContext(browser, server.origin, { locale: 'en-US' });
  const page = await context.newPage();
  await page.goto(server.url);
  await waitForApp(page);
  await page.getByTestId('new-plan').click();
  await page.getByTestId('file-input').setInputFiles({ name: `plan-${lines}.csv`, mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  await page.waitForFunction((lines) => (document.querySelector('[data-testid="count-imported"]')?.textContent ?? '').replace(/\D/g, '') === String(lines), lines, { timeout: 120_000 });
  await page.waitForFunction(() => !document.querySelector('[data-testid="nav-plan"]')?.disabled);

  const figures = { first_render: [], filter: [], sort_product: [], sort_seats: [], replan: [] };
  // First render, repeated: away to the customer step (the plan step is unmounted) and back.
  for (let run = 0; run < runs; run += 1) {
    if (run > 0) {
      await page.getByTestId('nav-customer').click();
      await page.locator('.plan-step').waitFor({ state: 'detached' });
    }
    figures.first_render.push(await measure(page, { kind: 'nav' }));
  }
  const rendered = await page.getByTestId('plan-line').count();
  if (!(rendered > 5 && rendered < 100)) throw new Error(`the plan table renders ${rendered} rows: not virtualised`);
  const rowCount = await page.getByTestId('plan-table').getAttribute('aria-rowcount');
  if (rowCount !== String(lines + 1)) throw new Error(`the plan table holds ${rowCount} rows, not ${lines + 1}`);

  // Filter: a search that keeps an eighth of the lines; cleared (untimed) between runs.
  for (let run = 0; run < runs; run += 1) {
    figures.filter.push(await measure(page, { kind: 'search', value: 'visio' }));
    results.filter_count = await page.getByTestId('plan-count').innerText();
    await measure(page, { kind: 'search', value: '' });
  }

  // Sort: by product (text), then by seats (numbers), each a new column so ascending.
  for (let run = 0; run < runs; run += 1) {
    figures.sort_product.push(await measure(page, { kind: 'sort', column: 'product' }));
    figures.sort_seats.push(await measure(page, { kind: 'sort', column: 'seats' }));
  }

  // Re-plan: a seats override on the first line in view, selected first: 1, 2, 1, …
  // seats (every line has at least 5, so the row always shows "total → seats").
  const firstRow = page.getByTestId('plan-line').first();
  const id = await firstRow.getAttribute('data-id');
  await firstRow.locator('[data-row-button]').click();
  await page.getByTestId('override-seats').waitFor();
  await page.waitForFunction((id) => document.querySelector(`[data-testid="plan-line"][data-id="${id}"]`)?.classList.contains('selected'), id);
  for (let run = 0; run < runs; run += 1) {
    figures.replan.push(await measure(page, { kind: 'seats', id, value: 1 + (run % 2) }));
  }

  for (const [name, samples] of Object.entries(figures)) {
    results[`${name}_ms`] = median(samples.map((sample) => sample.painted));
    results[`${name}_dom_ms`] = median(samples.map((sample) => sample.updated));
  }
  // The page's very first render is slower than the next ones (make_plan's first run
  // among them); the median leaves it out, so it is given apart.
  results.first_render_cold_ms = figures.first_render[0].painted;
  results.first_render_cold_plan_ms = figures.first_render[0].planMs;
  const each = (field) => Object.fromEntries(Object.entries(figures).map(([name, samples]) => [name, samples.map((sample) => Math.round(sample[field] * 10) / 10)]));
  results.painted_ms = each('painted');
  results.dom_ms = each('updated');
  results.first_render_plan_ms = median(figures.first_render.map((sample) => sample.planMs));
  results.replan_plan_ms = median(figures.replan.map((sample) => sample.planMs));
  results.rows_rendered = rendered;
  if (record.foreignRequests.length) throw new Error(`requests to another origin: ${record.foreignRequests}`);
  if (record.pageErrors.length) throw new Error(`page errors: ${record.pageErrors}`);
  await context.close();
  const ms = (value) => `${value.toFixed(1)} ms`;
  for (const name of Object.keys(figures)) {
    console.log(`${lines}-line plan, ${name.replace('_', ' ')}: painted ${figures[name].map((sample) => sample.painted.toFixed(0)).join(', ')} ms; median ${ms(results[`${name}_ms`])} (DOM ${ms(results[`${name}_dom_ms`])})`);
  }
  console.log(`${lines}-line plan, make_plan: ${ms(results.first_render_plan_ms)} on opening, ${ms(results.replan_plan_ms)} on re-planning; filter kept ${results.filter_count}`);
} finally {
  await browser.close();
  await server.close();
}
console.log(JSON.stringify(results));
