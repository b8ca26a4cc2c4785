// Offline and installable (web/, scripts/offline.mjs): after a first visit the
// service worker has the whole app, so with the network cut the page reloads and
// the demo, an import, the plan and the exports all work; the manifest and its
// icons make it installable; a new deployment is announced by a banner and taken
// on the user's word, with the saved draft untouched. At the site root and under
// a sub-path. Each test has a fresh browser context, so no service worker is left
// for the other test files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { serveDist, launchBrowser, openContext, waitForApp, distDir, seriousAccessibilityViolations, screenshot } from './harness.mjs';
import { writeServiceWorker } from '../../scripts/offline.mjs';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const fixture = (name) => join(root, 'tests', 'fixtures', 'import', name);

let browser;
before(async () => { browser = await launchBrowser(); });
after(async () => { await browser?.close(); });

/** The page, once the service worker of its first visit runs and holds the whole build. */
async function firstVisit(server, locale = 'en-US') {
  const { context, record } = await openContext(browser, server.origin, { locale, serviceWorkers: 'allow' });
  const page = await context.newPage();
  await page.goto(server.url);
  await waitForApp(page);
  const worker = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    return { scope: registration.scope, script: registration.active.scriptURL };
  });
  return { context, record, page, worker };
}

/** What the service worker keeps: cache names and, for each, the paths it holds. */
function cachedFiles(page) {
  return page.evaluate(async () => {
    const result = {};
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      result[name] = (await cache.keys()).map((request) => new URL(request.url).pathname);
    }
    return result;
  });
}

async function download(page, testId) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
}

/** A second deployment: the same build with a changed page, and its own service worker. */
async function secondBuild() {
  const dir = await mkdtemp(join(tmpdir(), 'planner-v2-'));
  await cp(distDir, dir, { recursive: true });
  const index = join(dir, 'index.html');
  const html = await readFile(index, 'utf8');
  await writeFile(index, html.replace('</head>', '<meta name="csp-planner-test-build" content="2" />\n  </head>'));
  writeServiceWorker(dir);
  return dir;
}

const precacheOf = (source) => JSON.parse(source.match(/^const PRECACHE = (.*);$/m)[1]).map((entry) => entry.path);
const versionOf = (source) => source.match(/^const BUILD_VERSION = '([0-9a-f]{16})';$/m)[1];

