// Trunk post-build hook: moves Trunk's inline module loader into its own file.
//
// The page's Content-Security-Policy allows scripts from 'self' only (no inline
// script), which is what keeps imported customer text from ever running as code.
// Trunk emits its wasm loader as an inline <script type="module">, so after each
// build this writes it to loader-<hash>.js beside index.html and points at it.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const stagingDir = process.env.TRUNK_STAGING_DIR;
if (!stagingDir) {
  console.error('externalize-loader: TRUNK_STAGING_DIR is not set (run it as a Trunk hook)');
  process.exit(1);
}
const indexPath = join(stagingDir, 'index.html');
const html = readFileSync(indexPath, 'utf8');
const inlineModule = /<script type="module"(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g;
const loaders = [...html.matchAll(inlineModule)];
if (loaders.length !== 1) {
  console.error(`externalize-loader: expected one inline module script in index.html, found ${loaders.length}`);
  process.exit(1);
}
const [whole, body] = loaders[0];
const hash = createHash('sha256').update(body).digest('hex').slice(0, 16);
const fileName = `loader-${hash}.js`;
writeFileSync(join(stagingDir, fileName), body.trim() + '\n');
writeFileSync(indexPath, html.replace(whole, `<script type="module" src="./${fileName}"></script>`));
console.log(`externalize-loader: loader moved to ${fileName}`);
