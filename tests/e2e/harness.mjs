// Shared end-to-end harness: serves dist/ on 127.0.0.1 (at the site root or under a
// sub-path), drives Debian's Chromium through playwright-core, records every request
// so a test can prove nothing went to another origin, and runs axe-core in the page.
import { createServer } from 'node:http';
import { readFile, mkdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
// DIST_DIR lets several builds be tested side by side (`trunk build --dist DIR`).
export const distDir = resolve(process.env.DIST_DIR ?? join(root, 'dist'));
export const shotsDir = join(root, 'target', 'e2e', 'screenshots');

const mimeTypes = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm', '.svg': 'image/svg+xml', '.json': 'application/json',
  '.png': 'image/png', '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/**
 * Serves dist/ under `basePath` ("/" or "/tools/planner/"); anything else is a 404.
 * `extraFiles` maps more paths under `basePath` to `{ body, type }` (benchmark inputs).
 * `deploy(dir)` serves another build from then on, as a new deployment would.
 * With `compress`, files of dist/ go gzipped to a browser that accepts it, as a
 * static host sends them (the slow-link benchmark, tests/bench/slow-link.mjs).
 */
export async function serveDist(basePath = '/', extraFiles = {}, { compress = false } = {}) {
  const gzipped = new Map();
  if (!existsSync(join(distDir, 'index.html'))) {
    throw new Error('dist/index.html is missing: run `trunk build --release` (make build) first');
  }
  let servedDir = distDir;
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    if (!path.startsWith(basePath)) {
      response.writeHead(404).end('not found');
      return;
    }
    let relative = path.slice(basePath.length) || 'index.html';
    const extra = extraFiles[relative];
    if (extra) {
      response.writeHead(200, { 'content-type': extra.type });
      response.end(extra.body);
      return;
    }
    if (relative.endsWith('/')) relative += 'index.html';
    const file = normalize(join(servedDir, relative));
    if (!file.startsWith(servedDir)) {
      response.writeHead(403).end('forbidden');
      return;
    }
    try {
      const body = await readFile(file);
      const type = mimeTypes[extname(file)] ?? 'application/octet-stream';
      if (compress && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
        if (!gzipped.has(file)) gzipped.set(file, gzipSync(body, { level: 9 }));
        response.writeHead(200, { 'content-type': type, 'content-encoding': 'gzip', vary: 'accept-encoding' });
        response.end(gzipped.get(file));
        return;
      }
      response.writeHead(200, { 'content-type': type });
      response.end(body);
    } catch {
      response.writeHead(404).end('not found');
    }
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address();
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin, url: `${origin}${basePath}`,
    deploy: (dir) => { servedDir = resolve(dir); },
    close: () => new Promise((done) => { server.close(done); server.closeAllConnections(); }),
  };
}

/**
 * One browser and one server of dist/ for a whole test file: registers node:test's
 * `before` and `after` hooks and returns an object whose `browser` and `server`
 * are set once `before` has run.
 */
export function useBrowserAndServer(basePath = '/') {
  const shared = { browser: undefined, server: undefined };
  before(async () => {
    shared.browser = await launchBrowser();
    shared.server = await serveDist(basePath);
  });
  after(async () => {
    await shared.server?.close();
    await shared.browser?.close();
  });
  return shared;
}

export const chromiumArgs = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic',
  '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export async function launchBrowser() {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: chromiumArgs });
}

/**
 * A new browser context for `origin` that records every request and console error.
 * Requests to any other origin are aborted and listed in `foreignRequests`.
 * The app's service worker is not registered unless `serviceWorkers: 'allow'` is
 * given (tests/e2e/offline.test.mjs): a test that holds back or refuses a request
 * must see the page's own request, not an answer from the worker's cache.
 */
export async function openContext(browser, origin, options = {}) {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 }, acceptDownloads: true, serviceWorkers: 'block', ...options,
  });
  const record = { requests: [], foreignRequests: [], consoleErrors: [], pageErrors: [] };
  await context.route('**/*', (route) => {
    const url = route.request().url();
    record.requests.push(url);
    const sameOrigin = url.startsWith(`${origin}/`) || url === origin;
    if (sameOrigin || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    record.foreignRequests.push(url);
    return route.abort();
  });
  context.on('page', (page) => {
    page.on('console', (message) => { if (message.type() === 'error') record.consoleErrors.push(message.text()); });
    page.on('pageerror', (error) => record.pageErrors.push(String(error)));
  });
  return { context, record };
}

/**
 * Waits until the planner runs the page: the quick start shows the start screen
 * first, then the planner module loads behind it and takes over (it marks
 * `<html data-planner="ready">`; see src/ui/quick_start.rs).
 */
export async function waitForApp(page) {
  await page.waitForSelector('html[data-planner="ready"] header.app-header', { timeout: 30_000 });
}

const axeSource = await readFile(join(root, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/**
 * Runs axe-core in the page and returns its serious and critical violations.
 * axe is evaluated through the DevTools protocol, which the page's
 * Content-Security-Policy (no inline scripts) does not govern.
 */
export async function seriousAccessibilityViolations(page) {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((violation) => ({
      id: violation.id, impact: violation.impact, help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
  });
  return violations.filter((violation) => violation.impact === 'serious' || violation.impact === 'critical');
}

export async function screenshot(page, name) {
  await mkdir(shotsDir, { recursive: true });
  await page.screenshot({ path: join(shotsDir, `${name}.png`), fullPage: true });
}
