// Saved drafts: autosave and reload, the drafts list (rename, duplicate, delete and
// undo), export then import giving the very same draft, and the faults: storage
// full, storage unavailable, a damaged stored value, two tabs on one draft.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { useBrowserAndServer, openContext, waitForApp, seriousAccessibilityViolations, screenshot } from './harness.mjs';

const DRAFT_PREFIX = 'csp-planner.draft.';

const shared = useBrowserAndServer();

async function newPage(options = {}) {
  const { initScript, locale = 'en-US', context: existing } = options;
  const { context, record } = existing ?? await openContext(shared.browser, shared.server.origin, { locale });
  if (initScript && !existing) await context.addInitScript(initScript);
  const page = await context.newPage();
  await page.goto(shared.server.url);
  await waitForApp(page);
  return { context, record, page };
}

/** Opens the demo, names its customer, and waits for autosave. */
async function makeDraft(page, customer) {
  await page.getByTestId('open-demo').click();
  await page.getByTestId('nav-customer').click();
  await page.getByTestId('customer-name').fill(customer);
  await waitSaved(page);
}

async function waitSaved(page) {
  await page.waitForSelector('[data-testid="draft-status"][data-state="saved"]', { timeout: 10_000 });
}

async function backToStart(page) {
  await page.locator('nav.steps .back').click();
  await page.getByTestId('drafts-list').waitFor();
}

async function storedDrafts(page) {
  return page.evaluate((prefix) => Object.fromEntries(
    Object.keys(localStorage).filter((key) => key.startsWith(prefix)).map((key) => [key, localStorage.getItem(key)])), DRAFT_PREFIX);
}

