// The plan step in a real browser: the demo plan opened from the start screen,
// its summary, lines, a line's details, overrides that change the plan and can be
// reset, the checklist and the timeline, in English and French; a phone-sized
// screen; and a 10,000-line plan imported through the file input, whose first
// render and filter times are printed (not asserted: the machine is shared).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowserAndServer, openContext, waitForApp, seriousAccessibilityViolations, screenshot } from './harness.mjs';
import { generatePlanScaleCsv } from '../bench/generate.mjs';

const shared = useBrowserAndServer();

async function openApp(options = {}) {
  const { context, record } = await openContext(shared.browser, shared.server.origin, options);
  const page = await context.newPage();
  await page.goto(shared.server.url);
  await waitForApp(page);
  return { context, record, page };
}

async function openDemo(page) {
  await page.getByTestId('open-demo').click();
  await page.getByTestId('plan-summary').waitFor();
  await page.getByTestId('plan-line').first().waitFor();
}

async function assertAccessible(page, where) {
  const violations = await seriousAccessibilityViolations(page);
  assert.deepEqual(violations, [], `${where}: ${JSON.stringify(violations, null, 2)}`);
}

const number = (text) => Number(text.replace(/[^\d]/g, ''));

const texts = {
  en: {
    title: 'Migration plan', relationship: /reseller relationship request/i, unblock: /^Resolve the [A-Z0-9-]+ blocker before anything is bought/m, today: /Today/,
    date: /\b\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}\b/,
    teams: /no Teams/, equivalents: /Ranked equivalents/, rule: /TEAMS-UNBUNDLE/, pathRepurchase: 'Buy in CSP',
    legend: /7-day cancellation window/, blocked: /Blocked/,
    seatsDetail: /525 free or trial/, teamsEea: /Microsoft Teams EEA/, fallback: /Buy instead if the transfer is not approved by/,
    unverified: 'unverified',
  },
  fr: {
    title: 'Plan de migration', relationship: /demande de relation de revendeur/i, unblock: /^Lever le point bloquant [A-Z0-9-]+ avant tout achat/m, today: /Aujourd’hui/,
    date: /\b\d{1,2} (janv\.|févr\.|mars|avr\.|mai|juin|juil\.|août|sept\.|oct\.|nov\.|déc\.) \d{4}\b/,
    teams: /no Teams/, equivalents: /Équivalents classés/, rule: /TEAMS-UNBUNDLE/, pathRepurchase: 'Achat dans CSP',
    legend: /Délai d’annulation de 7 jours/, blocked: /Bloqué/,
    seatsDetail: /525 gratuites ou d’essai/, teamsEea: /Microsoft Teams EEA/, fallback: /Acheter à la place si le transfert n’est pas approuvé le/,
    unverified: 'non vérifié',
  },
};

