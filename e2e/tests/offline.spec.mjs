// The built folder as a host serves it: a service worker that keeps one build for offline use
// and moves to a new build whole, and .gz/.br files beside each asset.
import { test, expect } from '@playwright/test';
import { spawn, execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { open } from './helpers.mjs';

const dist = fileURLToPath(new URL('../../dist', import.meta.url));
const serve = fileURLToPath(new URL('../serve.mjs', import.meta.url));
const postbuild = fileURLToPath(new URL('../../scripts/postbuild.mjs', import.meta.url));

/** Waits until this page is controlled by an active service worker. */
async function controlled(page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((r) => navigator.serviceWorker.addEventListener('controllerchange', r, { once: true }));
    }
  });
}

test('every asset has a .gz and a .br beside it that decompress to it', () => {
  const assets = readdirSync(dist).filter((f) => /\.(html|js|wasm|css|svg)$/.test(f));
  expect(assets.some((f) => f.endsWith('.wasm'))).toBe(true);
  expect(assets).toContain('sw.js');
  for (const f of assets) {
    const data = readFileSync(join(dist, f));
    expect(gunzipSync(readFileSync(join(dist, `${f}.gz`))).equals(data), f).toBe(true);
    expect(brotliDecompressSync(readFileSync(join(dist, `${f}.br`))).equals(data), f).toBe(true);
  }
});

test('after one visit the app starts and works with no network', async ({ page, context }) => {
  await open(page);
  await controlled(page);
  await context.setOffline(true);
  await page.reload();
  await expect(page.locator('[data-testid=headline] td[data-metric]').first()).toBeVisible();
  const end = page.locator('[data-testid=headline] [data-scenario=baseline][data-metric=end_customers]');
  const before = await end.getAttribute('data-value');
  await page.locator('#econ-new_customers_per_month').fill('150');
  await expect(end).not.toHaveAttribute('data-value', before);
  // Every part whose code is fetched when first opened is in the offline copy too.
  for (const [tab, ready] of [['scenarios', '[data-action=add-preset-service_quality]'], ['compare', '[data-testid=comparison]'], ['charts', '.chart-grid canvas'], ['answers', '[data-testid=tornado] tbody tr']]) {
    await page.locator(`#tab-${tab}`).click();
    await expect(page.locator(ready).first()).toBeVisible();
  }
  await page.locator('#tab-budget').click();
  await page.locator('[data-testid=calc-grid] summary').click();
  await expect(page.locator('.calc-table tbody tr').first()).toBeVisible();
  await page.locator('[data-action=file-menu]').click();
  await page.locator('[data-action=backups]').click();
  await expect(page.locator('dialog.modal [data-testid=no-backups]')).toBeVisible();
  await page.keyboard.press('Escape');
  await page.locator('[data-action=file-menu]').click();
  await page.locator('[data-action=report]').click();
  await expect(page.locator('[data-testid=report]')).toBeVisible();
  await expect(page.locator('[data-testid=part-failed]')).toHaveCount(0);
  await context.setOffline(false);
});