async function downloadText(page, trigger) {
  const [download] = await Promise.all([page.waitForEvent('download'), trigger()]);
  return { name: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
}

function noErrors(record) {
  assert.deepEqual(record.foreignRequests, [], 'requests to another origin');
  assert.deepEqual(record.pageErrors, [], 'uncaught errors in the page');
}

test('autosave shows the time, a reload returns to the open draft, hiding the page saves at once', async () => {
  const { context, record, page } = await newPage();
  try {
    assert.equal(await page.getByTestId('draft-item').count(), 0);
    // A new plan is stored at its first change; the demo opens with content and is stored at once.
    await page.getByTestId('new-plan').click();
    assert.match(await page.getByTestId('draft-status').innerText(), /Not changed yet/);
    assert.deepEqual(await storedDrafts(page), {}, 'an unchanged new plan is not stored');
    await page.locator('nav.steps .back').click();
    await page.getByTestId('open-demo').click();
    await waitSaved(page);
    assert.equal(Object.keys(await storedDrafts(page)).length, 1, 'the demo is stored when it opens');
    await page.getByTestId('nav-customer').click();
    await page.getByTestId('customer-name').fill('Contoso Autosave');
    await waitSaved(page);
    assert.match(await page.getByTestId('draft-status').innerText(), /^Saved at \d\d:\d\d$/);
    assert.equal(Object.keys(await storedDrafts(page)).length, 1);
    await screenshot(page, 'drafts-status-en');

    await page.reload();
    await waitForApp(page);
    await page.getByTestId('customer-name').waitFor();
    assert.equal(await page.getByTestId('customer-name').inputValue(), 'Contoso Autosave');
    assert.equal(await page.getByTestId('nav-customer').getAttribute('aria-current'), 'step');

    // Reloading right after typing, before the 300 ms debounce: the page-hide flush saves it.
    await page.getByTestId('customer-name').fill('Contoso Flushed');
    await page.reload();
    await waitForApp(page);
    await page.getByTestId('customer-name').waitFor();
    assert.equal(await page.getByTestId('customer-name').inputValue(), 'Contoso Flushed');

    // The page becoming hidden (another tab, a closed laptop) saves at once too.
    await page.getByTestId('customer-name').fill('Contoso Hidden');
    const customerStoredWhenHidden = await page.evaluate((prefix) => {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
      document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
      const key = Object.keys(localStorage).find((candidate) => candidate.startsWith(prefix));
      return JSON.parse(localStorage.getItem(key)).summary.customer;
    }, DRAFT_PREFIX);
    assert.equal(customerStoredWhenHidden, 'Contoso Hidden');
    await page.evaluate(() => { delete document.visibilityState; });

    await page.getByTestId('lang-switch').selectOption('fr');
    await page.getByTestId('customer-name').fill('Contoso Français');
    await waitSaved(page);
    assert.match(await page.getByTestId('draft-status').innerText(), /^Enregistré à \d\d:\d\d$/);
    await screenshot(page, 'drafts-status-fr');
    assert.deepEqual(await seriousAccessibilityViolations(page), []);

    // Back to the start screen: a reload stays there.
    await backToStart(page);
    await page.reload();
    await waitForApp(page);
    await page.getByTestId('draft-item').first().waitFor();
    assert.equal(await page.getByTestId('customer-name').count(), 0);
    noErrors(record);
  } finally {
    await context.close();
  }
});

test('several drafts listed with customer, subscriptions and last change; rename, duplicate, delete and undo', async () => {
  const { context, record, page } = await newPage();
  try {
    await makeDraft(page, 'Fabrikam Lists');
    await backToStart(page);
    await makeDraft(page, 'Northwind Lists');
    await backToStart(page);
    const items = page.getByTestId('draft-item');
    assert.equal(await items.count(), 2);
    const first = await items.first().innerText();
    assert.match(first, /Northwind Lists/);
    assert.match(first, /\d+ subscriptions/);
    assert.match(first, /Last change: \d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}, \d\d:\d\d/);

    // Rename the Fabrikam draft.
    const fabrikam = items.filter({ hasText: 'Fabrikam Lists' });
    await fabrikam.getByTestId('draft-rename').click();
    await fabrikam.getByTestId('draft-rename-input').fill('Fabrikam — phase 2');
    await fabrikam.getByTestId('draft-rename-save').click();
    await items.filter({ hasText: 'Fabrikam — phase 2' }).waitFor();

    // Duplicate it.
    await items.filter({ hasText: 'Fabrikam — phase 2' }).getByTestId('draft-duplicate').click();
    await items.filter({ hasText: 'Fabrikam — phase 2 (copy)' }).waitFor();
    assert.equal(await items.count(), 3);
    assert.equal(Object.keys(await storedDrafts(page)).length, 3);
    await screenshot(page, 'drafts-list-en');
    assert.deepEqual(await seriousAccessibilityViolations(page), []);

    // Delete the copy, undo, delete again.
    const before = await storedDrafts(page);
    await items.filter({ hasText: '(copy)' }).getByTestId('draft-delete').click();
    await page.getByTestId('draft-undo').waitFor();
    assert.equal(await items.count(), 2);
    await page.getByTestId('draft-undo').click();
    await items.filter({ hasText: '(copy)' }).waitFor();
    assert.deepEqual(await storedDrafts(page), before, 'undo puts the stored value back exactly');

    // Open the renamed one: its content is there.
    await items.filter({ hasText: 'Fabrikam — phase 2' }).first().getByTestId('draft-open').click();
    await page.getByTestId('nav-customer').click();
    assert.equal(await page.getByTestId('customer-name').inputValue(), 'Fabrikam Lists');
    await backToStart(page);

    await page.getByTestId('lang-switch').selectOption('fr');
    await page.getByText(/abonnements/).first().waitFor();
    assert.match(await items.first().innerText(), /Dernière modification : (1er|\d{1,2}) (janv\.|févr\.|mars|avr\.|mai|juin|juil\.|août|sept\.|oct\.|nov\.|déc\.) \d{4}, \d\d:\d\d/);
    await screenshot(page, 'drafts-list-fr');
    await page.setViewportSize({ width: 390, height: 800 });
    await screenshot(page, 'drafts-list-390');
    noErrors(record);
  } finally {
    await context.close();
  }
});

