// Time in the plan (issue 21): a line that runs only some months, new customers that grow and
// follow a season, and a scenario's change that takes effect from a later month. Each is
// entered as a person does, in both languages, and the page's exact values must equal what
// the native model (`ccp report`) computes for the plan the page saved.
import { test, expect } from '@playwright/test';
import { clearField, figure, modelReport, open, savedPlan, settled, showTab, typeInto } from './helpers.mjs';

const HEADLINE = ['total_cost', 'cac', 'cost_to_serve', 'clv_net', 'ltv_cac', 'payback_months', 'end_customers', 'net_contribution'];

/** Every headline figure of every row equals the model's for the saved plan. */
async function matchesModel(page, lang) {
  await settled(page);
  const report = modelReport(await savedPlan(page), lang);
  for (const scenario of report.scenarios) {
    for (const metric of HEADLINE) {
      const shown = await figure(page, scenario.id, metric);
      const expected = scenario.figures[metric];
      expect(shown.value, `${scenario.id} ${metric}`).toBe(expected.value ?? '');
    }
  }
  return report;
}

for (const [locale, lang, words] of [
  ['zh-CN', 'zh-CN', { to: '至', outside: '超出规划期', peak: '旺季 11月 200%', from: '自第 5 个月起：', ends: '结束月份早于起始月份' }],
  ['en-US', 'en', { to: 'to', outside: 'outside the horizon', peak: 'peak Nov 200%', from: 'From month 5: ', ends: 'Ends before it starts' }],
]) {
  test.describe(locale, () => {
    test.use({ locale });

    test(`a line runs from one month to another (${locale})`, async ({ page }) => {
      await open(page);
      const before = await figure(page, 'baseline', 'total_cost');
      const row = page.locator('[data-testid=lines] tbody tr').first();
      const from = row.locator('[data-field=from_month]');
      const to = row.locator('[data-field=to_month]');
      await expect(row.locator('.window-to')).toHaveText(words.to);
      // Blank means the whole plan: the placeholders say month 1 and the plan's last month.
      await expect(from).toHaveAttribute('placeholder', '1');
      await expect(to).toHaveAttribute('placeholder', '12');
      await typeInto(from, '4');
      await typeInto(to, '3');
      await expect(row.locator('.month-field.invalid .field-error')).toHaveText(words.ends);
      await typeInto(to, '9');
      await expect(row.locator('.month-field.invalid')).toHaveCount(0);
      await expect.poll(async () => (await savedPlan(page)).lines[0]).toMatchObject({ from_month: 4, to_month: 9 });
      const after = await figure(page, 'baseline', 'total_cost');
      expect(Number(after.value)).toBeLessThan(Number(before.value));
      const report = await matchesModel(page, lang);
      // The line's total beside it counts its six months only.
      const amount = Number((await savedPlan(page)).lines[0].amount);
      await expect(row.locator('[data-metric=line_total]')).toHaveAttribute('data-value', String(amount * 6));
      // Starting after the horizon, it says so and costs nothing.
      await clearField(to);
      await typeInto(from, '13');
      await expect(row.locator('.window .warning')).toContainText(words.outside);
      await expect(row.locator('[data-metric=line_total]')).toHaveAttribute('data-value', '0');
      expect(report.scenarios.length).toBeGreaterThan(1);
    });

    test(`new customers grow and follow a season (${locale})`, async ({ page }) => {
      await open(page);
      await typeInto(page.locator('#econ-new_customers_growth_pct'), '3');
      await expect.poll(async () => (await savedPlan(page)).new_customers_growth_pct).toBe('3');
      await matchesModel(page, lang);

      const season = page.locator('[data-testid=seasonality]');
      await season.locator('summary').click();
      const body = season.locator('[data-testid=seasonality-body]');
      await expect(body).toBeVisible();
      // A row pasted from a spreadsheet: January to December.
      await body.locator('#season-paste').fill('100\t60\t100\t100\t100\t100\t100\t100\t100\t100\t200\t150');
      await body.locator('#season-paste').dispatchEvent('change');
      await expect(season.locator('[data-testid=seasonality-state]')).toHaveText(words.peak);
      // Month 1 is November: the plan starts in its peak.
      await body.locator('#season-first').selectOption('11');
      await expect.poll(async () => (await savedPlan(page)).first_calendar_month).toBe(11);
      // One month typed in its own field.
      await typeInto(body.locator('#season-3'), '80');
      await expect.poll(async () => (await savedPlan(page)).seasonality_pct[2]).toBe('80');
      await expect(body.locator('.season-bar')).toHaveCount(12);
      const report = await matchesModel(page, lang);

      // The month-by-month grid shows each month's own new customers: those of the model.
      await page.locator('[data-testid=calc-grid] summary').click();
      const grid = page.locator('[data-testid=calc-grid] table');
      await expect(grid).toBeVisible();
      const plan = await savedPlan(page);
      const n = Number(plan.new_customers_per_month);
      // Month 1 (November, 200 %): 2 N; month 2 (December, 150 %): N × 1.03 × 1.5.
      const cell = (m) => grid.locator(`tbody tr:nth-child(${m}) td:nth-child(3)`);
      await expect(cell(1)).toHaveAttribute('data-value', String(2 * n));
      const second = Number(await cell(2).getAttribute('data-value'));
      expect(Math.abs(second - n * 1.03 * 1.5)).toBeLessThan(1e-9);
      expect(report.scenarios[0].figures.total_cost.value).toBeTruthy();

      // No seasonality again.
      await body.locator('[data-action=clear-seasonality]').click();
      await expect.poll(async () => (await savedPlan(page)).seasonality_pct).toBeUndefined();
      await matchesModel(page, lang);
    });

    test(`a scenario's change takes effect from a later month (${locale})`, async ({ page }) => {
      await open(page);
      await showTab(page, 'scenarios');
      const editor = page.locator('.scenario-editor');
      const lever = editor.locator('.lever').first();
      const before = await figure(page, 's1', 'total_cost');
      await typeInto(lever.locator('[data-field=from_month]'), '5');
      await expect.poll(async () => (await savedPlan(page)).scenarios[0].levers[0].from_month).toBe(5);
      await expect(lever.locator('[data-testid=lever-effect]')).toContainText(words.from);
      const after = await figure(page, 's1', 'total_cost');
      expect(after.value).not.toBe(before.value);
      await matchesModel(page, lang);
      // Blank again: from month 1, the figures as before.
      await clearField(lever.locator('[data-field=from_month]'));
      await expect.poll(async () => (await savedPlan(page)).scenarios[0].levers[0].from_month).toBeUndefined();
      await expect(page.locator('[data-testid=headline] [data-scenario=s1][data-metric=total_cost]'))
        .toHaveAttribute('data-value', before.value);
    });
  });
}
