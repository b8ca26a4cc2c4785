// axe-core on every step of the planner with the demo, in English and French:
// import, review, customer, plan, export and the drafts list of the start screen
// have no serious or critical violation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowserAndServer, openContext, waitForApp, seriousAccessibilityViolations } from './harness.mjs';

const shared = useBrowserAndServer();

const STEPS = ['import', 'review', 'customer', 'plan', 'export'];

for (const ui of ['en', 'fr']) {
  test(`no serious or critical axe-core violation on any step, nor on the drafts list (${ui})`, async () => {
    const { context, record } = await openContext(shared.browser, shared.server.origin, { locale: ui === 'en' ? 'en-US' : 'fr-FR', viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    try {
      await page.goto(shared.server.url);
      await waitForApp(page);
      await page.getByTestId('lang-switch').selectOption(ui);
      await page.getByTestId('open-demo').click();
      const found = {};
      for (const step of STEPS) {
        await page.getByTestId(`nav-${step}`).click();
        await page.locator(`[data-testid="nav-${step}"][aria-current="step"]`).waitFor();
        // Let the step render its content (the plan and the documents are computed on the way).
        await page.waitForLoadState('networkidle');
        await page.waitForTimeout(300);
        const violations = await seriousAccessibilityViolations(page);
        if (violations.length) found[step] = violations;
      }
      await page.locator('nav.steps .back').click();
      await page.getByTestId('drafts-list').waitFor();
      await page.getByTestId('draft-item').first().waitFor();
      const violations = await seriousAccessibilityViolations(page);
      if (violations.length) found.drafts = violations;
      assert.deepEqual(found, {}, JSON.stringify(found, null, 1));
      assert.deepEqual(record.pageErrors, []);
    } finally {
      await context.close();
    }
  });
}
