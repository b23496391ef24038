// The JSON Schemas in docs/schema/ describe what the app really writes: every example plan,
// the stored workspace, and files exported from the page validate; broken files do not.
import { test, expect } from '@playwright/test';
import Ajv2020 from 'ajv/dist/2020.js';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { open, savedWorkspace } from './helpers.mjs';

const read = (path) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: true });
ajv.addSchema(read('../../docs/schema/plan-file.schema.json'), 'plan-file.schema.json');
ajv.addSchema(read('../../docs/schema/workspace.schema.json'), 'workspace.schema.json');
const planFile = ajv.getSchema('plan-file.schema.json');
const workspace = ajv.getSchema('workspace.schema.json');
const CCP = fileURLToPath(new URL('../../target/debug/ccp', import.meta.url));

test('every example plan file and the stored sample match the schemas', () => {
  for (const example of ['starter', 'ecommerce', 'manufacturer', 'saas']) {
    for (const lang of ['zh-CN', 'en']) {
      const file = JSON.parse(execFileSync(CCP, ['example', example, '--lang', lang], { encoding: 'utf8' }));
      expect(planFile(file), `${example} ${lang}: ${ajv.errorsText(planFile.errors)}`).toBe(true);
    }
  }
  for (const version of [1, 2]) {
    const sample = read(`../../tests/fixtures/workspace-v${version}.json`);
    expect(workspace(sample), `version ${version}: ${ajv.errorsText(workspace.errors)}`).toBe(true);
  }
  // Version 3's time in the plan: the worked example of docs/model.md.
  const time = read('../../tests/fixtures/time-example.json');
  expect(planFile(time), ajv.errorsText(planFile.errors)).toBe(true);
});

test('what the page stores matches the workspace schema', async ({ page }) => {
  await open(page);
  await page.locator('#tab-scenarios').click();
  await page.locator('[data-action=add-blank-scenario]').click();
  await page.locator('select[id$=new-lever]').selectOption('add_line');
  await page.locator('[data-action=add-lever]').click();
  // A range of each kind of driver and a scenario with a "set" lever (a goal seek's answer).
  await page.locator('#tab-answers').click();
  for (const driver of ['churn_pct', 'cost_marketing', 'line_amount_1']) {
    await page.locator('#range-driver').selectOption(driver);
    await page.locator('[data-action=add-range]').click();
  }
  await page.locator('[data-action=quick-revenue]').click();
  await page.locator('[data-action=goal-scenario]').click();
  const stored = await savedWorkspace(page);
  const plan = stored.workspace.plans[0].plan;
  expect(plan.ranges.map((r) => r.driver)).toEqual(['churn_pct', 'cost_marketing', 'line_amount_1']);
  expect(plan.scenarios.at(-1).levers[0].kind).toBe('set');
  expect(workspace(stored), ajv.errorsText(workspace.errors)).toBe(true);
});

test('the schemas refuse what the app refuses', () => {
  const file = JSON.parse(execFileSync(CCP, ['example', 'starter'], { encoding: 'utf8' }));
  const broken = [
    { ...file, extra: 1 },
    { ...file, version: file.version + 1 },
    { ...file, plan: { ...file.plan, lines: [{ ...file.plan.lines[0], to_month: 121 }] } },
    { ...file, plan: { ...file.plan, seasonality_pct: Array(11).fill('100') } },
    { ...file, plan: { ...file.plan, first_calendar_month: 13 } },
    { ...file, plan: { ...file.plan, new_customers_growth_pct: 3 } },
    { ...file, plan: { ...file.plan, colour: 'red' } },
    { ...file, plan: { ...file.plan, horizon_months: 121 } },
    { ...file, plan: { ...file.plan, churn_pct: 5 } },
    { ...file, plan: { ...file.plan, lines: [{ ...file.plan.lines[0], amount: '-5' }] } },
    { ...file, plan: { ...file.plan, lines: [{ ...file.plan.lines[0], category: 'sales' }] } },
    { ...file, plan: { ...file.plan, lines: [{ ...file.plan.lines[0], basis: { kind: 'one_time' } }] } },
  ];
  for (const b of broken) {
    expect(planFile(b), JSON.stringify(b).slice(0, 120)).toBe(false);
  }
});
