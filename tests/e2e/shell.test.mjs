// The app shell: start screen in both languages, the language choice kept across
// reloads, the same at a sub-path, no request to another origin, no serious
// accessibility violation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launchBrowser, openContext, waitForApp, seriousAccessibilityViolations, screenshot } from './harness.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

async function startScreen(basePath, locale) {
  const server = await serveDist(basePath);
  const { context, record } = await openContext(browser, server.origin, { locale });
  const page = await context.newPage();
  await page.goto(server.url);
  await waitForApp(page);
  return { server, context, record, page };
}

async function closeAll({ server, context }) {
  await context.close();
  await server.close();
}

for (const basePath of ['/', '/tools/planner/']) {
  test(`start screen in English and French, language kept across reloads (served at ${basePath})`, async () => {
    const session = await startScreen(basePath, 'en-US');
    const { page, record } = session;
    try {
      await page.getByTestId('new-plan').waitFor();
      assert.match(await page.getByTestId('new-plan').innerText(), /New plan/);
      assert.match(await page.getByTestId('open-demo').innerText(), /Open the demo plan/);
      assert.equal(await page.getAttribute('html', 'lang'), 'en');
      assert.ok(await page.getByTestId('drafts-list').isVisible());
      await screenshot(page, `shell-start-en${basePath === '/' ? '' : '-subpath'}`);

      await page.getByTestId('lang-switch').selectOption('fr');
      await page.getByText('Nouveau plan').waitFor();
      assert.match(await page.getByTestId('open-demo').innerText(), /Ouvrir le plan de démonstration/);
      assert.equal(await page.getAttribute('html', 'lang'), 'fr');

      await page.reload();
      await waitForApp(page);
      await page.getByText('Nouveau plan').waitFor();
      assert.equal(await page.getByTestId('lang-switch').inputValue(), 'fr');
      assert.match(await page.locator('footer').innerText(), /Vos données restent dans ce navigateur/);
      await screenshot(page, `shell-start-fr${basePath === '/' ? '' : '-subpath'}`);

      assert.deepEqual(record.foreignRequests, [], 'requests to another origin');
      assert.deepEqual(record.pageErrors, [], 'uncaught errors in the page');
    } finally {
      await closeAll(session);
    }
  });
}

test('a French browser gets the French start screen by default', async () => {
  const session = await startScreen('/', 'fr-FR');
  try {
    await session.page.getByText('Nouveau plan').waitFor();
    assert.equal(await session.page.getAttribute('html', 'lang'), 'fr');
  } finally {
    await closeAll(session);
  }
});

test('every asset loads from the same origin, and nothing else is requested', async () => {
  const session = await startScreen('/tools/planner/', 'en-US');
  try {
    await session.page.waitForLoadState('networkidle');
    const responses = await Promise.all(session.record.requests.map(async (url) => {
      const response = await session.page.request.get(url);
      return [url, response.status()];
    }));
    for (const [url, status] of responses) assert.equal(status, 200, `${url} answered ${status}`);
    assert.ok(session.record.requests.some((url) => url.endsWith('.wasm')), 'the wasm was loaded');
    assert.deepEqual(session.record.foreignRequests, []);
  } finally {
    await closeAll(session);
  }
});

test('axe-core finds no serious or critical violation on the start screen', async () => {
  for (const locale of ['en-US', 'fr-FR']) {
    const session = await startScreen('/', locale);
    try {
      await session.page.getByTestId('new-plan').waitFor();
      const violations = await seriousAccessibilityViolations(session.page);
      assert.deepEqual(violations, [], `${locale}: ${JSON.stringify(violations, null, 2)}`);
    } finally {
      await closeAll(session);
    }
  }
});
