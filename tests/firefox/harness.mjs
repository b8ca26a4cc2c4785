// Firefox layer's harness: the same dist/ server as the Chromium layer
// (tests/e2e/harness.mjs), driven in Debian's firefox-esr by puppeteer-core over
// WebDriver BiDi (no browser download, no geckodriver). Downloads land in a
// folder of this process (Firefox preferences), read back by `download`.
import { after, before } from 'node:test';
import { mkdtempSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { serveDist, shotsDir } from '../e2e/harness.mjs';

export { serveDist, distDir } from '../e2e/harness.mjs';

export const downloadsDir = mkdtempSync(join(tmpdir(), 'planner-firefox-downloads-'));

export async function launchFirefox() {
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX ?? '/usr/bin/firefox-esr',
    headless: true,
    extraPrefsFirefox: {
      // Save every download to downloadsDir, without asking.
      'browser.download.dir': downloadsDir,
      'browser.download.folderList': 2,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.start_downloads_in_tmp_dir': false,
      'browser.download.alwaysOpenPanel': false,
      'intl.accept_languages': 'en-US',
    },
  });
}

/** One Firefox and one server of dist/ for a whole test file (node:test hooks). */
export function useFirefoxAndServer(basePath = '/') {
  const shared = { browser: undefined, server: undefined };
  before(async () => {
    shared.browser = await launchFirefox();
    shared.server = await serveDist(basePath);
  });
  after(async () => {
    await shared.server?.close();
    await shared.browser?.close();
    await rm(downloadsDir, { recursive: true, force: true });
  });
  return shared;
}

/**
 * A page in a fresh browser context (its own storage and service workers) that
 * records uncaught errors, console errors and requests to any other origin.
 */
export async function openPage(browser, server) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const record = { pageErrors: [], consoleErrors: [], foreignRequests: [] };
  page.on('pageerror', (error) => record.pageErrors.push(String(error)));
  page.on('console', (message) => { if (message.type() === 'error') record.consoleErrors.push(message.text()); });
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${server.origin}/`) && !/^(data|blob|about):/.test(url)) record.foreignRequests.push(url);
  });
  return { context, page, record };
}

/** Waits until the planner runs the page (it marks `<html data-planner="ready">`). */
export async function waitForApp(page) {
  await page.waitForSelector('html[data-planner="ready"] header.app-header', { timeout: 60_000 });
}

export const byTestId = (id) => `[data-testid="${id}"]`;

export async function click(page, id) {
  await page.locator(byTestId(id)).click();
}

export async function text(page, selector) {
  return page.$eval(selector, (element) => element.innerText);
}

/** Waits for `selector`, then for its text to match `pattern`. */
export async function waitForText(page, selector, pattern, timeout = 30_000) {
  await page.waitForFunction((selector, source, flags) => {
    const element = document.querySelector(selector);
    return element && new RegExp(source, flags).test(element.innerText);
  }, { timeout }, selector, pattern.source, pattern.flags);
}

export function noErrors(record, assert) {
  assert.deepEqual(record.foreignRequests, [], 'requests to another origin');
  assert.deepEqual(record.pageErrors, [], 'uncaught errors in the page');
}

/** Clicks a download button; returns the file Firefox saved, once complete. */
export async function download(page, id) {
  await rm(downloadsDir, { recursive: true, force: true });
  await mkdir(downloadsDir, { recursive: true });
  await click(page, id);
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const names = (await readdir(downloadsDir)).filter((name) => !name.endsWith('.part'));
    if (names.length === 1) {
      const path = join(downloadsDir, names[0]);
      const size = (await stat(path)).size;
      await new Promise((done) => setTimeout(done, 150));
      if ((await stat(path)).size === size && size > 0) return { name: names[0], bytes: await readFile(path) };
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`no download from ${id} within 20 s`);
}

export async function screenshot(page, name) {
  await mkdir(shotsDir, { recursive: true });
  await page.screenshot({ path: join(shotsDir, `firefox-${name}.png`), fullPage: true });
}
