/*! Customer Cost Planner (客户管理费规划器) embed loader · MIT OR Apache-2.0 · docs/embedding.md
 *
 *   <div data-ccp data-lang="en" data-view="calculator"></div>
 *   <script src="https://planner.example/embed.js" async></script>
 *
 * Creates the planner's iframe when the div nears the viewport, keeps the iframe as tall as its
 * content (from the moment the planner shows; until then the height data-height reserves), and
 * passes the planner's events to the page: CCP.on('ready' | 'change' | 'cta', fn).
 * Messages are accepted only from the planner's origin and from an iframe this loader made.
 */
(() => {
  'use strict';
  const script = document.currentScript;
  if (!script || !script.src) return;
  const app = new URL('./', script.src);
  const PROTOCOL = 'ccp-embed';
  const VERSION = 1;
  // data-* attribute → the planner's address parameter (validated again by the planner).
  const OPTIONS = {
    lang: 'lang', currency: 'currency', accent: 'accent', bg: 'bg', text: 'text', font: 'font',
    radius: 'radius', theme: 'theme', view: 'view', tab: 'tab', cta: 'cta', ctaUrl: 'cta_url',
    ctaShare: 'cta_share', host: 'host', plan: 'plan',
  };
  const MIN = 120;
  const MAX = 40000;

  // One API for the page, however many copies of this script it loads.
  const api = window.CCP && window.CCP.version === VERSION ? window.CCP : (() => {
    const listeners = {};
    return {
      version: VERSION,
      on(type, fn) {
        (listeners[type] = listeners[type] || []).push(fn);
        return () => { listeners[type] = listeners[type].filter((f) => f !== fn); };
      },
      emit(type, detail) {
        for (const fn of listeners[type] || []) {
          try { fn(detail); } catch (e) { setTimeout(() => { throw e; }); }
        }
      },
    };
  })();
  window.CCP = api;

  const frames = new Map(); // the iframe's window → { frame, el }

  function source(el) {
    const url = new URL(app);
    url.searchParams.set('embed', '1');
    if (location.origin && location.origin !== 'null') url.searchParams.set('parent', location.origin);
    for (const [attr, param] of Object.entries(OPTIONS)) {
      const value = el.dataset[attr];
      if (value != null && value !== '') url.searchParams.set(param, value);
    }
    // A share link (or just its "plan=1.…" part) prefills the plan.
    const link = el.dataset.link;
    if (link) {
      const at = link.indexOf('plan=');
      if (at >= 0) url.hash = link.slice(at);
    }
    return url.href;
  }

  function mount(el) {
    if (el.dataset.ccpMounted) return;
    el.dataset.ccpMounted = '1';
    const frame = document.createElement('iframe');
    frame.src = source(el);
    // The frame's accessible name in the embed's language (both when none is given).
    const titles = { en: 'Customer Cost Planner', 'zh-CN': '客户管理费规划器' };
    frame.title = el.dataset.title || titles[el.dataset.lang] || '客户管理费规划器 · Customer Cost Planner';
    frame.setAttribute('allow', 'clipboard-write');
    frame.style.display = 'block';
    frame.style.width = '100%';
    frame.style.border = '0';
    frame.style.height = `${Number(el.dataset.height) || 640}px`;
    el.appendChild(frame);
    frames.set(frame.contentWindow, { frame, el });
  }

  addEventListener('message', (event) => {
    if (event.origin !== app.origin) return;
    const known = frames.get(event.source);
    const m = event.data;
    if (!known || !m || typeof m !== 'object' || m.protocol !== PROTOCOL || m.version !== VERSION) return;
    const { frame, el } = known;
    switch (m.type) {
      case 'height':
        if (Number.isFinite(m.height)) {
          frame.style.height = `${Math.min(MAX, Math.max(MIN, Math.ceil(m.height)))}px`;
          el.style.minHeight = '';
        }
        return;
      case 'ready':
      case 'change':
      case 'cta': {
        const detail = { ...m, element: el };
        api.emit(m.type, detail);
        el.dispatchEvent(new CustomEvent(`ccp:${m.type}`, { detail, bubbles: true }));
        return;
      }
      default:
    }
  });

  function scan() {
    const els = document.querySelectorAll('[data-ccp]:not([data-ccp-mounted])');
    // The space the planner will take, held from now on (data-height: the Embed dialog writes
    // the preview's height), so nothing below moves when the frame arrives.
    for (const el of els) {
      const h = Number(el.dataset.height);
      if (h > 0 && !el.style.minHeight) el.style.minHeight = `${Math.min(MAX, Math.max(MIN, h))}px`;
    }
    if (!('IntersectionObserver' in window)) {
      els.forEach(mount);
      return;
    }
    const near = new IntersectionObserver((entries) => {
      for (const e of entries) {
        if (e.isIntersecting) {
          near.unobserve(e.target);
          mount(e.target);
        }
      }
    }, { rootMargin: '600px 0px' });
    els.forEach((el) => near.observe(el));
  }
  api.scan = scan;
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan);
  else scan();
})();
