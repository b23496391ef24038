// Starts the app, or says why it cannot. scripts/postbuild.mjs fills in the file names and
// puts this in <head> as boot-<hash>.js: a classic script (a strict Content-Security-Policy
// allows no inline script), and one that runs even where module scripts cannot load (a
// sandboxed frame with an opaque origin on a host that sends no CORS header; an old browser),
// so the page is never blank.
//
// Before anything is parsed it chooses the first screen that index.html paints while the
// WebAssembly is on its way (html[data-paint]): the example in the language the app will
// choose on a first visit, the visitor's own last first screen (a snapshot the app keeps,
// painted here from its tree with createElement and textContent, never as HTML), or a
// placeholder of the page (a share link, an embed, saved plans without a snapshot). It starts
// fetching the app at once; the app replaces the painted screen in one step when it is ready.
(() => {
  const script = document.currentScript;
  const here = (file) => new URL(file, script ? script.src : location.href).href;
  const root = document.documentElement;
  const SNAPSHOT = 'customer-cost-planner/snapshot';
  const WORKSPACE = 'customer-cost-planner/workspace';

  const fail = (why) => {
    const show = () => {
      const boot = document.getElementById('boot');
      if (boot) {
        for (const a of boot.querySelectorAll('a')) a.href = location.href;
        boot.hidden = false;
      }
      const loading = document.getElementById('boot-loading');
      if (loading) loading.hidden = true;
    };
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', show, { once: true });
    else show();
    if (why) console.error('Customer Cost Planner could not start:', why);
  };

  // ---- Which first screen (the app decides the same way, src/app.rs) ----
  const params = new URLSearchParams(location.search);
  let framed = true;
  try {
    framed = window.top !== window.self;
  } catch {
    framed = true;
  }
  const embed = params.get('embed');
  const embedded = framed || embed === '1' || embed === 'true' || embed === '';
  const linked = /^#plan=/.test(location.hash);
  let store = null;
  try {
    store = window.localStorage;
  } catch {
    store = null;
  }
  const read = (key) => {
    try {
      return store ? store.getItem(key) : null;
    } catch {
      return null;
    }
  };
  let snapshot = null;
  let saved = false;
  if (!embedded && !linked) {
    saved = read(WORKSPACE) !== null;
    try {
      const s = saved ? JSON.parse(read(SNAPSHOT) || 'null') : null;
      if (s && s.v === 1 && (s.lang === 'zh-CN' || s.lang === 'en') && Array.isArray(s.tree)) snapshot = s;
    } catch {
      snapshot = null;
    }
  }
  const asked = { zh: 'zh-CN', 'zh-cn': 'zh-CN', 'zh-hans': 'zh-CN', en: 'en', 'en-us': 'en', 'en-gb': 'en' }[(params.get('lang') || '').toLowerCase()];
  const browser = /^zh/i.test(navigator.language || '') ? 'zh-CN' : 'en';
  let paint = 'skeleton';
  let lang = asked;
  if (snapshot && (!asked || asked === snapshot.lang)) {
    paint = 'snapshot';
    lang = snapshot.lang;
  } else if (!embedded && !linked && !saved) {
    lang = asked || browser;
    paint = lang === 'en' ? 'en' : 'zh';
  }
  root.dataset.paint = paint;
  if (lang) root.lang = lang;
  // The theme, before anything paints (the app reads it from here, src/theme.rs): a `theme`
  // option of the address (an embed's, or a link's); else in an embed the light theme; else
  // the visitor's choice (the header's toggle); else the system's setting, followed while the
  // visitor has made no choice.
  const THEME = 'customer-cost-planner/theme';
  const option = ['light', 'dark', 'auto'].includes(params.get('theme')) ? params.get('theme') : null;
  const system = window.matchMedia ? matchMedia('(prefers-color-scheme: dark)') : null;
  const chosen = () => {
    const c = read(THEME);
    return c === 'dark' || c === 'light' ? c : null;
  };
  const theme = () => {
    const t = option || (embedded ? 'light' : chosen() || 'auto');
    return t === 'auto' ? (system && system.matches ? 'dark' : 'light') : t;
  };
  root.dataset.theme = theme();
  if (system && (option === 'auto' || (!option && !embedded))) {
    system.addEventListener('change', () => {
      if (option || !chosen()) root.dataset.theme = theme();
    });
  }

  // ---- The snapshot, painted from its tree ----
  const TAGS = new Set(['header', 'main', 'section', 'aside', 'nav', 'div', 'p', 'h1', 'h2', 'span', 'label', 'select',
    'option', 'details', 'summary', 'button', 'table', 'caption', 'thead', 'tbody', 'tr', 'th', 'td', 'svg', 'path', 'rect']);
  const SVG = new Set(['svg', 'path', 'rect']);
  const ATTRS = /^(class|lang|type|role|scope|colspan|value|selected|disabled|viewBox|d|rx|width|height|focusable|(aria|data)-[a-z-]+)$/;
  const build = (node, depth) => {
    if (typeof node === 'string') return document.createTextNode(node);
    if (depth > 40 || !Array.isArray(node) || !TAGS.has(node[0])) return null;
    const [tag, attrs, ...children] = node;
    const el = SVG.has(tag) ? document.createElementNS('http://www.w3.org/2000/svg', tag) : document.createElement(tag);
    if (attrs && typeof attrs === 'object') {
      for (const [k, v] of Object.entries(attrs)) if (ATTRS.test(k) && typeof v === 'string') el.setAttribute(k, v);
    }
    for (const c of children) {
      const child = build(c, depth + 1);
      if (child) el.append(child);
    }
    return el;
  };
  const paintSnapshot = () => {
    const slot = document.querySelector('.paint[data-paint="snapshot"]');
    if (!slot || !snapshot) return;
    slot.lang = snapshot.lang;
    for (const n of snapshot.tree) {
      const el = build(n, 0);
      if (el) slot.append(el);
    }
  };
  if (paint === 'snapshot') {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', paintSnapshot, { once: true });
    else paintSnapshot();
  }

  // ---- The app ----
  if (typeof WebAssembly !== 'object' || !('noModule' in HTMLScriptElement.prototype)) {
    fail('this browser has no WebAssembly or no module scripts');
    return;
  }
  // The app is fetched once the painted first screen is on screen (two frames after the page
  // is parsed): its bytes never compete with the first paint's. The wasm is fetched here, once,
  // and handed to the glue: a <link rel=preload> whose request does not match the module's own
  // fetch exactly is downloaded twice by WebKit.
  const afterFirstPaint = () => new Promise((resolve) => {
    // (A tab opened in the background paints no frames: there, a moment's wait.)
    const go = () => {
      requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 0)));
      setTimeout(resolve, document.hidden ? 0 : 500);
    };
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', go, { once: true });
    else go();
  });
  afterFirstPaint()
    .then(() => {
      const wasmResponse = fetch(here('./__APP_WASM__'));
      wasmResponse.catch(() => {});
      return import(here('./__APP_JS__')).then((bindings) => bindings.default({ module_or_path: wasmResponse }).then((wasm) => {
        window.wasmBindings = bindings;
        dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));
        offline();
      }));
    })
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
      root.dataset.update = 'ready';
      dispatchEvent(new CustomEvent('ccp:update-ready'));
    };
    const start = () => container.register(here('./sw.js')).then((registration) => {
      if (!registration) return;
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