/** Serves a copy of dist/ on `port` (at the root and under /some/sub/path/). */
async function site(port) {
  const dir = mkdtempSync(join(tmpdir(), 'ccp-site-'));
  cpSync(dist, dir, { recursive: true });
  const server = spawn(process.execPath, [serve, String(port), dir], { stdio: 'ignore' });
  // Wait for the server to answer (a fixed pause is too short on a busy machine).
  for (let i = 0; i < 100; i++) {
    const up = await fetch(`http://127.0.0.1:${port}/`).then(() => true, () => false);
    if (up) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return { dir, server, url: `http://127.0.0.1:${port}/some/sub/path/` };
}

/**
 * Deploys "build B" into `dir`: the same app under new file names, marked with a meta tag, and
 * its own sw.js. Every file of the app's build carries one hash (scripts/wasm.mjs) and the boot
 * script its own; both are changed, and the files that name them are rewritten. `edit(stage)`
 * may change the staged folder before it goes live.
 *
 * Built in a copy and swapped in, as a host deploys: the page's own look for updates (boot.js
 * calls `registration.update()` once it has registered) can come at any moment, and must never
 * meet a folder half written.
 */
function deployB(dir, edit = () => {}) {
  const stage = `${dir}-b`;
  cpSync(dir, stage, { recursive: true });
  const glue = readdirSync(stage).find((f) => /^customer-cost-planner-[0-9a-f]{16}\.js$/.test(f));
  const hash = glue.slice('customer-cost-planner-'.length, -3);
  // Another hash of the same length (whatever the first digit was: a hash may start with b).
  const other = (h) => `${h[0] === 'b' ? 'c' : 'b'}${h.slice(1)}`;
  const hashB = other(hash);
  const boot = readdirSync(stage).find((f) => /^boot-[0-9a-f]{16}\.js$/.test(f));
  const bootB = `boot-${other(boot.slice(5))}`;
  for (const f of readdirSync(stage).filter((f) => f.includes(hash) && !/\.(gz|br)$/.test(f))) {
    renameSync(join(stage, f), join(stage, f.replace(hash, hashB)));
  }
  renameSync(join(stage, boot), join(stage, bootB));
  const rewrite = (file, change = (t) => t) => {
    const text = readFileSync(join(stage, file), 'utf8').replaceAll(hash, hashB).replaceAll(boot, bootB);
    writeFileSync(join(stage, file), change(text));
  };
  rewrite('index.html', (html) => html.replace('<head>', '<head>\n    <meta name="build" content="B">'));
  for (const f of readdirSync(stage).filter((f) => f.includes(hashB) && f.endsWith('.js'))) rewrite(f);
  rewrite(bootB);
  execFileSync(process.execPath, [postbuild, stage]);
  edit(stage);
  renameSync(dir, `${dir}-a`);
  renameSync(stage, dir);
  return { hash: hashB, boot: bootB };
}

const headline = (page) => page.locator('[data-testid=headline] td[data-metric]').first();

test('the offline copy answers only the app\'s own page: other pages of its folder and site are themselves', async ({ browser }) => {
  const { dir, server } = await site(8096);
  try {
    mkdirSync(join(dir, 'plans'));
    writeFileSync(join(dir, 'plans', 'demo.json'), '{"a plan file":true}');
    writeFileSync(join(dir, 'notes.html'), '<!doctype html><title>Notes</title><p id="notes">Our notes beside the app.</p>');
    const context = await browser.newContext();
    const page = await context.newPage();
    // Hosted at the site's root, as docs/hosting.md allows.
    const root = 'http://127.0.0.1:8096/';
    await page.goto(root);
    await expect(headline(page)).toBeVisible();
    await controlled(page);
    await page.goto(`${root}notes.html`);
    await expect(page.locator('#notes')).toHaveText('Our notes beside the app.');
    await page.goto(`${root}plans/demo.json`);
    await expect(page.locator('body')).toContainText('a plan file');
    await page.goto(`${root}embed.js`);
    await expect(page.locator('body')).toContainText('data-ccp');
    const missing = await page.goto(`${root}some/other/page.html`);
    expect(missing.status()).toBe(404);
    // The app's own page, with a query or a share link, is still the cached app offline.
    await context.setOffline(true);
    await page.goto(`${root}?lang=en#anything`);
    await expect(headline(page)).toBeVisible();
    await page.goto(`${root}index.html`);
    await expect(headline(page)).toBeVisible();
    await context.setOffline(false);
    await context.close();
  } finally {
    server.kill();
  }
});

test('a new build waits: the open page offers a reload, and switches whole when asked', async ({ browser }) => {
  const { dir, server, url } = await site(8093);
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const failed = [];
    // (A reload cancels what is in flight, such as the idle fetch of a part: not a failure.)
    page.on('requestfailed', (r) => { if (!/ERR_ABORTED/.test(r.failure()?.errorText ?? '')) failed.push(r.url()); });
    page.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
    await page.goto(url);
    await expect(headline(page)).toBeVisible();
    await controlled(page);
    const b = deployB(dir);
    // The page looks for a new build when it starts: a reload of this page finds B, which
    // installs in the background and waits. The page stays build A and says B is ready.
    await page.reload();
    await expect(headline(page)).toBeVisible();
    const ready = page.locator('.notice[data-notice=update-ready]');
    await expect(ready).toBeVisible({ timeout: 30_000 });
    expect(await page.locator('meta[name=build]').count()).toBe(0);
    // Another visit while it waits is still build A: nothing switches under an open page.
    await page.goto(url);
    await expect(headline(page)).toBeVisible();
    expect(await page.locator('meta[name=build]').count()).toBe(0);
    // The user's edit is saved, then the reload brings build B, all of it.
    await page.locator('#econ-churn_pct').fill('6');
    await page.locator('#econ-churn_pct').press('Tab');
    await page.locator('.notice[data-notice=update-ready] [data-action=reload]').click();
    await expect.poll(() => page.locator('meta[name=build]').count(), { timeout: 30_000 }).toBe(1);
    await expect(headline(page)).toBeVisible({ timeout: 30_000 });
    await expect(page.locator('#econ-churn_pct')).toHaveValue('6');
    const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /\.(js|wasm)$/.test(n) && !n.endsWith('sw.js')));
    for (const name of loaded) expect(name.includes(b.hash) || name.endsWith(b.boot), `${name} is build B's`).toBe(true);
    // This build's cache and the one before (for pages of A still open), no more.
    expect(await page.evaluate(async () => (await caches.keys()).length)).toBeLessThanOrEqual(2);
    expect(failed).toEqual([]);
    await context.close();
  } finally {
    server.kill();
  }
});

