// Trunk post_build hook (Trunk.toml): runs in the staging folder of every build.
//
// 0. Writes boot-<hash>.js (scripts/boot.js with this build's names) into <head>, and the painted
//    first screen into index.html.
// 1. Writes sw.js, the service worker: it keeps this build's files (named by content hash) in a
//    cache of its own, so a repeat visit starts with no network and the app works offline. A new
//    build changes sw.js; the browser installs it next to the old one, fetches every file of the
//    new build and checks that they name each other, and switches only when no page of the old
//    build is open or a page asks (docs/hosting.md): a page is always one build's HTML with that
//    build's wasm, never a mix.
// 2. Writes a .gz and a .br beside every text asset, for static hosts that serve precompressed
//    files (nginx gzip_static / brotli_static, Caddy precompressed, most CDNs).
//
// 3. Writes _headers (Netlify, Cloudflare Pages): the strict Content-Security-Policy the app runs
//    under and the CORS header that sandboxed embeds need (docs/hosting.md).
//
// Usage (Trunk sets the variable): TRUNK_STAGING_DIR=dist node scripts/postbuild.mjs
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, writeFileSync, unlinkSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2] ?? 'dist';
const compressible = new Set(['.html', '.js', '.wasm', '.css', '.svg', '.json', '.webmanifest']);

// 0. boot-<hash>.js starts the app (scripts/boot.js with this build's file names, from the
//    wasm-manifest.json that scripts/wasm.mjs wrote): a classic script, so a strict
//    Content-Security-Policy (script-src 'self') allows it and it runs even where module scripts
//    cannot, to say why the app could not start.
{
  const page = join(dir, 'index.html');
  const html = readFileSync(page, 'utf8');
  const manifestFile = join(dir, 'wasm-manifest.json');
  let manifest = null;
  try {
    manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  } catch {
    manifest = null;
  }
  if (manifest) {
    const root = new URL('..', import.meta.url).pathname;
    const boot = readFileSync(join(root, 'scripts/boot.js'), 'utf8').replace('__APP_JS__', manifest.js).replace('__APP_WASM__', manifest.wasm)
      // Development builds (trunk serve) keep no offline copy, so they always load fresh files.
      .replace('__RELEASE__', String(process.env.TRUNK_PROFILE !== 'debug'));
    const name = `boot-${createHash('sha256').update(boot).digest('hex').slice(0, 16)}.js`;
    for (const f of readdirSync(dir)) if (/^boot-[0-9a-f]+\.js$/.test(f)) unlinkSync(join(dir, f));
    writeFileSync(join(dir, name), boot);
    // In <head> and not deferred: it chooses the painted first screen before the body is shown.
    const tags = `<script src="./${name}"></script>\n  `;
    const cleaned = html
      // Trunk's own Rust pipeline is skipped (index.html says why); its link and note go.
      .replace(/\s*<!-- The WebAssembly is built in parts[\s\S]*?-->\s*<link data-trunk rel="rust"[^>]*>/, '')
      .replace(/<script src="\.\/boot-[0-9a-f]+\.js"( defer)?><\/script>\s*/, '');
    // The first screen of a first visit (scripts/wasm.mjs wrote it with `ccp prepaint`).
    let painted = cleaned;
    for (const lang of ['zh-CN', 'en']) {
      const file = join(dir, `prepaint-${lang}.html`);
      painted = painted.replace(`<!-- prepaint:${lang} -->`, readFileSync(file, 'utf8'));
      unlinkSync(file);
    }
    writeFileSync(page, painted.replace(/\s*<\/head>/, `\n    ${tags}</head>`));
    unlinkSync(manifestFile);
  } else if (!/<script src="\.\/boot-[0-9a-f]+\.js"><\/script>/.test(html)) {
    throw new Error('postbuild: no wasm-manifest.json (scripts/wasm.mjs did not run) and no boot script in index.html');
  }
}

// Leftovers of an earlier run are not assets. sw.js is replaced in one step below, never
// removed: a browser checking for an update meanwhile must not find it missing.
// Every file, with its path relative to dir ("snippets/…/inline0.js": wasm-bindgen's JS
// snippets live in a folder of their own).
const walk = (sub = '') => readdirSync(join(dir, sub), { withFileTypes: true })
  .flatMap((e) => (e.isDirectory() ? walk(join(sub, e.name)) : [join(sub, e.name)]));

for (const f of walk()) {
  if (f.endsWith('.gz') || f.endsWith('.br')) unlinkSync(join(dir, f));
}

const assets = walk()
  .filter((f) => f !== 'sw.js' && (compressible.has(extname(f)) || extname(f) === '.png'))
  .sort();
const hash = createHash('sha256');
for (const f of assets) hash.update(f).update(readFileSync(join(dir, f)));
const version = hash.digest('hex').slice(0, 16);

// Which build files name which others (the page names boot-*.js and the stylesheet, boot names
// the app's JS and wasm, …): the worker checks that the files it fetched for a new build name
// each other, so a host's cache cannot make it keep an old page with new files (or the reverse).
const textual = assets.filter((f) => ['.html', '.js', '.css'].includes(extname(f)));
const refs = {};
for (const f of textual) {
  const text = readFileSync(join(dir, f), 'utf8');
  const named = assets.filter((g) => g !== f && /-[0-9a-f]{8,}/.test(g) && text.includes(g));
  if (named.length) refs[f === 'index.html' ? './' : `./${f}`] = named;
}

