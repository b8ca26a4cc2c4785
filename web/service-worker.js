// The app's service worker: keeps every file of this build in a cache of its own
// on the first visit, then serves the app from there, online or not.
//
// scripts/offline.mjs writes dist/service-worker.js from this file at build time,
// prefixed with BUILD_VERSION (a digest of every file it lists) and PRECACHE (the
// files, relative to this script). A new deployment is therefore a new service
// worker byte for byte: the browser installs it beside the running one, the page
// says an update is ready (web/register-service-worker.js), and it takes over only
// when the user asks. Local storage, where drafts live, is never touched here.
/* global BUILD_VERSION, PRECACHE */

// Cache names are per origin, not per path: a copy of the app under another path
// of the same site has its own caches, named after its scope.
const CACHE_PREFIX = `csp-planner ${self.registration.scope} `;
const CACHE_NAME = `${CACHE_PREFIX}${BUILD_VERSION}`;
const APP_PAGE = new URL('./', self.location).href;
const precached = new Map(PRECACHE.map(({ path, named }) => [new URL(path, self.location).href, named]));

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE_NAME);
    // A content-named file never changes, so the browser's HTTP cache may answer;
    // the page and anything else named for ever is fetched afresh. One failure
    // fails the install: the running version stays, whole.
    await cache.addAll([...precached].map(([url, named]) => new Request(url, { cache: named ? 'default' : 'no-cache' })));
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(names
      .filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE_NAME)
      .map((name) => caches.delete(name)));
  })());
});

// The page posts this when the user chose to reload into the new version.
self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  url.hash = '';
  let key = url.href;
  if (request.mode === 'navigate') {
    // The app is one page: its address with any query, or index.html, is that page.
    url.search = '';
    key = url.href === `${APP_PAGE}index.html` ? APP_PAGE : url.href;
  }
  // Anything this build does not list goes to the network untouched.
  if (!precached.has(key)) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE_NAME);
    return (await cache.match(key)) ?? fetch(request);
  })());
});