for (const lang of ['en', 'fr']) {
  test(`the demo plan in ${lang === 'en' ? 'English' : 'French'}: summary, lines, details, overrides, checklist, timeline`, async () => {
    const { context, record, page } = await openApp({ locale: lang === 'en' ? 'en-US' : 'fr-FR' });
    const t = texts[lang];
    try {
      await openDemo(page);
      await page.getByRole('heading', { level: 1, name: t.title }).waitFor();

      // Summary: 14 subscriptions, seats to move and planned (free, trial and blocked seats
      // counted apart), blockers, a next date in the language's format.
      const summary = page.getByTestId('plan-summary');
      assert.equal(number(await summary.getByTestId('summary-subscriptions').locator('.card-value').innerText()), 14);
      const seatsBefore = number(await page.getByTestId('seats-to-move').innerText());
      const seatsAfter = number(await page.getByTestId('seats-moved').innerText());
      assert.ok(seatsBefore > 0 && seatsAfter > 0 && seatsAfter < seatsBefore, `seats ${seatsBefore} -> ${seatsAfter}`);
      assert.match(await page.getByTestId('seats-detail').innerText(), t.seatsDetail);
      assert.ok(number(await summary.getByTestId('summary-blockers').locator('.card-value').innerText()) > 0, 'the demo has a blocker');
      assert.match(await summary.getByTestId('summary-next-date').innerText(), t.date);
      assert.match(await summary.getByTestId('summary-overlap').innerText(), lang === 'en' ? /€\d/ : /\d,\d\d\u00a0€/);

      // Lines: one row per subscription, each with its path.
      const lines = page.getByTestId('plan-line');
      assert.equal(await lines.count(), 14);
      const paths = new Set(await lines.evaluateAll((rows) => rows.map((row) => row.dataset.path)));
      for (const path of ['partner_transfer', 'ea_channel_transfer', 'repurchase', 'blocked', 'not_migrated']) {
        assert.ok(paths.has(path), `a ${path} line in ${[...paths]}`);
      }

      // Sorting by seats puts the biggest subscription (the free Teams, 500 seats) last, then first.
      await page.getByRole('columnheader', { name: lang === 'en' ? 'Seats' : 'Licences' }).getByRole('button').click();
      assert.equal(await lines.last().getAttribute('data-id'), 'FREE-TEAMS-009');
      await page.getByRole('columnheader', { name: lang === 'en' ? 'Seats' : 'Licences' }).getByRole('button').click();
      assert.equal(await lines.first().getAttribute('data-id'), 'FREE-TEAMS-009');

      // Filter by path, then by search.
      await page.getByTestId('plan-filter-path').selectOption('repurchase');
      const repurchase = await lines.evaluateAll((rows) => rows.map((row) => row.dataset.path));
      assert.ok(repurchase.length > 0 && repurchase.every((path) => path === 'repurchase'), `${repurchase}`);
      await page.getByTestId('plan-filter-path').selectOption('');
      await page.getByTestId('plan-filter').fill('Office 365 E3');
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="plan-line"]').length === 1);
      await lines.first().locator('button').click();

      // Details of the retired suite with Teams: path, target, ranked equivalents, findings with rules.
      const details = page.getByTestId('line-details');
      await details.getByText(t.equivalents).first().waitFor();
      const detailsText = await details.innerText();
      assert.match(detailsText, t.teams);
      assert.match(detailsText, /DIR-E3-004/);
      assert.match(detailsText, t.teamsEea);
      assert.ok(await details.locator('[data-rule="TEAMS-EEA"]').count() > 0, 'the EEA Teams rule is cited');
      assert.match(detailsText, t.date);
      assert.ok(await details.locator('[data-rule="TEAMS-UNBUNDLE"]').count() > 0, 'the Teams rule is cited');
      const rule = details.locator('[data-rule="TEAMS-UNBUNDLE"] details').first();
      await rule.locator('summary').click();
      assert.match(await rule.innerText(), /Partner Center|Microsoft|2023|2024/);
      await screenshot(page, `plan-demo-details-${lang}`);

      // Override the seats of a line: the seats after change at once; reset brings them back.
      await page.getByTestId('plan-filter').fill('');
      await page.getByTestId('plan-filter').fill('DIR-BP-001');
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="plan-line"]').length === 1);
      await lines.first().locator('button').click();
      await page.getByTestId('override-seats').fill('40');
      await page.waitForFunction((before) => Number(document.querySelector('[data-testid="seats-moved"]').textContent.replace(/\D/g, '')) === before - 5, seatsAfter);
      await page.getByTestId('override-reset').click();
      await page.waitForFunction((before) => Number(document.querySelector('[data-testid="seats-moved"]').textContent.replace(/\D/g, '')) === before, seatsAfter);

      // Exclude a line: its path becomes "not migrated"; change its target; then reset.
      await page.getByTestId('override-exclude').check();
      await page.waitForFunction(() => document.querySelector('[data-testid="plan-line"]')?.dataset.path === 'not_migrated');
      assert.ok(number(await page.getByTestId('seats-moved').innerText()) < seatsAfter, 'excluding lowers the seats after');
      await page.getByTestId('override-exclude').uncheck();
      await page.waitForFunction(() => document.querySelector('[data-testid="plan-line"]')?.dataset.path === 'repurchase');
      // The target is found by its part number among ~620 products; the label chosen is what the line applies.
      await page.getByTestId('override-target-search').fill('spe_e3');
      const e3 = page.getByTestId('override-target').locator('option', { hasText: '(SPE_E3)' }).first();
      const e3Label = await e3.textContent();
      assert.match(e3Label, /^Microsoft 365 E3 \(SPE_E3\)/);
      await page.getByTestId('override-target').selectOption({ label: e3Label });
      await details.getByText(lang === 'en' ? 'chosen by you' : 'choisie par vous').first().waitFor();
      assert.match(await page.getByTestId('plan-line').first().locator('.col-target').innerText(), /^Microsoft 365 E3/);
      await page.getByTestId('override-target-search').fill('');
      await page.getByTestId('override-reset').click();
      await page.waitForFunction(() => !document.querySelector('[data-testid="line-details"] .tag')?.textContent.match(/chosen|choisie/));

      // A partner-to-partner transfer names its fallback day; the lapse delay is shown as unverified.
      await page.getByTestId('plan-filter').fill('NCE-BS-006');
      await page.waitForFunction(() => document.querySelector('[data-testid="plan-line"]')?.dataset.id === 'NCE-BS-006');
      await lines.first().locator('button').click();
      await details.getByText(t.fallback).first().waitFor();
      const lapse = details.locator('[data-rule="P2P-LAPSE"]').first();
      assert.equal(await lapse.getByTestId('rule-unverified').innerText(), t.unverified);

      // The path of the unknown-channel line can be chosen by hand.
      await page.getByTestId('plan-filter').fill('UNK-VISIO-011');
      await page.waitForFunction(() => document.querySelector('[data-testid="plan-line"]')?.dataset.id === 'UNK-VISIO-011');
      assert.equal(await lines.first().getAttribute('data-path'), 'blocked');
      await lines.first().locator('button').click();
      await page.getByTestId('override-path').selectOption('repurchase');
      await page.waitForFunction(() => document.querySelector('[data-testid="plan-line"]')?.dataset.path === 'repurchase');
      await page.getByTestId('override-reset').click();
      await page.waitForFunction(() => document.querySelector('[data-testid="plan-line"]')?.dataset.path === 'blocked');
      await page.getByTestId('plan-filter').fill('');

      // The checklist: ordered, dated, who does what; the demo has blocked lines, so it
      // starts with what unblocks them, then the relationship request.
      const steps = page.getByTestId('checklist').getByTestId('checklist-step');
      assert.ok(await steps.count() >= 5, 'several steps');
      assert.match(await steps.first().innerText(), t.unblock);
      assert.match(await steps.first().innerText(), t.date);
      const stepTexts = await steps.allInnerTexts();
      const unblockCount = stepTexts.findIndex((text) => !t.unblock.test(text));
      assert.ok(unblockCount > 0, 'the unblocking steps come first');
      assert.match(stepTexts[unblockCount], t.relationship);

      // The timeline: an SVG with a title and description, markers, today, a legend and a list.
      const timeline = page.getByTestId('timeline');
      const svg = timeline.locator('svg.timeline-chart');
      assert.equal(await svg.getAttribute('role'), 'img');
      assert.ok(await svg.locator('title#timeline-svg-title').count() === 1 && await svg.locator('desc').count() === 1);
      assert.ok(await svg.locator('.tl-term-end').count() >= 8, 'term ends drawn');
      assert.ok(await svg.locator('.tl-window').count() >= 3, 'cancellation windows drawn');
      assert.ok(await svg.locator('.tl-risk').count() >= 3, 'data-at-risk deadlines drawn');
      assert.match(await svg.locator('.tl-today text').textContent(), t.today);
      assert.match(await timeline.locator('.timeline-legend').innerText(), t.legend);
      assert.ok(await timeline.getByTestId('timeline-list').locator('li').count() >= 9);

      await assertAccessible(page, `plan step (${lang})`);
      await screenshot(page, `plan-demo-${lang}`);

      // On to the export step.
      await page.getByTestId('go-export').click();
      await page.waitForFunction(() => document.querySelector('[data-testid="nav-export"]')?.getAttribute('aria-current') === 'step');

      assert.deepEqual(record.foreignRequests, [], 'requests to another origin');
      assert.deepEqual(record.pageErrors, [], 'uncaught errors in the page');
    } finally {
      await context.close();
    }
  });
}