const sw = `// Generated by scripts/postbuild.mjs for one build: keeps that build's files for offline use.
// docs/hosting.md ("The offline copy") says what it serves and when a new build takes over.
const VERSION = '${version}';
const SCOPE = new URL('./', self.registration.scope).pathname;
// Caches are per origin: the scope in the name keeps two copies of the app on one site apart.
const PREFIX = 'customer-cost-planner' + SCOPE;
const CACHE = PREFIX + VERSION;
const FILES = ${JSON.stringify(['./', ...assets.map((f) => `./${f}`)])};
const REFS = ${JSON.stringify(refs)};
const scoped = (f) => new URL(f, self.registration.scope).href;

// Install: every file of this build fetched from the network (not the browser's HTTP cache, so
// a deploy within a host's max-age cannot give an old page with new files), checked to name
// each other, then stored. Any failure leaves the build in charge as it is.
// The first build a browser installs takes charge of the open page at once (nothing was in
// charge of it); every later one waits (see below).
let first = false;

self.addEventListener('install', (event) => {
  first = !self.registration.active;
  event.waitUntil((async () => {
    // Each body is read as it arrives: a response left unread holds its connection, and a
    // browser's few connections per host would then wait on each other.
    const files = await Promise.all(FILES.map(async (f) => {
      const response = await fetch(new Request(scoped(f), { cache: 'reload' }));
      if (!response.ok) throw new Error(\`\${f}: \${response.status}\`);
      return [f, await response.blob(), new Headers(response.headers)];
    }));
    for (const [f, body] of files) {
      const names = REFS[f];
      if (!names) continue;
      const text = await body.text();
      const missing = names.filter((n) => !text.includes(n));
      if (missing.length) throw new Error(\`\${f} is not this build's (it does not name \${missing.join(', ')})\`);
    }
    const cache = await caches.open(CACHE);
    await Promise.all(files.map(([f, body, headers]) => cache.put(scoped(f), new Response(body, { status: 200, headers }))));
  })());
  // No skipWaiting: a new build waits until no page of the old one is open, or until a page
  // asks for it (the user chose "Reload" after the page saved its work).
});

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'ccp-skip-waiting') self.skipWaiting();
});

// Activate: this build and the one before stay (a page of the older build that is still open
// may load a part of itself later); older ones go.
self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const ours = (await caches.keys()).filter((k) => k.startsWith(PREFIX) && k !== CACHE);
    // The most recently made of the others stays (caches.keys() lists in creation order).
    await Promise.all(ours.slice(0, -1).map((k) => caches.delete(k)));
    if (first) await self.clients.claim();
  })());
});

// The app's own page: its folder, or its index.html, with any query (the share link is in the
// fragment, which requests never carry).
const isAppPage = (url) => url.pathname === SCOPE || url.pathname === SCOPE + 'index.html';

// A file of this build, or of any build (their names carry the build's hash: boot-H.js,
// snippets-H/…, the parts' wasm), in this folder.
const OWN = new Set(FILES.map((f) => new URL(scoped(f)).pathname));
const isBuildFile = (url) => url.pathname.startsWith(SCOPE)
  && (OWN.has(url.pathname) || /-[0-9a-f]{16}(?:[._/-]|$)/.test(url.pathname.slice(SCOPE.length)));

// This build's copy first, then the one kept from before.
async function cached(request) {
  const older = (await caches.keys()).filter((k) => k.startsWith(PREFIX) && k !== CACHE).reverse();
  for (const name of [CACHE, ...older]) {
    const hit = await (await caches.open(name)).match(request);
    if (hit) return hit;
  }
  return undefined;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // Only the app's page falls back to the cached app; every other page of the site (or of
    // this folder: plans, notes, embed.js opened directly) goes to the network as if there
    // were no worker.
    if (!isAppPage(url)) return;
    event.respondWith((async () => (await cached(scoped('./'))) ?? fetch(request))());
    return;
  }
  // This build's files, and the build before's (a page of it still open may load a part of
  // itself later, after its files left the server): from the caches, else from the network.
  // Anything else in the folder (a plan file, notes, embed.js) is left to the browser, as if
  // there were no worker.
  if (!isBuildFile(url)) return;
  event.respondWith((async () => (await cached(request)) ?? fetch(request))());
});
`;
writeFileSync(join(dir, 'sw.js.new'), sw);
renameSync(join(dir, 'sw.js.new'), join(dir, 'sw.js'));

// The policy every page of the app runs under (the embed browser tests serve it from here and count
// violations); docs/hosting.md gives the same for other servers.
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:";
writeFileSync(join(dir, '_headers'), `# Netlify and Cloudflare Pages read this file; other hosts: docs/hosting.md.
/*
  Content-Security-Policy: ${CSP}
  Access-Control-Allow-Origin: *
  X-Content-Type-Options: nosniff
`);

let before = 0;
let gz = 0;
let br = 0;
for (const f of [...assets.filter((f) => compressible.has(extname(f))), 'sw.js']) {
  const data = readFileSync(join(dir, f));
  const g = gzipSync(data, { level: 9 });
  const b = brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length } });
  writeFileSync(join(dir, `${f}.gz`), g);
  writeFileSync(join(dir, `${f}.br`), b);
  before += data.length;
  gz += g.length;
  br += b.length;
}
console.log(`postbuild: sw.js for build ${version} (${assets.length} files); precompressed ${(before / 1000).toFixed(0)} KB → gzip ${(gz / 1000).toFixed(0)} KB, brotli ${(br / 1000).toFixed(0)} KB`);
