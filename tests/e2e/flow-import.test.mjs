// The first steps of the planner in a real browser: files uploaded through the
// file input (a Graph JSON pair, a French `;` CSV mapped through the column
// mapper, an .xlsx and the choice of its sheet, a broken JSON), the review step, the customer and partner
// step, in English and French; a pasted table; an injected product name that
// must stay text; a newer licensing table replacing the catalog; the longest
// main-thread task while importing large files; no other-origin request; axe.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { useBrowserAndServer, openContext, waitForApp, seriousAccessibilityViolations, screenshot } from './harness.mjs';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const fixture = (name) => join(root, 'tests', 'fixtures', 'import', name);

const UPLOAD = [
  'graph-subscribedSkus.json',
  'graph-directory-subscriptions.json',
  'french-handmade-cp1252.csv',
  'workbook-two-sheets.xlsx',
  'graph-truncated.json',
].map(fixture);

const shared = useBrowserAndServer();

/** A pasted range of the planner's template: tab-separated, as Excel copies cells. */
function templateRange(rows) {
  const header = ['product', 'sku_part_number', 'seats_total', 'seats_assigned', 'term_end', 'channel'];
  return [header, ...rows].map((cells) => cells.join('\t')).join('\n') + '\n';
}

async function openApp(locale) {
  const { context, record } = await openContext(shared.browser, shared.server.origin, { locale });
  const page = await context.newPage();
  const dialogs = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await page.goto(shared.server.url);
  await waitForApp(page);
  return { context, record, page, dialogs };
}

async function newPlan(page) {
  await page.getByTestId('new-plan').click();
  await page.getByTestId('file-input').waitFor({ state: 'attached' });
}

async function assertAccessible(page, where) {
  const violations = await seriousAccessibilityViolations(page);
  assert.deepEqual(violations, [], `${where}: ${JSON.stringify(violations, null, 2)}`);
}

async function counts(page) {
  const read = async (id) => Number((await page.getByTestId(id).innerText()).replace(/\D/g, ''));
  return {
    read: await read('count-read'), imported: await read('count-imported'),
    warnings: await read('count-warnings'), rejected: await read('count-rejected'),
  };
}

const texts = {
  en: {
    invalidJson: /graph-truncated\.json[\s\S]*This JSON file is invalid at line \d+, column \d+/,
    mapperTitle: /Which column holds what in french-handmade-cp1252\.csv/,
    market: /CSP market: Europe/, sameMarket: /both in the Europe CSP market/,
    otherMarket: /United States/,
  },
  fr: {
    invalidJson: /graph-truncated\.json[\s\S]*Ce fichier JSON est invalide ligne \d+, colonne \d+/,
    mapperTitle: /Que contient chaque colonne de french-handmade-cp1252\.csv/,
    market: /Marché CSP : Europe/, sameMarket: /tous deux dans le marché CSP Europe/,
    otherMarket: /États-Unis/,
  },
};

