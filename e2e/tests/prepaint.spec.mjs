// Paint first, then load (issue 18): the first screen is on the page before any WebAssembly,
// the same as the live page box by box, and the take-over shifts nothing and paints nothing
// larger; the parts of the page whose code is not needed at start are fetched when opened.
import { test, expect } from '@playwright/test';
import { STORAGE_KEY, ccp, modelReport, open, showTab, typeInto } from './helpers.mjs';

const HEADLINE = ['total_cost', 'cac', 'cost_to_serve', 'clv_net', 'ltv_cac', 'payback_months', 'end_customers', 'net_contribution'];

/** Holds every wasm response back until `release()` is called. */
async function holdWasm(page) {
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route('**/*.wasm', async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

/** Watches layout shifts and largest-contentful-paint candidates from the first byte. */
async function watchPaints(page) {
  await page.addInitScript(() => {
    window.__cls = 0;
    window.__shifts = [];
    window.__lcp = [];
    const name = (n) => (n ? `${n.nodeName}${n.id ? `#${n.id}` : ''}.${n.className?.baseVal ?? n.className ?? ''} "${(n.textContent ?? '').trim().slice(0, 24)}"` : '?');
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.hadRecentInput) continue;
        window.__cls += e.value;
        window.__shifts.push(...e.sources.map((s) => `${name(s.node)} ${JSON.stringify(s.previousRect)} → ${JSON.stringify(s.currentRect)} at ${Math.round(e.startTime)}`));
      }
    })
      .observe({ type: 'layout-shift', buffered: true });
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__lcp.push({ at: e.startTime, size: e.size }); })
      .observe({ type: 'largest-contentful-paint', buffered: true });
  });
}

/** Where each visible piece of the first screen is, by what it is (text and class). */
async function layout(page) {
  return page.evaluate(() => [...document.querySelectorAll('h1, .example-banner p, .headline h2, .headline p, .headline-table th, .headline-table td, .tab, .calc-grid summary, .toolbar select, .toolbar .button')]
    .filter((e) => e.offsetParent && !e.closest('[hidden]'))
    .map((e) => {
      const r = e.getBoundingClientRect();
      return `${e.tagName}.${e.className.baseVal ?? e.className} "${e.textContent.trim().slice(0, 24)}" ${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}×${Math.round(r.height)}`;
    }));
}

/** The painted (or live) headline figures: scenario → metric → data-value. */
async function headlineValues(page, selector) {
  return page.locator(`${selector} td[data-metric]`).evaluateAll((cells) => cells.map((c) => [c.dataset.scenario, c.dataset.metric, c.dataset.value]));
}

function expected(lang) {
  const plan = JSON.parse(JSON.stringify(modelReportPlan(lang)));
  const report = modelReport(plan, lang);
  return report.scenarios.flatMap((s) => HEADLINE.map((m) => [s.id, m, s.figures[m].value ?? '']));
}

// The example plan, as `ccp example starter` writes it.
function modelReportPlan(lang) {
  return JSON.parse(ccp(['example', 'starter', '--lang', lang])).plan;
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('a first visit shows the example\'s headline figures, equal to ccp report', async ({ page }) => {
    await page.goto('./');
    const table = page.locator('[data-testid=prepaint-headline]').first();
    await expect(table).toBeVisible();
    expect(await headlineValues(page, '.paint[data-paint="zh"] [data-testid=prepaint-headline]')).toEqual(expected('zh-CN'));
    await expect(page.locator('.paint[data-paint="zh"] .value').first()).toHaveText('¥832,334.21');
    await expect(page.locator('noscript')).toHaveCount(1);
  });
});

