// The target offer of a line, chosen from ~620 catalog products, in English and
// French: the ranked equivalents first with their plans lost and gained; a
// search by name or part number; products sharing a name told apart by their
// part number (two "Visio Plan 2"); government, education, trial and
// other-region products hidden unless asked for; the label chosen is what the
// line applies.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowserAndServer, openContext, waitForApp, seriousAccessibilityViolations, screenshot } from './harness.mjs';

const shared = useBrowserAndServer();

const texts = {
  en: { ranked: 'Ranked equivalents', plans: /— \d+ plans lost, \d+ gained$/, hidden: /products for government, education, trials or other regions are hidden/, chosen: 'chosen by you' },
  fr: { ranked: 'Équivalents classés', plans: /— \d+ plans perdus, \d+ gagnés$/, hidden: /produits administration, éducation, essai ou autres régions sont masqués/, chosen: 'choisie par vous' },
};

const optionTexts = (page, group) =>
  page.getByTestId('override-target').locator(group ? `optgroup[label="${group}"] option` : 'option').allTextContents();

for (const [lang, locale] of [['en', 'en-US'], ['fr', 'fr-FR']]) {
  const t = texts[lang];

  test(`the target offer is searched, named with its part number and filtered by audience (${lang})`, async () => {
    const { context, record } = await openContext(shared.browser, shared.server.origin, { locale });
    const page = await context.newPage();
    try {
      await page.goto(shared.server.url);
      await waitForApp(page);
      await page.getByTestId('open-demo').click();
      await page.getByTestId('plan-filter').fill('DIR-E3-004');
      await page.waitForFunction(() => document.querySelector('[data-testid="plan-line"]')?.dataset.id === 'DIR-E3-004');
      await page.getByTestId('plan-line').first().locator('button').click();
      await page.getByTestId('override-target').waitFor();

      // Ranked equivalents first, each with its plans lost and gained.
      const ranked = await optionTexts(page, t.ranked);
      assert.ok(ranked.length > 0, 'ranked equivalents are listed');
      for (const label of ranked) assert.match(label, t.plans);
      assert.equal(await page.getByTestId('override-target').locator('optgroup').first().getAttribute('label'), t.ranked);

      // A search by name: the two "Visio Plan 2" products, told apart by their part numbers.
      await page.getByTestId('override-target-every').check();
      await page.getByTestId('override-target-search').fill('visio plan 2');
      await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="override-target"] option')].filter((option) => option.textContent.startsWith('Visio Plan 2 (')).length >= 2);
      const visio = (await optionTexts(page)).filter((label) => label.startsWith('Visio Plan 2 ('));
      assert.equal(new Set(visio).size, visio.length, `distinct labels: ${visio}`);

      // Government, education and trial products are hidden unless asked for.
      await page.getByTestId('override-target-search').fill('office 365 e3');
      const every = await optionTexts(page);
      await page.getByTestId('override-target-every').uncheck();
      await page.getByTestId('override-target-notes').filter({ hasText: t.hidden }).waitFor();
      const commercial = await optionTexts(page);
      assert.ok(commercial.length < every.length, `${commercial.length} < ${every.length}`);
      assert.ok(!commercial.some((label) => /GCC|Student|Faculty|Education|Trial|_GOV|EDU/i.test(label)), `${commercial}`);
      assert.ok(every.some((label) => /GCC|Student|Faculty|EDU/i.test(label)), 'shown when asked for');
      await screenshot(page, `target-picker-${lang}`);

      // The label chosen is what the line applies.
      await page.getByTestId('override-target-search').fill('spe_e5');
      const choice = (await optionTexts(page)).find((label) => label.startsWith('Microsoft 365 E5 (SPE_E5)'));
      assert.ok(choice, 'Microsoft 365 E5 is found by its part number');
      await page.getByTestId('override-target').selectOption({ label: choice });
      await page.getByTestId('line-details').getByText(t.chosen).first().waitFor();
      // The cell is the applied name, then its "adjusted" tag.
      assert.match(await page.getByTestId('plan-line').first().locator('.col-target').innerText(), /^Microsoft 365 E5(?![\d (])/);
      assert.match(await page.getByTestId('line-details').innerText(), /Microsoft 365 E5/);

      const violations = await seriousAccessibilityViolations(page);
      assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
      assert.deepEqual(record.pageErrors, [], 'uncaught errors in the page');
    } finally {
      await context.close();
    }
  });
}