for (const [lang, locale] of [['en', 'en-US'], ['fr', 'fr-FR']]) {
  test(`import, review and customer steps with uploaded files (${lang})`, async () => {
    const { context, record, page, dialogs } = await openApp(locale);
    const t = texts[lang];
    try {
      await newPlan(page);
      await screenshot(page, `flow-import-${lang}`);
      await assertAccessible(page, `import step (${lang})`);

      await page.getByTestId('file-input').setInputFiles(UPLOAD);
      await page.getByTestId('import-report').waitFor();
      await screenshot(page, `flow-review-${lang}`);
      await assertAccessible(page, `review step (${lang})`);

      // Every file is listed with its format; the broken JSON says where it breaks,
      // and what the other files gave is kept.
      assert.equal(await page.getByTestId('import-file').count(), UPLOAD.length);
      const issues = await page.getByTestId('import-issue').allInnerTexts();
      assert.match(issues.join('\n'), t.invalidJson);
      const before = await counts(page);
      assert.ok(before.imported >= 5, `Graph and Excel rows imported: ${JSON.stringify(before)}`);

      // The French hand-made table goes through the column mapper.
      const mapper = page.getByTestId('column-mapper');
      await mapper.waitFor();
      assert.match(await mapper.innerText(), t.mapperTitle);
      await page.getByTestId('mapping-confirm').click();
      await page.getByTestId('column-mapper').waitFor({ state: 'detached' });
      const after = await counts(page);
      assert.ok(after.imported >= before.imported + 4, `mapped rows imported: ${JSON.stringify(after)}`);
      const frenchRow = page.getByTestId('import-file').filter({ hasText: 'french-handmade-cp1252.csv' });
      assert.match(await frenchRow.innerText(), /\b4 (imported|importées)/);

      // Overriding a file's format re-imports that file.
      const xlsxRow = page.getByTestId('import-file').filter({ hasText: 'workbook-two-sheets.xlsx' });
      await xlsxRow.getByTestId('format-select').selectOption('mapped-table');
      await page.waitForTimeout(200);
      await xlsxRow.getByTestId('format-select').selectOption('');

      // Where the files did not say the channel, one choice sets them all.
      if (await page.getByTestId('channels').count()) {
        await page.getByTestId('channel-all').selectOption('direct');
        await page.getByTestId('channel-all-apply').click();
        const selects = page.getByTestId('channel-select');
        for (const value of await selects.evaluateAll((nodes) => nodes.map((node) => node.value))) {
          assert.notEqual(value, 'unknown');
        }
      }
      await screenshot(page, `flow-review-mapped-${lang}`);

      // Customer and partner.
      await page.getByTestId('step-next').click();
      await page.getByTestId('customer-country').waitFor();
      await assertAccessible(page, `customer step (${lang})`);
      await page.getByTestId('customer-name').fill('Contoso');
      await page.getByTestId('customer-country').selectOption('FR');
      assert.match(await page.getByTestId('customer-country-market').innerText(), t.market);
      await page.getByTestId('partner-country').selectOption('US');
      assert.match(await page.getByTestId('partner-country').locator('option:checked').innerText(), t.otherMarket);
      assert.match(await page.getByTestId('region-check').innerText(), /Europe/);
      await page.getByTestId('partner-country').selectOption('DE');
      assert.match(await page.getByTestId('region-check').innerText(), t.sameMarket);
      await page.getByTestId('partner-name').fill('Northwind Cloud');
      await page.getByTestId('billing-indirect').check();
      await page.getByTestId('mca-accepted').check();
      await page.getByTestId('relationship').selectOption('accepted');
      await page.getByTestId('gdap').selectOption('active');
      await page.getByTestId('role-license-admin').check();
      await page.getByTestId('as-of').fill('2026-05-04');
      await page.getByTestId('acceptance-days').fill('10');
      await page.getByTestId('acceptance-days').dispatchEvent('change');
      assert.equal(await page.getByTestId('as-of').inputValue(), '2026-05-04');
      await screenshot(page, `flow-customer-${lang}`);
      await assertAccessible(page, `customer step, filled (${lang})`);

      // The partner profile is remembered: a new plan starts with it.
      await page.getByRole('button', { name: lang === 'en' ? 'All drafts' : 'Tous les brouillons' }).click();
      await newPlan(page);
      await page.getByTestId('paste-input').fill(templateRange([['Office 365 E3', 'ENTERPRISEPACK', '10', '8', '2026-09-30', 'direct']]));
      await page.getByTestId('paste-import').click();
      await page.getByTestId('import-report').waitFor();
      await page.getByTestId('nav-customer').click();
      await page.getByTestId('partner-country').waitFor();
      assert.equal(await page.getByTestId('partner-country').inputValue(), 'DE');
      assert.equal(await page.getByTestId('partner-name').inputValue(), 'Northwind Cloud');
      assert.ok(await page.getByTestId('billing-indirect').isChecked());
      assert.equal(await page.getByTestId('relationship').inputValue(), 'accepted');
      assert.equal(await page.getByTestId('gdap').inputValue(), 'active');

      assert.deepEqual(dialogs, []);
      assert.deepEqual(record.foreignRequests, [], 'requests to another origin');
      assert.deepEqual(record.pageErrors, [], 'uncaught errors in the page');
    } finally {
      await context.close();
    }
  });
}