for (const ui of ['en', 'fr']) {
  test(`each draft of the list exports the same file as "Export draft", named with the one spelling of its customer (${ui})`, async () => {
    const { context, record, page } = await newPage({ locale: ui === 'en' ? 'en-US' : 'fr-FR' });
    try {
      await page.getByTestId('lang-switch').selectOption(ui);
      await makeDraft(page, 'Société Générale Export');
      const fromBar = await downloadText(page, () => page.getByTestId('draft-export').click());
      // The plan's own JSON spells the customer the same way.
      await page.getByTestId('nav-export').click();
      const plan = await downloadText(page, () => page.getByTestId('export-json').click());
      assert.match(plan.name, /^migration-plan-societe-generale-export-\d{4}-\d\d-\d\d\.json$/);
      await backToStart(page);
      await makeDraft(page, 'Northwind Export');
      await backToStart(page);

      const item = page.getByTestId('draft-item').filter({ hasText: 'Société Générale Export' });
      const button = item.getByTestId('draft-export-item');
      assert.equal((await button.innerText()).trim(), ui === 'en' ? 'Export' : 'Exporter');
      assert.equal(await button.getAttribute('aria-label'), ui === 'en' ? 'Export “Société Générale Export” to a file' : 'Exporter « Société Générale Export » dans un fichier');
      const fromList = await downloadText(page, () => button.click());
      assert.equal(fromList.name, fromBar.name);
      assert.match(fromList.name, /^draft-societe-generale-export-\d{4}-\d\d-\d\d\.json$/);
      assert.deepEqual(JSON.parse(fromList.text).draft, JSON.parse(fromBar.text).draft, 'the same draft as the bar exports');
      // The other draft exports its own content.
      const other = await downloadText(page, () => page.getByTestId('draft-item').filter({ hasText: 'Northwind Export' }).getByTestId('draft-export-item').click());
      assert.equal(JSON.parse(other.text).draft.input.customer.name, 'Northwind Export');
      // The last change in words, in the interface language.
      assert.match(await item.innerText(), ui === 'en'
        ? /Last change: \d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}, \d\d:\d\d/
        : /Dernière modification : (1er|\d{1,2}) (janv\.|févr\.|mars|avr\.|mai|juin|juil\.|août|sept\.|oct\.|nov\.|déc\.) \d{4}, \d\d:\d\d/);
      // Keyboard: the button is reached with Tab from the one before it.
      await item.getByTestId('draft-duplicate').focus();
      await page.keyboard.press('Tab');
      assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'draft-export-item');
      await screenshot(page, `drafts-export-${ui}`);
      await page.setViewportSize({ width: 390, height: 800 });
      await screenshot(page, `drafts-export-${ui}-390`);
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1), 'no sideways scroll at 390 px');
      await page.setViewportSize({ width: 1366, height: 800 });
      assert.deepEqual(await seriousAccessibilityViolations(page), []);
      noErrors(record);
    } finally {
      await context.close();
    }
  });
}

