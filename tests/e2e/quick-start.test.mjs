// The page's two stages (src/ui/quick_start.rs): the small quick start shows the
// start screen while the planner module loads behind it, keeps what the user
// does meanwhile, and hands it over; a planner that cannot load is said so.
// The planner's wasm is held back by the test (or refused) to see each moment.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serveDist, launchBrowser, openContext, waitForApp, screenshot } from './harness.mjs';

// The planner module's wasm, not the quick start's (`csp-planner-start-…`).
const PLANNER_WASM = /\/csp-planner-[0-9a-f]{16}_bg\.wasm$/;

let browser;
let server;
before(async () => {
  browser = await launchBrowser();
  server = await serveDist('/');
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** A page whose planner wasm waits until `release()` is called. */
async function pageWithHeldPlanner(context) {
  let release;
  const gate = new Promise((resolve) => { release = resolve; });
  const page = await context.newPage();
  await page.route(PLANNER_WASM, async (route) => {
    await gate;
    await route.continue();
  });
  return { page, release };
}

const plannerReady = (page) => page.evaluate(() => document.documentElement.dataset.planner === 'ready');

test('a click on the quick start, in French, is carried out once the planner has loaded', async () => {
  const { context, record } = await openContext(browser, server.origin, { locale: 'en-US' });
  try {
    const { page, release } = await pageWithHeldPlanner(context);
    await page.goto(server.url);
    await page.getByTestId('new-plan').waitFor();
    assert.equal(await plannerReady(page), false, 'the start screen shows before the planner');

    await page.getByTestId('lang-switch').selectOption('fr');
    await page.getByText('Nouveau plan').waitFor();
    await page.getByTestId('new-plan').click();
    const loading = page.getByTestId('planner-loading');
    await loading.waitFor();
    assert.match(await loading.innerText(), /Chargement du planificateur/);
    assert.equal(await page.getAttribute('main', 'aria-busy'), 'true');
    await screenshot(page, 'quick-start-loading-fr');

    release();
    await waitForApp(page);
    await page.getByTestId('file-input').waitFor({ state: 'attached' });
    assert.equal(await page.getByTestId('nav-import').getAttribute('aria-current'), 'step');
    assert.equal(await page.getAttribute('html', 'lang'), 'fr');
    assert.equal(await page.getByTestId('lang-switch').inputValue(), 'fr');
    assert.equal(await page.getByTestId('planner-loading').count(), 0, 'the quick start is gone');
    assert.equal(await page.locator('header.app-header').count(), 1, 'one header, the planner\'s');
    assert.deepEqual(record.pageErrors, []);
  } finally {
    await context.close();
  }
});

test('the demo asked for before the planner loaded opens ready to plan; the last click wins', async () => {
  const { context, record } = await openContext(browser, server.origin, { locale: 'en-US' });
  try {
    const { page, release } = await pageWithHeldPlanner(context);
    await page.goto(server.url);
    await page.getByTestId('new-plan').click();
    await page.getByTestId('open-demo').click();
    assert.match(await page.getByTestId('planner-loading').innerText(), /Loading the planner/);
    release();
    await page.getByTestId('plan-summary').waitFor();
    assert.equal(await page.getByTestId('nav-plan').getAttribute('aria-current'), 'step');
    assert.deepEqual(record.pageErrors, []);
  } finally {
    await context.close();
  }
});

test('saved drafts are listed by the quick start, opened from it, and the last one is reopened', async () => {
  const { context, record } = await openContext(browser, server.origin, { locale: 'en-US' });
  try {
    // A saved draft: the demo, changed once in the planner (autosave stores a draft at its first change).
    const first = await context.newPage();
    await first.goto(server.url);
    await waitForApp(first);
    await first.getByTestId('open-demo').click();
    await first.getByTestId('nav-customer').click();
    await first.getByTestId('customer-name').fill('Contoso Quick Start');
    await first.waitForSelector('[data-testid="draft-status"][data-state="saved"]', { timeout: 10_000 });
    await first.getByTestId('nav-plan').click();
    await first.getByTestId('plan-summary').waitFor();
    await first.close();

    // Reloading reopens it: the quick start says so instead of showing a start screen about to vanish.
    const { page: reopening, release: releaseReopening } = await pageWithHeldPlanner(context);
    await reopening.goto(server.url);
    const note = reopening.getByTestId('planner-loading');
    await note.waitFor();
    assert.match(await note.innerText(), /Reopening “Contoso Quick Start”/);
    assert.equal(await reopening.getByTestId('new-plan').count(), 0);
    releaseReopening();
    await reopening.getByTestId('plan-summary').waitFor();
    await reopening.close();

    // Without a last-open draft, the quick start lists it and opens it.
    const setup = await context.newPage();
    await setup.goto(server.url);
    await waitForApp(setup);
    await setup.evaluate(() => localStorage.removeItem('csp-planner.last-open'));
    await setup.close();
    const { page, release } = await pageWithHeldPlanner(context);
    await page.goto(server.url);
    const item = page.getByTestId('draft-item');
    await item.first().waitFor();
    assert.equal(await item.count(), 1);
    assert.match(await item.innerText(), /Contoso Quick Start/);
    assert.match(await item.innerText(), /14 subscriptions/);
    await page.getByTestId('draft-open').click();
    release();
    await waitForApp(page);
    await page.getByTestId('nav-review').waitFor();
    assert.equal(await page.getByTestId('nav-review').getAttribute('aria-current'), 'step');
    assert.deepEqual(record.pageErrors, []);
  } finally {
    await context.close();
  }
});

test('a planner that cannot be loaded is said so, in the user\'s language, with a way to retry', async () => {
  const { context } = await openContext(browser, server.origin, { locale: 'en-US' });
  try {
    const page = await context.newPage();
    await page.route(PLANNER_WASM, (route) => route.fulfill({ status: 503, body: 'down for maintenance' }));
    await page.goto(server.url);
    const banner = page.getByTestId('error-banner');
    await banner.waitFor();
    assert.match(await banner.innerText(), /The planner could not be loaded \(HTTP 503 Service Unavailable/);
    assert.match(await banner.innerText(), /your drafts are safe/);
    await page.getByTestId('lang-switch').selectOption('fr');
    await page.getByText('Le planificateur n’a pas pu être chargé').waitFor();
    assert.ok(await page.getByRole('button', { name: 'Recharger la page' }).isVisible());
    assert.ok(await page.getByTestId('new-plan').isVisible(), 'the start screen stays');
    await screenshot(page, 'quick-start-failed-fr');
  } finally {
    await context.close();
  }
});
