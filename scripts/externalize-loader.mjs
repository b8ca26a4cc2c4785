// Trunk post-build hook: writes the page's loader as a file of its own, for the
// two stages of the app.
//
// Why a file: the page's Content-Security-Policy allows scripts from 'self' only
// (no inline script), which is what keeps imported customer text from ever
// running as code; Trunk emits its loader inline, so it is moved out here.
//
// Why two stages: the planner module (src/main.rs) is most of the app's bytes.
// Trunk builds it as a second Rust app (`data-type="worker"`, target web) that it
// neither hashes nor loads. This hook names its files by their content (so a
// static host may cache them for ever) and writes a loader that starts the small
// quick start module (src/bin/csp-planner-start) first, then loads the planner
// behind the start screen and hands the page over (src/ui/quick_start.rs).
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { addInstallFiles, writeServiceWorker } from './offline.mjs';

const PLANNER = 'csp-planner';

const stagingDir = process.env.TRUNK_STAGING_DIR;
if (!stagingDir) {
  fail('TRUNK_STAGING_DIR is not set (run it as a Trunk hook)');
}

function fail(message) {
  console.error(`externalize-loader: ${message}`);
  process.exit(1);
}

const digest = (bytes, algorithm, encoding) => createHash(algorithm).update(bytes).digest(encoding);

const indexPath = join(stagingDir, 'index.html');
const html = readFileSync(indexPath, 'utf8');
const inlineModule = /<script type="module"(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g;
const loaders = [...html.matchAll(inlineModule)];
if (loaders.length !== 1) {
  fail(`expected one inline module script in index.html, found ${loaders.length}`);
}
const [wholeScript, trunkLoader] = loaders[0];
const quickStartJs = trunkLoader.match(/from\s+'([^']+\.js)'/)?.[1];
const quickStartWasm = trunkLoader.match(/module_or_path:\s*'([^']+\.wasm)'/)?.[1];
if (!quickStartJs || !quickStartWasm) {
  fail(`cannot find the quick start's files in Trunk's loader:\n${trunkLoader}`);
}

// The planner's files, renamed after their content.
const plannerWasmBytes = readFileSync(join(stagingDir, `${PLANNER}_bg.wasm`));
const plannerJsBytes = readFileSync(join(stagingDir, `${PLANNER}.js`));
const plannerHash = digest(Buffer.concat([plannerWasmBytes, plannerJsBytes]), 'sha256', 'hex').slice(0, 16);
const plannerJs = `${PLANNER}-${plannerHash}.js`;
const plannerWasm = `${PLANNER}-${plannerHash}_bg.wasm`;
renameSync(join(stagingDir, `${PLANNER}.js`), join(stagingDir, plannerJs));
renameSync(join(stagingDir, `${PLANNER}_bg.wasm`), join(stagingDir, plannerWasm));

const loader = `// Written by scripts/externalize-loader.mjs at build time.
// Stage 1: the quick start shows the start screen at once.
import initQuickStart, * as quickStart from '${quickStartJs}';
await initQuickStart({ module_or_path: '${quickStartWasm}' });

// Stage 2: the planner loads behind the start screen, then takes the page over
// (what the user did meanwhile is handed over by quickStart.hand_over()).
async function compilePlanner() {
  const response = await fetch(new URL('./${plannerWasm}', import.meta.url));
  if (!response.ok) {
    throw new Error(\`HTTP \${response.status} \${response.statusText}: ${plannerWasm}\`);
  }
  const copy = response.clone();
  try {
    return await WebAssembly.compileStreaming(response);
  } catch (error) {
    // Some static hosts do not serve .wasm as application/wasm, which streaming needs.
    if (error instanceof TypeError) {
      return WebAssembly.compile(await copy.arrayBuffer());
    }
    throw error;
  }
}

try {
  const [planner, module] = await Promise.all([import('./${plannerJs}'), compilePlanner()]);
  window.cspPlannerHandover = quickStart.hand_over();
  const wasm = await planner.default({ module_or_path: module });
  window.wasmBindings = planner;
  dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
} catch (error) {
  quickStart.planner_failed(String(error?.message ?? error));
}
`;
const loaderName = `loader-${digest(loader, 'sha256', 'hex').slice(0, 16)}.js`;
writeFileSync(join(stagingDir, loaderName), loader);
writeFileSync(indexPath, html.replace(wholeScript, `<script type="module" src="./${loaderName}"></script>`));
console.log(`externalize-loader: quick start ${quickStartJs}, planner ${plannerJs}, loader ${loaderName}`);

// Installable and offline: the manifest, icons and service worker (scripts/offline.mjs).
// Last, so that the service worker lists every file of the build, this loader included.
const install = addInstallFiles(stagingDir);
const worker = writeServiceWorker(stagingDir);
console.log(`externalize-loader: manifest ${install.manifest}, service worker ${worker.version} caching ${worker.files} files`);
