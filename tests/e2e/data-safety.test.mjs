// Nothing the consultant does is lost, and everything is undoable (issue 15):
// a plan JSON export imports back (from the drafts list and dropped on the import
// step, where it is offered as a draft instead of going to the column mapper), a
// note typed and reloaded at once is kept, the demo survives a reload, an
// unfinished column mapping survives a reload, and undo / redo (buttons and keys,
// English and French) go back over overrides, "Reset all adjustments" (asked
// first), mapping confirmations and channel choices, sorting and filtering
// in between.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { useBrowserAndServer, openContext, waitForApp, seriousAccessibilityViolations, screenshot } from './harness.mjs';

const shared = useBrowserAndServer();
const fixtures = fileURLToPath(new URL('../fixtures/import/', import.meta.url));

async function newPage(locale = 'en-US', viewport) {
  const { context, record } = await openContext(shared.browser, shared.server.origin, viewport ? { locale, viewport } : { locale });
  const page = await context.newPage();
  await page.goto(shared.server.url);
  await waitForApp(page);
  return { context, record, page };
}

async function waitSaved(page) {
  await page.waitForSelector('[data-testid="draft-status"][data-state="saved"]', { timeout: 10_000 });
}

async function openDemo(page) {
  await page.getByTestId('open-demo').click();
  await page.getByTestId('plan-line').first().waitFor();
}

