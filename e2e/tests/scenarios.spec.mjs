// Scenarios: create from each strategy preset and check every figure against the model run
// outside the page; rename, duplicate, delete; tune levers with inline validation.
import { test, expect } from '@playwright/test';
import { modelReport, open, savedPlan, showTab, typeInto } from './helpers.mjs';

const PRESETS = ['precise_acquisition', 'data_analysis', 'service_quality', 'crm_optimisation', 'training_incentives'];

test('a scenario from each preset shows exactly what the model computes', async ({ page }) => {
  await open(page);
  await showTab(page, 'scenarios');
  for (const preset of PRESETS) {
    await page.locator(`[data-action=add-preset-${preset}]`).click();
  }
  // Ten scenarios (the example's five and five more) stay usable.
  await expect(page.locator('.scenario-item')).toHaveCount(10);
  const plan = await savedPlan(page);
  expect(plan.scenarios.map((s) => s.preset)).toEqual([...PRESETS, ...PRESETS]);
  await showTab(page, 'compare');
  const report = modelReport(plan);
  expect(report.scenarios).toHaveLength(11);
  const table = page.locator('[data-testid=comparison]');
  for (const scenario of report.scenarios) {
    for (const [metric, expected] of Object.entries(scenario.figures)) {
      const cell = table.locator(`td[data-scenario="${scenario.id}"][data-metric="${metric}"]`);
      await expect(cell, `${scenario.id} ${metric}`).toHaveAttribute('data-value', expected.value ?? '');
      await expect(cell, `${scenario.id} ${metric}`).toHaveAttribute('data-reason', expected.undefined ?? '');
      if (expected.delta !== undefined) {
        await expect(cell.locator('.delta')).toHaveAttribute('data-delta', expected.delta ?? '');
      }
    }
  }
  // Better or worse is said in words as well as colour, and the best is marked.
  await expect(table.locator('tr[data-metric-row=cac] .verdict').first()).toHaveText(/更好|更差|持平/);
  await expect(table.locator('tr[data-metric-row=ltv_cac] .best')).toHaveCount(2);
});

test('rename, duplicate, delete and tune a scenario', async ({ page }) => {
  await open(page);
  await showTab(page, 'scenarios');
  const editor = page.locator('.scenario-editor');
  // The preset's assumptions are visible and marked as assumptions.
  await expect(editor.locator('.preset-note .badge')).toHaveText('示例假设');
  const name = editor.locator('[data-field=scenario-name]');
  await typeInto(name, '精准获客 2027');
  await expect(page.locator('[data-testid=headline] tbody tr').nth(1).locator('th')).toHaveText('精准获客 2027');

  const pct = editor.locator('.lever').first().locator('[data-field=pct]');
  await typeInto(pct, '-150');
  await expect(editor.locator('.lever').first().locator('.lever-body .field-error')).toHaveText('须在 -100% 到 1000% 之间');
  // Typing commits each valid prefix: -1, then -15; -150 is refused and -15 stays in force.
  expect((await savedPlan(page)).scenarios[0].levers[0].pct).toBe('-15');
  await typeInto(pct, '-20');
  await expect.poll(async () => (await savedPlan(page)).scenarios[0].levers[0].pct).toBe('-20');
  const report = modelReport(await savedPlan(page));
  await expect(page.locator('[data-testid=headline] td[data-scenario=s1][data-metric=total_cost]'))
    .toHaveAttribute('data-value', report.scenarios[1].figures.total_cost.value);

  // Add a lever that adds a line, and one that removes a line.
  await editor.locator('select[id$=new-lever]').selectOption('add_line');
  await editor.locator('[data-action=add-lever]').click();
  const added = editor.locator('.lever[data-lever-kind=add_line]');
  await typeInto(added.locator('[data-field=amount]'), '1万');
  await editor.locator('select[id$=new-lever]').selectOption('remove_line');
  await editor.locator('[data-action=add-lever]').click();
  await expect(editor.locator('.lever')).toHaveCount(4);
  await expect.poll(async () => (await savedPlan(page)).scenarios[0].levers.map((l) => l.kind))
    .toEqual(['category_spend', 'new_customers', 'add_line', 'remove_line']);
  const withLines = modelReport(await savedPlan(page));
  await expect(page.locator('[data-testid=headline] td[data-scenario=s1][data-metric=total_cost]'))
    .toHaveAttribute('data-value', withLines.scenarios[1].figures.total_cost.value);

  await editor.locator('[data-action=duplicate-scenario]').click();
  await expect(page.locator('.scenario-item')).toHaveCount(6);
  await expect(page.locator('.scenario-item.active')).toHaveText('精准获客 2027 副本');
  await editor.locator('[data-action=delete-scenario]').click();
  await expect(page.locator('.scenario-item')).toHaveCount(5);

  await page.locator('[data-action=add-blank-scenario]').click();
  await expect(page.locator('.scenario-item')).toHaveCount(6);
  await expect(editor.locator('.empty')).toHaveText('没有调整项：此情景与基准相同。');
  // A scenario without levers equals the baseline on every headline figure.
  const cells = page.locator('[data-testid=headline] tbody tr').last().locator('td[data-metric]');
  const base = page.locator('[data-testid=headline] tbody tr').first().locator('td[data-metric]');
  for (let i = 0; i < 8; i++) {
    await expect(cells.nth(i)).toHaveAttribute('data-value', await base.nth(i).getAttribute('data-value'));
  }
});

