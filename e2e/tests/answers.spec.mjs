// Answers: sensitivity, goal seek, ranges and attribution, driven as a person does in zh-CN and
// English; every value the page shows (its data-* attributes) equals what `ccp` computes for
// the same plan outside the page, and axe finds no violations.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { ccp, mainThreadTasks, open, savedPlan, showTab, typeInto } from './helpers.mjs';

/** Runs an analysis command of `ccp` on `plan`. */
function answer(command, plan, args) {
  const file = JSON.stringify({ format: 'customer-cost-planner/plan', version: 1, plan });
  return JSON.parse(ccp([command, '-', ...args], file));
}

async function openAnswers(page) {
  await open(page);
  await showTab(page, 'answers');
  await expect(page.locator('[data-testid=tornado] tbody tr').first()).toBeVisible();
}

/** The tornado's rows as the page shows them. */
async function tornadoRows(page) {
  return page.locator('[data-testid=tornado] tbody tr').evaluateAll((rows) =>
    rows.map((r) => ({
      driver: r.dataset.driver,
      low_input: r.dataset.lowInput,
      high_input: r.dataset.highInput,
      low: r.dataset.low,
      high: r.dataset.high,
    })),
  );
}

function expectedRows(json) {
  return json.drivers.map((d) => ({
    driver: d.driver,
    low_input: d.low_input,
    high_input: d.high_input,
    low: d.low ?? '',
    high: d.high ?? '',
  }));
}