async function exportPlanJson(page) {
  await page.getByTestId('nav-export').click();
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-json').click()]);
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

async function backToStart(page) {
  await page.locator('nav.steps .back').click();
  await page.getByTestId('drafts-list').waitFor();
}

/** Leaves any text field, so the keys go to the app rather than to the field's own undo. */
async function blur(page) {
  await page.evaluate(() => document.activeElement?.blur());
}

function noErrors(record) {
  assert.deepEqual(record.foreignRequests, [], 'requests to another origin');
  assert.deepEqual(record.pageErrors, [], 'uncaught errors in the page');
}

async function assertAccessible(page, where) {
  const violations = await seriousAccessibilityViolations(page);
  assert.deepEqual(violations, [], `${where}: ${JSON.stringify(violations, null, 2)}`);
}

test('the demo survives a reload, and a plan JSON export imports back from the drafts list', async () => {
  const { context, record, page } = await newPage();
  try {
    await openDemo(page);
    await waitSaved(page);
    await page.reload();
    await waitForApp(page);
    await page.getByTestId('plan-line').first().waitFor();
    assert.equal(await page.getByTestId('nav-plan').getAttribute('aria-current'), 'step', 'the demo reopens at its step');

    const exported = await exportPlanJson(page);
    assert.match(exported.name, /^migration-plan-.*\.json$/);
    assert.ok(JSON.parse(exported.text).draft.draft.id, 'the export holds its draft');
    await backToStart(page);
    await page.getByTestId('draft-import').setInputFiles({ name: exported.name, mimeType: 'application/json', buffer: Buffer.from(exported.text) });
    await page.getByTestId('plan-line').first().or(page.getByTestId('import-report')).first().waitFor();
    assert.doesNotMatch(await page.locator('body').innerText(), /damaged draft|has no id/, 'no "damaged draft" message');
    await backToStart(page);
    assert.match(await page.getByTestId('drafts-notice').innerText(), /imported from migration-plan-/);
    noErrors(record);
  } finally {
    await context.close();
  }
});

test('a plan JSON dropped on the import step is offered as a draft, and no empty draft is left behind', async () => {
  const { context, record, page } = await newPage();
  try {
    await openDemo(page);
    const exported = await exportPlanJson(page);
    await backToStart(page);
    // The demo is saved; the exported plan holds it.
    await page.getByTestId('draft-item').first().getByTestId('draft-delete').click();
    await page.getByTestId('new-plan').click();
    await page.getByTestId('file-input').waitFor();
    await page.getByTestId('file-input').setInputFiles({ name: exported.name, mimeType: 'application/json', buffer: Buffer.from(exported.text) });
    const offer = page.getByTestId('dropped-draft');
    await offer.waitFor();
    assert.match(await offer.innerText(), /is a saved draft or an exported plan \(“.+”, 14 subscriptions\)/);
    assert.equal(await page.getByTestId('column-mapper').count(), 0, 'not sent to the column mapper');
    assert.equal(await page.getByTestId('nav-import').getAttribute('aria-current'), 'step', 'still on the import step');
    await screenshot(page, 'safety-dropped-draft-en');
    await assertAccessible(page, 'import step with a dropped draft');
    await page.getByTestId('open-dropped-draft').click();
    await page.getByTestId('nav-review').and(page.locator('[aria-current="step"]')).waitFor();
    await waitSaved(page);
    await backToStart(page);
    const items = await page.getByTestId('draft-item').allInnerTexts();
    assert.equal(items.length, 1, items.join('\n---\n'));
    assert.doesNotMatch(items[0], /Untitled draft|0 subscriptions/);
    noErrors(record);
  } finally {
    await context.close();
  }
});

test('a line note typed and reloaded at once is kept; so are seats and dates', async () => {
  const { context, record, page } = await newPage();
  try {
    await openDemo(page);
    await page.getByTestId('plan-line').nth(1).locator('button').click();
    await page.getByTestId('override-seats').fill('33');
    await page.getByTestId('override-purchase').fill('2027-02-01');
    // No blur, no pause: the page-hide flush writes what the field holds.
    await page.getByTestId('override-note').fill('Call the CFO first');
    await page.reload();
    await waitForApp(page);
    await page.getByTestId('plan-line').nth(1).locator('button').click();
    await page.getByTestId('override-note').waitFor();
    assert.equal(await page.getByTestId('override-note').inputValue(), 'Call the CFO first');
    assert.equal(await page.getByTestId('override-seats').inputValue(), '33');
    assert.equal(await page.getByTestId('override-purchase').inputValue(), '2027-02-01');
    noErrors(record);
  } finally {
    await context.close();
  }
});

const undoTexts = {
  en: { undo: 'Undo', redo: 'Redo', confirm: /Reset every adjustment of this plan \(\d+\)\?/, undone: /Undone: adjustments of the plan/ },
  fr: { undo: 'Annuler', redo: 'Rétablir', confirm: /Annuler tous les ajustements de ce plan \(\d+\) \?/, undone: /Annulé : ajustements du plan/ },
};

for (const [lang, locale] of [['en', 'en-US'], ['fr', 'fr-FR']]) {
  test(`undo and redo go over overrides and "Reset all adjustments", sorting and filtering in between (${lang})`, async () => {
    const t = undoTexts[lang];
    const { context, record, page } = await newPage(locale);
    try {
      await openDemo(page);
      const undo = page.getByTestId('undo');
      const redo = page.getByTestId('redo');
      assert.equal(await undo.innerText(), t.undo);
      assert.equal(await redo.innerText(), t.redo);
      assert.ok(await undo.isDisabled(), 'nothing to undo when the demo opens');

      // "Reset all adjustments" asks first; the demo's own override goes, and Undo brings it back.
      const resetAll = page.getByTestId('reset-all-overrides');
      const label = await resetAll.innerText();
      await resetAll.click();
      const confirm = page.getByTestId('reset-all-confirm');
      assert.match(await confirm.innerText(), t.confirm);
      await screenshot(page, `safety-reset-confirm-${lang}`);
      await assertAccessible(page, `reset confirmation (${lang})`);
      await page.getByTestId('reset-all-no').click();
      assert.equal(await resetAll.innerText(), label, '"Keep them" changes nothing');
      await resetAll.click();
      await page.getByTestId('reset-all-yes').click();
      await resetAll.waitFor({ state: 'detached' });
      await undo.click();
      await resetAll.waitFor();
      assert.equal(await resetAll.innerText(), label, 'undo brings every adjustment back');
      assert.match(await page.getByTestId('undo-status').textContent(), t.undone);

      // An override, then sorting and filtering: the keys still undo and redo it.
      await page.getByTestId('plan-line').nth(1).locator('button').click();
        await page.getByTestId('override-seats').fill('40');
      await blur(page);
      await page.getByTestId('sort-seats').click();
      await page.getByTestId('plan-filter').fill('Microsoft');
      await page.getByTestId('plan-filter').fill('');
      await blur(page);
      await page.keyboard.press('Control+z');
      await page.waitForFunction(() => document.querySelector('[data-testid="override-seats"]').value === '');
      await page.keyboard.press('Control+Shift+z');
      await page.waitForFunction(() => document.querySelector('[data-testid="override-seats"]').value === '40');
      await undo.click();
      await page.waitForFunction(() => document.querySelector('[data-testid="override-seats"]').value === '');
      await redo.click();
      await page.waitForFunction(() => document.querySelector('[data-testid="override-seats"]').value === '40');
      await screenshot(page, `safety-undo-1366-${lang}`);
      noErrors(record);
    } finally {
      await context.close();
    }
  });
}

const CP1252_TABLE = 'french-handmade-cp1252.csv';

test('an unfinished column mapping survives a reload; confirming it and a channel choice are undoable', async () => {
  const { context, record, page } = await newPage();
  try {
    await page.getByTestId('new-plan').click();
    const bytes = await readFile(join(fixtures, CP1252_TABLE));
    await page.getByTestId('file-input').setInputFiles({ name: CP1252_TABLE, mimeType: 'text/csv', buffer: bytes });
    const mapper = page.getByTestId('column-mapper');
    await mapper.waitFor();
    // One column chosen by hand, then the page reloads before the mapping is confirmed.
    const first = mapper.locator('select').first();
    const suggested = await first.inputValue();
    const options = await first.locator('option').evaluateAll((nodes) => nodes.map((node) => node.value));
    const pick = options.find((value) => value !== suggested && value !== '');
    await first.selectOption(pick);
    await waitSaved(page);
    await page.reload();
    await waitForApp(page);
    await mapper.waitFor();
    assert.equal(await mapper.locator('select').first().inputValue(), pick, 'the column chosen is kept');
    assert.match(await mapper.innerText(), /french-handmade-cp1252\.csv/);
    // Back to the suggestion, undone and redone with the keys.
    await mapper.locator('select').first().selectOption(suggested);
    await blur(page);
    await page.keyboard.press('Control+z');
    await page.waitForFunction((pick) => document.querySelector('[data-testid="column-mapper"] select').value === pick, pick);
    await page.keyboard.press('Control+Shift+z');
    await page.waitForFunction((suggested) => document.querySelector('[data-testid="column-mapper"] select').value === suggested, suggested);
    await page.getByTestId('mapping-confirm').click();
    await mapper.waitFor({ state: 'detached' });
    const imported = Number(await page.getByTestId('count-imported').innerText());
    assert.ok(imported >= 4, `mapped rows imported: ${imported}`);

    // Undo brings the mapper back, redo imports again.
    await page.getByTestId('undo').click();
    await mapper.waitFor();
    await page.getByTestId('redo').click();
    await mapper.waitFor({ state: 'detached' });
    assert.equal(Number(await page.getByTestId('count-imported').innerText()), imported);

    // A channel choice, undone.
    if (await page.getByTestId('channel-select').count()) {
      const select = page.getByTestId('channel-select').first();
      const before = await select.inputValue();
      await select.selectOption(before === 'direct' ? 'ea' : 'direct');
      await blur(page);
      await page.keyboard.press('Control+z');
      await page.waitForFunction((before) => document.querySelector('[data-testid="channel-select"]').value === before, before);
    }
    await page.reload();
    await waitForApp(page);
    await page.getByTestId('import-report').waitFor();
    assert.equal(await mapper.count(), 0, 'a confirmed mapping leaves nothing pending');
    noErrors(record);
  } finally {
    await context.close();
  }
});

for (const [lang, locale, width] of [['en', 'en-US', 1366], ['fr', 'fr-FR', 1366], ['en', 'en-US', 390], ['fr', 'fr-FR', 390]]) {
  test(`the undo and redo buttons fit the planner's bar at ${width} px (${lang})`, async () => {
    const { context, record, page } = await newPage(locale, { width, height: 900 });
    try {
      await openDemo(page);
      await page.getByTestId('reset-all-overrides').click();
      await page.getByTestId('reset-all-confirm').waitFor();
      await screenshot(page, `safety-bar-${width}-${lang}`);
      const boxes = await page.evaluate(() => Object.fromEntries(['undo', 'redo', 'draft-status', 'draft-export', 'reset-all-yes', 'reset-all-no']
        .map((id) => { const box = document.querySelector(`[data-testid="${id}"]`).getBoundingClientRect(); return [id, { left: box.left, right: box.right, top: box.top, bottom: box.bottom }]; })));
      const overlap = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      for (const [id, box] of Object.entries(boxes)) {
        assert.ok(box.left >= 0 && box.right <= width, `${id} inside the ${width} px viewport: ${JSON.stringify(box)}`);
      }
      assert.ok(!overlap(boxes.undo, boxes.redo) && !overlap(boxes.redo, boxes['draft-status']), JSON.stringify(boxes));
      assert.ok(!overlap(boxes['reset-all-yes'], boxes['reset-all-no']), JSON.stringify(boxes));
      assert.ok(await page.evaluate(() => document.documentElement.scrollWidth) <= width, 'no sideways scroll');
      // Text is not clipped inside the buttons.
      for (const id of ['undo', 'redo', 'reset-all-yes', 'reset-all-no']) {
        assert.ok(await page.getByTestId(id).evaluate((node) => node.scrollWidth <= node.clientWidth + 1), `${id} not clipped`);
      }
      noErrors(record);
    } finally {
      await context.close();
    }
  });
}
