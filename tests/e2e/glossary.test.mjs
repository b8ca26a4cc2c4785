// The glossary in English and French: a "?" beside a term (GDAP and MCA on the
// customer step, P2P and NCE beside a transfer's path, CSP, NCE, EA, MCA and
// MOSA on the review step) opens it at that term; Escape closes it and focus
// returns to the button; no serious accessibility violation while it is open.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowserAndServer, openContext, waitForApp, seriousAccessibilityViolations, screenshot } from './harness.mjs';

const shared = useBrowserAndServer();

const texts = {
  en: { heading: 'Glossary', gdap: /GDAP — Granular delegated admin privileges/, p2p: /moves whole from the customer's current CSP partner/, ask: 'What is GDAP?' },
  fr: { heading: 'Glossaire', gdap: /GDAP — Privilèges d’administrateur délégué granulaires/, p2p: /passe entier de l’actuel partenaire CSP du client/, ask: 'Qu’est-ce que GDAP ?' },
};

for (const [lang, locale] of [['en', 'en-US'], ['fr', 'fr-FR']]) {
  const t = texts[lang];

  test(`each term opens the glossary at its entry, in a dialog Escape closes (${lang})`, async () => {
    const { context, record } = await openContext(shared.browser, shared.server.origin, { locale });
    const page = await context.newPage();
    try {
      await page.goto(shared.server.url);
      await waitForApp(page);
      await page.getByTestId('open-demo').click();
      await page.getByTestId('plan-line').first().waitFor();

      await page.getByTestId('nav-customer').click();
      const gdap = page.getByTestId('term-help-gdap');
      assert.equal(await gdap.getAttribute('aria-label'), t.ask);
      await gdap.click();
      const dialog = page.getByTestId('glossary');
      await dialog.waitFor({ state: 'visible' });
      assert.match(await dialog.innerText(), new RegExp(t.heading));
      assert.match(await dialog.innerText(), t.gdap);
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'glossary-gdap', 'focus on the entry asked about');
      const violations = await seriousAccessibilityViolations(page);
      assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
      await screenshot(page, `glossary-${lang}`);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'term-help-gdap', 'focus back on the button');

      // Beside a transfer's path: P2P.
      await page.getByTestId('nav-plan').click();
      await page.getByTestId('plan-filter').fill('NCE-BS-006');
      await page.waitForFunction(() => document.querySelector('[data-testid="plan-line"]')?.dataset.id === 'NCE-BS-006');
      await page.getByTestId('plan-line').first().locator('button').click();
      await page.getByTestId('line-details').getByTestId('term-help-p2p').click();
      await dialog.waitFor({ state: 'visible' });
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'glossary-p2p');
      assert.match(await page.locator('#glossary-p2p + dd').innerText(), t.p2p);
      await page.getByTestId('glossary-close').click();
      await dialog.waitFor({ state: 'hidden' });

      // On the review step, beside the billing accounts still to confirm: MOSA.
      await page.getByTestId('nav-review').click();
      await page.getByTestId('billing-accounts').getByTestId('term-help-mosa').click();
      await dialog.waitFor({ state: 'visible' });
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'glossary-mosa');
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      assert.deepEqual(record.pageErrors, [], 'uncaught errors in the page');
    } finally {
      await context.close();
    }
  });
}
