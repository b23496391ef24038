// Starts the app, or says why it cannot. scripts/postbuild.mjs fills in the two file names and
// writes this as boot-<hash>.js in place of the inline module script Trunk writes: an inline
// script breaks a strict Content-Security-Policy (script-src 'self').
//
// A classic script on purpose: it runs even where module scripts cannot load (a sandboxed frame
// with an opaque origin on a host that sends no CORS header; an old browser), so the page is
// never blank. index.html shows a loading line at once; this replaces it with the app, or with a
// message and a link that opens the planner in its own tab.
(() => {
  const script = document.currentScript;
  const here = (file) => new URL(file, script ? script.src : location.href).href;
  const fail = (why) => {
    const loading = document.getElementById('boot-loading');
    const failed = document.getElementById('boot-failed');
    if (loading) loading.hidden = true;
    if (failed) {
      for (const a of failed.querySelectorAll('a')) a.href = location.href;
      failed.hidden = false;
    }
    if (why) console.error('Customer Cost Planner could not start:', why);
  };
  if (typeof WebAssembly !== 'object' || !('noModule' in HTMLScriptElement.prototype)) {
    fail('this browser has no WebAssembly or no module scripts');
    return;
  }
  import(here('./__APP_JS__'))
    .then((bindings) => bindings.default({ module_or_path: here('./__APP_WASM__') }).then((wasm) => {
      document.getElementById('boot')?.remove();
      window.wasmBindings = bindings;
      dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
      offline();
    }))
    .catch(fail);

  // The offline copy (sw.js, release builds where the browser has service workers). A new
  // build installs in the background and waits: the page is told (`ccp:update-ready`, and
  // data-update="ready" on <html> for a page that starts listening later) and switches only
  // when it asks (`ccp:apply-update`, sent by the app once its work is saved).
  function offline() {
    if (!__RELEASE__ || !('serviceWorker' in navigator)) return;
    const container = navigator.serviceWorker;
    const ready = () => {
      if (!container.controller) return;
      document.documentElement.dataset.update = 'ready';
      dispatchEvent(new CustomEvent('ccp:update-ready'));
    };
    const start = () => container.register(here('./sw.js')).then((registration) => {
      const watch = (worker) => worker?.addEventListener('statechange', () => {
        if (worker.state === 'installed') ready();
      });
      if (registration.waiting) ready();
      watch(registration.installing);
      registration.addEventListener('updatefound', () => watch(registration.installing));
      addEventListener('ccp:apply-update', () => {
        const waiting = registration.waiting;
        if (!waiting) {
          location.reload();
          return;
        }
        container.addEventListener('controllerchange', () => location.reload(), { once: true });
        waiting.postMessage({ type: 'ccp-skip-waiting' });
      });
      // Look for a new build now (offline the check fails quietly: the cached build stays).
      registration.update().catch(() => {});
    }, () => console.warn('Customer Cost Planner: the offline copy is not available in this browser'));
    // After the page has settled: registering fetches every file of the build.
    if (document.readyState === 'complete') setTimeout(start, 0);
    else addEventListener('load', () => setTimeout(start, 0), { once: true });
  }
})();
