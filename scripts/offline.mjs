// Build step (called by scripts/externalize-loader.mjs, Trunk's post-build hook):
// makes the built app installable and usable offline.
//
// - `addInstallFiles(dir)` copies the app icons and the service worker's
//   registration script (web/) under content names, writes the web app manifest
//   under a content name, and links both from index.html.
// - `writeServiceWorker(dir)` writes service-worker.js (web/service-worker.js
//   prefixed with the list of every file of the build and a digest of them all),
//   so that any change to any file is a new service worker, which is how browsers
//   notice a new deployment.
//
// Both only read and write `dir`, so they also work on a copy of dist/ (the
// update test of tests/e2e/offline.test.mjs makes a second version that way).
import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, extname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const WEB = fileURLToPath(new URL('../web/', import.meta.url));
export const SERVICE_WORKER = 'service-worker.js';
/** Trunk's and our content names end with 16 hex digits of a hash. */
const CONTENT_NAMED = /-[0-9a-f]{16}(_bg)?\.[a-z0-9]+$/;

const digest = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);

function fail(message) {
  throw new Error(`offline: ${message}`);
}

/** Copies `web/<source>` into `dir` as `<stem>-<hash><ext>`; returns the new name. */
function copyContentNamed(source, dir) {
  const bytes = readFileSync(join(WEB, source));
  const ext = extname(source);
  const name = `${basename(source, ext)}-${digest(bytes)}${ext}`;
  copyFileSync(join(WEB, source), join(dir, name));
  return name;
}

export function addInstallFiles(dir) {
  const indexPath = join(dir, 'index.html');
  const html = readFileSync(indexPath, 'utf8');
  // The SVG icon is the page's favicon, which Trunk has already named by content.
  const svgIcon = html.match(/<link rel="icon" href="\.\/(favicon-[0-9a-f]{16}\.svg)"/)?.[1];
  if (!svgIcon) fail('cannot find the favicon Trunk copied (style/favicon.svg) in index.html');
  const pngIcons = [192, 512].map((size) => ({ size, name: copyContentNamed(`icons/icon-${size}.png`, dir) }));
  const manifest = {
    name: 'CSP Migration Planner',
    short_name: 'CSP Planner',
    description: 'Plans the move of a customer’s Microsoft 365 subscriptions into a partner’s CSP program, in the browser. / Planifie le passage des abonnements Microsoft 365 d’un client dans le programme CSP d’un partenaire, dans le navigateur.',
    // Relative to the manifest, which sits beside index.html: right at any path.
    start_url: './',
    scope: './',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: '#0f5cc0',
    icons: [
      { src: `./${svgIcon}`, sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
      ...pngIcons.map(({ size, name }) => ({ src: `./${name}`, sizes: `${size}x${size}`, type: 'image/png', purpose: 'any' })),
    ],
  };
  const manifestText = `${JSON.stringify(manifest, null, 2)}\n`;
  const manifestName = `manifest-${digest(manifestText)}.webmanifest`;
  writeFileSync(join(dir, manifestName), manifestText);
  const register = copyContentNamed('register-service-worker.js', dir);
  const tags = `<link rel="manifest" href="./${manifestName}" />\n    <meta name="theme-color" content="#0f5cc0" />\n    `
    + `<script type="module" src="./${register}"></script>\n  </head>`;
  if (!html.includes('</head>')) fail('index.html has no </head>');
  writeFileSync(indexPath, html.replace('</head>', tags));
  return { manifest: manifestName, register, icons: pngIcons.map(({ name }) => name) };
}

function filesUnder(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath ?? entry.path, entry.name)).split(sep).join('/'))
    .filter((path) => path !== SERVICE_WORKER)
    .sort();
}

export function writeServiceWorker(dir) {
  const files = filesUnder(dir);
  if (!files.includes('index.html')) fail(`no index.html in ${dir}`);
  const version = createHash('sha256');
  for (const path of files) version.update(`${path}\0`).update(readFileSync(join(dir, path)));
  // The page is cached under the app's address ("./"), which is how it is visited.
  const precache = files.map((path) => ({ path: path === 'index.html' ? './' : `./${path}`, named: CONTENT_NAMED.test(path) }));
  const buildVersion = version.digest('hex').slice(0, 16);
  const source = `// Written by scripts/offline.mjs at build time from web/service-worker.js.\n`
    + `const BUILD_VERSION = '${buildVersion}';\n`
    + `const PRECACHE = ${JSON.stringify(precache, null, 1).replace(/\n\s*/g, ' ')};\n\n`
    + readFileSync(join(WEB, SERVICE_WORKER), 'utf8');
  writeFileSync(join(dir, SERVICE_WORKER), source);
  return { version: buildVersion, files: files.length };
}