async function axeClean(page) {
  const axe = await new AxeBuilder({ page })
    .include('#panel-answers')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes[0]?.target}`)).toEqual([]);
}

for (const lang of ['zh-CN', 'en']) {
  test.describe(lang, () => {
    test.use({ locale: lang });

    test(`the tornado equals ccp sensitivity for any scenario, figure and swing (${lang})`, async ({ page }) => {
      await openAnswers(page);
      const plan = await savedPlan(page);
      // Baseline, LTV:CAC, ±10 %: the default question.
      expect(await tornadoRows(page)).toEqual(
        expectedRows(answer('sensitivity', plan, ['--metric', 'ltv_cac'])),
      );
      await expect(page.locator('[data-testid=tornado-base]')).toHaveAttribute(
        'data-value',
        answer('sensitivity', plan, ['--metric', 'ltv_cac']).base,
      );
      // A scenario, another figure and a wider swing.
      await page.locator('#answers-scenario').selectOption('s3');
      await page.locator('#answers-metric').selectOption('payback_months');
      await typeInto(page.locator('#tornado-swing'), '25');
      await expect(page.locator('[data-testid=tornado]')).toHaveAttribute('data-swing', '25');
      await expect
        .poll(() => tornadoRows(page))
        .toEqual(expectedRows(answer('sensitivity', plan, ['--metric', 'payback_months', '--scenario', 's3', '--swing', '25'])));
      // A swing outside 1–100 % is refused beside the field, and the last one stays.
      await typeInto(page.locator('#tornado-swing'), '150');
      await expect(page.locator('#tornado-swing-error, [data-testid=sensitivity] .field-error').first()).toBeVisible();
      await expect(page.locator('[data-testid=tornado]')).toHaveAttribute('data-swing', '15');
      await axeClean(page);
    });

    test(`goal seek answers the common questions like ccp solve, and makes a scenario (${lang})`, async ({ page }) => {
      await openAnswers(page);
      const plan = await savedPlan(page);
      const result = page.locator('[data-testid=solve-result]');
      const questions = [
        ['quick-churn', ['--metric', 'ltv_cac', '--target', '3', '--input', 'churn_pct']],
        ['quick-marketing', ['--metric', 'payback_months', '--target', '12', '--input', 'cost_marketing']],
        ['quick-revenue', ['--metric', 'net_contribution', '--target', '0', '--input', 'revenue_per_customer_month']],
      ];
      for (const [action, args] of questions) {
        await page.locator(`[data-action=${action}]`).click();
        const expected = answer('solve', plan, args);
        await expect(result).toHaveAttribute('data-input', expected.input);
        await expect(result).toHaveAttribute('data-value', expected.value);
        await expect(result).toHaveAttribute('data-metric-value', expected.metric_value);
      }
      // An impossible target says why, with the closest value.
      await page.locator('#solve-metric').selectOption('ltv_cac');
      await page.locator('#solve-input').selectOption('gross_margin_pct');
      await typeInto(page.locator('#solve-target'), '300');
      await page.locator('[data-action=solve]').click();
      const impossible = answer('solve', plan, ['--metric', 'ltv_cac', '--target', '300', '--input', 'gross_margin_pct']);
      await expect(result).toHaveAttribute('data-unreachable', impossible.unreachable);
      await expect(result).toHaveAttribute('data-best-value', impossible.best_value);
      await expect(result).toHaveAttribute('data-best-metric', impossible.best_metric);
      // One line's amount: the lines are a second list, opened by choosing "a line".
      await page.locator('#solve-metric').selectOption('npv');
      await page.locator('#solve-input').selectOption('line');
      await page.locator('#solve-line').selectOption('line_amount_2');
      await typeInto(page.locator('#solve-target'), '900000');
      await page.locator('[data-action=solve]').click();
      const line = answer('solve', plan, ['--metric', 'npv', '--target', '900000', '--input', 'line_amount_2']);
      await expect(result).toHaveAttribute('data-input', 'line_amount_2');
      await expect(result).toHaveAttribute('data-value', line.value);
      await expect(result).toHaveAttribute('data-metric-value', line.metric_value);
      // The churn answer as a scenario: its LTV:CAC in the headline is the answer's.
      await page.locator('[data-action=quick-churn]').click();
      const churn = answer('solve', plan, ['--metric', 'ltv_cac', '--target', '3', '--input', 'churn_pct']);
      await page.locator('[data-action=goal-scenario]').click();
      const after = await savedPlan(page);
      expect(after.scenarios).toHaveLength(plan.scenarios.length + 1);
      const made = after.scenarios.at(-1);
      expect(made.levers).toEqual([{ kind: 'set', input: 'churn_pct', value: churn.value }]);
      await expect(
        page.locator(`[data-testid=headline] td[data-scenario=s${made.id}][data-metric=ltv_cac]`),
      ).toHaveAttribute('data-value', churn.metric_value);
      await expect(page.locator('[data-testid=goal-seek] [role=status]')).toContainText(made.name);
      // An answer finer than a field takes (revenue to ¥90.865138378755) becomes the field's
      // neighbouring value that still reaches the target: net contribution at least 0.
      await page.locator('[data-action=quick-revenue]').click();
      const revenue = answer('solve', plan, ['--metric', 'net_contribution', '--target', '0', '--input', 'revenue_per_customer_month']);
      await expect(result).toHaveAttribute('data-value', revenue.value);
      expect(revenue.value.split('.')[1].length).toBeGreaterThan(4);
      await page.locator('[data-action=goal-scenario]').click();
      const fine = (await savedPlan(page)).scenarios.at(-1);
      const set = fine.levers.at(-1);
      expect(set.value.split('.')[1].length).toBeLessThanOrEqual(4);
      expect(Math.abs(Number(set.value) - Number(revenue.value))).toBeLessThan(0.0001);
      const net = await page.locator(`[data-testid=headline] td[data-scenario=s${fine.id}][data-metric=net_contribution]`).getAttribute('data-value');
      expect(Number(net)).toBeGreaterThanOrEqual(0);
      // The new lever is editable in the scenario panel like any other.
      await showTab(page, 'scenarios');
      await page.locator(`.scenario-item[data-scenario-id="${made.id}"]`).click();
      await expect(page.locator('.lever[data-lever-kind=set] [data-field=input]')).toHaveValue('churn_pct');
      await showTab(page, 'answers');
      await axeClean(page);
    });

    test(`ranges run like ccp ranges with the same seed, can be cancelled, and are saved (${lang})`, async ({ page }) => {
      await openAnswers(page);
      const section = page.locator('[data-testid=ranges]');
      await page.locator('#range-driver').selectOption('new_customers_per_month');
      await section.locator('[data-action=add-range]').click();
      await page.locator('#range-driver').selectOption('churn_pct');
      await section.locator('[data-action=add-range]').click();
      await typeInto(page.locator('#range-churn_pct-low'), '4');
      await typeInto(page.locator('#range-churn_pct-high'), '7');
      await expect
        .poll(async () => (await savedPlan(page)).ranges)
        .toEqual([
          { driver: 'new_customers_per_month', low: '80', high: '120' },
          { driver: 'churn_pct', low: '4', high: '7' },
        ]);
      const plan = await savedPlan(page);
      await page.locator('#answers-scenario').selectOption('s2');
      await typeInto(page.locator('#ranges-runs'), '300');
      await typeInto(page.locator('#ranges-seed'), '7');
      await section.locator('[data-action=run-ranges]').click();
      const table = page.locator('[data-testid=ranges-result]');
      await expect(table).toHaveAttribute('data-runs', '300');
      const expected = answer('ranges', plan, ['--scenario', 's2', '--runs', '300', '--seed', '7']);
      for (const [metric, p] of Object.entries(expected)) {
        const row = table.locator(`tr[data-metric=${metric}]`);
        await expect(row, metric).toHaveAttribute('data-p10', p.p10 ?? '');
        await expect(row, metric).toHaveAttribute('data-p50', p.p50 ?? '');
        await expect(row, metric).toHaveAttribute('data-p90', p.p90 ?? '');
      }
      await expect(page.locator('[data-testid=fan]')).toHaveAttribute('data-last-p50', /\d/);
      // Each range also in words, with the figures the table shows; the fan chart has axes.
      const sentence = page.locator('[data-testid=range-sentences] li[data-metric=net_contribution]');
      const cells = table.locator('tr[data-metric=net_contribution] td');
      await expect(sentence).toContainText(lang === 'zh-CN' ? '每 10 次模拟中有 8 次' : 'In 8 runs out of 10');
      await expect(sentence).toContainText(await cells.nth(0).textContent());
      await expect(sentence).toContainText(await cells.nth(1).textContent());
      await expect(sentence).toContainText(await cells.nth(2).textContent());
      await expect.poll(() => page.locator('[data-testid=fan] .axis-label').count()).toBeGreaterThanOrEqual(5);
      // A long run shows its progress and stops when cancelled, with the draws made so far. (A
      // CPU slowed 20 times keeps it running long enough to be cancelled by hand on any machine.)
      await typeInto(page.locator('#ranges-runs'), '10000');
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 20 });
      await section.locator('[data-action=run-ranges]').click();
      await expect(page.locator('[data-testid=ranges-progress] progress')).toBeVisible();
      await page.locator('[data-action=cancel-ranges]').click();
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
      const runs = Number(await table.getAttribute('data-runs'));
      expect(runs).toBeGreaterThan(0);
      expect(runs).toBeLessThan(10000);
      // An edit of the plan marks the figures as stale.
      await typeInto(page.locator('#range-churn_pct-high'), '8');
      await expect(page.locator('[data-testid=ranges-stale]')).toBeVisible();
      // Ranges are part of the plan: they survive a reload.
      await page.reload();
      await showTab(page, 'answers');
      await expect(page.locator('[data-range=churn_pct] [data-field=high]')).toHaveValue('8');
      await axeClean(page);
    });

    test(`attribution equals ccp attribute for every scenario and sums to the change (${lang})`, async ({ page }) => {
      await openAnswers(page);
      const plan = await savedPlan(page);
      await expect(page.locator('[data-testid=attribution]')).not.toContainText('NaN');
      for (const metric of ['net_contribution', 'ltv_cac']) {
        await page.locator('#answers-metric').selectOption(metric);
        for (const s of plan.scenarios) {
          await page.locator('#answers-scenario').selectOption(`s${s.id}`);
          const expected = answer('attribute', plan, ['--metric', metric, '--scenario', `s${s.id}`]);
          const table = page.locator('[data-testid=waterfall]');
          await expect(table).toHaveAttribute('data-total', expected.total);
          await expect(table).toHaveAttribute('data-base', expected.base);
          await expect(table).toHaveAttribute('data-value', expected.value);
          const shares = await table.locator('tr[data-lever]').evaluateAll((rows) =>
            rows.map((r) => ({ index: Number(r.dataset.lever), kind: r.dataset.kind, share: r.dataset.share })),
          );
          expect(shares).toEqual(expected.levers);
        }
      }
      await axeClean(page);
    });
  });
}

test('the Answers tab fits a phone and names its scenario choice', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openAnswers(page);
  await page.locator('#answers-scenario').selectOption('s1');
  await expect(page.locator('[data-testid=waterfall]')).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: 'e2e/artifacts/answers-390.png', fullPage: true });
});

/** Opens the app on a workspace holding `plan` (seeded before the first load). */
async function openWith(page, plan) {
  const ws = { format: 'customer-cost-planner/workspace', version: 2, revision: 1, workspace: { plans: [{ id: 1, plan }], selected: 1, lang: 'en' } };
  await page.addInitScript((text) => {
    if (!sessionStorage.getItem('seeded')) {
      localStorage.setItem('customer-cost-planner/workspace', text);
      sessionStorage.setItem('seeded', '1');
    }
  }, JSON.stringify(ws));
  await open(page);
  await showTab(page, 'answers');
}

test('attribution of 40 levers runs in slices with progress and Cancel, no long task, and equals ccp; 200 levers are refused', async ({ page }) => {
  test.setTimeout(120_000);
  const plan = JSON.parse(ccp(['example', 'starter', '--lang', 'en'])).plan;
  const kinds = [
    (i) => ({ kind: 'churn', pct: String(-1 - (i % 5)) }),
    (i) => ({ kind: 'new_customers', pct: String(1 + (i % 7)) }),
    (i) => ({ kind: 'category_spend', category: ['marketing', 'crm', 'support', 'after_sales'][i % 4], pct: String(2 + (i % 3)) }),
    (i) => ({ kind: 'revenue', pct: String(1 + (i % 2)) }),
  ];
  const levers = (n) => Array.from({ length: n }, (_, i) => kinds[i % kinds.length](i));
  plan.scenarios = [
    { id: 1, name: 'Forty changes', levers: levers(40) },
    { id: 2, name: 'Two hundred changes', levers: levers(200) },
  ];
  await openWith(page, plan);
  await page.locator('#answers-metric').selectOption('net_contribution');
  await page.locator('#answers-scenario').selectOption('s1');
  const section = page.locator('[data-testid=attribution]');
  // Started, shown in progress, cancelled: nothing half-done is shown as an answer. (A CPU
  // slowed 20 times keeps the run going long enough to be cancelled by hand.)
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 20 });
  await section.locator('[data-action=compute-attribution]').click();
  await expect(section.locator('[data-testid=attribution-progress] progress')).toBeVisible();
  await section.locator('[data-action=cancel-attribution]').click();
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await expect(section).toContainText('Cancelled');
  await expect(page.locator('[data-testid=waterfall]')).toHaveCount(0);
  // Run to the end with a trace on: no main-thread task does over 50 ms of work (CPU time, so
  // a task only stretched by another worker's load on a shared machine does not count).
  const table = page.locator('[data-testid=waterfall]');
  const tasks = await mainThreadTasks(page, async () => {
    await section.locator('[data-action=compute-attribution]').click();
    await expect(table).toBeVisible({ timeout: 90_000 });
  });
  expect(tasks.length).toBeGreaterThan(10);
  expect(tasks.filter((t) => t.cpu > 50)).toEqual([]);
  const expected = answer('attribute', plan, ['--metric', 'net_contribution', '--scenario', 's1']);
  await expect(table).toHaveAttribute('data-total', expected.total);
  const shares = await table.locator('tr[data-lever]').evaluateAll((rows) => rows.map((r) => r.dataset.share));
  expect(shares).toEqual(expected.levers.map((l) => l.share));
  // 200 levers: refused with a message that says what to do.
  await page.locator('#answers-scenario').selectOption('s2');
  await section.locator('[data-action=compute-attribution]').click();
  await expect(section.locator('.warning')).toContainText('at most 50');
});

for (const [locale, rises] of [['zh-CN', '升至'], ['en-US', 'rises from']]) {
  test(`a goal seek's answer is a sentence that belongs to its scenario and goes stale only when its figures change (${locale})`, async ({ browser }) => {
    const context = await browser.newContext({ locale });
    const page = await context.newPage();
    await openAnswers(page);
    const plan = await savedPlan(page);
    const result = page.locator('[data-testid=solve-result]');
    await page.locator('[data-action=quick-churn]').click();
    const base = answer('solve', plan, ['--metric', 'ltv_cac', '--target', '3', '--input', 'churn_pct']);
    await expect(result).toHaveAttribute('data-column', 'baseline');
    await expect(result).toHaveAttribute('data-value', base.value);
    // Where churn goes from and to, in words: 5 % now.
    await expect(result).toContainText(rises);
    await expect(result).toContainText('5%');
    // A range changes no figure: the answer stands.
    await page.locator('#range-driver').selectOption('churn_pct');
    await page.locator('[data-testid=ranges] [data-action=add-range]').click();
    await expect(page.locator('[data-testid=solve-stale]')).toHaveCount(0);
    await expect(page.locator('[data-action=goal-scenario]')).toBeVisible();
    // Another scenario chosen: the answer says whose it is, and solving again answers for it.
    await page.locator('#answers-scenario').selectOption('s1');
    await expect(page.locator('[data-testid=solve-other]')).toBeVisible();
    await expect(page.locator('[data-action=goal-scenario]')).toHaveCount(0);
    await page.locator('[data-testid=solve-other] [data-action=solve-again]').click();
    const s1 = answer('solve', plan, ['--metric', 'ltv_cac', '--target', '3', '--input', 'churn_pct', '--scenario', 's1']);
    await expect(result).toHaveAttribute('data-column', 's1');
    await expect(result).toHaveAttribute('data-value', s1.value);
    await expect(page.locator('[data-testid=solve-other]')).toHaveCount(0);
    // An input the answer depends on changes: stale, and solved again on request.
    await showTab(page, 'budget');
    await typeInto(page.locator('#econ-churn_pct'), '4');
    await showTab(page, 'answers');
    await expect(result, 'the answer is kept while another tab is shown').toHaveAttribute('data-column', 's1');
    await expect(page.locator('[data-testid=solve-stale]')).toBeVisible();
    await page.locator('[data-testid=solve-stale] [data-action=solve-again]').click();
    const changed = answer('solve', await savedPlan(page), ['--metric', 'ltv_cac', '--target', '3', '--input', 'churn_pct', '--scenario', 's1']);
    await expect(result).toHaveAttribute('data-value', changed.value);
    await expect(page.locator('[data-testid=solve-stale]')).toHaveCount(0);
    await context.close();
  });
}