test('a product named like HTML is shown as text and runs nothing', async () => {
  const { context, record, page, dialogs } = await openApp('en-US');
  try {
    await newPlan(page);
    const injected = '<img src=x onerror=alert(1)>';
    await page.getByTestId('paste-input').fill(templateRange([
      [injected, 'ENTERPRISEPACK', '5', '5', '2026-09-30', ''],
      ['Office 365 E3', 'ENTERPRISEPACK', 'abc', '2', '2026-09-30', ''],
    ]));
    await page.getByTestId('paste-import').click();
    await page.getByTestId('import-report').waitFor();
    await page.getByText(injected, { exact: true }).first().waitFor();
    assert.equal(await page.locator('img[src="x"]').count(), 0, 'no element was made from the name');
    await page.waitForTimeout(300);
    assert.deepEqual(dialogs, [], 'no script ran');
    assert.ok(!record.requests.some((url) => new URL(url).pathname.endsWith('/x')), 'the image was never requested');
    await screenshot(page, 'flow-injection');
    assert.deepEqual(record.foreignRequests, []);
    assert.deepEqual(record.pageErrors, []);
  } finally {
    await context.close();
  }
});

test('a workbook of two sheets: the second sheet is chosen and its rows replace the first sheet\'s', async () => {
  const { context, record, page } = await openApp('en-US');
  try {
    await newPlan(page);
    await page.getByTestId('file-input').setInputFiles(fixture('workbook-two-sheets.xlsx'));
    await page.getByTestId('import-report').waitFor();
    const row = page.getByTestId('import-file').filter({ hasText: 'workbook-two-sheets.xlsx' });
    const select = row.getByTestId('sheet-select');
    assert.deepEqual(await select.locator('option').allInnerTexts(), ['Abonnements', 'Licences FR']);
    assert.equal(await select.inputValue(), 'Abonnements', 'the first sheet with cells is read first');
    assert.match(await row.innerText(), /sheet Abonnements[\s\S]*2 read, 2 imported/);
    assert.equal(await page.getByLabel('Sheet to read in workbook-two-sheets.xlsx').count(), 1, 'the select is labelled');

    await select.selectOption('Licences FR');
    // The French sheet matches no known export: its rows come through the column mapper.
    const mapper = page.getByTestId('column-mapper');
    await mapper.waitFor();
    const mapperText = await mapper.innerText();
    assert.match(mapperText, /\(Licences FR\)/);
    assert.match(mapperText, /Licences attribuées/);
    assert.match(mapperText, /Microsoft 365 E5/);
    await page.getByTestId('mapping-confirm').click();
    await mapper.waitFor({ state: 'detached' });
    assert.match(await row.innerText(), /sheet Licences FR[\s\S]*2 read, 2 imported/);
    assert.equal(await row.getByTestId('sheet-select').inputValue(), 'Licences FR');
    const totals = await counts(page);
    assert.deepEqual([totals.read, totals.imported, totals.rejected], [2, 2, 0], JSON.stringify(totals));
    // Only the second sheet's subscriptions are in the plan now.
    const products = (await page.getByTestId('channel-row').allInnerTexts()).join('\n');
    assert.match(products, /Microsoft 365 E5/);
    assert.match(products, /Power BI Pro/);
    assert.doesNotMatch(products, /Office 365 E3/);
    await screenshot(page, 'flow-review-sheet-picker');
    await assertAccessible(page, 'review step with a sheet picker');
    assert.deepEqual(record.pageErrors, []);
  } finally {
    await context.close();
  }
});

