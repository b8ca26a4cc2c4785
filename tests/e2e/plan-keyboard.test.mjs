// The plan step with the keyboard and on a phone (issue 15): focus lands on the
// page heading when the demo or a draft opens; the table is one Tab stop
// (roving tabindex over the rows); Enter moves to the line's details and Escape
// back to its row; on a 390 px phone a tap on a row brings its details into view.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowserAndServer, openContext, waitForApp, screenshot } from './harness.mjs';

const shared = useBrowserAndServer();

async function openDemo(options = {}) {
  const { context, record } = await openContext(shared.browser, shared.server.origin, options);
  const page = await context.newPage();
  await page.goto(shared.server.url);
  await waitForApp(page);
  await page.getByTestId('open-demo').click();
  await page.getByTestId('plan-line').first().waitFor();
  return { context, record, page };
}

const active = (page) => page.evaluate(() => {
  const element = document.activeElement;
  return { tag: element?.tagName, id: element?.id, row: element?.closest('tr')?.dataset.rowIndex ?? null, text: element?.textContent?.slice(0, 40) };
});

for (const [lang, locale] of [['en', 'en-US'], ['fr', 'fr-FR']]) {
  test(`focus, one Tab stop, Enter to the details and Escape back (${lang})`, async () => {
    const { context, record, page } = await openDemo({ locale, viewport: { width: 1366, height: 900 } });
    try {
      await page.waitForFunction(() => document.activeElement?.matches('.step-body h1'));
      assert.match((await active(page)).text, lang === 'en' ? /Migration plan/ : /Plan de migration/);

      await page.waitForFunction(() => document.querySelectorAll('.plan-table-scroll button[data-row-button][tabindex="0"]').length === 1);
      const stops = await page.evaluate(() => [...document.querySelectorAll('.plan-table-scroll button[data-row-button]')]
        .filter((button) => button.tabIndex >= 0).length);
      assert.equal(stops, 1, 'one row button in the Tab order');

      await page.getByTestId('plan-line').first().locator('button').focus();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await page.waitForFunction(() => document.activeElement?.closest('tr')?.dataset.rowIndex === '2');
      await page.waitForFunction(() => document.querySelector('tr[data-row-index="2"] button[data-row-button]').tabIndex === 0);
      assert.equal(await page.evaluate(() => document.querySelector('tr[data-row-index="0"] button[data-row-button]').tabIndex), -1);
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => document.activeElement?.id === 'line-details');
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => document.activeElement?.closest('tr')?.dataset.rowIndex === '2');
      // Tab from the row leaves the table at once (no stop on each row).
      await page.keyboard.press('Tab');
      assert.equal((await active(page)).row, null, 'Tab leaves the table');
      assert.deepEqual(record.pageErrors, []);
    } finally {
      await context.close();
    }
  });
}

test('on a 390 px phone a tap on a row scrolls to its details', async () => {
  const { context, record, page } = await openDemo({ locale: 'fr-FR', viewport: { width: 390, height: 844 }, hasTouch: true });
  try {
    await page.getByTestId('plan-line').nth(3).locator('button').tap();
    await page.waitForFunction(() => {
      const box = document.querySelector('#line-details').getBoundingClientRect();
      return box.top < window.innerHeight && box.bottom > 0;
    });
    await screenshot(page, 'plan-tap-details-390-fr');
    assert.deepEqual(record.pageErrors, []);
  } finally {
    await context.close();
  }
});
