// The foundation: the built page opens on the worked example and shows the model's figures
// for the baseline and the five strategy presets, with exact values in data attributes.
import { test, expect } from '@playwright/test';
import { figure, modelReport, open, savedPlan } from './helpers.mjs';

const close = (actual, expected, tolerance) =>
  expect(Math.abs(Number(actual) - expected), `${actual} ≈ ${expected}`).toBeLessThanOrEqual(tolerance);

test('the worked example figures are on the page to the cent', async ({ page }) => {
  const errors = await open(page);
  const money = {
    total_cost: 832334.21,
    cac: 400.0,
    cost_to_serve: 23.08,
    clv_net: 1938.43,
    end_customers: 1459.64,
    net_contribution: 999686.79,
  };
  for (const [metric, expected] of Object.entries(money)) {
    close((await figure(page, 'baseline', metric)).value, expected, 0.01);
  }
  close((await figure(page, 'baseline', 'ltv_cac')).value, 4.8461, 0.0001);
  close((await figure(page, 'baseline', 'payback_months')).value, 4.127, 0.0001);
  // The shown text is the same value, formatted.
  expect((await figure(page, 'baseline', 'total_cost')).text).toBe('¥832,334.21');
  expect((await figure(page, 'baseline', 'ltv_cac')).text).toBe('4.85×');
  // The comparison table has the rest of the worked example.
  await page.locator('#tab-compare').click();
  const within = '[data-testid=comparison]';
  close((await figure(page, 'baseline', 'acquisition_cost', within)).value, 480000, 0.01);
  close((await figure(page, 'baseline', 'serve_cost', within)).value, 352334.21, 0.01);
  close((await figure(page, 'baseline', 'revenue', within)).value, 3053368.33, 0.01);
  close((await figure(page, 'baseline', 'clv_gross', within)).value, 2400, 0.01);
  close((await figure(page, 'baseline', 'cost_ratio', within)).value, 0.2726, 0.0001);
  expect(errors).toEqual([]);
});

test('the baseline and the five presets match the model run outside the page', async ({ page }) => {
  await open(page);
  const rows = page.locator('[data-testid=headline] tbody tr');
  await expect(rows).toHaveCount(6);
  const report = modelReport(await savedPlan(page));
  expect(report.scenarios).toHaveLength(6);
  for (const scenario of report.scenarios) {
    for (const metric of ['total_cost', 'cac', 'cost_to_serve', 'clv_net', 'ltv_cac', 'payback_months', 'end_customers', 'net_contribution']) {
      const shown = await figure(page, scenario.id, metric);
      const expected = scenario.figures[metric];
      expect(shown.value, `${scenario.id} ${metric}`).toBe(expected.value ?? '');
      expect(shown.reason, `${scenario.id} ${metric}`).toBe(expected.undefined ?? '');
    }
  }
});

test('every figure on the page carries its scenario, metric and value', async ({ page }) => {
  await open(page);
  for (const tab of ['budget', 'compare']) {
    await page.locator(`#tab-${tab}`).click();
    const figures = page.locator('#main [data-metric]:visible');
    const n = await figures.count();
    expect(n).toBeGreaterThan(20);
    for (let i = 0; i < n; i++) {
      const el = figures.nth(i);
      expect(await el.getAttribute('data-scenario')).toMatch(/^(baseline|s\d+)$/);
      const value = await el.getAttribute('data-value');
      const reason = await el.getAttribute('data-reason');
      expect(value !== null).toBe(true);
      // A value, or an empty value with a reason.
      expect(value === '' ? reason !== '' : /^-?\d+(\.\d+)?$/.test(value)).toBe(true);
    }
  }
});

test('the build works from the site root as well as from a sub-path', async ({ page }) => {
  await open(page, '/');
  close((await figure(page, 'baseline', 'total_cost')).value, 832334.21, 0.01);
});