test('the lines table works with the keyboard alone', async () => {
  const { context, page } = await openApp({ locale: 'en-US' });
  try {
    await openDemo(page);
    await page.getByTestId('plan-line').first().locator('button').focus();
    await page.keyboard.press('End');
    await page.waitForFunction(() => document.activeElement?.closest('tr')?.dataset.rowIndex === '13');
    await page.keyboard.press('Home');
    await page.waitForFunction(() => document.activeElement?.closest('tr')?.dataset.rowIndex === '0');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction(() => document.activeElement?.closest('tr')?.dataset.rowIndex === '2');
    const id = await page.evaluate(() => document.activeElement.closest('tr').dataset.id);
    await page.keyboard.press('Enter');
    await page.waitForFunction((id) => document.querySelector('[data-testid="line-details"]').innerText.includes(id), id);
    await page.keyboard.press('Tab');
    assert.ok(await page.evaluate(() => document.activeElement !== document.body), 'focus moves on');
  } finally {
    await context.close();
  }
});

test('the plan is usable on a 390 px wide screen', async () => {
  const { context, record, page } = await openApp({ locale: 'fr-FR', viewport: { width: 390, height: 844 } });
  try {
    await openDemo(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `the page scrolls sideways by ${overflow}px`);
    // The table and the timeline scroll inside their own boxes.
    const timelineBox = page.getByTestId('timeline').locator('.timeline-scroll');
    assert.ok(await timelineBox.evaluate((box) => box.scrollWidth > box.clientWidth), 'the timeline scrolls sideways');
    await page.getByTestId('plan-line').nth(1).locator('button').click();
    await page.getByTestId('override-seats').waitFor();
    await assertAccessible(page, 'plan step at 390 px');
    await screenshot(page, 'plan-demo-390-fr');
    assert.deepEqual(record.foreignRequests, []);
  } finally {
    await context.close();
  }
});