// One line editor (issue 20): the budget table and a scenario's "add a line" lever behave the
// same: a one-time line takes its month, each field's change is its own undo step, and the
// selects follow undo.
test('a line is edited the same way in the budget and in an add-a-line lever', async ({ page }) => {
  await open(page);
  await showTab(page, 'scenarios');
  const editor = page.locator('.scenario-editor');
  await editor.locator('select[id$=new-lever]').selectOption('add_line');
  await editor.locator('[data-action=add-lever]').click();
  const lever = editor.locator('.lever[data-lever-kind=add_line]').last();
  await showTab(page, 'budget');
  const row = page.locator('[data-testid=lines] tbody tr').first();
  const lines = async () => (await savedPlan(page)).lines[0];
  const added = async () => (await savedPlan(page)).scenarios[0].levers.at(-1).line;
  for (const [where, fields, read] of [['budget', row, lines], ['lever', lever, added]]) {
    await showTab(page, where === 'budget' ? 'budget' : 'scenarios');
    await fields.locator('[data-field=basis]').selectOption('one_time');
    await typeInto(fields.locator('[data-field=month]'), '5');
    await expect.poll(async () => (await read()).basis, where).toEqual({ kind: 'one_time', month: 5 });
    await expect(fields.locator('[data-field=month]')).toHaveValue('5');
    // Undo takes back the basis only, and its select follows.
    await fields.locator('[data-field=basis]').selectOption('per_new_customer');
    await expect(fields.locator('[data-field=month]')).toHaveCount(0);
    await page.locator('[data-action=undo]').click();
    await expect.poll(async () => (await read()).basis, where).toEqual({ kind: 'one_time', month: 5 });
    await expect(fields.locator('[data-field=basis]'), `${where}: undo`).toHaveValue('one_time');
    await expect(fields.locator('[data-field=month]')).toHaveValue('5');
    // The category's select follows an undo (a select set once at mount showed a stale value).
    const category = fields.locator('[data-field=category]');
    const before = await category.inputValue();
    const other = before === 'crm' ? 'marketing' : 'crm';
    await category.selectOption(other);
    await expect(category).toHaveValue(other);
    await expect.poll(async () => (await read()).category, where).toBe(other);
    await page.locator('[data-action=undo]').click();
    await expect.poll(async () => (await read()).category, where).toBe(before);
    await expect(category, `${where}: undo`).toHaveValue(before);
  }
});
