// Local storage in Firefox, whose quota (5 MiB an origin) is smaller than
// Chromium's: the warning above 80% of it, a save refused by the real quota
// (said so, the saved version intact, saved again once there is room), and a
// draft of 20,000 subscriptions that fits and comes back after a reload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateTemplateCsv } from '../bench/generate.mjs';
import { useFirefoxAndServer, openPage, waitForApp, byTestId, click, text, waitForText, noErrors, screenshot } from './harness.mjs';

const DRAFT_PREFIX = 'csp-planner.draft.';
const shared = useFirefoxAndServer();

async function openApp() {
  const session = await openPage(shared.browser, shared.server);
  await session.page.goto(shared.server.url);
  await waitForApp(session.page);
  return session;
}

const storedDrafts = (page) => page.evaluate((prefix) => Object.fromEntries(
  Object.keys(localStorage).filter((key) => key.startsWith(prefix)).map((key) => [key, localStorage.getItem(key)])), DRAFT_PREFIX);

async function waitSaved(page) {
  await page.waitForSelector('[data-testid="draft-status"][data-state="saved"]', { timeout: 30_000 });
}

test('Firefox: above 80% of the quota a warning; past it, the save is refused and said so, then made once there is room', async () => {
  const { context, page, record } = await openApp();
  try {
    await click(page, 'open-demo');
    await click(page, 'nav-customer');
    await page.locator(byTestId('customer-name')).fill('Contoso Before Full');
    await waitSaved(page);
    const saved = await storedDrafts(page);

    // Other data of the origin filling about 84% of 5 MiB: a warning after a reload.
    await page.evaluate(() => localStorage.setItem('someone-else', 'x'.repeat(2_200_000)));
    await page.reload();
    await waitForApp(page);
    await page.waitForSelector(byTestId('storage-warning'));
    assert.match(await text(page, byTestId('storage-warning')), /Saved drafts use \d\d% of this browser’s storage/);
    await page.select(byTestId('lang-switch'), 'fr');
    await waitForText(page, byTestId('storage-warning'), /occupent \d\d % de l’espace de stockage .*\d,\d sur environ 5,0 Mio/);
    await screenshot(page, 'quota-warning-fr');
    await page.select(byTestId('lang-switch'), 'en');

    // Fill what is left with other data, as Firefox itself measures it: the next save does not fit.
    const filled = await page.evaluate(() => {
      let low = 0;
      let high = 6_000_000;
      while (high - low > 1) {
        const middle = Math.floor((low + high) / 2);
        try {
          localStorage.setItem('someone-else-2', 'y'.repeat(middle));
          low = middle;
        } catch (error) {
          if (error.name !== 'QuotaExceededError') throw error;
          high = middle;
        }
      }
      localStorage.setItem('someone-else-2', 'y'.repeat(low));
      let units = 0;
      for (const key of Object.keys(localStorage)) units += key.length + localStorage.getItem(key).length;
      return { low, units };
    });
    assert.ok(filled.low > 0, 'some room was left to fill');
    // Firefox counts its 5 MiB quota in UTF-16 units: twice the bytes the app assumes (src/draft/size.rs).
    assert.equal(filled.units, 5 * 1024 * 1024, 'the origin\'s storage is full to the last unit');
    // A longer name that deflate cannot shrink: the stored draft grows by a few hundred bytes.
    let seed = 7;
    const noise = Array.from({ length: 400 }, () => { seed = (seed * 48271) % 2147483647; return String.fromCharCode(97 + (seed % 26)); }).join('');
    await page.locator(byTestId('customer-name')).fill(`Contoso After Full ${noise}`);
    await page.waitForSelector('[data-testid="draft-status"][data-state="failed"]', { timeout: 10_000 });
    assert.equal(await text(page, byTestId('draft-status')), 'Not saved');
    const message = await text(page, byTestId('error-banner'));
    assert.match(message, /could not be saved: this browser’s storage for the app is full/);
    assert.match(message, /The version saved before is intact/);
    assert.deepEqual(await storedDrafts(page), saved, 'the previous version is intact');
    await screenshot(page, 'quota-exceeded');

    // Room again: the next change is saved.
    await page.evaluate(() => { localStorage.removeItem('someone-else'); localStorage.removeItem('someone-else-2'); });
    await page.locator(byTestId('customer-name')).fill('Contoso After Room');
    await waitSaved(page);
    const draft = Object.values(await storedDrafts(page))[0];
    assert.match(draft, /Contoso After Room/);
    noErrors(record, assert);
  } finally {
    await context.close();
  }
});

test('Firefox: a draft of 20,000 subscriptions fits in the quota and comes back after a reload', async () => {
  const { context, page, record } = await openApp();
  try {
    await click(page, 'new-plan');
    const input = await page.waitForSelector(byTestId('file-input'));
    // Puppeteer gives files by path: the generated export goes through a temporary file.
    const dir = await mkdtemp(join(tmpdir(), 'planner-20000-'));
    const path = join(dir, 'subscriptions-20000.csv');
    await writeFile(path, generateTemplateCsv(20_000));
    try {
      await input.uploadFile(path);
      await page.waitForSelector(byTestId('import-report'), { timeout: 120_000 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    await waitForText(page, byTestId('count-imported'), /20[ ,.\u202f\u00a0]?000/, 60_000);
    await waitSaved(page);
    const stored = await storedDrafts(page);
    const [[key, value]] = Object.entries(stored);
    const bytes = 2 * (key.length + value.length);
    assert.ok(bytes < 0.8 * 5 * 1024 * 1024, `the draft takes ${bytes} bytes, under the warning line`);
    assert.equal(await page.$(byTestId('storage-warning')), null);

    await page.reload();
    await waitForApp(page);
    await page.waitForSelector('nav.steps .back', { timeout: 60_000 });
    await page.locator('nav.steps .back').click();
    await page.waitForSelector(byTestId('draft-item'));
    assert.match(await text(page, byTestId('draft-item')), /\b20,?000 subscriptions/);
    assert.deepEqual(await storedDrafts(page), stored, 'reopening it changed nothing');
    noErrors(record, assert);
  } finally {
    await context.close();
  }
});