test('a 10,000-line plan: first render and filter times', async () => {
  const { context, record, page } = await openApp({ locale: 'en-US' });
  try {
    await page.getByTestId('new-plan').click();
    await page.getByTestId('file-input').setInputFiles({
      name: 'scale-10000.csv', mimeType: 'text/csv', buffer: Buffer.from(generatePlanScaleCsv(10_000), 'utf8'),
    });
    // The import step moves on to the review step once the file is read.
    await page.waitForFunction(() => (document.querySelector('[data-testid="count-imported"]')?.textContent ?? '').replace(/\D/g, '') === '10000', null, { timeout: 120_000 });
    await page.waitForFunction(() => !document.querySelector('[data-testid="nav-plan"]')?.disabled);

    // In-page timing: from the click to the frame after the first rows are in the DOM.
    const firstRender = await page.evaluate(async () => {
      const frame = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
      const started = performance.now();
      document.querySelector('[data-testid="nav-plan"]').click();
      while (!document.querySelector('[data-testid="plan-line"]') && performance.now() - started < 60_000) {
        await new Promise((done) => requestAnimationFrame(done));
      }
      const rowsAt = performance.now() - started;
      await frame();
      const planner = Number(document.querySelector('.plan-step')?.dataset.planMs ?? NaN);
      return { rowsInDom: rowsAt, painted: performance.now() - started, planner };
    });

    const rendered = await page.getByTestId('plan-line').count();
    assert.ok(rendered > 5 && rendered < 60, `only the visible rows are rendered (${rendered})`);
    assert.equal(await page.getByTestId('plan-table').getAttribute('aria-rowcount'), '10001');
    assert.match(await page.getByTestId('plan-count').innerText(), /10,000 of 10,000/);

    // Search: from the input event to the updated count (and the next frame).
    const measureFilter = (action) => page.evaluate(async (action) => {
      const frame = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
      const count = document.querySelector('[data-testid="plan-count"]');
      const before = count.textContent;
      const started = performance.now();
      if (action.kind === 'search') {
        const input = document.querySelector('[data-testid="plan-filter"]');
        input.value = action.value;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      } else {
        const select = document.querySelector(`[data-testid="${action.testId}"]`);
        select.value = action.value;
        select.dispatchEvent(new Event('change', { bubbles: true }));
      }
      // Some filters give the same count as before: wait at most 5 s for a change.
      while (count.textContent === before && performance.now() - started < 5_000) {
        await new Promise((done) => requestAnimationFrame(done));
      }
      const updated = performance.now() - started;
      await frame();
      return { updated, painted: performance.now() - started, count: count.textContent };
    }, action);

    const search = await measureFilter({ kind: 'search', value: 'visio' });
    assert.match(search.count, /1,250 of 10,000/);
    const clear = await measureFilter({ kind: 'search', value: '' });
    const byPath = await measureFilter({ kind: 'select', testId: 'plan-filter-path', value: 'partner_transfer' });
    const bySeverity = await measureFilter({ kind: 'select', testId: 'plan-filter-severity', value: 'warning' });

    // Scrolling deep into the table renders the rows there, and only those.
    await measureFilter({ kind: 'select', testId: 'plan-filter-path', value: '' });
    await measureFilter({ kind: 'select', testId: 'plan-filter-severity', value: 'all' });
    await page.locator('.plan-table-scroll').evaluate((box) => { box.scrollTop = 48 * 9000; });
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="plan-line"]')].some((row) => Number(row.dataset.rowIndex) >= 9000));
    assert.ok(await page.getByTestId('plan-line').count() < 60);
    await screenshot(page, 'plan-10000-lines');

    const ms = (value) => `${value.toFixed(1)} ms`;
    console.log(`10,000-line plan, first render: rows in the DOM after ${ms(firstRender.rowsInDom)}, painted after ${ms(firstRender.painted)}, of which the planner (make_plan) ${ms(firstRender.planner)}`);
    console.log(`10,000-line plan, search "visio": ${ms(search.updated)} (painted ${ms(search.painted)}); clear: ${ms(clear.updated)} (painted ${ms(clear.painted)})`);
    console.log(`10,000-line plan, path filter: ${ms(byPath.updated)} (painted ${ms(byPath.painted)}, ${byPath.count}); findings filter: ${ms(bySeverity.updated)} (painted ${ms(bySeverity.painted)}, ${bySeverity.count})`);
    console.log(`10,000-line plan, rows rendered: ${rendered}`);

    assert.deepEqual(record.foreignRequests, []);
    assert.deepEqual(record.pageErrors, []);
  } finally {
    await context.close();
  }
});