test('a new build whose files do not name each other (a host cache serving an old page) is refused', async ({ browser }) => {
  const { dir, server, url } = await site(8097);
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(url);
    await expect(headline(page)).toBeVisible();
    await controlled(page);
    const before = await page.evaluate(async () => (await caches.keys()).sort());
    const oldIndex = readFileSync(join(dir, 'index.html'));
    // Half old: the host still serves build A's page beside build B's files and worker.
    deployB(dir, (stage) => writeFileSync(join(stage, 'index.html'), oldIndex));
    await page.reload();
    await expect(headline(page)).toBeVisible();
    // The new worker tries, finds the page does not name its files, and gives up.
    await expect.poll(() => page.evaluate(async () => {
      const r = await navigator.serviceWorker.getRegistration();
      return r && !r.installing ? (r.waiting ? 'waiting' : 'settled') : 'installing';
    }), { timeout: 30_000 }).toBe('settled');
    expect(await page.evaluate(async () => (await caches.keys()).sort())).toEqual(before);
    await expect(page.locator('.notice[data-notice=update-ready]')).toHaveCount(0);
    // Build A still works offline, whole.
    await context.setOffline(true);
    await page.reload();
    await expect(headline(page)).toBeVisible();
    expect(await page.locator('meta[name=build]').count()).toBe(0);
    await context.close();
  } finally {
    server.kill();
  }
});

test('a tab of the old build still open loads its parts after another tab switched to the new build', async ({ browser }) => {
  const { dir, server, url } = await site(8098);
  try {
    const context = await browser.newContext();
    const old = await context.newPage();
    await old.goto(url);
    await expect(headline(old)).toBeVisible();
    await controlled(old);
    const other = await context.newPage();
    await other.goto(url);
    await expect(headline(other)).toBeVisible();
    deployB(dir);
    await other.reload();
    await expect(headline(other)).toBeVisible();
    await expect(other.locator('.notice[data-notice=update-ready]')).toBeVisible({ timeout: 30_000 });
    await other.locator('.notice[data-notice=update-ready] [data-action=reload]').click();
    await expect.poll(() => other.locator('meta[name=build]').count(), { timeout: 30_000 }).toBe(1);
    // Build A's files are gone from the server; the tab of build A still gets its parts.
    expect(await old.locator('meta[name=build]').count()).toBe(0);
    await old.locator('#tab-answers').click();
    await expect(old.locator('[data-testid=tornado] tbody tr').first()).toBeVisible();
    await old.locator('#tab-charts').click();
    await expect(old.locator('.chart-grid canvas').first()).toBeVisible();
    await expect(old.locator('[data-testid=part-failed]')).toHaveCount(0);
    await context.close();
  } finally {
    server.kill();
  }
});