test('the service worker lists every file of the build but itself; any change to a file is a new worker, the same build the same bytes', async () => {
  const shipped = await readFile(join(distDir, 'service-worker.js'), 'utf8');
  const files = (await readdir(distDir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile() && entry.name !== 'service-worker.js')
    .map((entry) => `./${join(entry.parentPath ?? entry.path, entry.name).slice(distDir.length + 1)}`.replace('./index.html', './'));
  assert.deepEqual(precacheOf(shipped).sort(), files.sort());
  for (const path of precacheOf(shipped)) assert.ok(!/^https?:/.test(path), `${path} is on the app's own origin`);

  const copy = await mkdtemp(join(tmpdir(), 'planner-sw-'));
  try {
    await cp(distDir, copy, { recursive: true });
    writeServiceWorker(copy);
    assert.equal(await readFile(join(copy, 'service-worker.js'), 'utf8'), shipped, 'the same files give the same worker');
    const css = (await readdir(copy)).find((name) => /^main-[0-9a-f]{16}\.css$/.test(name));
    await writeFile(join(copy, css), `${await readFile(join(copy, css), 'utf8')}\n/* changed */\n`);
    writeServiceWorker(copy);
    assert.notEqual(versionOf(await readFile(join(copy, 'service-worker.js'), 'utf8')), versionOf(shipped), 'a changed file, a new cache version');
  } finally {
    await rm(copy, { recursive: true, force: true });
  }
});

for (const basePath of ['/', '/tools/planner/']) {
  test(`after a first visit, offline: reload, the demo, an import, the plan and every download work (at ${basePath})`, async () => {
    const server = await serveDist(basePath);
    const { context, record, page, worker } = await firstVisit(server);
    try {
      assert.equal(worker.scope, server.url, 'the service worker covers the app, wherever it is served');
      assert.equal(worker.script, `${server.url}service-worker.js`);
      const shipped = await readFile(join(distDir, 'service-worker.js'), 'utf8');
      const cached = Object.values(await cachedFiles(page)).flat();
      for (const path of precacheOf(shipped)) {
        assert.ok(cached.includes(new URL(path, server.url).pathname), `${path} is cached`);
      }
      assert.ok(cached.some((path) => /csp-planner-[0-9a-f]{16}_bg\.wasm$/.test(path)), 'the planner module is cached');

      // Installable: a manifest with icons that load, scoped to the app.
      const manifestUrl = await page.evaluate(() => document.querySelector('link[rel="manifest"]').href);
      const manifest = await (await page.request.get(manifestUrl)).json();
      assert.equal(new URL(manifest.start_url, manifestUrl).href, server.url);
      assert.equal(manifest.display, 'standalone');
      const sizes = manifest.icons.map((icon) => icon.sizes);
      assert.deepEqual(sizes, ['any', '192x192', '512x512']);
      for (const icon of manifest.icons) {
        const response = await page.request.get(new URL(icon.src, manifestUrl).href);
        assert.equal(response.status(), 200, icon.src);
        assert.equal(response.headers()['content-type'], icon.type);
      }

      // Chromium's own verdict on the manifest, the icons and the service worker.
      const devtools = await context.newCDPSession(page);
      const { errors: manifestErrors } = await devtools.send('Page.getAppManifest');
      assert.deepEqual(manifestErrors, [], 'the manifest parses without error');
      const { installabilityErrors } = await devtools.send('Page.getInstallabilityErrors');
      // A test's browser context is incognito, where Chromium installs nothing: any other reason is a fault.
      const reasons = installabilityErrors.map((error) => error.errorId).filter((id) => id !== 'in-incognito');
      assert.deepEqual(reasons, [], 'Chromium would offer to install the app');
      await devtools.detach();

      await context.setOffline(true);
      assert.equal(await page.evaluate(() => fetch('./not-in-the-build.txt').then(() => 'answered', () => 'failed')), 'failed', 'the network is cut');
      await page.reload();
      await waitForApp(page);
      await page.getByTestId('open-demo').click();
      await page.getByTestId('plan-summary').waitFor();
      await page.getByTestId('plan-line').first().waitFor();

      await page.getByTestId('nav-import').click();
      await page.getByTestId('file-input').setInputFiles(fixture('planner-template.csv'));
      await page.locator('[data-testid="nav-review"][aria-current="step"]').waitFor({ timeout: 15_000 });
      await page.getByTestId('nav-plan').click();
      await page.getByTestId('plan-line').first().waitFor();
      await page.getByTestId('nav-export').click();
      await page.getByTestId('export-report').waitFor();
      const csv = await download(page, 'export-csv');
      const parsed = Papa.parse(csv.text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true });
      assert.deepEqual(parsed.errors, []);
      assert.equal(parsed.data.length, 14 + 3, 'the demo\'s 14 subscriptions and the 3 imported');
      const json = JSON.parse((await download(page, 'export-json')).text);
      assert.equal(json.draft.draft.input.subscriptions.length, parsed.data.length, 'the JSON holds the lines the CSV has');
      assert.match((await download(page, 'export-md')).text, /^# /);
      assert.match((await download(page, 'export-ics')).text, /^BEGIN:VCALENDAR/);
      await screenshot(page, `offline-export${basePath === '/' ? '' : '-subpath'}`);
      assert.deepEqual(record.foreignRequests, [], 'requests to another origin');
      assert.deepEqual(record.pageErrors, [], 'uncaught errors in the page');
    } finally {
      await context.close();
      await server.close();
    }
  });

  test(`a new deployment is announced, taken on the user's word, and the draft is kept (at ${basePath})`, async () => {
    const server = await serveDist(basePath);
    const v2 = await secondBuild();
    const { context, record, page } = await firstVisit(server);
    try {
      await page.getByTestId('open-demo').click();
      await page.getByTestId('nav-customer').click();
      await page.getByTestId('customer-name').fill('Contoso Before The Update');
      await page.waitForSelector('[data-testid="draft-status"][data-state="saved"]');
      const draftsBefore = await page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((key) => [key, localStorage.getItem(key)])));
      const cachesBefore = Object.keys(await cachedFiles(page));
      assert.equal(cachesBefore.length, 1);

      server.deploy(v2);
      // The next visit still runs the version installed, and finds the new one.
      await page.reload();
      await waitForApp(page);
      const banner = page.getByTestId('update-banner');
      await banner.waitFor({ timeout: 30_000 });
      assert.equal(await page.locator('meta[name="csp-planner-test-build"]').count(), 0, 'still the first version');
      assert.match(await banner.innerText(), /A new version of the planner is ready\. Reload to use it: your drafts stay as they are\./);
      assert.equal(await page.getByTestId('customer-name').inputValue(), 'Contoso Before The Update', 'nothing reloads by itself');
      if (basePath === '/') {
        for (const [lang, width] of [['en', 1366], ['en', 390], ['fr', 390], ['fr', 1366]]) {
          await page.getByTestId('lang-switch').selectOption(lang);
          await page.setViewportSize({ width, height: 800 });
          await screenshot(page, `offline-update-banner-${lang}-${width}`);
        }
        assert.match(await banner.innerText(), /Une nouvelle version du planificateur est prête\. Rechargez pour l’utiliser : vos brouillons restent tels quels\./);
        assert.deepEqual(await seriousAccessibilityViolations(page), []);
        await page.getByTestId('lang-switch').selectOption('en');
      }

      await Promise.all([page.waitForEvent('load'), page.getByTestId('update-reload').click()]);
      await waitForApp(page);
      assert.equal(await page.locator('meta[name="csp-planner-test-build"]').count(), 1, 'the new version runs');
      await page.getByTestId('customer-name').waitFor();
      assert.equal(await page.getByTestId('customer-name').inputValue(), 'Contoso Before The Update');
      assert.equal(await page.getByTestId('update-banner').count(), 0);
      const draftsAfter = await page.evaluate(() => Object.fromEntries(Object.keys(localStorage).map((key) => [key, localStorage.getItem(key)])));
      for (const [key, value] of Object.entries(draftsBefore)) {
        if (key.startsWith('csp-planner.draft.')) assert.equal(draftsAfter[key], value, `${key} untouched by the update`);
      }
      const cachesAfter = Object.keys(await cachedFiles(page));
      assert.equal(cachesAfter.length, 1, 'the old version\'s cache is gone');
      assert.notEqual(cachesAfter[0], cachesBefore[0]);
      assert.deepEqual(record.foreignRequests, []);
      assert.deepEqual(record.pageErrors, []);
    } finally {
      await context.close();
      await server.close();
      await rm(v2, { recursive: true, force: true });
    }
  });
}
