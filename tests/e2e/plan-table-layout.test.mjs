// The plan table's layout (issue 15): at 1366 px no header is cut ("Fin
// d'engagemer", "Const" in French), product names are whole (on two lines) and
// the findings badges fit their column; at 390 px a row shows the path, the
// seats and the blockers with no sideways scrolling, of the page or of the table.
// A screenshot check: the test measures layout boxes and keeps the screenshots.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowserAndServer, openContext, waitForApp, screenshot } from './harness.mjs';

const shared = useBrowserAndServer();

/** Boxes of the table's headers, product names and findings cells that are shown. */
async function measure(page) {
  return page.evaluate(() => {
    const shown = (element) => element.offsetWidth > 0 && element.offsetHeight > 0;
    const box = (element) => ({
      text: element.innerText.trim(), scrollWidth: element.scrollWidth, clientWidth: element.clientWidth,
      scrollHeight: element.scrollHeight, clientHeight: element.clientHeight,
    });
    const scroller = document.querySelector('.plan-table-scroll');
    return {
      headers: [...document.querySelectorAll('.plan-table thead th')].filter(shown).map(box),
      products: [...document.querySelectorAll('.plan-table .line-product')].filter(shown).map(box),
      findings: [...document.querySelectorAll('.plan-table td.col-findings')].filter(shown).map(box),
      rowParts: [...document.querySelectorAll('.plan-table tr.plan-line')].slice(0, 3).map((row) =>
        ['.path-badge', 'td.col-seats', 'td.col-findings'].map((selector) => {
          const part = row.querySelector(selector);
          const rect = part?.getBoundingClientRect();
          return rect ? { selector, width: rect.width, right: rect.right } : { selector, width: 0, right: 0 };
        })),
      table: scroller ? { scrollWidth: scroller.scrollWidth, clientWidth: scroller.clientWidth, right: scroller.getBoundingClientRect().right } : null,
      page: { scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth },
    };
  });
}

for (const [lang, locale] of [['en', 'en-US'], ['fr', 'fr-FR']]) {
  for (const width of [1366, 390]) {
    test(`the plan table at ${width} px cuts no header, name or badge (${lang})`, async () => {
      const { context, record } = await openContext(shared.browser, shared.server.origin, { locale, viewport: { width, height: 900 } });
      const page = await context.newPage();
      try {
        await page.goto(shared.server.url);
        await waitForApp(page);
        await page.getByTestId('open-demo').click();
        await page.getByTestId('plan-line').first().waitFor();
        await page.locator('.plan-table').scrollIntoViewIfNeeded();
        await screenshot(page, `plan-table-${width}-${lang}`);
        const boxes = await measure(page);
        assert.ok(boxes.headers.length >= 4, 'headers shown');
        for (const header of boxes.headers) {
          assert.ok(header.scrollWidth <= header.clientWidth, `header "${header.text}" is cut: ${JSON.stringify(header)}`);
        }
        for (const cell of boxes.findings) {
          assert.ok(cell.scrollWidth <= cell.clientWidth, `findings cut: ${JSON.stringify(cell)}`);
        }
        assert.ok(boxes.page.scrollWidth <= boxes.page.clientWidth, `the page scrolls sideways: ${JSON.stringify(boxes.page)}`);
        if (width === 1366) {
          for (const product of boxes.products) {
            assert.ok(product.scrollHeight <= product.clientHeight + 1 && product.scrollWidth <= product.clientWidth,
              `product name cut: ${JSON.stringify(product)}`);
          }
        } else {
          assert.ok(boxes.table.scrollWidth <= boxes.table.clientWidth, `the table scrolls sideways: ${JSON.stringify(boxes.table)}`);
          for (const parts of boxes.rowParts) {
            for (const part of parts) {
              assert.ok(part.width > 0 && part.right <= boxes.table.right + 0.5, `${part.selector} not shown in the row: ${JSON.stringify(part)}`);
            }
          }
        }
        assert.deepEqual(record.pageErrors, [], 'uncaught errors in the page');
      } finally {
        await context.close();
      }
    });
  }
}
