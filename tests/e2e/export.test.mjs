// The export step: the demo plan (plus one hand-made line whose product name is a
// spreadsheet formula) exported as every document, each download captured and
// checked with a real reader: CSV parsed with Papa Parse, the .ics with ical.js,
// the JSON re-read, the printed PDF read back with pdftotext. Screenshots of the
// report and the letter in both languages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import ICAL from 'ical.js';
import { useBrowserAndServer, openContext, waitForApp, seriousAccessibilityViolations, screenshot } from './harness.mjs';

const CUSTOMER = 'Contoso Rénovation SAS';
/** The printed report of the demo plus one line on A4: 15 pages; the demo alone took 22 before it was made compact. */
const PDF_PAGES_AT_MOST = 16;
const FORMULA = '=HYPERLINK("http://evil.example/","Click me")';

/** One line in the planner's template, for the demo customer, named like a formula. */
function handMadeCsv() {
  const quoted = `"${FORMULA.replaceAll('"', '""')}"`;
  return [
    'customer,tenant_country,subscription_id,product,sku_part_number,sku_id,seats_total,seats_assigned,term,billing,term_start,term_end,auto_renew,status,channel,unit_price,currency',
    `${CUSTOMER},FR,HAND-015,${quoted},,,3,3,P1Y,monthly,,2027-06-30,true,active,direct,,`,
    '',
  ].join('\r\n');
}

const shared = useBrowserAndServer();

async function openDemoAtExport(locale = 'en-US') {
  const { context, record } = await openContext(shared.browser, shared.server.origin, { locale });
  const page = await context.newPage();
  await page.goto(shared.server.url);
  await waitForApp(page);
  await page.getByTestId('open-demo').click();
  await page.getByTestId('nav-export').waitFor();
  // The hand-made line goes in through the import step, as a user would add it.
  await page.getByTestId('nav-import').click();
  await page.getByTestId('file-input').setInputFiles({ name: 'hand-made.csv', mimeType: 'text/csv', buffer: Buffer.from(handMadeCsv()) });
  // The import step moves on to the review step once the file is read.
  await page.locator('[data-testid="nav-review"][aria-current="step"]').waitFor({ timeout: 15_000 });
  await page.getByTestId('nav-export').click();
  await page.getByTestId('export-report').getByText('HAND-015').first().waitFor();
  return { context, record, page };
}

/** Clicks a download button and returns the file's name and bytes. */
async function download(page, testId) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: await readFile(path) };
}