for (const [locale, lang, paint] of [['zh-CN', 'zh-CN', 'zh'], ['en-US', 'en', 'en']]) {
  for (const width of [390, 1440]) {
    test(`a first visit (${lang}, ${width} px) is painted before the wasm, then taken over with no shift and no larger paint`, async ({ browser }) => {
      const context = await browser.newContext({ locale, viewport: { width, height: 900 }, serviceWorkers: 'block' });
      const page = await context.newPage();
      await watchPaints(page);
      const release = await holdWasm(page);
      await page.goto('./');
      await expect(page.locator('html')).toHaveAttribute('data-paint', paint);
      const painted = page.locator(`.paint[data-paint="${paint}"]`);
      await expect(painted.locator('[data-testid=prepaint-headline]')).toBeVisible();
      expect(await headlineValues(page, `.paint[data-paint="${paint}"] [data-testid=prepaint-headline]`)).toEqual(expected(lang));
      // Plainly not editable yet: nothing takes focus or clicks, and it says it is loading.
      expect(await page.locator('#prepaint').getAttribute('inert')).not.toBeNull();
      await expect(painted.locator('.save-status.loading')).toBeVisible();
      const before = await layout(page);
      await page.screenshot({ path: `e2e/artifacts/prepaint-${lang}-${width}.png` });
      const lcpBefore = await page.evaluate(() => window.__lcp.length);

      release();
      await expect(page.locator('html')).toHaveAttribute('data-live', '');
      await expect(page.locator('#prepaint')).toHaveCount(0);
      await page.waitForTimeout(500);
      expect(await layout(page)).toEqual(before);
      expect(await headlineValues(page, '[data-testid=headline]')).toEqual(expected(lang));
      expect(await page.evaluate(() => window.__shifts)).toEqual([]);
      expect(await page.evaluate(() => window.__cls)).toBe(0);
      // The take-over painted nothing larger than the painted screen's largest element.
      expect(await page.evaluate(() => window.__lcp.length)).toBe(lcpBefore);
      await context.close();
    });
  }
}

test('a first screen arriving slowly shows whole, never half-built and shifting', async ({ browser }) => {
  // On a slow link the document comes in pieces and the browser paints what it has: without a
  // guard the headline table grows row by row and its header and cells shift each time.
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1440, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  await watchPaints(page);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: (160 * 1024) / 8, uploadThroughput: 100_000 });
  await page.route('**/*.wasm', () => {}); // never answered: only the painted screen is measured
  await page.goto('./', { waitUntil: 'domcontentloaded' });
  const painted = page.locator('.paint[data-paint="en"] [data-testid=prepaint-headline]');
  await expect(painted).toBeVisible();
  expect(await headlineValues(page, '.paint[data-paint="en"] [data-testid=prepaint-headline]')).toEqual(expected('en'));
  await page.waitForTimeout(300);
  expect(await page.evaluate(() => window.__shifts)).toEqual([]);
  await context.close();
});

test('a returning visitor sees their own last figures before the wasm, then the live page with no shift', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 900 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  await open(page);
  await typeInto(page.locator('#plan-name'), '我的方案');
  await typeInto(page.locator('#econ-new_customers_per_month'), '150');
  await page.locator('#econ-new_customers_per_month').press('Tab');
  await expect(page.locator('.save-status')).toHaveAttribute('data-status', 'saved');
  await expect.poll(() => page.evaluate(() => localStorage.getItem('customer-cost-planner/snapshot')?.includes('我的方案'))).toBe(true);
  const live = await headlineValues(page, '[data-testid=headline]');

  await watchPaints(page);
  const release = await holdWasm(page);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-paint', 'snapshot');
  const painted = '.paint[data-paint="snapshot"] [data-testid=prepaint-headline]';
  await expect(page.locator(painted)).toBeVisible();
  expect(await headlineValues(page, painted)).toEqual(live);
  await expect(page.locator('.paint[data-paint="snapshot"] select').first()).toContainText('我的方案');
  const before = await layout(page);
  const lcpBefore = await page.evaluate(() => window.__lcp.length);
  release();
  await expect(page.locator('html')).toHaveAttribute('data-live', '');
  await page.waitForTimeout(500);
  expect(await layout(page)).toEqual(before);
  expect(await page.evaluate(() => window.__cls)).toBe(0);
  expect(await page.evaluate(() => window.__lcp.length)).toBe(lcpBefore);
  await context.close();
});