test('a rejected row is fixed in place and imported again', async () => {
  const { context, record, page } = await openApp('en-US');
  try {
    await newPlan(page);
    const template = await readFile(fixture('planner-template.csv'), 'utf8');
    // The same template with a row that names nothing (no product, SKU or id).
    const broken = template.trimEnd() + '\nFabrikam SAS,FR,,,,,3,,P1M,monthly,,,,active,direct,,\n';
    await page.getByTestId('file-input').setInputFiles({ name: 'with-a-bad-row.csv', mimeType: 'text/csv', buffer: Buffer.from(broken) });
    await page.getByTestId('import-report').waitFor();
    const before = await counts(page);
    assert.equal(before.rejected, 1, JSON.stringify(before));
    const row = page.getByTestId('rejected-row');
    await row.getByLabel('product', { exact: true }).fill('Exchange Online (Plan 1)');
    await row.getByTestId('retry-row').click();
    await page.getByTestId('rejected-row').waitFor({ state: 'detached' });
    const after = await counts(page);
    assert.equal(after.rejected, 0, JSON.stringify(after));
    assert.equal(after.imported, before.imported + 1);
    assert.deepEqual(record.pageErrors, []);
  } finally {
    await context.close();
  }
});

test('a newer licensing table replaces the catalog, and the built-in one comes back', async () => {
  const { context, record, page } = await openApp('en-US');
  try {
    await newPlan(page);
    const status = page.getByTestId('catalog-status');
    assert.match(await status.innerText(), /Built-in copy/);

    // The template downloads from a blob: URL, with no server involved.
    const link = page.getByTestId('template-download');
    assert.match(await link.getAttribute('href'), /^blob:/);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    assert.equal(download.suggestedFilename(), 'csp-planner-template.csv');
    const template = await readFile(await download.path(), 'utf8');
    assert.match(template, /sku_part_number/);

    await page.getByTestId('file-input').setInputFiles([fixture('licensing-reference-excerpt.csv'), fixture('planner-template.csv')]);
    await page.getByTestId('import-report').waitFor();
    await page.getByTestId('nav-import').click();
    assert.match(await page.getByTestId('catalog-status').innerText(), /Loaded from licensing-reference-excerpt\.csv .*: \d+ products/);
    await screenshot(page, 'flow-import-catalog-loaded');
    await page.getByTestId('catalog-builtin').click();
    assert.match(await page.getByTestId('catalog-status').innerText(), /Built-in copy/);
    assert.deepEqual(record.pageErrors, []);
  } finally {
    await context.close();
  }
});

