// Add-ons and their bases (ADDON-BASE) in the built app, in English and French:
// the NCE bulk tool's file marks Audio Conferencing as an add-on of an Office 365
// E3 subscription; the add-on's row says it is one and its details name the base, and the transfer step lists the base before its add-on, both in one
// batch. A pasted Teams Phone line without any Teams licence is blocked, with
// the reason, and the checklist starts with what unblocks it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { useBrowserAndServer, openContext, waitForApp, seriousAccessibilityViolations, screenshot } from './harness.mjs';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const BULK = join(root, 'tests', 'fixtures', 'import', 'nce-bulk-subscriptions.csv');
const BASE_ID = '5f3e2d1c-0b9a-4876-a543-210fedcba987';
const ADD_ON_ID = '6a4f3e2d-1c0b-4a98-b765-43210fedcba9';

const shared = useBrowserAndServer();

const texts = {
  en: {
    addOnOf: /· add-on$/m,
    needs: /Microsoft 365 Audio Conferencing is an add-on: its users need Office 365 E3/,
    transfer: /Initiate partner-to-partner transfer/,
    noBase: /Microsoft Teams Phone Standard is an add-on and needs a licence that includes Teams/,
    unblock: /Resolve the ADDON-BASE blocker/,
    noBaseTag: /add-on without base/,
  },
  fr: {
    addOnOf: /· module$/m,
    needs: /Microsoft 365 Audio Conferencing est un module complémentaire : ses utilisateurs ont besoin de Office 365 E3/,
    transfer: /Lancer le transfert de partenaire à partenaire/,
    noBase: /Microsoft Teams Phone Standard est un module complémentaire et exige une licence qui inclut Teams/,
    unblock: /Lever le point bloquant ADDON-BASE/,
    noBaseTag: /module sans base/,
  },
};

async function openApp(locale) {
  const { context, record } = await openContext(shared.browser, shared.server.origin, { locale });
  const page = await context.newPage();
  await page.goto(shared.server.url);
  await waitForApp(page);
  return { context, record, page };
}

async function toPlan(page) {
  await page.getByTestId('nav-plan').click();
  await page.getByTestId('plan-line').first().waitFor();
}

async function showLine(page, id) {
  await page.getByTestId('plan-filter').fill(id);
  await page.waitForFunction((wanted) => {
    const rows = document.querySelectorAll('[data-testid="plan-line"]');
    return rows.length === 1 && rows[0].dataset.id === wanted;
  }, id);
  const row = page.getByTestId('plan-line').first();
  await row.locator('button').click();
  return row;
}

for (const [lang, locale] of [['en', 'en-US'], ['fr', 'fr-FR']]) {
  const t = texts[lang];

  test(`an add-on names its base, follows it in the transfer and is blocked without one (${lang})`, async () => {
    const { context, record, page } = await openApp(locale);
    try {
      await page.getByTestId('new-plan').click();
      await page.getByTestId('file-input').setInputFiles(BULK);
      await page.getByTestId('import-report').waitFor();
      await toPlan(page);

      const row = await showLine(page, ADD_ON_ID);
      assert.equal(await row.getAttribute('data-path'), 'partner_transfer');
      assert.match(await row.locator('.line-id').innerText(), t.addOnOf);
      const details = page.getByTestId('line-details');
      await details.locator('[data-rule="ADDON-BASE"]').first().waitFor();
      assert.match(await details.innerText(), t.needs);
      await screenshot(page, `add-ons-details-${lang}`);

      // The base and its add-on go in one transfer request, the base first.
      const steps = page.getByTestId('checklist').getByTestId('checklist-step');
      const transfer = (await steps.allInnerTexts()).find((text) => t.transfer.test(text));
      assert.ok(transfer, 'a transfer step');
      const baseAt = transfer.indexOf(BASE_ID);
      const addOnAt = transfer.indexOf(ADD_ON_ID);
      assert.ok(baseAt >= 0 && addOnAt > baseAt, `base before add-on in: ${transfer}`);

      const violations = await seriousAccessibilityViolations(page);
      assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
      assert.deepEqual(record.foreignRequests, [], 'requests to another origin');
      assert.deepEqual(record.pageErrors, [], 'uncaught errors in the page');
    } finally {
      await context.close();
    }
  });

  test(`a Teams Phone line with no Teams licence beside it is blocked, with its reason (${lang})`, async () => {
    const { context, page } = await openApp(locale);
    try {
      await page.getByTestId('new-plan').click();
      const table = [
        ['product', 'sku_part_number', 'seats_total', 'seats_assigned', 'term_end', 'channel'],
        ['Exchange Online (Plan 1)', 'EXCHANGESTANDARD', '5', '5', '2027-03-31', 'direct'],
        ['Microsoft Teams Phone Standard', 'MCOEV', '5', '5', '2027-03-31', 'direct'],
      ].map((cells) => cells.join('\t')).join('\n') + '\n';
      await page.getByTestId('paste-input').fill(table);
      await page.getByTestId('paste-import').click();
      await page.getByTestId('import-report').waitFor();
      await toPlan(page);

      const row = page.getByTestId('plan-line').filter({ hasText: 'Microsoft Teams Phone Standard' });
      await row.waitFor();
      assert.equal(await row.getAttribute('data-path'), 'blocked');
      assert.match(await row.innerText(), t.noBaseTag);
      await row.locator('button').click();
      assert.match(await page.getByTestId('line-details').innerText(), t.noBase);
      const first = page.getByTestId('checklist').getByTestId('checklist-step').first();
      assert.match(await first.innerText(), t.unblock);
      await screenshot(page, `add-ons-blocked-${lang}`);
    } finally {
      await context.close();
    }
  });
}
