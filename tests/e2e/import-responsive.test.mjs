// Importing large files keeps the page responsive: a generated 10,000-row CSV
// dropped together with Microsoft's full licensing table is imported in several
// tasks with the progress painted in between (the licensing table on its own,
// then the subscriptions, then the report), the draft that follows is saved in
// steps and reloads whole, and a second drop during an import is queued and
// imported after it (English and French). The longest main-thread task is
// printed, never asserted: a slow machine must not fail a test
// (tests/bench/import-longtask.mjs measures it over several runs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { useBrowserAndServer, openContext, waitForApp } from './harness.mjs';
import { dropAndMeasure } from '../bench/import-longtask.mjs';
import { generateTemplateCsv } from '../bench/generate.mjs';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const shared = useBrowserAndServer();
const bigCsv = generateTemplateCsv(10_000);
const licensing = await readFile(join(root, 'data', 'licensing-service-plan-reference.csv'), 'utf8');
const template = await readFile(join(root, 'tests', 'fixtures', 'import', 'planner-template.csv'), 'utf8');

async function openApp(locale) {
  const { context, record } = await openContext(shared.browser, shared.server.origin, { locale });
  const page = await context.newPage();
  await page.goto(shared.server.url);
  await waitForApp(page);
  return { context, record, page };
}

const importedCount = async (page) => Number((await page.getByTestId('count-imported').innerText()).replace(/\D/g, ''));

test('10,000 rows and the licensing table: imported in steps with progress, saved in steps, reloaded whole', async () => {
  const { context, record, page } = await openApp('en-US');
  try {
    const measured = await dropAndMeasure(page, [
      { name: 'subscriptions-10000.csv', type: 'text/csv', text: bigCsv },
      { name: 'licensing-service-plan-reference.csv', type: 'text/csv', text: licensing },
    ]);
    console.log(`10,000 rows + licensing table: longest main-thread task ${measured.longest_task_ms.toFixed(0)} ms, `
      + `${measured.long_tasks} task(s) over 50 ms, drop to review ${measured.drop_to_review_ms.toFixed(0)} ms; phases: `
      + measured.phases.map((phase) => `${phase.name} ${phase.duration.toFixed(0)} ms`).join(', '));
    const said = measured.progress.map((step) => step.text);
    assert.ok(said.some((text) => /Reading file 1 of 2: subscriptions-10000\.csv/.test(text)), JSON.stringify(said));
    assert.ok(said.some((text) => /Reading Microsoft's licensing table licensing-service-plan-reference\.csv/.test(text)), JSON.stringify(said));
    assert.ok(said.some((text) => /Importing 1 file\(s\)/.test(text)), JSON.stringify(said));
    assert.ok(said.some((text) => /Preparing the import report/.test(text)), JSON.stringify(said));
    // The licensing table, the subscriptions and the draft update are separate phases, each a task of its own.
    const names = measured.phases.map((phase) => phase.name);
    for (const phase of ['import:catalog', 'import:import-files', 'import:merge', 'autosave:serialise', 'autosave:deflate', 'autosave:write']) {
      assert.ok(names.includes(phase), `phase ${phase} ran: ${names}`);
    }
    assert.ok(names.filter((name) => name === 'autosave:deflate').length > 1, 'the draft is deflated in several steps');

    assert.equal(await importedCount(page), 10_000);
    const formats = await page.getByTestId('import-file').allInnerTexts();
    assert.equal(formats.length, 2);
    assert.match(formats[0], /subscriptions-10000\.csv/, 'the report lists the files in the order dropped');
    assert.match(formats[1], /licensing-service-plan-reference\.csv/);
    assert.match(await page.getByTestId('draft-status').innerText(), /Saved/);

    await page.getByTestId('nav-import').click();
    assert.match(await page.getByTestId('catalog-status').innerText(), /Loaded from licensing-service-plan-reference\.csv/);

    // What autosave wrote in steps reads back whole.
    await page.reload();
    await waitForApp(page);
    await page.getByTestId('nav-import').click();
    await page.getByTestId('import-count').waitFor();
    assert.match(await page.getByTestId('import-count').innerText(), /10000|10,000/);
    assert.deepEqual(record.pageErrors, []);
    assert.deepEqual(record.foreignRequests, []);
  } finally {
    await context.close();
  }
});

for (const [lang, locale, queuedText] of [['en', 'en-US', /Import in progress: dropped-template\.csv will be imported right after it/], ['fr', 'fr-FR', /Import en cours : dropped-template\.csv sera importé juste après/]]) {
  test(`a second drop during an import is queued, said so, and imported after it (${lang})`, async () => {
    const { context, record, page } = await openApp(locale);
    try {
      await page.getByTestId('new-plan').click();
      await page.getByTestId('file-input').waitFor({ state: 'attached' });
      await page.evaluate(({ bigCsv, template }) => {
        const drop = (name, text) => {
          const transfer = new DataTransfer();
          transfer.items.add(new File([text], name, { type: 'text/csv' }));
          document.querySelector('.drop-zone').dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
        };
        window.__queuedSeen = '';
        const status = document.querySelector('[data-testid="import-progress"]');
        new MutationObserver(() => {
          const queued = status.querySelector('[data-testid="import-queued"]');
          if (queued) window.__queuedSeen = queued.textContent;
        }).observe(status, { childList: true, subtree: true, characterData: true });
        drop('big.csv', bigCsv);
        // The second drop comes while the first file is still being read and imported.
        setTimeout(() => drop('dropped-template.csv', template), 0);
      }, { bigCsv, template });
      await page.getByTestId('import-report').waitFor({ timeout: 120_000 });
      assert.match(await page.evaluate(() => window.__queuedSeen), queuedText);
      const files = await page.getByTestId('import-file').allInnerTexts();
      assert.equal(files.length, 2, JSON.stringify(files));
      assert.match(files[0], /big\.csv/);
      assert.match(files[1], /dropped-template\.csv/);
      assert.equal(await importedCount(page), 10_003);
      assert.deepEqual(record.pageErrors, []);
    } finally {
      await context.close();
    }
  });
}
