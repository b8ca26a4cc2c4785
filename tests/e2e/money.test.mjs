// The money view in a real browser, English and French: the demo's yearly
// figures, a sell price entered for Business Premium (kept in the partner
// profile), that line's billing changed to annual upfront, the first-year
// chart, and the customer letter's cost section, which never shows the margin.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowserAndServer, openContext, waitForApp, seriousAccessibilityViolations, screenshot } from './harness.mjs';

const shared = useBrowserAndServer();
const BUSINESS_PREMIUM = 'cbdc14ab-d96c-4c30-b9f4-6ada7cdc1d46';

const texts = {
  en: {
    locale: 'en-US', price: '25.00', euro: /^€\d{1,3}(,\d{3})*\.\d{2}$/, unknownMargin: '–',
    letter: 'What it costs', forbidden: [/margin/i, /your cost/i, /price list/i],
  },
  fr: {
    locale: 'fr-FR', price: '25,00', euro: /^\d{1,3}(\u202F\d{3})*,\d{2}\u00A0€$/, unknownMargin: '–',
    letter: 'Ce que cela coûte', forbidden: [/marge/i, /votre coût/i, /liste de prix/i],
  },
};

const cardValue = (page, id) => page.getByTestId(id).locator('.card-value').innerText();

for (const lang of ['en', 'fr']) {
  test(`a sell price and a billing choice change the figures, the chart and the letter (${lang})`, async () => {
    const t = texts[lang];
    const { context, record } = await openContext(shared.browser, shared.server.origin, { locale: t.locale, viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    try {
      await page.goto(shared.server.url);
      await waitForApp(page);
      await page.getByTestId('open-demo').click();
      const panel = page.getByTestId('money-panel');
      await panel.waitFor();
      const current = await cardValue(page, 'money-current');
      const csp = await cardValue(page, 'money-csp');
      assert.match(current, t.euro, `today's spend written as ${lang} writes euros: ${current}`);
      assert.match(csp, t.euro);
      assert.match(await cardValue(page, 'money-overlap'), t.euro);
      assert.equal(await cardValue(page, 'money-margin'), t.unknownMargin, 'no margin before a sell price');
      assert.match(await page.getByTestId('money-missing').innerText(), /\d/);

      // The chart: twelve months, the overlap visible in at least one.
      const chart = page.getByTestId('cost-chart');
      await chart.waitFor();
      assert.equal(await chart.getByTestId('chart-month').count(), 12);
      const overlapHeights = await chart.locator('rect.chart-overlap').evaluateAll((rects) => rects.map((rect) => Number(rect.getAttribute('height'))));
      assert.ok(overlapHeights.some((height) => height > 0), `an overlap is drawn: ${overlapHeights}`);

      // The partner's sell price of Business Premium, per seat and month, annual term billed monthly.
      const row = page.locator(`[data-testid="price-row"][data-sku="${BUSINESS_PREMIUM}"][data-billing="annual-monthly"]`);
      await row.getByTestId('sell-price').fill(t.price);
      await row.getByTestId('sell-price').press('Tab');
      await page.waitForFunction(() => !/^–$/.test(document.querySelector('[data-testid="money-margin"] .card-value')?.textContent ?? '–'));
      const margin = await cardValue(page, 'money-margin');
      assert.match(margin, t.euro, `the margin appears: ${margin}`);
      assert.notEqual(await cardValue(page, 'money-csp'), csp, 'the CSP figure follows the sell price');
      assert.match(await row.getByTestId('price-in-use').innerText(), lang === 'en' ? /your sell price/ : /votre prix de vente/);
      const profile = await page.evaluate(() => Object.keys(localStorage).map((key) => localStorage.getItem(key)).find((value) => value.includes('sell_prices')));
      assert.ok(profile?.includes(BUSINESS_PREMIUM), 'the sell price is remembered in the partner profile');
      await screenshot(page, `money-${lang}-1366`);

      // The Business Premium line's billing: annual term paid upfront.
      await page.getByTestId('plan-line').filter({ hasText: 'Business Premium' }).first().locator('button').click();
      const billing = page.getByTestId('override-billing');
      await billing.waitFor();
      const lineCspBefore = await page.getByTestId('line-csp').innerText();
      await billing.selectOption('annual-upfront');
      await page.waitForFunction((before) => document.querySelector('[data-testid="line-csp"]')?.textContent !== before, lineCspBefore);
      const marginAfter = await cardValue(page, 'money-margin');
      assert.notEqual(marginAfter, margin, 'the margin follows the billing choice');
      assert.match(await page.getByTestId('line-price').first().innerText(), /PRICE-BILLING/, 'the converted price cites its rule');
      assert.ok(await page.locator(`[data-testid="price-row"][data-sku="${BUSINESS_PREMIUM}"][data-billing="annual-upfront"]`).count() === 1);
      const violations = await seriousAccessibilityViolations(page);
      assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));

      await page.setViewportSize({ width: 390, height: 844 });
      await panel.scrollIntoViewIfNeeded();
      await screenshot(page, `money-${lang}-390`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 1, `no sideways scroll at 390 px (${overflow} px)`);
      await page.setViewportSize({ width: 1366, height: 900 });

      // The customer letter: the cost section, in the letter's language, never the margin.
      await page.getByTestId('nav-export').click();
      await page.getByTestId('letter-language').selectOption(lang);
      const letter = await page.getByTestId('export-letter').innerText();
      assert.ok(letter.includes(t.letter), 'the letter has its cost section');
      assert.ok(letter.includes(current), `today's spend ${current} is in the letter`);
      for (const word of t.forbidden) assert.doesNotMatch(letter, word);
      assert.ok(!letter.includes(marginAfter), `the margin ${marginAfter} is not in the letter`);
      const report = await page.getByTestId('export-report').innerText();
      assert.ok(report.includes(marginAfter), 'the partner report shows the margin');
      assert.deepEqual(record.foreignRequests, []);
      assert.deepEqual(record.pageErrors, []);
    } finally {
      await context.close();
    }
  });
}
