// Charts: every canvas is drawn (not blank), sharp at the device pixel ratio, redrawn on
// resize, with a text alternative a screen reader can reach.
import { test, expect } from '@playwright/test';
import { open, showTab, typeInto } from './helpers.mjs';

const CHARTS = ['by-category', 'by-stage', 'customers', 'cumulative', 'ltv-cac'];

/** Counts pixels that are not white: a drawn chart has many. */
async function inkedPixels(canvas) {
  return canvas.evaluate((c) => {
    const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
    let n = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i] < 240 || data[i + 1] < 240 || data[i + 2] < 240) n++;
    }
    return n;
  });
}

test.use({ deviceScaleFactor: 2 });

test('every chart is drawn sharp, redrawn on resize and on edits', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await open(page);
  await showTab(page, 'charts');
  for (const id of CHARTS) {
    const canvas = page.locator(`[data-chart=${id}] canvas`);
    await expect(canvas).toHaveAttribute('data-draws', /[1-9]/);
    const size = await canvas.evaluate((c) => ({ w: c.width, css: c.clientWidth, h: c.height, cssH: c.clientHeight }));
    expect(size.w, `${id} bitmap is scaled by devicePixelRatio`).toBe(size.css * 2);
    expect(size.h).toBe(size.cssH * 2);
    expect(await inkedPixels(canvas), `${id} is not blank`).toBeGreaterThan(5000);
    // The text alternative: a table of the data and a summary.
    await expect(page.locator(`[data-chart=${id}] .chart-data tbody tr`).first()).toBeAttached();
    await expect(canvas).toHaveAttribute('aria-describedby', `chart-${id}-summary`);
  }

  const canvas = page.locator('[data-chart=customers] canvas');
  const wide = await canvas.evaluate((c) => c.width);
  const draws = Number(await canvas.getAttribute('data-draws'));
  await page.setViewportSize({ width: 480, height: 900 });
  await expect.poll(() => canvas.evaluate((c) => c.width)).toBeLessThan(wide);
  expect(Number(await canvas.getAttribute('data-draws'))).toBeGreaterThan(draws);
  expect(await canvas.evaluate((c) => c.width)).toBe(await canvas.evaluate((c) => c.clientWidth * 2));

  // Charts follow edits and the language.
  const table = page.locator('[data-chart=ltv-cac] .chart-data tbody tr').first();
  await expect(table.locator('td')).toHaveText('4.85×');
  await showTab(page, 'budget');
  await typeInto(page.locator('#econ-gross_margin_pct'), '70');
  await page.locator('#lang-select').selectOption('en');
  await showTab(page, 'charts');
  await expect(page.locator('[data-chart=ltv-cac] h3')).toHaveText('LTV:CAC');
  await expect(page.locator('[data-chart=customers] h3')).toHaveText('Active customers by month');
  await expect(table.locator('th')).toHaveText('Baseline');
  await expect(table.locator('td')).not.toHaveText('4.85×');
});

test('a PNG of a chart can be downloaded', async ({ page }) => {
  await open(page);
  await showTab(page, 'charts');
  await expect(page.locator('[data-chart=cumulative] canvas')).toHaveAttribute('data-draws', /[1-9]/);
  const download = page.waitForEvent('download');
  await page.locator('[data-chart=cumulative] [data-action=download-png]').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('cumulative.png');
});

test('the monthly charts can show each scenario as its difference from the baseline', async ({ page }) => {
  await open(page);
  await showTab(page, 'charts');
  const canvas = page.locator('[data-chart=customers] canvas');
  await expect(canvas).toHaveAttribute('data-draws', /[1-9]/);
  const last = page.locator('[data-chart=customers] .chart-data tbody tr').last();
  const before = await last.locator('td').allTextContents();
  const draws = Number(await canvas.getAttribute('data-draws'));
  await page.locator('[data-action=chart-difference]').check();
  await expect(page.locator('[data-chart=customers] h3')).toHaveText('每月活跃客户数（与基准的差额）');
  await expect(last.locator('td').first()).toHaveText('0');
  const after = await last.locator('td').allTextContents();
  // Month 12: scenario − baseline, as the values table said (shown there as whole customers).
  const num = (t) => Number(t.replaceAll(',', ''));
  for (let i = 1; i < before.length; i++) {
    expect(Math.abs(num(after[i]) - (num(before[i]) - num(before[0])))).toBeLessThanOrEqual(1);
  }
  await expect.poll(async () => Number(await canvas.getAttribute('data-draws'))).toBeGreaterThan(draws);
  expect(await inkedPixels(canvas)).toBeGreaterThan(5000);
  await expect(page.locator('[data-chart=cumulative] h3')).toContainText('与基准的差额');
});

test('values under the pointer, a tap or the arrow keys', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await open(page);
  await showTab(page, 'charts');
  const chart = page.locator('[data-chart=customers]');
  const canvas = chart.locator('canvas');
  await expect(canvas).toHaveAttribute('data-draws', /[1-9]/);
  const rows = chart.locator('.chart-data tbody tr');
  const cells = async (i) => (await rows.nth(i).locator('td').allTextContents()).map((t) => t.trim());
  // By keyboard: End is the last month, ← steps back, Esc hides.
  await canvas.focus();
  await page.keyboard.press('End');
  const tip = chart.locator('[data-testid=chart-tip]');
  await expect(tip).toHaveAttribute('data-row', '11');
  for (const value of await cells(11)) await expect(tip).toContainText(value);
  await page.keyboard.press('ArrowLeft');
  await expect(tip).toHaveAttribute('data-row', '10');
  await page.keyboard.press('Escape');
  await expect(tip).toHaveCount(0);
  // By pointer: the left edge of the plot is the first month; a bar chart reads out its bar.
  const box = await canvas.boundingBox();
  await page.mouse.move(box.x + 2, box.y + box.height / 2);
  await expect(tip).toHaveAttribute('data-row', '0');
  const bars = page.locator('[data-chart=ltv-cac] canvas');
  const b = await bars.boundingBox();
  await bars.hover({ position: { x: b.width - 20, y: b.height / 2 } });
  const last = await page.locator('[data-chart=ltv-cac] .chart-data tbody tr').count();
  await expect(page.locator('[data-chart=ltv-cac] [data-testid=chart-tip]')).toHaveAttribute('data-row', String(last - 1));
});
