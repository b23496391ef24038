// Layout, language and accessibility: 360 px and 1440 px in both languages (screenshots are
// saved as artifacts), keyboard use, labels tied to fields, no serious axe violations.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { open, showTab } from './helpers.mjs';

const ARTIFACTS = fileURLToPath(new URL('../artifacts', import.meta.url));
mkdirSync(ARTIFACTS, { recursive: true });

for (const width of [390, 1440]) {
  for (const locale of ['zh-CN', 'en-US']) {
    test(`screenshots at ${width} px in ${locale}`, async ({ browser }) => {
      const context = await browser.newContext({ locale, viewport: { width, height: 900 } });
      const page = await context.newPage();
      await open(page);
      const lang = locale === 'zh-CN' ? 'zh-CN' : 'en';
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      // Nothing is wider than the screen: no sideways scrolling of the page.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, 'page fits the viewport width').toBeLessThanOrEqual(0);
      for (const tab of ['budget', 'scenarios', 'compare', 'charts']) {
        await showTab(page, tab);
        if (tab === 'charts') {
          await expect(page.locator('[data-chart=ltv-cac] canvas')).toHaveAttribute('data-draws', /[1-9]/);
        }
        await page.screenshot({ path: `${ARTIFACTS}/${tab}-${width}-${lang}.png`, fullPage: true });
      }
      await context.close();
    });
  }
}

for (const width of [1280, 1440]) {
  for (const locale of ['zh-CN', 'en-US']) {
    test(`at ${width} px in ${locale} the headline table fits its card, every figure in view`, async ({ browser }) => {
      const context = await browser.newContext({ locale, viewport: { width, height: 900 } });
      const page = await context.newPage();
      await open(page);
      const box = page.locator('.headline .table-scroll');
      const { inner, table } = await box.evaluate((e) => ({ inner: e.clientWidth, table: e.scrollWidth }));
      expect(table, 'headline table width within its card').toBeLessThanOrEqual(inner);
      const right = await box.evaluate((e) => e.getBoundingClientRect().right);
      for (const cell of await page.locator('[data-testid=headline] td[data-metric=net_contribution]').all()) {
        expect((await cell.boundingBox()).x + (await cell.boundingBox()).width).toBeLessThanOrEqual(right + 0.5);
      }
      await context.close();
    });
  }
}

for (const [width, locale] of [[800, 'zh-CN'], [1024, 'en-US'], [1279, 'en-US']]) {
  test(`at ${width} px (a tablet, a narrow window, an embed's column) in ${locale} the headline and the budget lines fit`, async ({ browser }) => {
    const context = await browser.newContext({ locale, viewport: { width, height: 900 } });
    const page = await context.newPage();
    await open(page);
    // The headline as a card per scenario (baseline and the one picked), every figure labelled.
    const headline = page.locator('[data-testid=headline]');
    await expect(headline.locator('tr.baseline td[data-metric=net_contribution]')).toBeVisible();
    await expect(headline.locator('tbody tr:visible')).toHaveCount(2);
    await page.locator('#headline-scenario').selectOption('s3');
    await expect(headline.locator('td[data-scenario=s3][data-metric=ltv_cac]')).toBeVisible();
    // Every budget line's fields and buttons in view, none scrolling sideways.
    const lines = page.locator('.lines-table');
    for (const field of ['.name input', 'select >> nth=2', 'td.num:not(.total) input', 'td.total', '[data-action=delete-line]']) {
      const b = await lines.locator('tbody tr').first().locator(field).boundingBox();
      expect(b.x + b.width, field).toBeLessThanOrEqual(width);
    }
    const wide = await page.evaluate(() => [...document.querySelectorAll('.headline .table-scroll, .table-scroll:has(.lines-table)')]
      .filter((e) => e.scrollWidth > e.clientWidth).map((e) => `${e.querySelector('table')?.className}: ${e.scrollWidth} in ${e.clientWidth}`));
    expect(wide).toEqual([]);
    await context.close();
  });
}

