// Drafts storage benchmark (figures, not a timed test): in headless Chromium,
// saves and loads a made-up draft of 1,000 and of 20,000 subscriptions through the
// app's own storage code (stamp check, encode, pack, setItem; getItem, unpack,
// decode), and prints the median times and the bytes stored (UTF-16, 2 bytes a unit).
// Run after a build with the bench feature (its entry points are absent from the shipped
// app): trunk build --release --features bench --dist /tmp/dist; DIST_DIR=/tmp/dist node tests/bench/drafts.mjs
import { serveDist, launchBrowser, openContext, waitForApp } from '../e2e/harness.mjs';

const rounds = Number(process.env.BENCH_RUNS ?? 7);
const server = await serveDist('/');
const browser = await launchBrowser();
try {
  const { context } = await openContext(browser, server.origin);
  const page = await context.newPage();
  await page.goto(server.url);
  await waitForApp(page);
  const results = [];
  for (const count of [1_000, 20_000]) {
    const figures = JSON.parse(await page.evaluate(([count, rounds]) => window.wasmBindings.bench_drafts(count, rounds), [count, count > 5_000 ? Math.min(rounds, 3) : rounds]));
    results.push(figures);
    const mib = (bytes) => (bytes / 1024 / 1024).toFixed(2);
    console.log(
      `${count} subscriptions: save ${figures.save_ms.toFixed(1)} ms (min ${figures.save_ms_min.toFixed(1)}), `
      + `load ${figures.load_ms.toFixed(1)} ms (min ${figures.load_ms_min.toFixed(1)}), `
      + `(of which encoding ${figures.encode_ms.toFixed(1)} ms and decoding ${figures.decode_ms.toFixed(1)} ms without storage), `
      + `stored ${figures.stored_bytes} bytes (${mib(figures.stored_bytes)} MiB, ${(100 * figures.stored_bytes / (5 * 1024 * 1024)).toFixed(1)}% of 5 MiB); `
      + `plain JSON would take ${figures.plain_json_bytes} bytes (${mib(figures.plain_json_bytes)} MiB)`
      + (figures.error ? `; ERROR ${figures.error}` : ''),
    );
  }
  console.log(JSON.stringify(results));
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