test('a snapshot is only painted: markup or script in it never becomes markup or script', async ({ page }) => {
  await page.addInitScript((key) => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    localStorage.setItem(key, '{"format":"customer-cost-planner/workspace","version":2,"revision":1,"workspace":{"plans":[],"selected":1,"lang":"en"}}');
    localStorage.setItem('customer-cost-planner/snapshot', JSON.stringify({
      v: 1,
      lang: 'en',
      tree: [
        ['p', { class: 'evil', onclick: 'window.__pwned = 1', style: 'color:red' }, '<img src=x onerror="window.__pwned = 2">'],
        ['script', {}, 'window.__pwned = 3'],
        ['img', { src: 'x', onerror: 'window.__pwned = 4' }],
      ],
    }));
  }, STORAGE_KEY);
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route('**/*.wasm', async (route) => { await held; await route.continue(); });
  await page.goto('./');
  const p = page.locator('.paint[data-paint="snapshot"] p.evil');
  await expect(p).toHaveText('<img src=x onerror="window.__pwned = 2">');
  expect(await p.getAttribute('onclick')).toBeNull();
  expect(await p.getAttribute('style')).toBeNull();
  await expect(page.locator('.paint[data-paint="snapshot"] script, .paint[data-paint="snapshot"] img')).toHaveCount(0);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  release();
  await expect(page.locator('html')).toHaveAttribute('data-live', '');
});

test('a share link shows a placeholder of the page, then the shared plan', async ({ page }) => {
  const plan = modelReportPlan('en');
  const link = ccp(['link', '-'], JSON.stringify({ format: 'customer-cost-planner/plan', version: 2, plan })).trim();
  const release = await holdWasm(page);
  await page.goto(`./#${link}`);
  await expect(page.locator('html')).toHaveAttribute('data-paint', 'skeleton');
  await expect(page.locator('#boot-loading')).toBeVisible();
  release();
  await expect(page.locator('html')).toHaveAttribute('data-live', '');
  await expect(page.locator('[data-testid=shared-banner]')).toBeVisible();
});

test('the code of Answers, Charts, the month grid, the report and the file dialogs is fetched only when they are opened; Scenarios and Compare when idle', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'en-US', serviceWorkers: 'block' });
  const page = await context.newPage();
  const fetched = [];
  page.on('request', (r) => { if (/\.wasm$/.test(r.url())) fetched.push(r.url().split('/').pop().replace(/-[0-9a-f]{16}\.wasm$/, '')); });
  await open(page);
  await page.waitForTimeout(3000); // idle: the Scenarios and Compare tabs' code is prefetched, no other
  const parts = () => fetched.filter((f) => f.startsWith('split_'));
  expect(parts().filter((p) => p !== 'split_scenarios' && p !== 'split_compare')).toEqual([]);
  expect(parts()).toContain('split_compare');
  expect(fetched.some((f) => f.startsWith('customer-cost-planner'))).toBe(true);

  await showTab(page, 'answers');
  await expect(page.locator('[data-testid=tornado] tbody tr').first()).toBeVisible();
  expect(parts()).toContain('split_answers');
  expect(parts()).not.toContain('split_charts');

  await showTab(page, 'charts');
  await expect(page.locator('.chart-grid canvas').first()).toBeVisible();
  expect(parts()).toContain('split_charts');

  await showTab(page, 'budget');
  await page.locator('[data-testid=calc-grid] summary').click();
  await expect(page.locator('.calc-table tbody tr').first()).toBeVisible();
  expect(parts()).toContain('split_month_grid');

  await page.locator('[data-action=file-menu]').click();
  await page.locator('[data-action=share-link]').click();
  await expect(page.locator('dialog.modal input').first()).toHaveValue(/#plan=1\./);
  expect(parts()).toContain('split_files');
  await page.keyboard.press('Escape');

  await page.locator('[data-action=file-menu]').click();
  await page.locator('[data-action=report]').click();
  await expect(page.locator('[data-testid=report], .report').first()).toBeVisible();
  expect(parts()).toContain('split_report');
  await context.close();
});

test('a part that cannot be fetched says so and can be tried again', async ({ browser }) => {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = await open(page);
  let fail = true;
  await page.route('**/split_answers-*.wasm', (route) => (fail ? route.abort() : route.continue()));
  await showTab(page, 'answers');
  await expect(page.locator('[data-testid=part-failed]')).toBeVisible();
  // The app goes on, and "Try again" fetches the part once it can be.
  await page.locator('#lang-select').selectOption('en');
  await expect(page.locator('h1')).toHaveText('Customer Cost Planner');
  fail = false;
  await page.locator('[data-action=retry-part]').click();
  await expect(page.locator('[data-testid=tornado] tbody tr').first()).toBeVisible();
  expect(errors).toEqual([]);
  await context.close();
});
