// What the file lacks, edited on the line (issue 15): a CIPP license report gives
// no usable term end nor channel ("no dates could be planned"); the line's "source
// subscription" fields take a term end, auto-renew, the channel, the term and the
// billing frequency, each showing where its value comes from (from the file,
// estimated, yours). Once the term end is entered the line's dates are planned;
// the edits undo and redo, and survive a reload. English and French.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { useBrowserAndServer, openContext, waitForApp, seriousAccessibilityViolations, screenshot } from './harness.mjs';

const shared = useBrowserAndServer();
const fixtures = fileURLToPath(new URL('../fixtures/import/', import.meta.url));
const CIPP = join(fixtures, 'cipp-license-report.csv');

const texts = {
  en: { yours: 'yours', estimated: 'estimated', missing: 'not in the file', purchase: 'CSP purchase', termEnd: /31 Jul 2027/, entered: /entered by the user/, channelUnknown: /does not say where/ },
  fr: { yours: 'votre saisie', estimated: 'estimation', missing: 'absent du fichier', purchase: 'Achat CSP', termEnd: /31 juil\. 2027/, entered: /saisie par l’utilisateur/, channelUnknown: /n’indique pas où/ },
};

async function origin(page, field) {
  return page.getByTestId(`origin-${field}`).getAttribute('data-origin');
}

async function selectBusinessPremium(page) {
  const row = page.getByTestId('plan-line').filter({ hasText: 'Business Premium' });
  await row.locator('button').first().click();
  await page.getByTestId('source-facts').waitFor();
}

for (const [lang, locale] of [['en', 'en-US'], ['fr', 'fr-FR']]) {
  test(`a term end, the channel, auto-renew, term and billing entered on a CIPP line plan its dates (${lang})`, async () => {
    const t = texts[lang];
    const { context, record } = await openContext(shared.browser, shared.server.origin, { locale });
    const page = await context.newPage();
    try {
      await page.goto(shared.server.url);
      await waitForApp(page);
      await page.getByTestId('new-plan').click();
      await page.getByTestId('file-input').setInputFiles(CIPP);
      await page.getByTestId('import-report').waitFor();
      await page.getByTestId('nav-plan').click();
      await page.getByTestId('plan-line').first().waitFor();
      await selectBusinessPremium(page);
      const details = page.getByTestId('line-details');

      // The file's NextLifecycle is an estimate, already past: no purchase is planned.
      assert.equal(await origin(page, 'term-end'), 'estimated');
      assert.equal(await page.getByTestId('origin-term-end').innerText(), t.estimated);
      assert.equal(await origin(page, 'channel'), 'missing');
      assert.equal(await page.getByTestId('origin-channel').innerText(), t.missing);
      assert.equal(await origin(page, 'term'), 'file');
      assert.doesNotMatch(await details.locator('.facts').first().innerText(), new RegExp(t.purchase));
      assert.match(await details.innerText(), t.channelUnknown);

      await page.getByTestId('source-term-end').fill('2027-07-31');
      await page.waitForFunction(() => document.querySelector('[data-testid="origin-term-end"]')?.dataset.origin === 'user');
      assert.equal(await page.getByTestId('origin-term-end').innerText(), t.yours);
      await page.getByTestId('source-channel').selectOption({ index: 1 }); // direct
      await page.getByTestId('source-auto-renew').selectOption({ index: 2 }); // off
      await page.getByTestId('source-term').selectOption({ index: 2 }); // 1 year
      await page.getByTestId('source-billing').selectOption({ index: 1 }); // monthly
      for (const field of ['channel', 'auto-renew', 'term', 'billing']) {
        assert.equal(await origin(page, field), 'user', field);
      }
      const planned = await details.innerText();
      assert.match(planned, new RegExp(t.purchase), 'a purchase date is planned');
      assert.match(planned, t.termEnd);
      assert.match(planned, t.entered);
      assert.doesNotMatch(planned, t.channelUnknown, 'the channel blocker is resolved');
      await screenshot(page, `plan-source-facts-1366-${lang}`);
      const violations = await seriousAccessibilityViolations(page);
      assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));

      // Undo and redo go over the edits like every other override.
      await page.evaluate(() => document.activeElement?.blur());
      await page.getByTestId('undo').click();
      await page.waitForFunction(() => document.querySelector('[data-testid="origin-billing"]')?.dataset.origin !== 'user');
      await page.getByTestId('redo').click();
      await page.waitForFunction(() => document.querySelector('[data-testid="origin-billing"]')?.dataset.origin === 'user');

      // A reload keeps them.
      await page.waitForSelector('[data-testid="draft-status"][data-state="saved"]', { timeout: 10_000 });
      await page.reload();
      await waitForApp(page);
      await page.getByTestId('plan-line').first().waitFor();
      await selectBusinessPremium(page);
      assert.equal(await page.getByTestId('source-term-end').inputValue(), '2027-07-31');
      for (const field of ['term-end', 'channel', 'auto-renew', 'term', 'billing']) {
        assert.equal(await origin(page, field), 'user', `${field} after a reload`);
      }
      assert.match(await details.innerText(), new RegExp(t.purchase));

      await page.setViewportSize({ width: 390, height: 844 });
      await page.getByTestId('source-facts').scrollIntoViewIfNeeded();
      await screenshot(page, `plan-source-facts-390-${lang}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `no sideways scrolling at 390 px (${overflow} px)`);
      assert.deepEqual(record.foreignRequests, [], 'requests to another origin');
      assert.deepEqual(record.pageErrors, [], 'uncaught errors in the page');
    } finally {
      await context.close();
    }
  });
}
