// The review step's billing account question for direct subscriptions (DIRECT-ACCOUNT),
// in English and French: a pasted table with two direct lines, one set to MCA by
// hand, then every one set to MOSA at once; the plan then says what each account
// means for the credit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowserAndServer, openContext, waitForApp, seriousAccessibilityViolations, screenshot } from './harness.mjs';

const shared = useBrowserAndServer();

function templateRange(rows) {
  const header = ['subscription_id', 'product', 'sku_part_number', 'seats_total', 'seats_assigned', 'term_end', 'channel'];
  return [header, ...rows].map((cells) => cells.join('\t')).join('\n') + '\n';
}

const texts = {
  en: { title: /Which billing account/, unknown: /Still unknown: 2/, none: /Still unknown: 0/, mca: /MCA billing account/, mosa: /MOSA billing account/ },
  fr: { title: /De quel compte de facturation/, unknown: /Encore inconnus : 2/, none: /Encore inconnus : 0/, mca: /Compte de facturation MCA/, mosa: /Compte de facturation MOSA/ },
};

for (const [lang, locale] of [['en', 'en-US'], ['fr', 'fr-FR']]) {
  test(`the billing account of direct subscriptions is asked in the review step (${lang})`, async () => {
    const { context, record } = await openContext(shared.browser, shared.server.origin, { locale });
    const page = await context.newPage();
    const t = texts[lang];
    try {
      await page.goto(shared.server.url);
      await waitForApp(page);
      await page.getByTestId('new-plan').click();
      await page.getByTestId('paste-input').fill(templateRange([
        ['D-1', 'Office 365 E3', 'ENTERPRISEPACK', '10', '10', '2027-09-30', 'direct'],
        ['D-2', 'Microsoft 365 Business Premium', 'SPB', '30', '30', '2027-10-31', 'direct'],
        ['E-3', 'Microsoft 365 E3', 'SPE_E3', '120', '120', '2027-06-30', 'ea'],
      ]));
      await page.getByTestId('paste-import').click();
      const section = page.getByTestId('billing-accounts');
      await section.waitFor();
      assert.match(await section.innerText(), t.title);
      assert.match(await section.innerText(), t.unknown);
      assert.equal(await section.getByTestId('account-row').count(), 2, 'only the direct lines are asked');

      await section.getByTestId('account-select').first().selectOption('mca');
      await page.waitForFunction(() => /: 1\b| : 1\b/.test(document.querySelector('[data-testid="billing-accounts"] p').textContent));
      await screenshot(page, `review-billing-account-${lang}`);
      const violations = await seriousAccessibilityViolations(page);
      assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));

      await page.getByTestId('nav-plan').click();
      await page.getByTestId('plan-line').first().waitFor();
      await page.getByTestId('plan-filter').fill('D-1');
      await page.waitForFunction(() => document.querySelector('[data-testid="plan-line"]')?.dataset.id === 'D-1');
      await page.getByTestId('plan-line').first().locator('button').click();
      assert.match(await page.getByTestId('line-details').innerText(), t.mca);

      await page.getByTestId('nav-review').click();
      await page.getByTestId('account-all').selectOption('mosa');
      await page.getByTestId('account-all-apply').click();
      await page.waitForFunction(() => /: 0\b| : 0\b/.test(document.querySelector('[data-testid="billing-accounts"] p').textContent));
      assert.match(await page.getByTestId('billing-accounts').innerText(), t.none);
      await page.getByTestId('nav-plan').click();
      await page.getByTestId('plan-filter').fill('D-2');
      await page.waitForFunction(() => document.querySelector('[data-testid="plan-line"]')?.dataset.id === 'D-2');
      await page.getByTestId('plan-line').first().locator('button').click();
      assert.match(await page.getByTestId('line-details').innerText(), t.mosa);
      assert.deepEqual(record.foreignRequests, [], 'requests to another origin');
      assert.deepEqual(record.pageErrors, [], 'uncaught errors in the page');
    } finally {
      await context.close();
    }
  });
}
