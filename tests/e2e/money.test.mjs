// The money view in a real browser, English and French: the demo's yearly
// figures, a sell price entered for Business Premium (kept in the partner
// profile), that line's billing changed to annual upfront, the first-year
// chart, and the customer letter's cost section, which never shows the margin;
// a Graph file with service plans and a price list, whose cheaper suite is
// suggested then accepted; a pasted table in two currencies, one chart each,
// its name following the language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { useBrowserAndServer, openContext, waitForApp, seriousAccessibilityViolations, screenshot } from './harness.mjs';

const shared = useBrowserAndServer();
const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const fixture = (name) => join(root, 'tests', 'fixtures', 'import', name);
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

const suiteTexts = {
  en: {
    locale: 'en-US', accepted: 'Accepted',
    sentence: /^ENTERPRISEPREMIUM — The tenant uses 4 service plans of this suite, all also in Office 365 E3 EEA \(no Teams\), at €29\.81 a seat a month instead of €52\.91: buying it instead saves about €6,930\.00 a year\./,
  },
  fr: {
    locale: 'fr-FR', accepted: 'Accepté',
    sentence: /^ENTERPRISEPREMIUM — Le locataire utilise 4 services de cette suite, tous présents dans Office 365 E3 EEA \(no Teams\), à 29,81\u00A0€ par licence et par mois au lieu de 52,91\u00A0€ : l’acheter à la place économise environ 6\u202F930,00\u00A0€ par an\./,
  },
};

for (const lang of ['en', 'fr']) {
  test(`a cheaper suite with every service plan in use is suggested, then bought once accepted (${lang})`, async () => {
    const t = suiteTexts[lang];
    const { context, record } = await openContext(shared.browser, shared.server.origin, { locale: t.locale, viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    try {
      await page.goto(shared.server.url);
      await waitForApp(page);
      await page.getByTestId('new-plan').click();
      // Office 365 E5 with Defender for Office 365 and Phone System turned off, and a price list.
      await page.getByTestId('file-input').setInputFiles([fixture('graph-subscribedSkus.json'), fixture('nce-pricelist-office.csv')]);
      await page.getByTestId('import-report').waitFor();
      await page.getByTestId('channel-all').selectOption('direct');
      await page.getByTestId('channel-all-apply').click();
      await page.getByTestId('nav-customer').click();
      await page.getByTestId('customer-country').selectOption('FR');
      await page.getByTestId('nav-plan').click();
      const panel = page.getByTestId('money-panel');
      await panel.waitFor();

      const suggestion = page.locator('[data-testid="suggestion"][data-kind="CheaperSuite"]');
      await suggestion.waitFor();
      const sentence = (await suggestion.locator('.suggestion-text').innerText()).trim();
      assert.match(sentence, t.sentence, sentence);
      const purchases = () => page.getByTestId('purchase-list').innerText();
      assert.match(await purchases(), /Office 365 E5 EEA \(no Teams\)/, 'bought as planned before the user decides');
      await panel.scrollIntoViewIfNeeded();
      await screenshot(page, `money-suite-${lang}-1366`);

      await suggestion.getByTestId('suggestion-accept').click();
      await suggestion.getByTestId('suggestion-status').waitFor();
      assert.equal(await suggestion.getByTestId('suggestion-status').innerText(), t.accepted);
      await page.waitForFunction(() => /Office 365 E3 EEA/.test(document.querySelector('[data-testid="purchase-list"]')?.textContent ?? ''));
      const list = await purchases();
      assert.match(list, /Office 365 E3 EEA \(no Teams\)/, 'the cheaper suite is in the purchase list');
      assert.doesNotMatch(list, /Office 365 E5 EEA/, 'and the dearer one no longer');
      const violations = await seriousAccessibilityViolations(page);
      assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));

      await page.setViewportSize({ width: 390, height: 844 });
      await suggestion.scrollIntoViewIfNeeded();
      await screenshot(page, `money-suite-${lang}-390`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 1, `no sideways scroll at 390 px (${overflow} px)`);
      assert.deepEqual(record.foreignRequests, []);
      assert.deepEqual(record.pageErrors, []);
    } finally {
      await context.close();
    }
  });
}

