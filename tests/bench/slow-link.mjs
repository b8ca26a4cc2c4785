// Time to a planner in charge on hotel Wi-Fi (figures, not a timed test): in
// headless Chromium with the network throttled through the DevTools protocol
// (Network.emulateNetworkConditions: 10 Mbit/s down and up, 40 ms round trip),
// cold loads of dist/ served gzipped as a static host would, each in a fresh
// context (empty cache), timed from navigation start to an interactive start
// screen and to the planner in charge (`html[data-planner="ready"]`), with the
// bytes that went over the wire until then. Median of BENCH_RUNS (5) loads.
// The last line is one JSON object. Run after a build:
//   DIST_DIR=/tmp/dist node tests/bench/slow-link.mjs
import { serveDist, launchBrowser, openContext, waitForApp } from '../e2e/harness.mjs';

const runs = Number(process.env.BENCH_RUNS ?? 5);
const link = { megabits: 10, rttMs: 40 };
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export async function measureSlowLink({ runs }) {
  const server = await serveDist('/', {}, { compress: true });
  const browser = await launchBrowser();
  const start = [];
  const ready = [];
  const bytes = [];
  try {
    for (let run = 0; run < runs; run += 1) {
      const { context, record } = await openContext(browser, server.origin);
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      const throughput = (link.megabits * 1e6) / 8; // bytes per second
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false, latency: link.rttMs, downloadThroughput: throughput, uploadThroughput: throughput,
      });
      let transferred = 0;
      cdp.on('Network.loadingFinished', (event) => { transferred += event.encodedDataLength; });
      await page.goto(server.url);
      await page.getByTestId('new-plan').waitFor({ state: 'visible', timeout: 60_000 });
      start.push(await page.evaluate(() => performance.now()));
      await waitForApp(page);
      ready.push(await page.evaluate(() => performance.now()));
      bytes.push(transferred);
      if (record.pageErrors.length) throw new Error(`page errors: ${record.pageErrors}`);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return {
    link: `${link.megabits} Mbit/s, ${link.rttMs} ms RTT`,
    runs,
    start_screen_ms: median(start),
    planner_ready_ms: median(ready),
    planner_ready_ms_all: ready,
    transferred_bytes: median(bytes),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = await measureSlowLink({ runs });
  console.log(`slow link (${result.link}), median of ${runs} cold loads: start screen ${result.start_screen_ms.toFixed(0)} ms, `
    + `planner in charge ${result.planner_ready_ms.toFixed(0)} ms (all: ${result.planner_ready_ms_all.map((ms) => ms.toFixed(0)).join(', ')}), `
    + `${result.transferred_bytes} bytes over the wire`);
  console.log(JSON.stringify(result));
}
