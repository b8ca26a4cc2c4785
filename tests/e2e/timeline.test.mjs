// The timeline of the demo plan, in English and French: blocked lines are drawn
// apart (a hatched band, a hollow purchase, "(blocked)" after the name, said in
// the list); the "expired" bar only covers days a source is past its term end and
// not yet bought (none on a line bought before its term ends); a purchase chosen
// after the data-at-risk day is drawn as a conflict; every marker has a tooltip.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowserAndServer, openContext, waitForApp, seriousAccessibilityViolations, screenshot } from './harness.mjs';

const shared = useBrowserAndServer();

const texts = {
  en: { blocked: /\(blocked\)/, listBlocked: /Blocked line: its dates hold once the blocker is resolved/, conflict: /Bought after the data is at risk/ },
  fr: { blocked: /\(bloquée\)/, listBlocked: /Ligne bloquée : ses dates valent une fois le blocage levé/, conflict: /Achat après la mise en danger des données/ },
};

/** Per drawn row: its id, whether it is blocked, its term end, purchase and expired bar (x positions). */
async function rows(page) {
  return page.locator('[data-testid="timeline-svg"] g.tl-row').evaluateAll((groups) => groups.map((group) => {
    const x = (selector, attribute) => {
      const node = group.querySelector(selector);
      return node ? Number(node.getAttribute(attribute)) : null;
    };
    return {
      id: group.dataset.id,
      blocked: group.hasAttribute('data-blocked'),
      termEnd: x('.tl-term-end', 'x'),
      purchase: x('.tl-purchase', 'cx'),
      expired: x('.tl-expired', 'x'),
      conflict: Boolean(group.querySelector('.tl-conflict')),
      untitled: [...group.querySelectorAll('.tl-term-end, .tl-purchase, .tl-window, .tl-auto-renew, .tl-risk, .tl-expired, .tl-conflict')]
        .filter((marker) => !marker.querySelector('title')?.textContent).length,
    };
  }));
}

for (const [lang, locale] of [['en', 'en-US'], ['fr', 'fr-FR']]) {
  const t = texts[lang];

  test(`the timeline draws blocked lines apart, no expired bar before a purchase, and a late purchase as a conflict (${lang})`, async () => {
    const { context, record } = await openContext(shared.browser, shared.server.origin, { locale });
    const page = await context.newPage();
    try {
      await page.goto(shared.server.url);
      await waitForApp(page);
      await page.getByTestId('open-demo').click();
      await page.getByTestId('timeline-svg').waitFor();

      const drawn = await rows(page);
      const blockedIds = await page.getByTestId('plan-line').evaluateAll((lines) =>
        lines.filter((line) => line.dataset.path === 'blocked').map((line) => line.dataset.id));
      const drawnBlocked = drawn.filter((row) => row.blocked).map((row) => row.id);
      assert.ok(drawnBlocked.length > 0, 'the demo has blocked lines on the timeline');
      for (const id of drawnBlocked) assert.ok(blockedIds.includes(id), `${id} is drawn blocked but is not`);
      // The demo's expired Business Basic is bought after its data-at-risk day (it is blocked meanwhile).
      assert.ok(drawn.find((row) => row.id === 'NCE-BB-008')?.conflict, 'the late purchase of NCE-BB-008 is a conflict');
      for (const row of drawn) {
        assert.equal(row.untitled, 0, `${row.id}: every marker has a tooltip`);
        if (row.purchase !== null && row.termEnd !== null && row.purchase <= row.termEnd) {
          assert.equal(row.expired, null, `${row.id}: bought before its term end, so no expired bar`);
        }
      }
      const labels = await page.getByTestId('timeline-labels').innerText().catch(() => '');
      const labelTexts = await page.locator('[data-testid="timeline-labels"] text').allTextContents();
      assert.ok(labelTexts.some((text) => t.blocked.test(text)), `a blocked label: ${labelTexts} ${labels}`);
      await page.locator('.timeline-list summary').click();
      assert.match(await page.getByTestId('timeline-list').innerText(), t.listBlocked);
      await screenshot(page, `timeline-demo-${lang}`);

      // A purchase chosen long after the term end, past the data-at-risk day: a conflict.
      const first = drawn.find((row) => !row.blocked && row.termEnd !== null && row.purchase !== null);
      assert.ok(first, 'a moving line with dates');
      await page.getByTestId('plan-filter').fill(first.id);
      await page.waitForFunction((id) => document.querySelector('[data-testid="plan-line"]')?.dataset.id === id, first.id);
      await page.getByTestId('plan-line').first().locator('button').click();
      await page.getByTestId('override-purchase').fill('2029-06-30');
      await page.getByTestId('override-purchase').press('Tab');
      await page.getByTestId('timeline-conflict').waitFor();
      const after = (await rows(page)).find((row) => row.id === first.id);
      assert.ok(after?.conflict, 'the late purchase is drawn as a conflict');
      assert.match(await page.getByTestId('timeline-conflict').first().locator('title').textContent(), t.conflict);

      const violations = await seriousAccessibilityViolations(page);
      assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
      assert.deepEqual(record.pageErrors, [], 'uncaught errors in the page');
    } finally {
      await context.close();
    }
  });
}
