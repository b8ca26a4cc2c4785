// Registers the app's service worker (web/service-worker.js) and tells the page
// when a new version is ready; scripts/offline.mjs adds this file to the page
// under a content name.
//
// The page and this script talk through two window events, so the planner's
// banner (src/ui/update.rs) needs no service worker API of its own:
//   `csp-planner-update-ready`  sent here when a new version waits
//                               (window.cspPlannerUpdateReady is then true);
//   `csp-planner-apply-update`  sent by the banner when the user asks for it.
// The page reloads once the new version has taken over. Drafts live in local
// storage, which neither the service worker nor the reload touch.
const container = navigator.serviceWorker;

function announceUpdate() {
  window.cspPlannerUpdateReady = true;
  dispatchEvent(new Event('csp-planner-update-ready'));
}

async function register() {
  // Relative to this script, so the app works at a site root and under any path.
  const registration = await container.register(new URL('./service-worker.js', import.meta.url), {
    scope: new URL('./', import.meta.url).pathname,
  });
  if (!registration) return; // registration turned off by the browser's automation
  // A worker that finishes installing while another one runs the page is an update.
  const watch = (worker) => worker?.addEventListener('statechange', () => {
    if (worker.state === 'installed' && container.controller) announceUpdate();
  });
  if (registration.waiting && container.controller) announceUpdate();
  watch(registration.installing);
  registration.addEventListener('updatefound', () => watch(registration.installing));
  addEventListener('csp-planner-apply-update', () => registration.waiting?.postMessage('skip-waiting'));

  // The browser looks for a new version at each visit; a page left open for days
  // looks again when it comes back into view and every hour.
  const lookAgain = () => registration.update().catch(() => {});
  document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'visible') lookAgain(); });
  setInterval(lookAgain, 60 * 60 * 1000);
}

if (container) {
  // A page that had no service worker yet is not reloaded when the first one arrives.
  let controlled = Boolean(container.controller);
  container.addEventListener('controllerchange', () => {
    if (controlled) location.reload();
    controlled = true;
  });
  // Once the planner runs (the loader then sends Trunk's `TrunkApplicationStarted`
  // and has set window.wasmBindings): installing copies the whole app, which on a
  // slow link should neither compete with the first visit's own downloads nor
  // fetch the planner twice where the server lets the browser cache it.
  const start = () => register().catch((error) => console.warn(`service worker not registered: ${error}`));
  if (window.wasmBindings) start(); else addEventListener('TrunkApplicationStarted', start, { once: true });
}