test('each download is a valid file that says what the plan says', async () => {
  const { context, record, page } = await openDemoAtExport();
  try {
    const report = await page.getByTestId('export-report').innerText();
    assert.match(report, /Contoso Rénovation SAS/);
    assert.match(report, /Blockers \(\d+\)/);

    // CSV: UTF-8 with BOM, the right columns, the formula neutralised; then with `;`.
    const csv = await download(page, 'export-csv');
    assert.match(csv.name, /^migration-plan-contoso-renovation-sas-\d{4}-\d{2}-\d{2}\.csv$/);
    assert.deepEqual([...csv.bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte order mark');
    const parsed = Papa.parse(csv.bytes.toString('utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
    assert.deepEqual(parsed.errors, []);
    assert.deepEqual(parsed.meta.fields.slice(0, 6), ['Customer', 'Subscription ID', 'Product', 'Channel', 'Status', 'Path']);
    for (const column of ['Seats', 'Term end', 'Buy on', 'Data at risk after', 'Rules']) assert.ok(parsed.meta.fields.includes(column), column);
    assert.equal(parsed.data.length, 15);
    const injected = parsed.data.find((row) => row['Subscription ID'] === 'HAND-015');
    assert.equal(injected?.Product, `'${FORMULA}`);
    for (const row of parsed.data) {
      for (const cell of Object.values(row)) assert.ok(!/^[=+\-@\t\r]/.test(cell), `cell ${JSON.stringify(cell)} would run as a formula`);
    }
    assert.ok(parsed.data.every((row) => row['Term end'] === '' || /^\d{4}-\d{2}-\d{2}$/.test(row['Term end'])), 'ISO dates');

    await page.getByTestId('csv-separator').selectOption('semicolon');
    const semicolon = await download(page, 'export-csv');
    const parsedSemicolon = Papa.parse(semicolon.bytes.toString('utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true, delimiter: ';' });
    assert.deepEqual(parsedSemicolon.errors, []);
    assert.equal(parsedSemicolon.data.length, 15);
    assert.equal(parsedSemicolon.data.find((row) => row['Subscription ID'] === 'HAND-015')?.Product, `'${FORMULA}`);

    // JSON: the plan schema with the draft's envelope beside it, the same draft the app holds.
    const json = await download(page, 'export-json');
    assert.match(json.name, /^migration-plan-contoso-renovation-sas-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(json.bytes.toString('utf8'));
    assert.equal(exported.schema_version, 1);
    assert.equal(exported.customers[0].name, CUSTOMER);
    assert.equal(exported.draft.schema_version, 1);
    const draft = exported.draft.draft;
    assert.equal(draft.input.customer.name, CUSTOMER);
    assert.deepEqual(draft.input.subscriptions.map((line) => line.subscription_id).sort(), parsed.data.map((row) => row['Subscription ID']).sort());
    assert.equal(draft.input.subscriptions.find((line) => line.subscription_id === 'HAND-015')?.product, FORMULA);
    // The app's own draft file (the drafts bar's export) holds the identical draft.
    const appDraft = JSON.parse((await download(page, 'draft-export')).bytes.toString('utf8'));
    assert.deepEqual(draft, appDraft.draft);
    assert.equal(exported.draft.schema_version, appDraft.schema_version);
    // A second export of the unchanged draft holds the identical draft.
    const again = JSON.parse((await download(page, 'export-json')).bytes.toString('utf8'));
    assert.deepEqual(again.draft.draft, draft);

    // Markdown: the report as text.
    const markdown = await download(page, 'export-md');
    assert.match(markdown.name, /\.md$/);
    const markdownText = markdown.bytes.toString('utf8');
    assert.match(markdownText, /^# Migration plan: Contoso Rénovation SAS/);
    assert.match(markdownText, /## Blockers/);

    // Calendar: parsed by ical.js, one event per milestone, each with a reminder.
    const calendar = await download(page, 'export-ics');
    assert.match(calendar.name, /\.ics$/);
    const icsText = calendar.bytes.toString('utf8');
    assert.ok(!icsText.replaceAll('\r\n', '').includes('\n'), 'CRLF line endings only');
    for (const line of icsText.split('\r\n')) assert.ok(Buffer.byteLength(line) <= 75, `line longer than 75 octets: ${line}`);
    const vcalendar = new ICAL.Component(ICAL.parse(icsText));
    const events = vcalendar.getAllSubcomponents('vevent');
    assert.ok(events.length >= 10, `${events.length} events`);
    const uids = new Set();
    for (const component of events) {
      const event = new ICAL.Event(component);
      assert.match(event.summary, /^Contoso Rénovation SAS/);
      assert.ok(event.startDate.isDate, 'all-day event');
      assert.ok(component.getFirstSubcomponent('valarm'), 'a reminder');
      assert.equal(component.getFirstSubcomponent('valarm').getFirstPropertyValue('trigger').toString(), '-P1D');
      assert.ok(component.getFirstPropertyValue('dtstamp'));
      uids.add(event.uid);
    }
    assert.equal(uids.size, events.length, 'unique UIDs');
    const summaries = events.map((component) => new ICAL.Event(component).summary);
    for (const milestone of ['Send the reseller relationship request', 'Turn off auto-renew', 'Buy in CSP', 'Last day to cancel', 'data is at risk']) {
      assert.ok(summaries.some((summary) => summary.includes(milestone)), milestone);
    }
    assert.ok(summaries.some((summary) => summary.includes(FORMULA)), 'the hand-made line, as text');

    // The letter downloads in the language chosen for it.
    await page.getByTestId('letter-language').selectOption('en');
    const letter = await download(page, 'export-letter-download');
    assert.match(letter.name, /^customer-letter-contoso-renovation-sas-/);
    assert.match(letter.bytes.toString('utf8'), /What we ask you to do/);

    assert.deepEqual(record.foreignRequests, [], 'requests to another origin');
    assert.deepEqual(record.pageErrors, [], 'uncaught errors in the page');
  } finally {
    await context.close();
  }
});

test('the printed report is a PDF with the customer and the first blocker, without app chrome', async () => {
  const { context, page } = await openDemoAtExport();
  try {
    const firstBlocker = (await page.locator('[data-testid="export-report"] ul.tone-blocker li').first().innerText()).trim();
    assert.ok(firstBlocker.length > 20, firstBlocker);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('header.app-header').isVisible(), false, 'no header on paper');
    assert.equal(await page.getByTestId('export-csv').isVisible(), false, 'no buttons on paper');
    assert.equal(await page.getByTestId('export-letter').isVisible(), false, 'the letter is not printed with the report');
    const dir = await mkdtemp(join(tmpdir(), 'export-pdf-'));
    const pdfPath = join(dir, 'report.pdf');
    await writeFile(pdfPath, await page.pdf({ format: 'A4', printBackground: true }));
    const text = execFileSync('/usr/bin/pdftotext', ['-layout', pdfPath, '-'], { encoding: 'utf8' });
    const squeeze = (value) => value.replace(/\s+/g, ' ').trim();
    assert.match(text, /Contoso Rénovation SAS/);
    // The blocker's first words, as pdftotext lays them out (lines may wrap).
    const words = squeeze(firstBlocker).split(' ').slice(0, 8).join(' ');
    assert.ok(squeeze(text).includes(words), `PDF lacks the first blocker: ${words}`);
    assert.ok(!/Print \/ save as PDF/.test(text), 'no button text in the PDF');
    // The running header repeats the customer on every page.
    const pageTexts = text.split('\f').filter((pageText) => pageText.trim());
    assert.ok(pageTexts.length >= 2 && pageTexts.every((pageText) => pageText.includes('Migration plan: Contoso Rénovation SAS')), 'running header on every page');
    const pages = Number(execFileSync('/usr/bin/pdfinfo', [pdfPath], { encoding: 'utf8' }).match(/Pages:\s+(\d+)/)?.[1]);
    // Compact: the demo's 15 lines took 22 pages when each cost row was a page tall.
    assert.ok(pages >= 2 && pages <= PDF_PAGES_AT_MOST, `${pages} pages`);
    // No subscription's block is split across pages: its heading and its last
    // fact (the source) are on the same page.
    const blocks = await page.locator('[data-testid="export-report"] section.keep-together').evaluateAll((sections) => sections.map((section) => {
      const facts = section.querySelectorAll('dd');
      return { heading: section.querySelector('h4, h5')?.innerText.trim(), last: facts[facts.length - 1]?.innerText.trim() };
    }));
    assert.equal(blocks.length, 15, 'one block per subscription');
    const pageLines = pageTexts.map((pageText) => pageText.split('\n').map((line) => line.trim()));
    // In reading order (not the layout), a fact's value reads as one run of words.
    const readingOrder = execFileSync('/usr/bin/pdftotext', [pdfPath, '-'], { encoding: 'utf8' }).split('\f').map(squeeze);
    for (const { heading, last } of blocks) {
      const first = pageLines.findIndex((lines) => lines.includes(heading));
      assert.ok(first >= 0, `heading ${heading} not found as a line of its own`);
      assert.ok(readingOrder[first].includes(squeeze(last)), `${heading} is split: "${last}" is not on its page ${first + 1}`);
    }

    // "Print the letter" marks the page so that the letter alone is printed; the
    // marking is what the button does around window.print(), which a test cannot drive.
    await page.emulateMedia({ media: 'screen' });
    await page.getByTestId('letter-language').selectOption('fr');
    await page.evaluate(() => document.body.setAttribute('data-print', 'letter'));
    await page.emulateMedia({ media: 'print' });
    const letterPdf = join(dir, 'letter.pdf');
    await writeFile(letterPdf, await page.pdf({ format: 'A4' }));
    const letterText = squeeze(execFileSync('/usr/bin/pdftotext', [letterPdf, '-'], { encoding: 'utf8' }));
    assert.match(letterText, /Ce que nous vous demandons/);
    assert.ok(!letterText.includes(words), 'the report is not printed with the letter');
    await page.evaluate(() => document.body.removeAttribute('data-print'));
    await page.emulateMedia({ media: 'screen' });
  } finally {
    await context.close();
  }
});

for (const ui of ['en', 'fr']) {
  test(`report and letter read in ${ui === 'en' ? 'English' : 'French'}, the letter in either language; keyboard and accessibility`, async () => {
    const { context, page } = await openDemoAtExport(ui === 'en' ? 'en-US' : 'fr-FR');
    try {
      await page.getByTestId('lang-switch').selectOption(ui);
      const report = page.getByTestId('export-report');
      await report.locator('h2', { hasText: ui === 'en' ? 'Migration plan' : 'Plan de migration' }).waitFor();
      assert.match(await report.innerText(), ui === 'en' ? /Blockers[\s\S]*Timeline[\s\S]*Checklist[\s\S]*Assumptions and estimates/ : /Points bloquants[\s\S]*Calendrier[\s\S]*Liste des étapes[\s\S]*Hypothèses et estimations/);
      assert.equal(await report.getAttribute('lang'), ui);
      // The letter's language is independent of the interface's.
      const other = ui === 'en' ? 'fr' : 'en';
      const letter = page.getByTestId('export-letter');
      for (const letterLang of [ui, other]) {
        await page.getByTestId('letter-language').selectOption(letterLang);
        await letter.locator('h2', { hasText: letterLang === 'en' ? 'Moving your Microsoft 365 subscriptions' : 'Transfert de vos abonnements Microsoft 365' }).waitFor();
        assert.equal(await letter.getAttribute('lang'), letterLang);
        assert.match(await letter.innerText(), letterLang === 'en' ? /What we ask you to do[\s\S]*What your users will notice/ : /Ce que nous vous demandons[\s\S]*Ce que vos utilisateurs remarqueront/);
        assert.match(await report.innerText(), ui === 'en' ? /Timeline/ : /Calendrier/, 'the report keeps the interface language');
        await letter.scrollIntoViewIfNeeded();
        await letter.screenshot({ path: join(process.cwd(), 'target', 'e2e', 'screenshots', `export-letter-${letterLang}-ui-${ui}.png`) }).catch(() => screenshot(page, `export-letter-${letterLang}-ui-${ui}`));
      }
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, `export-report-${ui}`);
      // The top of the step as a person first sees it (the full page is very long).
      await page.screenshot({ path: join(process.cwd(), 'target', 'e2e', 'screenshots', `export-report-${ui}-top.png`) });
      // Every control is reachable with the keyboard.
      await page.getByTestId('export-print').focus();
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'export-csv');
      await page.setViewportSize({ width: 390, height: 800 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      const wide = await page.evaluate(() => [...document.querySelectorAll('body *')]
        .filter((element) => element.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && !(element.parentElement?.getBoundingClientRect().right > document.documentElement.clientWidth + 1))
        .slice(0, 5).map((element) => `${element.tagName}.${element.className} ${element.getAttribute('data-testid') ?? ''} in ${element.parentElement?.className} ${getComputedStyle(element.parentElement).overflowX} ${element.closest('article')?.dataset.testid ?? element.closest('section')?.className}`));
      assert.ok(overflow <= 1, `the page scrolls sideways by ${overflow}px at 390px: ${wide.join(', ')}`);
      await screenshot(page, `export-report-${ui}-390`);
      await page.setViewportSize({ width: 1280, height: 800 });
      // Last, because axe-core leaves its own nodes in the page.
      assert.deepEqual(await seriousAccessibilityViolations(page), []);
    } finally {
      await context.close();
    }
  });
}

// A 1×1 PNG, as a logo file picked from disk.
const LOGO_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

for (const ui of ['en', 'fr']) {
  test(`the letter carries the partner's contact, signatory and logo from the partner profile (${ui})`, async () => {
    const { context, record } = await openContext(shared.browser, shared.server.origin, { locale: ui === 'en' ? 'en-US' : 'fr-FR' });
    const page = await context.newPage();
    try {
      await page.goto(shared.server.url);
      await waitForApp(page);
      await page.getByTestId('lang-switch').selectOption(ui);
      await page.getByTestId('open-demo').click();
      await page.getByTestId('nav-customer').click();
      const letterhead = page.getByTestId('letterhead');
      await letterhead.getByText(ui === 'en' ? 'On the customer letter' : 'Sur le courrier au client', { exact: true }).waitFor();
      await page.getByTestId('contact-name').fill('Ana Lopes');
      await page.getByTestId('contact-email').fill('ana@northwind.example');
      await page.getByTestId('contact-phone').fill('+33 6 00 00 00 00');
      await page.getByTestId('signatory-name').fill('Marc Petit');
      await page.getByTestId('signatory-role').fill(ui === 'en' ? 'Managing director' : 'Gérant');
      // Not an image: refused, said in the interface language, nothing stored.
      await page.getByTestId('partner-logo').setInputFiles({ name: 'logo.svg', mimeType: 'image/svg+xml', buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>') });
      await page.getByTestId('error-banner').getByText(ui === 'en' ? 'logo.svg is not a PNG, JPEG, GIF or WebP image' : 'logo.svg n’est pas une image PNG, JPEG, GIF ou WebP').waitFor();
      assert.equal(await page.getByTestId('partner-logo-preview').count(), 0);
      // Too large: refused with the size and the limit.
      await page.getByTestId('partner-logo').setInputFiles({ name: 'big.png', mimeType: 'image/png', buffer: Buffer.concat([LOGO_PNG, Buffer.alloc(200 * 1024)]) });
      await page.getByTestId('error-banner').getByText(ui === 'en' ? /big\.png is 201 KB; a logo may be up to 100 KB/ : /big\.png fait 201 Ko ; un logo peut faire jusqu’à 100 Ko/).waitFor();
      await page.getByTestId('partner-logo').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: LOGO_PNG });
      await page.getByTestId('partner-logo-preview').waitFor();

      await page.getByTestId('nav-export').click();
      await page.getByTestId('letter-language').selectOption(ui);
      const letter = page.getByTestId('export-letter');
      const logo = letter.getByTestId('letter-logo');
      await logo.waitFor();
      assert.match(await logo.getAttribute('src'), /^data:image\/png;base64,/);
      assert.equal(await logo.getAttribute('alt'), ui === 'en' ? 'Logo of Lumière Cloud Services' : 'Logo de Lumière Cloud Services');
      assert.ok(await logo.evaluate((image) => image.complete && image.naturalWidth === 1), 'the logo image loads');
      const text = await letter.innerText();
      assert.match(text, ui === 'en' ? /Your contact\s*Ana Lopes, ana@northwind\.example, \+33 6 00 00 00 00/ : /Votre contact\s*Ana Lopes, ana@northwind\.example, \+33 6 00 00 00 00/);
      assert.match(text, ui === 'en' ? /Marc Petit, Managing director, Lumière Cloud Services\s*$/ : /Marc Petit, Gérant, Lumière Cloud Services\s*$/);
      // The seats of a subscription read the same in every section (Power BI Pro moves with 10 of its 12).
      const counts = [...text.matchAll(/Power BI Pro \(([^)]*)\)/g)].map((match) => match[1]);
      assert.ok(counts.length >= 3 && counts.every((count) => count === counts[0]), counts.join(' | '));
      await letter.scrollIntoViewIfNeeded();
      await screenshot(page, `letter-letterhead-${ui}`);

      // The profile is remembered for the next plan, logo included.
      await page.getByTestId('nav-customer').click();
      assert.equal(await page.getByTestId('contact-name').inputValue(), 'Ana Lopes');
      await page.getByTestId('partner-logo-remove').click();
      assert.equal(await page.getByTestId('partner-logo-preview').count(), 0);
      await page.setViewportSize({ width: 390, height: 800 });
      await letterhead.scrollIntoViewIfNeeded();
      await screenshot(page, `customer-letterhead-${ui}-390`);
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1), 'no sideways scroll at 390 px');
      assert.deepEqual(record.pageErrors, []);
    } finally {
      await context.close();
    }
  });
}
