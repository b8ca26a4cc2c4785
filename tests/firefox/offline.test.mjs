// Offline in Firefox: after a first visit, with the server gone (no network at
// all), the page reloads from the service worker and the demo, an import and an
// export work; a new deployment is announced and taken on the user's word.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { writeServiceWorker } from '../../scripts/offline.mjs';
import {
  launchFirefox, serveDist, distDir, openPage, waitForApp, byTestId, click, text, noErrors, download, screenshot,
} from './harness.mjs';
import { after, before } from 'node:test';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const fixture = (name) => join(root, 'tests', 'fixtures', 'import', name);

let browser;
before(async () => { browser = await launchFirefox(); });
after(async () => { await browser?.close(); });

async function firstVisit(server) {
  const session = await openPage(browser, server);
  await session.page.goto(server.url);
  await waitForApp(session.page);
  session.scope = await session.page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  return session;
}

test('Firefox: with the server gone, the app reloads from its service worker; demo, import, plan and export work (at /tools/planner/)', async () => {
  const server = await serveDist('/tools/planner/');
  const { context, page, record, scope } = await firstVisit(server);
  try {
    assert.equal(scope, server.url);
    await server.close();
    assert.equal(await page.evaluate(() => fetch('./not-in-the-build.txt').then(() => 'answered', () => 'failed')), 'failed', 'no network');
    await page.reload();
    await waitForApp(page);
    await click(page, 'open-demo');
    await page.waitForSelector(byTestId('plan-line'));
    await click(page, 'nav-import');
    const input = await page.waitForSelector(byTestId('file-input'));
    await input.uploadFile(fixture('planner-template.csv'));
    await page.waitForSelector('[data-testid="nav-review"][aria-current="step"]', { timeout: 30_000 });
    await click(page, 'nav-plan');
    await page.waitForSelector(byTestId('plan-line'));
    await click(page, 'nav-export');
    await page.waitForSelector(byTestId('export-report'));
    const csv = await download(page, 'export-csv');
    const parsed = Papa.parse(csv.bytes.toString('utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
    assert.deepEqual(parsed.errors, []);
    assert.equal(parsed.data.length, 14 + 3, 'the demo\'s 14 subscriptions and the 3 imported');
    await screenshot(page, 'offline-export');
    noErrors(record, assert);
  } finally {
    await context.close();
  }
});

test('Firefox: a new deployment is announced and taken on the user\'s word; the draft is kept', async () => {
  const server = await serveDist('/');
  const v2 = await mkdtemp(join(tmpdir(), 'planner-v2-'));
  await cp(distDir, v2, { recursive: true });
  const html = await readFile(join(v2, 'index.html'), 'utf8');
  await writeFile(join(v2, 'index.html'), html.replace('</head>', '<meta name="csp-planner-test-build" content="2" />\n  </head>'));
  writeServiceWorker(v2);
  const { context, page, record } = await firstVisit(server);
  try {
    await click(page, 'open-demo');
    await click(page, 'nav-customer');
    await page.locator(byTestId('customer-name')).fill('Contoso Before The Update');
    await page.waitForSelector('[data-testid="draft-status"][data-state="saved"]', { timeout: 10_000 });
    server.deploy(v2);
    await page.reload();
    await waitForApp(page);
    await page.waitForSelector(byTestId('update-banner'), { timeout: 30_000 });
    assert.match(await text(page, byTestId('update-banner')), /A new version of the planner is ready/);
    assert.equal(await page.$$eval('meta[name="csp-planner-test-build"]', (metas) => metas.length), 0);
    await screenshot(page, 'update-banner');
    await Promise.all([page.waitForNavigation({ timeout: 30_000 }), click(page, 'update-reload')]);
    await waitForApp(page);
    assert.equal(await page.$$eval('meta[name="csp-planner-test-build"]', (metas) => metas.length), 1, 'the new version runs');
    await page.waitForSelector(byTestId('customer-name'));
    assert.equal(await page.$eval(byTestId('customer-name'), (input) => input.value), 'Contoso Before The Update');
    noErrors(record, assert);
  } finally {
    await context.close();
    await server.close();
    await rm(v2, { recursive: true, force: true });
  }
});