test('export a draft as a .json file and import it back: the very same draft; plan exports too; bad files explained', async () => {
  const first = await newPage();
  let exported;
  try {
    await makeDraft(first.page, 'Contoso Round-Trip');
    exported = await downloadText(first.page, () => first.page.getByTestId('draft-export').click());
    assert.match(exported.name, /^draft-contoso-round-trip-\d{4}-\d\d-\d\d\.json$/);
    const envelope = JSON.parse(exported.text);
    assert.equal(envelope.schema_version, 1);
    assert.equal(envelope.draft.input.customer.name, 'Contoso Round-Trip');
    noErrors(first.record);
  } finally {
    await first.context.close();
  }

  // Another browser profile (empty storage) imports it.
  const second = await newPage();
  const { page } = second;
  try {
    await page.getByTestId('draft-import').setInputFiles({ name: exported.name, mimeType: 'application/json', buffer: Buffer.from(exported.text) });
    await page.getByTestId('draft-status').waitFor();
    const again = await downloadText(page, () => page.getByTestId('draft-export').click());
    assert.deepEqual(JSON.parse(again.text).draft, JSON.parse(exported.text).draft, 'the imported draft is identical');
    await backToStart(page);
    assert.match(await page.getByTestId('drafts-notice').innerText(), /imported from draft-contoso-round-trip/);
    assert.equal(await page.getByTestId('draft-item').count(), 1);

    // A plan exported as JSON holds the draft's envelope under `draft`.
    const planExport = { plan: { customers: [] }, draft: JSON.parse(exported.text) };
    planExport.draft.draft.id = 'd-from-plan-export';
    await page.getByTestId('draft-import').setInputFiles({ name: 'plan.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(planExport)) });
    await page.getByTestId('draft-status').waitFor();
    await backToStart(page);
    assert.equal(await page.getByTestId('draft-item').count(), 2);

    // Not a draft, and a draft from a newer version: clear messages, nothing stored.
    const storedBefore = await storedDrafts(page);
    await page.getByTestId('draft-import').setInputFiles({ name: 'subscriptions.csv', mimeType: 'text/csv', buffer: Buffer.from('customer,product\nContoso,E3\n') });
    await page.getByTestId('error-banner').getByText(/subscriptions\.csv was not opened: it is not a draft of this app/).waitFor();
    const newer = JSON.parse(exported.text);
    newer.schema_version = 7;
    newer.app_version = '3.2.0';
    await page.getByTestId('draft-import').setInputFiles({ name: 'from-the-future.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(newer)) });
    await page.getByTestId('error-banner').getByText(/from-the-future\.json was saved by a newer version of the app \(3\.2\.0, draft format 7\)/).waitFor();
    assert.deepEqual(await storedDrafts(page), storedBefore);
    await screenshot(page, 'drafts-import-errors-en');
    noErrors(second.record);
  } finally {
    await second.context.close();
  }
});

test('storage full: a clear message, the saved version intact, "not saved"; a warning above 80% of the quota', async () => {
  const initScript = () => {
    const setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key, value) {
      if (window.__storageFull && String(key).startsWith('csp-planner.draft.')) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return setItem.call(this, key, value);
    };
  };
  const { context, record, page } = await newPage({ initScript });
  try {
    await makeDraft(page, 'Contoso Before Full');
    const saved = await storedDrafts(page);
    await page.evaluate(() => { window.__storageFull = true; });
    await page.getByTestId('customer-name').fill('Contoso After Full');
    await page.waitForSelector('[data-testid="draft-status"][data-state="failed"]');
    assert.equal(await page.getByTestId('draft-status').innerText(), 'Not saved');
    const message = await page.getByTestId('error-banner').innerText();
    assert.match(message, /could not be saved: this browser’s storage for the app is full/);
    assert.match(message, /The version saved before is intact/);
    assert.match(message, /Export the draft to a file/);
    assert.deepEqual(await storedDrafts(page), saved, 'the previous version is intact');
    await screenshot(page, 'drafts-quota-exceeded-en');

    // Space again: the next change is saved.
    await page.evaluate(() => { window.__storageFull = false; });
    await page.getByTestId('customer-name').fill('Contoso After Space');
    await waitSaved(page);

    // Other data of the origin filling 84% of 5 MiB: a warning.
    await page.evaluate(() => localStorage.setItem('someone-else', 'x'.repeat(2_200_000)));
    await page.reload();
    await waitForApp(page);
    const warning = page.getByTestId('storage-warning');
    await warning.waitFor();
    assert.match(await warning.innerText(), /Saved drafts use \d\d% of this browser’s storage/);
    await page.getByTestId('lang-switch').selectOption('fr');
    assert.match(await warning.innerText(), /occupent \d\d % de l’espace de stockage .*\d,\d sur environ 5,0 Mio/);
    await screenshot(page, 'drafts-quota-warning-fr');
    noErrors(record);
  } finally {
    await context.close();
  }
});

test('storage unavailable: the app works in memory with a banner saying nothing will be kept', async () => {
  const initScript = () => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
    });
  };
  const { context, record, page } = await newPage({ initScript });
  try {
    const banner = page.getByTestId('storage-banner');
    await banner.waitFor();
    assert.match(await banner.innerText(), /nothing will be kept after this page closes/);
    await page.getByTestId('open-demo').click();
    await page.getByTestId('nav-customer').click();
    await page.getByTestId('customer-name').fill('Contoso In Memory');
    await page.waitForSelector('[data-testid="draft-status"][data-state="memory"]');
    assert.equal(await page.getByTestId('draft-status').innerText(), 'Kept in this page only');
    await backToStart(page);
    await page.getByTestId('draft-item').filter({ hasText: 'Contoso In Memory' }).waitFor();
    await page.getByTestId('lang-switch').selectOption('fr');
    assert.match(await banner.innerText(), /rien ne sera conservé après la fermeture de cette page/);
    await screenshot(page, 'drafts-storage-unavailable-fr');
    assert.deepEqual(await seriousAccessibilityViolations(page), []);
    noErrors(record);
  } finally {
    await context.close();
  }
});

