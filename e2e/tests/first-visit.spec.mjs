// The first-visit task of issue 9, as a new user does it, at 390 px and 1440 px in both
// languages: a blank plan, a budget typed as people type it, two presets tuned, and a verdict
// read off the comparison. Every figure checked is the model's own, run outside the page.
// Screenshots of every step are written to e2e/artifacts.
import { test, expect } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { modelReport, open, savedPlan, showTab, typeInto } from './helpers.mjs';

const ARTIFACTS = fileURLToPath(new URL('../artifacts', import.meta.url));
mkdirSync(ARTIFACTS, { recursive: true });

async function noSidewaysScroll(page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, 'no horizontal page scroll').toBeLessThanOrEqual(0);
}

for (const width of [390, 1440]) {
  for (const lang of ['zh-CN', 'en']) {
    test(`first visit at ${width} px in ${lang}: blank plan, typed budget, two tuned presets, a verdict`, async ({ browser }) => {
      const zh = lang === 'zh-CN';
      const context = await browser.newContext({ locale: lang, viewport: { width, height: 860 } });
      const page = await context.newPage();
      const shot = (step) => page.screenshot({ path: `${ARTIFACTS}/first-visit-${step}-${width}-${lang}.png`, fullPage: true });
      await open(page);
      await showTab(page, 'compare');
      await page.locator('[data-action=start-blank]').click();
      await expect(page.locator('#plan-name')).toBeFocused();
      // A blank plan starts on the budget, with nothing to warn about yet.
      await expect(page.locator('#tab-budget')).toHaveAttribute('aria-selected', 'true');
      await page.waitForTimeout(500);
      await expect(page.locator('[data-notice=backup-reminder]')).toHaveCount(0);
      await page.keyboard.type(zh ? '华东门店 2027' : 'East stores 2027');

      // Economics as people type them: a churn pasted from Excel as a fraction is asked about.
      await typeInto(page.locator('#econ-starting_customers'), '2,400');
      await typeInto(page.locator('#econ-new_customers_per_month'), '150');
      await typeInto(page.locator('#econ-churn_pct'), '0.03');
      await page.locator('#econ-churn_pct-error [data-action=use-percent]').click();
      await typeInto(page.locator('#econ-revenue_per_customer_month'), '¥1,200');
      await typeInto(page.locator('#econ-gross_margin_pct'), '45%');

      // Three budget lines: each new name is selected, so typing replaces it.
      const lines = [
        [zh ? '信息流广告' : 'Feed ads', '1.5万', 'marketing'],
        [zh ? '客服团队' : 'Support team', '4.2万', 'support'],
        [zh ? 'CRM 订阅' : 'CRM subscription', '3,600', 'crm'],
      ];
      for (const [i, [name, amount, category]] of lines.entries()) {
        await page.locator('#add-line').click();
        const row = page.locator('[data-testid=lines] tbody tr').nth(i);
        await expect(row.locator('[data-field=name]')).toBeFocused();
        await page.keyboard.type(name);
        await row.locator('[data-field=category]').selectOption(category);
        await typeInto(row.locator('[data-field=amount]'), amount);
      }
      await expect.poll(async () => (await savedPlan(page)).lines.map((l) => [l.name, l.amount, l.category])).toEqual([
        [lines[0][0], '15000', 'marketing'],
        [lines[1][0], '42000', 'support'],
        [lines[2][0], '3600', 'crm'],
      ]);
      const plan = await savedPlan(page);
      expect([plan.churn_pct, plan.revenue_per_customer_month, plan.gross_margin_pct, plan.starting_customers]).toEqual(['3', '1200', '45', '2400']);
      await noSidewaysScroll(page);
      await shot('budget');

      // Two presets, tuned.
      await showTab(page, 'scenarios');
      await page.locator('[data-action=add-preset-precise_acquisition]').click();
      const editor = page.locator('.scenario-editor');
      await typeInto(editor.locator('.lever').first().locator('[data-field=pct]'), '-15');
      await page.locator('[data-action=add-preset-service_quality]').click();
      await typeInto(editor.locator('.lever').last().locator('[data-field=pct]'), '-20');
      await expect(editor.locator('.lever').last().locator('[data-testid=lever-effect]')).not.toBeEmpty();
      await noSidewaysScroll(page);
      await shot('scenarios');

      // The verdict, read off the comparison, is the model's.
      await showTab(page, 'compare');
      const report = modelReport(await savedPlan(page));
      expect(report.scenarios).toHaveLength(3);
      for (const s of report.scenarios.slice(1)) {
        const line = page.locator(`[data-testid=verdicts] li[data-scenario="${s.id}"]`);
        await expect(line.locator('[data-metric=net_contribution]')).toHaveAttribute('data-value', s.figures.net_contribution.delta);
        await expect(line.locator('[data-metric=total_cost]')).toHaveAttribute('data-value', s.figures.total_cost.delta);
        await expect(line.locator('[data-metric=payback_months]')).toHaveAttribute('data-value', s.figures.payback_months.value ?? '');
      }
      const [a, b] = report.scenarios.slice(1);
      const winner = Number(a.figures.net_contribution.value) >= Number(b.figures.net_contribution.value) ? a : b;
      if (Number(winner.figures.net_contribution.value) > Number(report.scenarios[0].figures.net_contribution.value)) {
        await expect(page.locator('[data-testid=verdicts] li.wins')).toHaveAttribute('data-scenario', winner.id);
      }
      await noSidewaysScroll(page);
      await shot('compare');
      // A phone shows the baseline and one scenario at a time in the headline; wider screens all.
      const rows = page.locator('[data-testid=headline] tbody tr');
      if (width < 720) {
        await expect(rows.filter({ visible: true })).toHaveCount(2);
        await page.locator('#headline-scenario').selectOption(b.id);
        await expect(page.locator(`[data-testid=headline] tbody tr.picked td[data-scenario="${b.id}"]`).first()).toBeVisible();
        await expect(page.locator(`[data-testid=headline] td[data-scenario="${a.id}"]`).first()).toBeHidden();
      } else {
        await expect(rows.filter({ visible: true })).toHaveCount(3);
        await expect(page.locator('#headline-scenario')).toBeHidden();
      }
      await showTab(page, 'charts');
      await noSidewaysScroll(page);
      await shot('charts');
      await context.close();
    });
  }
}
