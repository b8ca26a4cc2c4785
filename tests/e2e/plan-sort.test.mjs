// The plan table's sort and the timeline's filter in a real browser, on the demo
// plan (14 lines, all rendered): each sortable column orders the lines up, then
// down, and keeps the plan's order among equal lines; lines without a target go
// last; a new order leaves the timeline as it is, a search narrows it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowserAndServer, openContext, waitForApp } from './harness.mjs';

const shared = useBrowserAndServer();

/** The rendered lines, top to bottom: id, lower-case product and target (null without one), seats. */
function readRows(page) {
  return page.getByTestId('plan-line').evaluateAll((rows) => rows.map((row) => ({
    id: row.dataset.id,
    product: row.querySelector('.line-product').textContent.toLowerCase(),
    target: row.querySelector('.col-target').getAttribute('title')?.toLowerCase() ?? null,
    // "12" or "15 → 12": the seats to buy are the last number.
    seats: Number(row.querySelector('.col-seats').textContent.split('→').pop().replace(/\D/g, '')),
  })));
}

/**
 * Asserts that `rows` are ordered by `key` (ascending or not), and that lines of
 * equal key keep the plan's order (`planOrder`, ids).
 */
function assertOrdered(rows, key, ascending, planOrder, what) {
  for (let index = 1; index < rows.length; index += 1) {
    const [a, b] = [rows[index - 1], rows[index]];
    const [ka, kb] = [key(a), key(b)];
    const inOrder = ascending ? ka <= kb : ka >= kb;
    assert.ok(inOrder, `${what}: ${JSON.stringify(a)} then ${JSON.stringify(b)}`);
    if (ka === kb) {
      assert.ok(planOrder.indexOf(a.id) < planOrder.indexOf(b.id), `${what}: equal lines ${a.id} and ${b.id} keep the plan's order`);
    }
  }
}

async function sortBy(page, column, expected) {
  await page.getByTestId(`sort-${column}`).click();
  await page.waitForFunction(([column, expected]) => document.querySelector(`[data-testid="sort-${column}"]`).closest('th').getAttribute('aria-sort') === expected, [column, expected]);
  return readRows(page);
}

test('the plan table sorts by product, target and seats, both ways, and the timeline follows the filter only', async () => {
  const { context, record } = await openContext(shared.browser, shared.server.origin, { locale: 'en-US' });
  const page = await context.newPage();
  try {
    await page.goto(shared.server.url);
    await waitForApp(page);
    await page.getByTestId('open-demo').click();
    await page.getByTestId('plan-line').first().waitFor();
    await page.getByTestId('timeline-list').waitFor({ state: 'attached' });
    const planRows = await readRows(page);
    assert.equal(planRows.length, 14);
    const planOrder = planRows.map((row) => row.id);
    const timelineBefore = await page.getByTestId('timeline-list').textContent();

    const byProduct = await sortBy(page, 'product', 'ascending');
    assertOrdered(byProduct, (row) => row.product, true, planOrder, 'product, ascending');
    assert.notDeepEqual(byProduct.map((row) => row.id), planOrder, 'the demo plan is not already in product order');
    assertOrdered(await sortBy(page, 'product', 'descending'), (row) => row.product, false, planOrder, 'product, descending');

    const bySeats = await sortBy(page, 'seats', 'ascending');
    assertOrdered(bySeats, (row) => row.seats, true, planOrder, 'seats, ascending');
    assertOrdered(await sortBy(page, 'seats', 'descending'), (row) => row.seats, false, planOrder, 'seats, descending');

    // Lines without a target go last, after the named targets in order.
    const byTarget = await sortBy(page, 'target', 'ascending');
    const firstWithout = byTarget.findIndex((row) => row.target === null);
    if (firstWithout >= 0) assert.ok(byTarget.slice(firstWithout).every((row) => row.target === null), 'lines without a target go last');
    const withTarget = byTarget.filter((row) => row.target !== null);
    assert.ok(withTarget.length > 1);
    assertOrdered(withTarget, (row) => row.target, true, planOrder, 'target, ascending');

    // A new order leaves the timeline as it was; a search narrows it to the lines kept.
    assert.equal(await page.getByTestId('timeline-list').textContent(), timelineBefore);
    const timelineRows = page.locator('[data-testid="timeline-svg"] .tl-row');
    assert.ok(await timelineRows.count() > 1);
    const kept = await timelineRows.last().getAttribute('data-id');
    await page.getByTestId('plan-filter').fill(kept);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="plan-line"]').length === 1);
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="timeline-svg"] .tl-row').length === 1);
    assert.equal(await timelineRows.first().getAttribute('data-id'), kept);
    await page.getByTestId('plan-filter').fill('');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="plan-line"]').length === 14);
    assert.equal(await page.getByTestId('timeline-list').textContent(), timelineBefore);

    assert.deepEqual(record.foreignRequests, []);
    assert.deepEqual(record.pageErrors, []);
  } finally {
    await context.close();
  }
});