/** A pasted range of the planner's template: tab-separated, as Excel copies cells. */
function templateRange(rows) {
  const header = ['customer', 'tenant_country', 'subscription_id', 'product', 'sku_part_number', 'seats_total', 'seats_assigned',
    'term', 'billing', 'term_end', 'channel', 'unit_price', 'currency'];
  return [header, ...rows].map((cells) => cells.join('\t')).join('\n') + '\n';
}

const pastedNames = { en: 'Pasted table 1', fr: 'Tableau collé 1' };

for (const [lang, other] of [['en', 'fr'], ['fr', 'en']]) {
  test(`two currencies draw two charts, and a pasted table's name follows the language (${lang})`, async () => {
    const { context, record } = await openContext(shared.browser, shared.server.origin, { locale: texts[lang].locale, viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    try {
      await page.goto(shared.server.url);
      await waitForApp(page);
      await page.getByTestId('new-plan').click();
      await page.getByTestId('paste-input').fill(templateRange([
        ['Contoso', 'FR', 'EUR-EXO', 'Exchange Online (Plan 1)', 'EXCHANGESTANDARD', '12', '12', 'P1Y', 'monthly', '2027-03-31', 'direct', '3.70', 'EUR'],
        ['Fabrikam', 'US', 'USD-PBI', 'Power BI Pro', 'POWER_BI_PRO', '5', '5', 'P1Y', 'monthly', '2027-04-30', 'direct', '14.00', 'USD'],
      ]));
      await page.getByTestId('paste-import').click();
      await page.getByTestId('import-report').waitFor();
      const fileName = () => page.getByTestId('import-file').first().locator('.file-name').innerText();
      assert.equal(await fileName(), pastedNames[lang]);
      // Named when pasted, shown in the language of the moment.
      await page.getByTestId('lang-switch').selectOption(other);
      await page.waitForFunction((name) => document.querySelector('[data-testid="import-file"] .file-name')?.textContent === name, pastedNames[other]);
      await page.getByTestId('lang-switch').selectOption(lang);
      await page.waitForFunction((name) => document.querySelector('[data-testid="import-file"] .file-name')?.textContent === name, pastedNames[lang]);

      await page.getByTestId('nav-plan').click();
      await page.getByTestId('money-panel').waitFor();
      const charts = page.getByTestId('cost-chart');
      await charts.first().waitFor();
      assert.equal(await charts.count(), 2, 'one chart per currency');
      const currencies = await charts.evaluateAll((nodes) => nodes.map((node) => node.dataset.currency));
      assert.deepEqual([...currencies].sort(), ['EUR', 'USD']);
      for (const currency of currencies) {
        const chart = page.locator(`[data-testid="cost-chart"][data-currency="${currency}"]`);
        assert.equal(await chart.getByTestId('chart-month').count(), 12);
        assert.ok((await chart.locator('figcaption').innerText()).includes(currency), `the ${currency} chart says its currency`);
      }
      const eur = await page.locator('[data-testid="cost-chart"][data-currency="EUR"] .chart-legend').innerText();
      const usd = await page.locator('[data-testid="cost-chart"][data-currency="USD"] .chart-legend').innerText();
      assert.match(eur, /€/);
      assert.doesNotMatch(eur, /\$/, 'no dollar in the euro chart');
      assert.match(usd, /\$/);
      assert.doesNotMatch(usd, /€/, 'no euro in the dollar chart');
      assert.deepEqual(record.foreignRequests, []);
      assert.deepEqual(record.pageErrors, []);
    } finally {
      await context.close();
    }
  });
}
