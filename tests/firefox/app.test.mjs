// The app in Firefox (Debian's firefox-esr over WebDriver BiDi): the start screen
// in both languages, the demo plan, one fixture of each import format, a draft
// surviving a reload, and every export downloaded and read back with a real reader.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import ICAL from 'ical.js';
import {
  useFirefoxAndServer, openPage, waitForApp, byTestId, click, text, waitForText, noErrors, download, screenshot,
} from './harness.mjs';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const fixture = (name) => join(root, 'tests', 'fixtures', 'import', name);

const shared = useFirefoxAndServer();

async function openApp() {
  const session = await openPage(shared.browser, shared.server);
  await session.page.goto(shared.server.url);
  await waitForApp(session.page);
  return session;
}

async function openDemo(page) {
  await click(page, 'open-demo');
  await page.waitForSelector(byTestId('plan-summary'));
  await page.waitForSelector(byTestId('plan-line'));
}

test('Firefox: the start screen in English and French, the language kept across a reload', async () => {
  const { context, page, record } = await openApp();
  try {
    assert.match(await text(page, byTestId('new-plan')), /New plan/);
    assert.match(await text(page, byTestId('open-demo')), /Open the demo plan/);
    assert.equal(await page.$eval('html', (html) => html.lang), 'en');
    await page.select(byTestId('lang-switch'), 'fr');
    await waitForText(page, byTestId('new-plan'), /Nouveau plan/);
    await page.reload();
    await waitForApp(page);
    await waitForText(page, byTestId('new-plan'), /Nouveau plan/);
    assert.equal(await page.$eval('html', (html) => html.lang), 'fr');
    assert.match(await text(page, 'footer'), /Vos données restent dans ce navigateur/);
    await screenshot(page, 'start-fr');
    assert.deepEqual(record.consoleErrors, []);
    noErrors(record, assert);
  } finally {
    await context.close();
  }
});

test('Firefox: the demo plan, and a draft that survives a reload', async () => {
  const { context, page, record } = await openApp();
  try {
    await openDemo(page);
    const lines = await page.$$eval(byTestId('plan-line'), (rows) => rows.length);
    assert.ok(lines >= 10, `the demo plan has its lines (${lines})`);
    await screenshot(page, 'demo-plan');
    await click(page, 'nav-customer');
    await page.locator(byTestId('customer-name')).fill('Contoso Firefox');
    await page.waitForSelector('[data-testid="draft-status"][data-state="saved"]', { timeout: 10_000 });
    await page.reload();
    await waitForApp(page);
    await page.waitForSelector(byTestId('customer-name'));
    assert.equal(await page.$eval(byTestId('customer-name'), (input) => input.value), 'Contoso Firefox');
    await page.locator('nav.steps .back').click();
    await page.waitForSelector(byTestId('draft-item'));
    assert.match(await text(page, byTestId('draft-item')), /Contoso Firefox/);
    noErrors(record, assert);
  } finally {
    await context.close();
  }
});

// One fixture of each format, with what it holds (tests/import_formats.rs checks the same natively).
const FORMATS = [
  ['planner-template.csv', 'Planner template', 3],
  ['template-unicode-text-utf16le.txt', 'Planner template', 2],
  ['planner-template-libreoffice.xlsx', 'Planner template', 3],
  ['workbook-two-sheets.xlsx', 'Planner template', 2],
  ['graph-subscribedSkus.json', 'Microsoft Graph subscribedSkus (JSON)', 3],
  ['graph-directory-subscriptions.json', 'Microsoft Graph directory/subscriptions (JSON)', 3],
  ['partner-center-subscriptions.json', 'Partner Center subscriptions (JSON)', 3],
  ['partner-center-subscription-single.json', 'Partner Center subscriptions (JSON)', 1],
  ['partner-center-export.csv', 'Partner Center subscription export (CSV)', 3],
  ['nce-bulk-subscriptions.csv', 'New-commerce bulk migration tool subscriptions.csv', 4],
  ['powershell-mg-subscribedsku.csv', 'PowerShell Get-MgSubscribedSku / Get-AzureADSubscribedSku (Export-Csv)', 3],
  ['powershell-azuread-subscribedsku.csv', 'PowerShell Get-MgSubscribedSku / Get-AzureADSubscribedSku (Export-Csv)', 3],
  ['powershell-msol-accountsku.csv', 'PowerShell Get-MsolAccountSku (Export-Csv)', 2],
  ['cipp-license-report.csv', 'CIPP license report (CSV)', 3],
];