test('large files: progress shown, and the longest main-thread task measured', async () => {
  const { context, record, page } = await openApp('en-US');
  try {
    await newPlan(page);
    await page.evaluate(() => {
      window.__longestTask = 0;
      window.__longTasks = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          window.__longTasks += 1;
          window.__longestTask = Math.max(window.__longestTask, entry.duration);
        }
      }).observe({ type: 'longtask', buffered: false });
      window.__progress = [];
      const progress = document.querySelector('[data-testid="import-progress"]');
      new MutationObserver(() => window.__progress.push(progress.textContent)).observe(progress, { childList: true, subtree: true, characterData: true });
    });
    const header = 'customer,tenant_country,subscription_id,product,sku_part_number,sku_id,seats_total,seats_assigned,term,billing,term_start,term_end,auto_renew,status,channel,unit_price,currency';
    const rows = [header];
    for (let line = 0; line < 10_000; line += 1) {
      rows.push(`Fabrikam SAS,FR,sub-${line},Office 365 E3,ENTERPRISEPACK,6fd2c87f-b296-42f0-b197-1e91e994b900,${10 + (line % 90)},5,P1Y,annual,2025-09-01,2026-08-31,true,active,direct,20.60,EUR`);
    }
    const big = { name: 'ten-thousand-rows.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n')) };
    const reference = {
      name: 'licensing-service-plan-reference.csv', mimeType: 'text/csv',
      buffer: await readFile(join(root, 'data', 'licensing-service-plan-reference.csv')),
    };
    const started = Date.now();
    await page.getByTestId('file-input').setInputFiles([big, reference]);
    await page.getByTestId('import-report').waitFor({ timeout: 120_000 });
    const elapsed = Date.now() - started;
    const imported = (await counts(page)).imported;
    await page.getByTestId('nav-import').click();
    const catalog = await page.getByTestId('catalog-status').innerText();
    const { longest, longTasks, progress } = await page.evaluate(() => ({ longest: window.__longestTask, longTasks: window.__longTasks, progress: window.__progress }));
    assert.ok(progress.some((text) => /Reading file 1 of 2/.test(text)), `progress shown: ${JSON.stringify(progress)}`);
    // The licensing table is read in a phase of its own, before the subscriptions.
    assert.ok(progress.some((text) => /Reading Microsoft's licensing table/.test(text)), `progress shown: ${JSON.stringify(progress)}`);
    assert.ok(progress.some((text) => /Importing 1 file/.test(text)), `progress shown: ${JSON.stringify(progress)}`);
    console.log(`large import: 10,000-row CSV (${Math.round(big.buffer.length / 1024)} KB) + full licensing table: ${elapsed} ms in all, `
      + `longest main-thread task ${Math.round(longest)} ms, ${longTasks} task(s) over 50 ms; ${imported} rows imported; catalog: ${catalog}`);
    assert.equal(imported, 10_000);
    assert.match(catalog, /Loaded from licensing-service-plan-reference\.csv/);
    assert.deepEqual(record.pageErrors, []);
  } finally {
    await context.close();
  }
});

test('files dropped on the drop zone are imported; the steps fit a 390 px wide screen', async () => {
  const { context, record, page } = await openApp('fr-FR');
  try {
    await page.setViewportSize({ width: 390, height: 844 });
    await newPlan(page);
    await screenshot(page, 'flow-import-fr-390');
    const template = await readFile(fixture('planner-template.csv'), 'utf8');
    await page.evaluate((text) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([text], 'dropped-template.csv', { type: 'text/csv' }));
      const zone = document.querySelector('.drop-zone');
      zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, template);
    await page.getByTestId('import-report').waitFor();
    assert.match(await page.getByTestId('import-file').first().innerText(), /dropped-template\.csv[\s\S]*Modèle du planificateur/);
    assert.equal((await counts(page)).imported, 3);
    const wider = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(wider <= 390, `the review step fits 390 px (scroll width ${wider})`);
    await screenshot(page, 'flow-review-fr-390');
    await page.getByTestId('nav-customer').click();
    await page.getByTestId('customer-country').waitFor();
    assert.equal(await page.getByTestId('customer-country').inputValue(), 'FR', 'the tenant country comes from the file');
    assert.match(await page.getByTestId('customer-name').inputValue(), /Fabrikam SAS/);
    await screenshot(page, 'flow-customer-fr-390');
    await assertAccessible(page, 'customer step at 390 px');
    assert.deepEqual(record.foreignRequests, []);
    assert.deepEqual(record.pageErrors, []);
  } finally {
    await context.close();
  }
});

test('the demo plan opens ready to plan, with its customer and partner filled in', async () => {
  const { context, record, page } = await openApp('en-US');
  try {
    await page.getByTestId('open-demo').click();
    await page.getByTestId('nav-plan').waitFor();
    assert.equal(await page.getByTestId('nav-plan').getAttribute('aria-current'), 'step');
    await page.getByTestId('nav-customer').click();
    await page.getByTestId('customer-country').waitFor();
    assert.notEqual(await page.getByTestId('customer-country').inputValue(), '');
    assert.notEqual(await page.getByTestId('partner-country').inputValue(), '');
    assert.deepEqual(record.pageErrors, []);
  } finally {
    await context.close();
  }
});
