// Every blocker leads to its fix (issue 15): on the demo, the blocker of an
// unconfirmed channel opens the review step with that line's channel select
// focused, a purchase that comes too late opens the customer step's relationship
// field, an unknown product focuses the line's target select; from another step a
// button leads back to the line, its details focused. English and French.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowserAndServer, openContext, waitForApp, seriousAccessibilityViolations, screenshot } from './harness.mjs';

const shared = useBrowserAndServer();

const texts = {
  en: { channel: 'Confirm the channel', relationship: 'Set the relationship', target: 'Choose the target offer', back: /^Back to the line: / },
  fr: { channel: 'Confirmer le canal', relationship: 'Indiquer la relation', target: 'Choisir l’offre cible', back: /^Revenir à la ligne : / },
};

async function selectLine(page, id) {
  await page.getByTestId('plan-filter').fill(id);
  await page.getByTestId('plan-line').first().locator('button').first().click();
  await page.waitForFunction((wanted) => document.querySelector('[data-testid="line-details"]')?.innerText.includes(wanted), id);
}

async function activeElement(page) {
  return page.evaluate(() => ({ id: document.activeElement?.id, subscription: document.activeElement?.dataset?.subscription }));
}

async function waitFocus(page, predicate, arg) {
  await page.waitForFunction(predicate, arg, { timeout: 5_000 });
}

for (const [lang, locale] of [['en', 'en-US'], ['fr', 'fr-FR']]) {
  test(`each blocker of the demo leads to the field that resolves it, and back (${lang})`, async () => {
    const t = texts[lang];
    const { context, record } = await openContext(shared.browser, shared.server.origin, { locale });
    const page = await context.newPage();
    try {
      await page.goto(shared.server.url);
      await waitForApp(page);
      await page.getByTestId('open-demo').click();
      await page.getByTestId('plan-line').first().waitFor();
      const details = page.getByTestId('line-details');

      // An unconfirmed channel: the review step's channel of that very line.
      await selectLine(page, 'UNK-VISIO-011');
      const confirm = details.locator('[data-testid="blocker-fix"][data-fix="review-channel"]');
      assert.equal(await confirm.innerText(), t.channel);
      await screenshot(page, `plan-blocker-fix-${lang}`);
      await confirm.click();
      await page.waitForSelector('[data-testid="nav-review"][aria-current="step"]');
      await waitFocus(page, () => document.activeElement?.dataset?.subscription === 'UNK-VISIO-011');
      const back = page.getByTestId('back-to-line');
      assert.match(await back.innerText(), t.back);
      assert.match(await back.innerText(), /Visio Plan 2/);
      await screenshot(page, `plan-blocker-fix-review-${lang}`);
      const violations = await seriousAccessibilityViolations(page);
      assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
      await page.locator('[data-testid="channel-select"][data-subscription="UNK-VISIO-011"]').selectOption('direct');
      await back.click();
      await page.waitForSelector('[data-testid="nav-plan"][aria-current="step"]');
      await waitFocus(page, () => document.activeElement?.id === 'line-details');
      assert.match(await details.innerText(), /UNK-VISIO-011/, 'back on the same line');
      assert.equal(await details.locator('[data-fix="review-channel"]').count(), 0, 'the channel blocker is resolved');

      // A purchase that comes too late: the customer step's relationship field.
      await selectLine(page, 'NCE-BB-008');
      const relationship = details.locator('[data-testid="blocker-fix"][data-fix="customer-relationship"]');
      assert.equal(await relationship.innerText(), t.relationship);
      await relationship.click();
      await page.waitForSelector('[data-testid="nav-customer"][aria-current="step"]');
      await waitFocus(page, () => document.activeElement?.id === 'relationship');
      await page.getByTestId('back-to-line').click();
      await waitFocus(page, () => document.activeElement?.id === 'line-details');
      assert.match(await details.innerText(), /NCE-BB-008/);

      // An unknown product: the line's own target select.
      await selectLine(page, 'NCE-BCK-012');
      const target = details.locator('[data-testid="blocker-fix"][data-fix="line-target"]');
      assert.equal(await target.innerText(), t.target);
      await target.click();
      await waitFocus(page, () => document.activeElement?.id === 'override-target');
      assert.deepEqual(await activeElement(page), { id: 'override-target', subscription: undefined });
      assert.deepEqual(record.foreignRequests, [], 'requests to another origin');
      assert.deepEqual(record.pageErrors, [], 'uncaught errors in the page');
    } finally {
      await context.close();
    }
  });
}