for (const [width, locale] of [[1440, 'en-US'], [390, 'zh-CN']]) {
  test(`at ${width} px in ${locale} a figure's definition is on top and inside the window, by keyboard and by tap`, async ({ browser }) => {
    const context = await browser.newContext({ locale, viewport: { width, height: 800 }, hasTouch: width < 400 });
    const page = await context.newPage();
    await open(page);
    /** Whether every corner and the middle of the definition are the definition itself. */
    const onTop = (tip) => tip.evaluate((t) => {
      const r = t.getBoundingClientRect();
      const inside = r.left >= 0 && r.right <= document.documentElement.clientWidth && r.top >= 0 && r.bottom <= innerHeight;
      const points = [[r.left + 3, r.top + 3], [r.right - 3, r.top + 3], [r.left + 3, r.bottom - 3], [r.right - 3, r.bottom - 3], [(r.left + r.right) / 2, (r.top + r.bottom) / 2]];
      return inside && points.every(([x, y]) => t.contains(document.elementFromPoint(x, y)));
    });
    if (width > 1280) {
      // The last column's definition, reached by keyboard, is not cut at the table's edge.
      const term = page.locator('[data-testid=headline] thead [data-definition=net_contribution]');
      await term.focus();
      const tip = page.locator('#def-headline-net_contribution');
      await expect(tip).toBeVisible();
      expect(await onTop(tip)).toBe(true);
      await page.keyboard.press('Escape');
      await expect(tip).toBeHidden();
    } else {
      // LTV:CAC's definition in the comparison, tapped: the next row does not paint over it.
      await showTab(page, 'compare');
      const term = page.locator('[data-testid=comparison] [data-definition=ltv_cac]');
      await term.scrollIntoViewIfNeeded();
      await term.tap();
      const tip = page.locator('#def-compare-ltv_cac');
      await expect(tip).toBeVisible();
      expect(await onTop(tip)).toBe(true);
      // A second tap closes it.
      await term.tap();
      await expect(tip).toBeHidden();
    }
    await context.close();
  });
}

for (const width of [360, 390]) {
  for (const locale of ['zh-CN', 'en-US']) {
    test(`at ${width} px in ${locale} every tab is on the screen and no table scrolls sideways`, async ({ browser }) => {
      const context = await browser.newContext({ locale, viewport: { width, height: 800 } });
      const page = await context.newPage();
      await open(page);
      for (const tab of await page.locator('[role=tab]').all()) {
        const b = await tab.boundingBox();
        expect(b.x).toBeGreaterThanOrEqual(0);
        expect(b.x + b.width, await tab.getAttribute('id')).toBeLessThanOrEqual(width);
        await expect(tab).toBeVisible();
      }
      await page.locator('.calc-grid summary').click();
      const grid = page.locator('.calc-table');
      await expect(grid).toBeVisible();
      // Each month is a card whose figures are labelled.
      await expect(grid.locator('tbody tr').first().locator('td[data-label]').nth(1)).toBeVisible();
      /** The visible tables wider than their box (each would scroll sideways). */
      const wide = () => page.evaluate(() => [...document.querySelectorAll('.table-scroll')]
        .filter((e) => e.getClientRects().length && e.checkVisibility() && e.scrollWidth > e.clientWidth)
        .map((e) => `${e.querySelector('table')?.className}: ${e.scrollWidth} in ${e.clientWidth}`));
      expect(await wide(), 'budget').toEqual([]);
      for (const tab of ['scenarios', 'compare', 'charts', 'answers']) {
        await showTab(page, tab);
        if (tab === 'compare') {
          for (const group of ['costs', 'customers', 'revenue_profit', 'fees']) await page.locator(`[data-action=toggle-${group}]`).click();
          await expect(page.locator('[data-testid=comparison] tr[data-metric-row]').first()).toBeVisible();
        }
        if (tab === 'charts') {
          // Once every chart is drawn (the charts are built when the comparison is ready), each
          // data table opened.
          await expect(page.locator('[data-chart=ltv-cac] canvas')).toHaveAttribute('data-draws', /[1-9]/);
          for (const data of await page.locator('.chart-data').all()) await data.evaluate((d) => { d.open = true; });
          for (const table of await page.locator('.chart-data table').all()) await expect(table).toBeVisible();
        }
        if (tab === 'answers') await expect(page.locator('[data-testid=tornado] tbody tr').first()).toBeVisible();
        expect(await wide(), tab).toEqual([]);
      }
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), 'page width').toBeLessThanOrEqual(0);
      await context.close();
    });
  }
}