test('a damaged stored value: the app starts, lists it as damaged, never writes it, offers it for download', async () => {
  const { context, record, page } = await newPage();
  const broken = '{"schema_version":1,"app_version":"0.1.0","saved_at_ms":1,"summary":{"name":"x"},"draft":"zlib15:4000:\u4e00\u4e01';
  const newer = JSON.stringify({ schema_version: 9, app_version: '5.0.0', saved_at_ms: 1, draft: {} });
  try {
    await page.evaluate(([broken, newer]) => {
      localStorage.setItem('csp-planner.draft.d1-broken', broken);
      localStorage.setItem('csp-planner.draft.d2-future', newer);
      localStorage.setItem('csp-planner.draft.d3-garbage', 'garbage \u0000 not json');
      localStorage.setItem('csp-planner.last-open', 'd1-broken\nnav-plan');
    }, [broken, newer]);
    await page.reload();
    await waitForApp(page);
    await page.getByTestId('draft-item').first().waitFor();
    const damaged = page.locator('[data-testid="draft-item"][data-state="damaged"]');
    assert.equal(await damaged.count(), 2);
    assert.match(await damaged.first().innerText(), /Damaged draft/);
    assert.match(await damaged.first().innerText(), /kept untouched/);
    const future = page.locator('[data-testid="draft-item"][data-state="newer"]');
    assert.match(await future.innerText(), /Saved by version 5\.0\.0 of the app \(draft format 9\)/);

    const raw = await downloadText(page, () => page.locator('[data-draft-id="d1-broken"]').getByTestId('draft-download-raw').click());
    assert.equal(raw.text, broken);
    await screenshot(page, 'drafts-damaged-en');
    assert.deepEqual(await seriousAccessibilityViolations(page), []);

    // Working on other drafts never touches them.
    await makeDraft(page, 'Contoso Next To Damage');
    await backToStart(page);
    const stored = await storedDrafts(page);
    assert.equal(stored['csp-planner.draft.d1-broken'], broken);
    assert.equal(stored['csp-planner.draft.d2-future'], newer);
    assert.equal(stored['csp-planner.draft.d3-garbage'], 'garbage \u0000 not json');
    noErrors(record);
  } finally {
    await context.close();
  }
});

test('two tabs on one draft: the other tab learns of the change and the user chooses; nothing is silently overwritten', async () => {
  const a = await newPage();
  const b = await newPage({ context: a });
  try {
    await makeDraft(a.page, 'Contoso Tabs');
    // B, reloaded, returns to the draft last open in this browser: the same one.
    await b.page.reload();
    await waitForApp(b.page);
    await b.page.getByTestId('customer-name').waitFor();
    assert.equal(await b.page.getByTestId('customer-name').inputValue(), 'Contoso Tabs');

    // A saves a change: B is told through the storage event.
    await a.page.getByTestId('customer-name').fill('Contoso Tabs by A');
    await waitSaved(a.page);
    const savedByA = await storedDrafts(a.page);
    await b.page.getByTestId('draft-conflict').waitFor();
    assert.match(await b.page.getByTestId('draft-conflict').innerText(), /changed in another tab at \d\d:\d\d/);

    // B types anyway: nothing is written over A's save.
    await b.page.getByTestId('customer-name').fill('Contoso Tabs by B');
    await b.page.waitForTimeout(800);
    assert.equal(await b.page.getByTestId('draft-status').innerText(), 'Not saved: changed in another tab');
    assert.deepEqual(await storedDrafts(b.page), savedByA);
    await screenshot(b.page, 'drafts-two-tabs-conflict-en');
    assert.deepEqual(await seriousAccessibilityViolations(b.page), []);

    // B loads A's version.
    await b.page.getByTestId('conflict-reload').click();
    assert.equal(await b.page.getByTestId('customer-name').inputValue(), 'Contoso Tabs by A');
    assert.equal(await b.page.getByTestId('draft-conflict').count(), 0);

    // B changes it and saves; A is told; A keeps its own version, which replaces B's.
    await b.page.getByTestId('customer-name').fill('Contoso Tabs by B, second');
    await waitSaved(b.page);
    await a.page.getByTestId('draft-conflict').waitFor();
    await a.page.getByTestId('customer-name').fill('Contoso Tabs by A, kept');
    await a.page.getByTestId('conflict-keep').click();
    await waitSaved(a.page);
    await b.page.getByTestId('draft-conflict').waitFor();
    await b.page.getByTestId('conflict-reload').click();
    assert.equal(await b.page.getByTestId('customer-name').inputValue(), 'Contoso Tabs by A, kept');
    noErrors(a.record);
  } finally {
    await a.context.close();
  }
});
