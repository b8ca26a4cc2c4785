// A Graph export names products by part number (ENTERPRISEPREMIUM) and has no
// subscription id for some SKUs, so the importer makes one up
// (ENTERPRISEPACK@graph-subscribedSkus.json:20): the line details and the
// documents show the catalog's product name and never the made-up id.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useBrowserAndServer, openContext, waitForApp, screenshot } from './harness.mjs';

const shared = useBrowserAndServer();
const FIXTURE = new URL('../fixtures/import/graph-subscribedSkus.json', import.meta.url);

for (const ui of ['en', 'fr']) {
  test(`product names instead of part numbers, no made-up ids, in the plan and the documents (${ui})`, async () => {
    const { context, record } = await openContext(shared.browser, shared.server.origin, { locale: ui === 'en' ? 'en-US' : 'fr-FR', viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    try {
      await page.goto(shared.server.url);
      await waitForApp(page);
      await page.getByTestId('lang-switch').selectOption(ui);
      await page.getByTestId('new-plan').click();
      await page.getByTestId('file-input').setInputFiles({ name: 'graph-subscribedSkus.json', mimeType: 'application/json', buffer: await readFile(FIXTURE) });
      await page.locator('[data-testid="nav-review"][aria-current="step"]').waitFor({ timeout: 15_000 });
      await page.getByTestId('nav-plan').click();
      const lines = page.getByTestId('plan-line');
      await lines.first().waitFor();
      const details = page.getByTestId('line-details');
      for (let index = 0; index < await lines.count(); index += 1) {
        await lines.nth(index).click();
        const title = (await details.locator('.details-title').innerText()).trim();
        assert.ok(!/^[A-Z0-9_]+$/.test(title), `a part number as the title: ${title}`);
        assert.ok(!(await details.innerText()).includes('@graph-subscribedSkus.json'), 'a made-up id in the details');
      }
      await screenshot(page, `product-names-plan-${ui}`);
      await page.getByTestId('nav-export').click();
      const report = await page.getByTestId('export-report').innerText();
      assert.match(report, /Office 365 E5/);
      assert.ok(!report.includes('@graph-subscribedSkus.json'), 'a made-up id in the report');
      const headings = await page.getByTestId('export-report').locator('h4').allInnerTexts();
      assert.ok(!headings.some((heading) => /ENTERPRISE(PREMIUM|PACK)/.test(heading)), headings.join(' | '));
      const letter = await page.getByTestId('export-letter').innerText();
      assert.ok(!/ENTERPRISE(PREMIUM|PACK)|@graph-subscribedSkus/.test(letter), 'a part number or made-up id in the letter');
      assert.deepEqual(record.pageErrors, []);
    } finally {
      await context.close();
    }
  });
}