test('Firefox: one file of each import format is recognised and imported', async () => {
  const { context, page, record } = await openApp();
  try {
    for (const [name, format, expected] of FORMATS) {
      await click(page, 'new-plan');
      const input = await page.waitForSelector(byTestId('file-input'));
      await input.uploadFile(fixture(name));
      await page.waitForSelector(byTestId('import-report'), { timeout: 30_000 });
      const recognised = await page.$eval('[data-testid="import-file"] [data-testid="format-select"]', (select) => select.options[select.selectedIndex].text);
      assert.equal(recognised, `Recognised: ${format}`, name);
      const imported = Number((await text(page, byTestId('count-imported'))).replace(/\D/g, ''));
      assert.equal(imported, expected, name);
      await page.locator('nav.steps .back').click();
      await page.waitForSelector(byTestId('drafts-list'));
    }
    noErrors(record, assert);
  } finally {
    await context.close();
  }
});

test('Firefox: every export is downloaded and reads back', async () => {
  const { context, page, record } = await openApp();
  try {
    await openDemo(page);
    await click(page, 'nav-export');
    await page.waitForSelector(byTestId('export-report'));
    await screenshot(page, 'export');

    const csv = await download(page, 'export-csv');
    assert.match(csv.name, /^migration-plan-contoso-renovation-sas-\d{4}-\d{2}-\d{2}\.csv$/);
    assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte order mark');
    const parsed = Papa.parse(csv.bytes.toString('utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
    assert.deepEqual(parsed.errors, []);
    assert.deepEqual(parsed.meta.fields.slice(0, 3), ['Customer', 'Subscription ID', 'Product']);
    assert.ok(parsed.data.length >= 10, `${parsed.data.length} plan lines`);

    const json = await download(page, 'export-json');
    assert.match(json.name, /\.json$/);
    const exported = JSON.parse(json.bytes.toString('utf8'));
    assert.equal(exported.customers[0].name, 'Contoso Rénovation SAS');
    assert.deepEqual(exported.draft.draft.input.subscriptions.map((line) => line.subscription_id).sort(),
      parsed.data.map((row) => row['Subscription ID']).sort(), 'the JSON holds the lines the CSV has');

    const markdown = await download(page, 'export-md');
    assert.match(markdown.bytes.toString('utf8'), /^# Migration plan: Contoso Rénovation SAS/);

    const calendar = await download(page, 'export-ics');
    const vcalendar = new ICAL.Component(ICAL.parse(calendar.bytes.toString('utf8')));
    assert.ok(vcalendar.getAllSubcomponents('vevent').length >= 1, 'the calendar has events');

    await page.select(byTestId('letter-language'), 'fr');
    const letter = await download(page, 'export-letter-download');
    assert.match(letter.name, /^lettre-client-contoso-renovation-sas-\d{4}-\d{2}-\d{2}\.md$/, 'named in the letter\'s language');
    assert.match(letter.bytes.toString('utf8'), /Ce que nous vous demandons/);

    // The printed report (the export step's "Print" runs window.print(), which a test
    // cannot drive): Firefox's own PDF of the page for print, read back by pdftotext.
    const dir = await mkdtemp(join(tmpdir(), 'planner-firefox-pdf-'));
    try {
      const pdfPath = join(dir, 'report.pdf');
      // Printing lays the page out for print media (style/print.css), as the browser's print does.
      await writeFile(pdfPath, await page.pdf({ format: 'A4', printBackground: true }));
      const printed = execFileSync('/usr/bin/pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
      assert.match(printed, /Migration plan: Contoso Rénovation SAS/);
      assert.match(printed, /14 subscriptions in the plan/);
      assert.doesNotMatch(printed, /Export draft|English|Your data stays in this browser/, 'no app controls on paper');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }

    const draft = await download(page, 'draft-export');
    assert.deepEqual(JSON.parse(draft.bytes.toString('utf8')).draft, exported.draft.draft, 'the drafts bar exports the same draft');
    noErrors(record, assert);
  } finally {
    await context.close();
  }
});