test('the default language follows the browser', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  await open(page);
  await expect(page.locator('h1')).toHaveText('Customer Cost Planner');
  await expect(page.locator('#plan-name')).toHaveValue('Example: starter plan');
  await context.close();
});

test('keyboard alone: skip link, tabs with arrow keys, visible focus', async ({ page }) => {
  await open(page);
  await page.keyboard.press('Tab');
  await expect(page.locator('.skip-link')).toBeFocused();
  await page.locator('#tab-budget').focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('#tab-scenarios')).toBeFocused();
  await expect(page.locator('#panel-scenarios')).toBeVisible();
  const outline = await page.locator('#tab-scenarios').evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe('none');
  await page.keyboard.press('Enter');
  // Every input and select has a label.
  await showTab(page, 'budget');
  const unlabelled = await page.evaluate(() =>
    [...document.querySelectorAll('input, select')]
      .filter((el) => (!el.labels || el.labels.length === 0) && !el.getAttribute('aria-label'))
      .map((el) => el.id));
  expect(unlabelled).toEqual([]);
});

for (const width of [390, 1440]) {
  for (const tab of ['budget', 'scenarios', 'compare', 'charts']) {
    test(`no WCAG 2.1 AA violations on the ${tab} tab at ${width} px`, async ({ browser }) => {
      const context = await browser.newContext({ locale: 'zh-CN', viewport: { width, height: 900 } });
      const page = await context.newPage();
      await open(page);
      await showTab(page, tab);
      if (tab === 'compare') {
        // Every group open, so every row is checked.
        for (const group of ['costs', 'customers', 'revenue_profit', 'fees']) await page.locator(`[data-action=toggle-${group}]`).click();
        await expect(page.locator('.group-toggle[aria-expanded=false]')).toHaveCount(0);
      }
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
        .analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target}`)).toEqual([]);
      await context.close();
    });
  }
}

test('the dark theme follows the system, charts included, with no contrast problem; the toggle is remembered', async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ locale: 'en-US', colorScheme: 'dark', viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await open(page);
  const root = page.locator('html');
  await expect(root).toHaveAttribute('data-theme', 'dark');
  const lightness = (color) => color.match(/\d+/g).slice(0, 3).map(Number).reduce((a, b) => a + b, 0);
  expect(lightness(await page.evaluate(() => getComputedStyle(document.body).backgroundColor))).toBeLessThan(150);
  await expect(page.locator('[data-action=theme]')).toHaveAttribute('aria-pressed', 'true');
  for (const tab of ['budget', 'compare', 'charts', 'answers']) {
    await showTab(page, tab);
    if (tab === 'compare') {
      for (const group of ['costs', 'customers', 'revenue_profit', 'fees']) await page.locator(`[data-action=toggle-${group}]`).click();
    }
    if (tab === 'charts') {
      const canvas = page.locator('[data-chart=customers] canvas');
      await expect(canvas).toHaveAttribute('data-draws', /[1-9]/);
      // The chart's own background is the dark card's, not a white block.
      const corner = await canvas.evaluate((c) => [...c.getContext('2d').getImageData(2, 2, 1, 1).data].slice(0, 3));
      expect(corner.reduce((a, b) => a + b, 0)).toBeLessThan(150);
    }
    if (tab === 'answers') await expect(page.locator('[data-testid=tornado] tbody tr').first()).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(results.violations.map((v) => `${tab} ${v.id}: ${v.nodes.length} × ${v.nodes[0]?.target}`)).toEqual([]);
  }
  // The toggle: light at once, charts redrawn light, and still light after a reload although
  // the system is dark.
  await page.locator('[data-action=theme]').click();
  await expect(root).toHaveAttribute('data-theme', 'light');
  await showTab(page, 'charts');
  await expect.poll(() => page.locator('[data-chart=customers] canvas').evaluate((c) => [...c.getContext('2d').getImageData(2, 2, 1, 1).data].slice(0, 3).reduce((a, b) => a + b, 0))).toBeGreaterThan(600);
  await page.reload();
  await expect(root).toHaveAttribute('data-theme', 'light');
  await expect(root).toHaveAttribute('data-live', '');
  await expect(page.locator('[data-action=theme]')).toHaveAttribute('aria-pressed', 'false');
  await context.close();
});
