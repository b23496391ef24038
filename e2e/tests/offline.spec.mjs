// The built folder as a host serves it: a service worker that keeps one build for offline use
// and moves to a new build whole, and .gz/.br files beside each asset.
import { test, expect } from '@playwright/test';
import { spawn, execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
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
  await context.setOffline(false);
});

test('a new build is picked up whole on the next visit, never mixed with the old one', async ({ browser }) => {
  const dir = mkdtempSync(join(tmpdir(), 'ccp-site-'));
  cpSync(dist, dir, { recursive: true });
  const port = 8093;
  const server = spawn(process.execPath, [serve, String(port), dir], { stdio: 'ignore' });
  try {
    // Wait for the server to answer (a fixed pause is too short on a busy machine).
    for (let i = 0; i < 100; i++) {
      const up = await fetch(`http://127.0.0.1:${port}/`).then(() => true, () => false);
      if (up) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const context = await browser.newContext();
    const page = await context.newPage();
    const failed = [];
    page.on('requestfailed', (r) => failed.push(r.url()));
    page.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
    const url = `http://127.0.0.1:${port}/some/sub/path/`;
    await page.goto(url);
    await expect(page.locator('[data-testid=headline] td[data-metric]').first()).toBeVisible();
    await controlled(page);

    // Deploy "build B": the same app under new file names, marked, with its own sw.js.
    // (boot-<hash>.js names the app's files and the glue names its snippets: they are renamed
    // and rewritten like index.html.)
    const renamed = [];
    for (const f of readdirSync(dir).filter((f) => /-[0-9a-f]{12,16}(_bg)?\.(js|wasm)$/.test(f))) {
      const next = f.replace(/-[0-9a-f]{12,16}(?=[._])/, (m) => `-b${m.slice(2)}`);
      renameSync(join(dir, f), join(dir, next));
      renamed.push([f, next]);
    }
    const rewrite = (file, edit = (t) => t) => {
      let text = readFileSync(join(dir, file), 'utf8');
      for (const [from, to] of renamed) text = text.replaceAll(from, to);
      writeFileSync(join(dir, file), edit(text));
    };
    // wasm-bindgen's snippets sit in a folder named with a hash, imported by the glue.
    for (const f of readdirSync(join(dir, 'snippets'))) {
      const next = f.replace(/-[0-9a-f]{12,16}$/, (m) => `-b${m.slice(2)}`);
      renameSync(join(dir, 'snippets', f), join(dir, 'snippets', next));
      renamed.push([f, next]);
    }
    rewrite('index.html', (html) => html.replace('<head>', '<head>\n    <meta name="build" content="B">'));
    for (const [, f] of renamed.filter(([, f]) => /^(boot|customer-cost-planner)-b[0-9a-f]+\.js$/.test(f))) rewrite(f);
    execFileSync(process.execPath, [postbuild, dir]);

    // The next visit may still show build A: the old worker answers while the page looks for
    // the new build, which installs in the background. A later visit is build B, all of it.
    // (Visits a few seconds apart, as a person makes them: a worker switches builds only
    // once the old one has no requests in flight.)
    // (A busy machine may take longer than the default wait to install a build and compile it.)
    await page.goto(url);
    await expect(page.locator('[data-testid=headline] td[data-metric]').first()).toBeVisible({ timeout: 30_000 });
    await expect.poll(async () => {
      await page.goto(url);
      await expect(page.locator('[data-testid=headline] td[data-metric]').first()).toBeVisible({ timeout: 30_000 });
      return page.locator('meta[name=build]').count();
    }, { timeout: 45_000, intervals: [3_000] }).toBe(1);
    const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /\.(js|wasm)$/.test(n) && !n.endsWith('sw.js')));
    for (const name of loaded) expect(name, 'every script of the page is build B').toMatch(/-b[0-9a-f]{10,15}[._/]/);
    expect(await page.evaluate(async () => (await caches.keys()).length)).toBe(1);
    expect(failed).toEqual([]);
    await context.close();
  } finally {
    server.kill();
  }
});
