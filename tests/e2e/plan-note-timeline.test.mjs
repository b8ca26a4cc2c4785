// Two parts of the plan step in a real browser: the consultant's note on a line
// (written in the line's adjustments, kept by "Reset", saved with the draft,
// shown in the line's details and in the partner report; English and French),
// and the timeline's product names, which stay pinned at the left while the
// chart scrolls sideways on a phone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowserAndServer, openContext, waitForApp, seriousAccessibilityViolations, screenshot } from './harness.mjs';

const shared = useBrowserAndServer();

async function openDemo(options) {
  const { context, record } = await openContext(shared.browser, shared.server.origin, options);
  const page = await context.newPage();
  await page.goto(shared.server.url);
  await waitForApp(page);
  await page.getByTestId('open-demo').click();
  await page.getByTestId('plan-line').first().waitFor();
  return { context, record, page };
}

const texts = {
  en: { label: 'Your note on this line', heading: 'Note', report: /Your note[\s\S]*Ask the CFO before buying/, saved: /Saved/ },
  fr: { label: 'Votre remarque sur cette ligne', heading: 'Remarque', report: /Votre note[\s\S]*Ask the CFO before buying/, saved: /Enregistré/ },
};

for (const [lang, locale] of [['en', 'en-US'], ['fr', 'fr-FR']]) {
  test(`a note on a plan line is kept, saved and shown in the partner report (${lang})`, async () => {
    const t = texts[lang];
    const { context, record, page } = await openDemo({ locale });
    try {
      await page.getByTestId('plan-line').nth(1).locator('button').click();
      const note = page.getByLabel(t.label);
      await note.waitFor();
      assert.equal(await note.inputValue(), '');
      await note.fill('  Ask the CFO before buying  ');
      await note.press('Tab');
      const details = page.getByTestId('line-details');
      await details.locator('.line-note').waitFor();
      assert.equal(await details.locator('.line-note').innerText(), 'Ask the CFO before buying', 'trimmed, shown in the details');
      assert.ok(await details.getByRole('heading', { name: t.heading, exact: true }).count() >= 1);
      // "Reset" undoes the decisions, never the consultant's own remark.
      await page.getByTestId('override-seats').fill('40');
      await page.getByTestId('override-reset').click();
      assert.equal(await page.getByTestId('override-note').inputValue(), 'Ask the CFO before buying');
      await page.waitForFunction((saved) => new RegExp(saved).test(document.querySelector('[data-testid="draft-status"]')?.textContent ?? ''), t.saved.source);

      await page.reload();
      await waitForApp(page);
      await page.getByTestId('nav-plan').click();
      await page.getByTestId('plan-line').nth(1).locator('button').click();
      await page.getByTestId('override-note').waitFor();
      assert.equal(await page.getByTestId('override-note').inputValue(), 'Ask the CFO before buying', 'kept in the draft');
      await assertAccessible(page);

      await page.getByTestId('nav-export').click();
      await page.getByTestId('export-report').waitFor();
      assert.match(await page.getByTestId('export-report').innerText(), t.report);

      // Emptying the field removes the note.
      await page.getByTestId('nav-plan').click();
      await page.getByTestId('plan-line').nth(1).locator('button').click();
      await page.getByTestId('override-note').fill('');
      await page.getByTestId('override-note').press('Tab');
      await page.waitForFunction(() => !document.querySelector('[data-testid="line-details"] .line-note'));
      assert.deepEqual(record.pageErrors, []);
    } finally {
      await context.close();
    }
  });
}

async function assertAccessible(page) {
  const violations = await seriousAccessibilityViolations(page);
  assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
}

test('on a phone the timeline scrolls sideways under product names pinned at the left', async () => {
  const { context, record, page } = await openDemo({ locale: 'en-US', viewport: { width: 390, height: 844 } });
  try {
    const box = page.getByTestId('timeline').locator('.timeline-scroll');
    await box.waitFor();
    const labels = box.getByTestId('timeline-labels');
    const chart = box.getByTestId('timeline-svg');
    const place = () => box.evaluate((scroll) => {
      const left = (selector) => scroll.querySelector(selector).getBoundingClientRect().left;
      return { box: scroll.getBoundingClientRect().left + scroll.clientLeft, labels: left('[data-testid="timeline-labels"]'), chart: left('[data-testid="timeline-svg"]'), scrollable: scroll.scrollWidth - scroll.clientWidth };
    });
    await box.scrollIntoViewIfNeeded();
    const before = await place();
    assert.ok(before.scrollable > 200, `the chart is wider than the phone (${before.scrollable}px to scroll)`);
    assert.ok(Math.abs(before.labels - before.chart) < 1, 'the names sit over the chart’s own name column');
    assert.ok(before.scrollable > 0);
    await box.evaluate((scroll) => { scroll.scrollLeft = 300; });
    const after = await place();
    assert.ok(Math.abs(after.labels - after.box) < 1, `the names stay at the left edge (${JSON.stringify(after)})`);
    assert.ok(after.chart < before.chart - 250, 'the chart scrolled under them');
    const labelsWidth = await labels.evaluate((svg) => svg.getBoundingClientRect().width);
    assert.ok(labelsWidth <= 160, `a narrow pinned column on a phone (${labelsWidth}px)`);
    // The first name is still readable and on top of the chart.
    const name = labels.locator('.tl-label').first();
    assert.ok((await name.textContent()).trim().length > 0);
    const topmost = await name.evaluate((text) => {
      const rect = text.getBoundingClientRect();
      const hit = document.elementFromPoint(rect.left + 4, rect.top + rect.height / 2);
      return Boolean(hit && hit.closest('[data-testid="timeline-labels"]'));
    });
    assert.ok(topmost, 'the pinned names are drawn above the scrolled chart');
    assert.equal(await labels.count(), 1);
    assert.ok(await chart.isVisible());
    await screenshot(page, 'plan-timeline-pinned-names-390');
    assert.deepEqual(record.pageErrors, []);
  } finally {
    await context.close();
  }
});
